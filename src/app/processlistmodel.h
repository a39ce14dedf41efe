#pragma once

#include "hostupgrade.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace Baton {

/**
 * @brief The process tree of one nginx instance, flattened for a list: each master (the
 * new one first during an upgrade), then its workers and helpers, indented by depth.
 *
 * A new snapshot with the same processes only changes data; the rows are rebuilt (one
 * reset) only when processes come or go.
 */
class ProcessListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("ProcessListModel is provided by Fleet.host.processes")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    /** @brief Data roles; each is also the QML name in roleNames(). */
    enum Role {
        PidRole = Qt::UserRole + 1, ///< "pid"
        DepthRole, ///< "depth": 0 for a master, 1 for its children
        GenerationRole, ///< "generation": "new" (the pid file's master and its children) or "old"
        KindRole, ///< "kind": "master", "worker", "shutting-down", "helper", "other"
        UserRole, ///< "user": login name, or the uid when the name is unknown
        UptimeRole, ///< "uptimeSeconds": since the process started
        RssRole, ///< "rssKiB": resident memory, -1 when unknown
        StateRole, ///< "state": the kernel's state letter (R, S, D, Z, ...)
        TitleRole, ///< "title": the process title
        ListeningRole, ///< "listening": QStringList of "address:port" (masters)
        ConnectionsRole, ///< "connections": established TCP connections
    };
    Q_ENUM(Role)

    explicit ProcessListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_rows.size()); }

    void setSnapshot(const HostSnapshot &snapshot);
    void clear();

Q_SIGNALS:
    void countChanged();

private:
    struct Row
    {
        NginxProcess process;
        int depth = 0;
        bool old = false;
    };

    QList<Row> m_rows;
    ProbeRecord m_record;
};

} // namespace Baton
