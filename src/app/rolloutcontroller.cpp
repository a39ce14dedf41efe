#include "rolloutcontroller.h"

#include "ansibleexport.h"
#include "appsettings.h"
#include "desktopnotifier.h"
#include "fleet.h"
#include "rollout.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Baton {

namespace {

RolloutPlan::OnFailure policyOf(const QString &name)
{
    if (name == u"rollback-batch") {
        return RolloutPlan::OnFailure::RollBackBatch;
    }
    return name == u"stop" ? RolloutPlan::OnFailure::Stop : RolloutPlan::OnFailure::RollBackHost;
}

} // namespace

RolloutController::RolloutController(Fleet *fleet)
    : QObject(fleet)
    , m_fleet(fleet)
{
    m_refresh.setInterval(500);
    connect(&m_refresh, &QTimer::timeout, this, &RolloutController::refreshLanes);
    m_jobs.onShutdown = [this] {
        if (m_rollout) {
            m_rollout->cancel();
        }
    };
}

RolloutController::~RolloutController()
{
    m_jobs.shutdown();
}

void RolloutController::setCanaries(int canaries)
{
    canaries = std::max(0, canaries);
    if (m_canaries != canaries) {
        m_canaries = canaries;
        Q_EMIT planChanged();
    }
}

void RolloutController::setBatchSize(int size)
{
    size = std::max(1, size);
    if (m_batchSize != size) {
        m_batchSize = size;
        Q_EMIT planChanged();
    }
}

int RolloutController::parallel() const
{
    if (m_parallel > 0) {
        return m_parallel;
    }
    return AppSettings::instance() ? AppSettings::instance()->parallelism() : 5;
}

void RolloutController::setParallel(int parallel)
{
    parallel = std::max(1, parallel);
    if (m_parallel != parallel) {
        m_parallel = parallel;
        Q_EMIT planChanged();
    }
}

void RolloutController::setMaxFailures(int failures)
{
    failures = std::max(0, failures);
    if (m_maxFailures != failures) {
        m_maxFailures = failures;
        Q_EMIT planChanged();
    }
}

void RolloutController::setOnFailure(const QString &policy)
{
    if (m_onFailure != policy) {
        m_onFailure = RolloutPlan::onFailureName(policyOf(policy));
        Q_EMIT planChanged();
    }
}

void RolloutController::setRemoteTarget(const QString &path)
{
    if (m_remoteTarget != path) {
        m_remoteTarget = path;
        Q_EMIT planChanged();
    }
}

void RolloutController::setHosts(const QStringList &hosts)
{
    if (m_hosts != hosts && !m_busy) {
        m_hosts = hosts;
        Q_EMIT planChanged();
    }
}

QVariantList RolloutController::batches() const
{
    RolloutPlan plan;
    plan.hosts = m_hosts;
    plan.canaries = m_canaries;
    plan.batchSize = m_batchSize;
    QVariantList list;
    for (const QStringList &batch : plan.batches()) {
        list.append(batch);
    }
    return list;
}

double RolloutController::elapsedSeconds() const
{
    if (!m_startedAt) {
        return 0;
    }
    return double((m_endedAt ? m_endedAt : QDateTime::currentMSecsSinceEpoch()) - m_startedAt) / 1000.0;
}

bool RolloutController::start()
{
    return launch(u"upgrade"_s);
}

bool RolloutController::rollBack()
{
    return launch(u"rollback"_s);
}

bool RolloutController::launch(const QString &mode)
{
    if (m_busy || m_hosts.isEmpty()) {
        return false;
    }
    RolloutPlan plan;
    plan.hosts = m_hosts;
    plan.canaries = m_canaries;
    plan.batchSize = m_batchSize;
    plan.parallel = parallel();
    plan.maxFailures = m_maxFailures;
    plan.onFailure = policyOf(m_onFailure);
    plan.settings.remoteTarget = m_remoteTarget;
    if (AppSettings *app = AppSettings::instance()) {
        plan.settings.healthUrl = app->healthUrl();
        plan.settings.drainTimeoutSeconds = app->drainTimeoutSeconds();
    }
    const bool rollingBack = mode == u"rollback";
    m_lanes.setHosts(rollingBack ? QList<QStringList>{m_hosts} : plan.batches());
    m_rollout = std::make_shared<Rollout>(m_fleet->inventory(), plan, m_fleet->transcript(), m_fleet->prompter());
    m_rollout->onProgress = [this](const QString &host, const QString &line) {
        QMetaObject::invokeMethod(
            this,
            [this, host, line] {
                m_lanes.setState(host, m_mode == u"rollback" ? u"rolling-back"_s : u"upgrading"_s, line);
                m_fleet->poke(host);
            },
            Qt::QueuedConnection);
    };
    m_rollout->onSignal = [this](const QString &host, const QString &signal) {
        QMetaObject::invokeMethod(
            this, [this, host, signal] { m_fleet->addMarker(host, signal); }, Qt::QueuedConnection);
    };
    m_rollout->onPhase = [this](const QString &host, Phase phase) {
        QMetaObject::invokeMethod(
            this,
            [this, host, phase, at = QDateTime::currentMSecsSinceEpoch()] { m_fleet->notePhase(host, at, phase); },
            Qt::QueuedConnection);
    };
    m_busy = true;
    m_mode = mode;
    m_ok = false;
    m_message = rollingBack ? tr("Rolling back %n host(s)…", "", int(m_hosts.size()))
                            : tr("Rolling out to %n host(s)…", "", int(m_hosts.size()));
    m_startedAt = QDateTime::currentMSecsSinceEpoch();
    m_endedAt = 0;
    Q_EMIT busyChanged();
    Q_EMIT resultChanged();
    m_refresh.start();
    for (const QString &host : std::as_const(m_hosts)) {
        m_fleet->poke(host);
    }
    m_jobs.start([this, rollout = m_rollout, rollingBack] {
        const RolloutResult result = rollingBack ? rollout->rollBackAll() : rollout->run();
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                for (const RolloutHost &host : result.hosts) {
                    m_lanes.setState(host.name, RolloutHost::stateName(host.state), host.message);
                }
                m_busy = false;
                m_ok = result.ok;
                m_message = result.message;
                m_endedAt = QDateTime::currentMSecsSinceEpoch();
                m_refresh.stop();
                refreshLanes();
                Q_EMIT busyChanged();
                Q_EMIT resultChanged();
                const bool rolledBack = m_mode == u"rollback";
                const QString summary = rolledBack ? (result.ok ? tr("Rollback finished") : tr("Rollback failed"))
                                                   : (result.ok ? tr("Rollout finished") : tr("Rollout failed"));
                m_fleet->notifier()->notifyIfUnfocused(summary, result.message, !result.ok);
                Q_EMIT finished(result.ok);
            },
            Qt::QueuedConnection);
    });
    return true;
}

QString RolloutController::exportAnsible(const QString &directory) const
{
    if (m_hosts.isEmpty()) {
        return tr("Select the hosts of the rollout first.");
    }
    RolloutPlan plan;
    plan.hosts = m_hosts;
    plan.canaries = m_canaries;
    plan.batchSize = m_batchSize;
    plan.maxFailures = m_maxFailures;
    plan.settings.remoteTarget = m_remoteTarget;
    if (AppSettings *app = AppSettings::instance()) {
        plan.settings.drainTimeoutSeconds = app->drainTimeoutSeconds();
    }
    QString error;
    QStringList notes;
    if (!AnsibleExport::write(directory, m_fleet->inventory(), plan, &error, &notes)) {
        return error;
    }
    return {};
}

void RolloutController::cancel()
{
    if (m_rollout && m_busy) {
        m_rollout->cancel();
        m_message = tr("Stopping after the steps under way…");
        Q_EMIT resultChanged();
    }
}

void RolloutController::refreshLanes()
{
    const qint64 end = m_endedAt ? m_endedAt : QDateTime::currentMSecsSinceEpoch();
    m_lanes.updateSegments([this](const QString &host) { return m_fleet->timeline(host); }, m_startedAt, end);
    Q_EMIT lanesUpdated();
}

} // namespace Baton
