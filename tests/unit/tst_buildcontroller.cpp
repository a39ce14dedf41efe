#include "fleet.h"
#include "hostbuild.h"
#include "temporarysettings.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// The Upgrade page's build panel: the configure arguments as edited against the running
// build's, the built binary handed to the upgrade steps, and what a running step allows.
class TestBuildController : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<Fleet> m_fleet;

    const QStringList m_running{u"--prefix=/usr/share/nginx"_s,
                                u"--with-cc-opt=-g -O2 -fstack-protector-strong"_s,
                                u"--with-http_ssl_module"_s,
                                u"--with-pcre-jit"_s};

    BuildController *build() { return m_fleet->build(); }

    // the kinds of the changes, "kind argument" each
    QStringList changes()
    {
        QStringList kinds;
        for (const QVariant &change : build()->changes()) {
            const QVariantMap map = change.toMap();
            kinds.append(map.value(u"change"_s).toString() + u' ' + map.value(u"argument"_s).toString());
        }
        return kinds;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<TemporarySettings>();
        m_fleet = std::make_unique<Fleet>(nullptr);
        QFile file(m_dir.filePath(u"inventory.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        // nothing listens on port 1: a connection is refused at once
        file.write(R"({"version": 1, "hosts": [
            {"name": "lab-1", "address": "127.0.0.1", "port": 1},
            {"name": "lab-2", "address": "127.0.0.2", "port": 1}]})");
        file.close();
        QVERIFY(m_fleet->loadInventory(file.fileName()));
        m_fleet->setCurrentHost(u"lab-1"_s);
        QCOMPARE(build()->host(), u"lab-1"_s);
    }

    void init() { build()->setRunningArguments(m_running); }

    void loadedArgumentsAreAllSame()
    {
        QVERIFY(build()->argumentsLoaded());
        QCOMPARE(build()->arguments(), m_running);
        QCOMPARE(build()->changes().size(), m_running.size());
        for (const QString &line : changes()) {
            QVERIFY2(line.startsWith(u"same "_s), qPrintable(line));
        }
    }

    void editsShowAsChanges_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("set a value") << u"set 0 --prefix=/apps/nginx"_s
                                     << QStringList{u"changed --prefix=/apps/nginx"_s,
                                                    u"same --with-cc-opt=-g -O2 -fstack-protector-strong"_s,
                                                    u"same --with-http_ssl_module"_s,
                                                    u"same --with-pcre-jit"_s};
        QTest::newRow("add") << u"add --with-http_v2_module"_s
                             << QStringList{u"same --prefix=/usr/share/nginx"_s,
                                            u"same --with-cc-opt=-g -O2 -fstack-protector-strong"_s,
                                            u"same --with-http_ssl_module"_s,
                                            u"same --with-pcre-jit"_s,
                                            u"added --with-http_v2_module"_s};
        QTest::newRow("remove") << u"remove 2"_s
                                << QStringList{u"same --prefix=/usr/share/nginx"_s,
                                               u"same --with-cc-opt=-g -O2 -fstack-protector-strong"_s,
                                               u"same --with-pcre-jit"_s,
                                               u"dropped --with-http_ssl_module"_s};
        QTest::newRow("set empty removes") << u"set 3 "_s
                                           << QStringList{u"same --prefix=/usr/share/nginx"_s,
                                                          u"same --with-cc-opt=-g -O2 -fstack-protector-strong"_s,
                                                          u"same --with-http_ssl_module"_s,
                                                          u"dropped --with-pcre-jit"_s};
    }

    void editsShowAsChanges()
    {
        QFETCH(QString, edit);
        QFETCH(QStringList, expected);
        QSignalSpy changed(build(), &BuildController::argumentsChanged);
        const QString verb = edit.section(u' ', 0, 0);
        const QString rest = edit.section(u' ', 1);
        if (verb == u"set") {
            build()->setArgument(rest.section(u' ', 0, 0).toInt(), rest.section(u' ', 1));
        } else if (verb == u"add") {
            build()->addArgument(rest);
        } else {
            build()->removeArgument(rest.toInt());
        }
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changes(), expected);
        // the rows of what is kept index the edited list; a dropped one has none
        for (const QVariant &change : build()->changes()) {
            const QVariantMap map = change.toMap();
            const int row = map.value(u"row"_s).toInt();
            if (map.value(u"change"_s).toString() == u"dropped") {
                QCOMPARE(row, -1);
            } else {
                QCOMPARE(build()->arguments().at(row), map.value(u"argument"_s).toString());
            }
        }
        build()->resetArguments();
        QCOMPARE(build()->arguments(), m_running);
    }

    void changedShowsWhatItWas()
    {
        build()->setArgument(0, u"--prefix=/apps/nginx"_s);
        const QVariantMap first = build()->changes().constFirst().toMap();
        QCOMPARE(first.value(u"change"_s).toString(), u"changed"_s);
        QCOMPARE(first.value(u"was"_s).toString(), u"--prefix=/usr/share/nginx"_s);
    }

    void restoreReturnsADroppedArgumentToItsPlace()
    {
        build()->removeArgument(1);
        build()->addArgument(u"--with-http_v2_module"_s);
        build()->restoreArgument(m_running.at(1));
        QCOMPARE(build()->arguments(), m_running + QStringList{u"--with-http_v2_module"_s});
        // not an argument of the running build, or one kept already: nothing happens
        QSignalSpy changed(build(), &BuildController::argumentsChanged);
        build()->restoreArgument(u"--with-debug"_s);
        build()->restoreArgument(m_running.at(0));
        build()->addArgument(m_running.at(0));
        build()->addArgument(u"  "_s);
        build()->setArgument(9, u"--x"_s);
        build()->removeArgument(-1);
        QCOMPARE(changed.size(), 0);
    }

    void useAsTargetSetsTheUpgradeTarget()
    {
        UpgradeController *upgrade = m_fleet->upgrade();
        upgrade->setTargetKind(u"local"_s);
        upgrade->setTargetPath(u"/home/me/nginx"_s);
        build()->useAsTarget(); // nothing built: nothing changes
        QCOMPARE(upgrade->targetPath(), u"/home/me/nginx"_s);
        BuildReport report;
        report.ok = true;
        report.message = u"built nginx 1.26.3"_s;
        report.binary = u"/home/ops/.cache/baton/builds/nginx-ab12/src/objs/nginx"_s;
        report.version = u"1.26.3"_s;
        build()->takeReport(report);
        QCOMPARE(build()->builtBinary(), report.binary);
        QCOMPARE(build()->lastReport().value(u"binary"_s).toString(), report.binary);
        build()->useAsTarget();
        QCOMPARE(upgrade->targetKind(), u"remote"_s);
        QCOMPARE(upgrade->targetPath(), report.binary);
        // a failed build offers nothing
        report.ok = false;
        build()->takeReport(report);
        QVERIFY(build()->builtBinary().isEmpty());
        upgrade->setTargetPath(u"/home/me/nginx"_s);
    }

    // A step runs off the GUI thread; while it does, edits and other steps wait. A host
    // that refuses the connection ends the build with a report, not a hang.
    void busyWhileAStepRuns()
    {
        QAbstractItemModelTester tester(build()->output(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        build()->setSourcePath(m_dir.filePath(u"nginx-1.26.3.tar.gz"_s));
        QSignalSpy busy(build(), &BuildController::busyChanged);
        QSignalSpy finished(build(), &BuildController::finished);
        build()->build();
        QVERIFY(build()->isBusy());
        QCOMPARE(build()->runningStep(), u"build"_s);
        build()->build(); // ignored: one at a time
        build()->preflight();
        build()->addArgument(u"--with-debug"_s);
        QCOMPARE(build()->arguments(), m_running);
        m_fleet->setCurrentHost(u"lab-2"_s); // the panel stays on the host it builds on
        QCOMPARE(build()->host(), u"lab-1"_s);
        build()->cancel();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.constFirst().at(0).toString(), u"build"_s);
        QCOMPARE(finished.constFirst().at(1).toBool(), false);
        QVERIFY(!build()->isBusy());
        QCOMPARE(build()->runningStep(), QString());
        QCOMPARE(busy.size(), 2);
        QCOMPARE(build()->lastReport().value(u"ok"_s).toBool(), false);
        QVERIFY(!build()->lastReport().value(u"message"_s).toString().isEmpty());
        QVERIFY(build()->builtBinary().isEmpty());
        build()->useAsTarget();
        QCOMPARE(m_fleet->upgrade()->targetPath(), u"/home/me/nginx"_s);
        // once idle, it follows the current host again and forgets the other's state
        m_fleet->setCurrentHost(u"lab-1"_s);
        m_fleet->setCurrentHost(u"lab-2"_s);
        QCOMPARE(build()->host(), u"lab-2"_s);
        QVERIFY(!build()->argumentsLoaded());
        QVERIFY(build()->lastReport().isEmpty());
        m_fleet->setCurrentHost(u"lab-1"_s);
    }
};

QTEST_GUILESS_MAIN(TestBuildController)
#include "tst_buildcontroller.moc"
