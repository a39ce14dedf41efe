#include "hostupgrade.h"
#include "labengine.h"
#include "labfixture.h"
#include "labshell.h"
#include "remotehost.h"
#include "shellquote.h"
#include "sshconnection.h"
#include "transcript.h"
#include "upgradecommands.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// The preflight stops an upgrade, and leaves the host as it was (the binary on disk, the
// master, the phase, no lock, no backup), when nginx -t fails with the target because of a
// dynamic module built for the old version, and when the binary's directory lacks the
// space for the backup and the new binary.
class TestPreflight : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    Inventory m_inventory;
    QTemporaryDir m_transcripts;

    const HostEntry &host(int index) const { return m_inventory.hosts.at(index); }

    using ShResult = LabShell::Result;
    static SshHostConfig configOf(const HostEntry &entry) { return LabShell::configOf(entry); }
    static ShResult run(const HostEntry &entry, const QString &command) { return LabShell::run(entry, command); }
    static QString sh(const HostEntry &entry, const QString &command, int *status = nullptr)
    {
        return LabShell::sh(entry, command, status);
    }

    std::unique_ptr<LabEngine> engine(const HostEntry &entry)
    {
        return LabEngine::make(entry, {}, m_transcripts.path());
    }

    QString diskSha(const HostEntry &entry) { return sh(entry, UpgradeCommands::sha256(entry.nginx.binary)); }

    static QString binaryDirectory(const HostEntry &entry) { return QFileInfo(entry.nginx.binary).path(); }

    static const PreflightCheck *find(const QList<PreflightCheck> &checks, const QString &id)
    {
        for (const PreflightCheck &c : checks) {
            if (c.id == id) {
                return &c;
            }
        }
        return nullptr;
    }

    static QString statusOf(const QList<PreflightCheck> &checks, const QString &id)
    {
        const PreflightCheck *c = find(checks, id);
        return c ? PreflightCheck::statusName(c->status) : u"missing"_s;
    }

    static QStringList failedIds(const QList<PreflightCheck> &checks)
    {
        QStringList ids;
        for (const PreflightCheck &c : checks) {
            if (c.status == PreflightCheck::Status::Fail) {
                ids.append(c.id);
            }
        }
        return ids;
    }

    static QString describe(const QList<PreflightCheck> &checks)
    {
        QStringList lines;
        for (const PreflightCheck &c : checks) {
            lines.append(PreflightCheck::statusName(c.status) + u' ' + c.id + u": "_s + c.message);
        }
        return lines.join(u'\n');
    }

    // What must be the same after a stopped upgrade.
    struct HostState
    {
        QString sha; ///< of the binary on disk
        qint64 masterPid = 0;
        quint64 masterStart = 0;
        QString masterSha; ///< of what the master runs
        qsizetype workers = 0;
        QString files; ///< the binary's directory, `ls -A`
    };

    HostState stateOf(const HostEntry &entry, HostUpgrade *upgrade)
    {
        HostState state;
        const HostSnapshot s = upgrade->snapshot();
        state.sha = diskSha(entry);
        if (s.phase() == Phase::Running && s.state.master) {
            state.masterPid = s.state.master->pid;
            state.masterStart = s.state.master->startTime;
            state.masterSha = s.record.executableSha256.value(state.masterPid);
            state.workers = s.state.workers.size();
        }
        state.files = sh(entry, u"ls -A "_s + shellQuote(binaryDirectory(entry)));
        return state;
    }

    // Empty when @p entry is as @p before, running, unlocked; else what differs.
    QString changes(const HostEntry &entry, HostUpgrade *upgrade, const HostState &before)
    {
        QStringList problems;
        const HostSnapshot s = upgrade->snapshot();
        if (s.phase() != Phase::Running) {
            problems.append(u"the phase is "_s + phaseName(s.phase()) + u' ' + s.state.reason + s.error);
        }
        const HostState now = stateOf(entry, upgrade);
        if (now.sha.size() != 64 || now.sha != before.sha) {
            problems.append(u"the binary on disk changed: sha256 %1, was %2"_s.arg(now.sha, before.sha));
        }
        if (now.masterPid != before.masterPid || now.masterStart != before.masterStart) {
            problems.append(u"the master is %1 (start %2), was %3 (start %4)"_s.arg(now.masterPid)
                                .arg(now.masterStart)
                                .arg(before.masterPid)
                                .arg(before.masterStart));
        }
        if (now.masterSha != before.masterSha) {
            problems.append(u"the master runs sha256 %1, was %2"_s.arg(now.masterSha, before.masterSha));
        }
        if (now.workers != before.workers) {
            problems.append(u"%1 workers, were %2"_s.arg(now.workers).arg(before.workers));
        }
        if (now.files != before.files) {
            problems.append(u"%1 holds %2, held %3"_s.arg(binaryDirectory(entry), now.files, before.files));
        }
        const QString state = UpgradeCommands::stateDirectory(entry.nginx.pidFile);
        const ShResult lock = run(entry, UpgradeCommands::lockStatus(state));
        if (lock.status != 0) {
            problems.append(u"the lock is held (status %1): %2"_s.arg(lock.status).arg(lock.out));
        }
        const ShResult owner = run(entry, u"test -e "_s + shellQuote(QString(state + u"/owner"_s)));
        if (owner.status != 1) {
            problems.append(u"a lock owner file is left in %1 (test -e: %2)"_s.arg(state).arg(owner.status));
        }
        return problems.join(u"; "_s);
    }

    // No signal sent, nothing backed up, nothing installed: the transcript says so.
    static QString changingCommands(const LabEngine &e)
    {
        QString error;
        const auto entries = Transcript::read(e.transcript->path(), &error);
        if (!entries) {
            return u"the transcript cannot be read: "_s + error;
        }
        if (entries->isEmpty()) {
            return u"the transcript is empty"_s;
        }
        // a signal to a process (the lock's own holder, "kill -TERM -PGID", is no change)
        static const QRegularExpression changing(u"kill -'?[A-Z0-9]+'? [0-9]|\\.baton-new|\\.baton-backup|mv -f"_s);
        QStringList found;
        for (const TranscriptEntry &t : *entries) {
            if (t.command.contains(changing)) {
                found.append(t.step + u": "_s + t.command);
            }
        }
        return found.join(u'\n');
    }

    // True when the master is still @p masterPid and runs @p workers workers, none of them
    // one of @p before nor shutting down: it has finished a reload.
    bool reloaded(HostUpgrade *upgrade, qint64 masterPid, const QList<qint64> &before, qsizetype workers)
    {
        const HostSnapshot s = upgrade->snapshot();
        if (s.phase() != Phase::Running || !s.state.master || s.state.master->pid != masterPid ||
            s.state.workers.size() != workers) {
            return false;
        }
        for (const NginxProcess &worker : s.state.workers) {
            if (before.contains(worker.pid) || worker.role() != NginxProcess::Role::Worker) {
                return false;
            }
        }
        return true;
    }

    static QList<qint64> pidsOf(const QList<NginxProcess> &processes)
    {
        QList<qint64> pids;
        for (const NginxProcess &p : processes) {
            pids.append(p.pid);
        }
        return pids;
    }

    // Does the master have @p file mapped (a loaded module)?
    bool mapped(const HostEntry &entry, qint64 pid, const QString &file)
    {
        int status = -1;
        sh(entry, u"grep -qF "_s + shellQuote(file) + u" /proc/%1/maps"_s.arg(pid), &status);
        return status == 0;
    }

    // HUPs the running master and waits until it has reloaded; empty, or why not.
    QString reload(const HostEntry &entry, HostUpgrade *upgrade, const QString &module, bool withModule)
    {
        const HostSnapshot s = upgrade->snapshot();
        if (s.phase() != Phase::Running || !s.state.master) {
            return u"nginx is not running: "_s + phaseName(s.phase()) + u' ' + s.state.reason + s.error;
        }
        const NginxProcess master = *s.state.master;
        const QList<qint64> workers = pidsOf(s.state.workers);
        const ShResult hup = run(entry, UpgradeCommands::signal(u"HUP"_s, master.pid, master.startTime));
        if (hup.status != 0) {
            return u"HUP failed: "_s + hup.err;
        }
        QDeadlineTimer deadline(20000);
        while (!reloaded(upgrade, master.pid, workers, workers.size()) ||
               mapped(entry, master.pid, module) != withModule) {
            if (deadline.hasExpired()) {
                return u"the master %1 did not reload %2 the module within 20 s"_s.arg(master.pid)
                    .arg(withModule ? u"with"_s : u"without"_s);
            }
        }
        return {};
    }

    // The stream module of the old build, as installer/fetch-old-nginx.sh extracts it.
    static QString oldModule()
    {
        const QString old = qEnvironmentVariable("BATON_LAB_NGINX_OLD"); // DEST/usr/sbin/nginx
        return QDir::cleanPath(QFileInfo(old).absolutePath() + u"/../lib/nginx/modules/ngx_stream_module.so"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        QVERIFY(m_transcripts.isValid());
        const auto inventory = m_lab.up(u"preflight"_s, 2);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        m_inventory = *inventory;
        QVERIFY(m_inventory.lab);
    }

    // nginx 1.22.1 runs with its own stream module loaded; 1.26 refuses that module.
    void configTestFailsOnOldModule()
    {
        const HostEntry &entry = host(0);
        const QString module = oldModule();
        QVERIFY2(QFileInfo(module).isFile(),
                 qPrintable(module + u" is missing: installer/fetch-old-nginx.sh extracts it beside the old nginx"_s));
        auto e = engine(entry);
        const QString config = entry.nginx.configFile;
        const QString saved = config + u".preflight-test"_s;
        int status = -1;
        sh(entry, u"cp -p "_s + shellQuote(config) + u' ' + shellQuote(saved), &status);
        QCOMPARE(status, 0);
        // Put the original configuration back and reload, also when the test fails.
        const auto restoreConfig = [&]() -> QString {
            const ShResult moved = run(entry, u"mv -f "_s + shellQuote(saved) + u' ' + shellQuote(config));
            if (moved.status != 0) {
                return u"cannot restore %1: %2"_s.arg(config, moved.err);
            }
            return reload(entry, e->upgrade.get(), module, false);
        };
        auto restore = qScopeGuard([&] {
            if (const QString problem = restoreConfig(); !problem.isEmpty()) {
                qWarning("cleanup: %s", qPrintable(problem));
            }
        });

        sh(entry,
           u"{ printf 'load_module %s;\\n' "_s + shellQuote(module) + u"; cat "_s + shellQuote(saved) + u"; } > "_s +
               shellQuote(config),
           &status);
        QCOMPARE(status, 0);
        QVERIFY(sh(entry, u"head -n 1 "_s + shellQuote(config)).startsWith(u"load_module "_s));
        // The old build accepts it...
        const ShResult oldTest = run(
            entry, shellJoin({entry.nginx.binary, u"-t"_s, u"-p"_s, entry.nginx.prefix, u"-c"_s, config}) + u" 2>&1"_s);
        QVERIFY2(oldTest.status == 0 && oldTest.out.contains(u"test is successful"_s), qPrintable(oldTest.out));
        // ...and the running master loads it.
        const QString reloadProblem = reload(entry, e->upgrade.get(), module, true);
        QVERIFY2(reloadProblem.isEmpty(), qPrintable(reloadProblem));
        const HostState before = stateOf(entry, e->upgrade.get());
        QVERIFY(before.masterPid > 0);
        QCOMPARE(before.sha, before.masterSha);
        QCOMPARE(before.workers, 2);

        const QList<PreflightCheck> checks = e->upgrade->preflight();
        qInfo("preflight:\n%s", qPrintable(describe(checks)));
        QCOMPARE(failedIds(checks), QStringList{u"config-test"_s});
        const PreflightCheck *configTest = find(checks, u"config-test"_s);
        QVERIFY(configTest);
        // nginx: module "PATH" version 1022001 instead of 1026003
        const QRegularExpression refused(u"^the configuration fails with the target: module \"%1\" version (\\d+) "
                                         u"instead of (\\d+)$"_s.arg(QRegularExpression::escape(module)));
        const auto match = refused.match(configTest->message);
        QVERIFY2(match.hasMatch(), qPrintable(configTest->message));
        const auto nginxVersion = [](const QString &version) {
            const QStringList parts = version.split(u'.');
            return parts.size() == 3 ? parts[0].toInt() * 1000000 + parts[1].toInt() * 1000 + parts[2].toInt() : -1;
        };
        QCOMPARE(match.captured(1).toInt(), nginxVersion(m_inventory.lab->oldVersion));
        QCOMPARE(match.captured(2).toInt(), nginxVersion(m_inventory.lab->newVersion));
        QCOMPARE(statusOf(checks, u"disk"_s), u"pass"_s);
        QString problem = changes(entry, e->upgrade.get(), before);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const StepReport report = e->upgrade->runUntil(Phase::Running);
        qInfo("runUntil: %s", qPrintable(report.message));
        QVERIFY(!report.ok);
        QVERIFY2(report.message.startsWith(u"the preflight failed: "_s), qPrintable(report.message));
        QVERIFY2(report.message.contains(configTest->message), qPrintable(report.message));
        QCOMPARE(report.details, QStringList{configTest->message});
        QCOMPARE(report.phase, Phase::Running);
        problem = changes(entry, e->upgrade.get(), before);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString commands = changingCommands(*e);
        QVERIFY2(commands.isEmpty(), qPrintable(commands));

        restore.dismiss();
        const QString restoreProblem = restoreConfig();
        QVERIFY2(restoreProblem.isEmpty(), qPrintable(restoreProblem));
        QVERIFY(!sh(entry, u"head -n 1 "_s + shellQuote(config)).startsWith(u"load_module "_s));
        // the same master, with the module unloaded, passes the preflight again
        auto again = engine(entry);
        const QList<PreflightCheck> after = again->upgrade->preflight();
        QVERIFY2(failedIds(after).isEmpty(), qPrintable(describe(after)));
        QCOMPARE(statusOf(after, u"config-test"_s), u"pass"_s);
        QCOMPARE(stateOf(entry, again->upgrade.get()).masterPid, before.masterPid);
    }

    // The binary's directory is a filesystem with room for the binary and little more:
    // a tmpfs mounted on it, in the host's own mount namespace, with a copy of the running
    // binary. The master keeps running (from the file now hidden under the mount).
    void diskFullForBackup()
    {
        if (!m_inventory.lab->pidNamespaces) {
            QSKIP("the lab runs without namespaces (not root): a tmpfs mounted on a host would be mounted on this "
                  "machine");
        }
        const HostEntry &entry = host(1);
        const QString directory = binaryDirectory(entry);
        const QString quoted = shellQuote(directory);
        auto e = engine(entry);
        const HostState original = stateOf(entry, e->upgrade.get());
        QVERIFY(original.masterPid > 0);
        QCOMPARE(original.sha, original.masterSha);
        QCOMPARE(original.files, u"nginx"_s);
        const qint64 size = sh(entry, UpgradeCommands::fileSize(entry.nginx.binary)).toLongLong();
        QVERIFY(size > 100000);
        const QString mountedHere =
            u"awk -v d="_s + quoted + u" '$5 == d { found = 1 } END { exit !found }' "_s + u"/proc/self/mountinfo"_s;

        // Room for the binary and 256 KiB (tmpfs counts whole pages).
        const qint64 tmpfsKiB = (size + 1023) / 1024 + 256;
        const QString copy = QFileInfo(directory).path() + u"/nginx.preflight-test"_s;
        const ShResult mounted =
            run(entry,
                u"set -e; cp -p "_s + shellQuote(entry.nginx.binary) + u' ' + shellQuote(copy) +
                    u"; mount -t tmpfs -o size=%1k,mode=0755 baton-preflight-test "_s.arg(tmpfsKiB) + quoted +
                    u"; cp -p "_s + shellQuote(copy) + u' ' + shellQuote(entry.nginx.binary) + u"; rm -f "_s +
                    shellQuote(copy));
        const auto unmount = [&]() -> QString {
            ShResult result = run(entry, u"umount "_s + quoted);
            if (result.status != 0) {
                const QString why = result.err;
                result = run(entry, u"umount -l "_s + quoted);
                return u"umount %1 failed (%2)%3"_s.arg(
                    directory, why, result.status == 0 ? u"; lazily unmounted"_s : u"; so did umount -l"_s);
            }
            return {};
        };
        auto cleanup = qScopeGuard([&] {
            if (run(entry, mountedHere).status == 0) {
                if (const QString problem = unmount(); !problem.isEmpty()) {
                    qWarning("cleanup: %s", qPrintable(problem));
                }
            }
            run(entry, u"rm -f "_s + shellQuote(copy));
        });
        QVERIFY2(mounted.status == 0, qPrintable(mounted.err));
        QCOMPARE(run(entry, mountedHere).status, 0);
        QCOMPARE(sh(entry, u"stat -f -c %T "_s + quoted), u"tmpfs"_s);
        // The host only: this machine's (the test's) view of the directory is unchanged.
        QCOMPARE(QDir(directory).entryList(QDir::Files | QDir::Hidden), QStringList{u"nginx"_s});
        QVERIFY(!QFile::exists(copy));
        const qint64 freeKiB = sh(entry, UpgradeCommands::freeKilobytes(directory)).toLongLong();
        QVERIFY2(freeKiB > 0 && freeKiB <= 256, qPrintable(QString::number(freeKiB)));

        // The probe still sees nginx running what is on disk: the master's executable has
        // the same path (its file is under the mount, not deleted), and the same sha256.
        const HostSnapshot s = e->upgrade->snapshot();
        QCOMPARE(phaseName(s.phase()), u"running"_s);
        QCOMPARE(s.state.master->pid, original.masterPid);
        QCOMPARE(s.record.executables.value(original.masterPid), entry.nginx.binary);
        QVERIFY(!s.record.executableDeleted(original.masterPid));
        QCOMPARE(s.record.binarySha256, s.record.executableSha256.value(original.masterPid));
        for (const Pitfall &pitfall : s.pitfalls) {
            QVERIFY2(pitfall.severity != Pitfall::Severity::Blocker, qPrintable(pitfall.message));
        }
        const HostState before = stateOf(entry, e->upgrade.get());
        QCOMPARE(before.sha, original.sha);
        QCOMPARE(before.masterPid, original.masterPid);
        QCOMPARE(before.files, u"nginx"_s);

        const QList<PreflightCheck> checks = e->upgrade->preflight();
        qInfo("preflight:\n%s", qPrintable(describe(checks)));
        QCOMPARE(failedIds(checks), QStringList{u"disk"_s});
        const PreflightCheck *disk = find(checks, u"disk"_s);
        QVERIFY(disk);
        const QRegularExpression full(u"^%1 has (\\d+) KiB free; the backup and the new binary need (\\d+) KiB$"_s.arg(
            QRegularExpression::escape(directory)));
        const auto match = full.match(disk->message);
        QVERIFY2(match.hasMatch(), qPrintable(disk->message));
        QCOMPARE(match.captured(1).toLongLong(), freeKiB);
        const qint64 targetSize = sh(entry, UpgradeCommands::fileSize(entry.nginx.targetBinary)).toLongLong();
        QVERIFY(targetSize > 100000);
        // at least a copy of the running binary and the new binary beside the target
        QVERIFY2(match.captured(2).toLongLong() >= (size + targetSize) / 1024, qPrintable(disk->message));
        QCOMPARE(statusOf(checks, u"config-test"_s), u"pass"_s);
        QString problem = changes(entry, e->upgrade.get(), before);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));

        const StepReport report = e->upgrade->runUntil(Phase::Running);
        qInfo("runUntil: %s", qPrintable(report.message));
        QVERIFY(!report.ok);
        QVERIFY2(report.message.startsWith(u"the preflight failed: "_s), qPrintable(report.message));
        QCOMPARE(report.details, QStringList{disk->message});
        QCOMPARE(report.phase, Phase::Running);
        problem = changes(entry, e->upgrade.get(), before);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(sh(entry, UpgradeCommands::freeKilobytes(directory)).toLongLong(), freeKiB);
        const QString commands = changingCommands(*e);
        QVERIFY2(commands.isEmpty(), qPrintable(commands));

        cleanup.dismiss();
        const QString unmounted = unmount();
        QVERIFY2(unmounted.isEmpty(), qPrintable(unmounted));
        QCOMPARE(run(entry, mountedHere).status, 1);
        // the file under the mount is the one the master runs, as before
        const HostState after = stateOf(entry, e->upgrade.get());
        QCOMPARE(after.sha, original.sha);
        QCOMPARE(after.masterPid, original.masterPid);
        QCOMPARE(after.masterStart, original.masterStart);
        QCOMPARE(after.files, u"nginx"_s);
        QCOMPARE(statusOf(e->upgrade->preflight(), u"disk"_s), u"pass"_s);
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
