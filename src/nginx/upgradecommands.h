#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Baton {

/**
 * @brief The arguments a master was started with, read back from its title
 * ("nginx: master process /usr/sbin/nginx -p /srv/ -c conf/nginx.conf -g 'daemon on;'").
 *
 * nginx overwrites its argv with that title, joining the arguments with spaces, so a path
 * that itself contains spaces cannot be told apart; such a title is rejected.
 */
struct MasterArguments
{
    QString binary; ///< argv[0]
    QString prefix; ///< -p
    QString configFile; ///< -c
    QString globals; ///< -g
    QString errorLog; ///< -e

    static std::optional<MasterArguments> fromTitle(QStringView title);

    /** @brief The same -p/-c/-g/-e options, for running another binary exactly like this master. */
    QStringList options() const;

    bool operator==(const MasterArguments &) const = default;
};

/**
 * @brief The exact shell commands of each step of DESIGN.md §1. Every path and value goes
 * through shellQuote(); each command is one POSIX sh command line that fails (non-zero
 * exit, message on stderr) when its step did not happen.
 */
namespace UpgradeCommands {

/** @brief Copies @p binary to @p backup, keeping mode and times, and checks the copy. */
QString backup(const QString &binary, const QString &backup);

/**
 * @brief Puts @p source in place of @p binary atomically: a copy beside the target, then
 * one rename() (a plain cp over a running executable fails with "Text file busy").
 */
QString install(const QString &source, const QString &binary);

/** @brief Tests the configuration with @p binary and the master's exact arguments; @p showBuild: `-V`
 * first (the build, then the test, in one run). */
QString testConfiguration(const QString &binary, const MasterArguments &arguments, bool showBuild = false);

/** @brief `BINARY -T -q` with the master's own options: the whole configuration, as nginx reads it, on stdout. */
QString dumpConfiguration(const QString &binary, const MasterArguments &arguments);

/** @brief Sends @p signal (USR2, WINCH, QUIT, HUP, TERM) to @p pid, if it is still the process
 * started at @p startTime (field 22 of /proc/PID/stat): never to a recycled pid. */
QString signal(const QString &signal, qint64 pid, quint64 startTime);

/** @brief Prints the number a pid file holds (nothing when missing). */
QString readPidFile(const QString &pidFile);

/** @brief The directory Baton keeps an instance's lock and step markers in: beside the pid file. */
QString stateDirectory(const QString &pidFile);

/**
 * @brief Takes the instance's lock (`flock` on STATEDIR/lock) for @p owner, or fails with
 * exit status 75 and "locked by: OWNER" on stderr. A detached holder process keeps the lock
 * while STATEDIR/owner is renewed (renewLock()) within @p leaseSeconds, and until
 * releaseLock(); so a Baton that crashed cannot hold a host forever.
 */
QString acquireLock(const QString &stateDirectory, const QString &owner, int leaseSeconds);
/** @brief Renews the lease of @p owner; exit status 75 when the lock is no longer its. */
QString renewLock(const QString &stateDirectory, const QString &owner);
/** @brief Releases the lock if @p owner holds it, and waits until it is free. */
QString releaseLock(const QString &stateDirectory, const QString &owner);
/** @brief Prints the owner of the lock and exits 75 when it is held; exits 0 when free. Changes nothing. */
QString lockStatus(const QString &stateDirectory);

/**
 * @brief Starts @p command detached from the SSH session (setsid, output to a file, its exit
 * status in a marker file), then waits up to @p waitSeconds for it like waitStep(). A dropped
 * link cannot kill the command half-way; the engine reconnects and calls waitStep().
 */
QString runStep(const QString &stateDirectory, const QString &id, const QString &command, int waitSeconds);
/**
 * @brief runStep() for a command that takes no time and starts no process that could be
 * cut off, such as a signal (`kill` is a shell builtin): it runs in the calling shell, not
 * detached, and leaves the same marker files, so waitStep() tells whether it ran.
 */
QString runInstantStep(const QString &stateDirectory, const QString &id, const QString &command);
/**
 * @brief Waits for step @p id: prints its output and exits with its status; exit status 124
 * when it still runs after @p waitSeconds, 125 when it never started.
 */
QString waitStep(const QString &stateDirectory, const QString &id, int waitSeconds);

/**
 * @brief Host-side waits: a light loop of shell builtins (no process per check) that
 * returns as soon as the condition holds (exit 0) or after @p seconds (exit 1), so that a
 * step costs one round trip to wait and one probe to confirm, not a probe per poll.
 */
/** @brief Until @p pidFile names a new master (not @p oldMaster), `.oldbin` is there, and the
 * new master has @p workers children. Exit 2 when, after a second, nginx is back on the old
 * master alone (the new one died). */
QString waitSpawned(const QString &pidFile, qint64 oldMaster, int workers, int seconds);
/** @brief Until master @p pid has at least @p workers children besides @p exceptPid. */
QString waitWorkers(qint64 pid, qint64 exceptPid, int workers, int seconds);
/** @brief Until master @p pid has no children besides @p exceptPid (its workers drained). */
QString waitDrained(qint64 pid, qint64 exceptPid, int seconds);
/** @brief Until process @p pid (started at @p startTime) is gone. */
QString waitGone(qint64 pid, quint64 startTime, int seconds);

/** @brief Prints what master @p pid really runs: the sha256 of /proc/PID/exe ("-" without
 * sha256sum), then the first line of its `-v`. A few processes, where a probe has many.
 * With @p knownFile, a file whose sha256 and version the caller knows, prints "same" when
 * the master runs that very file (same device and inode), and nothing more: no process. */
QString masterFacts(qint64 pid, const QString &knownFile = {});

/** @brief Prints the sha256 of @p file (sha256sum, else openssl, else nothing and exit 127). */
QString sha256(const QString &file);
/**
 * @brief The staging area (@p directory: absolute, "~/..." in the login user's home, or
 * empty for ~/.cache/baton/staging): prints its absolute path, creates it, and if @p name is
 * there already, prints its sha256, its size and its `-V`. One round trip decides whether
 * an upload is needed.
 */
QString stagedFile(const QString &directory, const QString &name);

/** @brief What stage() does on the host. */
struct StagePlan
{
    QString source; ///< what the master really runs: the binary, or /proc/PID/exe
    qint64 masterPid = 0; ///< the master: a backup that is its executable needs no sha256
    QString backupPath;
    bool backupDone = false; ///< a verified backup is there already
    QString runningSha; ///< the running binary's sha256 (empty: cannot be checked)
    QString version; ///< the running version, for the record
    QString record; ///< STATEDIR/backup: "PATH SHA256 VERSION"
    QString target; ///< the new binary on the host
    QString binary; ///< where it goes
};
/**
 * @brief All of staging as one state-changing step (run it with runStep()): the backup (a
 * hard link to the binary where it can be, else a verified copy), its check against what
 * the master runs (the same inode, else the same sha256), the record of it, the atomic
 * install of the target and its comparison with the target. Exit status 11: the backup
 * failed; 12: it does not match; 13: the record could not be written; 14: the install
 * failed. Each part is skipped or safe to run again, so the whole may be run again.
 */
QString stage(const StagePlan &plan);

/** @brief Prints the kilobytes available to unprivileged writers in the file system of @p directory. */
QString freeKilobytes(const QString &directory);
/** @brief Prints the size of @p file in bytes (0 when missing). */
QString fileSize(const QString &file);
/** @brief Prints what @p file holds after its first @p offset bytes. */
QString tailFrom(const QString &file, qint64 offset);
/** @brief How one command of a batch() ended. */
struct BatchPart
{
    std::optional<int> exitStatus; ///< nullopt: the batch ended before this command did
    QString out;
    QString err;
};

/**
 * @brief Runs @p commands one after the other in one shell: one round trip for many small
 * queries. Each runs in a subshell of its own (its `exit` ends only itself) whatever the
 * others' status; its stdout, exit status and stderr come back framed by lines holding
 * @p marker (random per call, so no output can fake one). They read /dev/null. parseBatch()
 * splits the output.
 */
QString batch(const QStringList &commands, const QString &marker);
/** @brief The @p count parts of a batch()'s output; those it did not reach have no exit status. */
QList<BatchPart> parseBatch(QStringView output, QStringView marker, int count);

/** @brief Where a plain http:// URL points, split for a client that speaks HTTP/1.0 itself. */
struct HttpTarget
{
    QString host; ///< a name or an address (IPv6 without brackets)
    int port = 80;
    QString path; ///< with its query, percent-encoded; at least "/"
    QString hostHeader; ///< what the Host header says: host (bracketed for IPv6), and port if given

    /** @brief nullopt for anything but http:// without user info. */
    static std::optional<HttpTarget> fromUrl(const QString &url);
};

/**
 * @brief Requests @p url on the host and prints the HTTP status: a plain http URL with
 * bash's /dev/tcp where bash is (an HTTP/1.0 GET, the status line read; exit status 7: no
 * connection, 52: no HTTP reply, 124: no answer in time), else with curl, else wget; exit
 * status 127 when none is there.
 */
QString httpStatus(const QString &url, int timeoutSeconds);

} // namespace UpgradeCommands
} // namespace Baton
