#include "guiprompter.h"

#include <QThread>

using namespace Qt::StringLiterals;

namespace Baton {

GuiPrompter::GuiPrompter(QObject *parent)
    : QObject(parent)
{
}

GuiPrompter::~GuiPrompter()
{
    shutdown();
    for (QByteArray &secret : m_remembered) {
        wipeSecret(secret);
    }
}

QString GuiPrompter::kind() const
{
    std::lock_guard lock(m_mutex);
    return m_pending ? m_question.kind : QString();
}

QString GuiPrompter::subject() const
{
    std::lock_guard lock(m_mutex);
    return m_question.subject;
}

QString GuiPrompter::detail() const
{
    std::lock_guard lock(m_mutex);
    return m_question.detail;
}

QString GuiPrompter::knownHostsFile() const
{
    std::lock_guard lock(m_mutex);
    return m_question.knownHostsFile;
}

int GuiPrompter::attempt() const
{
    std::lock_guard lock(m_mutex);
    return m_question.attempt;
}

void GuiPrompter::answer(const QString &secret, bool remember)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_pending) {
            return;
        }
        m_answer = secret.toUtf8();
        m_remember = remember;
        m_pending = false;
    }
    m_answered.notify_all();
    Q_EMIT questionChanged();
}

void GuiPrompter::decline()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_pending) {
            return;
        }
        m_answer.reset();
        m_pending = false;
    }
    m_answered.notify_all();
    Q_EMIT questionChanged();
}

void GuiPrompter::shutdown()
{
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;
        m_answer.reset();
        m_pending = false;
    }
    m_answered.notify_all();
}

std::optional<QByteArray> GuiPrompter::ask(const Question &question)
{
    Q_ASSERT_X(QThread::currentThread() != thread(), "GuiPrompter", "asked on the GUI thread: it would wait forever");
    std::lock_guard one(m_askMutex);
    std::unique_lock lock(m_mutex);
    if (m_shutdown) {
        return std::nullopt;
    }
    m_question = question;
    m_pending = true;
    m_answer.reset();
    lock.unlock();
    QMetaObject::invokeMethod(this, &GuiPrompter::questionChanged, Qt::QueuedConnection);
    lock.lock();
    m_answered.wait(lock, [this] { return !m_pending || m_shutdown; });
    std::optional<QByteArray> answer = std::move(m_answer);
    m_answer.reset();
    return answer;
}

std::optional<QByteArray> GuiPrompter::askSecret(const QString &kind, const QString &subject, int attempt)
{
    const QString key = kind + u' ' + subject;
    {
        std::lock_guard lock(m_mutex);
        if (attempt == 1 && m_remembered.contains(key)) {
            return m_remembered.value(key);
        }
    }
    std::optional<QByteArray> secret = ask({kind, subject, {}, {}, attempt});
    std::lock_guard lock(m_mutex);
    if (secret && m_remember) {
        m_remembered.insert(key, *secret);
    } else if (attempt > 1 && m_remembered.contains(key)) {
        wipeSecret(m_remembered[key]); // refused: forget it
        m_remembered.remove(key);
    }
    return secret;
}

bool GuiPrompter::approveHostKey(const HostKeyInfo &key)
{
    const QString subject = key.port == 22 ? key.host : u"%1:%2"_s.arg(key.host).arg(key.port);
    return ask({u"hostKey"_s, subject, key.keyType + u' ' + key.fingerprint, key.knownHostsFile, 1}).has_value();
}

std::optional<QByteArray> GuiPrompter::passphrase(const QString &keyFile)
{
    return askSecret(u"passphrase"_s, keyFile, 1);
}

std::optional<QByteArray> GuiPrompter::password(const QString &displayName, int attempt)
{
    return askSecret(u"password"_s, displayName, attempt);
}

std::optional<QByteArray> GuiPrompter::sudoPassword(const QString &displayName, int attempt)
{
    return askSecret(u"sudoPassword"_s, displayName, attempt);
}

std::optional<QList<QByteArray>> GuiPrompter::keyboardInteractive(const QString &name,
                                                                  const QString &instruction,
                                                                  const QList<KeyboardInteractivePrompt> &prompts)
{
    QList<QByteArray> answers;
    for (const KeyboardInteractivePrompt &prompt : prompts) {
        const QString text = instruction.isEmpty() ? prompt.text : instruction + u'\n' + prompt.text;
        std::optional<QByteArray> answer = ask({u"keyboardInteractive"_s, name, text, {}, 1});
        if (!answer) {
            for (QByteArray &given : answers) {
                wipeSecret(given);
            }
            return std::nullopt;
        }
        answers.append(*answer);
    }
    return answers;
}

} // namespace Baton
