#include "phase.h"
#include "probefixture.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return probeFixture(name);
}

// A record made by hand for states the lab does not produce on its own.
QString record(const QString &body, const QString &pidFile = u"/run/nginx.pid 10"_s, const QString &oldbin = u"-"_s)
{
    QString text = u"baton-probe 2\n"_s;
    if (!pidFile.isEmpty()) {
        text += u"pin /run/nginx.pid\n"_s;
    }
    text += u"host web-1\nuptime 100\nhz 100\ntool sha256sum yes\n"_s + body;
    if (!pidFile.isEmpty()) {
        text += u"pidfile "_s + pidFile + u"\noldbin /run/nginx.pid "_s + oldbin + u"\n"_s;
    }
    return text + u"binary /usr/sbin/nginx 1000 1 -\nend\n"_s;
}

PhaseState derived(const QString &text)
{
    QString error;
    const auto parsed = ProbeRecord::parse(text, &error);
    if (!parsed) {
        qFatal("%s", qPrintable(error));
    }
    return PhaseState::derive(*parsed);
}

const QString Master10 = u"proc 10 1 0 500 S nginx: master process /usr/sbin/nginx\n"_s;
const QString Workers10 = u"proc 11 10 33 501 S nginx: worker process\nproc 12 10 33 501 S nginx: worker process\n"_s;

} // namespace

class TestPhase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Records captured on the lab while tests/integration/tst_probe.cpp sent real signals.
    void capturedRecords_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("oldWorkers");
        const QStringList files = QDir(QStringLiteral(BATON_TEST_DATA "/probe")).entryList({u"probe-*.txt"_s});
        QVERIFY(files.size() >= 9);
        const QHash<QString, std::tuple<QString, int, int>> expected{
            {u"running"_s, {u"running"_s, 2, 0}},
            {u"spawned"_s, {u"spawned"_s, 2, 2}},
            {u"draining"_s, {u"draining"_s, 2, 1}},
            {u"parked"_s, {u"parked"_s, 2, 0}},
            {u"committed"_s, {u"running"_s, 2, 0}},
            {u"rollback-spawned"_s, {u"spawned"_s, 2, 2}},
            {u"rolled-back"_s, {u"running"_s, 2, 0}},
            {u"stopped"_s, {u"stopped"_s, 0, 0}},
            {u"stale-oldbin"_s, {u"abnormal"_s, 0, 0}},
        };
        for (const QString &file : files) {
            const QString kind = file.mid(9).chopped(4); // probe-NN-<kind>.txt
            QVERIFY2(expected.contains(kind), qPrintable(file));
            const auto &[phase, workers, oldWorkers] = expected.value(kind);
            QTest::newRow(qPrintable(file)) << file << phase << workers << oldWorkers;
        }
    }

    void capturedRecords()
    {
        QFETCH(QString, file);
        QFETCH(QString, phase);
        QFETCH(int, workers);
        QFETCH(int, oldWorkers);
        const PhaseState state = derived(fixture(file));
        QCOMPARE(phaseName(state.phase), phase);
        QCOMPARE(state.workers.size(), workers);
        QCOMPARE(state.oldWorkers.size(), oldWorkers);
        if (state.phase == Phase::Abnormal) {
            QVERIFY(!state.reason.isEmpty());
        }
    }

    void drainingShowsTheOldWorkerShuttingDown()
    {
        QString error;
        const auto parsed = ProbeRecord::parse(fixture(u"probe-03-draining.txt"_s), &error);
        QVERIFY2(parsed, qPrintable(error));
        const PhaseState state = PhaseState::derive(*parsed);
        QCOMPARE(state.oldWorkers.first().role(), NginxProcess::Role::ShuttingDownWorker);
        QVERIFY(parsed->executableDeleted(state.oldMaster->pid));
        QVERIFY(!parsed->executableDeleted(state.master->pid));
        QVERIFY(parsed->versions.value(state.oldMaster->pid).contains(u"1.22.1"_s));
        QVERIFY(parsed->versions.value(state.master->pid).contains(u"1.26.3"_s));
        QCOMPARE(parsed->binarySha256.size(), 64);
    }

    void abnormal_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("master without workers") << record(Master10) << u"has no workers"_s;
        QTest::newRow("pid file names a worker")
            << record(Master10 + Workers10, u"/run/nginx.pid 11"_s) << u"not a running nginx master"_s;
        QTest::newRow("pid file names a zombie master")
            << record(u"proc 10 1 0 500 Z nginx: master process /usr/sbin/nginx\n"_s)
            << u"not a running nginx master"_s;
        QTest::newRow("stale oldbin") << record(Master10 + Workers10, u"/run/nginx.pid 10"_s, u"77"_s) << u"stale"_s;
        QTest::newRow("unrelated masters") << record(Master10 + Workers10 +
                                                         u"proc 20 1 0 600 S nginx: master process /usr/sbin/nginx\n"
                                                         "proc 21 20 33 601 S nginx: worker process\n"_s,
                                                     u"/run/nginx.pid 20"_s,
                                                     u"10"_s)
                                           << u"two unrelated masters"_s;
        QTest::newRow("lost pid file") << record(Master10 + Workers10, u"/run/nginx.pid -"_s) << u"is missing"_s;
        QTest::newRow("pid off: two unrelated masters")
            << record(Master10 + Workers10 + u"proc 20 1 0 600 S nginx: master process /opt/nginx/sbin/nginx\n"_s,
                      QString())
            << u"2 nginx instances"_s;
    }

    void abnormal()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);
        const PhaseState state = derived(text);
        QCOMPARE(state.phase, Phase::Abnormal);
        QVERIFY2(state.reason.contains(reason), qPrintable(state.reason));
    }

    void withoutPidFile()
    {
        // `pid off`: the process table alone
        QCOMPARE(derived(record(Master10 + Workers10, QString())).phase, Phase::Running);
        QCOMPARE(derived(record(QString(), QString())).phase, Phase::Stopped);
        const QString upgrade = Master10 +
            u"proc 11 10 33 501 S nginx: worker process is shutting down\n"
            "proc 20 10 0 600 S nginx: master process /usr/sbin/nginx\n"
            "proc 21 20 33 601 S nginx: worker process\n"_s;
        const PhaseState state = derived(record(upgrade, QString()));
        QCOMPARE(state.phase, Phase::Draining);
        QCOMPARE(state.oldMaster->pid, 10);
        QCOMPARE(state.master->pid, 20);
    }

    void otherInstancesDoNotCount()
    {
        // A master of another binary, and a process merely titled "nginx: ..."
        const QString other = u"proc 30 1 0 700 S nginx: master process /opt/other/sbin/nginx\n"
                              "proc 31 30 33 701 S nginx: worker process\n"
                              "proc 40 1 1000 800 S nginx: my log shipper\n"_s;
        QCOMPARE(derived(record(other, u"/run/nginx.pid -"_s)).phase, Phase::Stopped);
        QCOMPARE(derived(record(Master10 + Workers10 + other)).phase, Phase::Running);
    }

    // Several nginx instances on one host: grouped by pid file, else by configuration, else
    // by the master that spawned them.
    void instances()
    {
        const QString text = u"baton-probe 2\nhost web-1\n"
                             "proc 10 1 0 500 S nginx: master process /usr/sbin/nginx -g daemon on;\n"
                             "proc 11 10 33 501 S nginx: worker process\n"
                             "proc 30 1 0 700 S nginx: master process /apps/nginx/sbin/nginx -p /apps/nginx/\n"
                             "proc 31 30 33 701 S nginx: worker process is shutting down\n"
                             "proc 40 30 0 800 S nginx: master process /apps/nginx/sbin/nginx -p /apps/nginx/\n"
                             "proc 41 40 33 801 S nginx: worker process\n"
                             "proc 50 1 0 900 S nginx: master process /opt/free/sbin/nginx\n"
                             "proc 51 50 33 901 S nginx: worker process\n"
                             "pidpath 10 /run/nginx.pid\npidpath 30 /apps/nginx/logs/nginx.pid\n"
                             "pidpath 40 /apps/nginx/logs/nginx.pid\npidpath 50 off\n"
                             "pidfile /run/nginx.pid 10\noldbin /run/nginx.pid -\n"
                             "pidfile /apps/nginx/logs/nginx.pid 40\noldbin /apps/nginx/logs/nginx.pid 30\nend\n"_s;
        QString error;
        auto parsed = ProbeRecord::parse(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        const QList<ProbeInstance> all = parsed->instances();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0), (ProbeInstance{u"/run/nginx.pid"_s, {10}}));
        QCOMPARE(all.at(1), (ProbeInstance{u"/apps/nginx/logs/nginx.pid"_s, {30, 40}}));
        QCOMPARE(all.at(2), (ProbeInstance{QString(), {50}}));
        QCOMPARE(PhaseState::derive(*parsed, all.at(0)).phase, Phase::Running);
        QCOMPARE(PhaseState::derive(*parsed, all.at(1)).phase, Phase::Draining);
        QCOMPARE(PhaseState::derive(*parsed, all.at(2)).phase, Phase::Running);

        // Unpinned: which one is meant is ambiguous, and said so.
        const PhaseState ambiguous = PhaseState::derive(*parsed);
        QCOMPARE(ambiguous.phase, Phase::Abnormal);
        QVERIFY2(ambiguous.reason.contains(u"3 nginx instances"_s), qPrintable(ambiguous.reason));
        QVERIFY(ambiguous.reason.contains(u"/apps/nginx/logs/nginx.pid"_s));

        // Pinned: the pin decides, and a pin no master uses is a stopped instance.
        parsed->pinnedPidFile = u"/apps/nginx/logs/nginx.pid"_s;
        QCOMPARE(PhaseState::derive(*parsed).oldMaster->pid, 30);
        parsed->pinnedPidFile = u"/srv/other/nginx.pid"_s;
        QCOMPARE(parsed->instances().size(), 4);
        QCOMPARE(PhaseState::derive(*parsed).phase, Phase::Stopped);
    }

    void newMasterInheritsTheInstance()
    {
        // The configuration could not be read ("?"): the new master still belongs to the
        // instance of the old master that spawned it.
        const QString text = u"baton-probe 2\npin /run/nginx.pid\n"_s + Master10 + Workers10 +
            u"proc 20 10 0 600 S nginx: master process /usr/sbin/nginx\nproc 21 20 33 601 S nginx: worker process\n"
            "pidpath 10 ?\npidpath 20 ?\npidfile /run/nginx.pid -\noldbin /run/nginx.pid 10\nend\n"_s;
        QString error;
        const auto parsed = ProbeRecord::parse(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->instances(), (QList<ProbeInstance>{{u"/run/nginx.pid"_s, {10, 20}}}));
        // the pid file is missing while .oldbin names the old master
        QVERIFY(PhaseState::derive(*parsed).reason.contains(u"only the old master"_s));
    }

    void loopingParentsTerminate()
    {
        // Parent links come from the host: a loop must not hang the grouping.
        const QString text = u"baton-probe 2\n"
                             "proc 10 20 0 500 S nginx: master process /usr/sbin/nginx\n"
                             "proc 20 10 0 500 S nginx: master process /usr/sbin/nginx\nend\n"_s;
        QString error;
        const auto parsed = ProbeRecord::parse(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY(!parsed->instances().isEmpty());
        QCOMPARE(PhaseState::derive(*parsed).phase, Phase::Abnormal);
    }

    void systemdAndConfiguration()
    {
        QString error;
        const auto parsed = ProbeRecord::parse(u"baton-probe 2\n"
                                               "conf 10 /etc/nginx/nginx.conf\ndaemon 10 off\n"
                                               "unit 10 nginx.service\nsystemd nginx.service Type forking\n"
                                               "systemd nginx.service PIDFile /run/nginx.pid\n"
                                               "systemd nginx.service MainPID 10\n"
                                               "systemd nginx.service ExecStart /usr/sbin/nginx\n"
                                               "systemd other.service PIDFile -\n"
                                               "build 10 nginx version: nginx/1.26.3\n"
                                               "build 10 configure arguments: --prefix=/usr/share/nginx\nend\n"_s,
                                               &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->configFiles.value(10), u"/etc/nginx/nginx.conf"_s);
        QCOMPARE(parsed->daemon.value(10), u"off"_s);
        QCOMPARE(parsed->units.value(10), u"nginx.service"_s);
        QCOMPARE(parsed->systemdUnits.value(u"nginx.service"_s),
                 (SystemdUnit{u"forking"_s, u"/run/nginx.pid"_s, 10, u"/usr/sbin/nginx"_s}));
        QVERIFY(parsed->systemdUnits.value(u"other.service"_s).pidFile.isEmpty());
        QCOMPARE(parsed->versions.value(10), u"nginx version: nginx/1.26.3"_s);
        QCOMPARE(parsed->builds.value(10).size(), 2);
    }

    void socketAddresses_data()
    {
        QTest::addColumn<QString>("probe");
        QTest::addColumn<QString>("shown");
        QTest::newRow("IPv4") << u"127.0.0.1:80"_s << u"127.0.0.1:80"_s;
        QTest::newRow("any") << u"[0:0:0:0:0:0:0:0]:80"_s << u"[::]:80"_s;
        QTest::newRow("loopback") << u"[0:0:0:0:0:0:0:1]:8080"_s << u"[::1]:8080"_s;
        QTest::newRow("global") << u"[2001:db8:0:0:1:0:0:1]:443"_s << u"[2001:db8::1:0:0:1]:443"_s;
        QTest::newRow("one zero group stays") << u"[2001:db8:0:1:1:1:1:1]:443"_s << u"[2001:db8:0:1:1:1:1:1]:443"_s;
        QTest::newRow("trailing zeros") << u"[fe80:0:0:0:0:0:0:0]:1"_s << u"[fe80::]:1"_s;
        QTest::newRow("IPv4-mapped") << u"[0:0:0:0:0:ffff:7f00:1]:80"_s << u"[::ffff:127.0.0.1]:80"_s;
        QTest::newRow("not an address") << u"[1:2:3]:80"_s << u"[1:2:3]:80"_s;
        QTest::newRow("bad group") << u"[0:0:0:0:0:0:0:12345]:80"_s << u"[0:0:0:0:0:0:0:12345]:80"_s;
    }

    void socketAddresses()
    {
        QFETCH(QString, probe);
        QFETCH(QString, shown);
        QCOMPARE(canonicalSocketAddress(probe), shown);
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QString() << u"empty probe output"_s;
        QTest::newRow("not a record") << u"bash: sh: not found\n"_s << u"line 1: not a Baton probe record"_s;
        QTest::newRow("future version") << u"baton-probe 3\nend\n"_s << u"version 3"_s;
        QTest::newRow("cut short") << u"baton-probe 2\nhost a\n"_s << u"cut short"_s;
        QTest::newRow("bad proc") << u"baton-probe 2\nproc x y\nend\n"_s << u"line 2: \"proc\" needs"_s;
        QTest::newRow("bad pid file") << u"baton-probe 2\npidfile /run/nginx.pid abc\nend\n"_s << u"holds no pid"_s;
        QTest::newRow("after end") << u"baton-probe 2\nend\nhost b\n"_s << u"after \"end\""_s;
        QTest::newRow("bad daemon") << u"baton-probe 2\ndaemon 10 maybe\nend\n"_s << u"\"daemon\" is on"_s;
        QTest::newRow("bad MainPID") << u"baton-probe 2\nsystemd x.service MainPID abc\nend\n"_s << u"MainPID"_s;
        QTest::newRow("pid file without path") << u"baton-probe 2\npidfile 42\nend\n"_s << u"needs a path"_s;
    }

    void parseErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!ProbeRecord::parse(text, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void parserTolerance()
    {
        QString error;
        const auto parsed = ProbeRecord::parse(u"baton-probe 2\r\nfuture-item whatever\r\n"
                                               "listen 42 127.0.0.1:8080\r\nlisten 42 10.0.0.1:443\r\nconns 43 7\r\n"
                                               "pidfile /srv/my nginx/run/nginx.pid 42\r\n"
                                               "binary /srv/my nginx/sbin/nginx 123 456 -\r\nend\r\n"_s,
                                               &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->pidFiles, QStringList{u"/srv/my nginx/run/nginx.pid"_s});
        QCOMPARE(parsed->pidFilePids.value(u"/srv/my nginx/run/nginx.pid"_s), std::optional<qint64>(42));
        QCOMPARE(parsed->binaryPath, u"/srv/my nginx/sbin/nginx"_s);
        QCOMPARE(parsed->binarySize, 123);
        QVERIFY(parsed->binarySha256.isEmpty());
        QCOMPARE(parsed->listening.value(42), (QStringList{u"127.0.0.1:8080"_s, u"10.0.0.1:443"_s}));
        QCOMPARE(parsed->connections.value(43), 7);
    }
};

QTEST_GUILESS_MAIN(TestPhase)
#include "tst_phase.moc"
