#pragma once

#include <QQmlEngine>
#include <QSortFilterProxyModel>

namespace Baton {

/**
 * @brief The hosts the fleet page shows: HostListModel filtered by a search text and a
 * state, kept current as live status comes in (rows come and go with their phase).
 */
class HostFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HostFilterModel is provided by Fleet.visibleHosts")
    /// Words that must all appear in the host's name, address, user, groups, version or
    /// phase (case-insensitive).
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(Filter filter READ filter WRITE setFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Filter {
        All,
        Upgrading, ///< spawned, draining or parked: an upgrade is under way
        NeedsAttention, ///< abnormal, unreachable, or running a binary replaced on disk
        Running, ///< running, and nothing to look at
    };
    Q_ENUM(Filter)

    explicit HostFilterModel(QObject *parent = nullptr);

    QString search() const { return m_search; }
    void setSearch(const QString &search);
    Filter filter() const { return m_filter; }
    void setFilter(Filter filter);
    int count() const { return rowCount(); }

Q_SIGNALS:
    void searchChanged();
    void filterChanged();
    void countChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    QStringList m_words;
    Filter m_filter = All;
};

} // namespace Baton
