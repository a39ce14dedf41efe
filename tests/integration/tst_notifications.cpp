#include "desktopnotifier.h"
#include "privatedesktop.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

/**
 * @brief Notifications reach a real notification server: dunst on a private session bus,
 * drawing on an Xvfb display of the test's own; what it received is read back from its
 * history with dunstctl.
 */
class TestNotifications : public QObject
{
    Q_OBJECT

private:
    PrivateDesktop m_desktop;

    /// dunstctl @p arguments; its output, or nullopt on failure
    std::optional<QByteArray> dunstctl(const QStringList &arguments)
    {
        QProcess tool;
        tool.setProcessEnvironment(m_desktop.environment());
        tool.start(u"dunstctl"_s, arguments);
        if (!tool.waitForFinished(10000) || tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0) {
            return std::nullopt;
        }
        return tool.readAllStandardOutput();
    }

    /// the notifications in dunst's history, as {field: value}
    QList<QVariantMap> history()
    {
        QList<QVariantMap> notifications;
        const QJsonDocument json = QJsonDocument::fromJson(dunstctl({u"history"_s}).value_or(QByteArray()));
        const QJsonArray data = json.object().value(u"data"_s).toArray();
        for (const QJsonValue &list : data) {
            for (const QJsonValue &entry : list.toArray()) {
                QVariantMap fields;
                const QJsonObject object = entry.toObject();
                for (auto it = object.begin(); it != object.end(); ++it) {
                    fields.insert(it.key(), it.value().toObject().value(u"data"_s).toVariant());
                }
                notifications.append(fields);
            }
        }
        return notifications;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *program : {"dbus-daemon", "dunst", "dunstctl", "busctl", "Xvfb"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty()) {
                QSKIP(
                    qPrintable(u"%1 is not installed (installer/packages.txt lists it)"_s.arg(QLatin1String(program))));
            }
        }
        QVERIFY(!m_desktop.startBus().isEmpty());
        m_desktop.useAsSessionEnvironment(); // before anything connects to the session bus
        // -displayfd 1: Xvfb picks a free display and prints its number once it listens
        QProcess *xvfb = m_desktop.start(u"Xvfb"_s, {u"-displayfd"_s, u"1"_s, u"-nolisten"_s, u"tcp"_s});
        const QByteArray display = PrivateDesktop::readLine(xvfb).trimmed();
        QVERIFY2(!display.isEmpty(), "Xvfb printed no display");
        QProcessEnvironment x11;
        x11.insert(u"DISPLAY"_s, u":"_s + QString::fromLatin1(display));
        QVERIFY(m_desktop.start(u"dunst"_s, {}, {}, x11));
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(
            QDBusConnection::sessionBus().interface()->isServiceRegistered(u"org.freedesktop.Notifications"_s), 10000);
    }

    void cleanupTestCase() { m_desktop.stop(); }

    void notificationArrives_data()
    {
        QTest::addColumn<bool>("failure");
        QTest::addColumn<QString>("urgency");
        QTest::newRow("finished") << false << u"NORMAL"_s;
        QTest::newRow("failed") << true << u"CRITICAL"_s;
    }

    void notificationArrives()
    {
        QFETCH(bool, failure);
        QFETCH(QString, urgency);
        QGuiApplication::setApplicationDisplayName(u"Baton"_s);
        DesktopNotifier notifier;
        QSignalSpy sent(&notifier, &DesktopNotifier::sent);
        QSignalSpy failed(&notifier, &DesktopNotifier::failed);
        const QString summary = u"Drain finished on web1 (%1)"_s.arg(QString::fromLatin1(QTest::currentDataTag()));
        notifier.notify(summary, u"The old workers have exited."_s, failure);
        QVERIFY(sent.wait(10000));
        QCOMPARE(failed.count(), 0);
        const uint id = sent.first().first().toUInt();
        QVERIFY(id > 0);

        QVERIFY(dunstctl({u"close-all"_s})); // closed notifications move to the history
        QVariantMap received;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QVariantMap &notification : history()) {
                    if (notification.value(u"id"_s).toUInt() == id) {
                        received = notification;
                        return true;
                    }
                }
                return false;
            }(),
            10000);
        QCOMPARE(received.value(u"summary"_s).toString(), summary);
        QCOMPARE(received.value(u"body"_s).toString(), u"The old workers have exited."_s);
        QCOMPARE(received.value(u"appname"_s).toString(), u"Baton"_s);
        QCOMPARE(received.value(u"urgency"_s).toString(), urgency);
    }
};

QTEST_GUILESS_MAIN(TestNotifications)
#include "tst_notifications.moc"
