#include "fleetmonitor.h"

#include "sshsession.h"

#include <QTimer>

#include <algorithm>

namespace Baton {

struct FleetMonitor::Host
{
    HostEntry entry;
    std::unique_ptr<SshSession> session;
    QTimer timer;
    quint64 pending = 0; ///< the probe running now
    QByteArray output;
    QString signature;
    int intervalMs = 0;
    int probes = 0;
    QString masters; ///< the masters seen last ("pid/start ..."): new ones get a full probe
    bool full = true; ///< the next probe in full: versions, builds, sums (first, and after a new master)
};

FleetMonitor::FleetMonitor(const QList<HostEntry> &hosts,
                           const Settings &settings,
                           SshPrompter *prompter,
                           QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_prompter(prompter)
{
    m_settings.fastMs = std::max(50, m_settings.fastMs);
    m_settings.slowMs = std::max(m_settings.fastMs, m_settings.slowMs);
    for (const HostEntry &entry : hosts) {
        auto host = std::make_unique<Host>();
        host->entry = entry;
        host->intervalMs = m_settings.fastMs;
        host->timer.setSingleShot(true);
        Host *raw = host.get();
        connect(&host->timer, &QTimer::timeout, this, [this, raw] { probe(raw); });
        m_hosts.push_back(std::move(host));
    }
}

FleetMonitor::~FleetMonitor()
{
    stop();
}

void FleetMonitor::start()
{
    m_running = true;
    // a millisecond apart: a session (and its thread) per host is made between two turns of
    // the event loop, not a hundred in one
    int delay = 0;
    for (const auto &host : m_hosts) {
        if (!host->pending) {
            host->timer.start(delay++);
        }
    }
}

void FleetMonitor::stop()
{
    m_running = false;
    for (const auto &host : m_hosts) {
        host->timer.stop();
        if (host->session && host->pending) {
            host->session->cancel(host->pending);
        }
    }
}

void FleetMonitor::poke(const QString &name)
{
    for (const auto &host : m_hosts) {
        if (host->entry.name == name) {
            host->intervalMs = m_settings.fastMs;
            if (m_running && !host->pending) {
                host->timer.stop();
                probe(host.get());
            }
        }
    }
}

int FleetMonitor::probes(const QString &name) const
{
    for (const auto &host : m_hosts) {
        if (host->entry.name == name) {
            return host->probes;
        }
    }
    return 0;
}

int FleetMonitor::intervalMs(const QString &name) const
{
    for (const auto &host : m_hosts) {
        if (host->entry.name == name) {
            return host->intervalMs;
        }
    }
    return 0;
}

QString FleetMonitor::signature(const HostSnapshot &snapshot)
{
    if (!snapshot.ok()) {
        return QStringLiteral("error: ") + snapshot.error;
    }
    QStringList parts{phaseName(snapshot.phase())};
    for (const NginxProcess &process : snapshot.record.processes) {
        parts.append(QStringLiteral("%1/%2/%3/%4")
                         .arg(process.pid)
                         .arg(process.ppid)
                         .arg(process.state == u'Z' ? u'Z' : u'-') // running or sleeping: no change
                         .arg(process.title));
    }
    for (auto it = snapshot.record.pidFilePids.cbegin(); it != snapshot.record.pidFilePids.cend(); ++it) {
        parts.append(it.key() + u'=' + QString::number(it.value().value_or(0)) + u'/' +
                     QString::number(snapshot.record.oldbinPids.value(it.key()).value_or(0)));
    }
    std::sort(parts.begin() + 1, parts.end());
    return parts.join(u'|');
}

void FleetMonitor::probe(Host *host)
{
    if (!m_running || host->pending) {
        return;
    }
    if (!host->session) {
        host->session = std::make_unique<SshSession>(host->entry.sshConfig(), m_prompter);
        connect(host->session.get(), &SshSession::standardOutput, this, [host](quint64 id, const QByteArray &data) {
            if (id == host->pending) {
                host->output += data;
            }
        });
        connect(host->session.get(), &SshSession::finished, this, [this, host](quint64 id, const ExecResult &result) {
            if (id == host->pending) {
                finished(host, result);
            }
        });
    }
    host->output.clear();
    ExecRequest request{
        probeCommand(host->entry, host->full ? ProbeDetail::Full : m_settings.detail), {}, 60000, host->entry.sudo};
    request.persistentShell = true;
    host->pending = host->session->run(request);
    ++host->probes;
}

void FleetMonitor::finished(Host *host, const ExecResult &result)
{
    host->pending = 0;
    HostSnapshot snapshot;
    if (!result.succeeded()) {
        snapshot.error = result.error ? result.error.message
                                      : tr("the probe exited with status %1").arg(result.exitStatus.value_or(-1));
    } else {
        snapshot = HostSnapshot::fromProbe(QString::fromUtf8(host->output));
    }
    QStringList masters;
    for (const std::optional<NginxProcess> &master : {snapshot.state.master, snapshot.state.oldMaster}) {
        if (master) {
            masters.append(QStringLiteral("%1/%2").arg(master->pid).arg(master->startTime));
        }
    }
    // a quick record does not say what a master runs: ask in full once per new master
    host->full = !snapshot.ok() || (snapshot.record.quick && masters.join(u' ') != host->masters);
    if (snapshot.ok() && !snapshot.record.quick) {
        host->masters = masters.join(u' ');
    }
    const QString signature = FleetMonitor::signature(snapshot);
    const bool changed = signature != host->signature;
    host->signature = signature;
    const bool moving = snapshot.phase() == Phase::Spawned || snapshot.phase() == Phase::Draining;
    if (!snapshot.ok()) {
        host->intervalMs = m_settings.slowMs; // unreachable: try again, slowly
    } else if (changed) {
        host->intervalMs = m_settings.fastMs;
    } else {
        host->intervalMs = std::min(host->intervalMs * 2, moving ? 2 * m_settings.fastMs : m_settings.slowMs);
    }
    Q_EMIT updated(host->entry.name, snapshot, changed, host->intervalMs);
    if (m_running) {
        host->timer.start(host->intervalMs);
    }
}

} // namespace Baton
