#include "fleet.h"
#include "probefixture.h"
#include "temporarysettings.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// The Upgrade page's buttons: which steps may start is derived from the host's live phase
// (captured probe records of a real lab at every phase), whether a target is set, and
// whether the new binary is already staged; never from what ran last.
class TestUpgradeController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<Fleet> m_fleet;

    static QString probe(const QString &name) { return probeFixture(name); }

    // the running fixture with another file on disk than the master runs: a staged target
    static QString staged()
    {
        QString text = probe(u"probe-01-running.txt"_s);
        const QString running = u"1889a003e9f52ab89d09acf455730fca6b1afb4ce75464db9dda0c1b39fb161d"_s;
        const qsizetype binaryLine = text.indexOf(u"\nbinary "_s);
        const qsizetype sha = text.indexOf(running, binaryLine);
        Q_ASSERT(binaryLine > 0 && sha > binaryLine);
        return text.replace(sha, running.size(), u"3f804ae7dda33a8368993d5d6087bfbc5fbf8c8ed1760af12fc9e8a74966d8a7"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<TemporarySettings>();
        m_fleet = std::make_unique<Fleet>(nullptr);
        QFile file(m_dir.filePath(u"inventory.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"version": 1, "hosts": [
            {"name": "lab-1", "address": "127.0.0.1", "nginx": {"targetBinary": "/opt/nginx-1.26.3"}},
            {"name": "lab-2", "address": "127.0.0.2"}]})");
        file.close();
        QVERIFY(m_fleet->loadInventory(file.fileName()));
    }

    void runnableStepsFollowThePhase_data()
    {
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<bool>("staged");
        QTest::addColumn<QStringList>("runnable");
        QTest::newRow("running") << probe(u"probe-01-running.txt"_s) << u"running"_s << false
                                 << QStringList{u"stage"_s, u"spawn"_s};
        QTest::newRow("running, staged") << staged() << u"running"_s << true << QStringList{u"spawn"_s, u"rollback"_s};
        QTest::newRow("spawned") << probe(u"probe-02-spawned.txt"_s) << u"spawned"_s << false
                                 << QStringList{u"drain"_s, u"commit"_s, u"rollback"_s};
        QTest::newRow("draining") << probe(u"probe-03-draining.txt"_s) << u"draining"_s << false
                                  << QStringList{u"drain"_s, u"commit"_s, u"rollback"_s};
        QTest::newRow("parked") << probe(u"probe-04-parked.txt"_s) << u"parked"_s << false
                                << QStringList{u"commit"_s, u"rollback"_s};
        QTest::newRow("committed") << probe(u"probe-05-committed.txt"_s) << u"running"_s << false
                                   << QStringList{u"stage"_s, u"spawn"_s};
        QTest::newRow("stopped") << probe(u"probe-08-stopped.txt"_s) << u"stopped"_s << false << QStringList{};
        QTest::newRow("stale .oldbin") << probe(u"probe-09-stale-oldbin.txt"_s) << u"abnormal"_s << false
                                       << QStringList{};
    }

    void runnableStepsFollowThePhase()
    {
        QFETCH(QString, record);
        QFETCH(QString, phase);
        QFETCH(bool, staged);
        QFETCH(QStringList, runnable);
        UpgradeController *upgrade = m_fleet->upgrade();
        m_fleet->setCurrentHost(u"lab-1"_s);
        QCOMPARE(upgrade->host(), u"lab-1"_s);
        QCOMPARE(upgrade->targetPath(), u"/opt/nginx-1.26.3"_s); // the inventory's staged target
        QSignalSpy changed(upgrade, &UpgradeController::runnableStepsChanged);
        const HostSnapshot snapshot = HostSnapshot::fromProbe(record);
        QVERIFY2(snapshot.ok(), qPrintable(snapshot.error));
        m_fleet->takeSnapshot(u"lab-1"_s, snapshot);
        QCOMPARE(upgrade->phase(), phase);
        QCOMPARE(upgrade->isStaged(), staged);
        QCOMPARE(upgrade->runnableSteps(), runnable);
        for (const QString &step : {u"stage"_s, u"spawn"_s, u"drain"_s, u"commit"_s, u"rollback"_s}) {
            QCOMPARE(upgrade->canRun(step), runnable.contains(step));
        }
        // a probe of another host changes nothing here
        changed.clear();
        m_fleet->takeSnapshot(u"lab-2"_s, HostSnapshot::fromProbe(probe(u"probe-08-stopped.txt"_s)));
        QCOMPARE(upgrade->phase(), phase);
        QCOMPARE(changed.count(), 0);
        // refused when not valid: nothing starts
        if (!runnable.contains(u"commit"_s)) {
            QVERIFY(!upgrade->run(u"commit"_s));
            QVERIFY(!upgrade->isBusy());
        }
    }

    void withoutATargetNothingIsStaged()
    {
        UpgradeController *upgrade = m_fleet->upgrade();
        m_fleet->setCurrentHost(u"lab-1"_s);
        m_fleet->takeSnapshot(u"lab-1"_s, HostSnapshot::fromProbe(probe(u"probe-01-running.txt"_s)));
        upgrade->setTargetPath(QString());
        QCOMPARE(upgrade->runnableSteps(), QStringList{});
        upgrade->setTargetPath(u"/opt/other"_s);
        QCOMPARE(upgrade->runnableSteps(), (QStringList{u"stage"_s, u"spawn"_s}));
        // a staged binary can spawn without a target
        m_fleet->takeSnapshot(u"lab-1"_s, HostSnapshot::fromProbe(staged()));
        upgrade->setTargetPath(QString());
        QCOMPARE(upgrade->runnableSteps(), (QStringList{u"spawn"_s, u"rollback"_s}));
    }

    void followsTheCurrentHost()
    {
        UpgradeController *upgrade = m_fleet->upgrade();
        m_fleet->setCurrentHost(u"lab-2"_s);
        QCOMPARE(upgrade->host(), u"lab-2"_s);
        QCOMPARE(upgrade->phase(), u"stopped"_s); // lab-2's last probe
        QCOMPARE(upgrade->runnableSteps(), QStringList{});
    }

    // The Rollout page's plan, written as an Ansible playbook (tst_ansibleexport runs one).
    void rolloutPlanExportsToAnsible()
    {
        RolloutController *rollout = m_fleet->rollout();
        rollout->setHosts({u"lab-1"_s});
        rollout->setCanaries(0);
        rollout->setBatchSize(3);
        const QString directory = m_dir.filePath(u"ansible"_s);
        QCOMPARE(rollout->exportAnsible(directory), QString());
        QFile playbook(directory + u"/upgrade-nginx.yml"_s);
        QVERIFY(playbook.open(QIODevice::ReadOnly));
        QVERIFY(playbook.readAll().contains("serial: [3]"));
        QFile inventory(directory + u"/inventory.ini"_s);
        QVERIFY(inventory.open(QIODevice::ReadOnly));
        const QByteArray hosts = inventory.readAll();
        QVERIFY2(hosts.contains("lab-1 ansible_host=127.0.0.1"), hosts.constData());
        QVERIFY(hosts.contains("nginx_target=/opt/nginx-1.26.3"));
        QVERIFY(!hosts.contains("lab-2"));
        // lab-2 names no target and none is given: refused, nothing written
        rollout->setHosts({u"lab-1"_s, u"lab-2"_s});
        QVERIFY(rollout->exportAnsible(m_dir.filePath(u"refused"_s)).contains(u"lab-2"_s));
        QVERIFY(!QFile::exists(m_dir.filePath(u"refused/inventory.ini"_s)));
        rollout->setRemoteTarget(u"/opt/nginx-new"_s);
        QCOMPARE(rollout->exportAnsible(m_dir.filePath(u"given"_s)), QString());
    }

    void cleanupTestCase() { m_fleet.reset(); }
};

QTEST_MAIN(TestUpgradeController)
#include "tst_upgradecontroller.moc"
