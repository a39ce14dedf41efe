#include "sshconfigimport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// Importing hosts from an OpenSSH client configuration: the aliases it names, and what
// each block says about them.
class TestSshConfigImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void words_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("key value") << u"HostName 10.0.0.1"_s << QStringList{u"HostName"_s, u"10.0.0.1"_s};
        QTest::newRow("key=value") << u"Port=2222"_s << QStringList{u"Port"_s, u"2222"_s};
        QTest::newRow("key = value") << u"  User = ops "_s << QStringList{u"User"_s, u"ops"_s};
        QTest::newRow("quoted") << u"IdentityFile \"~/my keys/id_ed25519\""_s
                                << QStringList{u"IdentityFile"_s, u"~/my keys/id_ed25519"_s};
        QTest::newRow("several") << u"Host web-1 web-2\tdb"_s
                                 << QStringList{u"Host"_s, u"web-1"_s, u"web-2"_s, u"db"_s};
        QTest::newRow("comment line") << u"# Host secret"_s << QStringList{};
        QTest::newRow("trailing comment") << u"Host a # not b"_s << QStringList{u"Host"_s, u"a"_s};
        QTest::newRow("equals in a value") << u"SetEnv A=b"_s << QStringList{u"SetEnv"_s, u"A=b"_s};
        QTest::newRow("blank") << u"   "_s << QStringList{};
    }

    void words()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, expected);
        QCOMPARE(SshConfigImport::words(line), expected);
    }

    void hostsAndTheirSettings()
    {
        const QString config = uR"(# global settings name no host
ServerAliveInterval 30
User everyone

Host web-1 web-2
    HostName 10.0.0.5
    user ops
    Port 2222
    IdentityFile ~/.ssh/web_key
    IdentityFile ~/.ssh/second_key

Host *.internal !bastion db-?
    User nobody

host=db-main
    hostname = db.example.com

Match host web-1 exec "true"
    User matched

Host bastion
    HostName bastion.example.com
    Port 22
    HostName ignored.example.com
)"_s;
        const QList<SshConfigHost> hosts = SshConfigImport::parse(config, u"/home/x/.ssh"_s, u"cfg"_s);
        QCOMPARE(hosts.size(), 4);
        QCOMPARE(hosts.at(0).alias, u"web-1"_s);
        QCOMPARE(hosts.at(1).alias, u"web-2"_s);
        for (const SshConfigHost &web : {hosts.at(0), hosts.at(1)}) {
            QCOMPARE(web.hostName, u"10.0.0.5"_s);
            QCOMPARE(web.user, u"ops"_s); // not the Match block's, not the global one
            QCOMPARE(web.port, 2222);
            QCOMPARE(web.identityFile, QDir::homePath() + u"/.ssh/web_key"_s);
            QCOMPARE(web.source, u"cfg"_s);
        }
        QCOMPARE(hosts.at(2).alias, u"db-main"_s);
        QCOMPARE(hosts.at(2).hostName, u"db.example.com"_s);
        QCOMPARE(hosts.at(2).port, 0);
        QCOMPARE(hosts.at(3).alias, u"bastion"_s);
        QCOMPARE(hosts.at(3).hostName, u"bastion.example.com"_s); // the first value wins
    }

    void followsIncludes()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QDir(home.path()).mkpath(u"conf.d"_s);
        const auto write = [&](const QString &name, const QByteArray &text) {
            QFile file(home.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        };
        write(u"conf.d/10-web.conf"_s, "Host web-9\n  HostName 10.9.9.9\n");
        write(u"conf.d/20-db.conf"_s, "Host db-9\n  Include conf.d/*.conf\n"); // a loop, cut at 16 levels
        write(u"conf.d/notes.txt"_s, "Host not-included\n");
        const QList<SshConfigHost> hosts =
            SshConfigImport::parse(u"Host first\nInclude conf.d/*.conf\nHost last\n"_s, home.path());
        QStringList aliases;
        for (const SshConfigHost &host : hosts) {
            aliases.append(host.alias);
        }
        QVERIFY2(aliases.size() > 4, qPrintable(aliases.join(u' ')));
        QCOMPARE(aliases.mid(0, 3), (QStringList{u"first"_s, u"web-9"_s, u"db-9"_s}));
        QCOMPARE(aliases.constLast(), u"last"_s);
        QVERIFY(!aliases.contains(u"not-included"_s));
        QCOMPARE(hosts.at(1).hostName, u"10.9.9.9"_s);
        QCOMPARE(hosts.at(1).source, home.filePath(u"conf.d/10-web.conf"_s));
    }

    void unreadableFile()
    {
        QString error;
        QVERIFY(SshConfigImport::read(u"/nonexistent/ssh_config"_s, &error).isEmpty());
        QVERIFY2(error.contains(u"/nonexistent/ssh_config"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSshConfigImport)
#include "tst_sshconfigimport.moc"
