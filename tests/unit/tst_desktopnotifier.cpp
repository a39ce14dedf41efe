#include "desktopnotifier.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

#include <memory>

using namespace Baton;
using namespace Qt::StringLiterals;

/**
 * @brief A step's end is notified only when the user is not looking at Baton.
 */
class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wanted_data()
    {
        QTest::addColumn<Qt::ApplicationState>("state");
        QTest::addColumn<bool>("hasFocusWindow");
        QTest::addColumn<bool>("wanted");
        QTest::newRow("active, focused") << Qt::ApplicationActive << true << false;
        QTest::newRow("active, no focus window") << Qt::ApplicationActive << false << true;
        QTest::newRow("inactive") << Qt::ApplicationInactive << false << true;
        QTest::newRow("inactive with a focus window") << Qt::ApplicationInactive << true << true;
        QTest::newRow("hidden") << Qt::ApplicationHidden << false << true;
        QTest::newRow("suspended") << Qt::ApplicationSuspended << false << true;
    }

    void wanted()
    {
        QFETCH(Qt::ApplicationState, state);
        QFETCH(bool, hasFocusWindow);
        QFETCH(bool, wanted);
        QCOMPARE(DesktopNotifier::wanted(state, hasFocusWindow), wanted);
    }

    void followsTheFocusWindow()
    {
        QVERIFY(!QGuiApplication::focusWindow());
        QVERIFY(DesktopNotifier::isUnfocused());

        auto window = std::make_unique<QWindow>();
        window->resize(200, 100);
        window->show();
        window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(window.get()));
        QCOMPARE(QGuiApplication::focusWindow(), window.get());
        QVERIFY(!DesktopNotifier::isUnfocused());

        DesktopNotifier notifier;
        QSignalSpy sent(&notifier, &DesktopNotifier::sent);
        QSignalSpy failed(&notifier, &DesktopNotifier::failed);
        QVERIFY(!notifier.notifyIfUnfocused(u"Drain finished on web1"_s, u"done"_s, false));
        QCOMPARE(sent.count() + failed.count(), 0); // nothing was even tried

        window.reset(); // the user closed it (the offscreen platform keeps a hidden window focused)
        QTRY_VERIFY(!QGuiApplication::focusWindow());
        QVERIFY(DesktopNotifier::isUnfocused());
        // the test runs with no notification server: the attempt is made and fails quietly
        QVERIFY(notifier.notifyIfUnfocused(u"Drain finished on web1"_s, u"done"_s, false));
        QTRY_COMPARE(sent.count() + failed.count(), 1);
    }
};

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
