#include "comparison.h"
#include "fleet.h"
#include "probefixture.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

HostSnapshot probe(const QString &name)
{
    return probeSnapshot<HostSnapshot>(name);
}

const QString Sha1221 = u"1889a003e9f52ab89d09acf455730fca6b1afb4ce75464db9dda0c1b39fb161d"_s;
const QString Sha1263 = u"3f804ae7dda33a8368993d5d6087bfbc5fbf8c8ed1760af12fc9e8a74966d8a7"_s;
const QStringList FixedRows{u"Phase"_s,
                            u"Workers"_s,
                            u"Version"_s,
                            u"Compiler"_s,
                            u"OpenSSL"_s,
                            u"Binary sha256 (running)"_s,
                            u"Binary sha256 (on disk)"_s,
                            u"Modules compiled in"_s,
                            u"Dynamic modules"_s,
                            u"Configuration sha256 (nginx -T)"_s};
constexpr int ArgumentsOf1221 = 44; // nginx 1.22.1 of Debian 12; 1.26.3 adds --with-http_v3_module

int rowOf(const Comparison &comparison, const QString &label)
{
    for (int row = 0; row < comparison.rowCount(); ++row) {
        if (comparison.index(row).data(Comparison::LabelRole).toString() == label) {
            return row;
        }
    }
    return -1;
}

} // namespace

// The hosts here are not in any inventory: Comparison reads the configurations (nginx -T)
// of inventory hosts only, over SSH, so no test here connects anywhere, and configDiff
// (filled only by those reads) stays empty.
class TestComparison : public QObject
{
    Q_OBJECT

    Fleet m_fleet{nullptr}; // one per process; not polling, so no SSH

private Q_SLOTS:
    void initTestCase()
    {
        m_fleet.takeSnapshot(u"old-1"_s, probe(u"probe-01-running.txt"_s)); // 1.22.1
        m_fleet.takeSnapshot(u"old-2"_s, probe(u"probe-07-rolled-back.txt"_s)); // 1.22.1, same binary
        m_fleet.takeSnapshot(u"new-1"_s, probe(u"probe-05-committed.txt"_s)); // 1.26.3
        m_fleet.takeSnapshot(u"mid-1"_s, probe(u"probe-02-spawned.txt"_s)); // 1.26.3 beside 1.22.1
        m_fleet.takeSnapshot(u"stopped-1"_s, probe(u"probe-08-stopped.txt"_s));
    }

    void modelIsConsistent()
    {
        Comparison comparison(&m_fleet);
        QAbstractItemModelTester tester(&comparison, QAbstractItemModelTester::FailureReportingMode::QtTest);
        comparison.compare({u"old-1"_s, u"old-2"_s});
        comparison.compare({u"old-1"_s, u"new-1"_s});
        comparison.compare({u"new-1"_s, u"old-1"_s});
        comparison.compare({u"old-1"_s, u"new-1"_s, u"mid-1"_s, u"stopped-1"_s, u"nobody"_s});
        comparison.refresh();
        comparison.compare({u"stopped-1"_s});
        comparison.compare({});
    }

    void exposesRoles()
    {
        Comparison comparison(&m_fleet);
        comparison.compare({u"old-1"_s, u"new-1"_s});
        const QModelIndex version = comparison.index(2);
        QCOMPARE(version.data(Qt::DisplayRole).toString(), u"Version"_s);
        QCOMPARE(version.data(Comparison::LabelRole).toString(), u"Version"_s);
        QCOMPARE(version.data(Comparison::SectionRole).toString(), u"build"_s);
        QCOMPARE(version.data(Comparison::ValuesRole).toStringList(),
                 (QStringList{u"nginx/1.22.1"_s, u"nginx/1.26.3"_s}));
        QVERIFY(version.data(Comparison::DiffersRole).toBool());

        const QHash<int, QByteArray> expected{{Comparison::LabelRole, "label"},
                                              {Comparison::SectionRole, "section"},
                                              {Comparison::ValuesRole, "values"},
                                              {Comparison::DiffersRole, "differs"}};
        QCOMPARE(comparison.roleNames(), expected);
        QCOMPARE(Comparison::LabelRole, Qt::UserRole + 1);
    }

    // The facts first, in a fixed order, then one row per configure argument: the first
    // host's in its order, then those only later hosts have.
    void rowOrder()
    {
        Comparison comparison(&m_fleet);
        comparison.compare({u"old-1"_s, u"new-1"_s});
        QCOMPARE(comparison.count(), FixedRows.size() + ArgumentsOf1221 + 1);
        QStringList labels, sections;
        for (int row = 0; row < comparison.rowCount(); ++row) {
            labels.append(comparison.index(row).data(Comparison::LabelRole).toString());
            sections.append(comparison.index(row).data(Comparison::SectionRole).toString());
        }
        QCOMPARE(labels.mid(0, FixedRows.size()), FixedRows);
        QCOMPARE(sections.mid(0, 3), (QStringList{u"host"_s, u"host"_s, u"build"_s}));
        QCOMPARE(sections.at(FixedRows.size() - 1), u"configuration"_s);
        QCOMPARE(labels.at(FixedRows.size()), u"--with-cc-opt"_s);
        QCOMPARE(labels.constLast(), u"--with-http_v3_module"_s);
        QCOMPARE(labels.at(FixedRows.size() + ArgumentsOf1221 - 1), u"--with-stream_geoip_module"_s);
        QCOMPARE(QSet<QString>(labels.cbegin(), labels.cend()).size(), labels.size()); // one row per argument
        for (qsizetype row = FixedRows.size(); row < sections.size(); ++row) {
            QCOMPARE(sections.at(row), u"arguments"_s);
        }

        // the newer host first: its own order, --with-http_v3_module after --with-http_v2_module
        comparison.compare({u"new-1"_s, u"old-1"_s});
        const int v2 = rowOf(comparison, u"--with-http_v2_module"_s);
        QVERIFY(v2 > 0);
        QCOMPARE(rowOf(comparison, u"--with-http_v3_module"_s), v2 + 1);
    }

    // A row differs when, and only when, the hosts' values differ.
    void rowDiffers_data()
    {
        QTest::addColumn<QStringList>("hosts");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<bool>("differs");
        const QStringList same{u"old-1"_s, u"old-2"_s};
        const QStringList upgrade{u"old-1"_s, u"new-1"_s};
        const QString ccOpt1221 = u"-g -O2 -ffile-prefix-map=/build/reproducible-path/nginx-1.22.1=. "
                                  u"-fstack-protector-strong -Wformat -Werror=format-security -fPIC -Wdate-time "
                                  u"-D_FORTIFY_SOURCE=2"_s;
        const QString ccOpt1263 =
            u"-g -O2 -Werror=implicit-function-declaration -ffile-prefix-map=/build/reproducible-path/nginx-1.26.3=. "
            u"-fstack-protector-strong -fstack-clash-protection -Wformat -Werror=format-security -fcf-protection "
            u"-fPIC -Wdate-time -D_FORTIFY_SOURCE=2"_s;

        QTest::newRow("same build: version")
            << same << u"Version"_s << QStringList{u"nginx/1.22.1"_s, u"nginx/1.22.1"_s} << false;
        QTest::newRow("same build: running binary")
            << same << u"Binary sha256 (running)"_s << QStringList{Sha1221, Sha1221} << false;
        QTest::newRow("same build: --with-cc-opt")
            << same << u"--with-cc-opt"_s << QStringList{ccOpt1221, ccOpt1221} << false;
        QTest::newRow("both running") << same << u"Phase"_s << QStringList{u"running"_s, u"running"_s} << false;
        QTest::newRow("upgrade: version")
            << upgrade << u"Version"_s << QStringList{u"nginx/1.22.1"_s, u"nginx/1.26.3"_s} << true;
        QTest::newRow("upgrade: running binary")
            << upgrade << u"Binary sha256 (running)"_s << QStringList{Sha1221, Sha1263} << true;
        QTest::newRow("upgrade: binary on disk")
            << upgrade << u"Binary sha256 (on disk)"_s << QStringList{Sha1221, Sha1263} << true;
        QTest::newRow("upgrade: same OpenSSL at run time")
            << upgrade << u"OpenSSL"_s << QStringList{u"OpenSSL 3.5.9 29 Sep 2026"_s, u"OpenSSL 3.5.9 29 Sep 2026"_s}
            << false;
        QTest::newRow("upgrade: no compiler line either")
            << upgrade << u"Compiler"_s << QStringList{QString(), QString()} << false;
        QTest::newRow("upgrade: configurations not read")
            << upgrade << u"Configuration sha256 (nginx -T)"_s << QStringList{QString(), QString()} << false;
        QTest::newRow("upgrade: workers") << upgrade << u"Workers"_s << QStringList{u"2"_s, u"2"_s} << false;
        // a value with '=' in it is kept whole
        QTest::newRow("upgrade: --with-cc-opt")
            << upgrade << u"--with-cc-opt"_s << QStringList{ccOpt1221, ccOpt1263} << true;
        QTest::newRow("upgrade: --prefix")
            << upgrade << u"--prefix"_s << QStringList{u"/usr/share/nginx"_s, u"/usr/share/nginx"_s} << false;
        QTest::newRow("upgrade: a flag both have")
            << upgrade << u"--with-http_ssl_module"_s << QStringList{u"✓"_s, u"✓"_s} << false;
        QTest::newRow("upgrade: a flag one has")
            << upgrade << u"--with-http_v3_module"_s << QStringList{QString(), u"✓"_s} << true;
        QTest::newRow("upgrade: dynamic modules")
            << upgrade << u"--with-http_geoip_module"_s << QStringList{u"dynamic"_s, u"dynamic"_s} << false;
        QTest::newRow("mid-upgrade: phase")
            << QStringList{u"old-1"_s, u"mid-1"_s} << u"Phase"_s << QStringList{u"running"_s, u"spawned"_s} << true;
        // the pid file's master: the new one
        QTest::newRow("mid-upgrade: version") << QStringList{u"mid-1"_s, u"new-1"_s} << u"Version"_s
                                              << QStringList{u"nginx/1.26.3"_s, u"nginx/1.26.3"_s} << false;
        QTest::newRow("stopped: nothing runs") << QStringList{u"old-1"_s, u"stopped-1"_s} << u"Version"_s
                                               << QStringList{u"nginx/1.22.1"_s, QString()} << true;
        QTest::newRow("stopped: workers")
            << QStringList{u"old-1"_s, u"stopped-1"_s} << u"Workers"_s << QStringList{u"2"_s, u"0"_s} << true;
        QTest::newRow("never probed") << QStringList{u"old-1"_s, u"nobody"_s} << u"Phase"_s
                                      << QStringList{u"running"_s, QString()} << true;
        QTest::newRow("one host") << QStringList{u"new-1"_s} << u"Version"_s << QStringList{u"nginx/1.26.3"_s} << false;
        QTest::newRow("three hosts, the last differs")
            << QStringList{u"old-1"_s, u"old-2"_s, u"new-1"_s} << u"Version"_s
            << QStringList{u"nginx/1.22.1"_s, u"nginx/1.22.1"_s, u"nginx/1.26.3"_s} << true;
        QTest::newRow("three hosts, the first differs")
            << QStringList{u"new-1"_s, u"old-1"_s, u"old-2"_s} << u"--with-http_v3_module"_s
            << QStringList{u"✓"_s, QString(), QString()} << true;
    }

    void rowDiffers()
    {
        QFETCH(QStringList, hosts);
        QFETCH(QString, label);
        QFETCH(QStringList, values);
        QFETCH(bool, differs);
        Comparison comparison(&m_fleet);
        comparison.compare(hosts);
        QCOMPARE(comparison.hosts(), hosts);
        const int row = rowOf(comparison, label);
        QVERIFY2(row >= 0, qPrintable(label));
        QCOMPARE(comparison.index(row).data(Comparison::ValuesRole).toStringList(), values);
        QCOMPARE(comparison.index(row).data(Comparison::DiffersRole).toBool(), differs);
    }

    void countsDifferences_data()
    {
        QTest::addColumn<QStringList>("hosts");
        QTest::addColumn<int>("differences");
        QTest::newRow("same build") << QStringList{u"old-1"_s, u"old-2"_s} << 0;
        // version, both sums, modules compiled in, --with-cc-opt, --with-http_v3_module
        QTest::newRow("upgrade") << QStringList{u"old-1"_s, u"new-1"_s} << 6;
        QTest::newRow("one host") << QStringList{u"old-1"_s} << 0;
    }

    void countsDifferences()
    {
        QFETCH(QStringList, hosts);
        QFETCH(int, differences);
        Comparison comparison(&m_fleet);
        comparison.compare(hosts);
        QCOMPARE(comparison.differences(), differences);
    }

    // New probes of the same hosts: data changes while the rows stay; a new argument adds a row.
    void refreshFollowsSnapshots()
    {
        m_fleet.takeSnapshot(u"live-1"_s, probe(u"probe-01-running.txt"_s));
        m_fleet.takeSnapshot(u"live-2"_s, probe(u"probe-01-running.txt"_s));
        Comparison comparison(&m_fleet);
        QAbstractItemModelTester tester(&comparison, QAbstractItemModelTester::FailureReportingMode::QtTest);
        comparison.compare({u"live-1"_s, u"live-2"_s});
        QCOMPARE(comparison.count(), FixedRows.size() + ArgumentsOf1221);
        QCOMPARE(comparison.differences(), 0);

        QSignalSpy reset(&comparison, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&comparison, &QAbstractItemModel::dataChanged);
        QSignalSpy countChanged(&comparison, &Comparison::countChanged);
        // live-2 spawned a 1.26.3 master: one argument more
        m_fleet.takeSnapshot(u"live-2"_s, probe(u"probe-02-spawned.txt"_s));
        comparison.refresh();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(countChanged.size(), 1);
        QCOMPARE(comparison.count(), FixedRows.size() + ArgumentsOf1221 + 1);
        QCOMPARE(comparison.index(0).data(Comparison::ValuesRole).toStringList(),
                 (QStringList{u"running"_s, u"spawned"_s}));

        // live-2 cannot be reached: its phase says why, its build is the last one seen
        HostSnapshot failed;
        failed.error = u"connection refused"_s;
        m_fleet.takeSnapshot(u"live-2"_s, failed);
        comparison.refresh();
        QCOMPARE(reset.size(), 1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), comparison.count() - 1);
        QCOMPARE(comparison.index(0).data(Comparison::ValuesRole).toStringList(),
                 (QStringList{u"running"_s, u"connection refused"_s}));
        QCOMPARE(comparison.index(1).data(Comparison::ValuesRole).toStringList(), (QStringList{u"2"_s, QString()}));
        QCOMPARE(comparison.index(2).data(Comparison::ValuesRole).toStringList(),
                 (QStringList{u"nginx/1.22.1"_s, u"nginx/1.26.3"_s}));

        // back to its old build: the extra argument row goes
        m_fleet.takeSnapshot(u"live-2"_s, probe(u"probe-07-rolled-back.txt"_s));
        comparison.refresh();
        QCOMPARE(reset.size(), 2);
        QCOMPARE(comparison.count(), FixedRows.size() + ArgumentsOf1221);
        QCOMPARE(comparison.differences(), 0);
    }

    void configurationsNeedAnInventoryHost()
    {
        Comparison comparison(&m_fleet);
        QSignalSpy hostsChanged(&comparison, &Comparison::hostsChanged);
        QSignalSpy configsChanged(&comparison, &Comparison::configsChanged);
        comparison.compare({u"old-1"_s, u"new-1"_s, u"mid-1"_s});
        QCOMPARE(hostsChanged.size(), 1);
        QCOMPARE(comparison.loading(), 0); // no read started: not inventory hosts
        QCOMPARE(comparison.configDiff(), QString());
        QCOMPARE(comparison.configError(), u"old-1: not probed yet\nnew-1: not probed yet\nmid-1: not probed yet"_s);
        QCOMPARE(comparison.left(), 0);
        QCOMPARE(comparison.right(), 1);

        configsChanged.clear();
        comparison.setRight(2);
        QCOMPARE(comparison.right(), 2);
        QCOMPARE(configsChanged.size(), 1);
        comparison.setRight(2); // unchanged
        comparison.setRight(3); // no such host
        comparison.setLeft(-1);
        QCOMPARE(configsChanged.size(), 1);
        QCOMPARE(comparison.left(), 0);
        QCOMPARE(comparison.right(), 2);

        // a new comparison starts again from the first two hosts
        comparison.compare({u"new-1"_s});
        QCOMPARE(comparison.left(), 0);
        QCOMPARE(comparison.right(), 0);
        QCOMPARE(comparison.configError(), u"new-1: not probed yet"_s);
    }
};

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
