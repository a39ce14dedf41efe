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

// Without a pid file (`pid off`, or none known): the masters from the process table
// alone. Returns false when @p state is final (stopped or abnormal).
bool fromProcessTable(const ProbeRecord &record, const QList<NginxProcess> &masters, PhaseState *state)
{
    if (masters.isEmpty()) {
        state->phase = Phase::Stopped;
        return false;
    }
    QList<NginxProcess> roots; // masters whose parent is no master
    for (const NginxProcess &master : masters) {
        const auto parent = record.process(master.ppid);
        if (!parent || parent->role() != NginxProcess::Role::Master) {
            roots.append(master);
        }
    }
    if (roots.size() != 1) {
        state->phase = Phase::Abnormal;
        state->reason = PhaseState::tr("%1 nginx masters run that are not children of one another; name the "
                                       "instance's pid file to tell them apart")
                            .arg(roots.size());
        return false;
    }
    state->master = roots.first();
    for (const NginxProcess &child : record.childrenOf(roots.first().pid)) {
        if (child.role() == NginxProcess::Role::Master) {
            state->oldMaster = roots.first();
            state->master = child;
        }
    }
    return true;
}

} // namespace

PhaseState PhaseState::derive(const ProbeRecord &record)
{
    QString why;
    const auto instance = record.selectedInstance(&why);
    if (!instance) {
        PhaseState state;
        state.reason = why;
        return state;
    }
    return derive(record, *instance);
}

PhaseState PhaseState::derive(const ProbeRecord &record, const ProbeInstance &instance)
{
    PhaseState state;
    const auto abnormal = [&state](const QString &reason) {
        state.phase = Phase::Abnormal;
        state.reason = reason;
        return state;
    };

    QList<NginxProcess> masters;
    for (qint64 pid : instance.masters) {
        if (const auto master = record.process(pid)) {
            masters.append(*master);
        }
    }

    if (instance.pidFile.isEmpty()) {
        if (!fromProcessTable(record, masters, &state)) {
            return state;
        }
    } else {
        const QString &pidFile = instance.pidFile;
        const std::optional<qint64> pidFilePid = record.pidFilePids.value(pidFile);
        const std::optional<qint64> oldbinPid = record.oldbinPids.value(pidFile);
        state.master = masterWithPid(record, pidFilePid);
        state.oldMaster = masterWithPid(record, oldbinPid);
        if (pidFilePid && !state.master) {
            return abnormal(tr("the pid file %1 names process %2, which is not a running nginx master")
                                .arg(pidFile)
                                .arg(*pidFilePid));
        }
        if (oldbinPid && !state.oldMaster) {
            return abnormal(tr("stale %1.oldbin: it names process %2, which is not a running nginx master")
                                .arg(pidFile)
                                .arg(*oldbinPid));
        }
        if (!state.master && !state.oldMaster) {
            // A master of this binary whose pid file is unknown (configuration unreadable)
            // may be this instance's too.
            if (masters.isEmpty() && !record.binaryPath.isEmpty()) {
                for (const NginxProcess &master : record.masters()) {
                    const QString path = record.pidPaths.value(master.pid, QStringLiteral("?"));
                    if (path == u"?" && master.title.contains(record.binaryPath)) {
                        masters.append(master);
                    }
                }
            }
            if (!masters.isEmpty()) {
                return abnormal(tr("an nginx master (pid %1) runs with this configuration, but the pid file %2 is "
                                   "missing")
                                    .arg(masters.first().pid)
                                    .arg(pidFile));
            }
            state.phase = Phase::Stopped;
            return state;
        }
        if (!state.master && state.oldMaster) {
            return abnormal(tr("only the old master (in %1.oldbin) runs; the pid file is missing").arg(pidFile));
        }
        for (const NginxProcess &other : masters) {
            if (other.pid != state.master->pid && (!state.oldMaster || other.pid != state.oldMaster->pid)) {
                return abnormal(tr("another nginx master (pid %1) runs with the pid file %2, which does not name it")
                                    .arg(other.pid)
                                    .arg(pidFile));
            }
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
