#pragma once

#include <QObject>

namespace Baton {

/**
 * @brief Tells the user, through the desktop's notification server (the freedesktop
 * notification specification, `org.freedesktop.Notifications` on the session bus), that a
 * long step ended while they were looking elsewhere.
 *
 * Without a notification server nothing is shown, and nothing else changes.
 */
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QObject *parent = nullptr);

    /** @brief Whether a step's end is worth a notification: no window of Baton's has the
     * focus, or the application is not the active one. */
    static bool wanted(Qt::ApplicationState state, bool hasFocusWindow);
    /** @brief wanted() for the running application; false without a GUI (batonctl). */
    static bool isUnfocused();

    /** @brief Notifies when isUnfocused(); returns whether a notification was sent. */
    bool notifyIfUnfocused(const QString &summary, const QString &body, bool failure);
    /** @brief Sends the notification (critical urgency on @p failure); the server's answer
     * comes as sent() or failed(). */
    void notify(const QString &summary, const QString &body, bool failure);

Q_SIGNALS:
    /** @brief The server took the notification and gave it @p id. */
    void sent(uint id);
    void failed(const QString &message);
};

} // namespace Baton
