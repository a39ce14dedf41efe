#include "sshconnection.h"

#include "shellquote.h"
#include "sshprompter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>

#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <libssh/server.h> // ssh_send_keepalive() works for clients too
#include <libssh/sftp.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cstring>

namespace Baton {

namespace {

struct SessionDeleter
{
    void operator()(ssh_session session) const
    {
        if (ssh_is_connected(session)) {
            ssh_disconnect(session);
        }
        ssh_free(session);
    }
};
struct ChannelDeleter
{
    void operator()(ssh_channel channel) const
    {
        if (ssh_channel_is_open(channel)) {
            ssh_channel_close(channel);
        }
        ssh_channel_free(channel);
    }
};
struct KeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using SessionPtr = std::unique_ptr<ssh_session_struct, SessionDeleter>;
using ChannelPtr = std::unique_ptr<ssh_channel_struct, ChannelDeleter>;
using KeyPtr = std::unique_ptr<ssh_key_struct, KeyDeleter>;
struct SftpDeleter
{
    void operator()(sftp_session sftp) const { sftp_free(sftp); }
};
struct SftpFileDeleter
{
    void operator()(sftp_file file) const { sftp_close(file); }
};
using SftpPtr = std::unique_ptr<sftp_session_struct, SftpDeleter>;
using SftpFilePtr = std::unique_ptr<sftp_file_struct, SftpFileDeleter>;

constexpr int PollIntervalMs = 50;
constexpr int KeepaliveIntervalMs = 5000;
constexpr int DeadPeerMs = 25000; // declared dead well within 30 s

QString libsshError(ssh_session session)
{
    return QString::fromUtf8(ssh_get_error(session));
}

QString methodNames(int methods)
{
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        names << QStringLiteral("publickey");
    }
    if (methods & SSH_AUTH_METHOD_INTERACTIVE) {
        names << QStringLiteral("keyboard-interactive");
    }
    if (methods & SSH_AUTH_METHOD_PASSWORD) {
        names << QStringLiteral("password");
    }
    if (methods & SSH_AUTH_METHOD_HOSTBASED) {
        names << QStringLiteral("hostbased");
    }
    if (methods & SSH_AUTH_METHOD_GSSAPI_MIC) {
        names << QStringLiteral("gssapi-with-mic");
    }
    return names.isEmpty() ? SshConnection::tr("none") : names.join(QStringLiteral(", "));
}

// QFileDevice::Permissions to chmod's octal notation (the owner's bits, not the user's).
mode_t permissionsToMode(QFileDevice::Permissions permissions)
{
    const int bits = int(permissions);
    return mode_t((((bits >> 12) & 7) << 6) | (((bits >> 4) & 7) << 3) | (bits & 7));
}

} // namespace

void wipeSecret(QByteArray &secret)
{
    if (!secret.isEmpty()) {
        // volatile: the compiler must not drop a store to memory about to be freed
        volatile char *bytes = secret.data();
        for (qsizetype i = 0; i < secret.size(); ++i) {
            bytes[i] = 0;
        }
    }
    secret.clear();
}

class SshConnection::Private
{
public:
    SshHostConfig config;
    SshPrompter *prompter = nullptr;
    SessionPtr session;
    ChannelPtr shell; ///< execInShell()'s sh (declared after the session: freed before it)
    QByteArray shellNonce;
    quint64 shellSequence = 0;
    ssh_callbacks_struct callbacks{};
    QString authMethod;
    std::atomic<bool> cancelled{false};
    bool dropSession = false; ///< the connection is broken: free it once no channel uses it

    /** @brief Frees the session, and before it the shell's channel (libssh frees a
     * session's channels with it: a channel freed afterwards would be freed twice). */
    void freeSession()
    {
        shell.reset();
        session.reset();
    }
    /**
     * @brief Between two polls of a channel: keeps the connection known alive (a keepalive
     * request when nothing came for a while; @p gotData: something came) and says when it
     * is not, as the error to report.
     */
    std::optional<SshError> tend(bool gotData, QElapsedTimer *sinceKeepalive);

    bool configure(SshError *error);
    bool verifyHostKey(SshError *error);
    bool authenticate(SshError *error);
    bool keyboardInteractive(int *rc);
    void tuneSocket();
    qint64 msSinceInboundData() const;
    QString knownHostsFile() const;
    SshError disconnected(const QString &what);

    static int
    passphraseCallback(const char *prompt, char *buffer, size_t length, int echo, int verify, void *userdata);
};

SshConnection::SshConnection(const SshHostConfig &config, SshPrompter *prompter)
    : d(std::make_unique<Private>())
{
    d->config = config;
    d->prompter = prompter;
}

SshConnection::~SshConnection() = default;

const SshHostConfig &SshConnection::config() const
{
    return d->config;
}

QString SshConnection::authenticationMethod() const
{
    return d->authMethod;
}

bool SshConnection::isOpen() const
{
    return d->session && ssh_is_connected(d->session.get());
}

void SshConnection::close()
{
    d->freeSession();
    d->authMethod.clear();
}

void SshConnection::cancel()
{
    d->cancelled = true;
}

QString SshConnection::Private::knownHostsFile() const
{
    return config.knownHostsFile.isEmpty() ? QDir::homePath() + QStringLiteral("/.ssh/known_hosts")
                                           : config.knownHostsFile;
}

SshError SshConnection::Private::disconnected(const QString &what)
{
    const SshError error = SshError::make(SshError::Code::Disconnected,
                                          SshConnection::tr("The connection to %1 broke (%2): %3")
                                              .arg(config.displayName(), what, libsshError(session.get())));
    dropSession = true;
    return error;
}

int SshConnection::Private::passphraseCallback(
    const char *prompt, char *buffer, size_t length, int echo, int verify, void *userdata)
{
    Q_UNUSED(echo);
    Q_UNUSED(verify);
    auto *self = static_cast<Private *>(userdata);
    if (!self->prompter || length == 0) {
        return -1;
    }
    auto answer = self->prompter->passphrase(QString::fromUtf8(prompt));
    if (!answer) {
        return -1;
    }
    const size_t size = std::min(size_t(answer->size()), length - 1);
    std::memcpy(buffer, answer->constData(), size);
    buffer[size] = '\0';
    wipeSecret(*answer);
    return 0;
}

bool SshConnection::Private::configure(SshError *error)
{
    const auto invalid = [&](const QString &message) {
        *error = SshError::make(SshError::Code::InvalidSettings, message);
        return false;
    };
    if (config.host.trimmed().isEmpty()) {
        return invalid(SshConnection::tr("No host name or address is set."));
    }
    session.reset(ssh_new());
    if (!session) {
        return invalid(SshConnection::tr("libssh could not create a session (out of memory?)."));
    }
    ssh_session s = session.get();
    const bool processConfig = false; // we parse the config ourselves, then override it
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    const QByteArray host = config.host.toUtf8();
    if (ssh_options_set(s, SSH_OPTIONS_HOST, host.constData()) != SSH_OK) {
        return invalid(SshConnection::tr("Invalid host \"%1\": %2").arg(config.host, libsshError(s)));
    }
    if (config.sshConfigFile != u"none") {
        if (!config.sshConfigFile.isEmpty() && !QFileInfo(config.sshConfigFile).isReadable()) {
            return invalid(SshConnection::tr("The SSH config file %1 cannot be read.").arg(config.sshConfigFile));
        }
        const QByteArray file = config.sshConfigFile.toLocal8Bit();
        if (ssh_options_parse_config(s, config.sshConfigFile.isEmpty() ? nullptr : file.constData()) != SSH_OK) {
            return invalid(SshConnection::tr("The SSH config file could not be parsed: %1").arg(libsshError(s)));
        }
    }
    // Explicit settings win over the config file.
    if (config.port > 0) {
        const unsigned int port = unsigned(config.port);
        ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    }
    if (!config.user.isEmpty()) {
        const QByteArray user = config.user.toUtf8();
        ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
    }
    for (auto it = config.identityFiles.crbegin(); it != config.identityFiles.crend(); ++it) {
        const QByteArray file = it->toLocal8Bit();
        ssh_options_set(s, SSH_OPTIONS_IDENTITY, file.constData()); // prepends: tried first
    }
    // Whatever the config says (StrictHostKeyChecking no, UserKnownHostsFile /dev/null),
    // host keys are checked strictly against our known_hosts.
    const QByteArray knownHosts = knownHostsFile().toLocal8Bit();
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    const int strict = 1;
    ssh_options_set(s, SSH_OPTIONS_STRICTHOSTKEYCHECK, &strict);
    const int noDelay = 1; // small packets (SFTP requests, keepalives) must not wait for Nagle
    ssh_options_set(s, SSH_OPTIONS_NODELAY, &noDelay);
    const long timeout = std::max(1, config.connectTimeoutSeconds);
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &timeout);

    callbacks = {};
    callbacks.userdata = this;
    callbacks.auth_function = &Private::passphraseCallback;
    ssh_callbacks_init(&callbacks);
    ssh_set_callbacks(s, &callbacks);
    return true;
}

bool SshConnection::Private::verifyHostKey(SshError *error)
{
    ssh_session s = session.get();
    ssh_key rawKey = nullptr;
    if (ssh_get_server_publickey(s, &rawKey) != SSH_OK) {
        *error = SshError::make(
            SshError::Code::HostKeyError,
            SshConnection::tr("%1 sent no usable host key: %2").arg(config.displayName(), libsshError(s)));
        return false;
    }
    const KeyPtr key(rawKey);
    unsigned char *hash = nullptr;
    size_t hashLength = 0;
    HostKeyInfo info;
    if (ssh_get_publickey_hash(key.get(), SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength) == SSH_OK) {
        char *fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength);
        info.fingerprint = QString::fromLatin1(fingerprint);
        ssh_string_free_char(fingerprint);
        ssh_clean_pubkey_hash(&hash);
    }
    char *hostName = nullptr;
    ssh_options_get(s, SSH_OPTIONS_HOST, &hostName);
    info.host = QString::fromUtf8(hostName);
    ssh_string_free_char(hostName);
    unsigned int port = 22;
    ssh_options_get_port(s, &port);
    info.port = int(port);
    info.keyType = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key.get())));
    info.knownHostsFile = knownHostsFile();
    const QString where = info.port == 22 ? info.host : QStringLiteral("[%1]:%2").arg(info.host).arg(info.port);

    const ssh_known_hosts_e state = ssh_session_is_known_server(s);
    switch (state) {
    case SSH_KNOWN_HOSTS_OK:
        return true;
    case SSH_KNOWN_HOSTS_CHANGED:
        *error = SshError::make(
            SshError::Code::HostKeyChanged,
            SshConnection::tr(
                "The host key of %1 has CHANGED: it is now %2 %3, which is not the key recorded in %4. "
                "Someone could be intercepting the connection. If the server was really reinstalled, remove the old "
                "key with: ssh-keygen -R '%1' -f %4")
                .arg(where, info.keyType, info.fingerprint, info.knownHostsFile));
        return false;
    case SSH_KNOWN_HOSTS_OTHER:
        *error = SshError::make(
            SshError::Code::HostKeyChanged,
            SshConnection::tr("%1 presented a %2 host key (%3), but %4 records a key of another type for it. "
                              "Someone could be intercepting the connection; refusing.")
                .arg(where, info.keyType, info.fingerprint, info.knownHostsFile));
        return false;
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        if (!prompter || !prompter->approveHostKey(info)) {
            *error = SshError::make(SshError::Code::HostKeyUnknown,
                                    SshConnection::tr("The host key of %1 (%2 %3) is not known and was not approved; "
                                                      "nothing was written to %4.")
                                        .arg(where, info.keyType, info.fingerprint, info.knownHostsFile));
            return false;
        }
        QDir().mkpath(QFileInfo(info.knownHostsFile).absolutePath());
        if (ssh_session_update_known_hosts(s) != SSH_OK) {
            *error = SshError::make(
                SshError::Code::HostKeyError,
                SshConnection::tr("Could not record the host key in %1: %2").arg(info.knownHostsFile, libsshError(s)));
            return false;
        }
        return true;
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    *error = SshError::make(SshError::Code::HostKeyError,
                            SshConnection::tr("Could not check the host key of %1 against %2: %3")
                                .arg(where, info.knownHostsFile, libsshError(s)));
    return false;
}

bool SshConnection::Private::keyboardInteractive(int *rc)
{
    ssh_session s = session.get();
    *rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    for (int round = 0; *rc == SSH_AUTH_INFO && round < 10; ++round) {
        const int count = ssh_userauth_kbdint_getnprompts(s);
        QList<KeyboardInteractivePrompt> prompts;
        for (int i = 0; i < count; ++i) {
            char echo = 0;
            const char *text = ssh_userauth_kbdint_getprompt(s, unsigned(i), &echo);
            prompts.append({QString::fromUtf8(text), echo != 0});
        }
        if (count > 0) {
            auto answers = prompter->keyboardInteractive(QString::fromUtf8(ssh_userauth_kbdint_getname(s)),
                                                         QString::fromUtf8(ssh_userauth_kbdint_getinstruction(s)),
                                                         prompts);
            if (!answers || answers->size() != count) {
                return false;
            }
            for (int i = 0; i < count; ++i) {
                ssh_userauth_kbdint_setanswer(s, unsigned(i), (*answers)[i].constData());
                wipeSecret((*answers)[i]);
            }
        }
        *rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    return *rc == SSH_AUTH_SUCCESS;
}

bool SshConnection::Private::authenticate(SshError *error)
{
    ssh_session s = session.get();
    const auto authError = [&] {
        *error = disconnected(SshConnection::tr("authentication"));
        freeSession();
        return false;
    };
    int rc = ssh_userauth_none(s, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        authMethod = QStringLiteral("none");
        return true;
    }
    if (rc == SSH_AUTH_ERROR) {
        return authError();
    }
    const int offered = ssh_userauth_list(s, nullptr);
    QStringList failed;

    if (offered & SSH_AUTH_METHOD_PUBLICKEY) {
        rc = ssh_userauth_publickey_auto(s, nullptr, nullptr); // the agent, then the key files
        if (rc == SSH_AUTH_SUCCESS) {
            authMethod = QStringLiteral("publickey");
            return true;
        }
        if (rc == SSH_AUTH_ERROR) {
            return authError();
        }
        failed << SshConnection::tr("publickey (agent and key files)");
    }
    if ((offered & SSH_AUTH_METHOD_INTERACTIVE) && prompter) {
        if (keyboardInteractive(&rc)) {
            authMethod = QStringLiteral("keyboard-interactive");
            return true;
        }
        if (rc == SSH_AUTH_ERROR) {
            return authError();
        }
        failed << QStringLiteral("keyboard-interactive");
    }
    if ((offered & SSH_AUTH_METHOD_PASSWORD) && prompter) {
        int attempt = 1;
        for (; attempt <= std::max(1, config.maxPasswordAttempts); ++attempt) {
            auto password = prompter->password(config.displayName(), attempt);
            if (!password) {
                break;
            }
            rc = ssh_userauth_password(s, nullptr, password->constData()); // QByteArray ends in NUL
            wipeSecret(*password);
            if (rc == SSH_AUTH_SUCCESS) {
                authMethod = QStringLiteral("password");
                return true;
            }
            if (rc == SSH_AUTH_ERROR) {
                return authError();
            }
        }
        failed << SshConnection::tr("password (attempts: %1)").arg(attempt - 1);
    }
    *error = SshError::make(
        SshError::Code::AuthenticationFailed,
        SshConnection::tr("Authentication to %1 failed. The server offers: %2. Tried: %3.")
            .arg(config.displayName(),
                 methodNames(offered),
                 failed.isEmpty() ? SshConnection::tr("nothing Baton can use") : failed.join(QStringLiteral("; "))));
    freeSession();
    return false;
}

void SshConnection::Private::tuneSocket()
{
    const int fd = ssh_get_fd(session.get());
    if (fd < 0) {
        return;
    }
    // TCP keepalive finds a peer whose machine is gone; the keepalive requests sent while
    // waiting (see exec) find a peer whose sshd no longer answers.
    const int on = 1, idle = 10, interval = 5, count = 3;
    setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle);
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &interval, sizeof interval);
    setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &count, sizeof count);
}

qint64 SshConnection::Private::msSinceInboundData() const
{
    tcp_info info{};
    socklen_t length = sizeof info;
    const int fd = ssh_get_fd(session.get());
    if (fd < 0 || getsockopt(fd, IPPROTO_TCP, TCP_INFO, &info, &length) != 0) {
        return 0;
    }
    return info.tcpi_last_data_recv;
}

bool SshConnection::open(SshError *error)
{
    close();
    d->cancelled = false;
    if (!d->configure(error)) {
        d->freeSession();
        return false;
    }
    if (ssh_connect(d->session.get()) != SSH_OK) {
        *error = SshError::make(SshError::Code::ConnectFailed,
                                SshConnection::tr("Could not connect to %1: %2")
                                    .arg(d->config.displayName(), libsshError(d->session.get())));
        d->freeSession();
        return false;
    }
    d->tuneSocket();
    if (!d->verifyHostKey(error)) {
        d->freeSession();
        return false;
    }
    return d->authenticate(error);
}

std::optional<SshError> SshConnection::Private::tend(bool gotData, QElapsedTimer *sinceKeepalive)
{
    ssh_session s = session.get();
    if (gotData || !ssh_is_connected(s)) {
        sinceKeepalive->restart();
    } else if (sinceKeepalive->elapsed() >= KeepaliveIntervalMs) {
        // The server answers a keepalive request: inbound data proves it is alive. Sent
        // without blocking: a blocking request would wait for the answer of a dead peer.
        ssh_set_blocking(s, 0);
        ssh_send_keepalive(s);
        ssh_set_blocking(s, 1);
        sinceKeepalive->restart();
    }
    if (msSinceInboundData() > DeadPeerMs) {
        dropSession = true;
        return SshError::make(SshError::Code::Disconnected,
                              SshConnection::tr("%1 has sent nothing for %2 s, not even answers to keepalive "
                                                "requests: the connection is dead.")
                                  .arg(config.displayName())
                                  .arg(DeadPeerMs / 1000));
    }
    if (!ssh_is_connected(s)) {
        return disconnected(SshConnection::tr("running the command"));
    }
    return std::nullopt;
}

ExecResult SshConnection::exec(const ExecRequest &request, const ExecCallbacks &callbacks)
{
    ExecResult result;
    QElapsedTimer timer;
    timer.start();
    const auto finish = [&](SshError::Code code, const QString &message) {
        result.error = SshError::make(code, message);
        result.durationMs = timer.elapsed();
        return result;
    };
    const auto broken = [&](const QString &what) {
        result.error = d->disconnected(what);
        result.durationMs = timer.elapsed();
        return result;
    };
    if (!isOpen()) {
        return finish(SshError::Code::Disconnected,
                      SshConnection::tr("Not connected to %1.").arg(d->config.displayName()));
    }
    d->cancelled = false;
    ssh_session s = d->session.get();
    ChannelPtr channel(ssh_channel_new(s));
    // libssh frees a session's channels with it: the channel goes first.
    d->dropSession = false;
    const auto release = qScopeGuard([&] {
        channel.reset();
        if (d->dropSession) {
            d->freeSession();
            d->dropSession = false;
        }
    });
    if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK) {
        if (!ssh_is_connected(s)) {
            return broken(SshConnection::tr("opening a channel"));
        }
        return finish(SshError::Code::ChannelFailed,
                      SshConnection::tr("Could not open a session channel on %1: %2")
                          .arg(d->config.displayName(), libsshError(s)));
    }
    // sudo: a prompt no program prints by chance, and a marker the command prints once
    // sudo has let it run (stdin is the password's until then).
    const QByteArray nonce = QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    const QByteArray sudoPrompt = "[baton-sudo-" + nonce + "]";
    const QByteArray sudoReady = "[baton-ready-" + nonce + "]";
    QString commandLine = request.command;
    if (request.sudo) {
        commandLine = QStringLiteral("sudo -S -p ") + shellQuote(QString::fromLatin1(sudoPrompt)) +
            QStringLiteral(" -- sh -c ") +
            shellQuote(QString(QStringLiteral("printf %s ") + shellQuote(QString::fromLatin1(sudoReady)) +
                               QStringLiteral(" >&2; exec sh -c \"$1\""))) +
            QStringLiteral(" baton-sudo ") + shellQuote(request.command);
    }
    const QByteArray command = commandLine.toUtf8();
    if (ssh_channel_request_exec(channel.get(), command.constData()) != SSH_OK) {
        return finish(
            SshError::Code::ChannelFailed,
            SshConnection::tr("%1 refused to run the command: %2").arg(d->config.displayName(), libsshError(s)));
    }

    const QDeadlineTimer deadline =
        request.timeoutMs > 0 ? QDeadlineTimer(request.timeoutMs) : QDeadlineTimer(QDeadlineTimer::Forever);
    qsizetype written = 0;
    bool eofSent = false;
    bool stdoutEof = false;
    bool stderrEof = false;
    QElapsedTimer sinceKeepalive;
    sinceKeepalive.start();
    QByteArray buffer(64 * 1024, Qt::Uninitialized);

    bool inputReleased = !request.sudo;
    int sudoAttempts = 0;
    QByteArray heldStderr; // sudo: stderr up to the ready marker, searched for the prompt
    SshError sudoError;
    const auto sudoStderr = [&](const QByteArray &chunk) {
        if (inputReleased) {
            if (callbacks.stderrData) {
                callbacks.stderrData(chunk);
            }
            return;
        }
        heldStderr += chunk;
        qsizetype prompt;
        while ((prompt = heldStderr.indexOf(sudoPrompt)) >= 0) {
            if (callbacks.stderrData && prompt > 0) {
                callbacks.stderrData(heldStderr.left(prompt)); // e.g. "Sorry, try again."
            }
            heldStderr.remove(0, prompt + sudoPrompt.size());
            std::optional<QByteArray> password;
            if (d->prompter) {
                password = d->prompter->sudoPassword(d->config.displayName(), ++sudoAttempts);
            }
            if (!password) {
                sudoError = SshError::make(
                    SshError::Code::AuthenticationFailed,
                    sudoAttempts > 1
                        ? SshConnection::tr("sudo on %1 refused the password.").arg(d->config.displayName())
                        : SshConnection::tr("sudo on %1 asks for a password, and "
                                            "none was given.")
                              .arg(d->config.displayName()));
                return;
            }
            // The newline separately: appending it could reallocate and leave a copy behind.
            ssh_channel_write(channel.get(), password->constData(), uint32_t(password->size()));
            ssh_channel_write(channel.get(), "\n", 1);
            wipeSecret(*password);
        }
        const qsizetype ready = heldStderr.indexOf(sudoReady);
        if (ready >= 0) {
            inputReleased = true;
            const QByteArray before = heldStderr.left(ready);
            const QByteArray after = heldStderr.mid(ready + sudoReady.size());
            heldStderr.clear();
            for (const QByteArray &part : {before, after}) {
                if (callbacks.stderrData && !part.isEmpty()) {
                    callbacks.stderrData(part);
                }
            }
        }
    };

    const auto drain = [&](int isStderr, bool *eof) -> int {
        for (;;) {
            const int available = ssh_channel_poll(channel.get(), isStderr);
            if (available == SSH_EOF) {
                *eof = true;
                return 0;
            }
            if (available <= 0) {
                return available;
            }
            const int n = ssh_channel_read_nonblocking(
                channel.get(), buffer.data(), uint32_t(std::min<qsizetype>(available, buffer.size())), isStderr);
            if (n < 0) {
                return n;
            }
            if (n == 0) {
                return 0;
            }
            const QByteArray chunk(buffer.constData(), n);
            if (isStderr && request.sudo) {
                sudoStderr(chunk);
            } else if (const auto &sink = isStderr ? callbacks.stderrData : callbacks.stdoutData; sink) {
                sink(chunk);
            }
        }
    };

    while (!(stdoutEof && stderrEof)) {
        if (d->cancelled) {
            return finish(SshError::Code::Cancelled,
                          SshConnection::tr("The command on %1 was cancelled.").arg(d->config.displayName()));
        }
        if (deadline.hasExpired()) {
            return finish(SshError::Code::Timeout,
                          SshConnection::tr("The command on %1 did not finish within %2 s.")
                              .arg(d->config.displayName())
                              .arg(request.timeoutMs / 1000.0));
        }
        if (sudoError) {
            return finish(sudoError.code, sudoError.message);
        }
        if (!eofSent && inputReleased) {
            const uint32_t window = ssh_channel_window_size(channel.get());
            if (written < request.input.size() && window > 0) {
                const qsizetype chunk = std::min<qsizetype>({request.input.size() - written, qsizetype(window), 32768});
                const int n = ssh_channel_write(channel.get(), request.input.constData() + written, uint32_t(chunk));
                if (n == SSH_ERROR) {
                    return broken(SshConnection::tr("sending input"));
                }
                written += n;
            }
            if (written >= request.input.size()) {
                ssh_channel_send_eof(channel.get());
                eofSent = true;
            }
        }
        // Wait for data on stdout (this also reads stderr packets into their buffer).
        const int ready = ssh_channel_poll_timeout(channel.get(), PollIntervalMs, 0);
        if (ready == SSH_ERROR || drain(0, &stdoutEof) == SSH_ERROR || drain(1, &stderrEof) == SSH_ERROR) {
            return broken(SshConnection::tr("reading the command's output"));
        }
        if (const auto dead = d->tend(ready > 0, &sinceKeepalive)) {
            return finish(dead->code, dead->message);
        }
    }

    if (!inputReleased && !heldStderr.isEmpty() && callbacks.stderrData) {
        callbacks.stderrData(heldStderr); // sudo's own complaint: it never ran the command
    }

#if LIBSSH_VERSION_INT >= SSH_VERSION_INT(0, 11, 0)
    uint32_t exitCode = 0;
    char *signal = nullptr;
    int core = 0;
    if (ssh_channel_get_exit_state(channel.get(), &exitCode, &signal, &core) == SSH_OK) {
        if (signal) {
            result.exitSignal = QString::fromLatin1(signal);
            result.coreDumped = core != 0;
            ssh_string_free_char(signal);
        } else {
            result.exitStatus = int(exitCode);
        }
    }
#else
    const int exitCode = ssh_channel_get_exit_status(channel.get());
    if (exitCode >= 0) {
        result.exitStatus = exitCode;
    }
#endif
    if (!result.exitStatus && result.exitSignal.isEmpty()) {
        if (!ssh_is_connected(s)) {
            return broken(SshConnection::tr("waiting for the command's exit status"));
        }
        result.error =
            SshError::make(SshError::Code::Disconnected,
                           SshConnection::tr("%1 did not report how the command ended; its result is unknown.")
                               .arg(d->config.displayName()));
    }
    result.durationMs = timer.elapsed();
    return result;
}

ExecResult SshConnection::execInShell(const ExecRequest &request, const ExecCallbacks &callbacks)
{
    if (request.sudo || !request.input.isEmpty()) {
        return exec(request, callbacks);
    }
    ExecResult result;
    QElapsedTimer timer;
    timer.start();
    // Any failure ends the shell: what it was doing is unknown, and its input may be half sent.
    const auto finish = [&](SshError::Code code, const QString &message) {
        d->shell.reset();
        if (d->dropSession) {
            d->freeSession();
            d->dropSession = false;
        }
        result.error = SshError::make(code, message);
        result.durationMs = timer.elapsed();
        return result;
    };
    const auto broken = [&](const QString &what) {
        const SshError error = d->disconnected(what);
        return finish(error.code, error.message);
    };
    if (!isOpen()) {
        return finish(SshError::Code::Disconnected,
                      SshConnection::tr("Not connected to %1.").arg(d->config.displayName()));
    }
    d->cancelled = false;
    ssh_session s = d->session.get();
    QByteArray script;
    bool starting = false;
    if (!d->shell) {
        ChannelPtr channel(ssh_channel_new(s));
        if (!channel || ssh_channel_open_session(channel.get()) != SSH_OK) {
            if (!ssh_is_connected(s)) {
                return broken(SshConnection::tr("opening a channel"));
            }
            return finish(SshError::Code::ChannelFailed,
                          SshConnection::tr("Could not open a session channel on %1: %2")
                              .arg(d->config.displayName(), libsshError(s)));
        }
        if (ssh_channel_request_exec(channel.get(), "exec sh") != SSH_OK) {
            return finish(
                SshError::Code::ChannelFailed,
                SshConnection::tr("%1 refused to start a shell: %2").arg(d->config.displayName(), libsshError(s)));
        }
        d->shell = std::move(channel);
        d->shellNonce = QByteArray::number(QRandomGenerator::system()->generate64(), 36);
        starting = true;
    }
    // Markers no output can fake: a random nonce per shell, a number per command. The first
    // command also marks where the shell starts (whatever start-up files printed is dropped).
    const QByteArray marker = "baton-end-" + d->shellNonce + '-' + QByteArray::number(++d->shellSequence);
    const QByteArray startMarker = "baton-start-" + d->shellNonce;
    if (starting) {
        script += "printf '%s\\n' " + startMarker + "; printf '%s\\n' " + startMarker + " >&2\n";
    }
    // stderr's marker first: when stdout's arrives, stderr's is on its way or there
    script += "( eval " + shellQuote(request.command).toUtf8() + "\n) < /dev/null; printf '\\n%s %s\\n' " + marker +
        " \"$?\" >&2; printf '\\n%s\\n' " + marker + "\n";
    qsizetype written = 0;
    const QDeadlineTimer deadline =
        request.timeoutMs > 0 ? QDeadlineTimer(request.timeoutMs) : QDeadlineTimer(QDeadlineTimer::Forever);
    QByteArray buffer(64 * 1024, Qt::Uninitialized);
    // per stream: what arrived and was not passed on yet, whether the start and end were seen
    struct Stream
    {
        QByteArray pending;
        bool started = false;
        bool done = false;
    };
    Stream streams[2];
    streams[0].started = streams[1].started = !starting;
    const QByteArray startLine = startMarker + '\n';
    const QByteArray stdoutEnd = '\n' + marker + '\n';
    const QByteArray stderrEnd = '\n' + marker + ' ';
    std::optional<int> status;
    const auto take = [&](int isStderr, const QByteArray &chunk) {
        Stream &stream = streams[isStderr];
        stream.pending += chunk;
        if (!stream.started) {
            const qsizetype at = stream.pending.indexOf(startLine);
            if (at < 0) {
                return;
            }
            stream.pending.remove(0, at + startLine.size());
            stream.started = true;
        }
        const auto &sink = isStderr ? callbacks.stderrData : callbacks.stdoutData;
        const QByteArray &end = isStderr ? stderrEnd : stdoutEnd;
        qsizetype at = stream.pending.indexOf(end);
        if (at >= 0 && isStderr) {
            const qsizetype lineEnd = stream.pending.indexOf('\n', at + end.size());
            if (lineEnd < 0) {
                at = -1; // the status is still on its way
            } else {
                bool ok = false;
                const int value = stream.pending.mid(at + end.size(), lineEnd - at - end.size()).toInt(&ok);
                if (ok) {
                    status = value;
                }
            }
        }
        if (at >= 0) {
            if (sink && at > 0) {
                sink(stream.pending.left(at));
            }
            stream.pending.clear();
            stream.done = true;
            return;
        }
        // pass on all but what could be the start of the end marker
        const qsizetype keep = std::min<qsizetype>(stream.pending.size(), end.size() + 24);
        if (sink && stream.pending.size() > keep) {
            sink(stream.pending.left(stream.pending.size() - keep));
        }
        stream.pending.remove(0, stream.pending.size() - keep);
    };
    QElapsedTimer sinceKeepalive;
    sinceKeepalive.start();
    ssh_channel channel = d->shell.get();
    while (!(streams[0].done && streams[1].done)) {
        if (d->cancelled) {
            return finish(SshError::Code::Cancelled,
                          SshConnection::tr("The command on %1 was cancelled.").arg(d->config.displayName()));
        }
        if (deadline.hasExpired()) {
            return finish(SshError::Code::Timeout,
                          SshConnection::tr("The command on %1 did not finish within %2 s.")
                              .arg(d->config.displayName())
                              .arg(request.timeoutMs / 1000.0));
        }
        if (written < script.size()) {
            const uint32_t window = ssh_channel_window_size(channel);
            if (window > 0) {
                const qsizetype chunk = std::min<qsizetype>({script.size() - written, qsizetype(window), 32768});
                const int n = ssh_channel_write(channel, script.constData() + written, uint32_t(chunk));
                if (n == SSH_ERROR) {
                    return broken(SshConnection::tr("sending the command"));
                }
                written += n;
            }
        }
        // wait on the stream still expected (stderr's marker may trail stdout's)
        const int ready = ssh_channel_poll_timeout(channel, PollIntervalMs, streams[0].done ? 1 : 0);
        if (ready == SSH_ERROR) {
            return broken(SshConnection::tr("reading the command's output"));
        }
        for (int isStderr : {0, 1}) {
            for (;;) {
                const int available = ssh_channel_poll(channel, isStderr);
                if (available == SSH_EOF) {
                    return finish(SshError::Code::Disconnected,
                                  SshConnection::tr("The shell on %1 ended during the command; its result is unknown.")
                                      .arg(d->config.displayName()));
                }
                if (available == SSH_ERROR) {
                    return broken(SshConnection::tr("reading the command's output"));
                }
                if (available <= 0) {
                    break;
                }
                const int n = ssh_channel_read_nonblocking(
                    channel, buffer.data(), uint32_t(std::min<qsizetype>(available, buffer.size())), isStderr);
                if (n < 0) {
                    return broken(SshConnection::tr("reading the command's output"));
                }
                if (n == 0) {
                    break;
                }
                take(isStderr, QByteArray(buffer.constData(), n));
            }
        }
        if (const auto dead = d->tend(ready > 0, &sinceKeepalive)) {
            return finish(dead->code, dead->message);
        }
    }
    if (!status) {
        return finish(SshError::Code::Disconnected,
                      SshConnection::tr("%1 did not report how the command ended; its result is unknown.")
                          .arg(d->config.displayName()));
    }
    result.exitStatus = status;
    result.durationMs = timer.elapsed();
    return result;
}

int SshConnection::httpStatus(const QString &host,
                              int port,
                              const QString &path,
                              const QString &hostHeader,
                              int timeoutMs,
                              bool *refused,
                              SshError *error)
{
    *refused = false;
    const QString where = d->config.displayName();
    if (!isOpen()) {
        *error = SshError::make(SshError::Code::Disconnected, tr("Not connected to %1.").arg(where));
        return 0;
    }
    d->cancelled = false;
    ssh_session s = d->session.get();
    ChannelPtr channel(ssh_channel_new(s));
    const QByteArray hostBytes = host.toUtf8();
    if (!channel || ssh_channel_open_forward(channel.get(), hostBytes.constData(), port, "127.0.0.1", 0) != SSH_OK) {
        channel.reset();
        if (!ssh_is_connected(s)) {
            *error = d->disconnected(tr("opening a tunnel"));
            d->freeSession();
            return 0;
        }
        // RFC 4254 5.1: 1 administratively prohibited, 3 unknown channel type: no forwarding
        // here at all (2, connect failed: nothing listens there)
        static const QRegularExpression prohibited(QStringLiteral("error \\((1|3)\\)"));
        *refused = libsshError(s).contains(prohibited);
        *error = SshError::make(SshError::Code::ChannelFailed,
                                tr("%1 did not connect to %2:%3: %4").arg(where, host).arg(port).arg(libsshError(s)));
        return 0;
    }
    const QByteArray request = "GET " + path.toUtf8() + " HTTP/1.0\r\nHost: " + hostHeader.toUtf8() +
        "\r\nUser-Agent: baton\r\nAccept: */*\r\n\r\n";
    if (ssh_channel_write(channel.get(), request.constData(), uint32_t(request.size())) != int(request.size())) {
        *error = SshError::make(
            SshError::Code::ChannelFailed,
            tr("Sending the request to %1:%2 on %3 failed: %4").arg(host).arg(port).arg(where, libsshError(s)));
        return 0;
    }
    // the status line is all it takes
    QByteArray reply;
    QDeadlineTimer deadline(timeoutMs);
    char buffer[4096];
    while (!reply.contains('\n') && reply.size() < 8192) {
        if (d->cancelled) {
            *error = SshError::make(SshError::Code::Cancelled, tr("The request on %1 was cancelled.").arg(where));
            return 0;
        }
        if (deadline.hasExpired()) {
            *error = SshError::make(
                SshError::Code::Timeout,
                tr("%1:%2 on %3 sent no reply within %4 s.").arg(host).arg(port).arg(where).arg(timeoutMs / 1000.0));
            return 0;
        }
        const int n = ssh_channel_read_timeout(channel.get(), buffer, sizeof buffer, 0, PollIntervalMs);
        if (n == SSH_ERROR) {
            *error = d->disconnected(tr("reading a reply through a tunnel"));
            channel.reset();
            d->freeSession();
            return 0;
        }
        if (n > 0) {
            reply.append(buffer, n);
        } else if (ssh_channel_is_eof(channel.get())) {
            break;
        }
    }
    // "HTTP/1.1 200 OK"
    const QList<QByteArray> words = reply.left(reply.indexOf('\n')).trimmed().split(' ');
    bool ok = false;
    const int status = words.size() >= 2 && words.first().startsWith("HTTP/") ? words.at(1).toInt(&ok) : 0;
    if (!ok || status < 100 || status > 599) {
        *error = SshError::make(
            SshError::Code::ChannelFailed,
            reply.isEmpty() ? tr("%1:%2 on %3 closed the connection without a reply.").arg(host).arg(port).arg(where)
                            : tr("%1:%2 on %3 did not answer in HTTP.").arg(host).arg(port).arg(where));
        return 0;
    }
    return status;
}

bool SshConnection::upload(const QString &localPath,
                           const QString &remotePath,
                           const std::function<void(qint64, qint64)> &progress,
                           SshError *error)
{
    const QString where = d->config.displayName();
    QFile local(localPath);
    if (!local.open(QIODevice::ReadOnly)) {
        *error = SshError::make(SshError::Code::InvalidSettings,
                                tr("Cannot read %1: %2").arg(localPath, local.errorString()));
        return false;
    }
    if (!isOpen()) {
        *error = SshError::make(SshError::Code::Disconnected, tr("Not connected to %1.").arg(where));
        return false;
    }
    d->cancelled = false;
    const qint64 total = local.size();
    const QFileInfo target(remotePath);
    const QString temporary = target.path() + QStringLiteral("/.") + target.fileName() + QStringLiteral(".baton-") +
        QString::number(QRandomGenerator::system()->generate64(), 36);
    const QByteArray temporaryBytes = temporary.toUtf8();

    SftpPtr sftp(sftp_new(d->session.get()));
    if (!sftp || sftp_init(sftp.get()) != SSH_OK) {
        *error = SshError::make(SshError::Code::ChannelFailed,
                                tr("%1 offers no SFTP service: %2").arg(where, libsshError(d->session.get())));
        return false;
    }
    // Until SFTP is closed, a failure removes the temporary file if the connection allows it.
    const auto cleanup = qScopeGuard([&] {
        if (sftp && ssh_is_connected(d->session.get())) {
            sftp_unlink(sftp.get(), temporaryBytes.constData());
        }
        sftp.reset();
        if (d->session && !ssh_is_connected(d->session.get())) {
            d->freeSession();
        }
    });
    const auto fail = [&](SshError::Code code, const QString &message) {
        *error = SshError::make(code, message);
        return false;
    };
    SftpFilePtr file(sftp_open(sftp.get(), temporaryBytes.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600));
    if (!file) {
        return fail(SshError::Code::ChannelFailed,
                    tr("Cannot create %1 on %2: %3").arg(temporary, where, libsshError(d->session.get())));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray chunk(32 * 1024, Qt::Uninitialized);
    qint64 sent = 0;
    if (progress) {
        progress(0, total);
    }
    while (sent < total) {
        if (d->cancelled) {
            file.reset();
            return fail(SshError::Code::Cancelled, tr("The upload to %1 was cancelled.").arg(where));
        }
        const qint64 n = local.read(chunk.data(), chunk.size());
        if (n <= 0) {
            return fail(SshError::Code::InvalidSettings,
                        tr("Reading %1 failed: %2").arg(localPath, local.errorString()));
        }
        hash.addData(QByteArrayView(chunk.constData(), n));
        for (qint64 done = 0; done < n;) {
            const ssize_t written = sftp_write(file.get(), chunk.constData() + done, size_t(n - done));
            if (written <= 0) {
                file.reset();
                if (!ssh_is_connected(d->session.get())) {
                    return fail(SshError::Code::Disconnected,
                                tr("The connection to %1 broke during the upload.").arg(where));
                }
                return fail(SshError::Code::ChannelFailed,
                            tr("Writing %1 on %2 failed: %3").arg(temporary, where, libsshError(d->session.get())));
            }
            done += written;
        }
        sent += n;
        if (progress) {
            progress(sent, total);
        }
    }
    if (sftp_close(file.release()) != SSH_NO_ERROR) {
        return fail(SshError::Code::ChannelFailed,
                    tr("Closing %1 on %2 failed: %3").arg(temporary, where, libsshError(d->session.get())));
    }
    // The size and the permissions over SFTP itself (no process on the host for them)
    sftp_attributes attributes = sftp_stat(sftp.get(), temporaryBytes.constData());
    const qint64 received = attributes ? qint64(attributes->size) : -1;
    sftp_attributes_free(attributes);
    if (received != total) {
        return fail(
            SshError::Code::ChannelFailed,
            received < 0
                ? tr("Cannot read back %1 on %2: %3").arg(temporary, where, libsshError(d->session.get()))
                : tr("%1 received %2 of the %3 bytes of %4").arg(where).arg(received).arg(total).arg(localPath));
    }
    if (sftp_chmod(sftp.get(), temporaryBytes.constData(), permissionsToMode(local.permissions())) != SSH_OK) {
        return fail(
            SshError::Code::ChannelFailed,
            tr("Cannot set the permissions of %1 on %2: %3").arg(temporary, where, libsshError(d->session.get())));
    }
    // SFTP is done: close it before exec(), which frees the whole session (and with it the
    // SFTP channel) should the connection break. From here on the command itself removes
    // the temporary file when a check fails.
    sftp.reset();
    // The host checks what it received, then the file takes the final name in one rename().
    const QString expected = QString::fromLatin1(hash.result().toHex());
    const QString quoted = shellQuote(temporary);
    const QString command =
        QStringLiteral("fail() { rm -f -- %1; echo \"$2\" >&2; exit \"$1\"; }; "
                       "command -v sha256sum >/dev/null || fail 3 'sha256sum is missing on the host'; "
                       "sum=$(sha256sum < %1) || fail 4 'the upload cannot be read'; "
                       "[ \"${sum%% *}\" = %2 ] || fail 5 \"sha256 ${sum%% *}, expected %2\"; "
                       "mv -f -- %1 %3 || fail 6 'the rename failed'")
            .arg(quoted, expected, shellQuote(remotePath));
    QByteArray complaint;
    ExecCallbacks callbacks;
    callbacks.stderrData = [&complaint](const QByteArray &data) { complaint += data; };
    const ExecResult verified = execInShell({command, {}, 120000}, callbacks);
    if (!verified.succeeded()) {
        if (verified.error) {
            *error = verified.error;
            return false;
        }
        return fail(SshError::Code::ChannelFailed,
                    tr("%1 did not confirm the upload of %2: %3")
                        .arg(where, remotePath, QString::fromUtf8(complaint).trimmed()));
    }
    return true;
}

} // namespace Baton
