#include "hostfiltermodel.h"
#include "hostlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

class TestHostListModel : public QObject
{
    Q_OBJECT

    static QList<HostEntry> hosts(int count)
    {
        QList<HostEntry> result;
        for (int i = 0; i < count; ++i) {
            HostEntry host;
            host.name = u"web-%1"_s.arg(i + 1);
            host.address = u"10.0.0.%1"_s.arg(i + 1);
            host.port = 2200 + i;
            host.user = u"ops"_s;
            host.groups = {u"web"_s};
            host.nginx.pidFile = u"/run/nginx.pid"_s;
            host.nginx.binary = u"/usr/sbin/nginx"_s;
            result.append(host);
        }
        return result;
    }

private Q_SLOTS:
    void modelIsConsistent()
    {
        HostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHosts(hosts(3));
        model.setHosts(hosts(1));
        model.setHosts({});
    }

    void exposesRoles()
    {
        HostListModel model;
        model.setHosts(hosts(2));
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex second = model.index(1);
        QCOMPARE(second.data(HostListModel::NameRole).toString(), u"web-2"_s);
        QCOMPARE(second.data(Qt::DisplayRole).toString(), u"web-2"_s);
        QCOMPARE(second.data(HostListModel::AddressRole).toString(), u"10.0.0.2"_s);
        QCOMPARE(second.data(HostListModel::PortRole).toInt(), 2201);
        QCOMPARE(second.data(HostListModel::UserRole).toString(), u"ops"_s);
        QCOMPARE(second.data(HostListModel::GroupsRole).toStringList(), QStringList{u"web"_s});
        QCOMPARE(second.data(HostListModel::PidFileRole).toString(), u"/run/nginx.pid"_s);
        QCOMPARE(second.data(HostListModel::ConnectionStateRole).toInt(), int(HostListModel::NotConnected));

        const QHash<int, QByteArray> roles = model.roleNames();
        QCOMPARE(roles.value(HostListModel::NameRole), QByteArray("name"));
        QCOMPARE(roles.value(HostListModel::ConnectionStateRole), QByteArray("connectionState"));
        QCOMPARE(HostListModel::NameRole, Qt::UserRole + 1);
    }

    // A snapshot as the probe gives it: master 100 (nginx 1.22.1) with two workers, or
    // mid-upgrade with new master 200 and its two workers.
    static HostSnapshot snapshot(bool spawned, int connections)
    {
        QString text = u"baton-probe 2\nquick yes\npin /run/nginx.pid\nhost web\nuptime 100\nhz 100\n"
                       u"proc 100 1 0 10 S nginx: master process /usr/sbin/nginx\n"
                       u"proc 101 100 33 11 S nginx: worker process\nproc 102 100 33 11 S nginx: worker process\n"
                       u"exe 100 /usr/sbin/nginx (deleted)\n"
                       u"conns 101 %1\n"_s.arg(connections);
        if (spawned) {
            text += u"proc 200 100 0 50 S nginx: master process /usr/sbin/nginx\n"
                    u"proc 201 200 33 51 S nginx: worker process\nproc 202 200 33 51 S nginx: worker process\n"
                    u"exe 200 /usr/sbin/nginx\npidfile /run/nginx.pid 200\noldbin /run/nginx.pid 100\n"_s;
        } else {
            text += u"pidfile /run/nginx.pid 100\noldbin /run/nginx.pid -\n"_s;
        }
        return HostSnapshot::fromProbe(text + u"end\n"_s);
    }

    // Live status: batched dataChanged, never a reset, whatever comes in.
    void statusUpdatesAreBatched()
    {
        HostListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHosts(hosts(5));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setConnecting();
        QCOMPARE(changed.size(), 1); // all five rows in one run
        QCOMPARE(model.index(4).data(HostListModel::ConnectionStateRole).toInt(), int(HostListModel::Connecting));
        changed.clear();

        // many updates in a row: nothing until the flush, then one signal per run of rows
        for (int tick = 0; tick < 20; ++tick) {
            model.updateStatus(u"web-1"_s, snapshot(false, tick));
            model.updateStatus(u"web-2"_s, snapshot(true, tick));
            model.updateStatus(u"web-4"_s, snapshot(false, 3));
        }
        QCOMPARE(changed.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, 2000); // rows 0-1, then row 3
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 3);
        QCOMPARE(reset.size(), 0);

        const QModelIndex first = model.index(0), second = model.index(1);
        QCOMPARE(first.data(HostListModel::PhaseRole).toString(), u"running"_s);
        QCOMPARE(first.data(HostListModel::ConnectionStateRole).toInt(), int(HostListModel::Connected));
        QCOMPARE(first.data(HostListModel::WorkersRole).toInt(), 2);
        QCOMPARE(first.data(HostListModel::ConnectionsRole).toInt(), 19);
        QVERIFY(first.data(HostListModel::StaleBinaryRole).toBool()); // its executable was replaced on disk
        const QList<int> history = first.data(HostListModel::ConnectionHistoryRole).value<QList<int>>();
        QCOMPARE(history.size(), 20);
        QCOMPARE(history.first(), 0);
        QCOMPARE(history.last(), 19);
        QCOMPARE(second.data(HostListModel::PhaseRole).toString(), u"spawned"_s);
        QCOMPARE(second.data(HostListModel::WorkersRole).toInt(), 2);
        QCOMPARE(second.data(HostListModel::OldWorkersRole).toInt(), 2);
        QVERIFY(!second.data(HostListModel::StaleBinaryRole).toBool()); // the new master runs the file on disk
        QCOMPARE(second.data(HostListModel::ValidStepsRole).toStringList(),
                 (QStringList{u"drain"_s, u"commit"_s, u"rollback"_s}));

        // the history keeps the last samples only
        for (int tick = 0; tick < 2 * HostListModel::HistoryLength; ++tick) {
            model.updateStatus(u"web-1"_s, snapshot(false, 1000 + tick));
        }
        model.flush();
        const QList<int> kept = model.index(0).data(HostListModel::ConnectionHistoryRole).value<QList<int>>();
        QCOMPARE(kept.size(), HostListModel::HistoryLength);
        QCOMPARE(kept.last(), 1000 + 2 * HostListModel::HistoryLength - 1);

        // a host that cannot be probed says why
        HostSnapshot failed;
        failed.error = u"connection refused"_s;
        model.updateStatus(u"web-5"_s, failed);
        model.flush();
        QCOMPARE(model.index(4).data(HostListModel::ConnectionStateRole).toInt(), int(HostListModel::Failed));
        QCOMPARE(model.index(4).data(HostListModel::ReasonRole).toString(), u"connection refused"_s);
        QCOMPARE(model.index(4).data(HostListModel::PhaseRole).toString(), QString());
        // an unknown host changes nothing
        changed.clear();
        model.updateStatus(u"nobody"_s, failed);
        model.flush();
        QCOMPARE(changed.size(), 0);
    }

    // Search and filter, kept current as live status moves hosts between filters.
    void filterFollowsSearchAndStatus()
    {
        HostListModel model;
        model.setHosts(hosts(4));
        HostFilterModel visible;
        QAbstractItemModelTester tester(&visible, QAbstractItemModelTester::FailureReportingMode::QtTest);
        visible.setSourceModel(&model);
        QSignalSpy countChanged(&visible, &HostFilterModel::countChanged);
        QCOMPARE(visible.count(), 4);

        visible.setSearch(u"WEB-2"_s); // case-insensitive
        QCOMPARE(visible.count(), 1);
        QCOMPARE(visible.index(0, 0).data(HostListModel::NameRole).toString(), u"web-2"_s);
        visible.setSearch(u"web 10.0.0.3"_s); // every word must match
        QCOMPARE(visible.count(), 1);
        visible.setSearch(u"nobody"_s);
        QCOMPARE(visible.count(), 0);
        visible.setSearch({});
        QCOMPARE(visible.count(), 4);
        QVERIFY(countChanged.size() >= 3);

        model.updateStatus(u"web-1"_s, snapshot(false, 0)); // running, but its binary was replaced
        model.updateStatus(u"web-2"_s, snapshot(true, 0)); // spawned
        HostSnapshot failed;
        failed.error = u"connection refused"_s;
        model.updateStatus(u"web-3"_s, failed);
        model.flush();
        visible.setFilter(HostFilterModel::Upgrading);
        QCOMPARE(visible.count(), 1);
        QCOMPARE(visible.index(0, 0).data(HostListModel::NameRole).toString(), u"web-2"_s);
        visible.setFilter(HostFilterModel::NeedsAttention);
        QCOMPARE(visible.count(), 2); // the stale binary and the unreachable host
        visible.setFilter(HostFilterModel::Running);
        QCOMPARE(visible.count(), 0);
        // the search matches the version and phase too
        visible.setFilter(HostFilterModel::All);
        visible.setSearch(u"spawned"_s);
        QCOMPARE(visible.count(), 1);

        // a host that finishes its upgrade leaves the "upgrading" filter by itself
        visible.setSearch({});
        visible.setFilter(HostFilterModel::Upgrading);
        QCOMPARE(visible.count(), 1);
        HostSnapshot done = snapshot(false, 0);
        model.updateStatus(u"web-2"_s, done);
        model.flush();
        QCOMPARE(visible.count(), 0);
    }

    void countNotifiesOnlyOnChange()
    {
        HostListModel model;
        QSignalSpy countChanged(&model, &HostListModel::countChanged);
        model.setHosts(hosts(2));
        QCOMPARE(countChanged.size(), 1);
        model.setHosts(hosts(2));
        QCOMPARE(countChanged.size(), 1);
        QCOMPARE(model.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestHostListModel)
#include "tst_hostlistmodel.moc"
