#pragma once

#include "sshprompter.h"

#include <QHash>
#include <QObject>
#include <QQmlEngine>

#include <condition_variable>
#include <mutex>

namespace Baton {

class SecretStore;

/**
 * @brief Answers the SSH layer's questions in the GUI (QML singleton-owned, reached as
 * `Fleet.prompter`): a question from an engine thread becomes a pending question the
 * dialogs show, and the thread waits until answer() or decline().
 *
 * One question at a time. Login and sudo passwords the user asks to remember go to the
 * desktop's secret store (SecretStore) when there is one, and are looked up there before
 * the user is asked; without one, and for key passphrases always, they are kept in memory
 * only, for the session (never written anywhere), and wiped on destruction. A refused
 * password is forgotten in both. Host keys are only ever approved by the user.
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
    /// remembered passwords go to the desktop's secret store (else: memory, for the session)
    Q_PROPERTY(bool secretStoreAvailable READ isSecretStoreAvailable CONSTANT)
    /// remembering the pending secret keeps it in the secret store (not only in memory)
    Q_PROPERTY(bool rememberInSecretStore READ rememberInSecretStore NOTIFY questionChanged)
    /// secrets remembered in memory or in the secret store
    Q_PROPERTY(int rememberedCount READ rememberedCount NOTIFY rememberedChanged)

public:
    /** @brief Remembers in @p store (not owned); when null, in a SecretStore of its own
     * (service "baton", names kept in the Settings' file). */
    explicit GuiPrompter(QObject *parent = nullptr, SecretStore *store = nullptr);
    ~GuiPrompter() override;

    QString kind() const;
    QString subject() const;
    QString detail() const;
    QString knownHostsFile() const;
    int attempt() const;
    bool isSecretStoreAvailable() const;
    bool rememberInSecretStore() const;
    int rememberedCount() const;

    /** @brief Accepts the pending question: trusts the key, or gives @p secret (kept for the
     * session when @p remember). */
    Q_INVOKABLE void answer(const QString &secret = {}, bool remember = false);
    Q_INVOKABLE void decline();
    /** @brief Forgets every remembered secret, in memory and in the secret store. */
    Q_INVOKABLE void forgetAll();
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
    void rememberedChanged();

private:
    struct Question
    {
        QString kind;
        QString subject;
        QString detail;
        QString knownHostsFile;
        int attempt = 1;
    };
    /** @brief Asks on the GUI thread and waits; nullopt: declined. The caller holds m_askMutex. */
    std::optional<QByteArray> ask(const Question &question);
    std::optional<QByteArray> askSecret(const QString &kind, const QString &subject, int attempt);
    static bool storable(const QString &kind);
    /** @brief Reads @p name from the secret store on the GUI thread and waits. */
    std::optional<QByteArray> lookUp(const QString &name);
    void remember(const QString &name, const QByteArray &secret, bool inStore);
    void forget(const QString &name, bool inStore);

    SecretStore *m_store = nullptr;

    std::mutex m_askMutex; ///< one question (or one secret's look-up and question) at a time
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
