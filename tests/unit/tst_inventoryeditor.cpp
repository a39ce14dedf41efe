#include "fleet.h"
#include "inventory.h"
#include "temporarysettings.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// Adding, editing, removing and importing hosts: every change is checked, written and
// loaded again; a refused change writes nothing.
class TestInventoryEditor : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<Fleet> m_fleet;

    QString inventoryPath() const { return m_dir.filePath(u"inventory.json"_s); }

    std::optional<Inventory> onDisk() const
    {
        QString error;
        return Inventory::load(inventoryPath(), &error);
    }

    static QVariantMap fields(const QString &name, const QString &address)
    {
        return {{u"name"_s, name},
                {u"address"_s, address},
                {u"port"_s, 2222},
                {u"user"_s, u"ops"_s},
                {u"groups"_s, u" web, eu ,web"_s},
                {u"sudo"_s, true},
                {u"pidFile"_s, u"/run/nginx.pid"_s},
                {u"binary"_s, u""_s},
                {u"identityFile"_s, u""_s}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("HOME", m_dir.path().toUtf8()); // ~/.ssh/config is this test's
        m_settings = std::make_unique<TemporarySettings>();
        m_fleet = std::make_unique<Fleet>(nullptr); // not polling: no SSH here
        QFile file(inventoryPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "name": "edit me", "hosts": [{"name": "web-1", "address": "10.0.0.1"}]})");
        file.close();
        QVERIFY(m_fleet->loadInventory(inventoryPath()));
    }

    void addsAHost()
    {
        InventoryEditor *editor = m_fleet->editor();
        QVERIFY(editor->canEdit());
        QCOMPARE(editor->saveHost({}, fields(u"web-2"_s, u"10.0.0.2"_s)), QString());
        QCOMPARE(m_fleet->hosts()->rowCount(), 2);
        const auto saved = onDisk();
        QVERIFY(saved);
        QCOMPARE(saved->name, u"edit me"_s); // the rest of the file is kept
        QCOMPARE(saved->hosts.size(), 2);
        const HostEntry &host = saved->hosts.at(1);
        QCOMPARE(host.name, u"web-2"_s);
        QCOMPARE(host.port, 2222);
        QCOMPARE(host.user, u"ops"_s);
        QCOMPARE(host.groups, (QStringList{u"web"_s, u"eu"_s}));
        QVERIFY(host.sudo);
        QCOMPARE(host.nginx.pidFile, u"/run/nginx.pid"_s);
        QCOMPARE(editor->fieldsOf(u"web-2"_s).value(u"groups"_s).toString(), u"web, eu"_s);
    }

    void editsAndRenames()
    {
        InventoryEditor *editor = m_fleet->editor();
        QVariantMap changed = editor->fieldsOf(u"web-2"_s);
        changed.insert(u"name"_s, u"web-two"_s);
        changed.insert(u"sudo"_s, false);
        QCOMPARE(editor->saveHost(u"web-2"_s, changed), QString());
        const auto saved = onDisk();
        QVERIFY(saved);
        QCOMPARE(saved->hosts.size(), 2);
        QCOMPARE(saved->hosts.at(1).name, u"web-two"_s);
        QVERIFY(!saved->hosts.at(1).sudo);
        QVERIFY(m_fleet->entry(u"web-two"_s));
        QVERIFY(!m_fleet->entry(u"web-2"_s));
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QString>("original");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("says");
        QTest::newRow("no name") << QString() << u"name"_s << QVariant(u""_s) << u"name"_s;
        QTest::newRow("space in name") << QString() << u"name"_s << QVariant(u"web 3"_s) << u"no spaces"_s;
        QTest::newRow("no address") << QString() << u"address"_s << QVariant(u" "_s) << u"address"_s;
        QTest::newRow("name taken") << QString() << u"name"_s << QVariant(u"web-1"_s) << u"used twice"_s;
        QTest::newRow("rename onto another") << u"web-two"_s << u"name"_s << QVariant(u"web-1"_s) << u"used twice"_s;
        QTest::newRow("relative pid file")
            << QString() << u"pidFile"_s << QVariant(u"run/nginx.pid"_s) << u"absolute"_s;
        QTest::newRow("port out of range") << QString() << u"port"_s << QVariant(70000) << u"65535"_s;
        QTest::newRow("gone meanwhile") << u"web-9"_s << u"name"_s << QVariant(u"web-9"_s) << u"no longer"_s;
    }

    void refusesBadInput()
    {
        QFETCH(QString, original);
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(QString, says);
        QFile file(inventoryPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        QVariantMap form = fields(u"web-3"_s, u"10.0.0.3"_s);
        form.insert(field, value);
        const QString error = m_fleet->editor()->saveHost(original, form);
        QVERIFY2(error.contains(says), qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before); // nothing written
        QCOMPARE(m_fleet->hosts()->rowCount(), 2);
    }

    void importsSshConfigHosts()
    {
        QDir(m_dir.path()).mkpath(u".ssh"_s);
        QFile config(m_dir.filePath(u".ssh/config"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("Host *\n  User all\nHost web-1 bastion\n  HostName jump.example.com\n  User ops\n  Port 2200\n"
                     "Host db-1\n  HostName 10.1.1.1\n");
        config.close();
        InventoryEditor *editor = m_fleet->editor();
        const QVariantList found = editor->sshConfigHosts();
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.at(0).toMap().value(u"alias"_s).toString(), u"web-1"_s);
        QVERIFY(found.at(0).toMap().value(u"inInventory"_s).toBool());
        QCOMPARE(found.at(1).toMap().value(u"hostName"_s).toString(), u"jump.example.com"_s);
        QCOMPARE(found.at(1).toMap().value(u"port"_s).toInt(), 2200);
        QVERIFY(!found.at(1).toMap().value(u"inInventory"_s).toBool());

        QCOMPARE(editor->importSshHosts({u"web-1"_s, u"bastion"_s, u"db-1"_s}), QString());
        const auto saved = onDisk();
        QVERIFY(saved);
        QCOMPARE(saved->hosts.size(), 4); // web-1 was there already
        const HostEntry &bastion = saved->hosts.at(2);
        QCOMPARE(bastion.name, u"bastion"_s);
        QCOMPARE(bastion.address, u"bastion"_s); // the alias: ssh's own configuration applies
        QCOMPARE(bastion.port, 0);
        QVERIFY(bastion.user.isEmpty());
        QCOMPARE(bastion.groups, QStringList{u"ssh-config"_s});
        QVERIFY(editor->importSshHosts({u"db-1"_s}).contains(u"already"_s));
    }

    void importsAnsibleHosts()
    {
        InventoryEditor *editor = m_fleet->editor();
        const QString path = QStringLiteral(BATON_TEST_DATA "/ansible/fleet.yml");
        const QVariantList found = editor->ansibleHosts(path);
        QCOMPARE(found.size(), 6);
        QVariantMap web2;
        for (const QVariant &host : found) {
            if (host.toMap().value(u"alias"_s) == u"web-2"_s) {
                web2 = host.toMap();
            }
        }
        QCOMPARE(web2.value(u"hostName"_s).toString(), u"10.0.1.12"_s);
        QCOMPARE(web2.value(u"groups"_s).toStringList(), (QStringList{u"eu"_s, u"web"_s}));
        QVERIFY(web2.value(u"sudo"_s).toBool());
        QVERIFY(!web2.value(u"inInventory"_s).toBool());

        const qsizetype before = onDisk()->hosts.size();
        QCOMPARE(editor->importAnsibleHosts(path, {u"web-2"_s, u"db-1.example.com"_s}), QString());
        const auto saved = onDisk();
        QVERIFY(saved);
        QCOMPARE(saved->hosts.size(), before + 2);
        const HostEntry &imported = saved->hosts.at(before);
        QCOMPARE(imported.name, u"web-2"_s);
        QCOMPARE(imported.address, u"10.0.1.12"_s);
        QCOMPARE(imported.port, 2222);
        QCOMPARE(imported.user, u"ops"_s);
        QVERIFY(imported.sudo);
        QCOMPARE(imported.groups, (QStringList{u"eu"_s, u"web"_s}));
        QCOMPARE(saved->hosts.at(before + 1).identityFile, u"/keys/db_ed25519"_s);
        QVERIFY(editor->importAnsibleHosts(path, {u"web-2"_s}).contains(u"already"_s));
        QVERIFY(editor->ansibleHosts(u"/nonexistent.yml"_s).constFirst().toMap().contains(u"error"_s));
        QCOMPARE(editor->removeHosts({u"web-2"_s, u"db-1.example.com"_s}), QString());
    }

    void removesHosts()
    {
        InventoryEditor *editor = m_fleet->editor();
        QCOMPARE(editor->removeHosts({u"bastion"_s, u"db-1"_s}), QString());
        const auto saved = onDisk();
        QVERIFY(saved);
        QCOMPARE(saved->hosts.size(), 2);
        QCOMPARE(m_fleet->hosts()->rowCount(), 2);
        QVERIFY(!editor->removeHosts({u"nobody"_s}).isEmpty());
    }

    void createsAnInventoryWhenNoneIsLoaded()
    {
        m_fleet.reset();
        m_fleet = std::make_unique<Fleet>(nullptr);
        m_fleet->setNoInventory();
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        const QString expected = InventoryEditor::defaultInventoryPath();
        QCOMPARE(expected, m_dir.filePath(u"config/baton/inventory.json"_s)); // where batonctl looks too
        QVERIFY(!QFile::exists(expected));
        QCOMPARE(m_fleet->editor()->saveHost({}, fields(u"first"_s, u"10.0.0.9"_s)), QString());
        QCOMPARE(m_fleet->inventoryPath(), expected);
        QVERIFY(QFile::exists(expected));
        QCOMPARE(m_fleet->hosts()->rowCount(), 1);
    }

    void cleanupTestCase() { m_fleet.reset(); }
};

QTEST_MAIN(TestInventoryEditor)
#include "tst_inventoryeditor.moc"
