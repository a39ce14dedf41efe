#include "hostlistmodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Baton {

HostListModel::HostListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(100);
    connect(&m_flushTimer, &QTimer::timeout, this, &HostListModel::flush);
}

int HostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hosts.size());
}

QVariant HostListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const HostEntry &host = m_hosts.at(index.row());
    const Status &status = m_status.at(index.row());
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
        return status.connectionState;
    case PhaseRole:
        return status.phase;
    case ReasonRole:
        return status.reason;
    case VersionRole:
        return status.version;
    case StaleBinaryRole:
        return status.staleBinary;
    case LockHolderRole:
        return status.lockHolder;
    case WorkersRole:
        return status.workers;
    case OldWorkersRole:
        return status.oldWorkers;
    case ConnectionsRole:
        return status.connections;
    case ConnectionHistoryRole:
        return QVariant::fromValue(status.history);
    case ValidStepsRole:
        return status.validSteps;
    case SelectedRole:
        return m_selected.contains(host.name);
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
        {PhaseRole, "phase"},
        {ReasonRole, "reason"},
        {VersionRole, "version"},
        {StaleBinaryRole, "staleBinary"},
        {LockHolderRole, "lockHolder"},
        {WorkersRole, "workers"},
        {OldWorkersRole, "oldWorkers"},
        {ConnectionsRole, "connections"},
        {ConnectionHistoryRole, "connectionHistory"},
        {ValidStepsRole, "validSteps"},
        {SelectedRole, "selected"},
    };
}

void HostListModel::setHosts(const QList<HostEntry> &hosts)
{
    const bool countChanges = hosts.size() != m_hosts.size();
    beginResetModel();
    m_hosts = hosts;
    m_status = QList<Status>(hosts.size());
    m_dirty.clear();
    QSet<QString> names;
    for (const HostEntry &entry : hosts) {
        names.insert(entry.name);
    }
    m_selected.intersect(names);
    endResetModel();
    if (countChanges) {
        Q_EMIT countChanged();
    }
}

void HostListModel::updateStatus(const QString &host, const HostSnapshot &snapshot)
{
    for (int row = 0; row < m_hosts.size(); ++row) {
        if (m_hosts.at(row).name != host) {
            continue;
        }
        Status &status = m_status[row];
        status.connectionState = snapshot.ok() ? Connected : Failed;
        status.phase = snapshot.ok() ? phaseName(snapshot.phase()) : QString();
        status.reason = snapshot.ok() ? snapshot.state.reason : snapshot.error;
        const std::optional<NginxProcess> &master = snapshot.state.master;
        // "nginx version: nginx/1.26.3" -> "nginx/1.26.3"
        const QString version = master ? snapshot.record.versions.value(master->pid).section(u": "_s, 1) : QString();
        if (!version.isEmpty() || !snapshot.ok()) {
            status.version = version; // a quick probe does not say it: keep the last one
        }
        status.staleBinary = master && snapshot.record.executableDeleted(master->pid);
        status.workers = int(snapshot.state.workers.size());
        status.oldWorkers = int(snapshot.state.oldWorkers.size());
        int connections = 0;
        for (const NginxProcess &process : snapshot.state.workers + snapshot.state.oldWorkers) {
            connections += snapshot.record.connections.value(process.pid);
        }
        status.connections = connections;
        if (snapshot.ok()) {
            status.history.append(connections);
            if (status.history.size() > HistoryLength) {
                status.history.remove(0, status.history.size() - HistoryLength);
            }
        }
        // "baton:HOST:PID:START baton (pid 123) on HOST": the part after the machine-readable key
        const QString owner = snapshot.record.lockOwners.value(snapshot.instance.pidFile);
        status.lockHolder = owner.startsWith(u"baton:") && owner.contains(u' ') ? owner.section(u' ', 1) : owner;
        status.validSteps.clear();
        for (HostUpgrade::Step step : HostUpgrade::validSteps(snapshot.phase())) {
            status.validSteps.append(HostUpgrade::stepName(step));
        }
        m_dirty.insert(row);
    }
    if (!m_dirty.isEmpty() && !m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
}

void HostListModel::setConnecting()
{
    for (int row = 0; row < m_status.size(); ++row) {
        if (m_status.at(row).connectionState == NotConnected) {
            m_status[row].connectionState = Connecting;
            m_dirty.insert(row);
        }
    }
    flush();
}

void HostListModel::flush()
{
    m_flushTimer.stop();
    if (m_dirty.isEmpty()) {
        return;
    }
    QList<int> rows(m_dirty.cbegin(), m_dirty.cend());
    std::sort(rows.begin(), rows.end());
    m_dirty.clear();
    static const QList<int> roles{ConnectionStateRole,
                                  PhaseRole,
                                  ReasonRole,
                                  VersionRole,
                                  StaleBinaryRole,
                                  WorkersRole,
                                  OldWorkersRole,
                                  ConnectionsRole,
                                  ConnectionHistoryRole,
                                  ValidStepsRole,
                                  LockHolderRole};
    // one dataChanged() per run of neighbouring rows
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1) {
            ++j;
        }
        Q_EMIT dataChanged(index(rows.at(i)), index(rows.at(j)), roles);
        i = j + 1;
    }
}

bool HostListModel::setSelected(const QString &host, bool selected)
{
    for (int row = 0; row < m_hosts.size(); ++row) {
        if (m_hosts.at(row).name == host) {
            if (m_selected.contains(host) == selected) {
                return false;
            }
            if (selected) {
                m_selected.insert(host);
            } else {
                m_selected.remove(host);
            }
            Q_EMIT dataChanged(index(row), index(row), {SelectedRole});
            return true;
        }
    }
    return false;
}

void HostListModel::setSelection(const QStringList &hosts)
{
    for (const HostEntry &entry : std::as_const(m_hosts)) {
        setSelected(entry.name, hosts.contains(entry.name));
    }
}

QStringList HostListModel::selection() const
{
    QStringList names;
    for (const HostEntry &entry : m_hosts) {
        if (m_selected.contains(entry.name)) {
            names.append(entry.name);
        }
    }
    return names;
}

const HostEntry *HostListModel::entry(const QString &host) const
{
    for (const HostEntry &entry : m_hosts) {
        if (entry.name == host) {
            return &entry;
        }
    }
    return nullptr;
}

} // namespace Baton
