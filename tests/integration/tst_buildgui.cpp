#include "../qml/guitestsupport.h"
#include "../unit/temporarysettings.h"
#include "fakenginxsource.h"
#include "fleet.h"
#include "labfixture.h"
#include "labshell.h"
#include "nginxbuild.h"
#include "shellquote.h"
#include "windowclicker.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Baton_CorePlugin)
Q_IMPORT_QML_PLUGIN(Baton_UiPlugin)

using namespace Baton;
using namespace Qt::StringLiterals;
using LabShell::sh;

// The Upgrade page's build panel on a lab host, through the real window: the running
// master's arguments read, edited into those of the lab's 1.26 binary, a build from a fake
// source tarball with its output streamed while make runs, and the built binary made the
// upgrade's target. With BATON_SCREENSHOT_DIR=DIR the panel is kept as PNGs there.
class TestBuildGui : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    QTemporaryDir m_dir;
    std::unique_ptr<TemporarySettings> m_settings;
    std::unique_ptr<Fleet> m_fleet;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;
    Inventory m_inventory;

    // The visible, enabled item named @p name, clicked with the mouse.
    bool click(const QString &name) { return WindowClicker::click(m_window, name); }

    void shoot(const QString &name) const
    {
        if (const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            QTest::qWait(200); // the last rows laid out
            m_window->grabWindow().save(dir + u'/' + name + u".png"_s);
        }
    }

    QStringList argumentsOf(const QString &binary)
    {
        QString error;
        const auto build =
            NginxBuild::parse(sh(m_inventory.hosts.constFirst(), shellJoin({binary, u"-V"_s}) + u" 2>&1"_s), &error);
        if (!build) {
            qWarning("%s", qPrintable(error));
            return {};
        }
        return build->configureArguments;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        QVERIFY(m_dir.isValid());
        const auto inventory = m_lab.up(u"buildgui"_s, 1);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        m_inventory = *inventory;
        m_settings = std::make_unique<TemporarySettings>();
        m_fleet = std::make_unique<Fleet>(nullptr);
        QVERIFY2(m_fleet->loadInventory(m_lab.directory(u"buildgui"_s) + u"/inventory.json"_s),
                 qPrintable(m_fleet->errorString()));
        m_fleet->setCurrentHost(m_inventory.hosts.constFirst().name);
        m_engine = std::make_unique<QQmlApplicationEngine>();
        m_engine->loadFromModule("Baton.Ui", "Main");
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        m_window->setProperty("page", u"upgrade"_s);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void init() { QTest::failOnWarning(PlatformWarnings::anyButPlatform()); }

    void buildsTheTargetOnTheHost()
    {
        BuildController *build = m_fleet->build();
        const HostEntry &host = m_inventory.hosts.constFirst();
        const QStringList running = argumentsOf(host.nginx.binary);
        QVERIFY(running.size() > 5);
        const QStringList target = argumentsOf(qEnvironmentVariable("BATON_LAB_NGINX_NEW"));
        QVERIFY(!target.isEmpty());

        // opening the panel reads the running master's arguments
        QSignalSpy finished(build, &BuildController::finished);
        QVERIFY(click(u"buildFromSource"_s));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.constLast().at(1).toBool(), qPrintable(build->log().join(u'\n')));
        QCOMPARE(build->arguments(), running);

        // edited into those of the 1.26 binary, a row at a time as the panel does
        for (int row = 0; row < target.size(); ++row) {
            if (row < build->arguments().size()) {
                build->setArgument(row, target.at(row));
            } else {
                build->addArgument(target.at(row));
            }
        }
        while (build->arguments().size() > target.size()) {
            build->removeArgument(int(build->arguments().size()) - 1);
        }
        QCOMPARE(build->arguments(), target);
        const QVariantList changes = build->changes();
        QVERIFY(std::any_of(changes.begin(), changes.end(), [](const QVariant &change) {
            return change.toMap().value(u"change"_s).toString() != u"same";
        }));

        FakeNginxSource fake;
        fake.version = m_inventory.lab->newVersion;
        fake.binary = qEnvironmentVariable("BATON_LAB_NGINX_NEW");
        fake.makeSeconds = 3;
        QString error;
        const QString tarball = fake.write(m_dir.path(), &error);
        QVERIFY2(!tarball.isEmpty(), qPrintable(error));
        build->setSourceKind(u"local"_s);
        build->setSourcePath(tarball);

        // the check: a failed one (the lab's hosts lack most -dev packages) holds Build back
        QVERIFY(click(u"checkBuild"_s));
        QVERIFY(finished.wait(60000));
        const QVariantList checks = build->checks();
        QVERIFY(!checks.isEmpty());
        const auto failures = std::count_if(checks.begin(), checks.end(), [](const QVariant &check) {
            return check.toMap().value(u"status"_s).toString() == u"fail";
        });
        QCOMPARE(build->failedChecks(), int(failures));
        const bool failed = failures > 0;
        shoot(u"build-arguments"_s);

        // output arrives while make runs, not all at the end
        bool streamed = false;
        connect(
            build->output(), &QAbstractItemModel::rowsInserted, this, [&] { streamed = streamed || build->isBusy(); });
        if (failed) {
            // the bindings follow checksChanged at once: Build is disabled
            QVERIFY(!WindowClicker::findVisible(m_window->contentItem(), u"startBuild"_s));
            build->build(); // the fake source needs none of them
        } else {
            QVERIFY(click(u"startBuild"_s));
        }
        QVERIFY(build->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(!build->isBusy(), 240000);
        const QVariantMap report = build->lastReport();
        QVERIFY2(report.value(u"ok"_s).toBool(),
                 qPrintable(report.value(u"message"_s).toString() + u'\n' +
                            report.value(u"details"_s).toStringList().join(u'\n') + u'\n' + build->log().join(u'\n')));
        QVERIFY(build->output()->rowCount() > 0);
        QVERIFY(streamed);
        QVERIFY(!build->builtBinary().isEmpty());
        QCOMPARE(report.value(u"version"_s).toString(), m_inventory.lab->newVersion);
        shoot(u"build-done"_s);

        QVERIFY(click(u"useBuildAsTarget"_s));
        QCOMPARE(m_fleet->upgrade()->targetKind(), u"remote"_s);
        QCOMPARE(m_fleet->upgrade()->targetPath(), build->builtBinary());
        m_settings->settings.setTheme(AppSettings::DarkTheme);
        shoot(u"build-done-dark"_s);
        m_settings->settings.setTheme(AppSettings::LightTheme);

        // the work directory goes (the lab's login user is this machine's)
        const QString work = report.value(u"workDirectory"_s).toString();
        QVERIFY(click(u"cleanBuild"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!build->isBusy(), 60000);
        QVERIFY2(finished.constLast().at(1).toBool(), qPrintable(build->log().join(u'\n')));
        int status = -1;
        sh(host, u"[ -e "_s + shellQuote(work) + u" ]"_s, &status);
        QCOMPARE(status, 1);
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_fleet.reset();
    }
};

QTEST_MAIN(TestBuildGui)
#include "tst_buildgui.moc"
