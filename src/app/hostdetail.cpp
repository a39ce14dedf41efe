#include "hostdetail.h"

#include "fleet.h"
#include "hostconfiguration.h"
#include "nginxbuild.h"
#include "remotehost.h"
#include "shellquote.h"

#include <QDateTime>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Baton {

HostDetail::HostDetail(Fleet *fleet)
    : QObject(fleet)
    , m_fleet(fleet)
{
}

HostDetail::~HostDetail() = default;

QString HostDetail::phase() const
{
    return m_snapshot && m_snapshot->ok() ? phaseName(m_snapshot->phase()) : QString();
}

QString HostDetail::reason() const
{
    if (!m_snapshot) {
        return {};
    }
    return m_snapshot->ok() ? m_snapshot->state.reason : m_snapshot->error;
}

QString HostDetail::binaryPath() const
{
    if (!m_snapshot || !m_snapshot->state.master) {
        return {};
    }
    return m_snapshot->record.executables.value(m_snapshot->state.master->pid);
}

bool HostDetail::isStaleBinary() const
{
    return m_snapshot && m_snapshot->state.master &&
        m_snapshot->record.executableDeleted(m_snapshot->state.master->pid);
}

void HostDetail::setHost(const QString &host)
{
    if (m_name == host) {
        return;
    }
    m_name = host;
    m_snapshot.reset();
    m_build.clear();
    m_processes.clear();
    ++m_configRequest;
    setConfig(ConfigNotLoaded, {}, {});
    m_transcript.setSource(m_transcriptPath, host);
    Q_EMIT nameChanged();
    hostUpdated(host);
    Q_EMIT buildChanged();
}

void HostDetail::setTranscriptPath(const QString &path)
{
    m_transcriptPath = path;
    m_transcript.setSource(path, m_name);
}

void HostDetail::hostUpdated(const QString &host)
{
    if (host != m_name || m_name.isEmpty()) {
        return;
    }
    if (const HostSnapshot *snapshot = m_fleet->latestSnapshot(host)) {
        m_snapshot = *snapshot;
        m_processes.setSnapshot(*snapshot);
        Q_EMIT snapshotChanged();
    }
    if (const HostSnapshot *full = m_fleet->latestFullSnapshot(host); full && full->state.master) {
        const qint64 pid = full->state.master->pid;
        QString error;
        QVariantMap build;
        if (const auto parsed = NginxBuild::parse(full->record.builds.value(pid).join(u'\n'), &error)) {
            build[u"version"_s] = parsed->version.toString();
            build[u"compiler"_s] = parsed->compiler;
            build[u"opensslBuilt"_s] = parsed->opensslBuilt;
            build[u"opensslRunning"_s] = parsed->opensslRunning;
            build[u"arguments"_s] = parsed->configureArguments;
            build[u"staticModules"_s] = parsed->staticModules();
            build[u"dynamicModules"_s] = parsed->dynamicModules();
            build[u"removedModules"_s] = parsed->removedModules();
        } else {
            build[u"error"_s] = error;
        }
        build[u"runningSha256"_s] = full->record.executableSha256.value(pid);
        build[u"diskSha256"_s] = full->record.binarySha256;
        build[u"diskPath"_s] = full->record.binaryPath;
        if (build != m_build) {
            m_build = build;
            Q_EMIT buildChanged();
        }
    }
    m_transcript.refresh();
    Q_EMIT timelineChanged();
}

QString HostDetail::configureCommand() const
{
    return u"./configure "_s + shellJoin(m_build.value(u"arguments"_s).toStringList());
}

void HostDetail::setConfig(ConfigState state, const QString &text, const QString &error)
{
    if (m_configState == state && m_configText == text && m_configError == error) {
        return;
    }
    m_configState = state;
    m_configText = text;
    m_configError = error;
    Q_EMIT configChanged();
}

void HostDetail::loadConfig()
{
    const std::optional<HostEntry> entry = m_fleet->entry(m_name);
    const HostSnapshot *snapshot = m_fleet->latestSnapshot(m_name);
    if (!entry || !snapshot) {
        setConfig(ConfigFailed, {}, tr("the host has not been probed yet: try again in a moment"));
        return;
    }
    const int request = ++m_configRequest;
    setConfig(ConfigLoading, m_configText, {});
    m_jobs.start([this, request, host = *entry, snapshot = *snapshot, prompter = m_fleet->prompter()] {
        SshRemoteHost remote(host.sshConfig(), prompter);
        QString error;
        const std::optional<QString> text = HostConfiguration::read(host, snapshot, &remote, &error);
        QMetaObject::invokeMethod(
            this,
            [this, request, text, error] {
                if (request == m_configRequest) {
                    setConfig(text ? ConfigLoaded : ConfigFailed, text.value_or(QString()), error);
                }
            },
            Qt::QueuedConnection);
    });
}

const HostTimeline *HostDetail::timeline() const
{
    return m_name.isEmpty() ? nullptr : m_fleet->timeline(m_name);
}

void HostDetail::setChartSpan(int seconds)
{
    seconds = std::clamp(seconds, 10, 3600);
    if (m_chartSpan != seconds) {
        m_chartSpan = seconds;
        Q_EMIT timelineChanged();
    }
}

int HostDetail::sampleCount() const
{
    const HostTimeline *t = timeline();
    return t ? int(t->samples().size()) : 0;
}

int HostDetail::chartMax() const
{
    int most = 1;
    if (const HostTimeline *t = timeline()) {
        const qint64 from = QDateTime::currentMSecsSinceEpoch() - m_chartSpan * 1000;
        for (const HostTimeline::Sample &s : t->samples()) {
            if (s.msecs >= from) {
                most = std::max({most, s.workers, s.oldWorkers, s.connections, s.oldConnections});
            }
        }
    }
    return most;
}

QVariantList HostDetail::markers() const
{
    QVariantList list;
    if (const HostTimeline *t = timeline()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (const HostTimeline::Marker &m : t->markers()) {
            const double x = double(m.msecs - now) / 1000.0;
            if (x >= -m_chartSpan) {
                list.append(QVariantMap{{u"x"_s, x}, {u"signal"_s, m.signal}});
            }
        }
    }
    return list;
}

QList<QPointF> HostDetail::points(Series which) const
{
    // A value holds from its probe until the next one: the line starts at the window's left
    // edge with the value the host had then, and runs on to now with the last one seen.
    // Failed probes say nothing about the host and are left out.
    QList<QPointF> points;
    const HostTimeline *t = timeline();
    if (!t) {
        return points;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto valueOf = [which](const HostTimeline::Sample &s) {
        return double(which == Workers           ? s.workers
                          : which == OldWorkers  ? s.oldWorkers
                          : which == Connections ? s.connections
                                                 : s.oldConnections);
    };
    std::optional<double> before;
    for (const HostTimeline::Sample &s : t->samples()) {
        if (s.phase.isEmpty()) {
            continue;
        }
        const double x = double(s.msecs - now) / 1000.0;
        if (x < -m_chartSpan) {
            before = valueOf(s);
            continue;
        }
        if (points.isEmpty() && before) {
            points.append({double(-m_chartSpan), *before});
        }
        points.append({x, valueOf(s)});
    }
    if (points.isEmpty() && before) {
        points.append({double(-m_chartSpan), *before});
    }
    if (!points.isEmpty() && points.constLast().x() < 0) {
        points.append({0.0, points.constLast().y()});
    }
    return points;
}

} // namespace Baton

namespace Baton {

QList<QPointF> HostDetail::markerPoints() const
{
    QList<QPointF> points;
    const double top = chartMax() + 1;
    for (const QVariant &marker : markers()) {
        const double x = marker.toMap().value(u"x"_s).toDouble();
        points.append({x, 0});
        points.append({x, top});
        points.append({x, 0});
    }
    return points;
}

} // namespace Baton
