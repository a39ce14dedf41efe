#pragma once

#include "backgroundjobs.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

#include <memory>

namespace Baton {

class Fleet;
class HostUpgrade;
struct StepReport;

/**
 * @brief The Upgrade page's engine (`Fleet.upgrade`): runs HostUpgrade's steps on one
 * host, one at a time, off the GUI thread, and shows what happens.
 *
 * Which steps are possible comes from the host's live phase (validSteps), never from what
 * was run last. The host follows Fleet.currentHost while no step runs.
 */
class UpgradeController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("UpgradeController is provided by Fleet.upgrade")
    Q_PROPERTY(QString host READ host NOTIFY hostChanged)
    /// "local": a file on this machine, uploaded; "remote": a path on the host
    Q_PROPERTY(QString targetKind READ targetKind WRITE setTargetKind NOTIFY targetChanged)
    Q_PROPERTY(QString targetPath READ targetPath WRITE setTargetPath NOTIFY targetChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// the step running now ("preflight", "stage", ..., "auto"), or empty
    Q_PROPERTY(QString runningStep READ runningStep NOTIFY busyChanged)
    /// the host's phase and the steps valid from it, live
    Q_PROPERTY(QString phase READ phase NOTIFY statusChanged)
    Q_PROPERTY(QStringList validSteps READ validSteps NOTIFY statusChanged)
    /// the new binary is installed but not running yet (the master's executable was replaced)
    Q_PROPERTY(bool staged READ isStaged NOTIFY statusChanged)
    Q_PROPERTY(int oldWorkers READ oldWorkers NOTIFY statusChanged)
    Q_PROPERTY(int oldConnections READ oldConnections NOTIFY statusChanged)
    /// old workers when the drain started (the progress bar's 100 %), 0 before
    Q_PROPERTY(int drainStartWorkers READ drainStartWorkers NOTIFY statusChanged)
    /// when the running drain started (ms since the epoch), 0 when none runs
    Q_PROPERTY(double drainStartedAt READ drainStartedAt NOTIFY busyChanged)
    /// the last preflight: [{id, status: "pass"|"warn"|"fail", message}]
    Q_PROPERTY(QVariantList checks READ checks NOTIFY checksChanged)
    /// what the engine said, oldest first
    Q_PROPERTY(QStringList log READ log NOTIFY logChanged)
    /// the steps a button may start now: valid from the live phase, nothing running, a target set
    Q_PROPERTY(QStringList runnableSteps READ runnableSteps NOTIFY runnableStepsChanged)
    /// how the last step ended: {step, ok, message, details, phase}
    Q_PROPERTY(QVariantMap lastReport READ lastReport NOTIFY lastReportChanged)

public:
    explicit UpgradeController(Fleet *fleet);
    ~UpgradeController() override;

    QString host() const { return m_host; }
    QString targetKind() const { return m_targetKind; }
    void setTargetKind(const QString &kind);
    QString targetPath() const { return m_targetPath; }
    void setTargetPath(const QString &path);
    bool isBusy() const { return !m_runningStep.isEmpty(); }
    QString runningStep() const { return m_runningStep; }
    QString phase() const { return m_phase; }
    QStringList validSteps() const { return m_validSteps; }
    bool isStaged() const { return m_staged; }
    int oldWorkers() const { return m_oldWorkers; }
    int oldConnections() const { return m_oldConnections; }
    int drainStartWorkers() const { return m_drainStartWorkers; }
    double drainStartedAt() const { return double(m_drainStartedAt); }
    QVariantList checks() const { return m_checks; }
    QStringList log() const { return m_log; }
    QVariantMap lastReport() const { return m_lastReport; }
    QStringList runnableSteps() const;

    /** @brief Follows @p host (ignored while a step runs). */
    void setHost(const QString &host);
    /** @brief A probe of @p host came in. */
    void hostUpdated(const QString &host);

    /** @brief Whether @p step ("stage", "spawn", "drain", "commit", "rollback") may run now. */
    Q_INVOKABLE bool canRun(const QString &step) const;
    Q_INVOKABLE void preflight();
    /** @brief Runs one step; false (and nothing runs) when it is not valid now. */
    Q_INVOKABLE bool run(const QString &step);
    /** @brief Automatic mode: the steps up to @p until ("spawned", "parked" or "committed"),
     * with health gates, rolling back on a failed gate. */
    Q_INVOKABLE bool runAutomatically(const QString &until);
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void hostChanged();
    void targetChanged();
    void busyChanged();
    void statusChanged();
    void checksChanged();
    void logChanged();
    void lastReportChanged();
    void runnableStepsChanged();
    /** @brief A step finished (also when it failed). */
    void finished(const QString &step, bool ok);

private:
    void start(const QString &step, std::function<void(HostUpgrade &)> work);
    void appendLog(const QString &line);
    void stepFinished(const StepReport &report);
    /** @brief Tells a user who looks elsewhere that a drain or a whole upgrade ended. */
    void notifyLongStep(const QString &step, const StepReport &report);
    void resetTarget();

    Fleet *m_fleet;
    QString m_host;
    QString m_targetKind = QStringLiteral("remote");
    QString m_targetPath;
    bool m_targetEdited = false;
    QString m_runningStep;
    QString m_phase;
    QStringList m_validSteps;
    bool m_staged = false;
    int m_oldWorkers = 0;
    int m_oldConnections = 0;
    int m_drainStartWorkers = 0;
    qint64 m_drainStartedAt = 0;
    QVariantList m_checks;
    QStringList m_log;
    QVariantMap m_lastReport;
    struct Running;
    std::shared_ptr<Running> m_running; ///< the running step's engine, for cancel()
    BackgroundJobs m_jobs;
};

} // namespace Baton
