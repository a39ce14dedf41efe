#pragma once

#include "hosttimeline.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace Baton {

/**
 * @brief One lane per host of a rollout: its batch, where it stands, the last thing the
 * engine said about it, and its phases over the rollout's time as segments.
 */
class SwimlaneModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SwimlaneModel is provided by Fleet.rollout.lanes")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    /** @brief Data roles; each is also the QML name in roleNames(). */
    enum Role {
        NameRole = Qt::UserRole + 1, ///< "name"
        BatchRole, ///< "batch": 0 for the canaries
        StateRole, ///< "state": "pending", "upgrading", "rolling-back", "upgraded", "failed", "rolled-back"
        MessageRole, ///< "message": the engine's last line about the host, or why it failed
        /// "segments": [{phase, from, to, seconds}], from/to as fractions of the rollout's time;
        /// a short "abnormal" between two other phases reads "changing"
        SegmentsRole,
    };
    Q_ENUM(Role)

    /// an abnormal moment shorter than this, between two phases, is shown as a change
    static constexpr double TransitionSeconds = 2.0;

    explicit SwimlaneModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_lanes.size()); }

    /** @brief New lanes for @p hosts in @p batches (one reset). */
    void setHosts(const QList<QStringList> &batches);
    void setState(const QString &host, const QString &state, const QString &message);
    /** @brief Recomputes every lane's segments from the hosts' timelines between @p startMs and @p endMs. */
    void
    updateSegments(const std::function<const HostTimeline *(const QString &)> &timeline, qint64 startMs, qint64 endMs);
    QString stateOf(const QString &host) const;

Q_SIGNALS:
    void countChanged();

private:
    struct Lane
    {
        QString name;
        int batch = 0;
        QString state = QStringLiteral("pending");
        QString message;
        QVariantList segments;
    };
    int rowOf(const QString &host) const;

    QList<Lane> m_lanes;
};

} // namespace Baton
