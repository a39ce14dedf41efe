#include "hosttimeline.h"

namespace Baton {

HostTimeline::Sample HostTimeline::sampleOf(const HostSnapshot &snapshot, qint64 msecs)
{
    Sample sample;
    sample.msecs = msecs;
    if (!snapshot.ok()) {
        return sample;
    }
    sample.phase = phaseName(snapshot.phase());
    sample.workers = int(snapshot.state.workers.size());
    sample.oldWorkers = int(snapshot.state.oldWorkers.size());
    for (const NginxProcess &worker : snapshot.state.workers) {
        sample.connections += snapshot.record.connections.value(worker.pid);
    }
    for (const NginxProcess &worker : snapshot.state.oldWorkers) {
        sample.oldConnections += snapshot.record.connections.value(worker.pid);
    }
    return sample;
}

void HostTimeline::append(const Sample &sample)
{
    m_samples.append(sample);
    notePhase(sample.msecs, sample.phase);
    if (m_samples.size() > MaxSamples) {
        m_samples.remove(0, m_samples.size() - MaxSamples);
    }
}

void HostTimeline::addMarker(const Marker &marker)
{
    m_markers.append(marker);
    if (m_markers.size() > MaxMarkers) {
        m_markers.remove(0, m_markers.size() - MaxMarkers);
    }
}

void HostTimeline::notePhase(qint64 msecs, const QString &phase)
{
    if (phase.isEmpty() || (!m_phases.isEmpty() && m_phases.constLast().phase == phase)) {
        return;
    }
    m_phases.append({msecs, phase});
    if (m_phases.size() > MaxSamples) {
        m_phases.remove(0, m_phases.size() - MaxSamples);
    }
}

} // namespace Baton
