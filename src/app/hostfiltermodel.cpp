#include "hostfiltermodel.h"

#include "hostlistmodel.h"

namespace Baton {

HostFilterModel::HostFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true); // live status can move a row in or out of the filter
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(this, signal, this, &HostFilterModel::countChanged);
    }
    connect(this, &QAbstractItemModel::modelReset, this, &HostFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &HostFilterModel::countChanged);
}

void HostFilterModel::setSearch(const QString &search)
{
    if (search == m_search) {
        return;
    }
    m_search = search;
    m_words = search.split(u' ', Qt::SkipEmptyParts);
    invalidateRowsFilter();
    Q_EMIT searchChanged();
}

void HostFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter) {
        return;
    }
    m_filter = filter;
    invalidateRowsFilter();
    Q_EMIT filterChanged();
}

bool HostFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString phase = row.data(HostListModel::PhaseRole).toString();
    const bool failed = row.data(HostListModel::ConnectionStateRole).toInt() == HostListModel::Failed;
    const bool stale = row.data(HostListModel::StaleBinaryRole).toBool();
    const bool upgrading = phase == u"spawned" || phase == u"draining" || phase == u"parked";
    const bool attention = failed || stale || phase == u"abnormal" || phase == u"stopped";
    switch (m_filter) {
    case All:
        break;
    case Upgrading:
        if (!upgrading) {
            return false;
        }
        break;
    case NeedsAttention:
        if (!attention) {
            return false;
        }
        break;
    case Running:
        if (phase != u"running" || attention) {
            return false;
        }
        break;
    }
    if (m_words.isEmpty()) {
        return true;
    }
    const QString haystack = QStringList{row.data(HostListModel::NameRole).toString(),
                                         row.data(HostListModel::AddressRole).toString(),
                                         row.data(HostListModel::UserRole).toString(),
                                         row.data(HostListModel::GroupsRole).toStringList().join(u' '),
                                         row.data(HostListModel::VersionRole).toString(),
                                         phase}
                                 .join(u' ');
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive)) {
            return false;
        }
    }
    return true;
}

} // namespace Baton
