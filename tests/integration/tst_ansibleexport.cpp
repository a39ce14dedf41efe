#include "labfixture.h"
#include "labshell.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// A planned rollout exported as an Ansible playbook (batonctl rollout --export-ansible) and
// run with the real ansible-playbook against a lab: every host ends on the new version; and
// a target that cannot run stops the playbook at the canary with nothing changed.
class TestAnsibleExport : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    QString m_inventoryFile;
    std::optional<Inventory> m_inventory;
    QTemporaryDir m_out;
    QString m_ansible;

    QString runningVersion(const QString &host)
    {
        const LabShell::BatonctlRun run =
            LabShell::batonctl({u"status"_s, u"--inventory"_s, m_inventoryFile, u"--host"_s, host, u"--json"_s});
        return run.json()
            .value(u"hosts"_s)
            .toArray()
            .first()
            .toObject()
            .value(u"master"_s)
            .toObject()
            .value(u"version"_s)
            .toString();
    }

    // batonctl rollout --canary 1 --batch 2 ARGUMENTS --export-ansible DIRECTORY
    LabShell::BatonctlRun exportRollout(const QString &directory, const QStringList &arguments) const
    {
        return LabShell::batonctl(
            QStringList{u"rollout"_s, u"--inventory"_s, m_inventoryFile, u"--canary"_s, u"1"_s, u"--batch"_s, u"2"_s} +
            arguments + QStringList{u"--export-ansible"_s, directory});
    }

    // ansible-playbook on the exported files; its output on failure
    int playbook(const QString &directory, QByteArray *output)
    {
        QProcess process;
        process.setWorkingDirectory(directory);
        process.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"ANSIBLE_RETRY_FILES_ENABLED"_s, u"False"_s);
        environment.insert(u"ANSIBLE_LOCAL_TEMP"_s, m_out.filePath(u"ansible-tmp"_s));
        process.setProcessEnvironment(environment);
        process.start(m_ansible, {u"-i"_s, u"inventory.ini"_s, u"upgrade-nginx.yml"_s});
        if (!process.waitForFinished(600000)) {
            process.kill();
            process.waitForFinished();
        }
        *output = process.readAll();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        m_ansible = QStandardPaths::findExecutable(u"ansible-playbook"_s);
        if (m_ansible.isEmpty()) {
            QSKIP("ansible-playbook is not installed (installer/packages.txt has ansible-core)");
        }
        m_inventory = m_lab.up(u"ansible"_s, 3);
        QVERIFY2(m_inventory, qPrintable(m_lab.lastError()));
        m_inventoryFile = m_lab.directory(u"ansible"_s) + u"/inventory.json"_s;
    }

    // Nothing can run: the canary fails before any change and the budget (0) stops the rest.
    void aTargetThatCannotRunChangesNothing()
    {
        const QString directory = m_out.filePath(u"broken"_s);
        const auto run = exportRollout(directory, {u"--remote-binary"_s, u"/nonexistent/nginx"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QByteArray output;
        QVERIFY(playbook(directory, &output) != 0);
        QVERIFY2(output.contains("lab-1"), output.constData());
        QVERIFY2(!output.contains("lab-2 ") && !output.contains("[lab-2]"), output.constData()); // never started
        for (const HostEntry &host : m_inventory->hosts) {
            QVERIFY(runningVersion(host.name).contains(m_inventory->lab->oldVersion));
        }
    }

    void everyHostEndsOnTheNewVersion()
    {
        const QString directory = m_out.filePath(u"rollout"_s);
        const auto run = exportRollout(directory, {u"--max-failures"_s, u"1"_s, u"--drain-timeout"_s, u"30"_s});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile file(directory + u"/upgrade-nginx.yml"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray yaml = file.readAll();
        QVERIFY(yaml.contains("serial: [1, 2]")); // the canary, then the batch
        QVERIFY(yaml.contains("max_fail_percentage: 33")); // 1 of 3 hosts
        QByteArray output;
        QVERIFY2(playbook(directory, &output) == 0, output.constData());
        for (const HostEntry &host : m_inventory->hosts) {
            QVERIFY2(runningVersion(host.name).contains(m_inventory->lab->newVersion), qPrintable(host.name));
        }
    }

    void refusesALocalBinary()
    {
        const auto run = LabShell::batonctl({u"rollout"_s,
                                             u"--inventory"_s,
                                             m_inventoryFile,
                                             u"--binary"_s,
                                             QString::fromLocal8Bit(qgetenv("BATON_LAB_NGINX_NEW")),
                                             u"--export-ansible"_s,
                                             m_out.filePath(u"local"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("--remote-binary"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestAnsibleExport)
#include "tst_ansibleexport.moc"
