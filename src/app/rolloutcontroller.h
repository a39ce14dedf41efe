#pragma once

#include "backgroundjobs.h"
#include "swimlanemodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

#include <memory>

namespace Baton {

class Fleet;
class Rollout;

/**
 * @brief The Rollout page's engine (`Fleet.rollout`): a plan over the selected hosts
 * (canaries, batches, parallelism, failure budget) run with Rollout off the GUI thread,
 * and one swimlane per host.
 */
class RolloutController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RolloutController is provided by Fleet.rollout")
    Q_PROPERTY(int canaries READ canaries WRITE setCanaries NOTIFY planChanged)
    Q_PROPERTY(int batchSize READ batchSize WRITE setBatchSize NOTIFY planChanged)
    /// default: Settings.parallelism
    Q_PROPERTY(int parallel READ parallel WRITE setParallel NOTIFY planChanged)
    /// failed hosts allowed before the rollout stops
    Q_PROPERTY(int maxFailures READ maxFailures WRITE setMaxFailures NOTIFY planChanged)
    /// "rollback-host", "rollback-batch" or "stop"
    Q_PROPERTY(QString onFailure READ onFailure WRITE setOnFailure NOTIFY planChanged)
    /// a binary on the hosts; empty: each host's staged target (the inventory's nginx.targetBinary)
    Q_PROPERTY(QString remoteTarget READ remoteTarget WRITE setRemoteTarget NOTIFY planChanged)
    /// the batches the plan makes of the hosts: [["web-1"], ["web-2", "web-3"]]
    Q_PROPERTY(QVariantList batches READ batches NOTIFY planChanged)
    Q_PROPERTY(QStringList hosts READ hosts WRITE setHosts NOTIFY planChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// what runs or ran last: "upgrade" (start()) or "rollback" (rollBack())
    Q_PROPERTY(QString mode READ mode NOTIFY busyChanged)
    /// a rollout ran (or runs) since the page opened
    Q_PROPERTY(bool started READ isStarted NOTIFY busyChanged)
    Q_PROPERTY(bool ok READ isOk NOTIFY resultChanged)
    Q_PROPERTY(QString message READ message NOTIFY resultChanged)
    Q_PROPERTY(double startedAt READ startedAt NOTIFY busyChanged)
    Q_PROPERTY(double elapsedSeconds READ elapsedSeconds NOTIFY lanesUpdated)
    Q_PROPERTY(Baton::SwimlaneModel *lanes READ lanes CONSTANT)

public:
    explicit RolloutController(Fleet *fleet);
    ~RolloutController() override;

    int canaries() const { return m_canaries; }
    void setCanaries(int canaries);
    int batchSize() const { return m_batchSize; }
    void setBatchSize(int size);
    int parallel() const;
    void setParallel(int parallel);
    int maxFailures() const { return m_maxFailures; }
    void setMaxFailures(int failures);
    QString onFailure() const { return m_onFailure; }
    void setOnFailure(const QString &policy);
    QString remoteTarget() const { return m_remoteTarget; }
    void setRemoteTarget(const QString &path);
    QStringList hosts() const { return m_hosts; }
    void setHosts(const QStringList &hosts);
    QVariantList batches() const;
    bool isBusy() const { return m_busy; }
    QString mode() const { return m_mode; }
    bool isStarted() const { return m_startedAt > 0; }
    bool isOk() const { return m_ok; }
    QString message() const { return m_message; }
    double startedAt() const { return double(m_startedAt); }
    double elapsedSeconds() const;
    SwimlaneModel *lanes() { return &m_lanes; }

    /** @brief Starts the rollout of the plan's hosts; false when one runs or no host is chosen. */
    Q_INVOKABLE bool start();
    /** @brief Puts the plan's hosts back on their previous binary (Rollout::rollBackAll). */
    Q_INVOKABLE bool rollBack();
    /** @brief Writes the plan as an Ansible playbook and inventory into @p directory
     * (AnsibleExport); "" or why not. */
    Q_INVOKABLE QString exportAnsible(const QString &directory) const;
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void planChanged();
    void busyChanged();
    void resultChanged();
    void lanesUpdated();
    void finished(bool ok);

private:
    void refreshLanes();
    bool launch(const QString &mode);

    Fleet *m_fleet;
    int m_canaries = 1;
    int m_batchSize = 5;
    int m_parallel = 0; ///< 0: Settings.parallelism
    int m_maxFailures = 0;
    QString m_onFailure = QStringLiteral("rollback-host");
    QString m_remoteTarget;
    QStringList m_hosts;
    bool m_busy = false;
    QString m_mode = QStringLiteral("upgrade");
    bool m_ok = false;
    QString m_message;
    qint64 m_startedAt = 0;
    qint64 m_endedAt = 0;
    SwimlaneModel m_lanes;
    QTimer m_refresh;
    std::shared_ptr<Rollout> m_rollout;
    BackgroundJobs m_jobs;
};

} // namespace Baton
