#pragma once

#include <QObject>
#include <QSettings>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace Baton {

/**
 * @brief Passwords kept in the desktop's secret store (Secret Service or KWallet) through
 * QtKeychain, for GuiPrompter.
 *
 * Available only when a secret store answers on the session bus; never falls back to
 * QtKeychain's plain-text storage. The names of the stored entries (never the secrets) are
 * kept in settings, under `secretStore/names`, so that they can all be forgotten: the
 * secret store cannot list them.
 *
 * Lives on the GUI thread, and is used there only: QtKeychain's jobs run on its event loop.
 */
class SecretStore : public QObject
{
    Q_OBJECT

public:
    /** @brief Entries are stored under @p service; their names are kept in @p index (the
     * application's QSettings when null). */
    explicit SecretStore(const QString &service, QSettings *index = nullptr, QObject *parent = nullptr);
    ~SecretStore() override;

    /** @brief A secret store answers on the session bus (decided once, at construction). */
    bool isAvailable() const { return m_available; }
    QString service() const { return m_service; }
    /** @brief The names of the entries Baton stored and has not removed. */
    QStringList names() const;
    bool contains(const QString &name) const { return names().contains(name); }

    /** @brief Reads @p name and calls @p done with it (nullopt: not stored, or the store
     * failed), unless @p context is gone by then. */
    void read(const QString &name, QObject *context, std::function<void(std::optional<QByteArray>)> done);
    /** @brief Stores @p secret under @p name; @p done, if any, tells whether it was stored. */
    void write(const QString &name, const QByteArray &secret, std::function<void(bool)> done = {});
    /** @brief Removes @p name from the store (done: removed or was not there). */
    void remove(const QString &name, std::function<void(bool)> done = {});
    /** @brief Removes every entry Baton stored. */
    void removeAll();

Q_SIGNALS:
    void namesChanged();
    /** @brief The store refused an operation on @p name. */
    void failed(const QString &name, const QString &message);

private:
    void setNames(const QStringList &names);

    QString m_service;
    QSettings *m_index = nullptr;
    std::unique_ptr<QSettings> m_ownIndex;
    bool m_available = false;
};

} // namespace Baton
