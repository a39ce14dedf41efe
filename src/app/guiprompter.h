#pragma once

#include "sshprompter.h"

#include <QHash>
#include <QObject>
#include <QQmlEngine>

#include <condition_variable>
#include <mutex>

namespace Baton {

/**
 * @brief Answers the SSH layer's questions in the GUI (QML singleton-owned, reached as
 * `Fleet.prompter`): a question from an engine thread becomes a pending question the
 * dialogs show, and the thread waits until answer() or decline().
 *
 * One question at a time. Passwords are kept in memory only, for the session, when the
 * user asks to (never written anywhere) and wiped on destruction. Host keys are only ever
 * approved by the user.
 */
class GuiPrompter : public QObject, public SshPrompter
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("GuiPrompter is provided by Fleet.prompter")
    /// "", "hostKey", "password", "passphrase", "sudoPassword" or "keyboardInteractive"
    Q_PROPERTY(QString kind READ kind NOTIFY questionChanged)
    /// host name, key file or login the question is about
    Q_PROPERTY(QString subject READ subject NOTIFY questionChanged)
    /// host key: "ssh-ed25519 SHA256:..."; keyboard-interactive: the server's prompt
    Q_PROPERTY(QString detail READ detail NOTIFY questionChanged)
    Q_PROPERTY(QString knownHostsFile READ knownHostsFile NOTIFY questionChanged)
    Q_PROPERTY(int attempt READ attempt NOTIFY questionChanged)

public:
    explicit GuiPrompter(QObject *parent = nullptr);
    ~GuiPrompter() override;

    QString kind() const;
    QString subject() const;
    QString detail() const;
    QString knownHostsFile() const;
    int attempt() const;

    /** @brief Accepts the pending question: trusts the key, or gives @p secret (kept for the
     * session when @p remember). */
    Q_INVOKABLE void answer(const QString &secret = {}, bool remember = false);
    Q_INVOKABLE void decline();
    /** @brief Declines every question from now on (the application quits). */
    void shutdown();

    bool approveHostKey(const HostKeyInfo &key) override;
    std::optional<QByteArray> passphrase(const QString &keyFile) override;
    std::optional<QByteArray> password(const QString &displayName, int attempt) override;
    std::optional<QByteArray> sudoPassword(const QString &displayName, int attempt) override;
    std::optional<QList<QByteArray>> keyboardInteractive(const QString &name,
                                                         const QString &instruction,
                                                         const QList<KeyboardInteractivePrompt> &prompts) override;

Q_SIGNALS:
    void questionChanged();

private:
    struct Question
    {
        QString kind;
        QString subject;
        QString detail;
        QString knownHostsFile;
        int attempt = 1;
    };
    /** @brief Asks on the GUI thread and waits; nullopt: declined. */
    std::optional<QByteArray> ask(const Question &question);
    std::optional<QByteArray> askSecret(const QString &kind, const QString &subject, int attempt);

    std::mutex m_askMutex; ///< one question at a time
    mutable std::mutex m_mutex;
    std::condition_variable m_answered;
    Question m_question;
    bool m_pending = false;
    bool m_shutdown = false;
    std::optional<QByteArray> m_answer;
    bool m_remember = false;
    QHash<QString, QByteArray> m_remembered; ///< "kind subject" -> secret, for this session
};

} // namespace Baton
