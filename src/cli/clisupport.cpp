#include "clisupport.h"

#include "upgradecommand.h"

#include <QCommandLineParser>
#include <QFile>
#include <QTextStream>

#include <termios.h>
#include <unistd.h>

namespace Baton {

namespace {
std::mutex outputMutex;
} // namespace

void printLine(const QString &text, bool toStderr)
{
    const std::lock_guard lock(outputMutex);
    QTextStream stream(toStderr ? stderr : stdout);
    stream << text << Qt::endl;
}

bool CliPrompter::approveHostKey(const HostKeyInfo &key)
{
    printLine(UpgradeCommand::tr("%1:%2: unknown host key %3 %4; check it and add it to %5 (connect once with ssh), "
                                 "then try again")
                  .arg(key.host)
                  .arg(key.port)
                  .arg(key.keyType, key.fingerprint, key.knownHostsFile),
              true);
    return false;
}

std::optional<QByteArray> CliPrompter::passphrase(const QString &keyFile)
{
    return ask(UpgradeCommand::tr("Passphrase for %1: ").arg(keyFile));
}

std::optional<QByteArray> CliPrompter::password(const QString &displayName, int attempt)
{
    Q_UNUSED(attempt);
    return ask(UpgradeCommand::tr("Password for %1: ").arg(displayName));
}

std::optional<QByteArray> CliPrompter::sudoPassword(const QString &displayName, int attempt)
{
    if (!sudoPasswordFile.isEmpty()) {
        if (attempt > 1) {
            return std::nullopt; // the file's password was refused: asking again changes nothing
        }
        QFile file(sudoPasswordFile);
        if (!file.open(QIODevice::ReadOnly)) {
            printLine(UpgradeCommand::tr("cannot read the sudo password file %1").arg(sudoPasswordFile), true);
            return std::nullopt;
        }
        QByteArray secret = file.readLine();
        while (secret.endsWith('\n') || secret.endsWith('\r')) {
            secret.chop(1);
        }
        return secret;
    }
    return ask(UpgradeCommand::tr("sudo password for %1: ").arg(displayName));
}

std::optional<QByteArray> CliPrompter::ask(const QString &prompt)
{
    const std::lock_guard lock(m_mutex);
    if (!isatty(STDIN_FILENO)) {
        return std::nullopt;
    }
    {
        const std::lock_guard out(outputMutex);
        QTextStream err(stderr);
        err << prompt << Qt::flush;
    }
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    QByteArray secret;
    char c = 0;
    while (read(STDIN_FILENO, &c, 1) == 1 && c != '\n') {
        secret.append(c);
    }
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    QTextStream err(stderr);
    err << Qt::endl;
    return secret;
}

HostSelection::HostSelection()
    : m_inventory(QStringLiteral("inventory"),
                  tr("The inventory (default: $BATON_INVENTORY, else ~/.config/baton/inventory.json)."),
                  tr("FILE"),
                  Inventory::defaultInUse())
    , m_hosts(QStringLiteral("hosts"), tr("Only these hosts (comma-separated; default: all)."), tr("NAMES"))
    , m_host(QStringLiteral("host"), tr("Only this host (repeatable)."), tr("NAME"))
{
}

std::optional<Inventory> HostSelection::resolve(const QCommandLineParser &parser, QString *error)
{
    if (parser.value(m_inventory).isEmpty()) {
        *error = tr("say which inventory with --inventory FILE, or keep it in %1").arg(Inventory::defaultPath());
        return std::nullopt;
    }
    std::optional<Inventory> inventory = Inventory::load(parser.value(m_inventory), error);
    if (!inventory) {
        return std::nullopt;
    }
    m_wanted = parser.values(m_host);
    for (const QString &list : parser.values(m_hosts)) {
        m_wanted += list.split(u',', Qt::SkipEmptyParts);
    }
    for (const QString &name : std::as_const(m_wanted)) {
        if (std::none_of(inventory->hosts.cbegin(), inventory->hosts.cend(), [&name](const HostEntry &host) {
                return host.name == name;
            })) {
            *error = tr("no host named %1 in the inventory").arg(name);
            return std::nullopt;
        }
    }
    return inventory;
}

} // namespace Baton
