#include "upgradecommand.h"

#include "ansibleexport.h"
#include "clisupport.h"
#include "hostupgrade.h"
#include "inventory.h"
#include "remotehost.h"
#include "rollout.h"
#include "sshprompter.h"
#include "transcript.h"

#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <mutex>
#include <thread>

#include <termios.h>
#include <unistd.h>

namespace Baton {

namespace {

struct HostRun
{
    HostEntry host;
    StepReport report;
    QList<PreflightCheck> checks;
    QString dryRun;
    bool ok = false;
};

QJsonObject reportJson(const HostRun &run)
{
    QJsonObject object{{QStringLiteral("host"), run.host.name}, {QStringLiteral("ok"), run.ok}};
    if (!run.checks.isEmpty()) {
        QJsonArray checks;
        for (const PreflightCheck &check : run.checks) {
            checks.append(QJsonObject{{QStringLiteral("id"), check.id},
                                      {QStringLiteral("status"), PreflightCheck::statusName(check.status)},
                                      {QStringLiteral("message"), check.message}});
        }
        object.insert(QStringLiteral("checks"), checks);
    }
    if (!run.report.step.isEmpty()) {
        object.insert(QStringLiteral("step"), run.report.step);
        object.insert(QStringLiteral("phase"), phaseName(run.report.phase));
        object.insert(QStringLiteral("message"), run.report.message);
        object.insert(QStringLiteral("details"), QJsonArray::fromStringList(run.report.details));
        QStringList valid;
        for (HostUpgrade::Step step : HostUpgrade::validSteps(run.report.phase)) {
            valid.append(HostUpgrade::stepName(step));
        }
        object.insert(QStringLiteral("validSteps"), QJsonArray::fromStringList(valid));
    }
    if (!run.dryRun.isEmpty()) {
        object.insert(QStringLiteral("script"), run.dryRun);
    }
    return object;
}

// Where the options of the last rollout on an inventory are kept for --resume.
QString rolloutStateFile(const QStringList &arguments)
{
    QString inventory = Inventory::defaultInUse();
    const qsizetype at = arguments.indexOf(QStringLiteral("--inventory"));
    if (at >= 0 && at + 1 < arguments.size()) {
        inventory = arguments.at(at + 1);
    }
    const QByteArray key =
        QCryptographicHash::hash(QFileInfo(inventory).absoluteFilePath().toUtf8(), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return QFileInfo(Transcript::defaultDirectory()).path() + QStringLiteral("/rollouts/") + QString::fromLatin1(key) +
        QStringLiteral(".json");
}

int runRollout(
    const Inventory &inventory, const RolloutPlan &plan, Transcript *transcript, SshPrompter *prompter, bool json)
{
    Rollout rollout(inventory, plan, transcript, prompter);
    if (!json) {
        printLine(UpgradeCommand::tr("transcript: %1").arg(transcript->path()));
        const QList<QStringList> batches = plan.batches();
        for (int b = 0; b < batches.size(); ++b) {
            printLine(UpgradeCommand::tr("batch %1%2: %3")
                          .arg(b)
                          .arg(b == 0 && plan.canaries > 0 ? UpgradeCommand::tr(" (canaries)") : QString())
                          .arg(batches.at(b).join(QStringLiteral(", "))));
        }
        rollout.onProgress = [](const QString &host, const QString &line) {
            printLine(host + QStringLiteral(": ") + line);
        };
    }
    rollout.confirmCanaries = [](const QList<RolloutHost> &canaries) {
        if (!isatty(STDIN_FILENO)) {
            printLine(
                UpgradeCommand::tr("the canaries are done; not a terminal, so not going on (run again with --resume)"),
                true);
            return false;
        }
        QStringList lines;
        for (const RolloutHost &host : canaries) {
            lines.append(host.name + QStringLiteral(": ") + RolloutHost::stateName(host.state));
        }
        printLine(
            UpgradeCommand::tr("canaries: %1. Go on with the batches? [y/N] ").arg(lines.join(QStringLiteral(", "))),
            true);
        char answer[16] = {};
        return fgets(answer, sizeof answer, stdin) && (answer[0] == 'y' || answer[0] == 'Y');
    };
    const RolloutResult result = rollout.run();
    QTextStream out(stdout);
    if (json) {
        QJsonArray hosts;
        for (const RolloutHost &host : result.hosts) {
            hosts.append(QJsonObject{{QStringLiteral("host"), host.name},
                                     {QStringLiteral("batch"), host.batch},
                                     {QStringLiteral("state"), RolloutHost::stateName(host.state)},
                                     {QStringLiteral("phase"), phaseName(host.phase)},
                                     {QStringLiteral("message"), host.message},
                                     {QStringLiteral("durationMs"), host.durationMs}});
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("command"), QStringLiteral("rollout")},
                                         {QStringLiteral("ok"), result.ok},
                                         {QStringLiteral("message"), result.message},
                                         {QStringLiteral("transcript"), transcript->path()},
                                         {QStringLiteral("hosts"), hosts}})
                   .toJson(QJsonDocument::Indented);
        return result.ok ? 0 : 1;
    }
    out << '\n'
        << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
               .arg(UpgradeCommand::tr("host"), -12)
               .arg(UpgradeCommand::tr("batch"), -5)
               .arg(UpgradeCommand::tr("state"), -11)
               .arg(UpgradeCommand::tr("phase"), -9)
               .arg(UpgradeCommand::tr("time"), 7)
               .arg(UpgradeCommand::tr("message"));
    for (const RolloutHost &host : result.hosts) {
        out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                   .arg(host.name, -12)
                   .arg(host.batch < 0 ? QStringLiteral("-") : QString::number(host.batch), -5)
                   .arg(RolloutHost::stateName(host.state), -11)
                   .arg(host.state == RolloutHost::State::Pending ? QStringLiteral("-") : phaseName(host.phase), -9)
                   .arg(host.durationMs > 0 ? QStringLiteral("%1 s").arg(host.durationMs / 1000.0, 0, 'f', 1)
                                            : QString(),
                        7)
                   .arg(host.message);
    }
    out << '\n' << result.message << '\n';
    return result.ok ? 0 : 1;
}

} // namespace

int UpgradeCommand::run(const QString &command, const QStringList &arguments)
{
    const QString name = QStringLiteral("batonctl ") + command;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        command == u"rollout" ? tr("Upgrades a fleet the careful way: canary hosts first, then batches, within a "
                                   "failure budget. Run it again (or with --resume) after a crash: it continues "
                                   "from what the hosts say.")
            : command == u"preflight" ? tr("Checks that the hosts can be upgraded to the target; changes nothing.")
            : command == u"upgrade"
            ? tr("Upgrades nginx on the hosts: stage, spawn, drain, commit, with health gates; rolls "
                 "back a host whose gate fails. Resumes from wherever each host is.")
            : command == u"drain"
            ? tr("Lets the old workers finish (WINCH the old master) and waits until they are gone.")
            : command == u"commit"
            ? tr("Ends the upgrade: QUIT the old master, verify the new one serves alone.")
            : tr("Rolls the hosts back from spawned, draining or parked (HUP the old master, QUIT the "
                 "new one, restore the old binary), or puts the running binary back after a stage."));
    parser.addHelpOption();
    HostSelection selection;
    const QCommandLineOption binaryOption(
        QStringLiteral("binary"), tr("The new nginx binary, a local file to upload."), tr("PATH"));
    const QCommandLineOption remoteBinaryOption(
        QStringLiteral("remote-binary"), tr("The new nginx binary, already on each host."), tr("PATH"));
    const QCommandLineOption untilOption(QStringLiteral("until"),
                                         tr("Stop once the hosts are spawned, parked or committed (default)."),
                                         tr("PHASE"),
                                         QStringLiteral("committed"));
    const QCommandLineOption stepOption(QStringLiteral("step"), tr("Run only the next step of each host."));
    const QCommandLineOption dryRunOption(
        QStringLiteral("dry-run"), tr("Print the commands each host would run, as a script to read; change nothing."));
    const QCommandLineOption healthOption(
        QStringLiteral("health-url"),
        tr("Requested on each host after each step (default: http://127.0.0.1:<httpPort>/)."),
        tr("URL"));
    const QCommandLineOption spawnTimeoutOption(QStringLiteral("spawn-timeout"),
                                                tr("Seconds for the new generation to come up (30)."),
                                                tr("S"),
                                                QStringLiteral("30"));
    const QCommandLineOption drainTimeoutOption(QStringLiteral("drain-timeout"),
                                                tr("Seconds for the old workers to drain (300)."),
                                                tr("S"),
                                                QStringLiteral("300"));
    const QCommandLineOption onDrainTimeoutOption(
        QStringLiteral("on-drain-timeout"),
        tr("fail (stay draining; run drain again to wait longer), terminate (TERM the "
           "old workers left) or rollback."),
        tr("ACTION"),
        QStringLiteral("fail"));
    const QCommandLineOption sudoPasswordOption(
        QStringLiteral("sudo-password-file"),
        tr("Read the sudo password from this file (default: $BATON_SUDO_PASSWORD_FILE, "
           "else ask on the terminal)."),
        tr("FILE"),
        qEnvironmentVariable("BATON_SUDO_PASSWORD_FILE"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON (documented in the README)."));
    const QCommandLineOption transcriptOption(
        QStringLiteral("transcript-dir"),
        tr("Where to write the transcript (default: ~/.local/state/baton/transcripts)."),
        tr("DIR"));
    parser.addOptions(selection.options());
    parser.addOptions({healthOption,
                       spawnTimeoutOption,
                       drainTimeoutOption,
                       onDrainTimeoutOption,
                       sudoPasswordOption,
                       jsonOption,
                       transcriptOption});
    if (command == u"preflight" || command == u"upgrade" || command == u"rollout") {
        parser.addOptions({binaryOption, remoteBinaryOption});
    }
    const QCommandLineOption canaryOption(
        QStringLiteral("canary"), tr("Canary hosts, upgraded first (1)."), tr("N"), QStringLiteral("1"));
    const QCommandLineOption batchOption(
        QStringLiteral("batch"), tr("Hosts per batch after the canaries (5)."), tr("N"), QStringLiteral("5"));
    const QCommandLineOption parallelOption(
        QStringLiteral("parallel"), tr("Hosts upgraded at once within a batch (default: the batch size)."), tr("N"));
    const QCommandLineOption maxFailuresOption(
        QStringLiteral("max-failures"), tr("Stop once more hosts than this failed (0)."), tr("N"), QStringLiteral("0"));
    const QCommandLineOption maxFailurePercentOption(
        QStringLiteral("max-failure-percent"), tr("Or once more than this share of the hosts failed."), tr("P"));
    const QCommandLineOption pauseOption(
        QStringLiteral("pause"), tr("Seconds to wait between batches (0)."), tr("S"), QStringLiteral("0"));
    const QCommandLineOption pauseAfterCanaryOption(QStringLiteral("pause-after-canary"),
                                                    tr("Ask before going on after the canaries."));
    const QCommandLineOption onFailureOption(QStringLiteral("on-failure"),
                                             tr("rollback-host (default), rollback-batch or stop."),
                                             tr("POLICY"),
                                             QStringLiteral("rollback-host"));
    const QCommandLineOption resumeOption(QStringLiteral("resume"),
                                          tr("Continue the last rollout on this inventory, with its options."));
    const QCommandLineOption exportAnsibleOption(
        QStringLiteral("export-ansible"),
        tr("Do not run the rollout: write it as an Ansible playbook and inventory into DIR (upgrade-nginx.yml, "
           "inventory.ini) with the same batches, failure budget, steps and checks."),
        tr("DIR"));
    if (command == u"rollout") {
        parser.addOptions({canaryOption,
                           batchOption,
                           parallelOption,
                           maxFailuresOption,
                           maxFailurePercentOption,
                           pauseOption,
                           pauseAfterCanaryOption,
                           onFailureOption,
                           resumeOption,
                           exportAnsibleOption});
    }
    if (command == u"upgrade") {
        parser.addOptions({untilOption, stepOption, dryRunOption});
    }
    QStringList effective = arguments;
    if (command == u"rollout" && arguments.contains(QStringLiteral("--resume"))) {
        // the options of the last rollout on this inventory (saved below), then any given now
        QFile saved(rolloutStateFile(arguments));
        if (saved.open(QIODevice::ReadOnly)) {
            QStringList previous =
                QJsonDocument::fromJson(saved.readAll()).object().value(u"arguments").toVariant().toStringList();
            effective = previous + arguments;
        }
    }
    parser.process(QStringList{name} + effective);

    const auto usage = [&name](const QString &message) {
        printLine(name + QStringLiteral(": ") + message, true);
        return 2;
    };
    QString error;
    const std::optional<Inventory> inventory = selection.resolve(parser, &error);
    if (!inventory) {
        return usage(error);
    }
    UpgradeSettings settings;
    const bool needsTarget = command == u"preflight" || command == u"upgrade" || command == u"rollout";
    if (needsTarget) {
        if (parser.isSet(binaryOption) && parser.isSet(remoteBinaryOption)) {
            return usage(tr("give either --binary or --remote-binary, not both"));
        }
        settings.localTarget = parser.value(binaryOption);
        settings.remoteTarget = parser.value(remoteBinaryOption);
    }
    if (needsTarget && settings.localTarget.isEmpty() && settings.remoteTarget.isEmpty()) {
        // each host's own target from the inventory (nginx.targetBinary), if every host has one
        for (const HostEntry &host : inventory->hosts) {
            if ((selection.picks(host.name)) && host.nginx.targetBinary.isEmpty()) {
                return usage(tr("say which binary to upgrade to with --binary PATH (a local file) or --remote-binary "
                                "PATH (%1 has no nginx.targetBinary in the inventory)")
                                 .arg(host.name));
            }
        }
    }
    if (!settings.localTarget.isEmpty() && !QFile::exists(settings.localTarget)) {
        return usage(tr("%1 does not exist").arg(settings.localTarget));
    }
    settings.healthUrl = parser.value(healthOption);
    bool ok = true;
    settings.spawnTimeoutSeconds = parser.value(spawnTimeoutOption).toInt(&ok);
    bool ok2 = true;
    settings.drainTimeoutSeconds = parser.value(drainTimeoutOption).toInt(&ok2);
    if (!ok || !ok2 || settings.spawnTimeoutSeconds <= 0 || settings.drainTimeoutSeconds <= 0) {
        return usage(tr("timeouts are whole seconds above 0"));
    }
    const QString onTimeout = parser.value(onDrainTimeoutOption);
    if (onTimeout == u"fail") {
        settings.onDrainTimeout = DrainTimeoutAction::Fail;
    } else if (onTimeout == u"terminate") {
        settings.onDrainTimeout = DrainTimeoutAction::Terminate;
    } else if (onTimeout == u"rollback") {
        settings.onDrainTimeout = DrainTimeoutAction::RollBack;
    } else {
        return usage(tr("--on-drain-timeout is fail, terminate or rollback"));
    }
    Phase until = Phase::Running;
    const QString untilText = command == u"upgrade" ? parser.value(untilOption) : QStringLiteral("committed");
    if (untilText == u"spawned") {
        until = Phase::Spawned;
    } else if (untilText == u"parked") {
        until = Phase::Parked;
    } else if (untilText != u"committed") {
        return usage(tr("--until is spawned, parked or committed"));
    }
    const bool json = parser.isSet(jsonOption);
    const bool dryRun = command == u"upgrade" && parser.isSet(dryRunOption);
    const bool stepMode = command == u"upgrade" && parser.isSet(stepOption);

    Transcript transcript(parser.value(transcriptOption));
    CliPrompter prompter;
    prompter.sudoPasswordFile = parser.value(sudoPasswordOption);
    if (command == u"rollout") {
        RolloutPlan plan;
        for (const HostEntry &host : inventory->hosts) {
            if (selection.picks(host.name)) {
                plan.hosts.append(host.name);
            }
        }
        bool valid = true;
        const auto number = [&parser, &valid](const QCommandLineOption &option, int minimum) {
            bool ok = false;
            const int value = parser.value(option).toInt(&ok);
            valid = valid && ok && value >= minimum;
            return value;
        };
        plan.canaries = number(canaryOption, 0);
        plan.batchSize = number(batchOption, 1);
        plan.parallel = parser.isSet(parallelOption) ? number(parallelOption, 1) : plan.batchSize;
        plan.maxFailures = number(maxFailuresOption, 0);
        plan.maxFailurePercent = parser.isSet(maxFailurePercentOption) ? number(maxFailurePercentOption, 0) : -1;
        if (plan.maxFailurePercent >= 0 && !parser.isSet(maxFailuresOption)) {
            plan.maxFailures = -1; // the percentage alone
        }
        plan.pauseSeconds = number(pauseOption, 0);
        plan.pauseAfterCanaries = parser.isSet(pauseAfterCanaryOption);
        const QString policy = parser.value(onFailureOption);
        plan.onFailure = policy == u"rollback-batch" ? RolloutPlan::OnFailure::RollBackBatch
            : policy == u"stop"                      ? RolloutPlan::OnFailure::Stop
                                                     : RolloutPlan::OnFailure::RollBackHost;
        if (!valid || (policy != u"rollback-host" && policy != u"rollback-batch" && policy != u"stop")) {
            return usage(
                tr("--canary, --batch, --parallel, --max-failures, --max-failure-percent and --pause take whole "
                   "numbers (--batch and --parallel at least 1); --on-failure is rollback-host, rollback-batch "
                   "or stop"));
        }
        plan.settings = settings;
        if (parser.isSet(exportAnsibleOption)) {
            const QString directory = parser.value(exportAnsibleOption);
            QStringList notes;
            if (!AnsibleExport::write(directory, *inventory, plan, &error, &notes)) {
                printLine(name + QStringLiteral(": ") + error, true);
                return 1;
            }
            for (const QString &note : std::as_const(notes)) {
                printLine(note, true);
            }
            printLine(tr("wrote %1/upgrade-nginx.yml and %1/inventory.ini (%n host(s)); run: ansible-playbook -i "
                         "%1/inventory.ini %1/upgrade-nginx.yml",
                         nullptr,
                         int(plan.hosts.size()))
                          .arg(directory));
            return 0;
        }
        // What --resume will repeat.
        QFile state(rolloutStateFile(arguments));
        QDir().mkpath(QFileInfo(state).path());
        if (state.open(QIODevice::WriteOnly)) {
            QStringList saved = effective;
            saved.removeAll(QStringLiteral("--resume"));
            state.write(
                QJsonDocument(QJsonObject{{QStringLiteral("arguments"), QJsonArray::fromStringList(saved)}}).toJson());
        }
        return runRollout(*inventory, plan, &transcript, &prompter, json);
    }
    std::vector<HostRun> runs;
    for (const HostEntry &host : inventory->hosts) {
        if (selection.picks(host.name)) {
            runs.push_back({host, {}, {}, {}, false});
        }
    }
    if (!json && !dryRun) {
        printLine(tr("transcript: %1").arg(transcript.path()));
    }
    std::vector<std::thread> threads;
    for (HostRun &run : runs) {
        threads.emplace_back([&run, &settings, &transcript, &prompter, &command, json, dryRun, stepMode, until] {
            SshRemoteHost remote(run.host.sshConfig(), &prompter);
            UpgradeSettings hostSettings = settings;
            if (hostSettings.localTarget.isEmpty() && hostSettings.remoteTarget.isEmpty()) {
                hostSettings.remoteTarget = run.host.nginx.targetBinary;
            }
            HostUpgrade upgrade(run.host, &remote, &transcript, hostSettings);
            if (!json) {
                upgrade.onProgress = [&run](const QString &line) {
                    printLine(run.host.name + QStringLiteral(": ") + line);
                };
            }
            if (dryRun) {
                run.dryRun = upgrade.dryRun();
                run.ok = true;
            } else if (command == u"preflight") {
                run.checks = upgrade.preflight();
                run.ok = std::none_of(run.checks.begin(), run.checks.end(), [](const PreflightCheck &check) {
                    return check.status == PreflightCheck::Status::Fail;
                });
            } else if (command == u"upgrade" && stepMode) {
                // the next step valid from where the host is
                const HostSnapshot snapshot = upgrade.snapshot();
                switch (snapshot.phase()) {
                case Phase::Running:
                    run.report = snapshot.ok() &&
                            snapshot.record.binarySha256 ==
                                snapshot.record.executableSha256.value(snapshot.state.master->pid)
                        ? upgrade.stage()
                        : upgrade.spawn();
                    break;
                case Phase::Spawned:
                case Phase::Draining:
                    run.report = upgrade.drain();
                    break;
                case Phase::Parked:
                    run.report = upgrade.commit();
                    break;
                case Phase::Stopped:
                case Phase::Abnormal:
                    run.report = {QStringLiteral("upgrade"),
                                  false,
                                  snapshot.ok() ? UpgradeCommand::tr("no step is possible: the instance is %1 %2")
                                                      .arg(phaseName(snapshot.phase()), snapshot.state.reason)
                                                : snapshot.error,
                                  {},
                                  snapshot.phase()};
                    break;
                }
                run.ok = run.report.ok;
            } else {
                run.report = command == u"upgrade" ? upgrade.runUntil(until)
                    : command == u"drain"          ? upgrade.drain()
                    : command == u"commit"         ? upgrade.commit()
                                                   : upgrade.rollBack();
                run.ok = run.report.ok;
            }
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }

    QTextStream out(stdout);
    const bool allOk = std::all_of(runs.begin(), runs.end(), [](const HostRun &run) { return run.ok; });
    if (json) {
        QJsonArray hosts;
        for (const HostRun &run : runs) {
            hosts.append(reportJson(run));
        }
        out << QJsonDocument(QJsonObject{{QStringLiteral("command"), command},
                                         {QStringLiteral("ok"), allOk},
                                         {QStringLiteral("transcript"), transcript.path()},
                                         {QStringLiteral("hosts"), hosts}})
                   .toJson(QJsonDocument::Indented);
        return allOk ? 0 : 1;
    }
    if (dryRun) {
        for (const HostRun &run : runs) {
            out << "# === " << run.host.name << " ===\n" << run.dryRun << '\n';
        }
        return 0;
    }
    out << '\n';
    for (const HostRun &run : runs) {
        if (!run.checks.isEmpty()) {
            out << run.host.name << ":\n";
            for (const PreflightCheck &check : run.checks) {
                out << QStringLiteral("  %1  %2  %3\n")
                           .arg(PreflightCheck::statusName(check.status).toUpper(), -4)
                           .arg(check.id, -11)
                           .arg(check.message);
            }
            continue;
        }
        out << QStringLiteral("%1  %2  %3  %4\n")
                   .arg(run.host.name, -12)
                   .arg(run.ok ? tr("ok") : tr("FAILED"), -6)
                   .arg(phaseName(run.report.phase), -9)
                   .arg(run.report.message);
        for (const QString &detail : run.report.details) {
            out << QStringLiteral("    ") << detail << '\n';
        }
        if (!run.ok) {
            out << QStringLiteral("    ") << tr("valid now: %1").arg(HostUpgrade::validStepNames(run.report.phase))
                << '\n';
        }
    }
    return allOk ? 0 : 1;
}

int UpgradeCommand::transcript(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Prints what Baton ran on the hosts: the last run, or the one named."));
    parser.addHelpOption();
    const QCommandLineOption hostOption(QStringLiteral("host"), tr("Only this host."), tr("NAME"));
    const QCommandLineOption listOption(QStringLiteral("list"), tr("List the runs, newest first."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print the entries as JSON lines."));
    const QCommandLineOption dirOption(QStringLiteral("transcript-dir"), tr("Where the transcripts are."), tr("DIR"));
    parser.addOptions({hostOption, listOption, jsonOption, dirOption});
    parser.addPositionalArgument(QStringLiteral("run"), tr("A transcript file or run id (default: the last run)."));
    parser.process(QStringList{QStringLiteral("batonctl transcript")} + arguments);
    QTextStream out(stdout);
    const QStringList runs = Transcript::runs(parser.value(dirOption));
    if (parser.isSet(listOption)) {
        for (const QString &run : runs) {
            out << run << '\n';
        }
        return 0;
    }
    QString path = parser.positionalArguments().value(0);
    if (path.isEmpty()) {
        if (runs.isEmpty()) {
            printLine(
                tr("batonctl transcript: no runs yet in %1")
                    .arg(parser.value(dirOption).isEmpty() ? Transcript::defaultDirectory() : parser.value(dirOption)),
                true);
            return 1;
        }
        path = runs.first();
    } else if (!QFile::exists(path)) {
        for (const QString &run : runs) {
            if (run.endsWith(u'/' + path + QStringLiteral(".jsonl"))) {
                path = run;
            }
        }
    }
    QString error;
    const auto entries = Transcript::read(path, &error);
    if (!entries) {
        printLine(QStringLiteral("batonctl transcript: ") + error, true);
        return 1;
    }
    const QString host = parser.value(hostOption);
    for (const TranscriptEntry &entry : *entries) {
        if (!host.isEmpty() && entry.host != host) {
            continue;
        }
        if (parser.isSet(jsonOption)) {
            out << QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) << '\n';
            continue;
        }
        const QString when = entry.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        if (entry.command.isEmpty()) {
            out << when << "  " << entry.host << "  " << entry.step << "  # " << entry.note << '\n';
            continue;
        }
        out << when << "  " << entry.host << "  " << entry.step << "  $ " << entry.command << '\n';
        out << "    -> "
            << (entry.exitStatus ? tr("exit %1").arg(*entry.exitStatus) : tr("did not finish: %1").arg(entry.error))
            << tr(" in %1 ms").arg(entry.durationMs)
            << (entry.batch > 1 ? tr(" (one round trip for %n command(s))", nullptr, entry.batch) : QString()) << '\n';
        for (const QString &text : {entry.output, entry.errorOutput}) {
            for (const QString &line : text.split(u'\n', Qt::SkipEmptyParts)) {
                out << "    | " << line << '\n';
            }
        }
    }
    return 0;
}

} // namespace Baton
