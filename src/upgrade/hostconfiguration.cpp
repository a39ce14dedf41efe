#include "hostconfiguration.h"

#include "remotehost.h"
#include "upgradecommands.h"

namespace Baton {

std::optional<QString>
HostConfiguration::read(const HostEntry &host, const HostSnapshot &snapshot, RemoteHost *remote, QString *error)
{
    if (!snapshot.ok()) {
        *error = snapshot.error;
        return std::nullopt;
    }
    if (!snapshot.state.master) {
        *error = tr("no nginx master runs: there is no configuration in use to show");
        return std::nullopt;
    }
    const NginxProcess &master = *snapshot.state.master;
    const auto arguments = MasterArguments::fromTitle(master.title);
    if (!arguments) {
        *error = tr("the master's command line cannot be read: %1").arg(master.title);
        return std::nullopt;
    }
    const QString binary = QStringLiteral("/proc/%1/exe").arg(master.pid);
    QByteArray out;
    QByteArray err;
    ExecCallbacks callbacks;
    callbacks.stdoutData = [&out](const QByteArray &data) { out += data; };
    callbacks.stderrData = [&err](const QByteArray &data) { err += data; };
    ExecRequest request;
    request.command = UpgradeCommands::dumpConfiguration(binary, *arguments);
    request.timeoutMs = 30000;
    request.sudo = host.sudo;
    const ExecResult result = remote->run(request, callbacks);
    if (result.error) {
        *error = result.error.message;
        return std::nullopt;
    }
    if (result.exitStatus != 0) {
        const QString message = QString::fromUtf8(err).trimmed();
        *error = tr("nginx -T failed (exit status %1): %2")
                     .arg(result.exitStatus ? QString::number(*result.exitStatus) : result.exitSignal,
                          message.isEmpty() ? tr("no message") : message);
        return std::nullopt;
    }
    return QString::fromUtf8(out);
}

} // namespace Baton
