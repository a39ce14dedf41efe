#include "pitfalls.h"

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
    QFile file(QStringLiteral(BATON_TEST_DATA "/probe/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(name));
    }
    return QString::fromUtf8(file.readAll());
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
