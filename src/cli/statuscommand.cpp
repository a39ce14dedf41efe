#include "statuscommand.h"

#include "fleetmonitor.h"
#include "hostupgrade.h"
#include "inventory.h"
#include "nginxbuild.h"
#include "phase.h"
#include "pitfalls.h"
#include "shellquote.h"
#include "sshsession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace Baton {

namespace {

QJsonObject processJson(const ProbeRecord &record, const NginxProcess &process)
{
    QJsonObject object{{QStringLiteral("pid"), process.pid},
                       {QStringLiteral("ppid"), process.ppid},
                       {QStringLiteral("uid"), process.uid},
                       {QStringLiteral("startTime"), QString::number(process.startTime)},
                       {QStringLiteral("ageSeconds"),
                        record.uptimeSeconds - qint64(process.startTime / quint64(record.ticksPerSecond))},
                       {QStringLiteral("title"), process.title},
                       {QStringLiteral("connections"), record.connections.value(process.pid)}};
    if (process.role() == NginxProcess::Role::Master) {
        object.insert(QStringLiteral("executable"), record.executables.value(process.pid));
        object.insert(QStringLiteral("executableSha256"), record.executableSha256.value(process.pid));
        object.insert(QStringLiteral("listen"), QJsonArray::fromStringList(record.listening.value(process.pid)));
        object.insert(QStringLiteral("executableDeleted"), record.executableDeleted(process.pid));
        object.insert(QStringLiteral("version"), record.versions.value(process.pid));
        object.insert(QStringLiteral("configFile"), record.configFiles.value(process.pid));
        object.insert(QStringLiteral("daemon"), record.daemon.value(process.pid));
        if (const QString unit = record.units.value(process.pid); !unit.isEmpty()) {
            const SystemdUnit settings = record.systemdUnits.value(unit);
            object.insert(QStringLiteral("systemd"),
                          QJsonObject{{QStringLiteral("unit"), unit},
                                      {QStringLiteral("type"), settings.type},
                                      {QStringLiteral("pidFile"), settings.pidFile},
                                      {QStringLiteral("mainPid"), settings.mainPid},
                                      {QStringLiteral("execStart"), settings.execStart}});
        }
        QString error;
        if (const auto build = NginxBuild::parse(record.builds.value(process.pid).join(u'\n'), &error)) {
            object.insert(
                QStringLiteral("build"),
                QJsonObject{
                    {QStringLiteral("version"), build->version.version.toString()},
                    {QStringLiteral("compiler"), build->compiler},
                    {QStringLiteral("opensslBuilt"), build->opensslBuilt},
                    {QStringLiteral("opensslRunning"), build->opensslRunning},
                    {QStringLiteral("configureArguments"), QJsonArray::fromStringList(build->configureArguments)},
                    {QStringLiteral("staticModules"), QJsonArray::fromStringList(build->staticModules())},
                    {QStringLiteral("dynamicModules"), QJsonArray::fromStringList(build->dynamicModules())}});
        }
    }
    return object;
}

QJsonArray processesJson(const ProbeRecord &record, const QList<NginxProcess> &processes)
{
    QJsonArray array;
    for (const NginxProcess &process : processes) {
        array.append(processJson(record, process));
    }
    return array;
}

struct HostStatus
{
    HostEntry host;
    std::unique_ptr<SshSession> session;
    QByteArray output;
    bool done = false;
    QJsonObject json;
    QString line;
};

void describe(HostStatus *status, const ExecResult &result)
{
    QJsonObject &json = status->json;
    json.insert(QStringLiteral("host"), status->host.name);
    if (!result.succeeded()) {
        const QString error = result.error
            ? result.error.message
            : StatusCommand::tr("the probe exited with status %1").arg(result.exitStatus.value_or(-1));
        json.insert(QStringLiteral("error"), error);
        status->line = status->host.name + QStringLiteral(": ") + error;
        return;
    }
    QString parseError;
    const auto record = ProbeRecord::parse(QString::fromUtf8(status->output), &parseError);
    if (!record) {
        json.insert(QStringLiteral("error"), parseError);
        status->line = status->host.name + QStringLiteral(": ") + parseError;
        return;
    }
    // Every instance on the host, and the details of the one the inventory means.
    QJsonArray instances;
    for (const ProbeInstance &instance : record->instances()) {
        const PhaseState phase = PhaseState::derive(*record, instance);
        QJsonArray masters;
        for (qint64 pid : instance.masters) {
            masters.append(pid);
        }
        QJsonObject entry{{QStringLiteral("pidFile"), instance.pidFile},
                          {QStringLiteral("masters"), masters},
                          {QStringLiteral("phase"), phaseName(phase.phase)}};
        if (!phase.reason.isEmpty()) {
            entry.insert(QStringLiteral("reason"), phase.reason);
        }
        instances.append(entry);
    }
    json.insert(QStringLiteral("instances"), instances);
    QString why;
    const auto selected = record->selectedInstance(&why);
    const ProbeInstance instance = selected.value_or(ProbeInstance{});
    const PhaseState state = selected ? PhaseState::derive(*record, instance) : PhaseState::derive(*record);
    json.insert(QStringLiteral("phase"), phaseName(state.phase));
    QStringList valid;
    for (HostUpgrade::Step step : HostUpgrade::validSteps(state.phase)) {
        valid.append(HostUpgrade::stepName(step));
    }
    json.insert(QStringLiteral("validSteps"), QJsonArray::fromStringList(valid));
    if (!state.reason.isEmpty()) {
        json.insert(QStringLiteral("reason"), state.reason);
    }
    json.insert(QStringLiteral("hostname"), record->host);
    json.insert(QStringLiteral("pidFile"), instance.pidFile);
    if (state.master) {
        json.insert(QStringLiteral("master"), processJson(*record, *state.master));
    }
    if (state.oldMaster) {
        json.insert(QStringLiteral("oldMaster"), processJson(*record, *state.oldMaster));
    }
    json.insert(QStringLiteral("workers"), processesJson(*record, state.workers));
    json.insert(QStringLiteral("oldWorkers"), processesJson(*record, state.oldWorkers));
    if (!record->binaryPath.isEmpty()) {
        json.insert(QStringLiteral("binary"),
                    QJsonObject{{QStringLiteral("path"), record->binaryPath},
                                {QStringLiteral("size"), record->binarySize},
                                {QStringLiteral("mtime"), record->binaryMtime},
                                {QStringLiteral("sha256"), record->binarySha256}});
    }
    QJsonObject tools;
    for (auto it = record->tools.cbegin(); it != record->tools.cend(); ++it) {
        tools.insert(it.key(), it.value());
    }
    json.insert(QStringLiteral("tools"), tools);
    QJsonArray pitfalls;
    for (const Pitfall &pitfall : Pitfalls::detect(*record, instance, state)) {
        pitfalls.append(QJsonObject{
            {QStringLiteral("code"), pitfall.code},
            {QStringLiteral("severity"),
             pitfall.severity == Pitfall::Severity::Blocker ? QStringLiteral("blocker") : QStringLiteral("warning")},
            {QStringLiteral("message"), pitfall.message}});
    }
    json.insert(QStringLiteral("pitfalls"), pitfalls);
    // "nginx version: nginx/1.22.1" -> "nginx/1.22.1"
    const QString version =
        state.master ? record->versions.value(state.master->pid).section(QStringLiteral(": "), 1) : QString();
    status->line =
        QStringLiteral("%1  %2  %3")
            .arg(status->host.name, -12)
            .arg(phaseName(state.phase), -9)
            .arg(state.reason.isEmpty() ? StatusCommand::tr("%n worker(s)", nullptr, int(state.workers.size())) +
                         QStringLiteral("  ") + version
                                        : state.reason) +
        QStringLiteral("  ") + StatusCommand::tr("(next: %1)").arg(HostUpgrade::validStepNames(state.phase));
}

// One line (or JSON object) whenever a host changes, until @p seconds have passed (0: until
// interrupted).
int watch(const QList<HostEntry> &hosts, const FleetMonitor::Settings &settings, double seconds, bool json)
{
    QTextStream out(stdout);
    FleetMonitor monitor(hosts, settings);
    QObject::connect(&monitor,
                     &FleetMonitor::updated,
                     &monitor,
                     [&](const QString &host, const HostSnapshot &s, bool changed, int nextMs) {
                         if (!changed) {
                             return;
                         }
                         const QDateTime now = QDateTime::currentDateTime();
                         if (json) {
                             QJsonObject object{{QStringLiteral("time"), now.toUTC().toString(Qt::ISODateWithMs)},
                                                {QStringLiteral("host"), host},
                                                {QStringLiteral("phase"), phaseName(s.phase())},
                                                {QStringLiteral("workers"), int(s.state.workers.size())},
                                                {QStringLiteral("oldWorkers"), int(s.state.oldWorkers.size())},
                                                {QStringLiteral("probes"), monitor.probes(host)},
                                                {QStringLiteral("nextMs"), nextMs}};
                             if (!s.ok()) {
                                 object.insert(QStringLiteral("error"), s.error);
                             } else if (!s.state.reason.isEmpty()) {
                                 object.insert(QStringLiteral("reason"), s.state.reason);
                             }
                             out << QJsonDocument(object).toJson(QJsonDocument::Compact) << Qt::endl;
                             return;
                         }
                         const QString what = !s.ok() ? s.error
                             : !s.state.reason.isEmpty()
                             ? s.state.reason
                             : StatusCommand::tr("%n worker(s)", nullptr, int(s.state.workers.size())) +
                                 (s.state.oldWorkers.isEmpty()
                                      ? QString()
                                      : StatusCommand::tr(" + %n old", nullptr, int(s.state.oldWorkers.size())));
                         out << now.toString(QStringLiteral("HH:mm:ss.zzz")) << "  "
                             << QStringLiteral("%1  %2  %3").arg(host, -12).arg(phaseName(s.phase()), -9).arg(what)
                             << Qt::endl;
                     });
    if (seconds > 0) {
        QTimer::singleShot(int(seconds * 1000), &monitor, [] { QCoreApplication::quit(); });
    }
    monitor.start();
    QCoreApplication::exec();
    monitor.stop();
    if (!json) {
        QTextStream err(stderr);
        for (const HostEntry &host : hosts) {
            err << StatusCommand::tr("%1: %n probe(s)", nullptr, monitor.probes(host.name)).arg(host.name) << Qt::endl;
        }
    }
    return 0;
}

} // namespace

int StatusCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Probes hosts and prints the phase of their nginx."));
    parser.addHelpOption();
    const QCommandLineOption inventoryOption(
        QStringLiteral("inventory"),
        tr("The inventory (default: $BATON_INVENTORY, else ~/.config/baton/inventory.json)."),
        tr("FILE"),
        Inventory::defaultInUse());
    const QCommandLineOption hostOption(QStringLiteral("host"), tr("Only this host (repeatable)."), tr("NAME"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON (documented in the README)."));
    const QCommandLineOption watchOption(
        QStringLiteral("watch"),
        tr("Keep watching: a line whenever a host changes. One probe per host per tick over one connection per "
           "host; the tick is fast while a host changes and slows down while it stays the same."));
    const QCommandLineOption forOption(QStringLiteral("for"), tr("With --watch: stop after SECONDS."), tr("SECONDS"));
    const QCommandLineOption fastOption(QStringLiteral("fast"),
                                        tr("With --watch: the tick while a host changes (default 500)."),
                                        tr("MS"),
                                        QStringLiteral("500"));
    const QCommandLineOption slowOption(
        QStringLiteral("slow"),
        tr("With --watch: the longest tick, for a host that stays the same (default 8000)."),
        tr("MS"),
        QStringLiteral("8000"));
    parser.addOptions({inventoryOption, hostOption, jsonOption, watchOption, forOption, fastOption, slowOption});
    parser.process(QStringList{QStringLiteral("batonctl status")} + arguments);

    QTextStream err(stderr);
    if (parser.value(inventoryOption).isEmpty()) {
        err << "batonctl status: "
            << tr("say which inventory with --inventory FILE, or keep it in %1").arg(Inventory::defaultPath())
            << Qt::endl;
        return 2;
    }
    QString error;
    const auto inventory = Inventory::load(parser.value(inventoryOption), &error);
    if (!inventory) {
        err << "batonctl status: " << error << Qt::endl;
        return 2;
    }
    const QStringList wanted = parser.values(hostOption);
    for (const QString &name : wanted) {
        if (std::none_of(inventory->hosts.begin(), inventory->hosts.end(), [&name](const HostEntry &host) {
                return host.name == name;
            })) {
            err << "batonctl status: " << tr("no host named %1 in the inventory").arg(name) << Qt::endl;
            return 2;
        }
    }
    if (parser.isSet(watchOption)) {
        QList<HostEntry> hosts;
        for (const HostEntry &host : inventory->hosts) {
            if (wanted.isEmpty() || wanted.contains(host.name)) {
                hosts.append(host);
            }
        }
        FleetMonitor::Settings settings;
        settings.fastMs = parser.value(fastOption).toInt();
        settings.slowMs = parser.value(slowOption).toInt();
        return watch(hosts,
                     settings,
                     parser.isSet(forOption) ? parser.value(forOption).toDouble() : 0,
                     parser.isSet(jsonOption));
    }

    std::vector<std::unique_ptr<HostStatus>> statuses;
    for (const HostEntry &host : inventory->hosts) {
        if (!wanted.isEmpty() && !wanted.contains(host.name)) {
            continue;
        }
        auto status = std::make_unique<HostStatus>();
        status->host = host;
        status->session = std::make_unique<SshSession>(host.sshConfig());
        HostStatus *raw = status.get();
        QObject::connect(raw->session.get(),
                         &SshSession::standardOutput,
                         raw->session.get(),
                         [raw](quint64, const QByteArray &data) { raw->output += data; });
        QObject::connect(raw->session.get(),
                         &SshSession::finished,
                         raw->session.get(),
                         [raw, &statuses](quint64, const ExecResult &result) {
                             describe(raw, result);
                             raw->done = true;
                             if (std::all_of(statuses.begin(), statuses.end(), [](const auto &s) { return s->done; })) {
                                 QCoreApplication::quit();
                             }
                         });
        raw->session->run({probeCommand(host, ProbeDetail::Full), {}, 60000, host.sudo});
        statuses.push_back(std::move(status));
    }
    if (!statuses.empty()) {
        QCoreApplication::exec();
    }
    QTextStream out(stdout);
    bool allOk = true;
    QJsonArray hosts;
    for (const auto &status : statuses) {
        allOk = allOk && !status->json.contains(QStringLiteral("error"));
        hosts.append(status->json);
    }
    if (parser.isSet(jsonOption)) {
        out << QJsonDocument(QJsonObject{{QStringLiteral("hosts"), hosts}}).toJson(QJsonDocument::Indented);
    } else {
        for (const auto &status : statuses) {
            out << status->line << Qt::endl;
        }
    }
    return allOk ? 0 : 1;
}

} // namespace Baton
