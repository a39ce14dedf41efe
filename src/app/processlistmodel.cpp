#include "processlistmodel.h"

using namespace Qt::StringLiterals;

namespace Baton {

ProcessListModel::ProcessListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ProcessListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

namespace {

QString kindOf(const NginxProcess &process)
{
    switch (process.role()) {
    case NginxProcess::Role::Master:
        return u"master"_s;
    case NginxProcess::Role::Worker:
        return u"worker"_s;
    case NginxProcess::Role::ShuttingDownWorker:
        return u"shutting-down"_s;
    case NginxProcess::Role::Helper:
        return u"helper"_s;
    case NginxProcess::Role::Other:
        break;
    }
    return u"other"_s;
}

} // namespace

QVariant ProcessListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    const NginxProcess &process = row.process;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return process.title;
    case PidRole:
        return process.pid;
    case DepthRole:
        return row.depth;
    case GenerationRole:
        return row.old ? u"old"_s : u"new"_s;
    case KindRole:
        return kindOf(process);
    case UserRole: {
        return process.uid == 0 ? u"root"_s : process.uid >= 0 ? QString::number(process.uid) : u"?"_s;
    }
    case UptimeRole:
        return qMax<qint64>(0, m_record.uptimeSeconds - qint64(process.startTime) / m_record.ticksPerSecond);
    case RssRole: {
        const auto pages = m_record.rssPages.constFind(process.pid);
        return pages == m_record.rssPages.cend() ? qint64(-1) : *pages * m_record.pageSize / 1024;
    }
    case StateRole:
        return QString(process.state);
    case ListeningRole:
        return m_record.listening.value(process.pid);
    case ConnectionsRole:
        return m_record.connections.value(process.pid);
    default:
        return {};
    }
}

QHash<int, QByteArray> ProcessListModel::roleNames() const
{
    return {
        {PidRole, "pid"},
        {DepthRole, "depth"},
        {GenerationRole, "generation"},
        {KindRole, "kind"},
        {UserRole, "user"},
        {UptimeRole, "uptimeSeconds"},
        {RssRole, "rssKiB"},
        {StateRole, "state"},
        {TitleRole, "title"},
        {ListeningRole, "listening"},
        {ConnectionsRole, "connections"},
    };
}

void ProcessListModel::setSnapshot(const HostSnapshot &snapshot)
{
    QList<Row> rows;
    const auto addGeneration = [&rows, &snapshot](const std::optional<NginxProcess> &master, bool old) {
        if (!master) {
            return;
        }
        rows.append({*master, 0, old});
        for (const NginxProcess &child : snapshot.record.childrenOf(master->pid)) {
            if (child.role() != NginxProcess::Role::Master) {
                rows.append({child, 1, old});
            }
        }
    };
    if (snapshot.ok()) {
        addGeneration(snapshot.state.master, false);
        addGeneration(snapshot.state.oldMaster, true);
    }
    const bool sameProcesses = rows.size() == m_rows.size() &&
        std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), [](const Row &a, const Row &b) {
                                   return a.process.pid == b.process.pid &&
                                       a.process.startTime == b.process.startTime && a.depth == b.depth &&
                                       a.old == b.old;
                               });
    if (sameProcesses) {
        m_record = snapshot.record;
        m_rows = rows; // titles and states may have changed
        if (!m_rows.isEmpty()) {
            Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
        }
        return;
    }
    const bool countChanges = rows.size() != m_rows.size();
    beginResetModel();
    m_record = snapshot.record;
    m_rows = rows;
    endResetModel();
    if (countChanges) {
        Q_EMIT countChanged();
    }
}

void ProcessListModel::clear()
{
    setSnapshot(HostSnapshot{QStringLiteral("none"), {}, {}, {}, {}});
}

} // namespace Baton
