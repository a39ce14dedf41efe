#pragma once

#include "hostupgrade.h"
#include "inventory.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace Baton {

class SshPrompter;
class Transcript;

/** @brief How a fleet is upgraded: canaries first, then batches, within a failure budget. */
struct RolloutPlan
{
    enum class OnFailure {
        RollBackHost, ///< a failed host goes back; the others of its batch stay upgraded
        RollBackBatch, ///< the whole batch of a failed host goes back (committed hosts: to their backup)
        Stop, ///< leave the failed host as it is and stop, for a human to look
    };

    QStringList hosts; ///< in order; the first `canaries` are the canaries
    int canaries = 1;
    bool pauseAfterCanaries = false; ///< ask confirmCanaries() before the batches
    int batchSize = 5;
    int parallel = 5; ///< hosts upgraded at once within a batch
    int maxFailures = 0; ///< stop once more hosts than this failed (-1: no limit)
    int maxFailurePercent = -1; ///< or once more than this share of the hosts failed (-1: not used)
    int pauseSeconds = 0; ///< between batches
    OnFailure onFailure = OnFailure::RollBackHost;
    UpgradeSettings settings; ///< target, timeouts; an empty target means each host's nginx.targetBinary

    /** @brief The batches: the canaries, then the rest in groups of batchSize. */
    QList<QStringList> batches() const;
    /** @brief Whether @p failed failures out of @p total hosts exceed the budget. */
    bool overBudget(int failed, int total) const;
    static QString onFailureName(OnFailure policy);
};

/** @brief Where one host of a rollout ended. */
struct RolloutHost
{
    enum class State {
        Pending, ///< not started (the rollout stopped first)
        Upgraded, ///< runs the target, committed (also when it already did)
        Failed, ///< its upgrade failed; see message and phase
        RolledBack, ///< failed or part of a failed batch, and now back on its old binary
    };
    QString name;
    int batch = -1; ///< 0: the canaries
    State state = State::Pending;
    Phase phase = Phase::Abnormal;
    QString message;
    qint64 durationMs = 0;

    static QString stateName(State state);
};

struct RolloutResult
{
    bool ok = false; ///< every host upgraded
    QString message; ///< why the rollout stopped, or a summary
    QList<RolloutHost> hosts;
};

/**
 * @brief Drives a rollout over the hosts of an inventory with HostUpgrade, batch by batch.
 *
 * Nothing is remembered between runs: a host that already runs the target counts as
 * upgraded, one in the middle of an upgrade is taken on from where it is (HostUpgrade
 * resumes), one on its old binary is upgraded. Running the same rollout again after a
 * crash therefore continues it, and no host gets a second USR2.
 */
class Rollout
{
    Q_DECLARE_TR_FUNCTIONS(Rollout)

public:
    Rollout(const Inventory &inventory,
            const RolloutPlan &plan,
            Transcript *transcript,
            SshPrompter *prompter = nullptr);

    /** @brief A line about one host, as things happen (called from the hosts' threads). */
    std::function<void(const QString &host, const QString &line)> onProgress;
    /** @brief HostUpgrade::onSignal and onPhase of each host (called from the hosts' threads). */
    std::function<void(const QString &host, const QString &signal)> onSignal;
    std::function<void(const QString &host, Phase phase)> onPhase;
    /** @brief Asked after the canaries when the plan says so: true to go on. */
    std::function<bool(const QList<RolloutHost> &canaries)> confirmCanaries;

    RolloutResult run();
    /**
     * @brief Puts every host of the plan back on the binary it ran before Baton's last
     * upgrade (HostUpgrade::undo), `parallel` at once, whatever its phase; a host already
     * there is left alone. Batches and the failure budget do not apply: every host is tried.
     */
    RolloutResult rollBackAll();
    void cancel() { m_cancelled = true; }

private:
    RolloutHost upgradeHost(const HostEntry &host, int batch);
    void rollBackHost(const HostEntry &host, RolloutHost *result);
    UpgradeSettings settingsFor(const HostEntry &host) const;
    void forwardEvents(const HostEntry &host, HostUpgrade &upgrade);
    /** @brief The plan's hosts by name, each added to @p outcome as pending in @p batch;
     * nothing when one is not in the inventory (@p outcome says which). */
    std::optional<QHash<QString, HostEntry>> planHosts(RolloutResult *outcome, int batch) const;
    /** @brief Runs @p work for each of @p names, `parallel` at once; starts no more once
     * @p stop says so (those running finish). */
    void forEachParallel(const QStringList &names,
                         const std::function<void(const QString &name)> &work,
                         const std::function<bool()> &stop);

    Inventory m_inventory;
    RolloutPlan m_plan;
    Transcript *m_transcript = nullptr;
    SshPrompter *m_prompter = nullptr;
    std::atomic<bool> m_cancelled{false};
};

} // namespace Baton
