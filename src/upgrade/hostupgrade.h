#pragma once

#include "inventory.h"
#include "nginxbuild.h"
#include "phase.h"
#include "pitfalls.h"
#include "proberecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace Baton {

class RemoteHost;
class Transcript;

/** @brief A fresh look at one nginx instance: the probe's record, its phase and pitfalls. */
struct HostSnapshot
{
    QString error; ///< set when the host could not be probed; nothing else is then valid
    ProbeRecord record;
    ProbeInstance instance;
    PhaseState state;
    QList<Pitfall> pitfalls;

    bool ok() const { return error.isEmpty(); }
    /** @brief The snapshot a probe's output describes (error set when it cannot be read). */
    static HostSnapshot fromProbe(const QString &output);
    Phase phase() const { return ok() ? state.phase : Phase::Abnormal; }
    /** @brief "1.22.1" for the master the pid file names, or empty. */
    QString masterVersion() const;
    QString oldMasterVersion() const;
};

/** @brief How much a probe reports (resources/probe.sh): everything; "facts", everything
 * but the sockets (what a step needs); "quick", for polling (no sums, builds or
 * configuration); or "phase", the processes and pid files only. */
enum class ProbeDetail { Full, Facts, Quick, Phase };

/** @brief The probe as a command for @p host's instance: POSIX sh, no input (it can run in
 * a connection's persistent shell). @p binary: the file on disk to describe (default: the
 * inventory's nginx.binary). */
QString probeCommand(const HostEntry &host, ProbeDetail detail, const QString &binary = {});

/** @brief One preflight check: pass, warn (go on, but know this) or fail (stop). */
struct PreflightCheck
{
    enum class Status { Pass, Warn, Fail };
    QString id; ///< stable: "phase", "upgradable", "target", "build", "config-test", "disk", "lock", "health"
    Status status = Status::Pass;
    QString message;

    static QString statusName(Status status);
};

/** @brief How a step ended. */
struct StepReport
{
    QString step;
    bool ok = false;
    QString message; ///< one sentence: what happened, or why not
    QStringList details; ///< error log lines, the output of a failed command, ...
    Phase phase = Phase::Abnormal; ///< the phase derived after the step
};

/** @brief What to do when the old workers have not drained by the deadline. */
enum class DrainTimeoutAction {
    Fail, ///< stop and report; the host stays in "draining" (run drain again to wait longer)
    Terminate, ///< send TERM to the old workers still running
    RollBack, ///< roll the host back
};

struct UpgradeSettings
{
    QString localTarget; ///< a binary on this machine, uploaded to the host
    QString remoteTarget; ///< or a binary already on the host
    QString healthUrl; ///< requested on the host; empty: http://127.0.0.1:<httpPort>/ when known
    int spawnTimeoutSeconds = 30;
    int drainTimeoutSeconds = 300;
    DrainTimeoutAction onDrainTimeout = DrainTimeoutAction::Fail;
    int quitTimeoutSeconds = 30; ///< for a master to exit after QUIT, before TERM
    int pollIntervalMs = 200;
    int lockLeaseSeconds = 120;
    QString owner; ///< who holds the lock: "batonctl on HOST, pid N, started T"
};

/**
 * @brief Drives the hot binary upgrade of one nginx instance (DESIGN.md §1), step by step.
 *
 * Every step reads a fresh snapshot first and acts only when the phase allows it, sends
 * each signal to a process identified by (pid, start time), runs state-changing commands
 * detached on the host, and polls its postcondition to a deadline. Nothing is remembered
 * between runs: a new HostUpgrade on a host mid-upgrade finds out where it stands and
 * offers the steps valid from there. Blocking; call from one thread (the CLI runs one per
 * host; the GUI will run it on a worker thread). cancel() is thread-safe.
 */
class HostUpgrade
{
    Q_DECLARE_TR_FUNCTIONS(HostUpgrade)

public:
    enum class Step { Preflight, Stage, Spawn, Drain, Commit, RollBack };

    HostUpgrade(const HostEntry &host, RemoteHost *remote, Transcript *transcript, const UpgradeSettings &settings);
    ~HostUpgrade();

    /** @brief Receives a line for the user as things happen ("old workers: 2 left, 5 connections"). */
    std::function<void(const QString &line)> onProgress;
    /** @brief Told just before a signal goes to a process ("USR2", pid), for the charts' markers. */
    std::function<void(const QString &signal, qint64 pid)> onSignal;
    /** @brief Told the phase each of the engine's own probes derived, as it comes in (for
     * timelines: a rollout's steps are often quicker than a monitor's tick). */
    std::function<void(Phase phase)> onPhase;

    HostSnapshot snapshot();
    /** @brief The steps that are valid from @p phase. */
    static QList<Step> validSteps(Phase phase);
    static QString stepName(Step step);
    /** @brief "drain, commit, rollback", or "none" */
    static QString validStepNames(Phase phase);

    /** @brief Checks everything before a change, and changes nothing on nginx. */
    QList<PreflightCheck> preflight();
    StepReport stage();
    StepReport spawn();
    StepReport drain();
    StepReport commit();
    StepReport rollBack();
    /**
     * @brief Puts the host back on the binary it ran before Baton's last upgrade, from any
     * phase: a rollback while the upgrade is in progress, or, once committed, a new upgrade
     * to the recorded backup. A host already on it is left alone (and that is a success).
     */
    StepReport undo();
    /**
     * @brief Automatic mode: from wherever the host is, runs the steps up to @p until
     * (Spawned, Parked or Running for "committed"), with health gates; rolls back on a
     * failed gate.
     */
    StepReport runUntil(Phase until);

    /** @brief The commands each step would run on this host now, as a script to read. */
    QString dryRun();

    void cancel();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Baton
