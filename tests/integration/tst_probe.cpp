#include "labfixture.h"
#include "phase.h"
#include "pitfalls.h"
#include "shellquote.h"
#include "sshconnection.h"
#include "upgradecommands.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// The phases of DESIGN.md §2, derived from fresh probes of a lab host while the test sends
// the real signals by hand: upgrade and commit, and upgrade and roll back.
class TestProbe : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    Inventory m_inventory;
    QByteArray m_probe;
    std::unique_ptr<SshConnection> m_connection;
    HostEntry m_host;
    int m_captured = 0;

    std::optional<ProbeRecord> probe() { return probeWith(u"sh"_s, m_host.nginx.pidFile); }

    // The quick and phase records derive what a full one does, and the phase record holds
    // only processes and pid files (a snapshot while a step polls).
    void levelsAgree()
    {
        const auto full = probe();
        const auto quick = probeWith(u"sh"_s, m_host.nginx.pidFile, u"quick"_s);
        const auto phase = probeWith(u"sh"_s, m_host.nginx.pidFile, u"phase"_s);
        const auto facts = probeWith(u"sh"_s, m_host.nginx.pidFile, u"facts"_s);
        QVERIFY(full && quick && phase && facts);
        // facts: the full record but the sockets
        QVERIFY(!facts->quick && facts->listening.isEmpty() && facts->connections.isEmpty());
        QVERIFY(!full->listening.isEmpty());
        QCOMPARE(facts->executableSha256, full->executableSha256);
        QCOMPARE(facts->builds, full->builds);
        QCOMPARE(facts->binarySha256, full->binarySha256);
        QCOMPARE(facts->processes.size(), full->processes.size());
        QVERIFY(!full->quick && quick->quick && phase->quick);
        const PhaseState a = PhaseState::derive(*full), b = PhaseState::derive(*quick), c = PhaseState::derive(*phase);
        QCOMPARE(phaseName(b.phase), phaseName(a.phase));
        QCOMPARE(phaseName(c.phase), phaseName(a.phase));
        QCOMPARE(c.master.has_value(), a.master.has_value());
        if (a.master) {
            QCOMPARE(c.master->pid, a.master->pid);
            QCOMPARE(b.master->pid, a.master->pid);
            QCOMPARE(quick->executables.value(a.master->pid), full->executables.value(a.master->pid));
        }
        QCOMPARE(c.oldMaster.has_value(), a.oldMaster.has_value());
        QVERIFY(quick->executableSha256.isEmpty() && quick->builds.isEmpty());
        QVERIFY(phase->executables.isEmpty() && phase->listening.isEmpty() && phase->binaryPath.isEmpty());
        QCOMPARE(phase->pidFilePids, full->pidFilePids);
        QCOMPARE(phase->oldbinPids, full->oldbinPids);
        QVERIFY(!Pitfalls::hasBlocker(Pitfalls::detect(*phase, c)) || Pitfalls::hasBlocker(Pitfalls::detect(*full, a)));
    }

    // Runs the probe with @p shell (a command line) pinning @p pidFile ("": no pin).
    std::optional<ProbeRecord> probeWith(const QString &shell, const QString &pidFile, const QString &level = {})
    {
        QByteArray out;
        ExecCallbacks callbacks;
        callbacks.stdoutData = [&out](const QByteArray &chunk) { out += chunk; };
        const ExecResult result = m_connection->exec(
            {shell + u" -s -- "_s + shellQuote(pidFile) + u" "_s + shellQuote(m_host.nginx.binary) + u" "_s + level,
             m_probe,
             30000},
            callbacks);
        if (!result.succeeded()) {
            qWarning("probe failed: %s", qPrintable(result.error.message));
            return std::nullopt;
        }
        QString error;
        auto record = ProbeRecord::parse(QString::fromUtf8(out), &error);
        if (!record) {
            qWarning("%s", qPrintable(error));
        }
        return record;
    }

    // Saves the record as a fixture when BATON_CAPTURE_DIR is set (see tests/data/README.md).
    void capture(const QString &name)
    {
        const QString dir = qEnvironmentVariable("BATON_CAPTURE_DIR");
        if (dir.isEmpty()) {
            return;
        }
        QByteArray out;
        ExecCallbacks callbacks;
        callbacks.stdoutData = [&out](const QByteArray &chunk) { out += chunk; };
        m_connection->exec(
            {u"sh -s -- "_s + shellQuote(m_host.nginx.pidFile) + u" "_s + shellQuote(m_host.nginx.binary),
             m_probe,
             30000},
            callbacks);
        QDir().mkpath(dir);
        QFile file(dir + u"/probe-%1-%2.txt"_s.arg(++m_captured, 2, 10, QChar(u'0')).arg(name));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(out);
        }
    }

    Phase currentPhase()
    {
        const auto record = probe();
        return record ? PhaseState::derive(*record).phase : Phase::Abnormal;
    }

    void sh(const QString &command)
    {
        const ExecResult result = m_connection->exec({command, {}, 30000});
        QVERIFY2(result.succeeded(), qPrintable(command + u": "_s + result.error.message));
    }

    QString output(const QString &command)
    {
        QByteArray out;
        ExecCallbacks callbacks;
        callbacks.stdoutData = [&out](const QByteArray &chunk) { out += chunk; };
        const ExecResult result = m_connection->exec({command, {}, 30000}, callbacks);
        if (!result.succeeded()) {
            qWarning("%s: %s", qPrintable(command), qPrintable(result.error.message));
        }
        return QString::fromUtf8(out.trimmed());
    }

    QString pidIn(const QString &file)
    {
        QByteArray out;
        ExecCallbacks callbacks;
        callbacks.stdoutData = [&out](const QByteArray &chunk) { out += chunk; };
        m_connection->exec({u"cat "_s + shellQuote(file), {}, 30000}, callbacks);
        return QString::fromLatin1(out.trimmed());
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        QFile script(u":/baton/probe.sh"_s);
        QVERIFY(script.open(QIODevice::ReadOnly));
        m_probe = script.readAll();
        const auto inventory = m_lab.up(u"phase"_s, 3);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        m_inventory = *inventory;
    }

    void init()
    {
        // The commit test gets lab-1; the rollback, status and stop tests share lab-2 in that
        // order (each leaves it running).
        // lab-3 is for the tests of several instances and of the host's tools.
        const QString test = QString::fromLatin1(QTest::currentTestFunction());
        m_host = m_inventory.hosts.at(
            test == u"upgradeAndCommit"_s                                                                  ? 0
                : test == u"severalInstances"_s || test == u"hostTools"_s || test == u"loginUserAndSudo"_s ? 2
                                                                                                           : 1);
        SshHostConfig config = m_host.sshConfig();
        config.sshConfigFile = u"none"_s;
        m_connection = std::make_unique<SshConnection>(config);
        SshError error;
        QVERIFY2(m_connection->open(&error), qPrintable(error.message));
    }

    void upgradeAndCommit()
    {
        const auto record = probe();
        QVERIFY(record);
        QCOMPARE(record->host, m_host.name);
        PhaseState state = PhaseState::derive(*record);
        QCOMPARE(phaseName(state.phase), u"running"_s);
        QCOMPARE(state.workers.size(), 2);
        QVERIFY(record->versions.value(state.master->pid).contains(u"1.22.1"_s));
        // the master runs exactly the binary on disk
        QCOMPARE(record->executableSha256.value(state.master->pid), record->binarySha256);
        QCOMPARE(record->binarySha256.size(), 64);
        QVERIFY(Pitfalls::detect(*record, state).isEmpty());
        // where a new master's start-up errors will land: the master's stderr, which nginx
        // points at its error log
        const QString errorLog = m_host.nginx.prefix + u"logs/error.log"_s;
        QCOMPARE(QDir::cleanPath(record->errorLogs.value(state.master->pid)), QDir::cleanPath(errorLog));
        QCOMPARE(QDir::cleanPath(record->stderrTargets.value(state.master->pid)), QDir::cleanPath(errorLog));
        QCOMPARE(record->configFiles.value(state.master->pid), m_host.nginx.configFile);
        capture(u"running"_s);
        levelsAgree();
        if (QTest::currentTestFailed()) {
            return;
        }

        // An in-flight request (half a request header) keeps one old worker busy.
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, quint16(m_host.httpPort));
        QVERIFY(client.waitForConnected(5000));
        client.write("GET / HTTP/1.1\r\nHost: lab\r\n");
        QVERIFY(client.waitForBytesWritten(5000));

        const QString bin = shellQuote(m_host.nginx.binary);
        sh(u"cp "_s + shellQuote(m_host.nginx.targetBinary) + u" "_s + bin + u".new && mv -f "_s + bin + u".new "_s +
           bin);
        const QString oldMaster = pidIn(m_host.nginx.pidFile);
        sh(u"kill -USR2 "_s + oldMaster);
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"spawned"_s, 15000);
        state = PhaseState::derive(*probe());
        QCOMPARE(QString::number(state.oldMaster->pid), oldMaster);
        QCOMPARE(state.master->ppid, state.oldMaster->pid);
        QVERIFY(probe()->executableDeleted(state.oldMaster->pid)); // its binary was replaced on disk
        QVERIFY(Pitfalls::hasBlocker(Pitfalls::detect(*probe(), state))); // no second upgrade now
        capture(u"spawned"_s);
        levelsAgree();
        if (QTest::currentTestFailed()) {
            return;
        }

        sh(u"kill -WINCH "_s + oldMaster);
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"draining"_s, 15000);
        {
            // the old worker still serving is the one holding the client's connection
            const auto draining = probe();
            const PhaseState drainingState = PhaseState::derive(*draining);
            QCOMPARE(draining->connections.value(drainingState.oldWorkers.first().pid), 1);
            const QString listen = u"127.0.0.1:"_s + QString::number(m_host.httpPort);
            QVERIFY(draining->listening.value(drainingState.master->pid).contains(listen));
            QVERIFY(draining->listening.value(drainingState.oldMaster->pid).contains(listen)); // inherited
        }
        capture(u"draining"_s);
        levelsAgree();
        if (QTest::currentTestFailed()) {
            return;
        }
        client.abort(); // the last old connection goes: the old worker exits
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"parked"_s, 15000);
        capture(u"parked"_s);
        levelsAgree();
        if (QTest::currentTestFailed()) {
            return;
        }

        sh(u"kill -QUIT "_s + oldMaster);
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"running"_s, 15000);
        const auto after = probe();
        state = PhaseState::derive(*after);
        QVERIFY(!after->oldbinPids.value(m_host.nginx.pidFile));
        QVERIFY(after->versions.value(state.master->pid).contains(m_inventory.lab->newVersion));
        capture(u"committed"_s);
        levelsAgree();
        if (QTest::currentTestFailed()) {
            return;
        }
    }

    void upgradeAndRollBack()
    {
        const QString bin = shellQuote(m_host.nginx.binary);
        sh(u"cp -p "_s + bin + u" "_s + bin + u".old && cp "_s + shellQuote(m_host.nginx.targetBinary) + u" "_s + bin +
           u".new && mv -f "_s + bin + u".new "_s + bin);
        const QString oldMaster = pidIn(m_host.nginx.pidFile);
        sh(u"kill -USR2 "_s + oldMaster);
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"spawned"_s, 15000);
        sh(u"kill -WINCH "_s + oldMaster);
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"parked"_s, 15000);
        const QString newMaster = pidIn(m_host.nginx.pidFile);

        // Roll back: old workers again, then the new master goes.
        sh(u"kill -HUP "_s + oldMaster);
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"spawned"_s, 15000);
        capture(u"rollback-spawned"_s);
        sh(u"kill -QUIT "_s + newMaster);
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"running"_s, 15000);
        sh(u"mv -f "_s + bin + u".old "_s + bin);
        const auto record = probe();
        const PhaseState state = PhaseState::derive(*record);
        QCOMPARE(QString::number(state.master->pid), oldMaster); // the old master serves again
        QVERIFY(record->versions.value(state.master->pid).contains(u"1.22.1"_s));
        capture(u"rolled-back"_s);
    }

    // Who holds Baton's lock of the instance is in the record while the lock is held, and
    // gone once it is released (the Fleet page shows it).
    void lockHolderIsReported()
    {
        const QString pidFile = m_host.nginx.pidFile;
        const QString directory = UpgradeCommands::stateDirectory(pidFile);
        const QString owner = u"baton:test-machine:4242:1 batonctl (pid 4242) on test-machine"_s;
        QVERIFY(!probe()->lockOwners.contains(pidFile));
        sh(UpgradeCommands::acquireLock(directory, owner, 60));
        const auto locked = probe();
        QVERIFY(locked);
        QCOMPARE(locked->lockOwners.value(pidFile), owner);
        sh(UpgradeCommands::releaseLock(directory, owner));
        QTRY_VERIFY_WITH_TIMEOUT(!probe()->lockOwners.contains(pidFile), 10000);
    }

    void statusCommandReportsEveryHost()
    {
        QProcess batonctl;
        batonctl.start(
            QStringLiteral(BATONCTL_PATH),
            {u"status"_s, u"--inventory"_s, m_lab.directory(u"phase"_s) + u"/inventory.json"_s, u"--json"_s});
        QVERIFY(batonctl.waitForFinished(60000));
        QCOMPARE(batonctl.exitCode(), 0);
        const QJsonArray hosts =
            QJsonDocument::fromJson(batonctl.readAllStandardOutput()).object().value(u"hosts").toArray();
        QCOMPARE(hosts.size(), m_inventory.hosts.size());
        for (const QJsonValue value : hosts) {
            const QJsonObject host = value.toObject();
            QCOMPARE(host.value(u"phase").toString(), u"running"_s);
            QCOMPARE(host.value(u"workers").toArray().size(), 2);
            QVERIFY(host.value(u"master").toObject().value(u"version").toString().contains(u"nginx/1."_s));
            QCOMPARE(host.value(u"binary").toObject().value(u"sha256").toString().size(), 64);
            QVERIFY(host.value(u"pitfalls").toArray().isEmpty());
        }

        QProcess unknown;
        unknown.start(QStringLiteral(BATONCTL_PATH),
                      {u"status"_s,
                       u"--inventory"_s,
                       m_lab.directory(u"phase"_s) + u"/inventory.json"_s,
                       u"--host"_s,
                       u"no-such-host"_s});
        QVERIFY(unknown.waitForFinished(60000));
        QCOMPARE(unknown.exitCode(), 2);
        QVERIFY(unknown.readAllStandardError().contains("no-such-host"));
    }

    void stoppedAndStale()
    {
        const QString master = pidIn(m_host.nginx.pidFile);
        sh(u"kill -QUIT "_s + master);
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"stopped"_s, 15000);
        capture(u"stopped"_s);
        // A stale .oldbin naming a process that is gone
        sh(u"echo "_s + master + u" > "_s + shellQuote(QString(m_host.nginx.pidFile + u".oldbin"_s)));
        const auto record = probe();
        const PhaseState state = PhaseState::derive(*record);
        QCOMPARE(state.phase, Phase::Abnormal);
        QVERIFY2(state.reason.contains(u"stale"_s), qPrintable(state.reason));
        capture(u"stale-oldbin"_s);
        sh(u"rm -f "_s + shellQuote(QString(m_host.nginx.pidFile + u".oldbin"_s)) + u"; "_s +
           shellQuote(m_host.nginx.binary) + u" -p "_s + shellQuote(m_host.nginx.prefix) + u" -c "_s +
           shellQuote(m_host.nginx.configFile));
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(currentPhase()), u"running"_s, 15000);
    }

    // A second and a third nginx on the same host: each is found, with its pid file read
    // from its own configuration; a pin picks one; `daemon off` in a configuration file
    // (not on the command line) is caught.
    void severalInstances()
    {
        const QString hostDir = m_lab.directory(u"phase"_s) + u"/hosts/"_s + m_host.name;
        QTcpServer probePort;
        QVERIFY(probePort.listen(QHostAddress::LocalHost));
        const quint16 port = probePort.serverPort();
        probePort.close();
        QTcpServer ipv6;
        const bool haveIpv6 = ipv6.listen(QHostAddress::LocalHostIPv6, port);
        ipv6.close();
        const QString listen6 = haveIpv6 ? u"listen [::1]:%1;"_s.arg(port) : QString();
        const QString second = hostDir + u"/second/"_s;
        const QString foreground = hostDir + u"/foreground/"_s;
        const auto config = [](const QString &top, const QString &listen) -> QString {
            return u"error_log logs/error.log;\n"_s + top +
                u"\nevents {}\nhttp {\n    access_log off;\n    server {\n        "_s + listen +
                u"\n        location / { return 200; }\n    }\n}\n"_s;
        };
        // nginx removes its pid file when it exits: stopping twice sends nothing twice
        const auto stopAll = [&] {
            for (const QString &pidFile : QStringList{second + u"run/second.pid"_s, foreground + u"run/fg.pid"_s}) {
                m_connection->exec({u"test -s "_s + shellQuote(pidFile) + u" && kill -QUIT $(cat "_s +
                                        shellQuote(pidFile) + u"); true"_s,
                                    {},
                                    30000});
            }
        };
        const auto stopOnFailure = qScopeGuard(stopAll);
        for (const auto &[prefix, text] :
             {std::pair{second, config(u"pid run/second.pid;"_s, u"listen 127.0.0.1:%1; %2"_s.arg(port).arg(listen6))},
              std::pair{foreground,
                        config(u"pid run/fg.pid;\ndaemon off;"_s, u"listen 127.0.0.1:%1;"_s.arg(port + 1))}}) {
            sh(u"mkdir -p "_s + shellQuote(prefix) + u"conf "_s + shellQuote(prefix) + u"logs "_s + shellQuote(prefix) +
               u"run && printf '%s' "_s + shellQuote(text) + u" > "_s + shellQuote(prefix) + u"conf/nginx.conf"_s);
        }
        // -c relative to -p, as nginx resolves it
        sh(shellQuote(m_host.nginx.binary) + u" -p "_s + shellQuote(second) + u" -c conf/nginx.conf"_s);
        sh(u"setsid "_s + shellQuote(m_host.nginx.binary) + u" -p "_s + shellQuote(foreground) +
           u" -c conf/nginx.conf </dev/null >/dev/null 2>&1 &"_s);
        QTRY_COMPARE_WITH_TIMEOUT(probeWith(u"sh"_s, QString())->instances().size(), 3, 15000);

        // Unpinned: three instances, each in its own phase; which one is meant is ambiguous.
        const auto all = probeWith(u"sh"_s, QString());
        QVERIFY(all);
        QStringList pidFiles;
        for (const ProbeInstance &instance : all->instances()) {
            pidFiles.append(instance.pidFile);
            QCOMPARE(instance.masters.size(), 1);
            QTRY_COMPARE_WITH_TIMEOUT(
                phaseName(PhaseState::derive(*probeWith(u"sh"_s, QString()), instance).phase), u"running"_s, 15000);
        }
        pidFiles.sort();
        QCOMPARE(pidFiles,
                 (QStringList{foreground + u"run/fg.pid"_s, m_host.nginx.pidFile, second + u"run/second.pid"_s}));
        QCOMPARE(PhaseState::derive(*all).phase, Phase::Abnormal);

        // Pinned to the second instance: its own master, configuration and sockets.
        const auto pinned = probeWith(u"sh"_s, second + u"run/second.pid"_s);
        QVERIFY(pinned);
        const PhaseState state = PhaseState::derive(*pinned);
        QCOMPARE(phaseName(state.phase), u"running"_s);
        QCOMPARE(QString::number(state.master->pid), pidIn(second + u"run/second.pid"_s));
        QCOMPARE(pinned->configFiles.value(state.master->pid), second + u"conf/nginx.conf"_s);
        QCOMPARE(pinned->pidPaths.value(state.master->pid), second + u"run/second.pid"_s);
        QVERIFY(pinned->listening.value(state.master->pid).contains(u"127.0.0.1:%1"_s.arg(port)));
        if (haveIpv6) {
            QVERIFY2(pinned->listening.value(state.master->pid).contains(u"[::1]:%1"_s.arg(port)),
                     qPrintable(pinned->listening.value(state.master->pid).join(u", "_s)));
        }
        QVERIFY(Pitfalls::detect(*pinned, state).isEmpty());

        // The foreground instance: daemon off comes from its configuration file.
        const auto fg = probeWith(u"sh"_s, foreground + u"run/fg.pid"_s);
        const PhaseState fgState = PhaseState::derive(*fg);
        QVERIFY(!fgState.master->title.contains(u"daemon"_s));
        QCOMPARE(fg->daemon.value(fgState.master->pid), u"off"_s);
        const QList<Pitfall> fgPitfalls = Pitfalls::detect(*fg, fgState);
        QVERIFY(std::any_of(fgPitfalls.begin(), fgPitfalls.end(), [](const Pitfall &p) {
            return p.code == u"daemon-off"_s && p.severity == Pitfall::Severity::Blocker;
        }));

        // The lab's own instance is unaffected by its neighbours.
        const auto own = probe();
        QCOMPARE(phaseName(PhaseState::derive(*own).phase), u"running"_s);
        QVERIFY(Pitfalls::detect(*own, PhaseState::derive(*own)).isEmpty());

        // batonctl status lists every instance and reports the pinned one.
        QProcess batonctl;
        batonctl.start(QStringLiteral(BATONCTL_PATH),
                       {u"status"_s,
                        u"--inventory"_s,
                        m_lab.directory(u"phase"_s) + u"/inventory.json"_s,
                        u"--host"_s,
                        m_host.name,
                        u"--json"_s});
        QVERIFY(batonctl.waitForFinished(60000));
        const QJsonObject host = QJsonDocument::fromJson(batonctl.readAllStandardOutput())
                                     .object()
                                     .value(u"hosts"_s)
                                     .toArray()
                                     .first()
                                     .toObject();
        QCOMPARE(host.value(u"instances"_s).toArray().size(), 3);
        QCOMPARE(host.value(u"pidFile"_s).toString(), m_host.nginx.pidFile);
        QCOMPARE(host.value(u"phase"_s).toString(), u"running"_s);

        stopAll();
        QTRY_COMPARE_WITH_TIMEOUT(probeWith(u"sh"_s, QString())->instances().size(), 1, 15000);
    }

    // The probe needs no more than POSIX sh and the usual utilities: it runs under BusyBox,
    // and without the optional tools it says what is missing instead of failing.
    void hostTools()
    {
        const auto reference = probe();
        QVERIFY(reference);
        const QString hostDir = m_lab.directory(u"phase"_s) + u"/hosts/"_s + m_host.name;

        // Only the required utilities, no sha256sum and no systemctl
        const QString minimal = hostDir + u"/minimal-bin"_s;
        sh(u"mkdir -p "_s + shellQuote(minimal) +
           u" && for t in sh cat sed awk tr ls readlink head cut wc date hostname getconf; do "
           "ln -sf \"$(command -v $t)\" "_s +
           shellQuote(minimal) + u"/$t; done"_s);
        const auto bare = probeWith(u"PATH="_s + shellQuote(minimal) + u" sh"_s, m_host.nginx.pidFile);
        QVERIFY(bare);
        QCOMPARE(bare->tools.value(u"sha256sum"_s, true), false);
        QCOMPARE(bare->tools.value(u"systemctl"_s, true), false);
        QVERIFY(bare->binarySha256.isEmpty());
        QVERIFY(bare->executableSha256.isEmpty());
        const PhaseState bareState = PhaseState::derive(*bare);
        QCOMPARE(phaseName(bareState.phase), u"running"_s);
        QCOMPARE(bare->processes, reference->processes);
        const QList<Pitfall> bareFound = Pitfalls::detect(*bare, bareState);
        QVERIFY(std::any_of(
            bareFound.begin(), bareFound.end(), [](const Pitfall &p) { return p.code == u"no-sha256sum"_s; }));

        // BusyBox: its ash and its applets only
        const QString busybox = output(u"command -v busybox || true"_s);
        if (busybox.isEmpty()) {
            QSKIP("busybox is not installed on the host (installer/packages.txt installs it)");
        }
        const QString applets = hostDir + u"/busybox-bin"_s;
        sh(u"mkdir -p "_s + shellQuote(applets) + u" && for a in $("_s + shellQuote(busybox) +
           u" --list); do ln -sf "_s + shellQuote(busybox) + u" "_s + shellQuote(applets) + u"/$a; done"_s);
        const auto boxed =
            probeWith(u"PATH="_s + shellQuote(applets) + u" "_s + shellQuote(busybox) + u" sh"_s, m_host.nginx.pidFile);
        QVERIFY(boxed);
        QCOMPARE(boxed->processes, reference->processes);
        QCOMPARE(boxed->listening, reference->listening);
        QCOMPARE(boxed->binarySha256, reference->binarySha256);
        QCOMPARE(boxed->executableSha256, reference->executableSha256);
        QCOMPARE(boxed->pidPaths, reference->pidPaths);
        QCOMPARE(boxed->configFiles, reference->configFiles);
        QCOMPARE(boxed->builds, reference->builds);
        QCOMPARE(boxed->pidFilePids, reference->pidFilePids);
        QCOMPARE(boxed->ticksPerSecond, reference->ticksPerSecond);
        QCOMPARE(phaseName(PhaseState::derive(*boxed).phase), u"running"_s);
    }

    // As a login user without privileges the probe still reads the process table and the pid
    // file, and says what it could not see; under sudo it sees everything.
    void loginUserAndSudo()
    {
        if (!m_inventory.lab || m_inventory.lab->sudoNoPasswordUser.isEmpty()) {
            QSKIP("the lab has a non-root account only when run as root");
        }
        const auto asRoot = probe();
        QVERIFY(asRoot);
        SshHostConfig config = m_host.sshConfig();
        config.sshConfigFile = u"none"_s;
        config.user = m_inventory.lab->sudoNoPasswordUser;
        SshConnection user(config);
        SshError error;
        QVERIFY2(user.open(&error), qPrintable(error.message));
        const auto run = [&](bool sudo) -> std::optional<ProbeRecord> {
            QByteArray out;
            ExecCallbacks callbacks;
            callbacks.stdoutData = [&out](const QByteArray &chunk) { out += chunk; };
            const ExecResult result =
                user.exec({u"sh -s -- "_s + shellQuote(m_host.nginx.pidFile) + u" "_s + shellQuote(m_host.nginx.binary),
                           m_probe,
                           30000,
                           sudo},
                          callbacks);
            if (!result.succeeded()) {
                qWarning("%s", qPrintable(result.error.message));
                return std::nullopt;
            }
            QString parseError;
            auto record = ProbeRecord::parse(QString::fromUtf8(out), &parseError);
            if (!record) {
                qWarning("%s", qPrintable(parseError));
            }
            return record;
        };

        const auto plain = run(false);
        QVERIFY(plain);
        const PhaseState state = PhaseState::derive(*plain);
        QCOMPARE(phaseName(state.phase), u"running"_s);
        QCOMPARE(plain->processes, asRoot->processes);
        // a root master's executable is not this user's to read
        QCOMPARE(plain->executables.value(state.master->pid), u"?"_s);
        QVERIFY(plain->builds.value(state.master->pid).isEmpty());
        const QList<Pitfall> plainFound = Pitfalls::detect(*plain, state);
        QVERIFY(std::any_of(plainFound.begin(), plainFound.end(), [](const Pitfall &p) {
            return p.code == u"executable-unreadable"_s;
        }));

        const auto elevated = run(true);
        QVERIFY(elevated);
        QCOMPARE(elevated->executables, asRoot->executables);
        QCOMPARE(elevated->builds, asRoot->builds);
        QCOMPARE(elevated->executableSha256, asRoot->executableSha256);
        QCOMPARE(elevated->listening, asRoot->listening);
        QCOMPARE(phaseName(PhaseState::derive(*elevated).phase), u"running"_s);
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "tst_probe.moc"
