#include "probefixture.h"
#include "swimlanemodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

HostSnapshot probe(const QString &name)
{
    return probeSnapshot<HostSnapshot>(name);
}

// A timeline as Fleet fills it: "probe-NN-....txt" is a probe of the monitor (a sample),
// "failed" a probe that failed, any other word a phase one of the engine's probes saw.
HostTimeline timeline(const QList<qint64> &times, const QStringList &events)
{
    HostTimeline result;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QString &event = events.at(i);
        if (event.startsWith(u"probe-")) {
            result.append(HostTimeline::sampleOf(probe(event), times.at(i)));
        } else if (event == u"failed") {
            HostSnapshot failed;
            failed.error = u"connection refused"_s;
            result.append(HostTimeline::sampleOf(failed, times.at(i)));
        } else {
            result.notePhase(times.at(i), event);
        }
    }
    return result;
}

// "phase from-to" per segment.
QStringList segments(const SwimlaneModel &model, int row)
{
    QStringList result;
    for (const QVariant &segment : model.index(row).data(SwimlaneModel::SegmentsRole).toList()) {
        const QVariantMap map = segment.toMap();
        result.append(u"%1 %2-%3"_s.arg(map.value(u"phase"_s).toString(),
                                        QString::number(map.value(u"from"_s).toDouble()),
                                        QString::number(map.value(u"to"_s).toDouble())));
    }
    return result;
}

constexpr qint64 Start = 1000;
constexpr qint64 End = 2000;

} // namespace

class TestSwimlaneModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelIsConsistent()
    {
        SwimlaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHosts({{u"lab-1"_s}, {u"lab-2"_s, u"lab-3"_s}});
        model.setState(u"lab-2"_s, u"upgrading"_s, u"sending USR2"_s);
        const HostTimeline lab2 = timeline({500, 1500}, {u"probe-01-running.txt"_s, u"probe-02-spawned.txt"_s});
        model.updateSegments([&lab2](const QString &host) { return host == u"lab-2" ? &lab2 : nullptr; }, Start, End);
        model.setHosts({{u"lab-1"_s}});
        model.setHosts({});
        model.updateSegments([](const QString &) { return nullptr; }, Start, End);
    }

    void lanesFollowTheBatches()
    {
        SwimlaneModel model;
        QSignalSpy countChanged(&model, &SwimlaneModel::countChanged);
        model.setHosts({{u"lab-1"_s}, {u"lab-2"_s, u"lab-3"_s}, {u"lab-4"_s}});
        QCOMPARE(model.count(), 4);
        QCOMPARE(countChanged.size(), 1);
        const QList<std::pair<QString, int>> expected{
            {u"lab-1"_s, 0}, {u"lab-2"_s, 1}, {u"lab-3"_s, 1}, {u"lab-4"_s, 2}};
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            QCOMPARE(index.data(SwimlaneModel::NameRole).toString(), expected.at(row).first);
            QCOMPARE(index.data(Qt::DisplayRole).toString(), expected.at(row).first);
            QCOMPARE(index.data(SwimlaneModel::BatchRole).toInt(), expected.at(row).second);
            QCOMPARE(index.data(SwimlaneModel::StateRole).toString(), u"pending"_s);
            QCOMPARE(index.data(SwimlaneModel::MessageRole).toString(), QString());
            QCOMPARE(index.data(SwimlaneModel::SegmentsRole).toList(), QVariantList());
        }

        // as many lanes again: reset, but the count did not change
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setHosts({{u"lab-4"_s, u"lab-3"_s, u"lab-2"_s, u"lab-1"_s}});
        QCOMPARE(reset.size(), 1);
        QCOMPARE(countChanged.size(), 1);
        QCOMPARE(model.index(0).data(SwimlaneModel::NameRole).toString(), u"lab-4"_s);
        QCOMPARE(model.index(3).data(SwimlaneModel::BatchRole).toInt(), 0);

        const QHash<int, QByteArray> roles{{SwimlaneModel::NameRole, "name"},
                                           {SwimlaneModel::BatchRole, "batch"},
                                           {SwimlaneModel::StateRole, "state"},
                                           {SwimlaneModel::MessageRole, "message"},
                                           {SwimlaneModel::SegmentsRole, "segments"}};
        QCOMPARE(model.roleNames(), roles);
        QCOMPARE(SwimlaneModel::NameRole, Qt::UserRole + 1);
    }

    void stateChangesOneLane()
    {
        SwimlaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHosts({{u"lab-1"_s}, {u"lab-2"_s, u"lab-3"_s}});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setState(u"lab-2"_s, u"upgrading"_s, u"lab-2: sending USR2 to master process (pid 4)"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(),
                 (QList<int>{SwimlaneModel::StateRole, SwimlaneModel::MessageRole}));
        QCOMPARE(model.index(1).data(SwimlaneModel::StateRole).toString(), u"upgrading"_s);
        QCOMPARE(model.index(1).data(SwimlaneModel::MessageRole).toString(),
                 u"lab-2: sending USR2 to master process (pid 4)"_s);
        QCOMPARE(model.stateOf(u"lab-2"_s), u"upgrading"_s);
        QCOMPARE(model.stateOf(u"lab-3"_s), u"pending"_s);
        QCOMPARE(model.stateOf(u"nobody"_s), QString());

        model.setState(u"lab-2"_s, u"upgrading"_s, u"lab-2: sending USR2 to master process (pid 4)"_s); // the same
        model.setState(u"nobody"_s, u"failed"_s, u"no such host"_s);
        QCOMPARE(changed.size(), 1);
        model.setState(u"lab-2"_s, u"upgraded"_s, u"lab-2: sending USR2 to master process (pid 4)"_s);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(model.stateOf(u"lab-2"_s), u"upgraded"_s);
        QCOMPARE(reset.size(), 0);
    }

    void segmentsFromTheTimeline_data()
    {
        QTest::addColumn<QList<qint64>>("times");
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<QStringList>("expected");

        // the rollout runs from 1000 to 2000 ms
        QTest::newRow("an upgrade during the rollout") << QList<qint64>{500, 1250, 1400, 1500, 1750}
                                                       << QStringList{u"probe-01-running.txt"_s,
                                                                      u"probe-02-spawned.txt"_s,
                                                                      u"probe-03-draining.txt"_s,
                                                                      u"probe-04-parked.txt"_s,
                                                                      u"probe-05-committed.txt"_s}
                                                       << QStringList{u"running 0-0.25"_s,
                                                                      u"spawned 0.25-0.4"_s,
                                                                      u"draining 0.4-0.5"_s,
                                                                      u"parked 0.5-0.75"_s,
                                                                      u"running 0.75-1"_s};
        QTest::newRow("probes of one phase make one segment") << QList<qint64>{500, 1100, 1300, 1600, 1900}
                                                              << QStringList{u"probe-01-running.txt"_s,
                                                                             u"probe-01-running.txt"_s,
                                                                             u"probe-02-spawned.txt"_s,
                                                                             u"probe-02-spawned.txt"_s,
                                                                             u"probe-06-rollback-spawned.txt"_s}
                                                              << QStringList{u"running 0-0.3"_s, u"spawned 0.3-1"_s};
        QTest::newRow("the engine's phases between the monitor's probes")
            << QList<qint64>{500, 1200, 1300, 1450, 1800}
            << QStringList{u"probe-01-running.txt"_s,
                           u"spawned"_s,
                           u"probe-02-spawned.txt"_s,
                           u"parked"_s,
                           u"probe-05-committed.txt"_s}
            << QStringList{u"running 0-0.2"_s, u"spawned 0.2-0.45"_s, u"parked 0.45-0.8"_s, u"running 0.8-1"_s};
        QTest::newRow("a failed probe does not end a segment")
            << QList<qint64>{500, 1200, 1400}
            << QStringList{u"probe-01-running.txt"_s, u"failed"_s, u"probe-02-spawned.txt"_s}
            << QStringList{u"running 0-0.4"_s, u"spawned 0.4-1"_s};
        QTest::newRow("a rollback") << QList<qint64>{500, 1100, 1300, 1500}
                                    << QStringList{u"probe-01-running.txt"_s,
                                                   u"probe-02-spawned.txt"_s,
                                                   u"probe-06-rollback-spawned.txt"_s,
                                                   u"probe-07-rolled-back.txt"_s}
                                    << QStringList{u"running 0-0.1"_s, u"spawned 0.1-0.5"_s, u"running 0.5-1"_s};
        QTest::newRow("first probed after the start")
            << QList<qint64>{1200, 1600} << QStringList{u"probe-01-running.txt"_s, u"probe-02-spawned.txt"_s}
            << QStringList{u"running 0.2-0.6"_s, u"spawned 0.6-1"_s};
        QTest::newRow("probed only before the start")
            << QList<qint64>{100, 900} << QStringList{u"probe-01-running.txt"_s, u"probe-02-spawned.txt"_s}
            << QStringList{u"spawned 0-1"_s};
        QTest::newRow("only failed probes")
            << QList<qint64>{1200, 1400} << QStringList{u"failed"_s, u"failed"_s} << QStringList();
        QTest::newRow("never probed") << QList<qint64>{} << QStringList{} << QStringList();
        // the host's timeline goes on after the rollout: what came later is not drawn
        QTest::newRow("phases after the end") << QList<qint64>{500, 1500, 2500, 2600}
                                              << QStringList{u"probe-01-running.txt"_s,
                                                             u"probe-02-spawned.txt"_s,
                                                             u"probe-04-parked.txt"_s,
                                                             u"probe-05-committed.txt"_s}
                                              << QStringList{u"running 0-0.5"_s, u"spawned 0.5-1"_s};
    }

    void segmentsFromTheTimeline()
    {
        QFETCH(QList<qint64>, times);
        QFETCH(QStringList, events);
        QFETCH(QStringList, expected);
        const HostTimeline lab1 = timeline(times, events);
        SwimlaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHosts({{u"lab-1"_s}, {u"lab-2"_s}});
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.updateSegments([&lab1](const QString &host) { return host == u"lab-1" ? &lab1 : nullptr; }, Start, End);
        QCOMPARE(segments(model, 0), expected);
        QCOMPARE(segments(model, 1), QStringList()); // no timeline
        // every lane in one signal, only the segments changed
        QCOMPARE(reset.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.at(0).at(2).value<QList<int>>(), QList<int>{SwimlaneModel::SegmentsRole});
    }

    // Each segment also says how long it lasted.
    void segmentsSayTheirSeconds()
    {
        const HostTimeline lab1 = timeline(
            {500, 1250, 1400}, {u"probe-01-running.txt"_s, u"probe-02-spawned.txt"_s, u"probe-03-draining.txt"_s});
        SwimlaneModel model;
        model.setHosts({{u"lab-1"_s}});
        model.updateSegments([&lab1](const QString &) { return &lab1; }, Start, End);
        QList<double> seconds;
        for (const QVariant &segment : model.index(0).data(SwimlaneModel::SegmentsRole).toList()) {
            seconds.append(segment.toMap().value(u"seconds"_s).toDouble());
        }
        QCOMPARE(seconds, (QList<double>{0.25, 0.15, 0.6}));
    }

    // nginx renames its pid file before the new master writes its own: a probe in between
    // sees "abnormal" for a moment, which the lane shows as a change, not as a fault.
    void shortAbnormalReadsChanging_data()
    {
        QTest::addColumn<QList<qint64>>("times");
        QTest::addColumn<QStringList>("phases");
        QTest::addColumn<QStringList>("expected");
        // the rollout runs from 0 to 10 s
        QTest::newRow("half a second between two phases")
            << QList<qint64>{0, 3000, 3500} << QStringList{u"running"_s, u"abnormal"_s, u"spawned"_s}
            << QStringList{u"running 0-0.3"_s, u"changing 0.3-0.35"_s, u"spawned 0.35-1"_s};
        QTest::newRow("three seconds between two phases")
            << QList<qint64>{0, 3000, 6000} << QStringList{u"running"_s, u"abnormal"_s, u"spawned"_s}
            << QStringList{u"running 0-0.3"_s, u"abnormal 0.3-0.6"_s, u"spawned 0.6-1"_s};
        QTest::newRow("abnormal at the end") << QList<qint64>{0, 9500} << QStringList{u"running"_s, u"abnormal"_s}
                                             << QStringList{u"running 0-0.95"_s, u"abnormal 0.95-1"_s};
        QTest::newRow("abnormal at the start") << QList<qint64>{0, 1000} << QStringList{u"abnormal"_s, u"running"_s}
                                               << QStringList{u"abnormal 0-0.1"_s, u"running 0.1-1"_s};
    }

    void shortAbnormalReadsChanging()
    {
        QFETCH(QList<qint64>, times);
        QFETCH(QStringList, phases);
        QFETCH(QStringList, expected);
        HostTimeline lab1;
        for (qsizetype i = 0; i < times.size(); ++i) {
            lab1.notePhase(times.at(i), phases.at(i));
        }
        SwimlaneModel model;
        model.setHosts({{u"lab-1"_s}});
        model.updateSegments([&lab1](const QString &) { return &lab1; }, 0, 10000);
        QCOMPARE(segments(model, 0), expected);
    }

    // The rollout still running: each update draws up to now, and the lanes follow.
    void segmentsGrowWithTheRollout()
    {
        HostTimeline lab1 = timeline({500, 1200}, {u"probe-01-running.txt"_s, u"probe-02-spawned.txt"_s});
        SwimlaneModel model;
        model.setHosts({{u"lab-1"_s}});
        const auto find = [&lab1](const QString &) { return &lab1; };
        model.updateSegments(find, Start, 1400);
        QCOMPARE(segments(model, 0), (QStringList{u"running 0-0.5"_s, u"spawned 0.5-1"_s}));
        lab1.append(HostTimeline::sampleOf(probe(u"probe-04-parked.txt"_s), 1600));
        model.updateSegments(find, Start, End);
        QCOMPARE(segments(model, 0), (QStringList{u"running 0-0.2"_s, u"spawned 0.2-0.6"_s, u"parked 0.6-1"_s}));
    }

    // Phases noted out of order (the engine's mark queued behind a later probe of the
    // monitor) never make a segment that ends before it starts or lies outside the lane.
    void segmentsStayInTheLane_data()
    {
        QTest::addColumn<QList<qint64>>("times");
        QTest::addColumn<QStringList>("phases");
        QTest::addColumn<QString>("last");
        QTest::newRow("a mark older than the one before")
            << QList<qint64>{500, 1600, 1400} << QStringList{u"running"_s, u"parked"_s, u"draining"_s} << u"draining"_s;
        QTest::newRow("a mark older than the start after one inside")
            << QList<qint64>{1500, 900} << QStringList{u"running"_s, u"spawned"_s} << u"spawned"_s;
        QTest::newRow("a mark at the start")
            << QList<qint64>{500, 1000, 1000} << QStringList{u"running"_s, u"spawned"_s, u"parked"_s} << u"parked"_s;
        QTest::newRow("a mark at the end")
            << QList<qint64>{500, 2000} << QStringList{u"running"_s, u"spawned"_s} << u"spawned"_s;
    }

    void segmentsStayInTheLane()
    {
        QFETCH(QList<qint64>, times);
        QFETCH(QStringList, phases);
        QFETCH(QString, last);
        HostTimeline lab1;
        for (qsizetype i = 0; i < times.size(); ++i) {
            lab1.notePhase(times.at(i), phases.at(i));
        }
        SwimlaneModel model;
        model.setHosts({{u"lab-1"_s}});
        model.updateSegments([&lab1](const QString &) { return &lab1; }, Start, End);
        const QVariantList list = model.index(0).data(SwimlaneModel::SegmentsRole).toList();
        QVERIFY(!list.isEmpty());
        double previousEnd = 0;
        for (const QVariant &segment : list) {
            const double from = segment.toMap().value(u"from"_s).toDouble();
            const double to = segment.toMap().value(u"to"_s).toDouble();
            QVERIFY2(from >= previousEnd && from <= to && to <= 1.0, qPrintable(segments(model, 0).join(u", "_s)));
            previousEnd = to;
        }
        QCOMPARE(list.constLast().toMap().value(u"phase"_s).toString(), last);
        QCOMPARE(list.constLast().toMap().value(u"to"_s).toDouble(), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestSwimlaneModel)
#include "tst_swimlanemodel.moc"
