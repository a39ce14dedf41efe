#include "hostupgrade.h"
#include "labengine.h"
#include "labfixture.h"
#include "labshell.h"
#include "loadgenerator.h"
#include "remotehost.h"
#include "shellquote.h"
#include "sshconnection.h"
#include "transcript.h"
#include "upgradecommands.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace Baton;
using namespace Qt::StringLiterals;

// The upgrade engine on lab hosts, with real signals: upgrade and commit, roll back from
// each phase, preflight failures that change nothing, a new master that dies, the lock,
// and zero failed requests under load.
class TestUpgrade : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    Inventory m_inventory;
    QTemporaryDir m_transcripts;

    const HostEntry &host(int index) const { return m_inventory.hosts.at(index); }

    static SshHostConfig configOf(const HostEntry &entry) { return LabShell::configOf(entry); }
    static QString sh(const HostEntry &entry, const QString &command, int *status = nullptr)
    {
        return LabShell::sh(entry, command, status);
    }

    std::unique_ptr<LabEngine> engine(const HostEntry &entry, const UpgradeSettings &settings = {})
    {
        return LabEngine::make(entry, settings, m_transcripts.path());
    }

    QString diskSha(const HostEntry &entry) { return sh(entry, UpgradeCommands::sha256(entry.nginx.binary)); }

    static const PreflightCheck *
    check(const QList<PreflightCheck> &checks, const QString &id, PreflightCheck::Status status)
    {
        for (const PreflightCheck &c : checks) {
            if (c.id == id && c.status == status) {
                return &c;
            }
        }
        return nullptr;
    }

    static QString describe(const QList<PreflightCheck> &checks)
    {
        QStringList lines;
        for (const PreflightCheck &c : checks) {
            lines.append(PreflightCheck::statusName(c.status) + u' ' + c.id + u": "_s + c.message);
        }
        return lines.join(u'\n');
    }

    // Opens @p count connections to @p entry's nginx, each with half a request sent: the
    // workers holding them stay busy (an old worker cannot drain) until they close.
    static bool holdWorkers(const HostEntry &entry, int count, std::vector<std::unique_ptr<QTcpSocket>> *clients)
    {
        for (int i = 0; i < count; ++i) {
            auto client = std::make_unique<QTcpSocket>();
            client->connectToHost(QHostAddress::LocalHost, quint16(entry.httpPort));
            if (!client->waitForConnected(5000)) {
                return false;
            }
            client->write("GET / HTTP/1.1\r\nHost: lab\r\n");
            if (!client->waitForBytesWritten(5000)) {
                return false;
            }
            clients->push_back(std::move(client));
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        QVERIFY(m_transcripts.isValid());
        const auto inventory = m_lab.up(u"upgrade"_s, 9);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        m_inventory = *inventory;
    }

    void upgradeAndCommit()
    {
        const HostEntry &entry = host(0);
        const QString oldSha = diskSha(entry);
        const QString targetSha = sh(entry, UpgradeCommands::sha256(entry.nginx.targetBinary));
        auto e = engine(entry);

        const QList<PreflightCheck> checks = e->upgrade->preflight();
        for (const char *id : {"phase", "upgradable", "target", "config-test", "disk", "lock", "health"}) {
            QVERIFY2(check(checks, QString::fromLatin1(id), PreflightCheck::Status::Pass),
                     qPrintable(describe(checks)));
        }
        QVERIFY2(check(checks, u"build"_s, PreflightCheck::Status::Warn),
                 qPrintable(describe(checks))); // 1.22 -> 1.26 builds differ
        QCOMPARE(diskSha(entry), oldSha); // the preflight changed nothing

        const StepReport report = e->upgrade->runUntil(Phase::Running);
        QVERIFY2(report.ok,
                 qPrintable(report.message + u"\n"_s + report.details.join(u'\n') + u"\n"_s + e->progress.join(u'\n')));
        const HostSnapshot after = e->upgrade->snapshot();
        QCOMPARE(phaseName(after.phase()), u"running"_s);
        QCOMPARE(after.masterVersion(), m_inventory.lab->newVersion);
        QCOMPARE(after.record.executableSha256.value(after.state.master->pid), targetSha);
        QCOMPARE(diskSha(entry), targetSha);
        // the backup keeps the old binary, with its version in the name
        const QString backup = entry.nginx.binary + u".baton-backup-"_s + m_inventory.lab->oldVersion;
        QCOMPARE(sh(entry, UpgradeCommands::sha256(backup)), oldSha);
        // the lock is free again
        int status = -1;
        sh(entry, UpgradeCommands::lockStatus(UpgradeCommands::stateDirectory(entry.nginx.pidFile)), &status);
        QCOMPARE(status, 0);

        // every command is in the transcript, with its exit status
        QString error;
        const auto entries = Transcript::read(e->transcript->path(), &error);
        QVERIFY2(entries, qPrintable(error));
        const bool sentUsr2 = std::any_of(entries->begin(), entries->end(), [](const TranscriptEntry &t) {
            return t.step == u"spawn"_s && t.command.contains(QRegularExpression(u"kill -'?USR2"_s)) &&
                t.exitStatus == 0;
        });
        QVERIFY(sentUsr2);

        // Done is done: a second run changes nothing and sends nothing.
        auto again = engine(entry);
        const StepReport second = again->upgrade->runUntil(Phase::Running);
        QVERIFY(second.ok);
        QVERIFY2(second.message.contains(u"nothing left to do"_s), qPrintable(second.message));
        QCOMPARE(again->upgrade->snapshot().state.master->pid, after.state.master->pid);
    }

    void rollBack_data()
    {
        QTest::addColumn<QString>("from");
        QTest::newRow("spawned") << u"spawned"_s;
        QTest::newRow("draining") << u"draining"_s;
        QTest::newRow("parked") << u"parked"_s;
        QTest::newRow("staged") << u"staged"_s;
    }

    void rollBack()
    {
        QFETCH(QString, from);
        const HostEntry &entry = host(1);
        const QString oldSha = diskSha(entry);
        UpgradeSettings settings;
        settings.drainTimeoutSeconds = 1;
        settings.onDrainTimeout = DrainTimeoutAction::Terminate;
        auto e = engine(entry, settings);
        const int oldMaster = e->upgrade->snapshot().state.master->pid;

        // Half-sent requests keep old workers busy while draining: both generations accept on
        // the shared socket, so several connections make sure some reach the old one.
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        if (from == u"staged"_s) {
            QVERIFY(e->upgrade->stage().ok);
            QVERIFY(diskSha(entry) != oldSha);
        } else {
            StepReport report = e->upgrade->runUntil(Phase::Spawned);
            QVERIFY2(report.ok, qPrintable(report.message));
            if (from == u"draining"_s) {
                QVERIFY(holdWorkers(entry, 8, &clients));
            }
            if (from != u"spawned"_s) {
                sh(entry,
                   UpgradeCommands::signal(u"WINCH"_s, oldMaster, e->upgrade->snapshot().state.oldMaster->startTime));
                QTRY_VERIFY_WITH_TIMEOUT(e->upgrade->snapshot().phase() == Phase::Parked ||
                                             e->upgrade->snapshot().phase() == Phase::Draining,
                                         15000);
            }
        }
        const StepReport back = e->upgrade->rollBack();
        QVERIFY2(back.ok, qPrintable(back.message + u"\n"_s + e->progress.join(u'\n')));
        const HostSnapshot after = e->upgrade->snapshot();
        QCOMPARE(phaseName(after.phase()), u"running"_s);
        QCOMPARE(after.state.master->pid, oldMaster); // the old master serves again
        QCOMPARE(after.masterVersion(), m_inventory.lab->oldVersion);
        QCOMPARE(diskSha(entry), oldSha);
        QCOMPARE(after.state.workers.size(), 2);
    }

    void preflightChangesNothing()
    {
        const HostEntry &entry = host(2);
        const QString oldSha = diskSha(entry);
        QTemporaryDir dir;
        // A truncated binary
        const QString truncated = m_lab.directory(u"upgrade"_s) + u"/truncated-nginx"_s;
        sh(entry,
           u"head -c 200000 "_s + shellQuote(entry.nginx.targetBinary) + u" > "_s + shellQuote(truncated) +
               u" && chmod 755 "_s + shellQuote(truncated));
        UpgradeSettings settings;
        settings.remoteTarget = truncated;
        auto e = engine(entry, settings);
        QList<PreflightCheck> checks = e->upgrade->preflight();
        QVERIFY2(check(checks, u"target"_s, PreflightCheck::Status::Fail), qPrintable(describe(checks)));
        QVERIFY(!e->upgrade->runUntil(Phase::Running).ok);
        QCOMPARE(diskSha(entry), oldSha);
        QCOMPARE(phaseName(e->upgrade->snapshot().phase()), u"running"_s);

        // Another Baton holds the lock
        const QString state = UpgradeCommands::stateDirectory(entry.nginx.pidFile);
        const QString other = u"baton:elsewhere:1:1 batonctl on elsewhere"_s;
        int status = -1;
        sh(entry, UpgradeCommands::acquireLock(state, other, 300), &status);
        QCOMPARE(status, 0);
        auto locked = engine(entry);
        checks = locked->upgrade->preflight();
        QVERIFY2(check(checks, u"lock"_s, PreflightCheck::Status::Fail), qPrintable(describe(checks)));
        const StepReport refused = locked->upgrade->stage();
        QVERIFY(!refused.ok);
        QVERIFY2(refused.message.contains(u"elsewhere"_s), qPrintable(refused.message));
        QCOMPARE(diskSha(entry), oldSha);
        sh(entry, UpgradeCommands::releaseLock(state, other));

        // An upgrade already in progress (started by hand)
        const HostSnapshot before = locked->upgrade->snapshot();
        sh(entry, UpgradeCommands::signal(u"USR2"_s, before.state.master->pid, before.state.master->startTime));
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(locked->upgrade->snapshot().phase()), u"spawned"_s, 15000);
        checks = locked->upgrade->preflight();
        QVERIFY2(check(checks, u"phase"_s, PreflightCheck::Status::Fail), qPrintable(describe(checks)));
        QVERIFY(!locked->upgrade->stage().ok);
        QVERIFY(!locked->upgrade->spawn().ok); // never a second USR2
        QCOMPARE(diskSha(entry), oldSha);
        // clean up: the engine rolls the hand-made upgrade back
        const StepReport back = locked->upgrade->rollBack();
        QVERIFY2(back.ok, qPrintable(back.message));
        QCOMPARE(locked->upgrade->snapshot().state.master->pid, before.state.master->pid);
    }

    void newMasterDies()
    {
        const HostEntry &entry = host(2);
        const QString oldSha = diskSha(entry);
        auto e = engine(entry);
        const HostSnapshot before = e->upgrade->snapshot();
        QVERIFY(e->upgrade->stage().ok);
        // The configuration breaks between the preflight and the spawn.
        const QString config = shellQuote(entry.nginx.configFile);
        sh(entry, u"cp "_s + config + u" "_s + config + u".good && echo 'this is not nginx;' >> "_s + config);
        const StepReport report = e->upgrade->spawn();
        sh(entry, u"mv -f "_s + config + u".good "_s + config);
        QVERIFY(!report.ok);
        QVERIFY2(report.message.contains(u"exited"_s), qPrintable(report.message));
        QVERIFY2(report.details.join(u'\n').contains(u"[emerg]"_s), qPrintable(report.details.join(u'\n')));
        const HostSnapshot after = e->upgrade->snapshot();
        QCOMPARE(phaseName(after.phase()), u"running"_s);
        QCOMPARE(after.state.master->pid, before.state.master->pid); // the old master kept serving
        QCOMPARE(diskSha(entry), oldSha); // and its binary is back
    }

    // A health URL that fails before anything changes says nothing about the upgrade: the
    // preflight warns, and the gates check the workers and the error log only.
    void healthUrlThatNeverWorked()
    {
        const HostEntry &entry = host(2);
        UpgradeSettings settings;
        settings.healthUrl = u"http://127.0.0.1:%1/no-such-page"_s.arg(entry.httpPort);
        auto e = engine(entry, settings);
        const QList<PreflightCheck> checks = e->upgrade->preflight();
        const PreflightCheck *health = check(checks, u"health"_s, PreflightCheck::Status::Warn);
        QVERIFY2(health && health->message.contains(u"404"_s), qPrintable(describe(checks)));
        const StepReport report = e->upgrade->runUntil(Phase::Running);
        QVERIFY2(report.ok, qPrintable(report.message + u"\n"_s + e->progress.join(u'\n')));
        QCOMPARE(e->upgrade->snapshot().masterVersion(), m_inventory.lab->newVersion);
    }

    // A commit that waits for busy old workers far longer than the lock's lease: the engine
    // renews the lease between its host-side waits, so no other Baton can take the host.
    void leaseRenewedDuringLongWait()
    {
        const HostEntry &entry = host(8);
        // half-sent requests held by the old workers (the only ones yet) keep them busy
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        QVERIFY(holdWorkers(entry, 4, &clients));
        UpgradeSettings quick;
        quick.drainTimeoutSeconds = 1; // stop waiting at once: the host stays draining
        QVERIFY(engine(entry, quick)->upgrade->runUntil(Phase::Spawned).ok);
        QVERIFY(!engine(entry, quick)->upgrade->drain().ok);
        QCOMPARE(phaseName(engine(entry)->upgrade->snapshot().phase()), u"draining"_s);

        // commit from draining: QUIT, then wait for the old master, which waits for its workers
        UpgradeSettings settings;
        settings.lockLeaseSeconds = 3;
        settings.drainTimeoutSeconds = 60;
        auto e = engine(entry, settings);
        StepReport report;
        std::thread commit([&] { report = e->upgrade->commit(); });
        const auto joinCommit = qScopeGuard([&] {
            clients.clear();
            if (commit.joinable()) {
                commit.join();
            }
        });
        const QString state = UpgradeCommands::stateDirectory(entry.nginx.pidFile);
        QTRY_VERIFY_WITH_TIMEOUT(sh(entry, UpgradeCommands::lockStatus(state)).contains(u"tst_upgrade"_s), 30000);
        // for three leases, the lock is held by this engine at every look
        QElapsedTimer timer;
        timer.start();
        int looks = 0;
        while (timer.elapsed() < 9000) {
            int status = -1;
            const QString owner = sh(entry, UpgradeCommands::lockStatus(state), &status);
            QCOMPARE(status, 75);
            QVERIFY2(owner.contains(u"tst_upgrade"_s), qPrintable(owner));
            ++looks;
        }
        QVERIFY(looks > 5);
        clients.clear(); // the old workers finish, the old master exits
        commit.join();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(e->upgrade->snapshot().masterVersion(), m_inventory.lab->newVersion);
    }

    // Keep-alive clients during an upgrade and commit: the only errors allowed are requests
    // that crossed nginx closing an idle connection (clients retry those); they are
    // counted and reported, apart from real failures, which must be zero.
    void keepAliveLoad()
    {
        const HostEntry &entry = host(7);
        auto e = engine(entry);
        LoadGenerator load(entry.httpPort, 8, true, 30);
        load.start();
        QElapsedTimer timer;
        timer.start();
        const StepReport report = e->upgrade->runUntil(Phase::Running);
        const qint64 upgradeMs = timer.elapsed();
        const LoadGenerator::Result result = load.stop();
        QVERIFY2(report.ok, qPrintable(report.message));
        QVERIFY2(upgradeMs < 30000, "the upgrade outlasted the load: the test proves nothing");
        qInfo("keep-alive: %lld requests on %lld connections; %lld idle-close races (retried by clients); %lld "
              "failures; the upgrade took %lld ms",
              result.requests,
              result.connections,
              result.idleCloseRaces,
              result.failures,
              upgradeMs);
        QVERIFY(result.requests > 1000);
        QVERIFY2(result.failures == 0, qPrintable(result.samples.join(u"; "_s)));
        // the old workers' keep-alive connections were closed: clients had to reconnect
        QVERIFY(result.connections > 8);
        QCOMPARE(e->upgrade->snapshot().masterVersion(), m_inventory.lab->newVersion);
    }

    // The SSH connection dies (its sshd is killed on the host) right as each signal goes
    // out: the engine reconnects, finds out whether the step ran, and finishes the upgrade
    // with one USR2.
    void sshDropsDuringEachStep_data()
    {
        QTest::addColumn<int>("host");
        QTest::addColumn<QString>("signal");
        QTest::newRow("spawn") << 4 << u"USR2"_s;
        QTest::newRow("drain") << 5 << u"WINCH"_s;
        QTest::newRow("commit") << 6 << u"QUIT"_s;
    }

    void sshDropsDuringEachStep()
    {
        QFETCH(int, host);
        QFETCH(QString, signal);
        const HostEntry &entry = this->host(host);
        auto e = engine(entry);
        bool killed = false;
        e->upgrade->onProgress = [&](const QString &line) {
            e->progress.append(line);
            if (!killed && line.contains(u"sending "_s + signal)) {
                killed = true;
                // Every sshd session but the killer's own, before the engine goes on: the
                // connection the signal is about to use is dead, whatever the timing.
                sh(entry,
                   u"for p in $(pgrep -f '^sshd[-a-z]*: [a-z]*@notty'); do [ \"$p\" = \"$PPID\" ] || kill -KILL \"$p\"; done"_s);
            }
        };
        const StepReport report = e->upgrade->runUntil(Phase::Running);
        QVERIFY(killed);
        QVERIFY2(report.ok, qPrintable(report.message + u"\n"_s + e->progress.join(u'\n')));
        const HostSnapshot after = e->upgrade->snapshot();
        QCOMPARE(phaseName(after.phase()), u"running"_s);
        QCOMPARE(after.masterVersion(), m_inventory.lab->newVersion);
        const QString log = shellQuote(QString(entry.nginx.prefix + u"logs/error.log"_s));
        QCOMPARE(sh(entry, u"grep -c SIGUSR2 "_s + log), u"1"_s); // nginx saw exactly one USR2
        // and the engine did notice: some command of this run ended with a broken connection
        QString error;
        const auto entries = Transcript::read(e->transcript->path(), &error);
        QVERIFY(
            std::any_of(entries->begin(), entries->end(), [](const TranscriptEntry &t) { return !t.error.isEmpty(); }));
    }

    // New connections at full speed (Connection: close) during an upgrade and commit, then
    // an upgrade and roll back: not one request fails.
    void zeroFailedRequests_data()
    {
        QTest::addColumn<bool>("commit");
        QTest::newRow("upgrade and commit") << true;
        QTest::newRow("upgrade and roll back") << false;
    }

    void zeroFailedRequests()
    {
        QFETCH(bool, commit);
        if (const QString missing = WrkLoad::missing(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        const HostEntry &entry = host(3);
        // The second round starts on the committed 1.26 and goes back to the backed-up
        // 1.22 (how a committed upgrade is undone), then rolls that back.
        const QString backup = entry.nginx.binary + u".baton-backup-"_s + m_inventory.lab->oldVersion;
        UpgradeSettings settings;
        settings.remoteTarget = commit ? entry.nginx.targetBinary : backup;
        auto e = engine(entry, settings);
        const QString versionBefore = e->upgrade->snapshot().masterVersion();
        QCOMPARE(versionBefore, commit ? m_inventory.lab->oldVersion : m_inventory.lab->newVersion);
        WrkLoad load;
        QVERIFY(load.start(entry.httpPort, 12, 2, 16));
        QElapsedTimer timer;
        timer.start();
        StepReport report = e->upgrade->runUntil(commit ? Phase::Running : Phase::Parked);
        QVERIFY2(report.ok, qPrintable(report.message));
        if (!commit) {
            report = e->upgrade->rollBack();
            QVERIFY2(report.ok, qPrintable(report.message));
        }
        const qint64 upgradeMs = timer.elapsed();
        QString problem;
        const qint64 requests = load.finish(&problem);
        QVERIFY2(upgradeMs < 12000, "the upgrade outlasted the load: the test proves nothing");
        QVERIFY2(requests > 1000, qPrintable(problem));
        qInfo("%s: %lld requests, none failed; the upgrade took %lld ms",
              commit ? "commit" : "rollback",
              requests,
              upgradeMs);
        const HostSnapshot after = e->upgrade->snapshot();
        QCOMPARE(after.masterVersion(), commit ? m_inventory.lab->newVersion : versionBefore);
    }
};

QTEST_GUILESS_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
