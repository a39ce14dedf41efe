#include "upgradecommands.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

// Runs a command line with the local POSIX sh: the builders' output is real shell.
int sh(const QString &command, QByteArray *err = nullptr)
{
    QProcess process;
    process.start(u"/bin/sh"_s, {u"-c"_s, command});
    if (!process.waitForFinished(10000)) {
        return -1;
    }
    if (err) {
        *err = process.readAllStandardError();
    }
    return process.exitCode();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

class TestUpgradeCommands : public QObject
{
    Q_OBJECT

    QTemporaryDir m_temp;
    QString m_dir; // a directory whose name a careless script would mangle

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = m_temp.filePath(u"it's a $(touch pwned) `name` \n网站"_s);
        QVERIFY(QDir().mkpath(m_dir));
    }

    void cleanupTestCase() { QVERIFY(!QFile::exists(u"pwned"_s)); }

    void backupCopiesExactly()
    {
        const QString binary = m_dir + u"/nginx"_s;
        QVERIFY(writeFile(binary, "old build\n"));
        QFile::setPermissions(binary, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString backup = m_dir + u"/nginx-1.22.1.baton-backup"_s;
        QCOMPARE(sh(UpgradeCommands::backup(binary, backup)), 0);
        QCOMPARE(contents(backup), QByteArray("old build\n"));
        QCOMPARE(QFile::permissions(backup), QFile::permissions(binary));
        // a backup that cannot be written fails loudly
        QVERIFY(sh(UpgradeCommands::backup(binary, m_dir + u"/no/such/dir/x"_s)) != 0);
    }

    void installIsAtomicAndCleansUp()
    {
        const QString binary = m_dir + u"/nginx"_s;
        const QString source = m_dir + u"/new nginx"_s;
        QVERIFY(writeFile(source, "new build\n"));
        QCOMPARE(sh(UpgradeCommands::install(source, binary)), 0);
        QCOMPARE(contents(binary), QByteArray("new build\n"));
        QVERIFY(QFile::permissions(binary).testFlag(QFile::ExeOther));
        QVERIFY(!QFile::exists(binary + u".baton-new"_s));

        // a missing source: the target keeps its content, nothing is left behind
        QByteArray err;
        QVERIFY(sh(UpgradeCommands::install(m_dir + u"/missing"_s, binary), &err) != 0);
        QCOMPARE(contents(binary), QByteArray("new build\n"));
        QVERIFY(!QFile::exists(binary + u".baton-new"_s));
    }

    void testConfigurationUsesTheMasterArguments()
    {
        const auto arguments = MasterArguments::fromTitle(
            u"nginx: master process /srv/nginx/sbin/nginx -p /srv/nginx/ -c conf/nginx.conf -g daemon on; master_process on;"_s);
        QVERIFY(arguments);
        QCOMPARE(UpgradeCommands::testConfiguration(u"/srv/nginx/sbin/nginx"_s, *arguments),
                 u"/srv/nginx/sbin/nginx -t -p /srv/nginx/ -c conf/nginx.conf -g 'daemon on; master_process on;'"_s);
    }

    void fromTitle_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("binary");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("globals");
        QTest::newRow("Debian's service")
            << u"nginx: master process /usr/sbin/nginx -g daemon on; master_process on;"_s << true
            << u"/usr/sbin/nginx"_s << QString() << QString() << u"daemon on; master_process on;"_s;
        QTest::newRow("custom prefix")
            << u"nginx: master process /apps/nginx/sbin/nginx -p /apps/nginx/ -c conf/x.conf"_s << true
            << u"/apps/nginx/sbin/nginx"_s << u"/apps/nginx/"_s << u"conf/x.conf"_s << QString();
        QTest::newRow("relative argv[0]")
            << u"nginx: master process nginx"_s << true << u"nginx"_s << QString() << QString() << QString();
        QTest::newRow("unknown option") << u"nginx: master process /usr/sbin/nginx -q"_s << false << QString()
                                        << QString() << QString() << QString();
        QTest::newRow("path with a space") << u"nginx: master process /usr/sbin/nginx -c /etc/my nginx.conf"_s << false
                                           << QString() << QString() << QString() << QString();
        QTest::newRow("a worker") << u"nginx: worker process"_s << false << QString() << QString() << QString()
                                  << QString();
    }

    void fromTitle()
    {
        QFETCH(QString, title);
        QFETCH(bool, valid);
        const auto arguments = MasterArguments::fromTitle(title);
        QCOMPARE(bool(arguments), valid);
        if (!valid) {
            return;
        }
        QTEST(arguments->binary, "binary");
        QTEST(arguments->prefix, "prefix");
        QTEST(arguments->configFile, "config");
        QTEST(arguments->globals, "globals");
    }

    // The signal reaches the process seen before, never a process that took its pid.
    void signalChecksTheStartTime()
    {
        QProcess sleeper;
        sleeper.start(u"sleep"_s, {u"30"_s});
        QVERIFY(sleeper.waitForStarted());
        const qint64 pid = sleeper.processId();
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        QVERIFY(stat.open(QIODevice::ReadOnly));
        const QByteArray fields = stat.readAll();
        const quint64 startTime = fields.mid(fields.lastIndexOf(')') + 2).split(' ').at(19).toULongLong();

        QByteArray err;
        QCOMPARE(sh(UpgradeCommands::signal(u"TERM"_s, pid, startTime + 1), &err), 3);
        QVERIFY(err.contains("is not the one seen before"));
        QCOMPARE(sleeper.state(), QProcess::Running);
        QCOMPARE(sh(UpgradeCommands::signal(u"TERM"_s, pid, startTime)), 0);
        QVERIFY(sleeper.waitForFinished(5000));
        QCOMPARE(sleeper.exitStatus(), QProcess::CrashExit);
        sleeper.waitForFinished();
        QCOMPARE(sh(UpgradeCommands::signal(u"TERM"_s, 999999999, startTime), &err), 3);
        QVERIFY(err.contains("is gone"));
    }

    void readPidFile()
    {
        const QString pidFile = m_dir + u"/nginx.pid"_s;
        QVERIFY(writeFile(pidFile, "4242\n"));
        QProcess process;
        process.start(u"/bin/sh"_s, {u"-c"_s, UpgradeCommands::readPidFile(pidFile)});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.readAllStandardOutput(), QByteArray("4242"));
    }
};

QTEST_GUILESS_MAIN(TestUpgradeCommands)
#include "tst_upgradecommands.moc"
