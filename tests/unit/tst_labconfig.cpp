#include "labconfig.h"

#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

class TestLabConfig : public QObject
{
    Q_OBJECT

    static LabHostConfig host(bool asRoot)
    {
        LabHostConfig config;
        config.name = u"lab-2"_s;
        config.directory = u"/tmp/my lab/hosts/lab-2"_s;
        config.sshPort = 41022;
        config.httpPort = 41080;
        config.asRoot = asRoot;
        return config;
    }

private Q_SLOTS:
    void layout()
    {
        const LabHostConfig config = host(false);
        QCOMPARE(config.nginxPrefix(), u"/tmp/my lab/hosts/lab-2/nginx/"_s);
        QCOMPARE(config.nginxBinary(), u"/tmp/my lab/hosts/lab-2/nginx/sbin/nginx"_s);
        QCOMPARE(config.nginxPidFile(), u"/tmp/my lab/hosts/lab-2/nginx/run/nginx.pid"_s);
        QCOMPARE(config.nginxConfigFile(), u"/tmp/my lab/hosts/lab-2/nginx/conf/nginx.conf"_s);
    }

    void sshdListensOnLoopbackOnly()
    {
        const QString config = host(true).sshdConfig();
        QVERIFY(config.contains(u"\nListenAddress 127.0.0.1:41022\n"_s));
        QVERIFY(!config.contains(u"0.0.0.0"_s));
        // paths with spaces are quoted
        QVERIFY(config.contains(u"HostKey \"/tmp/my lab/hosts/lab-2/ssh/ssh_host_ed25519_key\""_s));
        QVERIFY(config.contains(u"AuthorizedKeysFile \"/tmp/my lab/hosts/lab-2/ssh/authorized_keys\""_s));
        QVERIFY(config.contains(u"PermitRootLogin prohibit-password"_s));
    }

    void passwordLoginOnlyAsRoot_data()
    {
        QTest::addColumn<bool>("asRoot");
        QTest::addColumn<QString>("line");
        QTest::newRow("root: password") << true << u"PasswordAuthentication yes"_s;
        QTest::newRow("root: keyboard-interactive") << true << u"KbdInteractiveAuthentication yes"_s;
        QTest::newRow("root: PAM") << true << u"UsePAM yes"_s;
        QTest::newRow("user: password") << false << u"PasswordAuthentication no"_s;
        QTest::newRow("user: keyboard-interactive") << false << u"KbdInteractiveAuthentication no"_s;
        QTest::newRow("user: no PAM") << false << u"UsePAM no"_s;
    }

    void passwordLoginOnlyAsRoot()
    {
        QFETCH(bool, asRoot);
        QFETCH(QString, line);
        QVERIFY(host(asRoot).sshdConfig().contains(line));
    }

    void nginxConfig_data()
    {
        QTest::addColumn<bool>("asRoot");
        QTest::newRow("root") << true;
        QTest::newRow("user") << false;
    }

    void nginxConfig()
    {
        QFETCH(bool, asRoot);
        const QString config = host(asRoot).nginxConfig();
        QVERIFY(config.contains(u"\nworker_processes 2;\n"_s));
        QVERIFY(config.contains(u"\npid run/nginx.pid;\n"_s));
        QVERIFY(config.contains(u"listen 127.0.0.1:41080;"_s));
        QVERIFY(config.contains(u"stub_status;"_s));
        QCOMPARE(config.contains(u"\nuser nobody nogroup;\n"_s), asRoot);
        // braces balance, and the page (in single quotes) holds no single quote
        QCOMPARE(config.count(u'{'), config.count(u'}'));
        QVERIFY(!host(asRoot).indexPage().contains(u'\''));
    }
};

QTEST_GUILESS_MAIN(TestLabConfig)
#include "tst_labconfig.moc"
