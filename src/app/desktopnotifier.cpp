#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QGuiApplication>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNotifier, "baton.notifier", QtWarningMsg)

namespace Baton {

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
}

bool DesktopNotifier::wanted(Qt::ApplicationState state, bool hasFocusWindow)
{
    return state != Qt::ApplicationActive || !hasFocusWindow;
}

bool DesktopNotifier::isUnfocused()
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return false;
    }
    return wanted(QGuiApplication::applicationState(), QGuiApplication::focusWindow() != nullptr);
}

bool DesktopNotifier::notifyIfUnfocused(const QString &summary, const QString &body, bool failure)
{
    if (!isUnfocused()) {
        return false;
    }
    notify(summary, body, failure);
    return true;
}

void DesktopNotifier::notify(const QString &summary, const QString &body, bool failure)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        qCDebug(lcNotifier) << "no session bus: not notifying" << summary;
        Q_EMIT failed(tr("There is no session bus."));
        return;
    }
    const QString desktopEntry = QGuiApplication::desktopFileName();
    QVariantMap hints{{u"urgency"_s, QVariant::fromValue(uchar(failure ? 2 : 1))}}; // critical, normal
    if (!desktopEntry.isEmpty()) {
        hints.insert(u"desktop-entry"_s, desktopEntry);
    }
    QDBusMessage call = QDBusMessage::createMethodCall(u"org.freedesktop.Notifications"_s,
                                                       u"/org/freedesktop/Notifications"_s,
                                                       u"org.freedesktop.Notifications"_s,
                                                       u"Notify"_s);
    QString applicationName = QGuiApplication::applicationDisplayName();
    call << applicationName << uint(0) << desktopEntry << summary << body << QStringList() << hints << int(-1);
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, watcher] {
        watcher->deleteLater();
        const QDBusPendingReply<uint> reply = *watcher;
        if (reply.isError()) {
            qCDebug(lcNotifier) << "notification refused:" << reply.error().message();
            Q_EMIT failed(reply.error().message());
        } else {
            Q_EMIT sent(reply.value());
        }
    });
}

} // namespace Baton
