#include "../unit/temporarysettings.h"
#include "fleet.h"
#include "labfixture.h"
#include "windowclicker.h"

#include <QFileInfo>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Baton_CorePlugin)
Q_IMPORT_QML_PLUGIN(Baton_UiPlugin)

using namespace Baton;
using namespace Qt::StringLiterals;

// The whole procedure in the GUI, through the real engine on a lab of three hosts: select
// them, compare them, upgrade one step by step while its chart fills, roll it back, then
// roll the new version out to all three. Every action is a click on the control a user
// would click, confirmation dialogs included.
class TestGuiFlow : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    QTemporaryDir m_state;
    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<Fleet> m_fleet;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    // The visible, enabled item named @p name, clicked with the mouse.
    bool click(const QString &name) { return WindowClicker::click(m_window, name); }

    // Clicks the step's button and the confirmation, and waits for the step to end.
    bool runStep(const QString &step, int timeoutMs = 90000)
    {
        QSignalSpy finished(m_fleet->upgrade(), &UpgradeController::finished);
        if (!click(u"run-"_s + step)) {
            return false;
        }
        if (!click(u"confirmButton"_s)) {
            return false;
        }
        if (!finished.wait(timeoutMs)) {
            qWarning("%s did not finish", qPrintable(step));
            return false;
        }
        const QVariantMap report = m_fleet->upgrade()->lastReport();
        if (!finished.constFirst().at(1).toBool()) {
            qWarning("%s failed: %s %s",
                     qPrintable(step),
                     qPrintable(report.value(u"message"_s).toString()),
                     qPrintable(report.value(u"details"_s).toStringList().join(u'\n')));
            return false;
        }
        return true;
    }

    // With BATON_FLOW_SCREENSHOTS=DIR, a PNG of the window at this point of the flow.
    void shoot(const QString &name) const
    {
        if (const QByteArray dir = qgetenv("BATON_FLOW_SCREENSHOTS"); !dir.isEmpty()) {
            m_window->grabWindow().save(QString::fromUtf8(dir) + u'/' + name + u".png"_s);
        }
    }

    // The processes a lab's state file says it started (its supervisors).
    static QStringList labPids(const QString &stateFile)
    {
        QFile file(stateFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return {};
        }
        static const QRegularExpression pid(u"\"pid\"\\s*:\\s*(\\d+)"_s);
        QStringList pids;
        auto matches = pid.globalMatch(QString::fromUtf8(file.readAll()));
        while (matches.hasNext()) {
            pids.append(matches.next().captured(1));
        }
        return pids;
    }

    QString version(const QString &host) const
    {
        const HostSnapshot *full = m_fleet->latestFullSnapshot(host);
        return full ? full->masterVersion() : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        qputenv("XDG_STATE_HOME", m_state.filePath(u"state"_s).toUtf8());
        m_settings = std::make_unique<TemporarySettings>();
        m_settings->settings.setDrainTimeoutSeconds(60);
    }

    void wholeProcedure()
    {
        const auto lab = m_lab.up(u"gui"_s, 3);
        QVERIFY2(lab, qPrintable(m_lab.lastError()));
        const QString oldVersion = lab->lab->oldVersion;
        const QString newVersion = lab->lab->newVersion;
        QVERIFY(!oldVersion.isEmpty() && !newVersion.isEmpty() && oldVersion != newVersion);

        m_fleet = std::make_unique<Fleet>(nullptr);
        m_fleet->setPolling(true);
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->loadFromModule("Baton.Ui", "Main");
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY2(m_fleet->loadInventory(m_lab.directory(u"gui"_s) + u"/inventory.json"_s),
                 qPrintable(m_fleet->errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet->isSettled(), 20000);
        const QStringList hosts{u"lab-1"_s, u"lab-2"_s, u"lab-3"_s};
        for (const QString &host : hosts) {
            QTRY_COMPARE_WITH_TIMEOUT(version(host), oldVersion, 20000);
        }

        // select the three hosts and compare them
        for (const QString &host : hosts) {
            QVERIFY(click(u"select-"_s + host));
        }
        QTRY_COMPARE(m_fleet->selection(), hosts);
        QVERIFY(click(u"compareSelected"_s));
        QCOMPARE(m_window->property("page").toString(), u"compare"_s);
        Comparison *comparison = m_fleet->comparison();
        QCOMPARE(comparison->hosts(), hosts);
        QTRY_COMPARE_WITH_TIMEOUT(comparison->loading(), 0, 30000);
        QVERIFY2(comparison->configError().isEmpty(), qPrintable(comparison->configError()));
        bool sawVersion = false;
        for (int row = 0; row < comparison->rowCount(); ++row) {
            const QModelIndex index = comparison->index(row);
            if (index.data(Comparison::LabelRole).toString() == u"Version") {
                sawVersion = true;
                QCOMPARE(index.data(Comparison::ValuesRole).toStringList(), QStringList(3, u"nginx/"_s + oldVersion));
                QVERIFY(!index.data(Comparison::DiffersRole).toBool());
            }
        }
        QVERIFY(sawVersion);
        // each lab host listens on its own port: their configurations differ there
        QVERIFY2(comparison->configDiff().contains(u"\n@@ -"_s), qPrintable(comparison->configDiff()));
        QVERIFY(comparison->configDiff().contains(u"listen"_s));

        // upgrade lab-1 alone, step by step
        QVERIFY(click(u"tab-fleet"_s));
        QVERIFY(click(u"select-lab-2"_s));
        QVERIFY(click(u"select-lab-3"_s));
        QTRY_COMPARE(m_fleet->selection(), QStringList{u"lab-1"_s});
        QVERIFY(click(u"upgradeSelected"_s));
        QCOMPARE(m_window->property("page").toString(), u"upgrade"_s);
        UpgradeController *upgrade = m_fleet->upgrade();
        QCOMPARE(upgrade->host(), u"lab-1"_s);
        QVERIFY(!upgrade->targetPath().isEmpty()); // the lab's staged 1.26
        QCOMPARE(upgrade->runnableSteps(), (QStringList{u"stage"_s, u"spawn"_s}));

        QSignalSpy preflightDone(upgrade, &UpgradeController::finished);
        QVERIFY(click(u"preflight"_s));
        QVERIFY(preflightDone.wait(60000));
        QVERIFY2(preflightDone.constFirst().at(1).toBool(),
                 qPrintable(QVariant(upgrade->checks()).toStringList().join(u'\n')));
        QVERIFY(!upgrade->checks().isEmpty());

        QVERIFY(runStep(u"stage"_s));
        QTRY_VERIFY_WITH_TIMEOUT(upgrade->isStaged(), 10000);
        QCOMPARE(upgrade->runnableSteps(), (QStringList{u"spawn"_s, u"rollback"_s}));
        QVERIFY(runStep(u"spawn"_s));
        QTRY_COMPARE_WITH_TIMEOUT(upgrade->phase(), u"spawned"_s, 10000);
        QVERIFY(runStep(u"drain"_s));
        QTRY_COMPARE_WITH_TIMEOUT(upgrade->phase(), u"parked"_s, 10000);
        QVERIFY(upgrade->runnableSteps().contains(u"commit"_s));
        QVERIFY(!upgrade->runnableSteps().contains(u"spawn"_s));
        shoot(u"flow-upgrade"_s);

        // the chart saw both generations, and where USR2 and WINCH went
        m_fleet->setCurrentHost(u"lab-1"_s);
        HostDetail *detail = m_fleet->host();
        const auto most = [detail](HostDetail::Series series) {
            double high = 0;
            for (const QPointF &point : detail->points(series)) {
                high = std::max(high, point.y());
            }
            return high;
        };
        QVERIFY(most(HostDetail::OldWorkers) >= 2);
        QVERIFY(most(HostDetail::Workers) >= 2);
        QStringList signalsSent;
        for (const QVariant &marker : detail->markers()) {
            signalsSent.append(marker.toMap().value(u"signal"_s).toString());
        }
        QVERIFY2(signalsSent.contains(u"USR2"_s) && signalsSent.contains(u"WINCH"_s),
                 qPrintable(signalsSent.join(u' ')));
        QVERIFY(detail->processes()->count() >= 3); // new master, its workers, the old master
        m_window->setProperty("page", u"host"_s);
        QTest::qWait(300); // let the page lay out for the picture (the picture only)
        shoot(u"flow-host"_s);
        m_window->setProperty("page", u"upgrade"_s);

        // roll it back
        QVERIFY(runStep(u"rollback"_s));
        QTRY_COMPARE_WITH_TIMEOUT(upgrade->phase(), u"running"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(version(u"lab-1"_s), oldVersion, 20000);
        QTRY_VERIFY(!upgrade->isStaged());
        signalsSent.clear();
        for (const QVariant &marker : detail->markers()) {
            signalsSent.append(marker.toMap().value(u"signal"_s).toString());
        }
        QVERIFY2(signalsSent.contains(u"HUP"_s) && signalsSent.contains(u"QUIT"_s), qPrintable(signalsSent.join(u' ')));
        QTRY_VERIFY(detail->transcript()->count() > 0); // every command it ran there

        // then roll the new version out to all three
        QVERIFY(click(u"tab-fleet"_s));
        QVERIFY(click(u"select-lab-2"_s));
        QVERIFY(click(u"select-lab-3"_s));
        QTRY_COMPARE(m_fleet->selection(), hosts);
        QVERIFY(click(u"rolloutSelected"_s));
        QCOMPARE(m_window->property("page").toString(), u"rollout"_s);
        RolloutController *rollout = m_fleet->rollout();
        QCOMPARE(rollout->hosts(), hosts);
        QSignalSpy rolledOut(rollout, &RolloutController::finished);
        QVERIFY(click(u"startRollout"_s));
        QVERIFY(click(u"confirmButton"_s));
        QVERIFY(rolledOut.wait(180000));
        QVERIFY2(rolledOut.constFirst().at(0).toBool(), qPrintable(rollout->message()));
        SwimlaneModel *lanes = rollout->lanes();
        QCOMPARE(lanes->count(), 3);
        for (const QString &host : hosts) {
            QCOMPARE(lanes->stateOf(host), u"upgraded"_s);
            QTRY_COMPARE_WITH_TIMEOUT(version(host), newVersion, 20000);
        }
        // each lane drew the host's phases, the new master's spawn among them
        const QVariantList segments = lanes->index(0).data(SwimlaneModel::SegmentsRole).toList();
        QVERIFY(segments.size() >= 2);

        shoot(u"flow-rollout"_s);

        // and put all three back on the old version from the Fleet page, committed as they are
        QVERIFY(click(u"tab-fleet"_s));
        QTRY_COMPARE(m_fleet->selection(), hosts);
        QVERIFY(click(u"rollbackSelected"_s));
        QCOMPARE(m_window->property("page").toString(), u"rollout"_s);
        QSignalSpy rolledBack(rollout, &RolloutController::finished);
        QVERIFY(click(u"rollBackHosts"_s));
        QVERIFY(click(u"confirmButton"_s));
        QVERIFY(rolledBack.wait(180000));
        QVERIFY2(rolledBack.constFirst().at(0).toBool(), qPrintable(rollout->message()));
        QCOMPARE(rollout->mode(), u"rollback"_s);
        for (const QString &host : hosts) {
            QCOMPARE(lanes->stateOf(host), u"rolled-back"_s);
            QTRY_COMPARE_WITH_TIMEOUT(version(host), oldVersion, 20000);
        }
    }

    // A new user with no inventory starts the practice lab from the empty Fleet page.
    void practiceLabFromTheEmptyState()
    {
        m_engine.reset();
        m_fleet.reset();
        m_fleet = std::make_unique<Fleet>(nullptr);
        m_fleet->setPolling(true);
        m_fleet->setNoInventory();
        if (const QString why = m_fleet->lab()->unavailableReason(); !why.isEmpty()) {
            QSKIP(qPrintable(why));
        }
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->loadFromModule("Baton.Ui", "Main");
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
        QVERIFY(click(u"startLab"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet->lab()->isRunning() || !m_fleet->lab()->isBusy(), 60000);
        QVERIFY2(m_fleet->lab()->isRunning(), qPrintable(m_fleet->lab()->status()));
        QCOMPARE(m_fleet->hosts()->rowCount(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet->isSettled(), 20000);
        for (const QString &host : {u"lab-1"_s, u"lab-2"_s, u"lab-3"_s}) {
            QTRY_VERIFY_WITH_TIMEOUT(!version(host).isEmpty(), 20000);
        }
        const QString inventory = m_fleet->inventoryPath();
        QVERIFY(QFile::exists(inventory));
        // the app stops its lab when it ends
        const QStringList pids = labPids(QFileInfo(inventory).absolutePath() + u"/lab.json"_s);
        QVERIFY(!pids.isEmpty());
        m_engine.reset();
        m_fleet.reset();
        const auto gone = [&pids] {
            return std::none_of(
                pids.begin(), pids.end(), [](const QString &pid) { return QFile::exists(u"/proc/"_s + pid); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(gone(), 20000);
    }

    // A target chosen on this computer is uploaded over SFTP when staged, and rolled back.
    void stageALocalFile()
    {
        const QString binary = qEnvironmentVariable("BATON_LAB_NGINX_NEW");
        if (binary.isEmpty()) {
            QSKIP("BATON_LAB_NGINX_NEW names no local nginx build");
        }
        m_engine.reset();
        m_fleet.reset();
        m_fleet = std::make_unique<Fleet>(nullptr);
        m_fleet->setPolling(true);
        QVERIFY(m_fleet->loadInventory(m_lab.directory(u"gui"_s) + u"/inventory.json"_s));
        QTRY_VERIFY_WITH_TIMEOUT(m_fleet->isSettled(), 20000);
        m_fleet->setCurrentHost(u"lab-2"_s);
        UpgradeController *upgrade = m_fleet->upgrade();
        QTRY_COMPARE_WITH_TIMEOUT(upgrade->phase(), u"running"_s, 20000);
        upgrade->setTargetKind(u"local"_s);
        upgrade->setTargetPath(binary);
        QVERIFY(upgrade->canRun(u"stage"_s));
        QSignalSpy finished(upgrade, &UpgradeController::finished);
        QVERIFY(upgrade->run(u"stage"_s));
        QVERIFY(finished.wait(90000));
        QVERIFY2(finished.constFirst().at(1).toBool(),
                 qPrintable(upgrade->lastReport().value(u"message"_s).toString()));
        QTRY_VERIFY_WITH_TIMEOUT(upgrade->isStaged(), 20000);
        QVERIFY(upgrade->log().join(u'\n').contains(u"upload"_s, Qt::CaseInsensitive));
        finished.clear();
        QVERIFY(upgrade->run(u"rollback"_s));
        QVERIFY(finished.wait(90000));
        QVERIFY(finished.constFirst().at(1).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!upgrade->isStaged(), 20000);
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_fleet.reset();
    }
};

QTEST_MAIN(TestGuiFlow)
#include "tst_guiflow.moc"
