#include "upgradecontroller.h"

#include "appsettings.h"
#include "desktopnotifier.h"
#include "fleet.h"
#include "hostupgrade.h"
#include "remotehost.h"

#include <QCoreApplication>
#include <QDateTime>

#include <mutex>

using namespace Qt::StringLiterals;

namespace Baton {

struct UpgradeController::Running
{
    std::mutex mutex;
    HostUpgrade *upgrade = nullptr;
    bool cancelled = false;
};

namespace {

QString statusName(PreflightCheck::Status status)
{
    return PreflightCheck::statusName(status);
}

QVariantMap reportMap(const StepReport &report)
{
    return {{u"step"_s, report.step},
            {u"ok"_s, report.ok},
            {u"message"_s, report.message},
            {u"details"_s, report.details},
            {u"phase"_s, phaseName(report.phase)}};
}

} // namespace

UpgradeController::UpgradeController(Fleet *fleet)
    : QObject(fleet)
    , m_fleet(fleet)
    , m_running(std::make_shared<Running>())
{
    connect(this, &UpgradeController::statusChanged, this, &UpgradeController::runnableStepsChanged);
    connect(this, &UpgradeController::busyChanged, this, &UpgradeController::runnableStepsChanged);
    connect(this, &UpgradeController::targetChanged, this, &UpgradeController::runnableStepsChanged);
    m_jobs.onShutdown = [running = m_running] {
        std::lock_guard lock(running->mutex);
        running->cancelled = true;
        if (running->upgrade) {
            running->upgrade->cancel();
        }
    };
}

UpgradeController::~UpgradeController() = default;

void UpgradeController::setTargetKind(const QString &kind)
{
    if (m_targetKind == kind || (kind != u"local" && kind != u"remote")) {
        return;
    }
    m_targetKind = kind;
    m_targetEdited = true;
    Q_EMIT targetChanged();
}

void UpgradeController::setTargetPath(const QString &path)
{
    if (m_targetPath == path) {
        return;
    }
    m_targetPath = path;
    m_targetEdited = true;
    Q_EMIT targetChanged();
}

void UpgradeController::resetTarget()
{
    // a target staged on the host by whoever set it up (the lab places one) comes first
    const std::optional<HostEntry> entry = m_fleet->entry(m_host);
    m_targetKind = u"remote"_s;
    m_targetPath = entry ? entry->nginx.targetBinary : QString();
    m_targetEdited = false;
    Q_EMIT targetChanged();
}

void UpgradeController::setHost(const QString &host)
{
    if (m_host == host || isBusy()) {
        return;
    }
    m_host = host;
    m_checks.clear();
    m_log.clear();
    m_lastReport.clear();
    m_drainStartWorkers = 0;
    if (!m_targetEdited) {
        resetTarget();
    }
    Q_EMIT hostChanged();
    Q_EMIT checksChanged();
    Q_EMIT logChanged();
    Q_EMIT lastReportChanged();
    hostUpdated(host);
}

void UpgradeController::hostUpdated(const QString &host)
{
    if (host != m_host) {
        return;
    }
    const HostSnapshot *snapshot = m_fleet->latestSnapshot(host);
    QString phase;
    QStringList valid;
    bool staged = false;
    int oldWorkers = 0;
    int oldConnections = 0;
    if (snapshot && snapshot->ok()) {
        phase = phaseName(snapshot->phase());
        for (HostUpgrade::Step step : HostUpgrade::validSteps(snapshot->phase())) {
            valid.append(HostUpgrade::stepName(step));
        }
        const auto &master = snapshot->state.master;
        // staged: the file on disk is not what the master runs (from the last full probe of it)
        const HostSnapshot *full = m_fleet->latestFullSnapshot(host);
        staged = snapshot->phase() == Phase::Running && master && full && full->state.master &&
            full->state.master->pid == master->pid && !full->record.binarySha256.isEmpty() &&
            full->record.binarySha256 != full->record.executableSha256.value(master->pid);
        oldWorkers = int(snapshot->state.oldWorkers.size());
        for (const NginxProcess &worker : snapshot->state.oldWorkers) {
            oldConnections += snapshot->record.connections.value(worker.pid);
        }
    } else if (snapshot) {
        phase = phaseName(Phase::Abnormal);
    }
    if (phase == m_phase && valid == m_validSteps && staged == m_staged && oldWorkers == m_oldWorkers &&
        oldConnections == m_oldConnections) {
        return;
    }
    m_phase = phase;
    m_validSteps = valid;
    m_staged = staged;
    m_oldWorkers = oldWorkers;
    m_oldConnections = oldConnections;
    Q_EMIT statusChanged();
}

bool UpgradeController::canRun(const QString &step) const
{
    if (isBusy() || !m_validSteps.contains(step)) {
        return false;
    }
    // staging needs something to stage; spawning from "running" stages first when needed
    if ((step == u"stage" || (step == u"spawn" && !m_staged)) && m_targetPath.isEmpty()) {
        return false;
    }
    if (step == u"stage") {
        return !m_staged;
    }
    // from "running", a rollback only puts back a binary staged but not yet run
    return step != u"rollback" || m_phase != u"running" || m_staged;
}

void UpgradeController::appendLog(const QString &line)
{
    m_log.append(QDateTime::currentDateTime().toString(u"hh:mm:ss "_s) + line);
    if (m_log.size() > 500) {
        m_log.remove(0, m_log.size() - 500);
    }
    Q_EMIT logChanged();
}

void UpgradeController::start(const QString &step, std::function<void(HostUpgrade &)> work)
{
    const std::optional<HostEntry> entry = m_fleet->entry(m_host);
    if (!entry) {
        return;
    }
    UpgradeSettings settings;
    if (m_targetKind == u"local") {
        settings.localTarget = m_targetPath;
    } else {
        settings.remoteTarget = m_targetPath;
    }
    if (AppSettings *app = AppSettings::instance()) {
        settings.healthUrl = app->healthUrl();
        settings.drainTimeoutSeconds = app->drainTimeoutSeconds();
    }
    // settings.owner stays empty: the engine writes "baton:HOST:PID:START ...", which lets a
    // later Baton on this machine see that a lock whose holder is gone can be taken over
    m_runningStep = step;
    if (step == u"drain") {
        m_drainStartedAt = QDateTime::currentMSecsSinceEpoch();
        m_drainStartWorkers = m_oldWorkers;
    }
    Q_EMIT busyChanged();
    appendLog(tr("%1: %2").arg(step, m_host));
    m_fleet->poke(m_host);

    Transcript *transcript = m_fleet->transcript();
    SshPrompter *prompter = m_fleet->prompter();
    m_jobs.start([this, host = *entry, settings, transcript, prompter, step, work, running = m_running] {
        SshRemoteHost remote(host.sshConfig(), prompter);
        HostUpgrade upgrade(host, &remote, transcript, settings);
        upgrade.onProgress = [this](const QString &line) {
            QMetaObject::invokeMethod(this, [this, line] { appendLog(line); }, Qt::QueuedConnection);
        };
        upgrade.onSignal = [this, name = host.name](const QString &signal, qint64) {
            QMetaObject::invokeMethod(
                this, [this, name, signal] { m_fleet->addMarker(name, signal); }, Qt::QueuedConnection);
        };
        upgrade.onPhase = [this, name = host.name](Phase phase) {
            QMetaObject::invokeMethod(
                this,
                [this, name, phase, at = QDateTime::currentMSecsSinceEpoch()] { m_fleet->notePhase(name, at, phase); },
                Qt::QueuedConnection);
        };
        {
            std::lock_guard lock(running->mutex);
            if (running->cancelled) {
                return;
            }
            running->upgrade = &upgrade;
        }
        work(upgrade);
        // a full look after the step: sums and builds tell what is staged and what runs
        const HostSnapshot after = upgrade.snapshot();
        QMetaObject::invokeMethod(
            this, [this, name = host.name, after] { m_fleet->takeSnapshot(name, after); }, Qt::QueuedConnection);
        std::lock_guard lock(running->mutex);
        running->upgrade = nullptr;
        running->cancelled = false;
    });
}

QStringList UpgradeController::runnableSteps() const
{
    QStringList steps;
    for (const QString &step : {u"stage"_s, u"spawn"_s, u"drain"_s, u"commit"_s, u"rollback"_s}) {
        if (canRun(step)) {
            steps.append(step);
        }
    }
    return steps;
}

void UpgradeController::preflight()
{
    if (isBusy() || m_host.isEmpty()) {
        return;
    }
    m_checks.clear();
    Q_EMIT checksChanged();
    start(u"preflight"_s, [this](HostUpgrade &upgrade) {
        const QList<PreflightCheck> checks = upgrade.preflight();
        QVariantList list;
        bool ok = true;
        for (const PreflightCheck &check : checks) {
            list.append(QVariantMap{
                {u"id"_s, check.id}, {u"status"_s, statusName(check.status)}, {u"message"_s, check.message}});
            ok = ok && check.status != PreflightCheck::Status::Fail;
        }
        QMetaObject::invokeMethod(
            this,
            [this, list, ok] {
                m_checks = list;
                Q_EMIT checksChanged();
                m_lastReport = {{u"step"_s, u"preflight"_s},
                                {u"ok"_s, ok},
                                {u"message"_s, ok ? tr("Preflight passed.") : tr("Preflight found a problem.")},
                                {u"details"_s, QStringList()},
                                {u"phase"_s, m_phase}};
                Q_EMIT lastReportChanged();
                m_runningStep.clear();
                Q_EMIT busyChanged();
                m_fleet->poke(m_host);
                Q_EMIT finished(u"preflight"_s, ok);
            },
            Qt::QueuedConnection);
    });
}

bool UpgradeController::run(const QString &step)
{
    if (!canRun(step)) {
        return false;
    }
    start(step, [this, step](HostUpgrade &upgrade) {
        StepReport report;
        if (step == u"stage") {
            report = upgrade.stage();
        } else if (step == u"spawn") {
            report = upgrade.spawn();
        } else if (step == u"drain") {
            report = upgrade.drain();
        } else if (step == u"commit") {
            report = upgrade.commit();
        } else {
            report = upgrade.rollBack();
        }
        QMetaObject::invokeMethod(this, [this, report] { stepFinished(report); }, Qt::QueuedConnection);
    });
    return true;
}

bool UpgradeController::runAutomatically(const QString &until)
{
    const Phase target = until == u"spawned" ? Phase::Spawned : until == u"parked" ? Phase::Parked : Phase::Running;
    if (isBusy() || m_host.isEmpty() || m_targetPath.isEmpty() || m_validSteps.isEmpty()) {
        return false;
    }
    start(u"auto"_s, [this, target](HostUpgrade &upgrade) {
        const StepReport report = upgrade.runUntil(target);
        QMetaObject::invokeMethod(this, [this, report] { stepFinished(report); }, Qt::QueuedConnection);
    });
    return true;
}

void UpgradeController::stepFinished(const StepReport &report)
{
    m_lastReport = reportMap(report);
    Q_EMIT lastReportChanged();
    appendLog(report.message);
    const QString step = m_runningStep;
    m_runningStep.clear();
    m_drainStartedAt = 0;
    Q_EMIT busyChanged();
    m_fleet->poke(m_host);
    notifyLongStep(step, report);
    Q_EMIT finished(step, report.ok);
}

void UpgradeController::notifyLongStep(const QString &step, const StepReport &report)
{
    QString summary;
    if (step == u"drain") {
        summary = report.ok ? tr("Drain finished on %1").arg(m_host) : tr("Drain failed on %1").arg(m_host);
    } else if (step == u"auto") {
        summary = report.ok ? tr("Upgrade finished on %1").arg(m_host) : tr("Upgrade failed on %1").arg(m_host);
    } else {
        return; // the other steps take seconds: the user is still looking
    }
    m_fleet->notifier()->notifyIfUnfocused(summary, report.message, !report.ok);
}

void UpgradeController::cancel()
{
    std::lock_guard lock(m_running->mutex);
    if (m_running->upgrade) {
        m_running->upgrade->cancel();
        appendLog(tr("cancelling: the step stops at its next safe point"));
    }
}

} // namespace Baton
