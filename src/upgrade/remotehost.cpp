#include "remotehost.h"

#include "sshconnection.h"
#include "upgradecommands.h"

namespace Baton {

SshRemoteHost::SshRemoteHost(const SshHostConfig &config, SshPrompter *prompter)
    : m_config(config)
    , m_prompter(prompter)
{
}

SshRemoteHost::~SshRemoteHost() = default;

bool SshRemoteHost::ensureOpen(SshError *error)
{
    if (m_connection && m_connection->isOpen()) {
        return true;
    }
    auto connection = std::make_unique<SshConnection>(m_config, m_prompter);
    SshConnection *raw = connection.get();
    {
        const std::lock_guard lock(m_mutex);
        m_connection = std::move(connection);
    }
    return raw->open(error);
}

ExecResult SshRemoteHost::run(const ExecRequest &request, const ExecCallbacks &callbacks)
{
    for (int attempt = 0;; ++attempt) {
        ExecResult result;
        if (!ensureOpen(&result.error)) {
            return result;
        }
        // one shell per connection for plain commands: a fork on the host, not a login shell
        result = m_connection->execInShell(request, callbacks);
        // A command that never started on a dead link can safely be tried once more; one
        // that may have run is reported, and the caller decides from a fresh snapshot.
        const bool neverStarted = result.error.code == SshError::Code::ChannelFailed;
        if (result.error.code == SshError::Code::Disconnected || neverStarted) {
            disconnect();
        }
        if (!neverStarted || attempt > 0) {
            return result;
        }
    }
}

bool SshRemoteHost::upload(const QString &localPath,
                           const QString &remotePath,
                           const std::function<void(qint64, qint64)> &progress,
                           SshError *error)
{
    if (!ensureOpen(error)) {
        return false;
    }
    const bool ok = m_connection->upload(localPath, remotePath, progress, error);
    if (!ok && error->code == SshError::Code::Disconnected) {
        disconnect();
    }
    return ok;
}

int SshRemoteHost::httpStatus(const QString &url, int timeoutSeconds, bool *unsupported, QString *error)
{
    *unsupported = true;
    const auto target = UpgradeCommands::HttpTarget::fromUrl(url);
    if (m_noForwarding || !target) {
        return 0;
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
        SshError sshError;
        if (!ensureOpen(&sshError)) {
            *unsupported = false;
            *error = sshError.message;
            return 0;
        }
        bool refused = false;
        const int status = m_connection->httpStatus(
            target->host, target->port, target->path, target->hostHeader, timeoutSeconds * 1000, &refused, &sshError);
        if (refused) {
            m_noForwarding = true;
            return 0;
        }
        *unsupported = false;
        if (sshError.code == SshError::Code::Disconnected && attempt == 0) {
            disconnect(); // a request changes nothing: once more on a new connection
            continue;
        }
        *error = sshError.message;
        return status;
    }
    return 0;
}

void SshRemoteHost::cancel()
{
    const std::lock_guard lock(m_mutex);
    if (m_connection) {
        m_connection->cancel();
    }
}

void SshRemoteHost::disconnect()
{
    std::unique_ptr<SshConnection> gone;
    {
        const std::lock_guard lock(m_mutex);
        gone = std::move(m_connection);
    }
}

} // namespace Baton
