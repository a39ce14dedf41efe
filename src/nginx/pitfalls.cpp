#include "pitfalls.h"

namespace Baton {

namespace {

// The master's argv as nginx shows it in its title: "nginx: master process ARGV..."
QString masterArguments(const NginxProcess &master)
{
    return master.title.mid(QStringLiteral("nginx: master process ").size());
}

} // namespace

QList<Pitfall> Pitfalls::detect(const ProbeRecord &record, const ProbeInstance &instance, const PhaseState &state)
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
    if (instance.pidFile.isEmpty() && state.phase != Phase::Stopped) {
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
        if (arguments.contains(u"daemon off") || record.daemon.value(master.pid) == u"off") {
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
    const std::optional<NginxProcess> eldest = state.oldMaster ? state.oldMaster : state.master;
    if (state.master && record.executables.value(state.master->pid) == u"?") {
        add(Pitfall::Severity::Warning,
            "executable-unreadable",
            tr("The master's executable cannot be read as this user: its version and build are unknown. Let Baton "
               "use sudo on this host."));
    }
    if (eldest && record.daemon.value(eldest->pid) == u"?") {
        add(Pitfall::Severity::Warning,
            "config-unreadable",
            tr("The configuration file %1 cannot be read as this user: whether nginx runs with daemon off, and "
               "which pid file it uses, is unknown. Let Baton use sudo on this host.")
                .arg(record.configFiles.value(eldest->pid)));
    }
    const QString unitName = eldest ? record.units.value(eldest->pid) : QString();
    if (!unitName.isEmpty() && !record.systemdUnits.contains(unitName)) {
        if (!record.hasTool(QStringLiteral("systemctl"))) {
            add(Pitfall::Severity::Warning,
                "systemd-unknown",
                tr("nginx runs in the systemd service %1, but systemctl is missing: its Type and PIDFile cannot be "
                   "checked.")
                    .arg(unitName));
        }
    } else if (!unitName.isEmpty()) {
        const SystemdUnit unit = record.systemdUnits.value(unitName);
        const bool tracksNginx = (state.master && unit.mainPid == state.master->pid) ||
            (state.oldMaster && unit.mainPid == state.oldMaster->pid) || unit.execStart.contains(u"nginx");
        if (tracksNginx && unit.type != u"forking") {
            add(Pitfall::Severity::Blocker,
                "systemd-type",
                tr("The systemd service %1 has Type=%2: a binary upgrade needs Type=forking, or systemd stops the "
                   "new master when the old one exits.")
                    .arg(unitName, unit.type.isEmpty() ? tr("(none)") : unit.type));
        } else if (tracksNginx && unit.pidFile.isEmpty()) {
            add(Pitfall::Severity::Blocker,
                "systemd-no-pidfile",
                tr("The systemd service %1 has no PIDFile: when the old master exits, systemd cannot find the new "
                   "one and stops the service. Set PIDFile=%2.")
                    .arg(unitName, instance.pidFile));
        } else if (tracksNginx && !instance.pidFile.isEmpty() && unit.pidFile != instance.pidFile) {
            add(Pitfall::Severity::Blocker,
                "systemd-pidfile-mismatch",
                tr("The systemd service %1 has PIDFile=%2, but nginx writes its pid to %3: systemd would lose "
                   "track of the new master. Make them equal.")
                    .arg(unitName, unit.pidFile, instance.pidFile));
        } else if (tracksNginx && unit.mainPid != 0 && unit.mainPid != eldest->pid) {
            add(Pitfall::Severity::Warning,
                "systemd-mainpid",
                tr("The systemd service %1 tracks process %2 as its main process, not the nginx master %3.")
                    .arg(unitName)
                    .arg(unit.mainPid)
                    .arg(eldest->pid));
        }
    }
    if (state.phase != Phase::Stopped && record.tools.contains(QStringLiteral("sha256sum")) &&
        !record.hasTool(QStringLiteral("sha256sum"))) {
        add(Pitfall::Severity::Warning,
            "no-sha256sum",
            tr("sha256sum is missing on the host: the binary on disk cannot be compared with the running one."));
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

QList<Pitfall> Pitfalls::detect(const ProbeRecord &record, const PhaseState &state)
{
    QString why;
    return detect(record, record.selectedInstance(&why).value_or(ProbeInstance{}), state);
}

bool Pitfalls::hasBlocker(const QList<Pitfall> &pitfalls)
{
    return std::any_of(pitfalls.begin(), pitfalls.end(), [](const Pitfall &pitfall) {
        return pitfall.severity == Pitfall::Severity::Blocker;
    });
}

} // namespace Baton
