#include "pitfalls.h"
#include "probefixture.h"

#include <QFile>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

ProbeRecord parse(const QString &text)
{
    QString error;
    const auto record = ProbeRecord::parse(text, &error);
    if (!record) {
        qFatal("%s", qPrintable(error));
    }
    return *record;
}

QString fixture(const QString &name)
{
    return probeFixture(name);
}

// One running master with two workers; @p masterArgs is its command line.
QString running(const QString &masterArgs, const QString &extra = {}, qint64 masterPid = 10)
{
    const QString pid = QString::number(masterPid);
    return u"baton-probe 2\npin /run/nginx.pid\nhost web-1\nproc "_s + pid + u" 1 0 500 S nginx: master process "_s +
        masterArgs + u"\nproc 11 "_s + pid + u" 33 501 S nginx: worker process\nproc 12 "_s + pid +
        u" 33 501 S nginx: worker process\n"_s + extra + u"pidfile /run/nginx.pid "_s + pid +
        u"\noldbin /run/nginx.pid -\nbinary /usr/sbin/nginx 1000 1 aaaa\nend\n"_s;
}

QStringList codes(const QString &text)
{
    const ProbeRecord record = parse(text);
    QStringList result;
    for (const Pitfall &pitfall : Pitfalls::detect(record, PhaseState::derive(record))) {
        result.append(pitfall.code);
    }
    return result;
}

} // namespace

class TestPitfalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanHost()
    {
        const QString text = running(u"/usr/sbin/nginx -g daemon on; master_process on;"_s, u"exesha 10 aaaa\n"_s);
        QCOMPARE(codes(text), QStringList());
        const ProbeRecord record = parse(text);
        QVERIFY(!Pitfalls::hasBlocker(Pitfalls::detect(record, PhaseState::derive(record))));
    }

    void detects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("blocker");
        QTest::newRow("relative argv[0]")
            << running(u"nginx -c /etc/nginx/nginx.conf"_s) << u"relative-argv0"_s << true;
        QTest::newRow("daemon off") << running(u"/usr/sbin/nginx -g daemon off;"_s) << u"daemon-off"_s << true;
        QTest::newRow("PID 1") << running(u"/usr/sbin/nginx"_s, {}, 1) << u"pid-1"_s << true;
        QTest::newRow("binary replaced") << running(u"/usr/sbin/nginx"_s, u"exe 10 /usr/sbin/nginx (deleted)\n"_s)
                                         << u"binary-replaced"_s << false;
        QTest::newRow("binary replaced, content unknown")
            << running(u"/usr/sbin/nginx"_s, u"exe 10 /usr/sbin/nginx (deleted)\nexesha 10 cccc\n"_s)
            << u"binary-replaced"_s << false;
        QTest::newRow("binary differs") << running(u"/usr/sbin/nginx"_s, u"exe 10 /usr/sbin/nginx\nexesha 10 bbbb\n"_s)
                                        << u"binary-differs"_s << false;
        QTest::newRow("foreign title") << running(u"/usr/sbin/nginx"_s, u"proc 40 1 1000 800 S nginx: log shipper\n"_s)
                                       << u"foreign-nginx-title"_s << false;
        const QString unit = u"unit 10 nginx.service\nsystemd nginx.service MainPID 10\n"_s;
        QTest::newRow("daemon off in the configuration")
            << running(u"/usr/sbin/nginx"_s, u"daemon 10 off\n"_s) << u"daemon-off"_s << true;
        QTest::newRow("configuration unreadable")
            << running(u"/usr/sbin/nginx"_s, u"conf 10 /etc/nginx/nginx.conf\ndaemon 10 ?\n"_s)
            << u"config-unreadable"_s << false;
        QTest::newRow("systemd Type=simple")
            << running(u"/usr/sbin/nginx"_s, unit + u"systemd nginx.service Type simple\n"_s) << u"systemd-type"_s
            << true;
        QTest::newRow("systemd without PIDFile")
            << running(u"/usr/sbin/nginx"_s, unit + u"systemd nginx.service Type forking\n"_s)
            << u"systemd-no-pidfile"_s << true;
        QTest::newRow("systemd PIDFile differs")
            << running(u"/usr/sbin/nginx"_s,
                       unit + u"systemd nginx.service Type forking\nsystemd nginx.service PIDFile /var/run/x.pid\n"_s)
            << u"systemd-pidfile-mismatch"_s << true;
        QTest::newRow("systemd tracks another process")
            << running(
                   u"/usr/sbin/nginx"_s,
                   u"unit 10 nginx.service\nsystemd nginx.service MainPID 99\nsystemd nginx.service Type forking\n"
                   "systemd nginx.service PIDFile /run/nginx.pid\nsystemd nginx.service ExecStart /usr/sbin/nginx\n"_s)
            << u"systemd-mainpid"_s << false;
        QTest::newRow("systemd, no systemctl")
            << running(u"/usr/sbin/nginx"_s, u"tool systemctl no\nunit 10 nginx.service\n"_s) << u"systemd-unknown"_s
            << false;
        QTest::newRow("executable unreadable")
            << running(u"/usr/sbin/nginx"_s, u"exe 10 ?\n"_s) << u"executable-unreadable"_s << false;
        QTest::newRow("no sha256sum") << running(u"/usr/sbin/nginx"_s, u"tool sha256sum no\n"_s) << u"no-sha256sum"_s
                                      << false;
        QTest::newRow("several instances, none pinned")
            << running(u"/usr/sbin/nginx"_s,
                       u"proc 30 1 0 700 S nginx: master process /apps/nginx/sbin/nginx\n"
                       "proc 31 30 33 701 S nginx: worker process\npidpath 30 /apps/nginx/logs/nginx.pid\n"
                       "pidfile /apps/nginx/logs/nginx.pid 30\n"_s)
                   .remove(u"pin /run/nginx.pid\n"_s)
            << u"abnormal"_s << true;
        QTest::newRow("upgrade in progress (captured)")
            << fixture(u"probe-03-draining.txt"_s) << u"upgrade-in-progress"_s << true;
        QTest::newRow("stale oldbin (captured)") << fixture(u"probe-09-stale-oldbin.txt"_s) << u"abnormal"_s << true;
    }

    void detects()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);
        QFETCH(bool, blocker);
        const ProbeRecord record = parse(text);
        const QList<Pitfall> pitfalls = Pitfalls::detect(record, PhaseState::derive(record));
        const auto it =
            std::find_if(pitfalls.begin(), pitfalls.end(), [&](const Pitfall &p) { return p.code == code; });
        QVERIFY2(it != pitfalls.end(), qPrintable(codes(text).join(u", "_s)));
        QCOMPARE(it->severity == Pitfall::Severity::Blocker, blocker);
        QVERIFY(!it->message.isEmpty());
    }

    void correctSystemdUnitIsNoPitfall()
    {
        // Debian's nginx.service: Type=forking, PIDFile=/run/nginx.pid
        QCOMPARE(codes(running(u"/usr/sbin/nginx -g daemon on; master_process on;"_s,
                               u"exesha 10 aaaa\nunit 10 nginx.service\nsystemd nginx.service Type forking\n"
                               "systemd nginx.service PIDFile /run/nginx.pid\nsystemd nginx.service MainPID 10\n"
                               "systemd nginx.service ExecStart /usr/sbin/nginx\n"_s)),
                 QStringList());
        // A unit that merely contains the process (nginx started by hand in a service's
        // session) and does not track it says nothing.
        QCOMPARE(codes(running(
                     u"/usr/sbin/nginx"_s,
                     u"exesha 10 aaaa\nunit 10 ci-runner.service\nsystemd ci-runner.service Type simple\n"
                     "systemd ci-runner.service MainPID 77\nsystemd ci-runner.service ExecStart /usr/bin/runner\n"_s)),
                 QStringList());
    }

    void restoredBackupIsNoPitfall()
    {
        // After a rollback the master runs a deleted inode whose content is the file on disk.
        QCOMPARE(codes(running(u"/usr/sbin/nginx"_s, u"exe 10 /usr/sbin/nginx (deleted)\nexesha 10 aaaa\n"_s)),
                 QStringList());
    }

    void capturedRunningHostIsClean()
    {
        QCOMPARE(codes(fixture(u"probe-01-running.txt"_s)), QStringList());
        QCOMPARE(codes(fixture(u"probe-05-committed.txt"_s)), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestPitfalls)
#include "tst_pitfalls.moc"
