#pragma once

#include "hostupgrade.h"
#include "inventory.h"
#include "sshexec.h"

#include <QObject>

#include <memory>
#include <vector>

namespace Baton {

class SshPrompter;

/**
 * @brief Live status of a fleet: one probe per host per tick, over one SSH connection per
 * host kept open (each probe runs in the connection's persistent shell: a fork on the
 * host, not a login).
 *
 * The tick adapts per host: a host whose processes or pid files changed since its last probe,
 * or that is mid-upgrade (spawned, draining), is probed again after the fast interval; a
 * host that stays the same waits twice as long each time, up to the slow interval. A probe
 * never overlaps the previous one of its host. The first probe of a host, and the first
 * after a new master appears, is a full one (versions, builds, sums); the others are of the
 * level in Settings. poke() asks for the fast pace at once (a step
 * was just started there). Lives in the thread that created it; needs its event loop.
 */
class FleetMonitor : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int fastMs = 500;
        int slowMs = 8000;
        ProbeDetail detail = ProbeDetail::Quick; ///< quick: workers' connections too
    };

    FleetMonitor(const QList<HostEntry> &hosts,
                 const Settings &settings,
                 SshPrompter *prompter = nullptr,
                 QObject *parent = nullptr);
    ~FleetMonitor() override;

    void start();
    void stop();
    /** @brief Probes @p host now, and fast again from there. */
    void poke(const QString &host);

    /** @brief How many probes @p host has had, and the interval before its next one. */
    int probes(const QString &host) const;
    int intervalMs(const QString &host) const;

    /** @brief What decides whether a host changed: phase, processes and pid files (not
     * connection counts, which move all the time under load). */
    static QString signature(const HostSnapshot &snapshot);

Q_SIGNALS:
    /** @brief A probe of @p host came back; @p changed: it differs from the last one. */
    void updated(const QString &host, const Baton::HostSnapshot &snapshot, bool changed, int nextMs);

private:
    struct Host;
    void probe(Host *host);
    void finished(Host *host, const ExecResult &result);

    Settings m_settings;
    SshPrompter *m_prompter = nullptr;
    std::vector<std::unique_ptr<Host>> m_hosts;
    bool m_running = false;
};

} // namespace Baton
