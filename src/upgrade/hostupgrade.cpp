#include "hostupgrade.h"

#include "configtest.h"
#include "recordedcommand.h"
#include "remotehost.h"
#include "shellquote.h"
#include "transcript.h"
#include "upgradecommands.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>
#include <QTimeZone>

#include <mutex>

namespace Baton {

namespace C = UpgradeCommands;

namespace {

// "nginx version: nginx/1.22.1" -> "1.22.1"
QString versionOf(const QString &line)
{
    const auto version = NginxVersion::parse(line);
    return version ? version->version.toString() : QString();
}

// Hashed once per file and version of it: a rollout uploads the same file to every host.
QString sha256OfLocalFile(const QString &path)
{
    static std::mutex mutex;
    static QHash<QString, QString> known; // "path size mtime" -> sha256
    const QFileInfo info(path);
    const QString key = info.absoluteFilePath() + u' ' + QString::number(info.size()) + u' ' +
        QString::number(info.lastModified(QTimeZone::UTC).toMSecsSinceEpoch());
    // held while hashing: the hosts of a rollout that ask at once wait for the first answer
    const std::lock_guard lock(mutex);
    if (const auto it = known.constFind(key); it != known.cend()) {
        return *it;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    const QString sha = QString::fromLatin1(hash.result().toHex());
    known.insert(key, sha);
    return sha;
}

// The start time (clock ticks since boot) of a local process, or 0 when it is gone.
quint64 localStartTime(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toULongLong() : 0;
}

} // namespace

QString probeCommand(const HostEntry &host, ProbeDetail detail, const QString &binary)
{
    static const QString script = [] {
        QFile file(QStringLiteral(":/baton/probe.sh"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }();
    // its arguments set, then the script itself: evaluated by the shell, no process of its own
    return QStringLiteral("set -- ") + shellQuote(host.nginx.pidFile) + u' ' +
        shellQuote(binary.isEmpty() ? host.nginx.binary : binary) +
        (detail == ProbeDetail::Quick       ? QStringLiteral(" quick")
             : detail == ProbeDetail::Phase ? QStringLiteral(" phase")
             : detail == ProbeDetail::Facts ? QStringLiteral(" facts")
                                            : QString()) +
        u'\n' + script;
}

HostSnapshot HostSnapshot::fromProbe(const QString &output)
{
    HostSnapshot snapshot;
    QString error;
    const auto record = ProbeRecord::parse(output, &error);
    if (!record) {
        snapshot.error = error;
        return snapshot;
    }
    snapshot.record = *record;
    QString why;
    const auto instance = record->selectedInstance(&why);
    snapshot.instance = instance.value_or(ProbeInstance{});
    snapshot.state = instance ? PhaseState::derive(*record, *instance) : PhaseState::derive(*record);
    snapshot.pitfalls = Pitfalls::detect(*record, snapshot.instance, snapshot.state);
    return snapshot;
}

QString HostSnapshot::masterVersion() const
{
    return ok() && state.master ? versionOf(record.versions.value(state.master->pid)) : QString();
}

QString HostSnapshot::oldMasterVersion() const
{
    return ok() && state.oldMaster ? versionOf(record.versions.value(state.oldMaster->pid)) : QString();
}

namespace {

// "running", or "abnormal: the reason"
QString describe(const HostSnapshot &snapshot)
{
    if (!snapshot.ok()) {
        return snapshot.error;
    }
    return snapshot.state.reason.isEmpty() ? phaseName(snapshot.phase())
                                           : phaseName(snapshot.phase()) + QStringLiteral(": ") + snapshot.state.reason;
}

} // namespace

QString PreflightCheck::statusName(Status status)
{
    switch (status) {
    case Status::Pass:
        return QStringLiteral("pass");
    case Status::Warn:
        return QStringLiteral("warn");
    case Status::Fail:
        break;
    }
    return QStringLiteral("fail");
}

struct HostUpgrade::Private
{
    HostUpgrade *q = nullptr;
    HostEntry host;
    RemoteHost *remote = nullptr;
    Transcript *transcript = nullptr;
    UpgradeSettings settings;
    std::atomic<bool> cancelled{false};

    QString runId;
    int stepCounter = 0;
    QString binary; ///< the nginx binary on the host (inventory, else the master's argv[0])
    QString stateDirectory;
    int lockDepth = 0;
    QElapsedTimer sinceRenewal;

    QString targetPath; ///< the target on the host, once known
    QString targetSha;
    qint64 targetSize = 0;
    std::optional<NginxBuild> targetBuild;

    using Output = CommandOutput;

    void progress(const QString &line) const
    {
        if (q->onProgress) {
            q->onProgress(line);
        }
    }

    void note(const QString &step, const QString &text) const
    {
        if (transcript) {
            TranscriptEntry entry;
            entry.time = QDateTime::currentDateTimeUtc();
            entry.host = host.name;
            entry.step = step;
            entry.note = text;
            transcript->record(entry);
        }
    }

    // Runs a command. A query (@p retry) whose connection broke runs once more on a new
    // connection; state-changing commands go through runStep(), which never runs one twice.
    Output exec(const QString &step,
                const QString &command,
                int timeoutSeconds,
                const QByteArray &input = {},
                bool record = true,
                bool sudo = true,
                bool retry = true)
    {
        return recordedCommand(remote,
                               transcript,
                               {command, input, timeoutSeconds * 1000, sudo && host.sudo},
                               {host.name, step, record, retry},
                               cancelled);
    }

    struct Query
    {
        QString command;
        bool sudo = true; ///< as root when the host says so (HostEntry::sudo)
        bool record = true; ///< in the transcript (probes are not)
    };

    // Runs independent queries in one round trip (two with sudo: the queries that need it
    // and those that do not), each with its own exit status and output.
    QList<Output> execAll(const QString &step, const QList<Query> &queries, int timeoutSeconds)
    {
        QList<Output> outputs(queries.size());
        for (const bool asRoot : {true, false}) {
            QList<int> group;
            for (int i = 0; i < queries.size(); ++i) {
                if ((queries.at(i).sudo && host.sudo) == asRoot) {
                    group.append(i);
                }
            }
            if (group.size() == 1) {
                const Query &query = queries.at(group.first());
                outputs[group.first()] = exec(step, query.command, timeoutSeconds, {}, query.record, query.sudo);
            }
            if (group.size() < 2) {
                continue;
            }
            QStringList commands;
            for (int i : group) {
                commands.append(queries.at(i).command);
            }
            const QString marker = QStringLiteral("baton-") +
                QString::fromLatin1(QByteArray::number(QRandomGenerator::global()->generate64(), 16));
            const Output whole = exec(step, C::batch(commands, marker), timeoutSeconds, {}, false, asRoot);
            const QList<C::BatchPart> parts = C::parseBatch(whole.out, marker, int(commands.size()));
            for (int k = 0; k < group.size(); ++k) {
                Output &output = outputs[group.at(k)];
                output.result = whole.result;
                output.result.exitStatus = parts.at(k).exitStatus;
                output.out = parts.at(k).out;
                output.err = parts.at(k).err;
                if (!parts.at(k).exitStatus && !whole.result.error) {
                    output.err = whole.why(); // the batch itself failed (sudo refused, ...)
                }
                if (transcript && queries.at(group.at(k)).record) {
                    TranscriptEntry entry;
                    entry.time = QDateTime::currentDateTimeUtc().addMSecs(-whole.result.durationMs);
                    entry.host = host.name;
                    entry.step = step;
                    entry.command = queries.at(group.at(k)).command;
                    entry.exitStatus = output.result.exitStatus;
                    entry.durationMs = whole.result.durationMs;
                    entry.batch = int(commands.size());
                    entry.output = output.out;
                    entry.errorOutput = output.err;
                    entry.error = whole.result.error.message;
                    transcript->record(entry);
                }
            }
        }
        return outputs;
    }

    // The last snapshot, reused for a moment while this run holds the lock and has changed
    // nothing since (every state change goes through runStep(), which drops it). Signals
    // are still checked against the process's start time on the host.
    std::optional<HostSnapshot> fresh;
    QElapsedTimer freshAge;

    void remember(const HostSnapshot &snapshot)
    {
        fresh = snapshot;
        freshAge.start();
    }

    HostSnapshot current(const QString &step, bool full)
    {
        if (fresh && lockDepth > 0 && freshAge.isValid() && freshAge.elapsed() < 2000 &&
            (!full || !fresh->record.quick)) {
            return *fresh;
        }
        return probe(step, full ? Detail::Facts : Detail::Quick);
    }

    // @p quick: a lighter record for polling (ProbeRecord::quick).
    using Detail = ProbeDetail;

    // a step's snapshot: everything but the sockets
    HostSnapshot probe(const QString &step, Detail detail = Detail::Facts)
    {
        return snapshotFrom(step, exec(step, probeQuery(detail).command, 60, {}, false));
    }

    Query probeQuery(Detail detail) const { return {probeCommand(host, detail, binary), true, false}; }

    HostSnapshot snapshotFrom(const QString &step, const Output &output)
    {
        if (!output.ok()) {
            HostSnapshot failed;
            failed.error = HostUpgrade::tr("the probe failed: %1").arg(output.why());
            note(step, failed.error);
            return failed;
        }
        HostSnapshot snapshot = HostSnapshot::fromProbe(output.out);
        if (!snapshot.ok()) {
            note(step, snapshot.error);
            return snapshot;
        }
        if (binary.isEmpty() && snapshot.state.master) {
            if (const auto arguments = MasterArguments::fromTitle(snapshot.state.master->title)) {
                binary = arguments->binary; // the next probe describes it
            }
        }
        if (!snapshot.instance.pidFile.isEmpty()) {
            stateDirectory = C::stateDirectory(snapshot.instance.pidFile);
        }
        remember(snapshot);
        if (q->onPhase) {
            q->onPhase(snapshot.state.phase);
        }
        note(step,
             HostUpgrade::tr("phase: %1%2")
                 .arg(phaseName(snapshot.state.phase),
                      snapshot.state.reason.isEmpty() ? QString()
                                                      : QStringLiteral(" (") + snapshot.state.reason + u')'));
        return snapshot;
    }

    QString newStepId(const QString &name) { return runId + u'-' + QString::number(++stepCounter) + u'-' + name; }

    // A state-changing command, detached on the host. A dropped link while waiting is
    // followed by a reconnection and a wait on the same step, never by running it again.
    // @p instant: a command that takes no time, such as a signal (UpgradeCommands::runInstantStep()).
    Output
    runStep(const QString &step, const QString &name, const QString &command, int timeoutSeconds, bool instant = false)
    {
        const QString id = newStepId(name);
        const int limit = timeoutSeconds + 30;
        fresh.reset(); // the host is about to change
        const QString start = instant ? C::runInstantStep(stateDirectory, id, command)
                                      : C::runStep(stateDirectory, id, command, timeoutSeconds);
        Output output = exec(step, start, limit, {}, true, true, false);
        for (int attempt = 0; attempt < 5 && output.result.error && !cancelled; ++attempt) {
            progress(HostUpgrade::tr("the connection broke during %1; reconnecting to see how it ended").arg(name));
            output = exec(step, C::waitStep(stateDirectory, id, timeoutSeconds), limit, {}, true, true, false);
            if (output.result.exitStatus == 125) {
                // never started: safe to start it now
                output = exec(step, start, limit, {}, true, true, false);
            }
        }
        return output;
    }

    bool renewIfDue()
    {
        if (lockDepth == 0 || sinceRenewal.elapsed() < settings.lockLeaseSeconds * 1000 / 3) {
            return true;
        }
        sinceRenewal.restart();
        return exec(QStringLiteral("lock"), C::renewLock(stateDirectory, settings.owner), 30).ok();
    }

    // Polls fresh snapshots until @p done, @p failed, cancellation or the deadline.
    // @p hostWait, if any, builds a host-side wait (UpgradeCommands::waitSpawned, ...) for a
    // number of seconds: it runs before each probe, so the host itself watches for the
    // change and the probe confirms it, at a fraction of the cost of polling by probes.
    HostSnapshot pollUntil(const QString &step,
                           int timeoutSeconds,
                           const std::function<bool(const HostSnapshot &)> &done,
                           bool *reached,
                           const std::function<bool(const HostSnapshot &)> &failed = {},
                           const std::function<QString(int seconds)> &hostWait = {},
                           int waitSlice = 0,
                           Detail detail = Detail::Phase)
    {
        QElapsedTimer timer;
        timer.start();
        *reached = false;
        HostSnapshot snapshot;
        // the first look needs the phase only: most waits end there
        Detail look = Detail::Phase;
        for (;; look = detail) {
            if (hostWait) {
                const qint64 left = qint64(timeoutSeconds) * 1000 - timer.elapsed();
                // never longer than a third of the lock's lease: the lease is renewed between waits
                const int slice = std::max(1,
                                           waitSlice > 0 ? std::min(waitSlice, settings.lockLeaseSeconds / 3)
                                                         : settings.lockLeaseSeconds / 3);
                const int seconds = int(std::clamp<qint64>(left / 1000, 1, slice));
                // the wait, then the probe that confirms it: one round trip
                const QList<Output> both = execAll(step, {{hostWait(seconds)}, probeQuery(look)}, seconds + 30);
                snapshot = snapshotFrom(step, both.at(1));
            } else {
                snapshot = probe(step, look);
            }
            if (snapshot.ok() && done(snapshot)) {
                *reached = true;
                return snapshot;
            }
            if ((snapshot.ok() && failed && failed(snapshot)) || cancelled ||
                timer.elapsed() > qint64(timeoutSeconds) * 1000) {
                return snapshot;
            }
            renewIfDue();
            QThread::msleep(settings.pollIntervalMs);
        }
    }

    // --- the lock -------------------------------------------------------------------

    // "baton:HOST:PID:START text" -> is that process on this machine gone?
    static bool ownerIsGone(const QString &owner)
    {
        static const QRegularExpression pattern(QStringLiteral("^baton:([^:]+):(\\d+):(\\d+) "));
        const auto match = pattern.match(owner);
        if (!match.hasMatch() || match.captured(1) != QSysInfo::machineHostName()) {
            return false;
        }
        return localStartTime(match.captured(2).toLongLong()) != match.captured(3).toULongLong();
    }

    bool freshLock = false; ///< the last lock() took the lock (the snapshot before it may be stale)

    bool lock(QString *why)
    {
        freshLock = false;
        if (lockDepth > 0) {
            ++lockDepth;
            return true;
        }
        freshLock = true;
        if (stateDirectory.isEmpty()) {
            *why = HostUpgrade::tr("the instance has no pid file: Baton cannot lock it or follow an upgrade");
            return false;
        }
        for (int attempt = 0; attempt < 2; ++attempt) {
            const Output output = exec(
                QStringLiteral("lock"), C::acquireLock(stateDirectory, settings.owner, settings.lockLeaseSeconds), 60);
            if (output.ok()) {
                lockDepth = 1;
                sinceRenewal.start();
                return true;
            }
            if (output.result.exitStatus != 75) {
                *why = HostUpgrade::tr("cannot take the lock: %1").arg(output.why());
                return false;
            }
            const QString owner = output.err.trimmed().section(QStringLiteral("locked by: "), 1).trimmed();
            if (owner == settings.owner) {
                // ours already: the first attempt took it, and its answer was lost with the link
                lockDepth = 1;
                sinceRenewal.start();
                return true;
            }
            if (attempt == 0 && ownerIsGone(owner)) {
                // A Baton of this machine that died (killed, crashed): take over from it.
                progress(HostUpgrade::tr("taking over the lock of a Baton that is gone (%1)").arg(owner));
                exec(QStringLiteral("lock"), C::releaseLock(stateDirectory, owner), 60);
                continue;
            }
            *why = HostUpgrade::tr("another Baton is working on this instance: %1").arg(owner);
            return false;
        }
        *why = HostUpgrade::tr("cannot take the lock");
        return false;
    }

    void unlock()
    {
        if (lockDepth > 0 && --lockDepth == 0) {
            exec(QStringLiteral("lock"), C::releaseLock(stateDirectory, settings.owner), 60);
        }
    }

    // --- the target -----------------------------------------------------------------

    // @p needBuild false: a target just uploaded may leave its `-V` for later (the
    // preflight asks for it with the configuration test, one process: runTarget()).
    bool ensureTarget(QString *why, bool needBuild = true)
    {
        if (!targetPath.isEmpty()) {
            return targetBuild || !needBuild || runTarget(why);
        }
        if (!settings.localTarget.isEmpty()) {
            const QFileInfo info(settings.localTarget);
            if (!info.isFile() || !info.isReadable()) {
                *why = HostUpgrade::tr("the target %1 is not a readable file").arg(settings.localTarget);
                return false;
            }
            const QString sha = sha256OfLocalFile(settings.localTarget);
            // one round trip: the home directory, and whether the file is staged there already
            const QString name = QStringLiteral("nginx-") + sha.left(16);
            const Output staged =
                exec(QStringLiteral("stage"), C::stagedFile(host.stagingDirectory, name), 60, {}, true, false);
            QStringList lines = staged.out.split(u'\n');
            if (!staged.ok() || !lines.first().startsWith(u'/')) {
                *why = HostUpgrade::tr("cannot prepare the staging directory on the host: %1").arg(staged.why());
                return false;
            }
            const QString remotePath = lines.takeFirst() + u'/' + name;
            QString version;
            if (lines.size() >= 2 && lines.at(0).trimmed() == sha) {
                targetSize = lines.at(1).trimmed().toLongLong();
                version = lines.mid(2).join(u'\n');
            } else {
                progress(HostUpgrade::tr("uploading %1 (%2 bytes)").arg(settings.localTarget).arg(info.size()));
                SshError error;
                if (!remote->upload(settings.localTarget, remotePath, {}, &error)) {
                    *why = HostUpgrade::tr("the upload of %1 failed: %2").arg(settings.localTarget, error.message);
                    note(QStringLiteral("stage"), *why);
                    return false;
                }
                note(QStringLiteral("stage"),
                     HostUpgrade::tr("uploaded %1 to %2").arg(settings.localTarget, remotePath));
                targetSize = info.size(); // the upload checked the size and the sha256 on the host
                targetPath = remotePath;
                targetSha = sha;
                return !needBuild || runTarget(why);
            }
            return describeTarget(remotePath, sha, version, why);
        }
        if (settings.remoteTarget.isEmpty()) {
            *why = HostUpgrade::tr("no target binary: give a local file or a path on the host");
            return false;
        }
        const QList<Output> facts =
            execAll(QStringLiteral("stage"),
                    {{C::sha256(settings.remoteTarget)},
                     {C::fileSize(settings.remoteTarget)},
                     {shellJoin({settings.remoteTarget, QStringLiteral("-V")}) + QStringLiteral(" 2>&1")}},
                    60);
        if (!facts.at(0).ok() || facts.at(0).out.trimmed().size() != 64) {
            *why = HostUpgrade::tr("cannot read the target %1 on the host: %2")
                       .arg(settings.remoteTarget, facts.at(0).why());
            return false;
        }
        targetSize = facts.at(1).out.trimmed().toLongLong();
        if (!facts.at(2).ok()) {
            *why = HostUpgrade::tr("the target %1 does not run on the host: %2")
                       .arg(settings.remoteTarget, facts.at(2).why());
            return false;
        }
        return describeTarget(settings.remoteTarget, facts.at(0).out.trimmed(), facts.at(2).out, why);
    }

    // The target's `-V`, on its own.
    bool runTarget(QString *why)
    {
        const Output runs =
            exec(QStringLiteral("stage"), shellJoin({targetPath, QStringLiteral("-V")}) + QStringLiteral(" 2>&1"), 60);
        if (!runs.ok()) {
            *why = HostUpgrade::tr("the target %1 does not run on the host: %2").arg(targetPath, runs.why());
            targetPath.clear();
            return false;
        }
        return describeTarget(targetPath, targetSha, runs.out, why);
    }

    // Takes @p path as the target once its `-V` (@p version) reads as an nginx build.
    bool describeTarget(const QString path, const QString sha, const QString &version, QString *why)
    {
        targetPath.clear();
        QString error;
        targetBuild = NginxBuild::parse(version, &error);
        if (!targetBuild) {
            *why = HostUpgrade::tr("the target %1 does not run on the host: %2").arg(path, error);
            return false;
        }
        targetPath = path;
        targetSha = sha;
        return true;
    }

    // --- backups --------------------------------------------------------------------

    QString backupRecord() const { return stateDirectory + QStringLiteral("/backup"); }

    // Backs up what the master really runs and installs the target: one query round trip
    // (an earlier backup? the backup's name free?), then one detached step. Empty when done;
    // else why not.
    QString stageTarget(const QString &step, const HostSnapshot &snapshot)
    {
        const NginxProcess master = *snapshot.state.master;
        C::StagePlan plan;
        plan.runningSha = snapshot.record.executableSha256.value(master.pid);
        plan.masterPid = master.pid;
        plan.version = snapshot.masterVersion();
        plan.record = backupRecord();
        plan.target = targetPath;
        plan.binary = binary;
        // the file on disk, if it is what runs; else the running image itself
        const bool diskIsRunning = plan.runningSha.isEmpty() || plan.runningSha == snapshot.record.binarySha256;
        plan.source = diskIsRunning ? binary : QStringLiteral("/proc/%1/exe").arg(master.pid);
        plan.backupPath = binary + QStringLiteral(".baton-backup-") +
            (plan.version.isEmpty() ? QStringLiteral("unknown") : plan.version);
        const QList<Output> known =
            execAll(step,
                    {{QStringLiteral("cat ") + shellQuote(backupRecord()) + QStringLiteral(" 2>/dev/null; true")},
                     {C::sha256(plan.backupPath)}},
                    60);
        const QStringList fields = known.at(0).out.trimmed().split(u' ');
        const QString existing = known.at(1).ok() ? known.at(1).out.trimmed() : QString();
        if (!plan.runningSha.isEmpty() && fields.size() >= 2 && fields.at(1) == plan.runningSha) {
            // backed up by an earlier run: stage() checks the file's sha256 again before the install
            plan.backupPath = fields.at(0);
            plan.backupDone = true;
        } else if (!existing.isEmpty() && existing == plan.runningSha) {
            plan.backupDone = true;
        } else if (known.at(1).ok()) {
            // that name holds another binary: keep it, and take a new name
            plan.backupPath += u'-' + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss"));
        }
        progress(plan.backupDone ? HostUpgrade::tr("backup already there: %1; installing %2 as %3")
                                       .arg(plan.backupPath, targetPath, binary)
                                 : HostUpgrade::tr("backing up the running binary to %1, then installing %2 as %3")
                                       .arg(plan.backupPath, targetPath, binary));
        const Output staged = runStep(step, QStringLiteral("stage"), C::stage(plan), 120);
        if (!staged.ok()) {
            const int status = staged.result.exitStatus.value_or(-1);
            const QString what = status == 11 ? HostUpgrade::tr("the backup of %1 failed").arg(plan.source)
                : status == 12 ? HostUpgrade::tr("the backup %1 does not match the running binary (sha256 %2)")
                                     .arg(plan.backupPath, plan.runningSha.left(12))
                : status == 13 ? HostUpgrade::tr("the backup could not be recorded in %1").arg(backupRecord())
                : status == 14 ? HostUpgrade::tr("installing the target failed")
                               : HostUpgrade::tr("staging failed");
            return what + QStringLiteral(": ") + staged.why();
        }
        return {};
    }

    // Puts back on disk the binary whose sha256 is @p sha (from the backup); true when it is there.
    bool restoreBinary(const QString &step, const QString &sha, QString *why)
    {
        const QList<Output> known =
            execAll(step,
                    {{C::sha256(binary)},
                     {QStringLiteral("cat ") + shellQuote(backupRecord()) + QStringLiteral(" 2>/dev/null; true")}},
                    60);
        if (known.at(0).ok() && known.at(0).out.trimmed() == sha) {
            return true;
        }
        const QStringList fields = known.at(1).out.trimmed().split(u' ');
        if (fields.size() < 2 || fields.at(1) != sha) {
            *why = HostUpgrade::tr("no backup of the binary with sha256 %1 is recorded on the host").arg(sha);
            return false;
        }
        const Output install = runStep(step,
                                       QStringLiteral("restore"),
                                       C::install(fields.at(0), binary) + QStringLiteral("\n") + C::sha256(binary),
                                       120);
        if (!install.ok() || install.out.trimmed().section(u'\n', -1).trimmed() != sha) {
            *why = HostUpgrade::tr("restoring %1 from %2 failed: %3").arg(binary, fields.at(0), install.why());
            return false;
        }
        progress(HostUpgrade::tr("restored %1 from %2").arg(binary, fields.at(0)));
        return true;
    }

    // --- checks ---------------------------------------------------------------------

    QString healthUrl() const
    {
        if (!settings.healthUrl.isEmpty()) {
            return settings.healthUrl;
        }
        return host.httpPort > 0 ? QStringLiteral("http://127.0.0.1:%1/").arg(host.httpPort) : QString();
    }

    std::optional<bool> healthUsable;
    std::optional<std::pair<NginxProcess, Output>>
        spawnedFacts; ///< C::masterFacts() of the master spawn() saw ///< false: the URL failed before this run changed
                      ///< anything

    // Before a step changes anything: does the health URL answer at all? If not, the gates
    // of this run check the workers and the error log only (a URL that never worked would
    // otherwise roll every upgrade back).
    void healthBaseline(const QString &step)
    {
        if (!healthUsable) {
            const QString problem = checkHealth(step);
            healthUsable = problem.isEmpty();
            if (!problem.isEmpty()) {
                progress(HostUpgrade::tr("%1 before any change: the gates check the workers and the error log only")
                             .arg(problem));
            }
        }
    }

    // Empty when healthy (or no usable health URL); else why not.
    QString healthProblem(const QString &step)
    {
        if (healthUsable == false) {
            return {};
        }
        return checkHealth(step);
    }

    // Through the connection itself where the host forwards (an SSH tunnel: no process on
    // the host), else with a command (bash's /dev/tcp, curl or wget).
    QString checkHealth(const QString &step)
    {
        const QString url = healthUrl();
        if (url.isEmpty()) {
            return {};
        }
        bool unsupported = false;
        QString error;
        TranscriptEntry entry;
        entry.time = QDateTime::currentDateTimeUtc();
        QElapsedTimer timer;
        timer.start();
        const int status = remote->httpStatus(url, 10, &unsupported, &error);
        if (unsupported) {
            return healthFrom(exec(step, healthQuery().command, 30, {}, true, false));
        }
        if (transcript) {
            entry.host = host.name;
            entry.step = step;
            entry.command = HostUpgrade::tr("GET %1 (through the SSH connection: no process on the host)").arg(url);
            entry.durationMs = timer.elapsed();
            if (status > 0) {
                entry.exitStatus = 0;
                entry.output = QStringLiteral("HTTP %1").arg(status);
            }
            entry.error = error;
            transcript->record(entry);
        }
        if (status < 200 || status >= 400) {
            return HostUpgrade::tr("the health check %1 failed: %2")
                .arg(url, status > 0 ? HostUpgrade::tr("HTTP status %1").arg(status) : error);
        }
        return {};
    }

    Query healthQuery() const { return {C::httpStatus(healthUrl(), 10), false}; }

    // Empty when @p output (of healthQuery()) says healthy; else why not.
    QString healthFrom(const Output &output) const
    {
        const int status = output.out.trimmed().toInt();
        if (output.result.exitStatus == 127) {
            return {}; // no curl or wget: reported by the preflight
        }
        if (!output.ok() || status < 200 || status >= 400) {
            return HostUpgrade::tr("the health check %1 failed: %2")
                .arg(healthUrl(), status > 0 ? HostUpgrade::tr("HTTP status %1").arg(status) : output.why());
        }
        return {};
    }

    QString errorLogOf(const HostSnapshot &snapshot, qint64 pid) const
    {
        const QString target = snapshot.record.stderrTargets.value(pid);
        if (target.startsWith(u'/') && !target.startsWith(u"/dev/") && !target.endsWith(u" (deleted)")) {
            return target;
        }
        const QString log = snapshot.record.errorLogs.value(pid);
        return log.startsWith(u'/') ? log : QString();
    }

    // [emerg] and [alert] lines written to @p log after @p offset.
    QStringList severeLogLines(const QString &step, const QString &log, qint64 offset)
    {
        return log.isEmpty() ? QStringList() : severeLines(exec(step, C::tailFrom(log, offset), 30).out);
    }

    static QStringList severeLines(const QString &text)
    {
        QStringList lines;
        for (const QString &line : text.split(u'\n')) {
            if (line.contains(u"[emerg]") || line.contains(u"[alert]")) {
                lines.append(line.trimmed());
            }
        }
        return lines;
    }

    // What master @p pid really runs (the output of C::masterFacts()), into @p snapshot.
    static void addMasterFacts(const Output &facts, HostSnapshot *snapshot, qint64 pid)
    {
        const QStringList lines = facts.out.split(u'\n', Qt::SkipEmptyParts);
        if (facts.ok() && lines.size() >= 2) {
            if (lines.at(0) != u"-") {
                snapshot->record.executableSha256.insert(pid, lines.at(0).trimmed());
            }
            snapshot->record.versions.insert(pid, lines.at(1).trimmed());
        }
    }

    StepReport
    fail(const QString &step, const QString &message, const HostSnapshot &snapshot, const QStringList &details = {})
    {
        StepReport report{step, false, message, details, snapshot.phase()};
        note(step, message);
        progress(message);
        return report;
    }

    StepReport succeed(const QString &step, const QString &message, const HostSnapshot &snapshot)
    {
        note(step, message);
        progress(message);
        return {step, true, message, {}, snapshot.phase()};
    }

    // --- signals --------------------------------------------------------------------

    // @p before: a query to run in the same step, just before the signal
    Output signal(const QString &step, const QString &name, const NginxProcess &process, const QString &before = {})
    {
        const QString line =
            HostUpgrade::tr("sending %1 to %2 (pid %3)").arg(name, process.title.section(u' ', 1, 2)).arg(process.pid);
        note(step, line); // in the transcript before it happens: a crash right after still leaves a trace
        progress(line);
        if (q->onSignal) {
            q->onSignal(name, process.pid);
        }
        return runStep(step, name.toLower(), before + C::signal(name, process.pid, process.startTime), 30, true);
    }

    // QUIT the new master (TERM after the quit timeout) until only the old one is left.
    HostSnapshot
    quitNewMaster(const QString &step, const NginxProcess &oldMaster, const NginxProcess &newMaster, bool *ok)
    {
        signal(step, QStringLiteral("QUIT"), newMaster);
        const auto backToOld = [&oldMaster](const HostSnapshot &s) {
            return s.phase() == Phase::Running && s.state.master && s.state.master->pid == oldMaster.pid;
        };
        const auto gone = [&newMaster](int seconds) {
            return C::waitGone(newMaster.pid, newMaster.startTime, seconds);
        };
        HostSnapshot snapshot = pollUntil(step, settings.quitTimeoutSeconds, backToOld, ok, {}, gone);
        if (!*ok && !cancelled) {
            progress(HostUpgrade::tr("the new master did not exit after QUIT; sending TERM"));
            signal(step, QStringLiteral("TERM"), newMaster);
            snapshot = pollUntil(step, settings.quitTimeoutSeconds, backToOld, ok, {}, gone);
        }
        return snapshot;
    }
};

HostUpgrade::HostUpgrade(const HostEntry &host,
                         RemoteHost *remote,
                         Transcript *transcript,
                         const UpgradeSettings &settings)
    : d(std::make_unique<Private>())
{
    d->q = this;
    d->host = host;
    d->remote = remote;
    d->transcript = transcript;
    d->settings = settings;
    d->binary = host.nginx.binary;
    d->runId =
        transcript ? transcript->runId() : QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (d->settings.owner.isEmpty()) {
        d->settings.owner = QStringLiteral("baton:%1:%2:%3 %4 (pid %2) on %1")
                                .arg(QSysInfo::machineHostName())
                                .arg(QCoreApplication::applicationPid())
                                .arg(localStartTime(QCoreApplication::applicationPid()))
                                .arg(QCoreApplication::applicationName());
    }
}

HostUpgrade::~HostUpgrade()
{
    if (d->lockDepth > 0) {
        d->lockDepth = 1;
        d->unlock();
    }
}

void HostUpgrade::cancel()
{
    d->cancelled = true;
    d->remote->cancel();
}

HostSnapshot HostUpgrade::snapshot()
{
    return d->probe(QStringLiteral("probe"), ProbeDetail::Full);
}

QString HostUpgrade::stepName(Step step)
{
    switch (step) {
    case Step::Preflight:
        return QStringLiteral("preflight");
    case Step::Stage:
        return QStringLiteral("stage");
    case Step::Spawn:
        return QStringLiteral("spawn");
    case Step::Drain:
        return QStringLiteral("drain");
    case Step::Commit:
        return QStringLiteral("commit");
    case Step::RollBack:
        break;
    }
    return QStringLiteral("rollback");
}

QString HostUpgrade::validStepNames(Phase phase)
{
    QStringList names;
    for (Step step : validSteps(phase)) {
        names.append(stepName(step));
    }
    return names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "));
}

QList<HostUpgrade::Step> HostUpgrade::validSteps(Phase phase)
{
    switch (phase) {
    case Phase::Running:
        return {Step::Preflight, Step::Stage, Step::Spawn, Step::RollBack};
    case Phase::Spawned:
        return {Step::Drain, Step::Commit, Step::RollBack};
    case Phase::Draining:
        return {Step::Drain, Step::Commit, Step::RollBack};
    case Phase::Parked:
        return {Step::Commit, Step::RollBack};
    case Phase::Stopped:
    case Phase::Abnormal:
        break;
    }
    return {};
}

QList<PreflightCheck> HostUpgrade::preflight()
{
    using S = PreflightCheck::Status;
    QList<PreflightCheck> checks;
    const auto add = [&checks, this](const char *id, S status, const QString &message) {
        checks.append({QString::fromLatin1(id), status, message});
        d->note(QStringLiteral("preflight"),
                PreflightCheck::statusName(status) + u' ' + QString::fromLatin1(id) + QStringLiteral(": ") + message);
    };
    HostSnapshot s = d->current(QStringLiteral("preflight"), true);
    if (!s.ok()) {
        add("phase", S::Fail, s.error);
        return checks;
    }
    if (d->binary != d->host.nginx.binary && s.record.binaryPath.isEmpty()) {
        s = d->probe(QStringLiteral("preflight")); // now that the binary's path is known
    }
    if (s.phase() == Phase::Running) {
        add("phase",
            S::Pass,
            tr("nginx %1 runs: master %2 with %n worker(s)", nullptr, int(s.state.workers.size()))
                .arg(s.masterVersion())
                .arg(s.state.master->pid));
    } else {
        add("phase",
            S::Fail,
            s.phase() == Phase::Abnormal ? tr("the instance is abnormal: %1").arg(s.state.reason)
                : s.phase() == Phase::Stopped
                ? tr("nginx is not running: there is nothing to upgrade")
                : tr("an upgrade is already in progress (%1): continue it or roll it back").arg(phaseName(s.phase())));
    }
    bool anyPitfall = false;
    for (const Pitfall &pitfall : s.pitfalls) {
        if (pitfall.code == u"upgrade-in-progress" || pitfall.code == u"abnormal") {
            continue;
        }
        anyPitfall = true;
        add("upgradable", pitfall.severity == Pitfall::Severity::Blocker ? S::Fail : S::Warn, pitfall.message);
    }
    if (s.instance.pidFile.isEmpty()) {
        add("upgradable", S::Fail, tr("the instance has no pid file (pid off): Baton needs one to follow an upgrade"));
    } else if (!anyPitfall) {
        add("upgradable",
            S::Pass,
            tr("a binary upgrade is possible (daemon mode, absolute path, pid file %1)").arg(s.instance.pidFile));
    }

    QString why;
    bool haveTarget = d->ensureTarget(&why, false);
    // the remaining queries in one round trip
    const auto arguments = s.state.master ? MasterArguments::fromTitle(s.state.master->title) : std::nullopt;
    QList<Private::Query> queries;
    const auto ask = [&queries](const Private::Query &query) {
        queries.append(query);
        return int(queries.size()) - 1;
    };
    // a target just uploaded says what it is (-V) and tests the configuration (-t) in one run:
    // nginx prints the build, then tests
    const bool withBuild = haveTarget && !d->targetBuild;
    if (withBuild && !arguments) {
        haveTarget = d->ensureTarget(&why);
    }
    const int testQuery = haveTarget && arguments
        ? ask({C::testConfiguration(d->targetPath, *arguments, withBuild) + QStringLiteral(" 2>&1")})
        : -1;
    const QString directory = d->binary.isEmpty() ? QString() : QFileInfo(d->binary).path();
    const int diskQuery = directory.isEmpty() ? -1 : ask({C::freeKilobytes(directory)});
    // a lock this run holds needs no question
    const int lockQuery =
        d->stateDirectory.isEmpty() || d->lockDepth > 0 ? -1 : ask({C::lockStatus(d->stateDirectory)});
    QList<Private::Output> answers = d->execAll(QStringLiteral("preflight"), queries, 120);
    if (withBuild && testQuery >= 0) {
        // the build: up to nginx's "configure arguments:" line; the test: the rest
        Private::Output &test = answers[testQuery];
        const qsizetype end = test.out.indexOf(QStringLiteral("configure arguments:"));
        const qsizetype lineEnd = end < 0 ? -1 : test.out.indexOf(u'\n', end);
        if (lineEnd < 0 || !d->describeTarget(d->targetPath, d->targetSha, test.out.left(lineEnd), &why)) {
            if (lineEnd < 0) {
                why = HostUpgrade::tr("the target %1 does not run on the host: %2").arg(d->targetPath, test.why());
                d->targetPath.clear();
            }
            haveTarget = false;
        } else {
            test.out = test.out.mid(lineEnd + 1);
        }
    }
    const QString url = d->healthUrl();

    if (!haveTarget) {
        add("target", S::Fail, why);
    } else {
        add("target",
            S::Pass,
            tr("%1 runs on the host: nginx %2 (sha256 %3)")
                .arg(d->targetPath, d->targetBuild->version.version.toString(), d->targetSha.left(12)));
        const QStringList running = s.state.master ? s.record.builds.value(s.state.master->pid) : QStringList();
        QString error;
        const auto runningBuild = NginxBuild::parse(running.join(u'\n'), &error);
        if (!runningBuild) {
            add("build", S::Warn, tr("the running build is unknown (%1): cannot compare").arg(error));
        } else {
            const BuildDifference difference = BuildDifference::between(*runningBuild, *d->targetBuild);
            if (s.state.master && s.record.executableSha256.value(s.state.master->pid) == d->targetSha) {
                add("build", S::Warn, tr("the target is the binary that runs now"));
            } else if (!difference.modulesDropped.isEmpty()) {
                add("build",
                    S::Warn,
                    tr("the target lacks modules the running build has: %1")
                        .arg(difference.modulesDropped.join(QStringLiteral(", "))));
            } else if (!difference.isEmpty()) {
                QStringList changes = difference.onlyInFirst + difference.onlyInSecond;
                for (const auto &changed : difference.changedValues) {
                    changes.append(changed.first);
                }
                add("build", S::Warn, tr("configure arguments differ: %1").arg(changes.join(QStringLiteral(", "))));
            } else {
                add("build",
                    S::Pass,
                    tr("same configure arguments and modules; %1 -> %2")
                        .arg(runningBuild->version.version.toString(), d->targetBuild->version.version.toString()));
            }
        }
        if (s.state.master) {
            if (!arguments) {
                add("config-test",
                    S::Fail,
                    tr("cannot read the master's arguments from its title: %1").arg(s.state.master->title));
            } else {
                const Private::Output &test = answers.at(testQuery);
                QString parseError;
                const auto result = ConfigTest::parse(test.out, &parseError);
                if (!result) {
                    add("config-test", S::Fail, tr("nginx -t with the target failed: %1").arg(test.why()));
                } else if (!result->successful) {
                    QStringList errors;
                    for (const ConfigTestMessage &message : result->errors()) {
                        errors.append(message.text);
                    }
                    add("config-test",
                        S::Fail,
                        tr("the configuration fails with the target: %1").arg(errors.join(QStringLiteral("; "))));
                } else if (result->messages.size() > 0) {
                    QStringList warnings;
                    for (const ConfigTestMessage &message : result->messages) {
                        warnings.append(message.text);
                    }
                    add("config-test",
                        S::Warn,
                        tr("the configuration passes with warnings: %1").arg(warnings.join(QStringLiteral("; "))));
                } else {
                    add("config-test",
                        S::Pass,
                        tr("the configuration passes nginx -t with the target and the master's arguments"));
                }
            }
        }
    }

    if (diskQuery >= 0) {
        const Private::Output &free = answers.at(diskQuery);
        const qint64 available = free.out.trimmed().toLongLong() * 1024;
        const qint64 binarySize = std::max<qint64>(s.record.binarySize, 0);
        // the backup (as big as the running binary), the target's copy beside the binary
        // (the old file's blocks stay in use while the old master runs), and a margin
        const qint64 needed = binarySize + d->targetSize + 1024 * 1024;
        if (!free.ok()) {
            add("disk", S::Warn, tr("cannot tell the free space in %1: %2").arg(directory, free.why()));
        } else if (available < needed) {
            add("disk",
                S::Fail,
                tr("%1 has %2 KiB free; the backup and the new binary need %3 KiB")
                    .arg(directory)
                    .arg(available / 1024)
                    .arg(needed / 1024));
        } else {
            add("disk", S::Pass, tr("%1 KiB free in %2").arg(available / 1024).arg(directory));
        }
    }
    if (d->lockDepth > 0) {
        add("lock", S::Pass, tr("held by this run"));
    } else if (lockQuery >= 0) {
        const Private::Output &lock = answers.at(lockQuery);
        if (lock.ok() || (lock.result.exitStatus == 75 && lock.out.trimmed() == d->settings.owner)) {
            add("lock", S::Pass, tr("no other Baton is working on this instance"));
        } else if (lock.result.exitStatus == 75 && Private::ownerIsGone(lock.out.trimmed())) {
            add("lock",
                S::Warn,
                tr("held by a Baton of this machine that is gone; it will be taken over: %1").arg(lock.out.trimmed()));
        } else if (lock.result.exitStatus == 75) {
            add("lock", S::Fail, tr("another Baton is working on this instance: %1").arg(lock.out.trimmed()));
        } else {
            add("lock", S::Fail, tr("cannot check the lock: %1").arg(lock.why()));
        }
    }
    if (url.isEmpty()) {
        add("health", S::Warn, tr("no health URL: the gates check the workers and the error log only"));
    } else if (const QString problem = d->checkHealth(QStringLiteral("preflight")); !problem.isEmpty()) {
        d->healthUsable = false;
        add("health",
            S::Warn,
            problem + tr(" (before the upgrade: the gates check the workers and the error log only)"));
    } else {
        d->healthUsable = true;
        add("health", S::Pass, tr("%1 answers").arg(url));
    }
    return checks;
}

StepReport HostUpgrade::stage()
{
    const QString step = QStringLiteral("stage");
    QString why;
    HostSnapshot s = d->current(step, true);
    if (s.phase() != Phase::Running) {
        return d->fail(step, tr("stage needs a running instance; it is %1").arg(describe(s)), s);
    }
    // the upload first: it changes nothing of nginx, and may take longer than a lock's lease
    if (!d->ensureTarget(&why)) {
        return d->fail(step, why, s);
    }
    if (!d->lock(&why)) {
        return d->fail(step, why, s);
    }
    const auto unlock = qScopeGuard([this] { d->unlock(); });
    s = d->current(step, true);
    if (s.phase() != Phase::Running) {
        return d->fail(step, tr("the instance changed: it is %1").arg(phaseName(s.phase())), s);
    }
    if (s.record.binarySha256 == d->targetSha) {
        return d->succeed(step, tr("%1 is already the target (sha256 %2)").arg(d->binary, d->targetSha.left(12)), s);
    }
    if (const QString problem = d->stageTarget(step, s); !problem.isEmpty()) {
        return d->fail(step, problem, s);
    }
    // the master is the same (the lock held), and the binary on disk is now the target:
    // the next step needs no new probe for that (within the snapshot's age limit)
    s.record.binarySha256 = d->targetSha;
    s.record.binarySize = d->targetSize;
    d->fresh = s;
    // the master is the same (the lock held): the snapshot's version still stands
    return d->succeed(step,
                      tr("staged nginx %1 as %2; the master still runs %3")
                          .arg(d->targetBuild->version.version.toString(), d->binary, s.masterVersion()),
                      s);
}

StepReport HostUpgrade::spawn()
{
    const QString step = QStringLiteral("spawn");
    QString why;
    HostSnapshot s = d->current(step, true);
    if (s.phase() != Phase::Running) {
        return d->fail(step, tr("spawn needs a running instance; it is %1").arg(describe(s)), s);
    }
    if (!d->lock(&why)) {
        return d->fail(step, why, s);
    }
    const auto unlock = qScopeGuard([this] { d->unlock(); });
    d->healthBaseline(step);
    if (d->freshLock) {
        s = d->probe(step); // what the host says now that no other Baton can act
    }
    if (s.phase() != Phase::Running) {
        return d->fail(step, tr("the instance changed: it is %1").arg(phaseName(s.phase())), s);
    }
    const NginxProcess oldMaster = *s.state.master;
    const QString oldSha = s.record.executableSha256.value(oldMaster.pid);
    const QString diskSha = s.record.binarySha256;
    if (!d->targetSha.isEmpty() || !d->settings.localTarget.isEmpty() || !d->settings.remoteTarget.isEmpty()) {
        if (!d->ensureTarget(&why)) {
            return d->fail(step, why, s);
        }
        if (s.record.binarySha256 != d->targetSha) {
            return d->fail(step, tr("%1 is not the target yet: stage it first").arg(d->binary), s);
        }
    } else if (!oldSha.isEmpty() && s.record.binarySha256 == oldSha) {
        return d->fail(step, tr("%1 is the binary that runs now: stage a new one first").arg(d->binary), s);
    }
    const int workers = int(s.state.workers.size());
    const QString log = d->errorLogOf(s, oldMaster.pid);
    // the log's size first, in the same step: what the new master logs comes after it
    Private::Output sent =
        d->signal(step, QStringLiteral("USR2"), oldMaster, log.isEmpty() ? QString() : C::fileSize(log) + u'\n');
    qint64 offset = 0;
    if (!log.isEmpty()) {
        offset = sent.out.section(u'\n', 0, 0).trimmed().toLongLong();
        sent.out = sent.out.section(u'\n', 1);
    }
    if (!sent.ok()) {
        return d->fail(step, tr("USR2 could not be sent: %1").arg(sent.why()), s);
    }
    QElapsedTimer sinceSignal;
    sinceSignal.start();
    QStringList severe;
    bool reached = false;
    s = d->pollUntil(
        step,
        d->settings.spawnTimeoutSeconds,
        [&](const HostSnapshot &x) {
            return x.phase() == Phase::Spawned && x.state.oldMaster->pid == oldMaster.pid &&
                x.state.workers.size() >= workers;
        },
        &reached,
        [&](const HostSnapshot &x) {
            // Back to the old master alone: the new one died (nginx renamed .oldbin back).
            // Right after the signal this is also what nginx looks like before it acts on
            // it, so it counts only with an error logged, or after a grace period.
            if (x.phase() != Phase::Running || x.state.master->pid != oldMaster.pid) {
                return false;
            }
            severe = d->severeLogLines(step, log, offset);
            return !severe.isEmpty() || sinceSignal.elapsed() > 3000;
        },
        [&](int seconds) { return C::waitSpawned(s.instance.pidFile, oldMaster.pid, workers, seconds); },
        3);
    if (!reached) {
        severe = d->severeLogLines(step, log, offset);
        const bool oldAlone = s.phase() == Phase::Running && s.state.master && s.state.master->pid == oldMaster.pid;
        QString restoreProblem;
        if (oldAlone) {
            d->restoreBinary(step, oldSha, &restoreProblem);
            return d->fail(step,
                           tr("the new master exited; the old master %1 kept serving%2")
                               .arg(oldMaster.pid)
                               .arg(restoreProblem.isEmpty() ? tr(" and its binary is back on disk")
                                                             : QStringLiteral("; ") + restoreProblem),
                           s,
                           severe);
        }
        StepReport report = d->fail(step,
                                    tr("the new generation did not come up within %1 s (%2): rolling back")
                                        .arg(d->settings.spawnTimeoutSeconds)
                                        .arg(phaseName(s.phase())),
                                    s,
                                    severe);
        const StepReport back = rollBack();
        report.details.append(back.message);
        report.phase = back.phase;
        return report;
    }
    // the gates and the new master's own version: one round trip
    // the binary on disk is the target (checked above) when its sha256 and version are known
    const bool diskKnown = d->targetBuild && !d->targetSha.isEmpty() && d->targetSha == diskSha;
    QList<Private::Query> checks{{C::masterFacts(s.state.master->pid, diskKnown ? d->binary : QString())}};
    if (!log.isEmpty()) {
        checks.append({C::tailFrom(log, offset)});
    }
    const QList<Private::Output> answers = d->execAll(step, checks, 60);
    Private::Output facts = answers.at(0);
    if (facts.ok() && facts.out.trimmed() == u"same") {
        // the new master runs the installed target itself
        facts.out = d->targetSha + QStringLiteral("\nnginx version: ") + d->targetBuild->version.toString() + u'\n';
    }
    Private::addMasterFacts(facts, &s, s.state.master->pid);
    d->spawnedFacts = {{*s.state.master, facts}};
    severe = log.isEmpty() ? QStringList() : Private::severeLines(answers.at(1).out);
    QString problem = !severe.isEmpty() ? tr("the error log reports: %1").arg(severe.join(QStringLiteral(" | ")))
                                        : d->healthProblem(step);
    if (!problem.isEmpty()) {
        StepReport report = d->fail(step, problem + tr("; rolling back"), s, severe);
        const StepReport back = rollBack();
        report.details.append(back.message);
        report.phase = back.phase;
        return report;
    }
    return d->succeed(step,
                      tr("new master %1 (nginx %2) runs with %n worker(s) beside the old master %3",
                         nullptr,
                         int(s.state.workers.size()))
                          .arg(s.state.master->pid)
                          .arg(s.masterVersion())
                          .arg(oldMaster.pid),
                      s);
}

StepReport HostUpgrade::drain()
{
    const QString step = QStringLiteral("drain");
    QString why;
    HostSnapshot s = d->current(step, false);
    if (s.phase() != Phase::Spawned && s.phase() != Phase::Draining) {
        return d->fail(step, tr("drain needs a spawned or draining instance; it is %1").arg(describe(s)), s);
    }
    if (!d->lock(&why)) {
        return d->fail(step, why, s);
    }
    const auto unlock = qScopeGuard([this] { d->unlock(); });
    d->healthBaseline(step);
    if (d->freshLock) {
        s = d->probe(step, Private::Detail::Quick); // what the host says now that no other Baton can act
    }
    if (s.phase() == Phase::Spawned) {
        const Private::Output sent = d->signal(step, QStringLiteral("WINCH"), *s.state.oldMaster);
        if (!sent.ok()) {
            return d->fail(step, tr("WINCH could not be sent: %1").arg(sent.why()), s);
        }
    } else if (s.phase() != Phase::Draining) {
        return d->fail(step, tr("the instance changed: it is %1").arg(phaseName(s.phase())), s);
    }
    const NginxProcess oldMaster = *s.state.oldMaster;
    QString last;
    bool reached = false;
    const auto parked = [&](const HostSnapshot &x) {
        if ((x.phase() == Phase::Spawned || x.phase() == Phase::Draining) && !x.record.phaseOnly) {
            int connections = 0;
            for (const NginxProcess &worker : x.state.oldWorkers) {
                connections += x.record.connections.value(worker.pid);
            }
            const QString line = tr("old workers: %n left", nullptr, int(x.state.oldWorkers.size())) +
                tr(", %n connection(s)", nullptr, connections);
            if (line != last) {
                d->progress(line);
                last = line;
            }
        }
        return x.phase() == Phase::Parked && x.state.oldMaster->pid == oldMaster.pid;
    };
    const qint64 newMasterPid = s.state.master ? s.state.master->pid : 0;
    const auto drained = [&](int seconds) { return C::waitDrained(oldMaster.pid, newMasterPid, seconds); };
    // quick records: they count the old workers' connections for the progress line
    s = d->pollUntil(step, d->settings.drainTimeoutSeconds, parked, &reached, {}, drained, 2, Private::Detail::Quick);
    if (!reached && s.phase() == Phase::Draining && d->settings.onDrainTimeout == DrainTimeoutAction::Terminate) {
        d->progress(
            tr("the old workers did not drain within %1 s: terminating them").arg(d->settings.drainTimeoutSeconds));
        for (const NginxProcess &worker : s.state.oldWorkers) {
            d->signal(step, QStringLiteral("TERM"), worker);
        }
        s = d->pollUntil(
            step, d->settings.quitTimeoutSeconds, parked, &reached, {}, drained, 2, Private::Detail::Quick);
    }
    if (!reached && s.phase() == Phase::Draining && d->settings.onDrainTimeout == DrainTimeoutAction::RollBack) {
        StepReport report =
            d->fail(step,
                    tr("the old workers did not drain within %1 s: rolling back").arg(d->settings.drainTimeoutSeconds),
                    s);
        const StepReport back = rollBack();
        report.details.append(back.message);
        report.phase = back.phase;
        return report;
    }
    if (!reached) {
        return d->fail(
            step,
            s.phase() == Phase::Draining
                ? tr("the old workers have not drained within %1 s; drain again to wait longer, or roll back")
                      .arg(d->settings.drainTimeoutSeconds)
                : tr("draining stopped: the instance is %1").arg(describe(s)),
            s);
    }
    if (const QString problem = d->healthProblem(step); !problem.isEmpty()) {
        return d->fail(step, problem, s);
    }
    return d->succeed(
        step, tr("the old workers are gone; the old master %1 waits (commit or roll back)").arg(oldMaster.pid), s);
}

StepReport HostUpgrade::commit()
{
    const QString step = QStringLiteral("commit");
    QString why;
    HostSnapshot s = d->current(step, false);
    if (s.phase() != Phase::Parked && s.phase() != Phase::Draining) {
        return d->fail(step,
                       s.phase() == Phase::Spawned ? tr("the old workers still serve: drain first")
                                                   : tr("commit needs a parked instance; it is %1").arg(describe(s)),
                       s);
    }
    if (!d->lock(&why)) {
        return d->fail(step, why, s);
    }
    const auto unlock = qScopeGuard([this] { d->unlock(); });
    d->healthBaseline(step);
    if (d->freshLock) {
        s = d->probe(step, Private::Detail::Quick); // what the host says now that no other Baton can act
    }
    if (s.phase() != Phase::Parked && s.phase() != Phase::Draining) {
        return d->fail(step, tr("the instance changed: it is %1").arg(phaseName(s.phase())), s);
    }
    const NginxProcess oldMaster = *s.state.oldMaster;
    const NginxProcess newMaster = *s.state.master;
    const Private::Output sent = d->signal(step, QStringLiteral("QUIT"), oldMaster);
    if (!sent.ok()) {
        return d->fail(step, tr("QUIT could not be sent: %1").arg(sent.why()), s);
    }
    bool reached = false;
    s = d->pollUntil(
        step,
        s.phase() == Phase::Draining ? d->settings.drainTimeoutSeconds : d->settings.quitTimeoutSeconds,
        [&](const HostSnapshot &x) {
            return x.phase() == Phase::Running && x.state.master->pid == newMaster.pid &&
                !x.record.oldbinPids.value(x.instance.pidFile);
        },
        &reached,
        {},
        [&oldMaster](int seconds) { return C::waitGone(oldMaster.pid, oldMaster.startTime, seconds); });
    if (!reached) {
        return d->fail(step, tr("the old master did not exit: the instance is %1").arg(describe(s)), s);
    }
    // the gate and what the master runs now: one round trip
    // (what a process runs cannot change: the facts the spawn of this run asked are still true)
    const bool factsKnown = d->spawnedFacts && d->spawnedFacts->first.pid == newMaster.pid &&
        d->spawnedFacts->first.startTime == newMaster.startTime;
    QList<Private::Query> checks;
    if (!factsKnown) {
        checks.append({C::masterFacts(newMaster.pid)});
    }
    const QList<Private::Output> answers = d->execAll(step, checks, 60);
    if (const QString problem = d->healthProblem(step); !problem.isEmpty()) {
        return d->fail(step, tr("committed, but %1").arg(problem), s);
    }
    Private::addMasterFacts(factsKnown ? d->spawnedFacts->second : answers.at(0), &s, newMaster.pid);
    const QString newSha = s.record.executableSha256.value(newMaster.pid);
    if (!d->targetSha.isEmpty() && !newSha.isEmpty() && newSha != d->targetSha) {
        return d->fail(step,
                       tr("committed, but the master runs sha256 %1, not the target %2")
                           .arg(newSha.left(12), d->targetSha.left(12)),
                       s);
    }
    return d->succeed(
        step, tr("committed: nginx %1 runs alone (master %2)").arg(s.masterVersion()).arg(newMaster.pid), s);
}

StepReport HostUpgrade::rollBack()
{
    const QString step = QStringLiteral("rollback");
    QString why;
    HostSnapshot s = d->current(step, true);
    const QList<Phase> valid{Phase::Running, Phase::Spawned, Phase::Draining, Phase::Parked};
    if (!valid.contains(s.phase())) {
        return d->fail(step, tr("cannot roll back from %1").arg(describe(s)), s);
    }
    if (!d->lock(&why)) {
        return d->fail(step, why, s);
    }
    const auto unlock = qScopeGuard([this] { d->unlock(); });
    if (d->freshLock) {
        s = d->probe(step); // what the host says now that no other Baton can act
    }

    if (s.phase() == Phase::Running) {
        // Staged but not spawned: put the running binary back on disk.
        const QString runningSha = s.record.executableSha256.value(s.state.master->pid);
        if (runningSha.isEmpty() || runningSha == s.record.binarySha256) {
            return d->fail(
                step,
                tr("nothing to roll back: nginx %1 runs the binary on disk. To go back after a commit, upgrade to "
                   "the backup (%2.baton-backup-VERSION).")
                    .arg(s.masterVersion(), d->binary),
                s);
        }
        if (!d->restoreBinary(step, runningSha, &why)) {
            return d->fail(step, why, s);
        }
        s = d->probe(step);
        return d->succeed(
            step,
            tr("the staged binary is gone: %1 is the running nginx %2 again").arg(d->binary, s.masterVersion()),
            s);
    }

    const NginxProcess oldMaster = *s.state.oldMaster;
    const NginxProcess newMaster = *s.state.master;
    const QString oldSha = s.record.executableSha256.value(oldMaster.pid);
    bool reached = false;
    if (s.phase() == Phase::Draining) {
        // HUP before the old workers are gone would start duplicate workers: wait for them.
        d->progress(tr("waiting for the old workers to finish before the old master starts new ones"));
        const auto drained = [&](int seconds) { return C::waitDrained(oldMaster.pid, newMaster.pid, seconds); };
        s = d->pollUntil(
            step,
            d->settings.drainTimeoutSeconds,
            [](const HostSnapshot &x) { return x.phase() == Phase::Parked; },
            &reached,
            {},
            drained,
            2);
        if (!reached && d->settings.onDrainTimeout == DrainTimeoutAction::Terminate && s.phase() == Phase::Draining) {
            for (const NginxProcess &worker : s.state.oldWorkers) {
                d->signal(step, QStringLiteral("TERM"), worker);
            }
            s = d->pollUntil(
                step,
                d->settings.quitTimeoutSeconds,
                [](const HostSnapshot &x) { return x.phase() == Phase::Parked; },
                &reached,
                {},
                drained,
                2);
        }
        if (!reached) {
            return d->fail(step,
                           tr("the old workers are still draining after %1 s: roll back again to keep waiting")
                               .arg(d->settings.drainTimeoutSeconds),
                           s);
        }
    }
    if (s.phase() == Phase::Parked) {
        const int expected = int(s.state.workers.size());
        const Private::Output sent = d->signal(step, QStringLiteral("HUP"), oldMaster);
        if (!sent.ok()) {
            return d->fail(step, tr("HUP could not be sent: %1").arg(sent.why()), s);
        }
        s = d->pollUntil(
            step,
            d->settings.spawnTimeoutSeconds,
            [&](const HostSnapshot &x) { return x.phase() == Phase::Spawned && x.state.oldWorkers.size() >= expected; },
            &reached,
            {},
            [&](int seconds) { return C::waitWorkers(oldMaster.pid, newMaster.pid, expected, seconds); });
        if (!reached) {
            return d->fail(
                step, tr("the old master did not start its workers again: the instance is %1").arg(describe(s)), s);
        }
    }
    s = d->quitNewMaster(step, oldMaster, newMaster, &reached);
    if (!reached) {
        return d->fail(step, tr("the new master did not exit: the instance is %1").arg(describe(s)), s);
    }
    if (!d->restoreBinary(step, oldSha, &why)) {
        return d->fail(step, tr("nginx %1 serves again, but %2").arg(s.masterVersion(), why), s);
    }
    s = d->probe(step);
    return d->succeed(step,
                      tr("rolled back: the old master %1 (nginx %2) serves alone, and its binary is on disk")
                          .arg(oldMaster.pid)
                          .arg(s.masterVersion()),
                      s);
}

StepReport HostUpgrade::undo()
{
    const QString step = QStringLiteral("undo");
    HostSnapshot s = d->probe(step);
    if (s.phase() == Phase::Spawned || s.phase() == Phase::Draining || s.phase() == Phase::Parked) {
        return rollBack();
    }
    if (s.phase() != Phase::Running) {
        return d->fail(step, tr("cannot undo from %1").arg(describe(s)), s);
    }
    const QString runningSha = s.record.executableSha256.value(s.state.master->pid);
    const Private::Output known = d->exec(
        step, QStringLiteral("cat ") + shellQuote(d->backupRecord()) + QStringLiteral(" 2>/dev/null; true"), 30);
    const QStringList backup = known.out.trimmed().split(u' ');
    const bool haveBackup = backup.size() >= 2 && backup.at(1).size() == 64;
    if (!haveBackup || backup.at(1) == runningSha) {
        if (!runningSha.isEmpty() && s.record.binarySha256 != runningSha) {
            return rollBack(); // staged only: put the running binary back on disk
        }
        return d->succeed(step, tr("nginx %1 runs its old binary: nothing to undo").arg(s.masterVersion()), s);
    }
    // Committed: a new upgrade, to the backup.
    d->progress(tr("committed already: upgrading back to the backup %1").arg(backup.at(0)));
    d->settings.localTarget.clear();
    d->settings.remoteTarget = backup.at(0);
    d->targetPath.clear();
    d->targetSha.clear();
    d->targetBuild.reset();
    return runUntil(Phase::Running);
}

StepReport HostUpgrade::runUntil(Phase until)
{
    const QString step = QStringLiteral("upgrade");
    QString why;
    HostSnapshot s = d->probe(step);
    if (s.phase() == Phase::Running && !d->ensureTarget(&why, false)) {
        return d->fail(step, why, s); // the upload before the lock (see stage())
    }
    if (!d->lock(&why)) {
        return d->fail(step, why, s);
    }
    const auto unlock = qScopeGuard([this] { d->unlock(); });
    for (int round = 0; round < 8 && !d->cancelled; ++round) {
        if (round > 0 || d->freshLock) {
            // after the lock, what the host says now: in full if it may still be running the
            // old binary (one probe, not a quick one and then a full one)
            s = d->current(step, round == 0 && s.phase() == Phase::Running);
        }
        if (s.phase() == Phase::Running && s.record.quick) {
            s = d->current(step, true); // the running binary's sha256 decides what is left to do
        }
        StepReport report;
        switch (s.phase()) {
        case Phase::Running: {
            if (!d->ensureTarget(&why, false)) { // its build comes with the preflight's -t
                return d->fail(step, why, s);
            }
            if (s.record.executableSha256.value(s.state.master->pid) == d->targetSha) {
                return d->succeed(step, tr("nginx %1 (the target) runs: nothing left to do").arg(s.masterVersion()), s);
            }
            {
                // also when the target is already on disk (staged earlier, or by hand): the
                // configuration test, the lock and the disk are checked before every spawn
                const QList<PreflightCheck> checks = preflight();
                QStringList failures;
                for (const PreflightCheck &check : checks) {
                    if (check.status == PreflightCheck::Status::Fail) {
                        failures.append(check.message);
                    }
                }
                if (!failures.isEmpty()) {
                    return d->fail(
                        step, tr("the preflight failed: %1").arg(failures.join(QStringLiteral("; "))), s, failures);
                }
                if (s.record.binarySha256 != d->targetSha) {
                    report = stage();
                    if (!report.ok) {
                        return report;
                    }
                }
            }
            report = spawn();
            if (!report.ok || until == Phase::Spawned) {
                return report;
            }
            break;
        }
        case Phase::Spawned:
        case Phase::Draining:
            if (until == Phase::Spawned && s.phase() == Phase::Spawned) {
                return d->succeed(step, tr("spawned: both generations serve"), s);
            }
            report = drain();
            if (!report.ok || until == Phase::Parked) {
                return report;
            }
            break;
        case Phase::Parked:
            if (until == Phase::Parked || until == Phase::Spawned) {
                return d->succeed(step, tr("parked: the old master waits (commit or roll back)"), s);
            }
            report = commit();
            if (!report.ok) {
                StepReport failed = report;
                const StepReport back = rollBack();
                failed.details.append(back.message);
                failed.phase = back.phase;
                return failed;
            }
            return report;
        case Phase::Stopped:
        case Phase::Abnormal:
            return d->fail(step, s.ok() ? tr("cannot upgrade: the instance is %1").arg(describe(s)) : s.error, s);
        }
    }
    return d->fail(step, d->cancelled ? tr("cancelled") : tr("the upgrade did not settle"), s);
}

QString HostUpgrade::dryRun()
{
    const HostSnapshot s = d->probe(QStringLiteral("dry-run"));
    QString script;
    QTextStream out(&script);
    out << "#!/bin/sh\n# "
        << tr("What Baton would run on %1 now (phase: %2). Read it; run it by hand at your own risk.")
               .arg(d->host.name, phaseName(s.phase()))
        << "\nset -e\n";
    if (!s.ok()) {
        out << "# " << s.error << '\n';
        return script;
    }
    const QString target = !d->settings.remoteTarget.isEmpty()
        ? d->settings.remoteTarget
        : (d->host.stagingDirectory.isEmpty() ? QStringLiteral("~/.cache/baton/staging") : d->host.stagingDirectory) +
            QStringLiteral("/nginx-SHA256 # uploaded from ") + d->settings.localTarget;
    const QString binary = d->binary;
    const QString stateDir = d->stateDirectory;
    out << "\n# lock\n" << C::acquireLock(stateDir, d->settings.owner, d->settings.lockLeaseSeconds) << '\n';
    if (s.phase() == Phase::Running && s.state.master) {
        const NginxProcess master = *s.state.master;
        const auto arguments = MasterArguments::fromTitle(master.title);
        out << "\n# preflight: the target runs, and the configuration passes with it\n"
            << shellJoin({target, QStringLiteral("-V")}) << '\n';
        if (arguments) {
            out << C::testConfiguration(target, *arguments) << '\n';
        }
        out << "\n# stage: back up the running binary, install the target atomically\n"
            << C::backup(binary, binary + QStringLiteral(".baton-backup-") + s.masterVersion()) << '\n'
            << C::install(target, binary) << '\n';
        out << "\n# spawn: a new master beside the old one\n"
            << C::signal(QStringLiteral("USR2"), master.pid, master.startTime) << '\n';
        out << "# wait until " << s.instance.pidFile << ".oldbin names " << master.pid
            << " and a new master (its child) has " << s.state.workers.size() << " workers\n";
        out << "\n# drain: the old workers finish their requests\n"
            << C::signal(QStringLiteral("WINCH"), master.pid, master.startTime) << '\n';
        out << "# wait until the old master " << master.pid << " has no workers\n";
        out << "\n# commit\n" << C::signal(QStringLiteral("QUIT"), master.pid, master.startTime) << '\n';
        out << "# wait until " << s.instance.pidFile << ".oldbin is gone\n";
    } else if (s.state.oldMaster) {
        const NginxProcess old = *s.state.oldMaster;
        const NginxProcess fresh = *s.state.master;
        out << "\n# from " << phaseName(s.phase()) << ": drain and commit\n"
            << C::signal(QStringLiteral("WINCH"), old.pid, old.startTime) << '\n'
            << C::signal(QStringLiteral("QUIT"), old.pid, old.startTime) << '\n';
        out << "\n# or roll back (once the old workers are gone)\n"
            << C::signal(QStringLiteral("HUP"), old.pid, old.startTime) << '\n'
            << C::signal(QStringLiteral("QUIT"), fresh.pid, fresh.startTime) << '\n';
    }
    out << "\n# unlock\n" << C::releaseLock(stateDir, d->settings.owner) << '\n';
    return script;
}

} // namespace Baton
