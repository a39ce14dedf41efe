#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Baton {

/** @brief A server's host key, as shown to the user who must approve it. */
struct HostKeyInfo
{
    QString host;
    int port = 22;
    QString keyType; ///< e.g. "ssh-ed25519"
    QString fingerprint; ///< "SHA256:..." as OpenSSH prints it
    QString knownHostsFile; ///< where the key is written once approved
};

/** @brief One question of a keyboard-interactive login. */
struct KeyboardInteractivePrompt
{
    QString text;
    bool echo = false;
};

/**
 * @brief Asks the user what the SSH layer cannot know: whether to trust a new host key,
 * passphrases and passwords.
 *
 * Called on the session's worker thread; an implementation for the GUI forwards the
 * question to the GUI thread and waits for the answer. Every answer may be declined
 * (nullopt). Secrets are returned as QByteArray so that the caller can wipe them: return
 * one that shares its data with no copy you keep, or the wiping misses that copy.
 */
class SshPrompter
{
public:
    virtual ~SshPrompter() = default;

    /** @brief true: trust the key and record it in knownHostsFile. */
    virtual bool approveHostKey(const HostKeyInfo &key) = 0;

    virtual std::optional<QByteArray> passphrase(const QString &keyFile)
    {
        Q_UNUSED(keyFile);
        return std::nullopt;
    }

    /** @brief @p attempt counts from 1; above 1 the previous password was refused. */
    virtual std::optional<QByteArray> password(const QString &displayName, int attempt)
    {
        Q_UNUSED(displayName);
        Q_UNUSED(attempt);
        return std::nullopt;
    }

    /** @brief The sudo password of the login user; @p attempt above 1: the last one was refused. */
    virtual std::optional<QByteArray> sudoPassword(const QString &displayName, int attempt)
    {
        Q_UNUSED(displayName);
        Q_UNUSED(attempt);
        return std::nullopt;
    }

    virtual std::optional<QList<QByteArray>> keyboardInteractive(const QString &name,
                                                                 const QString &instruction,
                                                                 const QList<KeyboardInteractivePrompt> &prompts)
    {
        Q_UNUSED(name);
        Q_UNUSED(instruction);
        Q_UNUSED(prompts);
        return std::nullopt;
    }
};

/** @brief Overwrites a secret's bytes before it is released. */
void wipeSecret(QByteArray &secret);

} // namespace Baton
