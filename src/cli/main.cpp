#include "buildcommand.h"
#include "labcommand.h"
#include "labinit.h"
#include "statuscommand.h"
#include "translationloader.h"
#include "upgradecommand.h"
#include "versioninfo.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace {

int usage(int exitCode)
{
    QTextStream(exitCode == 0 ? stdout : stderr) << QCoreApplication::translate(
        "batonctl",
        "Usage: batonctl COMMAND [OPTIONS]\n"
        "\n"
        "Commands:\n"
        "  lab up --hosts N --dir DIR   start a local lab of N nginx hosts\n"
        "  lab down --dir DIR           stop the lab in DIR\n"
        "  status [--json]              probe the hosts, print each one's phase\n"
        "  build --source TARBALL       build nginx on the hosts with the running binary's\n"
        "                               configure arguments (--remote-source, --configure-arg,\n"
        "                               --drop-arg, --show-args, --preflight)\n"
        "  preflight --binary PATH      check the hosts can be upgraded; change nothing\n"
        "  upgrade --binary PATH        upgrade: stage, spawn, drain, commit (--until, --step,\n"
        "                               --dry-run); resumes wherever each host is\n"
        "  drain | commit | rollback    one step of an upgrade in progress\n"
        "  rollout --binary PATH        a fleet: canaries, batches, failure budget\n"
        "                               (--canary, --batch, --parallel, --max-failures)\n"
        "  transcript [RUN]             what Baton ran on the hosts (default: the last run)\n"
        "Every command takes --help; --inventory FILE may also come first.\n"
        "\n"
        "Options:\n"
        "  -h, --help                   show this help\n"
        "  --version                    show the versions of Baton and its libraries\n");
    return exitCode;
}

} // namespace

int main(int argc, char *argv[])
{
    // A lab host's init forks and must run before Qt exists.
    if (argc >= 2 && std::strcmp(argv[1], "__lab-init") == 0) {
        return Baton::runLabInit(argc, argv);
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("batonctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));
    Baton::TranslationLoader::install(QLocale());

    QStringList args = QCoreApplication::arguments().mid(1);
    // batonctl --inventory FILE COMMAND ...
    if (args.size() >= 2 && args.first() == u"--inventory") {
        qputenv("BATON_INVENTORY", args.at(1).toLocal8Bit());
        args = args.mid(2);
    }
    if (args.isEmpty()) {
        return usage(2);
    }
    const QString &command = args.first();
    if (command == u"--help" || command == u"-h" || command == u"help") {
        return usage(0);
    }
    if (command == u"--version") {
        QTextStream(stdout) << Baton::versionText(QStringLiteral("batonctl"));
        return 0;
    }
    if (command == u"lab") {
        return Baton::LabCommand::run(args.mid(1));
    }
    if (command == u"status") {
        return Baton::StatusCommand::run(args.mid(1));
    }
    if (command == u"preflight" || command == u"upgrade" || command == u"drain" || command == u"commit" ||
        command == u"rollback" || command == u"rollout") {
        return Baton::UpgradeCommand::run(command, args.mid(1));
    }
    if (command == u"build") {
        return Baton::BuildCommand::run(args.mid(1));
    }
    if (command == u"transcript") {
        return Baton::UpgradeCommand::transcript(args.mid(1));
    }
    QTextStream(stderr) << QCoreApplication::translate("batonctl", "batonctl: unknown command '%1'\n").arg(command);
    return usage(2);
}
