#include "fleet.h"

#include "appsettings.h"
#include "buildcontroller.h"
#include "comparison.h"
#include "desktopnotifier.h"
#include "fleetmonitor.h"
#include "guiprompter.h"
#include "hostdetail.h"
#include "rolloutcontroller.h"
#include "transcript.h"
#include "upgradecontroller.h"

#include <QDateTime>
#include <QTimer>

namespace Baton {

namespace {
Fleet *s_instance = nullptr;
}

Fleet::Fleet(QObject *parent)
    : QObject(parent)
{
    Q_ASSERT_X(!s_instance, "Fleet", "there is one Fleet per process");
    s_instance = this;
    m_visibleHosts.setSourceModel(&m_hosts);
    m_prompter = new GuiPrompter(this);
    m_notifier = new DesktopNotifier(this);
    m_host = new HostDetail(this);
    m_upgrade = new UpgradeController(this);
    m_build = new BuildController(this);
    m_rollout = new RolloutController(this);
    m_comparison = new Comparison(this);
    m_editor = new InventoryEditor(this);
    m_lab = new LabLauncher(this);
}

Fleet::~Fleet()
{
    // no question may hold an engine thread while the controllers wait for theirs
    m_prompter->shutdown();
    m_monitor.reset(); // before the lab's hosts go
    delete m_lab;
    delete m_editor;
    delete m_comparison;
    delete m_rollout;
    delete m_build;
    delete m_upgrade;
    delete m_host;
    m_monitor.reset();
    s_instance = nullptr;
}

void Fleet::setCurrentHost(const QString &host)
{
    if (m_currentHost == host) {
        return;
    }
    m_currentHost = host;
    m_host->setHost(host);
    m_upgrade->setHost(host);
    m_build->setHost(host);
    Q_EMIT currentHostChanged();
}

void Fleet::setSelected(const QString &host, bool selected)
{
    if (m_hosts.setSelected(host, selected)) {
        Q_EMIT selectionChanged();
    }
}

void Fleet::selectAll()
{
    const QStringList before = selection();
    QStringList all;
    for (const HostEntry &entry : std::as_const(m_inventory.hosts)) {
        all.append(entry.name);
    }
    m_hosts.setSelection(all);
    if (selection() != before) {
        Q_EMIT selectionChanged();
    }
}

void Fleet::clearSelection()
{
    const QStringList before = selection();
    m_hosts.setSelection({});
    if (!before.isEmpty()) {
        Q_EMIT selectionChanged();
    }
}

void Fleet::poke(const QString &host)
{
    if (m_monitor) {
        m_monitor->poke(host);
    }
}

std::optional<HostEntry> Fleet::entry(const QString &host) const
{
    const HostEntry *found = m_hosts.entry(host);
    return found ? std::optional<HostEntry>(*found) : std::nullopt;
}

const HostSnapshot *Fleet::latestSnapshot(const QString &host) const
{
    const auto it = m_latest.constFind(host);
    return it == m_latest.cend() ? nullptr : &*it;
}

const HostSnapshot *Fleet::latestFullSnapshot(const QString &host) const
{
    const auto it = m_latestFull.constFind(host);
    return it == m_latestFull.cend() ? nullptr : &*it;
}

const HostTimeline *Fleet::timeline(const QString &host) const
{
    const auto it = m_timelines.constFind(host);
    return it == m_timelines.cend() ? nullptr : &*it;
}

void Fleet::addMarker(const QString &host, const QString &signal)
{
    m_timelines[host].addMarker({QDateTime::currentMSecsSinceEpoch(), signal});
    m_host->hostUpdated(host);
}

void Fleet::notePhase(const QString &host, qint64 msecs, Phase phase)
{
    m_timelines[host].notePhase(msecs, phaseName(phase));
}

Transcript *Fleet::transcript()
{
    if (!m_transcript) {
        m_transcript = std::make_unique<Transcript>();
        m_host->setTranscriptPath(m_transcript->path());
    }
    return m_transcript.get();
}

void Fleet::takeSnapshot(const QString &host, const HostSnapshot &snapshot)
{
    m_hosts.updateStatus(host, snapshot);
    m_latest.insert(host, snapshot);
    if (snapshot.ok() && !snapshot.record.quick) {
        m_latestFull.insert(host, snapshot);
    }
    m_timelines[host].append(HostTimeline::sampleOf(snapshot, QDateTime::currentMSecsSinceEpoch()));
    m_host->hostUpdated(host);
    m_upgrade->hostUpdated(host);
    if (m_comparison->hosts().contains(host)) {
        m_comparison->refresh(); // live rows: phase and workers follow the probes
    }
    Q_EMIT hostUpdated(host);
}

void Fleet::setPolling(bool polling)
{
    if (m_polling == polling) {
        return;
    }
    m_polling = polling;
    restartMonitor();
    Q_EMIT pollingChanged();
}

void Fleet::restartMonitor()
{
    const bool wasSettled = isSettled();
    m_monitor.reset();
    m_answered.clear();
    if (m_polling && !m_inventory.hosts.isEmpty()) {
        FleetMonitor::Settings settings;
        if (AppSettings::instance()) {
            settings.slowMs = AppSettings::instance()->pollIntervalMs();
        }
        m_monitor = std::make_unique<FleetMonitor>(m_inventory.hosts, settings, m_prompter);
        connect(m_monitor.get(),
                &FleetMonitor::updated,
                this,
                [this](const QString &host, const HostSnapshot &snapshot, bool, int) {
                    takeSnapshot(host, snapshot);
                    const bool before = isSettled();
                    m_answered.insert(host);
                    if (!before && isSettled()) {
                        m_hosts.flush();
                        Q_EMIT settledChanged();
                    }
                });
        m_hosts.setConnecting();
        m_monitor->start();
        // a host that does not answer (a connect timing out) does not hold the rest back
        QTimer::singleShot(10000, m_monitor.get(), [this] {
            if (!isSettled()) {
                for (const HostEntry &entry : std::as_const(m_inventory.hosts)) {
                    m_answered.insert(entry.name);
                }
                m_hosts.flush();
                Q_EMIT settledChanged();
            }
        });
    }
    if (wasSettled != isSettled()) {
        Q_EMIT settledChanged();
    }
}

Fleet *Fleet::instance()
{
    return s_instance;
}

Fleet *Fleet::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine);
    Q_ASSERT_X(s_instance, "Fleet::create", "create the Fleet before loading QML");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    Q_UNUSED(jsEngine);
    return s_instance;
}

bool Fleet::loadInventory(const QString &path)
{
    QString error;
    const auto inventory = Inventory::load(path, &error);
    if (!inventory) {
        setErrorString(error);
        setLoaded();
        return false;
    }
    m_inventoryPath = path;
    m_inventory = *inventory;
    m_latest.clear();
    m_latestFull.clear();
    m_timelines.clear();
    m_hosts.setHosts(inventory->hosts);
    Q_EMIT inventoryChanged();
    Q_EMIT selectionChanged();
    restartMonitor();
    setErrorString({});
    setLoaded();
    return true;
}

void Fleet::setNoInventory()
{
    setLoaded();
}

void Fleet::setErrorString(const QString &error)
{
    if (m_errorString == error) {
        return;
    }
    m_errorString = error;
    Q_EMIT errorStringChanged();
}

void Fleet::setLoaded()
{
    if (m_loaded) {
        return;
    }
    const bool wasSettled = isSettled();
    m_loaded = true;
    Q_EMIT loadedChanged();
    if (!wasSettled && isSettled()) {
        Q_EMIT settledChanged();
    }
}

} // namespace Baton
