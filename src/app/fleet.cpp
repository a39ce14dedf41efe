#include "fleet.h"

#include "fleetmonitor.h"

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
}

Fleet::~Fleet()
{
    m_monitor.reset();
    s_instance = nullptr;
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
    if (m_polling && !m_entries.isEmpty()) {
        m_monitor = std::make_unique<FleetMonitor>(m_entries, FleetMonitor::Settings{});
        connect(m_monitor.get(),
                &FleetMonitor::updated,
                this,
                [this](const QString &host, const HostSnapshot &snapshot, bool, int) {
                    m_hosts.updateStatus(host, snapshot);
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
                for (const HostEntry &entry : std::as_const(m_entries)) {
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
    m_inventoryName = inventory->name;
    m_hosts.setHosts(inventory->hosts);
    m_entries = inventory->hosts;
    Q_EMIT inventoryChanged();
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
