#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Baton {

/** @brief One nginx process as the probe saw it. Identified by (pid, startTime). */
struct NginxProcess
{
    enum class Role {
        Master, ///< "nginx: master process ..."
        Worker, ///< "nginx: worker process"
        ShuttingDownWorker, ///< "nginx: worker process is shutting down"
        Helper, ///< cache manager or cache loader
        Other, ///< titled "nginx..." but none of the above
    };

    qint64 pid = 0;
    qint64 ppid = 0;
    int uid = -1;
    quint64 startTime = 0; ///< clock ticks since boot
    QChar state;
    QString title;

    Role role() const;
    bool isWorker() const { return role() == Role::Worker || role() == Role::ShuttingDownWorker; }

    bool operator==(const NginxProcess &) const = default;
};

/** @brief What the host probe (resources/probe.sh) reported, parsed. */
struct ProbeRecord
{
    Q_DECLARE_TR_FUNCTIONS(ProbeRecord)

public:
    static constexpr int SupportedVersion = 1;

    int version = 0;
    QString host;
    qint64 uptimeSeconds = 0;
    int ticksPerSecond = 100;
    QHash<QString, bool> tools; ///< optional tools: present or not
    QList<NginxProcess> processes;
    QHash<qint64, QString> executables; ///< master pid -> /proc/PID/exe target
    QString pidFile; ///< empty: no pid file was named
    std::optional<qint64> pidFilePid; ///< nullopt: missing or empty
    std::optional<qint64> oldbinPid;
    QString binaryPath;
    qint64 binarySize = -1;
    qint64 binaryMtime = 0;
    QString binarySha256; ///< empty when sha256sum is missing
    QHash<qint64, QString> versions; ///< master pid -> first line of `exe -v`
    QHash<qint64, QString> executableSha256; ///< master pid -> sha256 of what it runs
    QHash<qint64, QStringList> listening; ///< master pid -> "address:port" it listens on
    QHash<qint64, int> connections; ///< pid -> established TCP connections (absent: none)

    /** @brief Parses the probe's output; on failure @p error says which line and why. */
    static std::optional<ProbeRecord> parse(QStringView text, QString *error);

    std::optional<NginxProcess> process(qint64 pid) const;
    QList<NginxProcess> childrenOf(qint64 pid) const;
    /** @brief The executable is gone from disk (replaced): "/path (deleted)". */
    bool executableDeleted(qint64 pid) const;
};

} // namespace Baton
