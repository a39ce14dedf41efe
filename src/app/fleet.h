#pragma once

#include "buildcontroller.h"
#include "comparison.h"
#include "guiprompter.h"
#include "hostdetail.h"
#include "hostfiltermodel.h"
#include "hostlistmodel.h"
#include "hosttimeline.h"
#include "inventory.h"
#include "inventoryeditor.h"
#include "lablauncher.h"
#include "rolloutcontroller.h"
#include "upgradecontroller.h"

#include <QObject>
#include <QQmlEngine>
#include <QSet>

#include <memory>

namespace Baton {

class DesktopNotifier;
class FleetMonitor;
class Transcript;

/**
 * @brief The facade QML talks to: the inventory in use and its hosts.
 *
 * One instance, owned by C++ (the application creates it before the QML engine); QML
 * reaches it as the singleton `Fleet` of module Baton.Core.
 */
class Fleet : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(Baton::HostListModel *hosts READ hosts CONSTANT)
    /// The hosts the fleet page shows: hosts, searched and filtered
    Q_PROPERTY(Baton::HostFilterModel *visibleHosts READ visibleHosts CONSTANT)
    Q_PROPERTY(QString inventoryPath READ inventoryPath NOTIFY inventoryChanged)
    Q_PROPERTY(QString inventoryName READ inventoryName NOTIFY inventoryChanged)
    Q_PROPERTY(bool loaded READ isLoaded NOTIFY loadedChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// Live status: every host probed over one kept connection, fast while it changes
    /// (FleetMonitor). Off until the application turns it on.
    Q_PROPERTY(bool polling READ isPolling WRITE setPolling NOTIFY pollingChanged)
    /// Loaded, and (when polling) every host has answered or failed once.
    Q_PROPERTY(bool settled READ isSettled NOTIFY settledChanged)
    /// the host the Host and Upgrade pages show
    Q_PROPERTY(QString currentHost READ currentHost WRITE setCurrentHost NOTIFY currentHostChanged)
    /// the hosts chosen on the Fleet page, in the inventory's order
    Q_PROPERTY(QStringList selection READ selection NOTIFY selectionChanged)
    Q_PROPERTY(Baton::HostDetail *host READ host CONSTANT)
    Q_PROPERTY(Baton::UpgradeController *upgrade READ upgrade CONSTANT)
    Q_PROPERTY(Baton::BuildController *build READ build CONSTANT)
    Q_PROPERTY(Baton::RolloutController *rollout READ rollout CONSTANT)
    Q_PROPERTY(Baton::Comparison *comparison READ comparison CONSTANT)
    Q_PROPERTY(Baton::GuiPrompter *prompter READ prompter CONSTANT)
    Q_PROPERTY(Baton::InventoryEditor *editor READ editor CONSTANT)
    Q_PROPERTY(Baton::LabLauncher *lab READ lab CONSTANT)

public:
    // No default argument: QML must use create(), never construct a second Fleet.
    explicit Fleet(QObject *parent);
    ~Fleet() override;

    static Fleet *instance();
    static Fleet *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    HostListModel *hosts() { return &m_hosts; }
    HostFilterModel *visibleHosts() { return &m_visibleHosts; }
    QString inventoryPath() const { return m_inventoryPath; }
    QString inventoryName() const { return m_inventory.name; }
    bool isLoaded() const { return m_loaded; }
    QString errorString() const { return m_errorString; }
    bool isPolling() const { return m_polling; }
    void setPolling(bool polling);
    bool isSettled() const { return m_loaded && (!m_monitor || m_answered.size() >= m_inventory.hosts.size()); }

    /** @brief Reads the inventory at @p path; on failure keeps the hosts it had and sets errorString. */
    Q_INVOKABLE bool loadInventory(const QString &path);

    /** @brief Marks the fleet as loaded with no inventory (nothing to read). */
    void setNoInventory();

    QString currentHost() const { return m_currentHost; }
    void setCurrentHost(const QString &host);
    QStringList selection() const { return m_hosts.selection(); }
    Q_INVOKABLE void setSelected(const QString &host, bool selected);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clearSelection();
    /** @brief Probes @p host now and fast from there (a step was started on it). */
    Q_INVOKABLE void poke(const QString &host);

    HostDetail *host() { return m_host; }
    UpgradeController *upgrade() { return m_upgrade; }
    BuildController *build() { return m_build; }
    RolloutController *rollout() { return m_rollout; }
    Comparison *comparison() { return m_comparison; }
    GuiPrompter *prompter() { return m_prompter; }
    InventoryEditor *editor() { return m_editor; }
    LabLauncher *lab() { return m_lab; }
    DesktopNotifier *notifier() { return m_notifier; }

    std::optional<HostEntry> entry(const QString &host) const;
    const Inventory &inventory() const { return m_inventory; }
    /** @brief The last probe of @p host, or null before the first. */
    const HostSnapshot *latestSnapshot(const QString &host) const;
    /** @brief The last full probe (versions, builds, sums) of @p host, or null. */
    const HostSnapshot *latestFullSnapshot(const QString &host) const;
    const HostTimeline *timeline(const QString &host) const;
    /** @brief Notes on @p host's chart that @p signal was just sent. */
    void addMarker(const QString &host, const QString &signal);
    /** @brief Notes on @p host's timeline the phase one of the engine's probes saw at @p msecs. */
    void notePhase(const QString &host, qint64 msecs, Phase phase);
    /** @brief Takes a probe of @p host made outside the monitor (after a step). */
    void takeSnapshot(const QString &host, const HostSnapshot &snapshot);
    /** @brief This session's transcript (made on first use). */
    Transcript *transcript();

Q_SIGNALS:
    void inventoryChanged();
    void loadedChanged();
    void errorStringChanged();
    void pollingChanged();
    void settledChanged();
    void currentHostChanged();
    void selectionChanged();
    /** @brief A probe of @p host came in. */
    void hostUpdated(const QString &host);

private:
    void setErrorString(const QString &error);
    void setLoaded();
    void restartMonitor();

    HostListModel m_hosts;
    HostFilterModel m_visibleHosts;
    QString m_inventoryPath;
    QString m_errorString;
    bool m_loaded = false;
    bool m_polling = false;
    Inventory m_inventory;
    QString m_currentHost;
    QHash<QString, HostSnapshot> m_latest;
    QHash<QString, HostSnapshot> m_latestFull;
    QHash<QString, HostTimeline> m_timelines;
    std::unique_ptr<Transcript> m_transcript;
    GuiPrompter *m_prompter = nullptr;
    HostDetail *m_host = nullptr;
    UpgradeController *m_upgrade = nullptr;
    BuildController *m_build = nullptr;
    RolloutController *m_rollout = nullptr;
    Comparison *m_comparison = nullptr;
    InventoryEditor *m_editor = nullptr;
    LabLauncher *m_lab = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    std::unique_ptr<FleetMonitor> m_monitor;
    QSet<QString> m_answered; ///< hosts whose first probe came back
};

} // namespace Baton
