#pragma once

#include "sshexec.h"
#include "sshhostconfig.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>

namespace Baton {

class SshConnection;
class SshPrompter;

/**
 * @brief A host the upgrade engine drives: runs commands and receives files. Blocking; one
 * caller at a time. The engine talks to this interface only, so its logic can be unit
 * tested with a fake; SshRemoteHost is the real one.
 */
class RemoteHost
{
public:
    virtual ~RemoteHost() = default;

    /** @brief Runs @p request; a broken connection is reported in ExecResult::error. */
    virtual ExecResult run(const ExecRequest &request, const ExecCallbacks &callbacks = {}) = 0;

    /** @brief Uploads @p localPath to @p remotePath atomically (see SshConnection::upload). */
    virtual bool upload(const QString &localPath,
                        const QString &remotePath,
                        const std::function<void(qint64 sent, qint64 total)> &progress,
                        SshError *error) = 0;

    /**
     * @brief The HTTP status of a GET of @p url made on the host's side through the
     * connection itself, with no process on the host; 0 with @p error when the request
     * failed. @p unsupported: this host cannot (no forwarding, or not a plain http URL):
     * ask with a command instead.
     */
    virtual int httpStatus(const QString &url, int timeoutSeconds, bool *unsupported, QString *error)
    {
        Q_UNUSED(url);
        Q_UNUSED(timeoutSeconds);
        Q_UNUSED(error);
        *unsupported = true;
        return 0;
    }

    /** @brief Makes a running run() or upload() return soon. Thread-safe. */
    virtual void cancel() = 0;
};

/**
 * @brief A RemoteHost over SSH: connects on first use and reconnects once when a command
 * finds the connection broken, so a dropped link costs one reconnection, not the step.
 * Commands without input or sudo run in the connection's persistent shell
 * (SshConnection::execInShell()).
 */
class SshRemoteHost : public RemoteHost
{
    Q_DECLARE_TR_FUNCTIONS(SshRemoteHost)

public:
    explicit SshRemoteHost(const SshHostConfig &config, SshPrompter *prompter = nullptr);
    ~SshRemoteHost() override;

    ExecResult run(const ExecRequest &request, const ExecCallbacks &callbacks = {}) override;
    bool upload(const QString &localPath,
                const QString &remotePath,
                const std::function<void(qint64 sent, qint64 total)> &progress,
                SshError *error) override;
    int httpStatus(const QString &url, int timeoutSeconds, bool *unsupported, QString *error) override;
    void cancel() override;

    /** @brief Drops the connection (tests use it to cut the link mid-step). */
    void disconnect();

private:
    bool ensureOpen(SshError *error);

    SshHostConfig m_config;
    SshPrompter *m_prompter = nullptr;
    std::mutex m_mutex; ///< guards the m_connection pointer (cancel() comes from other threads)
    std::unique_ptr<SshConnection> m_connection;
    bool m_noForwarding = false; ///< the server refused a tunnel once: do not ask again
};

} // namespace Baton
