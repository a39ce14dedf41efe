#include "guiprompter.h"

#include "appsettings.h"
#include "secretstore.h"

#include <QSet>
#include <QThread>

using namespace Qt::StringLiterals;

namespace Baton {

GuiPrompter::GuiPrompter(QObject *parent, SecretStore *store)
    : QObject(parent)
    , m_store(store)
{
    if (!m_store) {
        AppSettings *settings = AppSettings::instance();
        m_store = new SecretStore(u"baton"_s, settings ? settings->backingSettings() : nullptr, this);
    }
    connect(m_store, &SecretStore::namesChanged, this, &GuiPrompter::rememberedChanged);
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

bool GuiPrompter::isSecretStoreAvailable() const
{
    return m_store->isAvailable();
}

bool GuiPrompter::rememberInSecretStore() const
{
    std::lock_guard lock(m_mutex);
    return m_pending && storable(m_question.kind) && m_store->isAvailable();
}

int GuiPrompter::rememberedCount() const
{
    QSet<QString> names;
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_remembered.cbegin(); it != m_remembered.cend(); ++it) {
            names.insert(it.key());
        }
    }
    const QStringList stored = m_store->names();
    for (const QString &name : stored) {
        names.insert(name);
    }
    return int(names.size());
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

void GuiPrompter::forgetAll()
{
    {
        std::lock_guard lock(m_mutex);
        for (QByteArray &secret : m_remembered) {
            wipeSecret(secret);
        }
        m_remembered.clear();
    }
    m_store->removeAll();
    Q_EMIT rememberedChanged();
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

bool GuiPrompter::storable(const QString &kind)
{
    return kind == u"password" || kind == u"sudoPassword"; // passphrases unlock keys: memory only
}

std::optional<QByteArray> GuiPrompter::askSecret(const QString &kind, const QString &subject, int attempt)
{
    const QString name = kind + u' ' + subject;
    const bool inStore = storable(kind) && m_store->isAvailable();
    std::lock_guard one(m_askMutex); // another host's question may be remembering this one
    if (attempt == 1) {
        {
            std::lock_guard lock(m_mutex);
            if (m_remembered.contains(name)) {
                return m_remembered.value(name);
            }
        }
        if (inStore) {
            if (std::optional<QByteArray> stored = lookUp(name)) {
                remember(name, *stored, false);
                return stored;
            }
        }
    } else {
        forget(name, inStore); // refused
    }
    std::optional<QByteArray> secret = ask({kind, subject, {}, {}, attempt});
    bool keep = false;
    {
        std::lock_guard lock(m_mutex);
        keep = secret && m_remember && !m_shutdown;
    }
    if (keep) {
        remember(name, *secret, inStore);
    }
    return secret;
}

std::optional<QByteArray> GuiPrompter::lookUp(const QString &name)
{
    Q_ASSERT_X(
        QThread::currentThread() != thread(), "GuiPrompter", "looked up on the GUI thread: it would wait forever");
    struct Lookup
    {
        bool done = false;
        std::optional<QByteArray> secret;
    };
    auto lookup = std::make_shared<Lookup>();
    auto deliver = [this, lookup](std::optional<QByteArray> secret) {
        {
            std::lock_guard lock(m_mutex);
            if (m_shutdown && secret) {
                wipeSecret(*secret);
                secret.reset();
            }
            lookup->secret = std::move(secret);
            lookup->done = true;
        }
        m_answered.notify_all();
    };
    QMetaObject::invokeMethod(
        this,
        [this, name, deliver] {
            if (m_store->contains(name)) {
                m_store->read(name, this, deliver);
            } else {
                deliver(std::nullopt); // never stored: no need to wake the secret store
            }
        },
        Qt::QueuedConnection);
    std::unique_lock lock(m_mutex);
    m_answered.wait(lock, [this, &lookup] { return lookup->done || m_shutdown; });
    if (!lookup->done) {
        return std::nullopt; // shut down while the store was answering
    }
    return std::move(lookup->secret);
}

void GuiPrompter::remember(const QString &name, const QByteArray &secret, bool inStore)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_remembered.contains(name)) {
            wipeSecret(m_remembered[name]);
        }
        m_remembered.insert(name, secret);
    }
    auto copy = std::make_shared<QByteArray>(secret);
    QMetaObject::invokeMethod(
        this,
        [this, name, copy, inStore] {
            if (inStore) {
                m_store->write(name, *copy);
            }
            wipeSecret(*copy);
            Q_EMIT rememberedChanged();
        },
        Qt::QueuedConnection);
}

void GuiPrompter::forget(const QString &name, bool inStore)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_remembered.contains(name)) {
            wipeSecret(m_remembered[name]);
            m_remembered.remove(name);
        }
    }
    QMetaObject::invokeMethod(
        this,
        [this, name, inStore] {
            if (inStore && m_store->contains(name)) {
                m_store->remove(name);
            }
            Q_EMIT rememberedChanged();
        },
        Qt::QueuedConnection);
}

bool GuiPrompter::approveHostKey(const HostKeyInfo &key)
{
    const QString subject = key.port == 22 ? key.host : u"%1:%2"_s.arg(key.host).arg(key.port);
    std::lock_guard one(m_askMutex);
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
    std::lock_guard one(m_askMutex); // one login's prompts together
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
