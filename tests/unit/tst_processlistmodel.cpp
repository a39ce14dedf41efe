#include "probefixture.h"
#include "processlistmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return probeFixture(name);
}

HostSnapshot snapshot(const QString &probe)
{
    HostSnapshot result = HostSnapshot::fromProbe(probe);
    if (!result.ok()) {
        qFatal("%s", qPrintable(result.error));
    }
    return result;
}

// @p text with the line that starts with @p start replaced by @p line.
QString replacingLine(const QString &text, const QString &start, const QString &line)
{
    QStringList lines = text.split(u'\n');
    for (QString &each : lines) {
        if (each.startsWith(start)) {
            each = line;
            return lines.join(u'\n');
        }
    }
    qFatal("no line starts with %s", qPrintable(start));
}

// The spawned record with the old master's processes listed before the new master's.
QString spawnedOldMasterFirst()
{
    QStringList lines = fixture(u"probe-02-spawned.txt"_s).split(u'\n');
    QStringList old;
    for (const QString &pid : {u"4 "_s, u"5 "_s, u"6 "_s}) {
        const qsizetype at = lines.indexOf(QRegularExpression(u"^proc "_s + pid + u".*"_s));
        old.append(lines.takeAt(at));
    }
    const qsizetype first = lines.indexOf(QRegularExpression(u"^proc 152 .*"_s));
    for (qsizetype i = 0; i < old.size(); ++i) {
        lines.insert(first + i, old.at(i));
    }
    return lines.join(u'\n');
}

// "pid depth generation kind" for every row.
QStringList rows(const ProcessListModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        result.append(u"%1 %2 %3 %4"_s.arg(index.data(ProcessListModel::PidRole).toLongLong())
                          .arg(index.data(ProcessListModel::DepthRole).toInt())
                          .arg(index.data(ProcessListModel::GenerationRole).toString(),
                               index.data(ProcessListModel::KindRole).toString()));
    }
    return result;
}

} // namespace

class TestProcessListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modelIsConsistent()
    {
        ProcessListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const QString &name : {u"probe-01-running.txt"_s,
                                    u"probe-02-spawned.txt"_s,
                                    u"probe-02-spawned.txt"_s,
                                    u"probe-03-draining.txt"_s,
                                    u"probe-04-parked.txt"_s,
                                    u"probe-05-committed.txt"_s,
                                    u"probe-06-rollback-spawned.txt"_s,
                                    u"probe-07-rolled-back.txt"_s,
                                    u"probe-08-stopped.txt"_s,
                                    u"probe-09-stale-oldbin.txt"_s,
                                    u"probe-01-running.txt"_s}) {
            model.setSnapshot(snapshot(fixture(name)));
        }
        model.clear();
        model.clear();
    }

    void rowsFollowTheProcessTree_data()
    {
        QTest::addColumn<QString>("probe");
        QTest::addColumn<QStringList>("expected");
        const QStringList newGeneration{u"152 0 new master"_s, u"156 1 new worker"_s, u"157 1 new worker"_s};

        QTest::newRow("running") << fixture(u"probe-01-running.txt"_s)
                                 << QStringList{u"4 0 new master"_s, u"5 1 new worker"_s, u"6 1 new worker"_s};
        QTest::newRow("spawned") << fixture(u"probe-02-spawned.txt"_s)
                                 << newGeneration +
                QStringList{u"4 0 old master"_s, u"5 1 old worker"_s, u"6 1 old worker"_s};
        // the order comes from the pid files, not from the order the probe listed the processes
        QTest::newRow("spawned, old master listed first")
            << spawnedOldMasterFirst()
            << newGeneration + QStringList{u"4 0 old master"_s, u"5 1 old worker"_s, u"6 1 old worker"_s};
        QTest::newRow("draining") << fixture(u"probe-03-draining.txt"_s)
                                  << newGeneration + QStringList{u"4 0 old master"_s, u"6 1 old shutting-down"_s};
        QTest::newRow("parked") << fixture(u"probe-04-parked.txt"_s)
                                << newGeneration + QStringList{u"4 0 old master"_s};
        QTest::newRow("committed") << fixture(u"probe-05-committed.txt"_s) << newGeneration;
        // after HUP the old master started new workers (803, 804); the new master is still first
        QTest::newRow("rollback spawned") << fixture(u"probe-06-rollback-spawned.txt"_s)
                                          << QStringList{u"21 0 new master"_s,
                                                         u"31 1 new worker"_s,
                                                         u"34 1 new worker"_s,
                                                         u"4 0 old master"_s,
                                                         u"803 1 old worker"_s,
                                                         u"804 1 old worker"_s};
        QTest::newRow("rolled back") << fixture(u"probe-07-rolled-back.txt"_s)
                                     << QStringList{u"4 0 new master"_s, u"803 1 new worker"_s, u"804 1 new worker"_s};
        QTest::newRow("stopped") << fixture(u"probe-08-stopped.txt"_s) << QStringList();
        QTest::newRow("stale oldbin") << fixture(u"probe-09-stale-oldbin.txt"_s) << QStringList();
        QTest::newRow("cache manager") << replacingLine(fixture(u"probe-01-running.txt"_s),
                                                        u"proc 6 "_s,
                                                        u"proc 6 4 65534 1173030 S nginx: worker process\n"
                                                        u"proc 7 4 65534 1173031 S nginx: cache manager process"_s)
                                       << QStringList{u"4 0 new master"_s,
                                                      u"5 1 new worker"_s,
                                                      u"6 1 new worker"_s,
                                                      u"7 1 new helper"_s};
    }

    void rowsFollowTheProcessTree()
    {
        QFETCH(QString, probe);
        QFETCH(QStringList, expected);
        ProcessListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy countChanged(&model, &ProcessListModel::countChanged);
        model.setSnapshot(snapshot(probe));
        QCOMPARE(rows(model), expected);
        QCOMPARE(model.count(), expected.size());
        QCOMPARE(countChanged.size(), expected.isEmpty() ? 0 : 1);
    }

    void exposesRoles()
    {
        ProcessListModel model;
        model.setSnapshot(snapshot(fixture(u"probe-03-draining.txt"_s)));
        QCOMPARE(model.rowCount(), 5);

        const QModelIndex master = model.index(0);
        const QString masterTitle =
            u"nginx: master process /tmp/tst_probe-fBCzTy/phase/hosts/lab-1/nginx/sbin/nginx -p "
            u"/tmp/tst_probe-fBCzTy/phase/hosts/lab-1/nginx/ -c /tmp/tst_probe-fBCzTy/phase/hosts/lab-1/nginx/conf/nginx.conf"_s;
        QCOMPARE(master.data(ProcessListModel::PidRole).toLongLong(), 152);
        QCOMPARE(master.data(ProcessListModel::TitleRole).toString(), masterTitle);
        QCOMPARE(master.data(Qt::DisplayRole).toString(), masterTitle);
        QCOMPARE(master.data(ProcessListModel::UserRole).toString(), u"root"_s);
        QCOMPARE(master.data(ProcessListModel::StateRole).toString(), u"S"_s);
        QCOMPARE(master.data(ProcessListModel::RssRole).toInt(), -1);
        QCOMPARE(master.data(ProcessListModel::ListeningRole).toStringList(), QStringList{u"127.0.0.1:20966"_s});
        QCOMPARE(master.data(ProcessListModel::ConnectionsRole).toInt(), 0);

        const QModelIndex oldMaster = model.index(3);
        QCOMPARE(oldMaster.data(ProcessListModel::PidRole).toLongLong(), 4);
        QCOMPARE(oldMaster.data(ProcessListModel::ListeningRole).toStringList(), QStringList{u"127.0.0.1:20966"_s});

        // the old worker still serving the half-sent request
        const QModelIndex draining = model.index(4);
        QCOMPARE(draining.data(ProcessListModel::PidRole).toLongLong(), 6);
        QCOMPARE(draining.data(ProcessListModel::KindRole).toString(), u"shutting-down"_s);
        QCOMPARE(draining.data(ProcessListModel::TitleRole).toString(), u"nginx: worker process is shutting down"_s);
        QCOMPARE(draining.data(ProcessListModel::UserRole).toString(), u"65534"_s);
        QCOMPARE(draining.data(ProcessListModel::ConnectionsRole).toInt(), 1);
        QCOMPARE(draining.data(ProcessListModel::ListeningRole).toStringList(), QStringList());
        QVERIFY(!draining.data(Qt::DecorationRole).isValid());

        const QHash<int, QByteArray> roles = model.roleNames();
        const QHash<int, QByteArray> expected{
            {ProcessListModel::PidRole, "pid"},
            {ProcessListModel::DepthRole, "depth"},
            {ProcessListModel::GenerationRole, "generation"},
            {ProcessListModel::KindRole, "kind"},
            {ProcessListModel::UserRole, "user"},
            {ProcessListModel::UptimeRole, "uptimeSeconds"},
            {ProcessListModel::RssRole, "rssKiB"},
            {ProcessListModel::StateRole, "state"},
            {ProcessListModel::TitleRole, "title"},
            {ProcessListModel::ListeningRole, "listening"},
            {ProcessListModel::ConnectionsRole, "connections"},
        };
        QCOMPARE(roles, expected);
        QCOMPARE(ProcessListModel::PidRole, Qt::UserRole + 1);
    }

    // Uptime: the record's uptime less the start time (clock ticks at the record's hz).
    void uptimeFromStartTime_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<qint64>("pid");
        QTest::addColumn<qint64>("uptime");
        // uptime 11733 s; started at tick 1173256, 1173029 and 1173328 (hz 100)
        QTest::newRow("new master") << 0 << qint64(21) << qint64(1);
        QTest::newRow("old master") << 3 << qint64(4) << qint64(3);
        QTest::newRow("worker started after HUP") << 4 << qint64(803) << qint64(0);
    }

    void uptimeFromStartTime()
    {
        QFETCH(int, row);
        QFETCH(qint64, pid);
        QFETCH(qint64, uptime);
        ProcessListModel model;
        model.setSnapshot(snapshot(fixture(u"probe-06-rollback-spawned.txt"_s)));
        QCOMPARE(model.index(row).data(ProcessListModel::PidRole).toLongLong(), pid);
        QCOMPARE(model.index(row).data(ProcessListModel::UptimeRole).toLongLong(), uptime);
    }

    // The same processes a second later: their data changes, the rows stay (no reset).
    void sameProcessesOnlyChangeData()
    {
        ProcessListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString spawned = fixture(u"probe-02-spawned.txt"_s);
        model.setSnapshot(snapshot(spawned));
        QCOMPARE(model.count(), 6);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy countChanged(&model, &ProcessListModel::countChanged);
        QString later = replacingLine(spawned, u"uptime "_s, u"uptime 11791"_s);
        later = replacingLine(later, u"conns 6 "_s, u"conns 6 7"_s);
        later = replacingLine(later, u"hz "_s, u"hz 100\nrss 152 2500"_s);
        later =
            replacingLine(later, u"proc 5 "_s, u"proc 5 4 65534 1173030 S nginx: worker process is shutting down"_s);
        model.setSnapshot(snapshot(later));

        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(countChanged.size(), 0);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 5);
        QCOMPARE(model.index(0).data(ProcessListModel::UptimeRole).toLongLong(), 61);
        QCOMPARE(model.index(4).data(ProcessListModel::KindRole).toString(), u"shutting-down"_s);
        QCOMPARE(model.index(5).data(ProcessListModel::ConnectionsRole).toInt(), 7);
        QCOMPARE(model.index(0).data(ProcessListModel::RssRole).toLongLong(), 10000);
    }

    // A process coming or going (or a pid reused by another process) rebuilds the rows.
    void processesComingOrGoingRebuildRows_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<int>("countBefore");
        QTest::addColumn<int>("countAfter");
        const QString running = fixture(u"probe-01-running.txt"_s);
        QTest::newRow("spawn") << running << fixture(u"probe-02-spawned.txt"_s) << 3 << 6;
        QTest::newRow("an old worker exits")
            << fixture(u"probe-02-spawned.txt"_s) << fixture(u"probe-03-draining.txt"_s) << 6 << 5;
        QTest::newRow("the last old worker exits")
            << fixture(u"probe-03-draining.txt"_s) << fixture(u"probe-04-parked.txt"_s) << 5 << 4;
        QTest::newRow("commit") << fixture(u"probe-04-parked.txt"_s) << fixture(u"probe-05-committed.txt"_s) << 4 << 3;
        QTest::newRow("rollback") << fixture(u"probe-06-rollback-spawned.txt"_s)
                                  << fixture(u"probe-07-rolled-back.txt"_s) << 6 << 3;
        QTest::newRow("stop") << fixture(u"probe-07-rolled-back.txt"_s) << fixture(u"probe-08-stopped.txt"_s) << 3 << 0;
        QTest::newRow("start") << fixture(u"probe-08-stopped.txt"_s) << running << 0 << 3;
        QTest::newRow("other processes, as many") << running << fixture(u"probe-05-committed.txt"_s) << 3 << 3;
        QTest::newRow("pid reused by a newer worker")
            << running << replacingLine(running, u"proc 6 "_s, u"proc 6 4 65534 1173090 S nginx: worker process"_s) << 3
            << 3;
    }

    void processesComingOrGoingRebuildRows()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(int, countBefore);
        QFETCH(int, countAfter);
        ProcessListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot(before));
        QCOMPARE(model.count(), countBefore);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy countChanged(&model, &ProcessListModel::countChanged);
        model.setSnapshot(snapshot(after));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(model.count(), countAfter);
        QCOMPARE(countChanged.size(), countBefore == countAfter ? 0 : 1);
    }

    // Resident memory: the probe's pages at its page size (4096 bytes when it does not say).
    void residentMemory_data()
    {
        QTest::addColumn<QString>("lines");
        QTest::addColumn<int>("row");
        QTest::addColumn<qint64>("rssKiB");
        QTest::newRow("not reported") << QString() << 0 << qint64(-1);
        QTest::newRow("default page size") << u"rss 4 1234\nrss 5 2000\n"_s << 0 << qint64(4936);
        QTest::newRow("16 KiB pages") << u"pagesize 16384\nrss 4 1234\nrss 5 2000\n"_s << 1 << qint64(32000);
        QTest::newRow("another process's") << u"rss 4 1234\n"_s << 2 << qint64(-1);
    }

    void residentMemory()
    {
        QFETCH(QString, lines);
        QFETCH(int, row);
        QFETCH(qint64, rssKiB);
        const QString running = fixture(u"probe-01-running.txt"_s);
        ProcessListModel model;
        model.setSnapshot(snapshot(replacingLine(running, u"hz "_s, u"hz 100\n"_s + lines)));
        QCOMPARE(model.index(row).data(ProcessListModel::RssRole).toLongLong(), rssKiB);
    }

    void failedProbeEmptiesTheList()
    {
        ProcessListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(snapshot(fixture(u"probe-02-spawned.txt"_s)));
        QSignalSpy countChanged(&model, &ProcessListModel::countChanged);
        HostSnapshot failed;
        failed.error = u"connection refused"_s;
        model.setSnapshot(failed);
        QCOMPARE(model.count(), 0);
        QCOMPARE(countChanged.size(), 1);

        model.setSnapshot(snapshot(fixture(u"probe-01-running.txt"_s)));
        QCOMPARE(model.count(), 3);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.clear();
        QCOMPARE(model.count(), 0);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(countChanged.size(), 3);
        model.clear(); // nothing left to clear: no signal
        QCOMPARE(reset.size(), 1);
        QCOMPARE(countChanged.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestProcessListModel)
#include "tst_processlistmodel.moc"
