#include "hostlistmodel.h"

namespace Baton {

HostListModel::HostListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int HostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hosts.size());
}

QVariant HostListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const HostEntry &host = m_hosts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return host.name;
    case AddressRole:
        return host.address;
    case PortRole:
        return host.port;
    case UserRole:
        return host.user;
    case GroupsRole:
        return host.groups;
    case SudoRole:
        return host.sudo;
    case PidFileRole:
        return host.nginx.pidFile;
    case BinaryRole:
        return host.nginx.binary;
    case ConnectionStateRole:
        return NotConnected;
    default:
        return {};
    }
}

QHash<int, QByteArray> HostListModel::roleNames() const
{
    return {
        {NameRole, "name"},
        {AddressRole, "address"},
        {PortRole, "port"},
        {UserRole, "user"},
        {GroupsRole, "groups"},
        {SudoRole, "sudo"},
        {PidFileRole, "pidFile"},
        {BinaryRole, "binary"},
        {ConnectionStateRole, "connectionState"},
    };
}

void HostListModel::setHosts(const QList<HostEntry> &hosts)
{
    const bool countChanges = hosts.size() != m_hosts.size();
    beginResetModel();
    m_hosts = hosts;
    endResetModel();
    if (countChanges) {
        Q_EMIT countChanged();
    }
}

} // namespace Baton
