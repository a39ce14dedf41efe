#include "remotehost.h"

#include "sshconnection.h"

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
