#pragma once

#include "inventory.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace Baton {

/**
 * @brief The hosts of the fleet, one row per inventory entry, for the Fleet page.
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

    /** @brief Replaces all rows (one model reset). */
    void setHosts(const QList<HostEntry> &hosts);

Q_SIGNALS:
    void countChanged();

private:
    QList<HostEntry> m_hosts;
};

} // namespace Baton
