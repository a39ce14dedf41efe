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

/** @brief A systemd service as `systemctl show` describes it. */
struct SystemdUnit
{
    QString type; ///< "forking", "simple", "notify", ...
    QString pidFile; ///< empty: none
    qint64 mainPid = 0; ///< 0: none
    QString execStart; ///< path of the program ExecStart runs

    bool operator==(const SystemdUnit &) const = default;
};

/**
 * @brief One nginx instance of a host: the masters that share a pid file, or (`pid off`,
 * pid file unknown) a master and the masters it spawned.
 */
struct ProbeInstance
{
    QString pidFile; ///< empty: the masters were found by their title only
    QList<qint64> masters; ///< pids, in the order the probe listed them

    bool operator==(const ProbeInstance &) const = default;
};

/** @brief What the host probe (resources/probe.sh) reported, parsed. */
struct ProbeRecord
{
    Q_DECLARE_TR_FUNCTIONS(ProbeRecord)

public:
    static constexpr int SupportedVersion = 2;

    int version = 0;
    bool quick = false; ///< a quick (or phase) record: no sha256 sums, builds, configuration or systemd facts
    bool phaseOnly = false; ///< a phase record: besides, no executables, sockets or binary
    QString pinnedPidFile; ///< the pid file the caller named; empty: none
    QString host;
    qint64 uptimeSeconds = 0;
    int ticksPerSecond = 100;
    int pageSize = 4096; ///< bytes, for rssPages
    /// who holds Baton's lock of each pid file (the lock's owner text), for the pid files that have one
    QHash<QString, QString> lockOwners;
    QHash<qint64, qint64> rssPages; ///< resident memory of each nginx process, in pages
    QHash<QString, bool> tools; ///< optional tools: present or not
    QList<NginxProcess> processes;
    QHash<qint64, QString> executables; ///< master pid -> /proc/PID/exe target
    QHash<qint64, QString> executableSha256; ///< master pid -> sha256 of what it runs
    QHash<qint64, QStringList> builds; ///< master pid -> the lines of `exe -V`
    QHash<qint64, QString> versions; ///< master pid -> first line of `exe -V` ("nginx version: ...")
    QHash<qint64, QString> configFiles; ///< master pid -> main configuration file
    QHash<qint64, QString> pidPaths; ///< master pid -> pid file its configuration names, "off" or "?"
    QHash<qint64, QString> daemon; ///< master pid -> "on", "off" or "?" (configuration unreadable)
    QHash<qint64, QString> errorLogs; ///< master pid -> main error log, "stderr" or "?"
    QHash<qint64, QString> stderrTargets; ///< master pid -> where its stderr goes ("?": unreadable)
    QHash<qint64, QString> units; ///< master pid -> systemd service holding it
    QHash<QString, SystemdUnit> systemdUnits; ///< service -> its settings (needs systemctl)
    QStringList pidFiles; ///< the pid files read, in the probe's order
    QHash<QString, std::optional<qint64>> pidFilePids; ///< pid file -> pid it holds (nullopt: missing or empty)
    QHash<QString, std::optional<qint64>> oldbinPids; ///< pid file -> pid in PATH.oldbin
    QString binaryPath;
    qint64 binarySize = -1;
    qint64 binaryMtime = 0;
    QString binarySha256; ///< empty when sha256sum is missing
    QHash<qint64, QStringList> listening; ///< master pid -> "address:port" it listens on
    QHash<qint64, int> connections; ///< pid -> established TCP connections (absent: none)

    /** @brief Parses the probe's output; on failure @p error says which line and why. */
    static std::optional<ProbeRecord> parse(QStringView text, QString *error);

    std::optional<NginxProcess> process(qint64 pid) const;
    QList<NginxProcess> childrenOf(qint64 pid) const;
    /** @brief Live (not zombie) masters, in the probe's order. */
    QList<NginxProcess> masters() const;
    /** @brief The executable is gone from disk (replaced): "/path (deleted)". */
    bool executableDeleted(qint64 pid) const;
    /** @brief Whether the host has @p tool; false when the probe did not say. */
    bool hasTool(const QString &tool) const { return tools.value(tool); }

    /**
     * @brief Every nginx instance on the host. Masters are grouped by the pid file that holds
     * their pid (or its .oldbin), else by the pid file their configuration names, else with
     * the master that spawned them. The pinned pid file is always an instance, even with no
     * master (a stopped instance).
     */
    QList<ProbeInstance> instances() const;
    /** @brief The instance the pinned pid file names; without a pin, the only instance. */
    std::optional<ProbeInstance> selectedInstance(QString *why) const;
};

/** @brief "[0:0:0:0:0:0:0:1]:80" -> "[::1]:80" (RFC 5952); other text comes back unchanged. */
QString canonicalSocketAddress(QStringView address);

} // namespace Baton
