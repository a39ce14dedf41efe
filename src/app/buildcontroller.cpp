#include "buildcontroller.h"

#include "fleet.h"
#include "hostbuild.h"
#include "remotehost.h"
#include "upgradecontroller.h"

#include <QDateTime>

#include <mutex>

using namespace Qt::StringLiterals;

namespace Baton {

struct BuildController::Running
{
    std::mutex mutex;
    HostBuild *build = nullptr;
    bool cancelled = false;
    QStringList output; ///< lines the engine sent, not yet in the model
};

BuildController::BuildController(Fleet *fleet)
    : QObject(fleet)
    , m_fleet(fleet)
    , m_running(std::make_shared<Running>())
{
    m_outputTimer.setInterval(100);
    connect(&m_outputTimer, &QTimer::timeout, this, &BuildController::flushOutput);
    m_jobs.onShutdown = [running = m_running] {
        std::lock_guard lock(running->mutex);
        running->cancelled = true;
        if (running->build) {
            running->build->cancel();
        }
    };
}

BuildController::~BuildController() = default;

int BuildController::failedChecks() const
{
    return int(std::count_if(m_checks.cbegin(), m_checks.cend(), [](const QVariant &check) {
        return check.toMap().value(u"status"_s) == u"fail"_s;
    }));
}

void BuildController::setSourceKind(const QString &kind)
{
    if (m_sourceKind == kind || (kind != u"local" && kind != u"remote")) {
        return;
    }
    m_sourceKind = kind;
    Q_EMIT sourceChanged();
}

void BuildController::setSourcePath(const QString &path)
{
    if (m_sourcePath == path) {
        return;
    }
    m_sourcePath = path;
    Q_EMIT sourceChanged();
}

void BuildController::setHost(const QString &host)
{
    if (m_host == host || isBusy()) {
        return;
    }
    m_host = host;
    m_argumentsLoaded = false;
    m_runningArguments.clear();
    setArguments({});
    m_checks.clear();
    m_log.clear();
    m_lastReport.clear();
    m_builtBinary.clear();
    clearOutput();
    Q_EMIT hostChanged();
    Q_EMIT checksChanged();
    Q_EMIT logChanged();
    Q_EMIT lastReportChanged();
}

void BuildController::setArguments(const QStringList &arguments)
{
    m_arguments = arguments;
    m_changes.clear();
    if (m_argumentsLoaded) {
        int row = 0;
        for (const ArgumentChange &change : HostBuild::compareArguments(m_runningArguments, m_arguments)) {
            const bool dropped = change.kind == ArgumentChange::Kind::Dropped;
            m_changes.append(QVariantMap{{u"change"_s, ArgumentChange::kindName(change.kind)},
                                         {u"argument"_s, change.argument},
                                         {u"was"_s, change.previous},
                                         {u"row"_s, dropped ? -1 : row++}});
        }
    }
    Q_EMIT argumentsChanged();
    if (!m_checks.isEmpty()) {
        m_checks.clear(); // they were about other arguments
        Q_EMIT checksChanged();
    }
}

void BuildController::setArgument(int row, const QString &text)
{
    if (isBusy() || row < 0 || row >= m_arguments.size() || m_arguments.at(row) == text) {
        return;
    }
    if (text.trimmed().isEmpty()) {
        removeArgument(row);
        return;
    }
    QStringList edited = m_arguments;
    edited[row] = text.trimmed();
    setArguments(edited);
}

void BuildController::addArgument(const QString &text)
{
    if (isBusy() || text.trimmed().isEmpty() || m_arguments.contains(text.trimmed())) {
        return;
    }
    setArguments(m_arguments + QStringList{text.trimmed()});
}

void BuildController::removeArgument(int row)
{
    if (isBusy() || row < 0 || row >= m_arguments.size()) {
        return;
    }
    QStringList edited = m_arguments;
    edited.removeAt(row);
    setArguments(edited);
}

void BuildController::restoreArgument(const QString &argument)
{
    const qsizetype at = m_runningArguments.indexOf(argument);
    if (isBusy() || at < 0 || m_arguments.contains(argument)) {
        return;
    }
    // after the last argument kept that came before it in the running build
    qsizetype row = 0;
    for (qsizetype i = 0; i < at; ++i) {
        row = std::max(row, m_arguments.indexOf(m_runningArguments.at(i)) + 1);
    }
    QStringList edited = m_arguments;
    edited.insert(row, argument);
    setArguments(edited);
}

void BuildController::setRunningArguments(const QStringList &arguments)
{
    m_argumentsLoaded = true;
    m_runningArguments = arguments;
    setArguments(arguments);
}

void BuildController::resetArguments()
{
    if (!isBusy() && m_argumentsLoaded) {
        setArguments(m_runningArguments);
    }
}

void BuildController::appendLog(const QString &line)
{
    m_log.append(QDateTime::currentDateTime().toString(u"hh:mm:ss "_s) + line);
    if (m_log.size() > 500) {
        m_log.remove(0, m_log.size() - 500);
    }
    Q_EMIT logChanged();
}

void BuildController::flushOutput()
{
    QStringList lines;
    {
        std::lock_guard lock(m_running->mutex);
        lines.swap(m_running->output);
    }
    if (lines.size() > MaxOutputLines) {
        lines.remove(0, lines.size() - MaxOutputLines);
    }
    const int excess = m_output.rowCount() + int(lines.size()) - MaxOutputLines;
    if (excess > 0) {
        m_output.removeRows(0, excess);
    }
    const int first = m_output.rowCount();
    if (lines.isEmpty() || !m_output.insertRows(first, int(lines.size()))) {
        return;
    }
    for (int i = 0; i < lines.size(); ++i) {
        m_output.setData(m_output.index(first + i), lines.at(i));
    }
}

void BuildController::clearOutput()
{
    std::lock_guard lock(m_running->mutex);
    m_running->output.clear();
    m_output.removeRows(0, m_output.rowCount());
}

BuildSettings BuildController::settings() const
{
    BuildSettings settings;
    if (m_sourceKind == u"local") {
        settings.localSource = m_sourcePath;
    } else {
        settings.remoteSource = m_sourcePath;
    }
    if (m_argumentsLoaded) {
        settings.configureArguments = m_arguments;
    }
    return settings;
}

void BuildController::start(const QString &step, std::function<void(HostBuild &)> work)
{
    const std::optional<HostEntry> entry = m_fleet->entry(m_host);
    if (!entry || isBusy()) {
        return;
    }
    m_runningStep = step;
    Q_EMIT busyChanged();
    appendLog(tr("%1: %2").arg(step, m_host));
    m_outputTimer.start();

    Transcript *transcript = m_fleet->transcript();
    SshPrompter *prompter = m_fleet->prompter();
    m_jobs.start([this, host = *entry, settings = settings(), transcript, prompter, work, running = m_running] {
        SshRemoteHost remote(host.sshConfig(), prompter);
        HostBuild build(host, &remote, transcript, settings);
        build.onProgress = [this](const QString &line) {
            QMetaObject::invokeMethod(this, [this, line] { appendLog(line); }, Qt::QueuedConnection);
        };
        build.onOutput = [running](const QString &line) {
            std::lock_guard lock(running->mutex);
            running->output.append(line);
        };
        {
            std::lock_guard lock(running->mutex);
            if (running->cancelled) {
                return;
            }
            running->build = &build;
        }
        work(build);
        std::lock_guard lock(running->mutex);
        running->build = nullptr;
        running->cancelled = false;
    });
}

void BuildController::stepFinished(const QString &step, bool ok)
{
    m_outputTimer.stop();
    flushOutput();
    m_runningStep.clear();
    Q_EMIT busyChanged();
    Q_EMIT finished(step, ok);
}

void BuildController::loadArguments()
{
    start(u"arguments"_s, [this](HostBuild &build) {
        QString error;
        const std::optional<NginxBuild> running = build.runningBuild(&error);
        QMetaObject::invokeMethod(
            this,
            [this, running, error] {
                if (running) {
                    setRunningArguments(running->configureArguments);
                } else {
                    appendLog(error);
                }
                stepFinished(u"arguments"_s, running.has_value());
            },
            Qt::QueuedConnection);
    });
}

void BuildController::preflight()
{
    if (isBusy()) {
        return;
    }
    m_checks.clear();
    Q_EMIT checksChanged();
    start(u"preflight"_s, [this](HostBuild &build) {
        QVariantList list;
        bool ok = true;
        for (const PreflightCheck &check : build.preflight()) {
            list.append(QVariantMap{{u"id"_s, check.id},
                                    {u"status"_s, PreflightCheck::statusName(check.status)},
                                    {u"message"_s, check.message}});
            ok = ok && check.status != PreflightCheck::Status::Fail;
        }
        QMetaObject::invokeMethod(
            this,
            [this, list, ok] {
                m_checks = list;
                Q_EMIT checksChanged();
                appendLog(ok ? tr("The host can build nginx.") : tr("The host cannot build nginx yet."));
                stepFinished(u"preflight"_s, ok);
            },
            Qt::QueuedConnection);
    });
}

void BuildController::build()
{
    if (isBusy() || m_sourcePath.isEmpty()) {
        return;
    }
    clearOutput();
    m_lastReport.clear();
    m_builtBinary.clear();
    Q_EMIT lastReportChanged();
    start(u"build"_s, [this](HostBuild &build) {
        const BuildReport report = build.build();
        QMetaObject::invokeMethod(
            this,
            [this, report] {
                takeReport(report);
                stepFinished(u"build"_s, report.ok);
            },
            Qt::QueuedConnection);
    });
}

void BuildController::takeReport(const BuildReport &report)
{
    m_lastReport = {{u"step"_s, u"build"_s},
                    {u"ok"_s, report.ok},
                    {u"message"_s, report.message},
                    {u"details"_s, report.details},
                    {u"binary"_s, report.binary},
                    {u"sha256"_s, report.sha256},
                    {u"version"_s, report.version},
                    {u"workDirectory"_s, report.workDirectory}};
    m_builtBinary = report.ok ? report.binary : QString();
    Q_EMIT lastReportChanged();
    appendLog(report.message);
}

void BuildController::clean()
{
    if (isBusy() || m_sourcePath.isEmpty()) {
        return;
    }
    start(u"clean"_s, [this](HostBuild &build) {
        QString error;
        const bool ok = build.clean(&error);
        QMetaObject::invokeMethod(
            this,
            [this, ok, error] {
                if (ok) {
                    if (m_fleet->upgrade()->targetPath() == m_builtBinary) {
                        appendLog(tr("The upgrade's target was in the removed work directory."));
                    }
                    m_builtBinary.clear();
                    m_lastReport = {
                        {u"step"_s, u"clean"_s}, {u"ok"_s, true}, {u"message"_s, tr("The work directory is removed.")}};
                    Q_EMIT lastReportChanged();
                } else {
                    appendLog(error); // the build's result stays: its binary is still there
                }
                stepFinished(u"clean"_s, ok);
            },
            Qt::QueuedConnection);
    });
}

void BuildController::cancel()
{
    std::lock_guard lock(m_running->mutex);
    if (m_running->build) {
        m_running->build->cancel();
        appendLog(tr("cancelling: the build on the host stops"));
    }
}

void BuildController::useAsTarget()
{
    if (m_builtBinary.isEmpty()) {
        return;
    }
    UpgradeController *upgrade = m_fleet->upgrade();
    upgrade->setTargetKind(u"remote"_s);
    upgrade->setTargetPath(m_builtBinary);
    appendLog(tr("%1 is the upgrade's target").arg(m_builtBinary));
}

} // namespace Baton
