#pragma once

#include "backgroundjobs.h"

#include <QObject>
#include <QQmlEngine>

#include <memory>

namespace Baton {

class Fleet;
class Lab;

/**
 * @brief Starts a local practice lab from the app (`Fleet.lab`): three hosts with a real
 * sshd and a real nginx 1.22 each, and nginx 1.26 staged as their upgrade target, then
 * loads its inventory. The lab stops with the app (its hosts also stop by themselves if
 * the app dies).
 *
 * It needs the two nginx builds the build environment provides (BATON_LAB_NGINX_OLD and
 * BATON_LAB_NGINX_NEW, set by installer/env.sh) and batonctl beside the app.
 */
class LabLauncher : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("LabLauncher is provided by Fleet.lab")
    /// "" when a lab can start here, else why not
    Q_PROPERTY(QString unavailableReason READ unavailableReason CONSTANT)
    Q_PROPERTY(bool busy READ isBusy NOTIFY stateChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY stateChanged)
    /// what the lab said last, or why it failed
    Q_PROPERTY(QString status READ status NOTIFY stateChanged)
    Q_PROPERTY(QString directory READ directory CONSTANT)

public:
    explicit LabLauncher(Fleet *fleet);
    ~LabLauncher() override;

    QString unavailableReason() const;
    bool isBusy() const { return m_busy; }
    bool isRunning() const { return m_lab != nullptr && !m_busy; }
    QString status() const { return m_status; }
    QString directory() const;

    /** @brief Starts the lab and loads its inventory; false when one runs or it cannot start. */
    Q_INVOKABLE bool start();

Q_SIGNALS:
    void stateChanged();

private:
    void stop();

    Fleet *m_fleet;
    bool m_busy = false;
    QString m_status;
    std::shared_ptr<Lab> m_lab;
    BackgroundJobs m_jobs;
};

} // namespace Baton
