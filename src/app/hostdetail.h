#pragma once

#include "backgroundjobs.h"
#include "hosttimeline.h"
#include "processlistmodel.h"
#include "transcriptmodel.h"

#include <QObject>
#include <QPointF>
#include <QQmlEngine>
#include <QVariantMap>

namespace Baton {

class Fleet;

/**
 * @brief Everything the Host page shows about the fleet's current host (`Fleet.host`): its
 * live state, process tree, build, configuration, chart data and transcript.
 *
 * Fed by Fleet with each probe of the host; the configuration (`nginx -T`) is read on
 * request, off the GUI thread.
 */
class HostDetail : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("HostDetail is provided by Fleet.host")
    Q_PROPERTY(QString name READ name NOTIFY nameChanged)
    Q_PROPERTY(bool probed READ isProbed NOTIFY snapshotChanged)
    Q_PROPERTY(QString phase READ phase NOTIFY snapshotChanged)
    Q_PROPERTY(QString reason READ reason NOTIFY snapshotChanged)
    Q_PROPERTY(QString binaryPath READ binaryPath NOTIFY snapshotChanged)
    Q_PROPERTY(bool staleBinary READ isStaleBinary NOTIFY snapshotChanged)
    /// the last full probe's view of the build the master runs: version, compiler,
    /// opensslBuilt, opensslRunning, arguments, staticModules, dynamicModules, removedModules,
    /// runningSha256, diskSha256
    Q_PROPERTY(QVariantMap build READ build NOTIFY buildChanged)
    Q_PROPERTY(Baton::ProcessListModel *processes READ processes CONSTANT)
    Q_PROPERTY(Baton::TranscriptModel *transcript READ transcript CONSTANT)
    Q_PROPERTY(ConfigState configState READ configState NOTIFY configChanged)
    Q_PROPERTY(QString configText READ configText NOTIFY configChanged)
    Q_PROPERTY(QString configError READ configError NOTIFY configChanged)
    /// the chart's window, in seconds before now (the x axis runs from -chartSpan to 0)
    Q_PROPERTY(int chartSpan READ chartSpan WRITE setChartSpan NOTIFY timelineChanged)
    /// the highest value the chart's window holds (for the y axis)
    Q_PROPERTY(int chartMax READ chartMax NOTIFY timelineChanged)
    /// the signals sent in the window: [{x: seconds (negative), signal: "USR2"}]
    Q_PROPERTY(QVariantList markers READ markers NOTIFY timelineChanged)
    Q_PROPERTY(int sampleCount READ sampleCount NOTIFY timelineChanged)

public:
    enum ConfigState {
        ConfigNotLoaded,
        ConfigLoading,
        ConfigLoaded,
        ConfigFailed,
    };
    Q_ENUM(ConfigState)

    /** @brief What points() gives. */
    enum Series {
        Workers,
        OldWorkers,
        Connections,
        OldConnections,
    };
    Q_ENUM(Series)

    explicit HostDetail(Fleet *fleet);
    ~HostDetail() override;

    QString name() const { return m_name; }
    bool isProbed() const { return m_snapshot.has_value(); }
    QString phase() const;
    QString reason() const;
    QString binaryPath() const;
    bool isStaleBinary() const;
    QVariantMap build() const { return m_build; }
    ProcessListModel *processes() { return &m_processes; }
    TranscriptModel *transcript() { return &m_transcript; }
    ConfigState configState() const { return m_configState; }
    QString configText() const { return m_configText; }
    QString configError() const { return m_configError; }
    int chartSpan() const { return m_chartSpan; }
    void setChartSpan(int seconds);
    int chartMax() const;
    QVariantList markers() const;
    int sampleCount() const;

    /** @brief Follows @p host from now on (empty: none). */
    void setHost(const QString &host);
    /** @brief A new snapshot or timeline entry of @p host came in. */
    void hostUpdated(const QString &host);
    /** @brief The transcript file of this session (read again with each update). */
    void setTranscriptPath(const QString &path);

    /** @brief Reads the configuration the master runs with (`nginx -T`). */
    Q_INVOKABLE void loadConfig();
    /** @brief The chart window's samples of @p which, as (seconds before now, value), for a
     * series' replace(). */
    Q_INVOKABLE QList<QPointF> points(Series which) const;
    /** @brief The signals of the window as vertical strokes from 0 to chartMax, for a line series. */
    Q_INVOKABLE QList<QPointF> markerPoints() const;
    /** @brief The configure arguments as a shell-ready `./configure` command line. */
    Q_INVOKABLE QString configureCommand() const;

Q_SIGNALS:
    void nameChanged();
    void snapshotChanged();
    void buildChanged();
    void configChanged();
    void timelineChanged();

private:
    void setConfig(ConfigState state, const QString &text, const QString &error);
    const HostTimeline *timeline() const;

    Fleet *m_fleet;
    QString m_name;
    std::optional<HostSnapshot> m_snapshot;
    QVariantMap m_build;
    ProcessListModel m_processes;
    TranscriptModel m_transcript;
    QString m_transcriptPath;
    ConfigState m_configState = ConfigNotLoaded;
    QString m_configText;
    QString m_configError;
    int m_configRequest = 0; ///< a reply for an older request (another host) is dropped
    int m_chartSpan = 120;
    BackgroundJobs m_jobs;
};

} // namespace Baton
