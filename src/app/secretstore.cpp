#include "secretstore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSecretStore, "baton.secretstore", QtWarningMsg)

namespace Baton {

namespace {

const QString namesKey = u"secretStore/names"_s;

/// QtKeychain reports itself available as soon as libsecret loads, even with no session
/// bus; only a store that answers, or that the bus can start, is one.
bool secretStoreOnBus()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface()) {
        return false;
    }
    QDBusConnectionInterface *daemon = bus.interface();
    const QDBusReply<QStringList> activatable = daemon->activatableServiceNames();
    for (const QString &name : {u"org.freedesktop.secrets"_s, u"org.kde.kwalletd6"_s, u"org.kde.kwalletd5"_s}) {
        if (daemon->isServiceRegistered(name) || (activatable.isValid() && activatable.value().contains(name))) {
            return QKeychain::isAvailable();
        }
    }
    return false;
}

template<typename Job>
Job *makeJob(const QString &service, const QString &name)
{
    auto *job = new Job(service); // no parent: libsecret calls back into it even late
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    return job;
}

} // namespace

SecretStore::SecretStore(const QString &service, QSettings *index, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_index(index)
    , m_available(secretStoreOnBus())
{
    if (!m_index) {
        m_ownIndex = std::make_unique<QSettings>();
        m_index = m_ownIndex.get();
    }
    qCDebug(lcSecretStore) << "secret store" << (m_available ? "available" : "unavailable: memory only");
}

SecretStore::~SecretStore() = default;

QStringList SecretStore::names() const
{
    return m_index->value(namesKey).toStringList();
}

void SecretStore::setNames(const QStringList &names)
{
    if (names == this->names()) {
        return;
    }
    if (names.isEmpty()) {
        m_index->remove(namesKey);
    } else {
        m_index->setValue(namesKey, names);
    }
    m_index->sync();
    Q_EMIT namesChanged();
}

void SecretStore::read(const QString &name, QObject *context, std::function<void(std::optional<QByteArray>)> done)
{
    if (!m_available) {
        done(std::nullopt);
        return;
    }
    auto *job = makeJob<QKeychain::ReadPasswordJob>(m_service, name);
    connect(job, &QKeychain::Job::finished, context, [this, name, done = std::move(done)](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError) {
            done(read->binaryData());
            return;
        }
        if (read->error() == QKeychain::EntryNotFound) {
            QStringList kept = names();
            kept.removeAll(name); // removed outside Baton
            setNames(kept);
        } else {
            qCWarning(lcSecretStore) << "reading" << name << "failed:" << read->errorString();
            Q_EMIT failed(name, read->errorString());
        }
        done(std::nullopt);
    });
    job->start();
}

void SecretStore::write(const QString &name, const QByteArray &secret, std::function<void(bool)> done)
{
    if (!m_available) {
        if (done) {
            done(false);
        }
        return;
    }
    auto *job = makeJob<QKeychain::WritePasswordJob>(m_service, name);
    job->setTextData(QString::fromUtf8(secret)); // plain text: secret-tool and seahorse show it as typed
    connect(job, &QKeychain::Job::finished, this, [this, name, done = std::move(done)](QKeychain::Job *finished) {
        const bool ok = finished->error() == QKeychain::NoError;
        if (ok) {
            QStringList kept = names();
            if (!kept.contains(name)) {
                kept.append(name);
                setNames(kept);
            }
        } else {
            qCWarning(lcSecretStore) << "storing" << name << "failed:" << finished->errorString();
            Q_EMIT failed(name, finished->errorString());
        }
        if (done) {
            done(ok);
        }
    });
    job->start();
}

void SecretStore::remove(const QString &name, std::function<void(bool)> done)
{
    if (!m_available) {
        if (done) {
            done(false);
        }
        return;
    }
    auto *job = makeJob<QKeychain::DeletePasswordJob>(m_service, name);
    connect(job, &QKeychain::Job::finished, this, [this, name, done = std::move(done)](QKeychain::Job *finished) {
        const bool ok = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        if (ok) {
            QStringList kept = names();
            kept.removeAll(name);
            setNames(kept);
        } else {
            qCWarning(lcSecretStore) << "removing" << name << "failed:" << finished->errorString();
            Q_EMIT failed(name, finished->errorString());
        }
        if (done) {
            done(ok);
        }
    });
    job->start();
}

void SecretStore::removeAll()
{
    const QStringList stored = names();
    for (const QString &name : stored) {
        remove(name);
    }
}

} // namespace Baton
