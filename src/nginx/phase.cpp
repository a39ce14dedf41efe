#include "phase.h"

namespace Baton {

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Stopped:
        return QStringLiteral("stopped");
    case Phase::Running:
        return QStringLiteral("running");
    case Phase::Spawned:
        return QStringLiteral("spawned");
    case Phase::Draining:
        return QStringLiteral("draining");
    case Phase::Parked:
        return QStringLiteral("parked");
    case Phase::Abnormal:
        break;
    }
    return QStringLiteral("abnormal");
}

namespace {

QList<NginxProcess> workersOf(const ProbeRecord &record, qint64 master)
{
    QList<NginxProcess> workers;
    for (const NginxProcess &child : record.childrenOf(master)) {
        if (child.isWorker()) {
            workers.append(child);
        }
    }
    return workers;
}

std::optional<NginxProcess> masterWithPid(const ProbeRecord &record, std::optional<qint64> pid)
{
    if (!pid) {
        return std::nullopt;
    }
    const auto process = record.process(*pid);
    if (!process || process->role() != NginxProcess::Role::Master || process->state == u'Z') {
        return std::nullopt;
    }
    return process;
}

} // namespace

PhaseState PhaseState::derive(const ProbeRecord &record)
{
    PhaseState state;
    const auto abnormal = [&state](const QString &reason) {
        state.phase = Phase::Abnormal;
        state.reason = reason;
        return state;
    };

    QList<NginxProcess> masters;
    for (const NginxProcess &process : record.processes) {
        if (process.role() == NginxProcess::Role::Master && process.state != u'Z') {
            masters.append(process);
        }
    }

    if (record.pidFile.isEmpty()) {
        // No pid file (`pid off`, or not known): the process table alone.
        if (masters.isEmpty()) {
            state.phase = Phase::Stopped;
            return state;
        }
        QList<NginxProcess> roots;
        for (const NginxProcess &master : masters) {
            if (!record.process(master.ppid) || record.process(master.ppid)->role() != NginxProcess::Role::Master) {
                roots.append(master);
            }
        }
        if (roots.size() != 1) {
            return abnormal(tr("%1 nginx masters run that are not children of one another; name the instance's "
                               "pid file to tell them apart")
                                .arg(roots.size()));
        }
        const QList<NginxProcess> children = record.childrenOf(roots.first().pid);
        std::optional<NginxProcess> child;
        for (const NginxProcess &process : children) {
            if (process.role() == NginxProcess::Role::Master) {
                child = process;
            }
        }
        if (child) {
            state.oldMaster = roots.first();
            state.master = child;
        } else {
            state.master = roots.first();
        }
    } else {
        state.master = masterWithPid(record, record.pidFilePid);
        state.oldMaster = masterWithPid(record, record.oldbinPid);
        if (record.pidFilePid && !state.master) {
            return abnormal(tr("the pid file %1 names process %2, which is not a running nginx master")
                                .arg(record.pidFile)
                                .arg(*record.pidFilePid));
        }
        if (record.oldbinPid && !state.oldMaster) {
            return abnormal(tr("stale %1.oldbin: it names process %2, which is not a running nginx master")
                                .arg(record.pidFile)
                                .arg(*record.oldbinPid));
        }
        if (!state.master && !state.oldMaster) {
            // Masters of other instances may run; one of this binary means a lost pid file.
            const bool oursRuns = !record.binaryPath.isEmpty() &&
                std::any_of(masters.begin(), masters.end(), [&record](const NginxProcess &master) {
                    return master.title.contains(record.binaryPath);
                });
            if (oursRuns) {
                return abnormal(tr("an nginx master of %1 runs, but the pid file %2 is missing")
                                    .arg(record.binaryPath, record.pidFile));
            }
            state.phase = Phase::Stopped;
            return state;
        }
        if (!state.master && state.oldMaster) {
            return abnormal(tr("only the old master (in %1.oldbin) runs; the pid file is missing").arg(record.pidFile));
        }
    }

    state.workers = workersOf(record, state.master->pid);
    if (!state.oldMaster) {
        if (state.workers.isEmpty()) {
            return abnormal(tr("the master (pid %1) has no workers").arg(state.master->pid));
        }
        state.phase = Phase::Running;
        return state;
    }
    state.oldWorkers = workersOf(record, state.oldMaster->pid);
    if (state.master->ppid != state.oldMaster->pid) {
        return abnormal(tr("two unrelated masters: %1 (pid file) is not a child of %2 (.oldbin)")
                            .arg(state.master->pid)
                            .arg(state.oldMaster->pid));
    }
    if (state.workers.isEmpty()) {
        return abnormal(tr("the new master (pid %1) has no workers").arg(state.master->pid));
    }
    if (state.oldWorkers.isEmpty()) {
        state.phase = Phase::Parked;
        return state;
    }
    const bool allShuttingDown = std::all_of(state.oldWorkers.begin(), state.oldWorkers.end(), [](const auto &w) {
        return w.role() == NginxProcess::Role::ShuttingDownWorker;
    });
    state.phase = allShuttingDown ? Phase::Draining : Phase::Spawned;
    return state;
}

} // namespace Baton
