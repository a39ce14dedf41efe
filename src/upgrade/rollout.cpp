#include "rollout.h"

#include "remotehost.h"

#include <QElapsedTimer>
#include <QThread>

#include <condition_variable>
#include <mutex>
#include <thread>

namespace Baton {

QList<QStringList> RolloutPlan::batches() const
{
    QList<QStringList> result;
    const int canaryCount = std::clamp(canaries, 0, int(hosts.size()));
    if (canaryCount > 0) {
        result.append(hosts.mid(0, canaryCount));
    }
    const int size = std::max(1, batchSize);
    for (qsizetype i = canaryCount; i < hosts.size(); i += size) {
        result.append(hosts.mid(i, size));
    }
    return result;
}

bool RolloutPlan::overBudget(int failed, int total) const
{
    if (maxFailures >= 0 && failed > maxFailures) {
        return true;
    }
    return maxFailurePercent >= 0 && total > 0 && failed * 100 > maxFailurePercent * total;
}

QString RolloutPlan::onFailureName(OnFailure policy)
{
    switch (policy) {
    case OnFailure::RollBackHost:
        return QStringLiteral("rollback-host");
    case OnFailure::RollBackBatch:
        return QStringLiteral("rollback-batch");
    case OnFailure::Stop:
        break;
    }
    return QStringLiteral("stop");
}

QString RolloutHost::stateName(State state)
{
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Upgraded:
        return QStringLiteral("upgraded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::RolledBack:
        break;
    }
    return QStringLiteral("rolled-back");
}

Rollout::Rollout(const Inventory &inventory, const RolloutPlan &plan, Transcript *transcript, SshPrompter *prompter)
    : m_inventory(inventory)
    , m_plan(plan)
    , m_transcript(transcript)
    , m_prompter(prompter)
{
}

UpgradeSettings Rollout::settingsFor(const HostEntry &host) const
{
    UpgradeSettings settings = m_plan.settings;
    if (settings.localTarget.isEmpty() && settings.remoteTarget.isEmpty()) {
        settings.remoteTarget = host.nginx.targetBinary;
    }
    return settings;
}

void Rollout::forwardEvents(const HostEntry &host, HostUpgrade &upgrade)
{
    upgrade.onProgress = [this, name = host.name](const QString &line) {
        if (onProgress) {
            onProgress(name, line);
        }
    };
    upgrade.onSignal = [this, name = host.name](const QString &signal, qint64) {
        if (onSignal) {
            onSignal(name, signal);
        }
    };
    upgrade.onPhase = [this, name = host.name](Phase phase) {
        if (onPhase) {
            onPhase(name, phase);
        }
    };
}

RolloutHost Rollout::upgradeHost(const HostEntry &host, int batch)
{
    RolloutHost result;
    result.name = host.name;
    result.batch = batch;
    QElapsedTimer timer;
    timer.start();
    SshRemoteHost remote(host.sshConfig(), m_prompter);
    HostUpgrade upgrade(host, &remote, m_transcript, settingsFor(host));
    forwardEvents(host, upgrade);
    const StepReport report = upgrade.runUntil(Phase::Running);
    result.phase = report.phase;
    result.message = report.message;
    result.state = report.ok ? RolloutHost::State::Upgraded : RolloutHost::State::Failed;
    result.durationMs = timer.elapsed();
    return result;
}

void Rollout::rollBackHost(const HostEntry &host, RolloutHost *result)
{
    SshRemoteHost remote(host.sshConfig(), m_prompter);
    HostUpgrade upgrade(host, &remote, m_transcript, settingsFor(host));
    forwardEvents(host, upgrade);
    const StepReport report = upgrade.undo();
    if (report.ok) {
        result->state = RolloutHost::State::RolledBack;
        result->message = report.message;
    } else {
        result->message += QStringLiteral("; ") + report.message;
    }
    result->phase = report.phase;
}

void Rollout::forEachParallel(const QStringList &names,
                              const std::function<void(const QString &name)> &work,
                              const std::function<bool()> &stop)
{
    std::mutex mutex;
    std::condition_variable slotFree;
    int running = 0;
    std::vector<std::thread> threads;
    for (const QString &name : names) {
        std::unique_lock lock(mutex);
        slotFree.wait(lock, [&] { return running < std::max(1, m_plan.parallel); });
        lock.unlock();
        if (stop() || m_cancelled) {
            break;
        }
        lock.lock();
        ++running;
        lock.unlock();
        threads.emplace_back([&, name] {
            work(name);
            const std::lock_guard guard(mutex);
            --running;
            slotFree.notify_all();
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }
}

std::optional<QHash<QString, HostEntry>> Rollout::planHosts(RolloutResult *outcome, int batch) const
{
    QHash<QString, HostEntry> entries;
    for (const HostEntry &host : m_inventory.hosts) {
        entries.insert(host.name, host);
    }
    for (const QString &name : m_plan.hosts) {
        if (!entries.contains(name)) {
            outcome->message = tr("no host named %1 in the inventory").arg(name);
            return std::nullopt;
        }
        outcome->hosts.append({name, batch, RolloutHost::State::Pending, Phase::Abnormal, {}, 0});
    }
    return entries;
}

RolloutResult Rollout::rollBackAll()
{
    RolloutResult outcome;
    const auto planned = planHosts(&outcome, 0);
    if (!planned) {
        return outcome;
    }
    const QHash<QString, HostEntry> &entries = *planned;
    std::mutex mutex;
    forEachParallel(
        m_plan.hosts,
        [&](const QString &name) {
            QElapsedTimer timer;
            timer.start();
            RolloutHost done{name, 0, RolloutHost::State::Failed, Phase::Abnormal, {}, 0};
            rollBackHost(entries.value(name), &done);
            if (done.state == RolloutHost::State::Failed && done.message.startsWith(u"; ")) {
                done.message.remove(0, 2);
            }
            done.durationMs = timer.elapsed();
            const std::lock_guard guard(mutex);
            for (RolloutHost &host : outcome.hosts) {
                if (host.name == name) {
                    host = done;
                }
            }
        },
        [] { return false; });
    const int back = int(std::count_if(outcome.hosts.begin(), outcome.hosts.end(), [](const RolloutHost &h) {
        return h.state == RolloutHost::State::RolledBack;
    }));
    outcome.ok = back == outcome.hosts.size();
    outcome.message = m_cancelled ? tr("cancelled")
                                  : tr("%1 of %n host(s) rolled back", nullptr, int(outcome.hosts.size())).arg(back);
    return outcome;
}

RolloutResult Rollout::run()
{
    RolloutResult outcome;
    const auto planned = planHosts(&outcome, -1);
    if (!planned) {
        return outcome;
    }
    const QHash<QString, HostEntry> &entries = *planned;
    const auto resultOf = [&outcome](const QString &name) -> RolloutHost & {
        for (RolloutHost &host : outcome.hosts) {
            if (host.name == name) {
                return host;
            }
        }
        Q_UNREACHABLE();
    };
    int failures = 0;
    const QList<QStringList> batches = m_plan.batches();
    for (int b = 0; b < batches.size() && !m_cancelled; ++b) {
        const QStringList &batch = batches.at(b);
        const bool canaries = b == 0 && m_plan.canaries > 0;
        if (b > 0 && m_plan.pauseSeconds > 0) {
            QThread::sleep(std::chrono::seconds(m_plan.pauseSeconds)); // the operator's pause between batches
        }
        std::mutex mutex;
        bool stopStarting = false;
        forEachParallel(
            batch,
            [&, b](const QString &name) {
                const RolloutHost done = upgradeHost(entries.value(name), b);
                const std::lock_guard guard(mutex);
                resultOf(name) = done;
                if (done.state == RolloutHost::State::Failed) {
                    ++failures;
                    // the budget is spent: start no more hosts (those running finish)
                    if (canaries || m_plan.overBudget(failures, int(m_plan.hosts.size()))) {
                        stopStarting = true;
                    }
                }
            },
            [&] {
                const std::lock_guard guard(mutex);
                return stopStarting;
            });
        for (const QString &name : batch) {
            if (resultOf(name).batch < 0) {
                resultOf(name).batch = b;
            }
        }

        // Apply the policy to this batch's failures.
        QStringList failedHere;
        for (const QString &name : batch) {
            if (resultOf(name).state == RolloutHost::State::Failed) {
                failedHere.append(name);
            }
        }
        if (!failedHere.isEmpty() && m_plan.onFailure != RolloutPlan::OnFailure::Stop) {
            const QStringList targets = m_plan.onFailure == RolloutPlan::OnFailure::RollBackBatch ? batch : failedHere;
            for (const QString &name : targets) {
                RolloutHost &host = resultOf(name);
                if (host.state == RolloutHost::State::Pending) {
                    continue;
                }
                rollBackHost(entries.value(name), &host);
            }
        }
        if (canaries && !failedHere.isEmpty()) {
            outcome.message = tr("a canary failed (%1): the rollout stopped before any other host changed")
                                  .arg(failedHere.join(QStringLiteral(", ")));
            return outcome;
        }
        if (m_plan.overBudget(failures, int(m_plan.hosts.size()))) {
            outcome.message = tr("%n host(s) failed, more than the failure budget allows: the rollout stopped (%1)",
                                 nullptr,
                                 failures)
                                  .arg(RolloutPlan::onFailureName(m_plan.onFailure));
            return outcome;
        }
        if (canaries && m_plan.pauseAfterCanaries && confirmCanaries) {
            QList<RolloutHost> canaryHosts;
            for (const QString &name : batch) {
                canaryHosts.append(resultOf(name));
            }
            if (!confirmCanaries(canaryHosts)) {
                outcome.message = tr("stopped after the canaries, as asked");
                return outcome;
            }
        }
    }
    if (m_cancelled) {
        outcome.message = tr("cancelled");
        return outcome;
    }
    outcome.ok = failures == 0;
    const int upgraded = int(std::count_if(outcome.hosts.begin(), outcome.hosts.end(), [](const RolloutHost &h) {
        return h.state == RolloutHost::State::Upgraded;
    }));
    outcome.message = tr("%1 of %n host(s) upgraded", nullptr, int(outcome.hosts.size())).arg(upgraded);
    return outcome;
}

} // namespace Baton
