#include "labcommand.h"

#include "lab.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

namespace Baton {

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "batonctl lab: " << message << Qt::endl;
    return 1;
}

} // namespace

int LabCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Starts or stops a local lab: test hosts with a real sshd and a real nginx on 127.0.0.1."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), tr("up or down"));
    const QCommandLineOption hostsOption(
        QStringLiteral("hosts"), tr("Number of hosts (default 3)."), tr("N"), QStringLiteral("3"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), tr("The lab directory."), tr("DIR"));
    const QCommandLineOption oldOption(QStringLiteral("old-nginx"),
                                       tr("The nginx the hosts run (default: $BATON_LAB_NGINX_OLD)."),
                                       tr("PATH"),
                                       qEnvironmentVariable("BATON_LAB_NGINX_OLD"));
    const QCommandLineOption newOption(QStringLiteral("new-nginx"),
                                       tr("The upgrade target placed on each host (default: $BATON_LAB_NGINX_NEW)."),
                                       tr("PATH"),
                                       qEnvironmentVariable("BATON_LAB_NGINX_NEW"));
    const QCommandLineOption portOption(
        QStringLiteral("base-port"), tr("First port to try (default: random)."), tr("PORT"), QStringLiteral("0"));
    const QCommandLineOption noNamespacesOption(QStringLiteral("no-pid-namespaces"),
                                                tr("Let all hosts share this machine's process table."));
    const QCommandLineOption noSudoOption(QStringLiteral("no-sudo-account"),
                                          tr("Do not create the non-root account that needs sudo (root only)."));
    const QCommandLineOption ownerOption(
        QStringLiteral("owner-pid"), tr("Stop the hosts by themselves once process PID ends."), tr("PID"));
    parser.addOptions(
        {hostsOption, dirOption, oldOption, newOption, portOption, noNamespacesOption, noSudoOption, ownerOption});
    parser.process(QStringList{QStringLiteral("batonctl lab")} + arguments);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || (positional.first() != u"up" && positional.first() != u"down")) {
        return fail(tr("say 'up' or 'down'; see batonctl lab --help"));
    }
    if (!parser.isSet(dirOption)) {
        return fail(tr("--dir DIR is required"));
    }
    Lab lab(parser.value(dirOption));
    lab.progress = [](const QString &line) { QTextStream(stderr) << "batonctl lab: " << line << Qt::endl; };
    QString error;
    if (positional.first() == u"down") {
        const int stopped = lab.down(&error);
        if (stopped < 0) {
            return fail(error);
        }
        lab.progress(tr("lab in %1 is down (%n process(es) stopped)", nullptr, stopped).arg(lab.directory()));
        return 0;
    }

    LabOptions options;
    bool ok = false;
    options.hosts = parser.value(hostsOption).toInt(&ok);
    if (!ok || options.hosts < 1) {
        return fail(tr("--hosts needs a positive number"));
    }
    options.basePort = parser.value(portOption).toInt();
    options.oldNginx = parser.value(oldOption);
    options.newNginx = parser.value(newOption);
    if (options.oldNginx.isEmpty() || options.newNginx.isEmpty()) {
        return fail(tr("say which nginx builds to use with --old-nginx and --new-nginx (installer/env.sh sets "
                       "BATON_LAB_NGINX_OLD and BATON_LAB_NGINX_NEW)"));
    }
    options.pidNamespaces = !parser.isSet(noNamespacesOption);
    options.sudoAccount = !parser.isSet(noSudoOption);
    options.initProgram = QCoreApplication::applicationFilePath();
    if (parser.isSet(ownerOption)) {
        options.ownerPid = parser.value(ownerOption).toInt(&ok);
        if (!ok || options.ownerPid <= 0) {
            return fail(tr("--owner-pid needs a process id"));
        }
    }
    QElapsedTimer timer;
    timer.start();
    if (!lab.up(options, &error)) {
        return fail(error);
    }
    lab.progress(tr("ready in %1 s").arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1));
    QTextStream(stdout) << lab.inventoryFile() << Qt::endl;
    return 0;
}

} // namespace Baton
