#include "inventory.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

class TestInventory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesFullEntry()
    {
        const QByteArray json = R"({
            "version": 1,
            "name": "web fleet",
            "knownHostsFile": "known_hosts",
            "hosts": [
                {"name": "web-1", "address": "10.0.0.5", "port": 2222, "user": "ops",
                 "identityFile": "keys/id_ed25519", "groups": ["web", "eu"], "sudo": true,
                 "httpPort": 8080,
                 "nginx": {"binary": "/apps/nginx/sbin/nginx", "pidFile": "/apps/nginx/logs/nginx.pid",
                           "prefix": "/apps/nginx/", "configFile": "conf/nginx.conf"}},
                {"name": "web-2", "address": "web-2.example.net", "knownHostsFile": "/etc/ssh/ssh_known_hosts"}
            ]})";
        QString error;
        const auto inventory = Inventory::fromJson(json, u"/home/ops/fleet"_s, &error);
        QVERIFY2(inventory, qPrintable(error));
        QCOMPARE(inventory->name, u"web fleet"_s);
        QCOMPARE(inventory->knownHostsFile, u"/home/ops/fleet/known_hosts"_s);
        QCOMPARE(inventory->hosts.size(), 2);

        const HostEntry &first = inventory->hosts.at(0);
        QCOMPARE(first.port, 2222);
        QCOMPARE(first.user, u"ops"_s);
        QCOMPARE(first.identityFile, u"/home/ops/fleet/keys/id_ed25519"_s);
        QCOMPARE(first.knownHostsFile, u"/home/ops/fleet/known_hosts"_s); // inherited
        QCOMPARE(first.groups, (QStringList{u"web"_s, u"eu"_s}));
        QVERIFY(first.sudo);
        QCOMPARE(first.httpPort, 8080);
        QCOMPARE(first.nginx.pidFile, u"/apps/nginx/logs/nginx.pid"_s);
        // nginx paths are paths on the host: never resolved against the local directory
        QCOMPARE(first.nginx.configFile, u"conf/nginx.conf"_s);

        const HostEntry &second = inventory->hosts.at(1);
        QCOMPARE(second.port, 0); // from ~/.ssh/config, else 22
        QVERIFY(!second.sudo);
        QCOMPARE(second.knownHostsFile, u"/etc/ssh/ssh_known_hosts"_s);
    }

    void roundTrip()
    {
        Inventory inventory;
        inventory.name = u"lab"_s;
        inventory.knownHostsFile = u"/tmp/lab/known_hosts"_s;
        HostEntry host;
        host.name = u"lab-1"_s;
        host.address = u"127.0.0.1"_s;
        host.port = 40022;
        host.user = u"root"_s;
        host.identityFile = u"/tmp/lab/id_ed25519"_s;
        host.knownHostsFile = inventory.knownHostsFile;
        host.groups = {u"lab"_s};
        host.httpPort = 40080;
        host.nginx.binary = u"/tmp/lab/hosts/lab-1/nginx/sbin/nginx"_s;
        host.nginx.pidFile = u"/tmp/lab/hosts/lab-1/nginx/run/nginx.pid"_s;
        host.nginx.targetBinary = u"/tmp/lab/hosts/lab-1/staging/nginx-1.26.3"_s;
        host.stagingDirectory = u"~/uploads"_s;
        inventory.hosts = {host};
        inventory.lab = LabInfo{u"/tmp/lab"_s,
                                true,
                                u"batonlab"_s,
                                u"/tmp/lab/sudo-password"_s,
                                u"batonlab-np"_s,
                                u"1.22.1"_s,
                                u"1.26.3"_s};

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"inventory.json"_s);
        QString error;
        QVERIFY2(inventory.save(path, &error), qPrintable(error));
        const auto loaded = Inventory::load(path, &error);
        QVERIFY2(loaded, qPrintable(error));
        QCOMPARE(*loaded, inventory);
    }

    void emptyHostListIsValid()
    {
        QString error;
        const auto inventory = Inventory::fromJson(R"({"version": 1})", u"/"_s, &error);
        QVERIFY2(inventory, qPrintable(error));
        QVERIFY(inventory->hosts.isEmpty());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{hosts: }") << u"not valid JSON at offset"_s;
        QTest::newRow("array") << QByteArray("[]") << u"the top level must be a JSON object"_s;
        QTest::newRow("no version") << QByteArray(R"({"hosts": []})") << u"unsupported inventory version 0"_s;
        QTest::newRow("future version") << QByteArray(R"({"version": 2})") << u"unsupported inventory version 2"_s;
        QTest::newRow("hosts not array") << QByteArray(R"({"version": 1, "hosts": {}})")
                                         << u"\"hosts\" must be an array"_s;
        QTest::newRow("host not object") << QByteArray(R"({"version": 1, "hosts": [3]})")
                                         << u"host 1: must be an object"_s;
        QTest::newRow("relative staging")
            << QByteArray(R"({"version": 1, "hosts": [{"name": "a", "address": "a", "stagingDirectory": "tmp"}]})")
            << u"host 1 (\"a\"): \"stagingDirectory\" must be an absolute path or start with ~/"_s;
        QTest::newRow("no name") << QByteArray(R"({"version": 1, "hosts": [{"address": "a"}]})")
                                 << u"host 1: \"name\" is missing"_s;
        QTest::newRow("no address") << QByteArray(R"({"version": 1, "hosts": [{"name": "web-1"}]})")
                                    << u"host 1 (\"web-1\"): \"address\" is missing"_s;
        QTest::newRow("port too big")
            << QByteArray(R"({"version": 1, "hosts": [{"name": "w", "address": "a", "port": 70000}]})")
            << u"host 1 (\"w\"): \"port\" must be a whole number from 1 to 65535"_s;
        QTest::newRow("port string") << QByteArray(
                                            R"({"version": 1, "hosts": [{"name": "w", "address": "a", "port": "22"}]})")
                                     << u"\"port\" must be a whole number"_s;
        QTest::newRow("port fraction")
            << QByteArray(R"({"version": 1, "hosts": [{"name": "w", "address": "a", "port": 22.5}]})")
            << u"\"port\" must be a whole number"_s;
        QTest::newRow("user not string")
            << QByteArray(R"({"version": 1, "hosts": [{"name": "w", "address": "a", "user": 7}]})")
            << u"host 1 (\"w\"): \"user\" must be a string"_s;
        QTest::newRow("duplicate name")
            << QByteArray(R"({"version": 1, "hosts": [{"name": "w", "address": "a"}, {"name": "w", "address": "b"}]})")
            << u"host 2: the name \"w\" is used twice"_s;
    }

    void rejects()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!Inventory::fromJson(json, u"/"_s, &error));
        QVERIFY2(error.contains(message), qPrintable(u"got: "_s + error));
    }

    void loadNamesTheFile()
    {
        QString error;
        QVERIFY(!Inventory::load(u"/nonexistent/inventory.json"_s, &error));
        QVERIFY2(error.contains(u"/nonexistent/inventory.json"_s), qPrintable(error));
    }

    // baton and batonctl share one default inventory; $BATON_INVENTORY names another
    void defaultInventory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
        qunsetenv("BATON_INVENTORY");
        const QString path = dir.filePath(QStringLiteral("baton/inventory.json"));
        QCOMPARE(Inventory::defaultPath(), path);
        QCOMPARE(Inventory::defaultInUse(), QString()); // none yet: the caller asks for one
        Inventory inventory;
        QString error;
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("baton"))));
        QVERIFY2(inventory.save(path, &error), qPrintable(error));
        QCOMPARE(Inventory::defaultInUse(), path);
        qputenv("BATON_INVENTORY", "/elsewhere/fleet.json");
        QCOMPARE(Inventory::defaultInUse(), QStringLiteral("/elsewhere/fleet.json"));
        qunsetenv("BATON_INVENTORY");
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
