#pragma once

#include <QList>
#include <QString>

#include <sys/types.h>

#include <optional>

namespace Baton {

/**
 * @brief A process identified by (pid, start time), never by pid alone (DESIGN.md §2).
 *
 * A recorded pid may have been reused by an unrelated process since it was recorded; the
 * start time (field 22 of /proc/PID/stat, in clock ticks since boot) tells them apart.
 */
struct LabProcess
{
    pid_t pid = 0;
    quint64 startTime = 0;

    /** @brief The process with @p pid as it is now; nullopt when there is none (or a zombie). */
    static std::optional<LabProcess> current(pid_t pid);

    /** @brief True while this very process (same pid and start time) runs and is no zombie. */
    bool isAlive() const;

    /** @brief Sends @p signal if this very process still runs. */
    bool signal(int signal) const;

    /**
     * @brief Every lab server process: its executable lies under @p directory, or it is an
     * sshd, nginx or batonctl whose command line or title names a path under it. Excludes the
     * calling process.
     */
    static QList<LabProcess> underDirectory(const QString &directory);

    bool operator==(const LabProcess &) const = default;
};

} // namespace Baton
