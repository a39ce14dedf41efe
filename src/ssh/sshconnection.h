#pragma once

#include "ssherror.h"
#include "sshexec.h"
#include "sshhostconfig.h"

#include <QCoreApplication>
#include <QStringList>

#include <atomic>
#include <memory>

namespace Baton {

class SshPrompter;

/**
 * @brief One SSH connection to one host, used from one thread (libssh sessions are not
 * thread-safe). Every call blocks, with a timeout; SshSession runs it on a worker thread.
 *
 * open() connects, verifies the host key against known_hosts before any authentication
 * (strict checking is forced after the config file is read), and authenticates in the
 * order OpenSSH users expect: public keys (agent first, then key files), then
 * keyboard-interactive, then password.
 */
class SshConnection
{
    Q_DECLARE_TR_FUNCTIONS(SshConnection)

public:
    explicit SshConnection(const SshHostConfig &config, SshPrompter *prompter = nullptr);
    ~SshConnection();
    SshConnection(const SshConnection &) = delete;
    SshConnection &operator=(const SshConnection &) = delete;

    bool open(SshError *error);
    bool isOpen() const;
    void close();

    /** @brief Runs @p request; output is streamed to @p callbacks as it arrives. */
    ExecResult exec(const ExecRequest &request, const ExecCallbacks &callbacks = {});

    /**
     * @brief Runs @p request in the connection's persistent shell: one `sh` per connection,
     * on a channel of its own, each command evaluated in a subshell of it with stdin from
     * /dev/null. A command then costs the host a fork, where exec() costs a channel, a login
     * shell and its start-up files. Requests with input or sudo go to exec().
     *
     * The exit status is the shell's `$?` (128+N for a command killed by signal N). A
     * timeout, a cancel or a broken link ends the shell; the next call starts a new one. A
     * shell that dies mid-command is reported as Disconnected: the command may have run.
     */
    ExecResult execInShell(const ExecRequest &request, const ExecCallbacks &callbacks = {});

    /**
     * @brief GETs @p path from @p host:@p port as the host sees them, through an SSH tunnel
     * (a direct-tcpip channel): sshd connects, no process starts on the host. Sends an
     * HTTP/1.0 request with @p hostHeader and returns the status of the reply, or 0 with
     * @p error set; @p refused set when the server does not forward at all
     * (AllowTcpForwarding no, PermitOpen): ask with a command instead.
     */
    int httpStatus(const QString &host,
                   int port,
                   const QString &path,
                   const QString &hostHeader,
                   int timeoutMs,
                   bool *refused,
                   SshError *error);

    /**
     * @brief Uploads @p localPath to @p remotePath with SFTP, atomically.
     *
     * The data goes to a temporary name in the target directory; once the host confirms its
     * size and sha256 (sha256sum on the host), it gets the local file's permissions and is
     * renamed over @p remotePath. Whatever goes wrong, @p remotePath is either untouched or
     * the complete new file. @p progress receives acknowledged bytes.
     */
    bool upload(const QString &localPath,
                const QString &remotePath,
                const std::function<void(qint64 sent, qint64 total)> &progress,
                SshError *error);

    /** @brief Makes a running exec() or upload() return with SshError::Code::Cancelled. Thread-safe. */
    void cancel();

    /** @brief The authentication method that succeeded, e.g. "publickey". */
    QString authenticationMethod() const;

    const SshHostConfig &config() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Baton
