#include "buildcommand.h"

#include "clisupport.h"
#include "hostbuild.h"
#include "inventory.h"
#include "remotehost.h"
#include "shellquote.h"
#include "transcript.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <thread>

namespace Baton {

namespace {

struct HostRun
{
    HostEntry host;
    BuildReport report;
    QList<PreflightCheck> checks;
    QList<ArgumentChange> changes;
    QString error;
    bool ok = false;
};

QString changeLine(const ArgumentChange &change)
{
    switch (change.kind) {
    case ArgumentChange::Kind::Same:
        return QStringLiteral("    ") + change.argument;
    case ArgumentChange::Kind::Added:
        return QStringLiteral("  + ") + change.argument;
    case ArgumentChange::Kind::Dropped:
        return QStringLiteral("  - ") + change.argument;
    case ArgumentChange::Kind::Changed:
        return QStringLiteral("  ~ ") + change.argument + QStringLiteral("   (") +
            BuildCommand::tr("was %1").arg(change.previous) + u')';
    }
    return {};
}

QJsonObject toJson(const HostRun &run, bool preflight, bool argumentsOnly)
{
    QJsonObject object{{QStringLiteral("host"), run.host.name}, {QStringLiteral("ok"), run.ok}};
    if (!run.error.isEmpty()) {
        object.insert(QStringLiteral("error"), run.error);
    }
    if (argumentsOnly || preflight) {
        QJsonArray changes;
        for (const ArgumentChange &change : run.changes) {
            QJsonObject item{{QStringLiteral("change"), ArgumentChange::kindName(change.kind)},
                             {QStringLiteral("argument"), change.argument}};
            if (change.kind == ArgumentChange::Kind::Changed) {
                item.insert(QStringLiteral("was"), change.previous);
            }
            changes.append(item);
        }
        object.insert(QStringLiteral("arguments"), changes);
    }
    if (preflight) {
        QJsonArray checks;
        for (const PreflightCheck &check : run.checks) {
            checks.append(QJsonObject{{QStringLiteral("id"), check.id},
                                      {QStringLiteral("status"), PreflightCheck::statusName(check.status)},
                                      {QStringLiteral("message"), check.message}});
        }
        object.insert(QStringLiteral("checks"), checks);
    } else if (!argumentsOnly) {
        object.insert(QStringLiteral("message"), run.report.message);
        object.insert(QStringLiteral("details"), QJsonArray::fromStringList(run.report.details));
        object.insert(QStringLiteral("workDirectory"), run.report.workDirectory);
        if (run.report.ok) {
            object.insert(QStringLiteral("binary"), run.report.binary);
            object.insert(QStringLiteral("sha256"), run.report.sha256);
            object.insert(QStringLiteral("version"), run.report.build->version.version.toString());
        }
    }
    return object;
}

} // namespace

int BuildCommand::run(const QStringList &arguments)
{
    const QString name = QStringLiteral("batonctl build");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Builds nginx from source on the hosts with the configure arguments of the running binary (nginx -V): "
           "the source unpacked in a work directory of its own, ./configure, make, never make install. configure "
           "and make run detached: a dropped connection does not stop them, and batonctl follows them again. The "
           "built objs/nginx is checked (-V) and is the target of batonctl upgrade --remote-binary."));
    parser.addHelpOption();
    HostSelection selection;
    const QCommandLineOption sourceOption(QStringLiteral("source"),
                                          tr("The nginx source tarball on this machine, uploaded to each host."),
                                          tr("TARBALL"));
    const QCommandLineOption remoteSourceOption(
        QStringLiteral("remote-source"), tr("The nginx source on each host: a tarball or a directory."), tr("PATH"));
    const QCommandLineOption setOption(
        QStringLiteral("configure-arg"),
        tr("Change the running build's arguments: --NAME=VALUE replaces the argument of that NAME, anything else "
           "is added (repeatable; one argument each, spaces and quotes included)."),
        tr("ARG"));
    const QCommandLineOption dropOption(QStringLiteral("drop-arg"),
                                        tr("Leave out the running build's argument of this NAME or text (repeatable)."),
                                        tr("ARG"));
    const QCommandLineOption exactOption(
        QStringLiteral("exact-args"),
        tr("Configure with the --configure-arg arguments alone, not with the running build's."));
    const QCommandLineOption showOption(
        QStringLiteral("show-args"),
        tr("Print the configure arguments and how they differ from the running build's; change nothing."));
    const QCommandLineOption preflightOption(
        QStringLiteral("preflight"),
        tr("Check each host (source, compiler, make, the libraries the arguments need, disk); change nothing."));
    const QCommandLineOption jobsOption(
        QStringLiteral("jobs"), tr("make -jN (default: the host's processors)."), tr("N"), QStringLiteral("0"));
    const QCommandLineOption workOption(
        QStringLiteral("work-dir"), tr("Where the builds go on the host (default: ~/.cache/baton/builds)."), tr("DIR"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"),
                                           tr("Seconds for configure and make together (3600)."),
                                           tr("S"),
                                           QStringLiteral("3600"));
    const QCommandLineOption rebuildOption(
        QStringLiteral("rebuild"), tr("Build again even if the same source was built with the same arguments."));
    const QCommandLineOption cancelOption(QStringLiteral("cancel"),
                                          tr("Stop the running build of this source and these arguments."));
    const QCommandLineOption cleanOption(QStringLiteral("clean"),
                                         tr("Remove the work directory of this source and these arguments."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON (documented in the README)."));
    const QCommandLineOption transcriptOption(
        QStringLiteral("transcript-dir"),
        tr("Where to write the transcript (default: ~/.local/state/baton/transcripts)."),
        tr("DIR"));
    parser.addOptions(selection.options());
    parser.addOptions({sourceOption,
                       remoteSourceOption,
                       setOption,
                       dropOption,
                       exactOption,
                       showOption,
                       preflightOption,
                       jobsOption,
                       workOption,
                       timeoutOption,
                       rebuildOption,
                       cancelOption,
                       cleanOption,
                       jsonOption,
                       transcriptOption});
    parser.process(QStringList{name} + arguments);

    const auto usage = [&name](const QString &message) {
        printLine(name + QStringLiteral(": ") + message, true);
        return 2;
    };
    QString error;
    const std::optional<Inventory> inventory = selection.resolve(parser, &error);
    if (!inventory) {
        return usage(error);
    }
    const bool showOnly = parser.isSet(showOption);
    BuildSettings settings;
    settings.localSource = parser.value(sourceOption);
    settings.remoteSource = parser.value(remoteSourceOption);
    if (!showOnly && settings.localSource.isEmpty() == settings.remoteSource.isEmpty()) {
        return usage(tr("give the source: --source TARBALL (on this machine) or --remote-source PATH (on the host)"));
    }
    if (!settings.localSource.isEmpty() && !QFileInfo(settings.localSource).isFile()) {
        return usage(tr("%1 does not exist").arg(settings.localSource));
    }
    bool ok = true;
    bool ok2 = true;
    settings.jobs = parser.value(jobsOption).toInt(&ok);
    settings.timeoutSeconds = parser.value(timeoutOption).toInt(&ok2);
    if (!ok || !ok2 || settings.jobs < 0 || settings.timeoutSeconds <= 0) {
        return usage(tr("--jobs is a whole number (0: the host's processors), --timeout whole seconds above 0"));
    }
    settings.workRoot = parser.value(workOption);
    settings.rebuild = parser.isSet(rebuildOption);
    const QStringList set = parser.values(setOption);
    const QStringList drop = parser.values(dropOption);
    const bool exact = parser.isSet(exactOption);
    if (exact && set.isEmpty()) {
        return usage(tr("--exact-args needs the arguments: --configure-arg ARG for each"));
    }
    if (exact) {
        settings.configureArguments = HostBuild::editArguments({}, set, drop);
    }
    const bool json = parser.isSet(jsonOption);
    const bool preflight = parser.isSet(preflightOption);

    Transcript transcript(parser.value(transcriptOption));
    CliPrompter prompter;
    std::vector<HostRun> runs;
    for (const HostEntry &host : inventory->hosts) {
        if (selection.picks(host.name)) {
            runs.push_back({host, {}, {}, {}, {}, false});
        }
    }
    if (!json && !showOnly && !preflight) {
        printLine(tr("transcript: %1").arg(transcript.path()));
    }
    std::vector<std::thread> threads;
    for (HostRun &run : runs) {
        threads.emplace_back([&, json, showOnly, preflight] {
            SshRemoteHost remote(run.host.sshConfig(), &prompter);
            const QString prefix = run.host.name + QStringLiteral(": ");
            // the arguments: the running build's, edited
            QStringList running;
            if (!exact || showOnly || preflight) {
                HostBuild probe(run.host, &remote, &transcript, {});
                QString why;
                const std::optional<NginxBuild> build = probe.runningBuild(&why);
                if (build) {
                    running = build->configureArguments;
                } else if (!exact) {
                    run.error = why;
                    return;
                }
            }
            BuildSettings hostSettings = settings;
            if (!exact) {
                hostSettings.configureArguments = HostBuild::editArguments(running, set, drop);
            }
            run.changes = HostBuild::compareArguments(running, *hostSettings.configureArguments);
            if (showOnly) {
                run.ok = true;
                return;
            }
            HostBuild build(run.host, &remote, &transcript, hostSettings);
            if (!json) {
                build.onProgress = [&prefix](const QString &line) { printLine(prefix + line); };
                build.onOutput = [&prefix](const QString &line) { printLine(prefix + QStringLiteral("| ") + line); };
            }
            if (preflight) {
                run.checks = build.preflight();
                run.ok = std::none_of(run.checks.begin(), run.checks.end(), [](const PreflightCheck &check) {
                    return check.status == PreflightCheck::Status::Fail;
                });
            } else if (parser.isSet(cleanOption)) {
                QString why;
                run.ok = build.clean(&why);
                run.report.message = run.ok ? tr("removed the work directory") : why;
            } else if (parser.isSet(cancelOption)) {
                // the build of the same source and arguments: found by its work directory
                run.ok = build.stop(&run.report.message);
            } else {
                run.report = build.build();
                run.ok = run.report.ok;
            }
        });
    }
    for (std::thread &thread : threads) {
        thread.join();
    }

    int failures = 0;
    QJsonArray hosts;
    for (const HostRun &run : runs) {
        failures += run.ok ? 0 : 1;
        if (json) {
            hosts.append(toJson(run, preflight, showOnly));
            continue;
        }
        const QString prefix = run.host.name + QStringLiteral(": ");
        if (!run.error.isEmpty()) {
            printLine(prefix + run.error, true);
            continue;
        }
        if (showOnly || preflight) {
            printLine(prefix + tr("./configure arguments (+ added, - dropped, ~ changed from the running build):"));
            for (const ArgumentChange &change : run.changes) {
                printLine(changeLine(change));
            }
        }
        if (preflight) {
            for (const PreflightCheck &check : run.checks) {
                printLine(QStringLiteral("  [%1] %2: %3")
                              .arg(PreflightCheck::statusName(check.status), check.id, check.message));
            }
            continue;
        }
        if (showOnly) {
            continue;
        }
        printLine(prefix + run.report.message, !run.ok);
        for (const QString &detail : run.report.details) {
            printLine(prefix + QStringLiteral("  ") + detail, !run.ok);
        }
        if (run.report.ok) {
            printLine(prefix +
                      tr("upgrade to it with: batonctl upgrade --host %1 --remote-binary %2")
                          .arg(shellQuote(run.host.name), shellQuote(run.report.binary)));
        }
    }
    if (json) {
        QTextStream(stdout)
            << QJsonDocument(QJsonObject{{QStringLiteral("hosts"), hosts}}).toJson(QJsonDocument::Compact) << Qt::endl;
    }
    return failures == 0 ? 0 : 1;
}

} // namespace Baton
