#pragma once

#include "hostupgrade.h"
#include "inventory.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QSet>
#include <QTimer>

namespace Baton {

/**
 * @brief The hosts of the fleet, one row per inventory entry, for the Fleet page, with
 * their live status (updateStatus(), fed by a FleetMonitor).
 *
 * Status updates never reset the model: they are collected and flushed at most every
 * 100 ms as dataChanged() over the rows that changed, so a fleet of hundreds of hosts
 * polling costs the views one batch per interval.
 */
class HostListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HostListModel is provided by Fleet.hosts")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    /** @brief Data roles; each is also the QML name in roleNames(). */
    enum Role {
        NameRole = Qt::UserRole + 1, ///< "name": unique host name
        AddressRole, ///< "address": host name or IP address
        PortRole, ///< "port": SSH port
        UserRole, ///< "user": login user (empty: from ~/.ssh/config)
        GroupsRole, ///< "groups": QStringList of group names
        SudoRole, ///< "sudo": whether nginx is controlled through sudo
        PidFileRole, ///< "pidFile": the nginx instance this entry means
        BinaryRole, ///< "binary": the nginx executable on the host
        ConnectionStateRole, ///< "connectionState": a ConnectionState
        PhaseRole, ///< "phase": "running", "spawned", ... (empty: not probed yet)
        ReasonRole, ///< "reason": why the phase is abnormal, or why the host cannot be probed
        VersionRole, ///< "version": "nginx/1.26.3", what the master runs
        StaleBinaryRole, ///< "staleBinary": the binary on disk is not what the master runs
        WorkersRole, ///< "workers": workers of the (new) master
        OldWorkersRole, ///< "oldWorkers": workers of the old master, during an upgrade
        ConnectionsRole, ///< "connections": established connections of all workers
        ConnectionHistoryRole, ///< "connectionHistory": the last 60 samples of connections, oldest first
        ValidStepsRole, ///< "validSteps": the steps possible from the phase
        SelectedRole, ///< "selected": chosen for compare, upgrade or rollout
        LockHolderRole, ///< "lockHolder": who holds Baton's lock of the instance ("" when nobody)
    };
    Q_ENUM(Role)

    enum ConnectionState {
        NotConnected,
        Connecting,
        Connected,
        Failed,
    };
    Q_ENUM(ConnectionState)

    explicit HostListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return int(m_hosts.size()); }

    /** @brief Replaces all rows (one model reset); their status starts unknown. */
    void setHosts(const QList<HostEntry> &hosts);

    /** @brief Takes a probe's snapshot of @p host; shown with the next flush. */
    void updateStatus(const QString &host, const HostSnapshot &snapshot);
    /** @brief Every host is being connected to (polling starts). */
    void setConnecting();
    /** @brief Emits the pending updates now (otherwise within 100 ms). */
    void flush();

    /** @brief Selects or deselects @p host; false when nothing changed. */
    bool setSelected(const QString &host, bool selected);
    /** @brief Selects exactly @p hosts (unknown names are ignored). */
    void setSelection(const QStringList &hosts);
    /** @brief The selected hosts, in the inventory's order. */
    QStringList selection() const;
    /** @brief The inventory entry of @p host, or null. */
    const HostEntry *entry(const QString &host) const;

    /** @brief How many samples connectionHistory keeps. */
    static constexpr int HistoryLength = 60;

Q_SIGNALS:
    void countChanged();

private:
    struct Status
    {
        int connectionState = NotConnected;
        QString phase;
        QString reason;
        QString version;
        bool staleBinary = false;
        int workers = 0;
        int oldWorkers = 0;
        int connections = 0;
        QList<int> history;
        QStringList validSteps;
        QString lockHolder;
    };

    QList<HostEntry> m_hosts;
    QList<Status> m_status;
    QSet<int> m_dirty; ///< rows changed since the last flush
    QSet<QString> m_selected;
    QTimer m_flushTimer;
};

} // namespace Baton
