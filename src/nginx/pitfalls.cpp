#include "pitfalls.h"

namespace Baton {

namespace {

// The master's argv as nginx shows it in its title: "nginx: master process ARGV..."
QString masterArguments(const NginxProcess &master)
{
    return master.title.mid(QStringLiteral("nginx: master process ").size());
}

} // namespace

QList<Pitfall> Pitfalls::detect(const ProbeRecord &record, const PhaseState &state)
{
    QList<Pitfall> found;
    const auto add = [&found](Pitfall::Severity severity, const char *code, const QString &message) {
        found.append({severity, QString::fromLatin1(code), message});
    };

    switch (state.phase) {
    case Phase::Spawned:
    case Phase::Draining:
    case Phase::Parked:
        add(Pitfall::Severity::Blocker,
            "upgrade-in-progress",
            tr("An upgrade is already in progress (%1): finish it (commit or roll back) before starting another; "
               "USR2 is ignored while a new binary runs.")
                .arg(phaseName(state.phase)));
        break;
    case Phase::Abnormal:
        add(Pitfall::Severity::Blocker, "abnormal", state.reason);
        break;
    case Phase::Stopped:
    case Phase::Running:
        break;
    }
    if (record.pidFile.isEmpty()) {
        add(Pitfall::Severity::Warning,
            "no-pid-file",
            tr("No pid file is known for this instance (pid off?): masters are found by their title only."));
    }

    if (state.master) {
        const NginxProcess &master = *state.master;
        const QString arguments = masterArguments(master);
        if (!arguments.startsWith(u'/')) {
            add(Pitfall::Severity::Blocker,
                "relative-argv0",
                tr("The master was started as \"%1\", not by an absolute path: the new binary cannot be "
                   "executed on USR2. Restart nginx once by its full path.")
                    .arg(arguments.section(u' ', 0, 0)));
        }
        if (arguments.contains(u"daemon off")) {
            add(Pitfall::Severity::Blocker,
                "daemon-off",
                tr("nginx runs with daemon off: a binary upgrade is not possible, restart it instead."));
        }
        if (master.pid == 1) {
            add(Pitfall::Severity::Blocker,
                "pid-1",
                tr("The master is PID 1 (a container's main process): a binary upgrade is not possible."));
        }
        // A replaced file with the same content (a restored backup) runs what is on disk.
        const QString running = record.executableSha256.value(master.pid);
        const bool sameContent = !running.isEmpty() && running == record.binarySha256;
        if (!state.oldMaster && !sameContent) {
            if (record.executableDeleted(master.pid)) {
                add(Pitfall::Severity::Warning,
                    "binary-replaced",
                    tr("The running binary was replaced on disk (%1): the master still runs the old one.")
                        .arg(record.executables.value(master.pid)));
            } else if (!running.isEmpty() && !record.binarySha256.isEmpty()) {
                add(Pitfall::Severity::Warning,
                    "binary-differs",
                    tr("The binary on disk (%1) differs from the one the master runs.").arg(record.binaryPath));
            }
        }
    }
    for (const NginxProcess &process : record.processes) {
        if (process.role() == NginxProcess::Role::Other) {
            add(Pitfall::Severity::Warning,
                "foreign-nginx-title",
                tr("Process %1 is titled \"%2\" but is not an nginx master or worker; it is ignored.")
                    .arg(process.pid)
                    .arg(process.title));
        }
    }
    return found;
}

bool Pitfalls::hasBlocker(const QList<Pitfall> &pitfalls)
{
    return std::any_of(pitfalls.begin(), pitfalls.end(), [](const Pitfall &pitfall) {
        return pitfall.severity == Pitfall::Severity::Blocker;
    });
}

} // namespace Baton
