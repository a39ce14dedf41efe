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
