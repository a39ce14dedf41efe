#include "swimlanemodel.h"

using namespace Qt::StringLiterals;

namespace Baton {

SwimlaneModel::SwimlaneModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int SwimlaneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lanes.size());
}

QVariant SwimlaneModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Lane &lane = m_lanes.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return lane.name;
    case BatchRole:
        return lane.batch;
    case StateRole:
        return lane.state;
    case MessageRole:
        return lane.message;
    case SegmentsRole:
        return lane.segments;
    default:
        return {};
    }
}

QHash<int, QByteArray> SwimlaneModel::roleNames() const
{
    return {{NameRole, "name"},
            {BatchRole, "batch"},
            {StateRole, "state"},
            {MessageRole, "message"},
            {SegmentsRole, "segments"}};
}

void SwimlaneModel::setHosts(const QList<QStringList> &batches)
{
    const qsizetype before = m_lanes.size();
    beginResetModel();
    m_lanes.clear();
    for (int batch = 0; batch < batches.size(); ++batch) {
        for (const QString &host : batches.at(batch)) {
            Lane lane;
            lane.name = host;
            lane.batch = batch;
            m_lanes.append(lane);
        }
    }
    endResetModel();
    if (before != m_lanes.size()) {
        Q_EMIT countChanged();
    }
}

int SwimlaneModel::rowOf(const QString &host) const
{
    for (int row = 0; row < m_lanes.size(); ++row) {
        if (m_lanes.at(row).name == host) {
            return row;
        }
    }
    return -1;
}

QString SwimlaneModel::stateOf(const QString &host) const
{
    const int row = rowOf(host);
    return row < 0 ? QString() : m_lanes.at(row).state;
}

void SwimlaneModel::setState(const QString &host, const QString &state, const QString &message)
{
    const int row = rowOf(host);
    if (row < 0) {
        return;
    }
    Lane &lane = m_lanes[row];
    if (lane.state == state && lane.message == message) {
        return;
    }
    lane.state = state;
    lane.message = message;
    Q_EMIT dataChanged(index(row), index(row), {StateRole, MessageRole});
}

void SwimlaneModel::updateSegments(const std::function<const HostTimeline *(const QString &)> &timeline,
                                   qint64 startMs,
                                   qint64 endMs)
{
    const double span = double(std::max<qint64>(1, endMs - startMs));
    for (Lane &lane : m_lanes) {
        QVariantList segments;
        const HostTimeline *t = timeline(lane.name);
        if (t) {
            QString phase;
            qint64 from = 0;
            const auto close = [&](qint64 to) {
                if (!phase.isEmpty()) {
                    segments.append(QVariantMap{{u"phase"_s, phase},
                                                {u"from"_s, double(from - startMs) / span},
                                                {u"to"_s, double(to - startMs) / span},
                                                {u"seconds"_s, double(to - from) / 1000.0}});
                }
            };
            for (const HostTimeline::PhaseMark &s : t->phases()) {
                if (s.msecs < startMs) {
                    phase = s.phase; // where the host stood when the rollout began
                    from = startMs;
                    continue;
                }
                if (s.msecs > endMs) {
                    break; // noted after the range drawn
                }
                if (s.phase != phase) {
                    // a mark can be noted late, behind a newer one: never end a segment before it starts
                    const qint64 at = std::max(s.msecs, from);
                    close(at);
                    phase = s.phase;
                    from = at;
                }
            }
            close(endMs);
            // nginx renames its pid file before the new master writes its own, and a probe
            // can fall in between: a moment of "abnormal" between two phases is a change
            for (qsizetype i = 1; i + 1 < segments.size(); ++i) {
                QVariantMap segment = segments.at(i).toMap();
                if (segment.value(u"phase"_s).toString() == u"abnormal" &&
                    segment.value(u"seconds"_s).toDouble() < TransitionSeconds &&
                    segments.at(i + 1).toMap().value(u"phase"_s).toString() != u"abnormal") {
                    segment.insert(u"phase"_s, u"changing"_s);
                    segments[i] = segment;
                }
            }
        }
        lane.segments = segments;
    }
    if (!m_lanes.isEmpty()) {
        Q_EMIT dataChanged(index(0), index(int(m_lanes.size()) - 1), {SegmentsRole});
    }
}

} // namespace Baton
