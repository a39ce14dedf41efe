#pragma once

#include "backgroundjobs.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QStringListModel>
#include <QTimer>
#include <QVariantList>

#include <functional>
#include <memory>

namespace Baton {

class Fleet;
class HostBuild;
struct BuildReport;
struct BuildSettings;

/**
 * @brief The Upgrade page's build panel (`Fleet.build`): builds nginx from source on one
 * host with HostBuild, off the GUI thread, with the running binary's configure arguments
 * as the user edited them, and hands the built binary to the UpgradeController.
 *
 * The host follows Fleet.currentHost while nothing runs. configure's and make's output
 * arrives a line at a time on the engine's thread; it is appended to @ref output in batches
 * on the GUI thread, the oldest lines dropped past @ref MaxOutputLines.
 */
class BuildController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("BuildController is provided by Fleet.build")
    Q_PROPERTY(QString host READ host NOTIFY hostChanged)
    /// "local": a tarball on this machine, uploaded; "remote": a tarball or directory on the host
    Q_PROPERTY(QString sourceKind READ sourceKind WRITE setSourceKind NOTIFY sourceChanged)
    Q_PROPERTY(QString sourcePath READ sourcePath WRITE setSourcePath NOTIFY sourceChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    /// "arguments", "preflight", "build", "clean", or empty
    Q_PROPERTY(QString runningStep READ runningStep NOTIFY busyChanged)
    /// the running master's configure arguments were read (loadArguments)
    Q_PROPERTY(bool argumentsLoaded READ argumentsLoaded NOTIFY argumentsChanged)
    /// the configure arguments as edited
    Q_PROPERTY(QStringList arguments READ arguments NOTIFY argumentsChanged)
    /// the arguments against the running build's: [{change: "same"|"added"|"dropped"|"changed",
    /// argument, was, row}] in the edited order, the dropped ones after (row -1)
    Q_PROPERTY(QVariantList changes READ changes NOTIFY argumentsChanged)
    /// the last preflight: [{id, status: "pass"|"warn"|"fail", message}]
    Q_PROPERTY(QVariantList checks READ checks NOTIFY checksChanged)
    /// how many of the checks failed: Build waits until none does
    Q_PROPERTY(int failedChecks READ failedChecks NOTIFY checksChanged)
    /// configure's and make's lines (Qt::DisplayRole), oldest first
    Q_PROPERTY(QAbstractItemModel *output READ output CONSTANT)
    /// what Baton said, oldest first
    Q_PROPERTY(QStringList log READ log NOTIFY logChanged)
    /// how the last build or clean ended: {step, ok, message, details, binary, sha256, version, workDirectory}
    Q_PROPERTY(QVariantMap lastReport READ lastReport NOTIFY lastReportChanged)
    /// the binary the last build made on the host, or empty
    Q_PROPERTY(QString builtBinary READ builtBinary NOTIFY lastReportChanged)

public:
    static constexpr int MaxOutputLines = 5000;

    explicit BuildController(Fleet *fleet);
    ~BuildController() override;

    QString host() const { return m_host; }
    QString sourceKind() const { return m_sourceKind; }
    void setSourceKind(const QString &kind);
    QString sourcePath() const { return m_sourcePath; }
    void setSourcePath(const QString &path);
    bool isBusy() const { return !m_runningStep.isEmpty(); }
    QString runningStep() const { return m_runningStep; }
    bool argumentsLoaded() const { return m_argumentsLoaded; }
    QStringList arguments() const { return m_arguments; }
    QVariantList changes() const { return m_changes; }
    QVariantList checks() const { return m_checks; }
    int failedChecks() const;
    QStringListModel *output() { return &m_output; }
    QStringList log() const { return m_log; }
    QVariantMap lastReport() const { return m_lastReport; }
    QString builtBinary() const { return m_builtBinary; }

    /** @brief Follows @p host (ignored while something runs). */
    void setHost(const QString &host);

    /** @brief Reads the running master's arguments (`nginx -V`) as the list to edit. */
    Q_INVOKABLE void loadArguments();
    /** @brief What loadArguments() read: @p arguments become the base and the list to edit. */
    void setRunningArguments(const QStringList &arguments);
    /** @brief How a build ended (build() hands its report over on the GUI thread). */
    void takeReport(const BuildReport &report);
    /** @brief Replaces the argument at @p row; an empty @p text removes it. */
    Q_INVOKABLE void setArgument(int row, const QString &text);
    Q_INVOKABLE void addArgument(const QString &text);
    Q_INVOKABLE void removeArgument(int row);
    /** @brief Puts back a dropped argument of the running build, where it stood. */
    Q_INVOKABLE void restoreArgument(const QString &argument);
    /** @brief The running build's arguments again. */
    Q_INVOKABLE void resetArguments();
    Q_INVOKABLE void preflight();
    Q_INVOKABLE void build();
    Q_INVOKABLE void cancel();
    /** @brief Removes the last build's work directory on the host. */
    Q_INVOKABLE void clean();
    /** @brief Makes the built binary the Upgrade page's target (a path on the host). */
    Q_INVOKABLE void useAsTarget();

Q_SIGNALS:
    void hostChanged();
    void sourceChanged();
    void busyChanged();
    void argumentsChanged();
    void checksChanged();
    void logChanged();
    void lastReportChanged();
    /** @brief A step finished (also when it failed). */
    void finished(const QString &step, bool ok);

private:
    struct Running;

    void start(const QString &step, std::function<void(HostBuild &)> work);
    BuildSettings settings() const;
    /** @brief Back on the GUI thread: the output left, the step over. */
    void stepFinished(const QString &step, bool ok);
    void setArguments(const QStringList &arguments);
    void appendLog(const QString &line);
    void flushOutput();
    void clearOutput();

    Fleet *m_fleet;
    QString m_host;
    QString m_sourceKind = QStringLiteral("local");
    QString m_sourcePath;
    QString m_runningStep;
    bool m_argumentsLoaded = false;
    QStringList m_runningArguments; ///< the running master's
    QStringList m_arguments;
    QVariantList m_changes;
    QVariantList m_checks;
    QStringListModel m_output;
    QTimer m_outputTimer; ///< moves the lines the engine sent into m_output, while a step runs
    QStringList m_log;
    QVariantMap m_lastReport;
    QString m_builtBinary;
    std::shared_ptr<Running> m_running; ///< the running step's engine and its unflushed output
    BackgroundJobs m_jobs;
};

} // namespace Baton
