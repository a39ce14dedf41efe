// What one command costs over SSH, two ways, on the first host of a lab inventory: a
// channel of its own per command (SshConnection::exec: a session channel, the login
// shell, its start-up files) against the connection's persistent shell
// (SshConnection::execInShell: one fork on the host). Prints the wall time per command
// and the whole machine's CPU time per command (the lab's hosts share this machine), and
// the ratios. Then what the engine's usual commands cost in the persistent shell: the
// probe at each level of detail, and a health check (bash's /dev/tcp against curl).
// Run: installer/env.sh exec build/dev/bin/bench_shell INVENTORY [COUNT]
#include "inventory.h"
#include "shellquote.h"
#include "sshconnection.h"
#include "upgradecommands.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

// jiffies the machine spent busy (user, nice, system, irq, softirq), from /proc/stat
qint64 busyTicks()
{
    QFile stat(u"/proc/stat"_s);
    if (!stat.open(QIODevice::ReadOnly)) {
        return 0;
    }
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    qint64 busy = 0;
    for (int i : {1, 2, 3, 6, 7}) {
        busy += fields.value(i).toLongLong();
    }
    return busy;
}

struct Cost
{
    double wallMs = 0;
    double cpuMs = 0;
};

Cost measure(int count, const std::function<bool()> &one)
{
    QElapsedTimer timer;
    const qint64 before = busyTicks();
    timer.start();
    for (int i = 0; i < count; ++i) {
        if (!one()) {
            return {-1, -1};
        }
    }
    return {double(timer.nsecsElapsed()) / 1e6 / count, double(busyTicks() - before) * 10.0 / count};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        QTextStream(stderr) << "usage: bench_shell INVENTORY [COUNT]\n";
        return 2;
    }
    QString error;
    const auto inventory = Inventory::load(args.at(1), &error);
    if (!inventory || inventory->hosts.isEmpty()) {
        QTextStream(stderr) << "bench_shell: " << (inventory ? u"no hosts"_s : error) << '\n';
        return 1;
    }
    const int count = args.size() > 2 ? args.at(2).toInt() : 200;
    SshConnection connection(inventory->hosts.first().sshConfig());
    SshError sshError;
    if (!connection.open(&sshError)) {
        QTextStream(stderr) << "bench_shell: " << sshError.message << '\n';
        return 1;
    }
    const ExecRequest request{u"true"_s, {}, 30000};
    const Cost channel = measure(count, [&] { return connection.exec(request).succeeded(); });
    const Cost shell = measure(count, [&] { return connection.execInShell(request).succeeded(); });
    if (channel.wallMs < 0 || shell.wallMs < 0) {
        QTextStream(stderr) << "bench_shell: a command failed\n";
        return 1;
    }
    out << u"%1 commands (`true`) on %2\n"_s.arg(count).arg(inventory->hosts.first().name);
    out << u"%1 %2 %3\n"_s.arg(u"way"_s, -20).arg(u"wall ms"_s, 9).arg(u"cpu ms"_s, 9);
    out << u"%1 %2 %3\n"_s.arg(u"channel each"_s, -20).arg(channel.wallMs, 9, 'f', 2).arg(channel.cpuMs, 9, 'f', 2);
    out << u"%1 %2 %3\n"_s.arg(u"persistent shell"_s, -20).arg(shell.wallMs, 9, 'f', 2).arg(shell.cpuMs, 9, 'f', 2);
    out << u"ratio channel/shell: wall %1x, cpu %2x\n"_s.arg(channel.wallMs / shell.wallMs, 0, 'f', 1)
               .arg(channel.cpuMs / std::max(shell.cpuMs, 0.01), 0, 'f', 1);

    // the engine's usual commands, in the persistent shell
    const HostEntry &host = inventory->hosts.first();
    QFile script(u":/baton/probe.sh"_s);
    if (!script.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "bench_shell: the probe script is missing from this build\n";
        return 1;
    }
    const QString probe = QString::fromUtf8(script.readAll());
    const QString url = u"http://127.0.0.1:%1/"_s.arg(host.httpPort);
    const QString curl = u"curl -sS -o /dev/null -m 10 -w '%{http_code}' "_s + shellQuote(url);
    const std::initializer_list<std::pair<QString, QString>> commands = {
        {u"probe (full)"_s,
         u"set -- %1 %2\n"_s.arg(shellQuote(host.nginx.pidFile), shellQuote(host.nginx.binary)) + probe},
        {u"probe quick"_s,
         u"set -- %1 %2 quick\n"_s.arg(shellQuote(host.nginx.pidFile), shellQuote(host.nginx.binary)) + probe},
        {u"probe phase"_s,
         u"set -- %1 %2 phase\n"_s.arg(shellQuote(host.nginx.pidFile), shellQuote(host.nginx.binary)) + probe},
        {u"health (bash)"_s, UpgradeCommands::httpStatus(url, 10)},
        {u"health (curl)"_s, curl},
    };
    out << u"\n%1 %2 %3  (each command %4 times, in the persistent shell)\n"_s.arg(u"command"_s, -20)
               .arg(u"wall ms"_s, 9)
               .arg(u"cpu ms"_s, 9)
               .arg(count / 10);
    for (const auto &[name, command] : commands) {
        const Cost cost = measure(count / 10, [&] { return connection.execInShell({command, {}, 30000}).succeeded(); });
        out << u"%1 %2 %3\n"_s.arg(name, -20).arg(cost.wallMs, 9, 'f', 2).arg(cost.cpuMs, 9, 'f', 2);
    }
    return 0;
}
