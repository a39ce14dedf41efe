#pragma once

#include "hostupgrade.h"

#include <QList>
#include <QString>

namespace Baton {

/**
 * @brief What the charts draw for one host: a sample per probe (workers and connections
 * per generation, and the phase) and a marker per signal Baton sent, over the last
 * half hour or so (bounded in count).
 */
class HostTimeline
{
public:
    struct Sample
    {
        qint64 msecs = 0; ///< since the epoch
        int workers = 0; ///< of the (new) master
        int oldWorkers = 0;
        int connections = 0; ///< established, on the (new) master's workers
        int oldConnections = 0;
        QString phase; ///< phaseName(), empty when the probe failed
    };
    struct Marker
    {
        qint64 msecs = 0;
        QString signal; ///< "USR2", "WINCH", "HUP", "QUIT", "TERM"
    };

    /** @brief Where the phase changed, as a probe of the monitor or of the engine saw it. */
    struct PhaseMark
    {
        qint64 msecs = 0;
        QString phase;
    };

    static constexpr int MaxSamples = 3600;
    static constexpr int MaxMarkers = 200;

    /** @brief The sample a snapshot gives, at @p msecs. */
    static Sample sampleOf(const HostSnapshot &snapshot, qint64 msecs);

    void append(const Sample &sample);
    void addMarker(const Marker &marker);
    /** @brief Records @p phase at @p msecs when it differs from the last one recorded. */
    void notePhase(qint64 msecs, const QString &phase);
    const QList<Sample> &samples() const { return m_samples; }
    const QList<Marker> &markers() const { return m_markers; }
    const QList<PhaseMark> &phases() const { return m_phases; }

private:
    QList<Sample> m_samples;
    QList<Marker> m_markers;
    QList<PhaseMark> m_phases;
};

} // namespace Baton
