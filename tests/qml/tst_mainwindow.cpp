#include "../unit/temporarysettings.h"
#include "fleet.h"
#include "guitestsupport.h"

#include <QImage>
#include <QProcess>
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

// The main window as a user first sees it: with an inventory, with none, with a broken one.
class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TemporarySettings m_settings; // the Settings singleton QML reads

    QString writeInventory(int hosts)
    {
        QString json = u"{\"version\": 1, \"name\": \"test fleet\", \"hosts\": ["_s;
        for (int i = 0; i < hosts; ++i) {
            json += u"%1{\"name\": \"web-%2\", \"address\": \"10.0.0.%2\", \"user\": \"ops\", \"groups\": [\"web\"],"
                    " \"nginx\": {\"pidFile\": \"/run/nginx.pid\"}}"_s.arg(i ? u","_s : QString())
                        .arg(i + 1);
        }
        json += u"]}"_s;
        const QString path = m_dir.filePath(u"inventory-%1.json"_s.arg(hosts));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(json.toUtf8()) < 0) {
            qFatal("cannot write %s", qPrintable(path));
        }
        return path;
    }

    static QQuickWindow *load(QQmlApplicationEngine &engine)
    {
        engine.loadFromModule("Baton.Ui", "Main");
        if (engine.rootObjects().isEmpty()) {
            return nullptr;
        }
        return qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    }

private Q_SLOTS:
    void init()
    {
        // Any warning (QML binding errors, missing properties, ...) fails the test.
        QTest::failOnWarning(PlatformWarnings::anyButPlatform());
    }

    void listsTheInventoryHosts()
    {
        Fleet fleet(nullptr);
        QVERIFY(fleet.loadInventory(writeInventory(3)));
        QQmlApplicationEngine engine;
        QQuickWindow *window = load(engine);
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        auto *list = window->findChild<QQuickItem *>(u"hostList"_s);
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 3);
        QVERIFY(list->isVisible());
        QVERIFY(window->title().contains(u"test fleet"_s));
    }

    void showsHostsLoadedAfterStart()
    {
        Fleet fleet(nullptr);
        QQmlApplicationEngine engine;
        QQuickWindow *window = load(engine);
        QVERIFY(window);
        auto *list = window->findChild<QQuickItem *>(u"hostList"_s);
        QVERIFY(list);
        QCOMPARE(list->property("count").toInt(), 0);
        QVERIFY(fleet.loadInventory(writeInventory(5)));
        QTRY_COMPARE(list->property("count").toInt(), 5);
    }

    void emptyAndBrokenInventories()
    {
        Fleet fleet(nullptr);
        fleet.setNoInventory();
        QQmlApplicationEngine engine;
        QQuickWindow *window = load(engine);
        QVERIFY(window);
        QVERIFY(!fleet.loadInventory(m_dir.filePath(u"missing.json"_s)));
        QVERIFY(fleet.errorString().contains(u"missing.json"_s));
        QVERIFY(QTest::qWaitForWindowExposed(window));
    }

    // The real executable, as `installer/env.sh run --screenshot FILE` runs it.
    void screenshotShowsTheWindow()
    {
        const QString png = m_dir.filePath(u"main.png"_s);
        QProcess baton;
        baton.start(QStringLiteral(BATON_PATH), {u"--inventory"_s, writeInventory(3), u"--screenshot"_s, png});
        QVERIFY(baton.waitForFinished(60000));
        QCOMPARE(baton.exitStatus(), QProcess::NormalExit);
        QCOMPARE(baton.exitCode(), 0);
        // The app itself runs without a single warning (QML or otherwise).
        const QByteArray warnings = PlatformWarnings::withoutPlatformLines(baton.readAllStandardError());
        QVERIFY2(warnings.isEmpty(), warnings.constData());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(1280, 800));
        // Not a blank frame: the rows and text put many distinct colours on it.
        const int colours = Screenshot::distinctColours(image);
        QVERIFY2(colours > 20, qPrintable(u"only %1 colours"_s.arg(colours)));
    }

    void screenshotFailsClearlyOnBadPath()
    {
        QProcess baton;
        baton.start(QStringLiteral(BATON_PATH), {u"--screenshot"_s, u"/nonexistent/dir/x.png"_s});
        QVERIFY(baton.waitForFinished(60000));
        QCOMPARE(baton.exitCode(), 1);
        QVERIFY(baton.readAllStandardError().contains("cannot write the screenshot to /nonexistent/dir/x.png"));
    }

    void versionNamesTheLibraries()
    {
        QProcess baton;
        baton.start(QStringLiteral(BATON_PATH), {u"--version"_s});
        QVERIFY(baton.waitForFinished(30000));
        QCOMPARE(baton.exitCode(), 0);
        const QString out = QString::fromUtf8(baton.readAllStandardOutput());
        QVERIFY2(QRegularExpression(
                     u"^baton \\d+\\.\\d+\\.\\d+\\nQt 6\\.\\d+.*\\nlibssh 0\\.\\d+.*\\nKSyntaxHighlighting 6\\."_s)
                     .match(out)
                     .hasMatch(),
                 qPrintable(out));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
