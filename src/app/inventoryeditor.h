#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

namespace Baton {

class Fleet;
struct HostEntry;
class Inventory;

/**
 * @brief Adds, edits and removes the inventory's hosts, and imports hosts from
 * `~/.ssh/config` (`Fleet.editor`).
 *
 * Every change is checked the way a loaded file is (the edited inventory goes through
 * Inventory::fromJson), written atomically, then loaded again. Without an inventory the
 * first host creates one in the application's configuration directory. Nothing changes
 * while a step or a rollout runs.
 */
class InventoryEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("InventoryEditor is provided by Fleet.editor")
    /// false while a step or a rollout runs (the hosts are in use)
    Q_PROPERTY(bool canEdit READ canEdit NOTIFY canEditChanged)
    Q_PROPERTY(QString sshConfigPath READ sshConfigPath CONSTANT)

public:
    explicit InventoryEditor(Fleet *fleet);

    bool canEdit() const;
    QString sshConfigPath() const;

    /** @brief A host's fields for the form: name, address, port, user, groups (a comma
     * list), sudo, pidFile, binary, identityFile, httpPort; empty fields for a new one. */
    Q_INVOKABLE QVariantMap fieldsOf(const QString &name) const;
    /** @brief Saves the host @p originalName (empty: adds one) with @p fields; "" or why not. */
    Q_INVOKABLE QString saveHost(const QString &originalName, const QVariantMap &fields);
    /** @brief Removes @p names from the inventory; "" or why not. */
    Q_INVOKABLE QString removeHosts(const QStringList &names);
    /** @brief The hosts `~/.ssh/config` names: [{alias, hostName, user, port, identityFile,
     * inInventory}], or [{error}] when it cannot be read. */
    Q_INVOKABLE QVariantList sshConfigHosts() const;
    /** @brief Adds the ssh config's @p aliases (group "ssh-config"); "" or why not. */
    Q_INVOKABLE QString importSshHosts(const QStringList &aliases);
    /** @brief The hosts of the Ansible inventory (INI or YAML) at @p path, in the form of
     * sshConfigHosts() plus groups and sudo, or [{error}]. */
    Q_INVOKABLE QVariantList ansibleHosts(const QString &path) const;
    /** @brief Adds @p names of the Ansible inventory at @p path, with their groups and
     * variables; "" or why not. */
    Q_INVOKABLE QString importAnsibleHosts(const QString &path, const QStringList &names);

    /** @brief Where a new inventory goes when none is loaded. */
    static QString defaultInventoryPath();

Q_SIGNALS:
    void canEditChanged();

private:
    QString commit(const Inventory &inventory);

    Fleet *m_fleet;
};

} // namespace Baton
