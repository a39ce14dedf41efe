#include "labcommand.h"
#include "labinit.h"
#include "statuscommand.h"
#include "translationloader.h"
#include "versioninfo.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace {

int usage(int exitCode)
{
    QTextStream(exitCode == 0 ? stdout : stderr)
        << QCoreApplication::translate("batonctl",
                                       "Usage: batonctl COMMAND [OPTIONS]\n"
                                       "\n"
                                       "Commands:\n"
                                       "  lab up --hosts N --dir DIR   start a local lab of N nginx hosts\n"
                                       "  lab down --dir DIR           stop the lab in DIR\n"
                                       "  status [--json]              probe the hosts, print each one's phase\n"
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

    const QStringList args = QCoreApplication::arguments().mid(1);
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
    QTextStream(stderr) << QCoreApplication::translate("batonctl", "batonctl: unknown command '%1'\n").arg(command);
    return usage(2);
}
