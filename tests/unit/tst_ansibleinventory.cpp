#include "ansibleinventory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// Ansible inventories as teams keep them (tests/data/ansible: one fleet written as INI and as
// YAML), read into Baton's hosts; and checked against Ansible's own reading of the same
// files (`ansible-inventory --list`) where Ansible is installed.
class TestAnsibleInventory : public QObject
{
    Q_OBJECT

    static QString fixture(const QString &name) { return QStringLiteral(BATON_TEST_DATA "/ansible/") + name; }

    static const HostEntry *find(const QList<HostEntry> &hosts, const QString &name)
    {
        for (const HostEntry &host : hosts) {
            if (host.name == name) {
                return &host;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void expandPattern_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << u"web-1.example.com"_s << QStringList{u"web-1.example.com"_s};
        QTest::newRow("numbers") << u"web-[1:3]"_s << QStringList{u"web-1"_s, u"web-2"_s, u"web-3"_s};
        QTest::newRow("leading zeros") << u"web[08:10].eu"_s
                                       << QStringList{u"web08.eu"_s, u"web09.eu"_s, u"web10.eu"_s};
        QTest::newRow("letters") << u"db-[a:c]"_s << QStringList{u"db-a"_s, u"db-b"_s, u"db-c"_s};
        QTest::newRow("stride") << u"n[1:7:3]"_s << QStringList{u"n1"_s, u"n4"_s, u"n7"_s};
        QTest::newRow("two ranges") << u"r[1:2]c[a:b]"_s << QStringList{u"r1ca"_s, u"r1cb"_s, u"r2ca"_s, u"r2cb"_s};
        QTest::newRow("backwards") << u"web-[3:1]"_s << QStringList{};
        QTest::newRow("mixed") << u"web-[1:c]"_s << QStringList{};
        QTest::newRow("unclosed") << u"web-[1:3"_s << QStringList{};
    }

    void expandPattern()
    {
        QFETCH(QString, pattern);
        QFETCH(QStringList, expected);
        QString error;
        QCOMPARE(AnsibleInventory::expandPattern(pattern, &error), expected);
        QCOMPARE(error.isEmpty(), !expected.isEmpty());
    }

    void readsTheFleet_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("INI") << u"fleet.ini"_s;
        QTest::newRow("YAML") << u"fleet.yml"_s;
    }

    // Both files describe one fleet: the same hosts, groups and variables come out.
    void readsTheFleet()
    {
        QFETCH(QString, file);
        QString error;
        const auto hosts = AnsibleInventory::read(fixture(file), &error);
        QVERIFY2(hosts, qPrintable(error));
        QStringList names;
        for (const HostEntry &host : *hosts) {
            names.append(host.name);
        }
        QCOMPARE(names.size(), 6);
        for (const QString &name :
             {u"bastion.example.com"_s, u"web-1"_s, u"web-2"_s, u"web-3"_s, u"web-4"_s, u"db-1.example.com"_s}) {
            QVERIFY2(names.contains(name), qPrintable(names.join(u' ')));
        }
        const HostEntry *bastion = find(*hosts, u"bastion.example.com"_s);
        QCOMPARE(bastion->address, u"bastion.example.com"_s);
        QCOMPARE(bastion->port, 0); // not in eu: no ansible_port, ~/.ssh/config or 22 decides
        QCOMPARE(bastion->user, u"jump"_s);
        QVERIFY(!bastion->sudo);
        QCOMPARE(bastion->groups, QStringList{}); // "ungrouped" is not a group of ours

        const HostEntry *web2 = find(*hosts, u"web-2"_s);
        QCOMPARE(web2->address, u"10.0.1.12"_s);
        QCOMPARE(web2->port, 2222); // the host's own variable wins over eu's 22022
        QCOMPARE(web2->user, u"ops"_s); // from web (a child of eu)
        QVERIFY(web2->sudo);
        QCOMPARE(web2->groups, (QStringList{u"eu"_s, u"web"_s}));

        const HostEntry *web4 = find(*hosts, u"web-4"_s);
        QCOMPARE(web4->address, u"web-4"_s);
        QCOMPARE(web4->port, 22022);
        QCOMPARE(web4->user, u"deploy"_s);

        const HostEntry *db = find(*hosts, u"db-1.example.com"_s);
        QCOMPARE(db->port, 22022);
        QVERIFY(db->user.isEmpty());
        QVERIFY(db->sudo);
        QCOMPARE(db->identityFile, u"/keys/db_ed25519"_s);
        QCOMPARE(db->groups, (QStringList{u"eu"_s, u"db"_s}));
    }

    // The same answers as Ansible's own reading of the files.
    void agreesWithAnsible_data() { readsTheFleet_data(); }

    void agreesWithAnsible()
    {
        QFETCH(QString, file);
        const QString ansible = QStandardPaths::findExecutable(u"ansible-inventory"_s);
        if (ansible.isEmpty()) {
            QSKIP("ansible-inventory is not installed (installer/packages.txt has ansible-core)");
        }
        QProcess process;
        process.start(ansible, {u"-i"_s, fixture(file), u"--list"_s});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QJsonObject list = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        const QJsonObject hostvars = list.value(u"_meta"_s).toObject().value(u"hostvars"_s).toObject();
        // every group each host is in, from Ansible's tree
        QHash<QString, QStringList> groupsOf;
        const std::function<void(const QString &, QStringList)> walk = [&](const QString &group, QStringList above) {
            if (group != u"all" && group != u"ungrouped") {
                above.append(group);
            }
            const QJsonObject node = list.value(group).toObject();
            for (const QJsonValue &host : node.value(u"hosts"_s).toArray()) {
                for (const QString &g : std::as_const(above)) {
                    if (!groupsOf[host.toString()].contains(g)) {
                        groupsOf[host.toString()].append(g);
                    }
                }
                groupsOf[host.toString()]; // hosts without groups too
            }
            for (const QJsonValue &child : node.value(u"children"_s).toArray()) {
                walk(child.toString(), above);
            }
        };
        walk(u"all"_s, {});

        QString error;
        const auto hosts = AnsibleInventory::read(fixture(file), &error);
        QVERIFY2(hosts, qPrintable(error));
        QCOMPARE(hosts->size(), hostvars.size());
        for (const HostEntry &host : *hosts) {
            QVERIFY2(hostvars.contains(host.name), qPrintable(host.name));
            const QJsonObject vars = hostvars.value(host.name).toObject();
            QCOMPARE(host.address, vars.value(u"ansible_host"_s).toString(host.name));
            QCOMPARE(host.port, vars.value(u"ansible_port"_s).toVariant().toInt());
            QCOMPARE(host.user, vars.value(u"ansible_user"_s).toString());
            const QString become = vars.value(u"ansible_become"_s).toVariant().toString().toLower();
            QCOMPARE(host.sudo, become == u"true" || become == u"yes");
            QCOMPARE(host.identityFile, vars.value(u"ansible_ssh_private_key_file"_s).toString());
            QStringList ours = host.groups;
            QStringList theirs = groupsOf.value(host.name);
            std::sort(ours.begin(), ours.end());
            std::sort(theirs.begin(), theirs.end());
            QCOMPARE(ours, theirs);
        }
    }

    // A dynamic inventory is brought in through `ansible-inventory --list -y`: that export
    // reads back as the same fleet.
    void readsAnAnsibleExport()
    {
        const QString ansible = QStandardPaths::findExecutable(u"ansible-inventory"_s);
        if (ansible.isEmpty()) {
            QSKIP("ansible-inventory is not installed (installer/packages.txt has ansible-core)");
        }
        QProcess process;
        process.start(ansible, {u"-i"_s, fixture(u"fleet.ini"_s), u"--list"_s, u"-y"_s});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QString error;
        const auto exported = AnsibleInventory::parse(
            QString::fromUtf8(process.readAllStandardOutput()), AnsibleInventory::Format::Yaml, &error);
        QVERIFY2(exported, qPrintable(error));
        const auto original = AnsibleInventory::read(fixture(u"fleet.ini"_s), &error);
        QVERIFY2(original, qPrintable(error));
        QCOMPARE(exported->size(), original->size());
        for (const HostEntry &host : *original) {
            const HostEntry *again = find(*exported, host.name);
            QVERIFY2(again, qPrintable(host.name));
            QCOMPARE(*again, host);
        }
    }

    void iniDetails()
    {
        QString error;
        const auto hosts = AnsibleInventory::parse(
            u"[web]\nweb-9:2201 ansible_user='a b'\n# comment\n; another\n[web:vars]\nansible_become = no\n"_s,
            AnsibleInventory::Format::Auto,
            &error);
        QVERIFY2(hosts, qPrintable(error));
        QCOMPARE(hosts->size(), 1);
        QCOMPARE(hosts->at(0).name, u"web-9"_s);
        QCOMPARE(hosts->at(0).port, 2201);
        QCOMPARE(hosts->at(0).user, u"a b"_s);
        QVERIFY(!hosts->at(0).sudo);
    }

    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("INI header") << u"[web\nweb-1\n"_s << u"ends with ]"_s;
        QTest::newRow("INI kind") << u"[web:hosts]\nweb-1\n"_s << u"unknown section"_s;
        QTest::newRow("INI group var") << u"[web:vars]\njustaword\n"_s << u"NAME=VALUE"_s;
        QTest::newRow("INI port") << u"[web]\nweb-1 ansible_port=http\n"_s << u"not a port"_s;
        QTest::newRow("YAML list") << u"all:\n  hosts:\n    - web-1\n"_s << u"a list"_s;
        QTest::newRow("YAML indent") << u"all:\n  hosts:\n    web-1:\n   web-2:\n"_s << u"indentation"_s;
        QTest::newRow("YAML range") << u"all:\n  hosts:\n    web-[3:1]:\n"_s << u"range"_s;
    }

    void refusesWhatItCannotRead()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!AnsibleInventory::parse(text, AnsibleInventory::Format::Auto, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void unreadableFile()
    {
        QString error;
        QVERIFY(!AnsibleInventory::read(u"/nonexistent/hosts.ini"_s, &error));
        QVERIFY2(error.contains(u"/nonexistent/hosts.ini"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestAnsibleInventory)
#include "tst_ansibleinventory.moc"
