#include "inventoryeditor.h"

#include "ansibleinventory.h"
#include "fleet.h"
#include "inventory.h"
#include "sshconfigimport.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Baton {

namespace {

QStringList splitGroups(const QString &text)
{
    QStringList groups;
    for (const QString &group : text.split(u',', Qt::SkipEmptyParts)) {
        if (const QString trimmed = group.trimmed(); !trimmed.isEmpty() && !groups.contains(trimmed)) {
            groups.append(trimmed);
        }
    }
    return groups;
}

} // namespace

InventoryEditor::InventoryEditor(Fleet *fleet)
    : QObject(fleet)
    , m_fleet(fleet)
{
    connect(fleet->upgrade(), &UpgradeController::busyChanged, this, &InventoryEditor::canEditChanged);
    connect(fleet->rollout(), &RolloutController::busyChanged, this, &InventoryEditor::canEditChanged);
}

bool InventoryEditor::canEdit() const
{
    return !m_fleet->upgrade()->isBusy() && !m_fleet->rollout()->isBusy();
}

QString InventoryEditor::sshConfigPath() const
{
    return SshConfigImport::defaultPath();
}

QString InventoryEditor::defaultInventoryPath()
{
    return Inventory::defaultPath();
}

QVariantMap InventoryEditor::fieldsOf(const QString &name) const
{
    HostEntry host;
    if (const std::optional<HostEntry> found = m_fleet->entry(name)) {
        host = *found;
    }
    return {{u"name"_s, host.name},
            {u"address"_s, host.address},
            {u"port"_s, host.port},
            {u"user"_s, host.user},
            {u"groups"_s, host.groups.join(u", ")},
            {u"sudo"_s, host.sudo},
            {u"pidFile"_s, host.nginx.pidFile},
            {u"binary"_s, host.nginx.binary},
            {u"identityFile"_s, host.identityFile},
            {u"httpPort"_s, host.httpPort}};
}

QString InventoryEditor::saveHost(const QString &originalName, const QVariantMap &fields)
{
    Inventory inventory = m_fleet->inventory();
    HostEntry *host = nullptr;
    for (HostEntry &entry : inventory.hosts) {
        if (!originalName.isEmpty() && entry.name == originalName) {
            host = &entry;
        }
    }
    if (!originalName.isEmpty() && !host) {
        return tr("%1 is no longer in the inventory").arg(originalName);
    }
    if (!host) {
        host = &inventory.hosts.emplace_back();
    }
    host->name = fields.value(u"name"_s).toString().trimmed();
    host->address = fields.value(u"address"_s).toString().trimmed();
    host->port = fields.value(u"port"_s).toInt();
    host->user = fields.value(u"user"_s).toString().trimmed();
    host->groups = splitGroups(fields.value(u"groups"_s).toString());
    host->sudo = fields.value(u"sudo"_s).toBool();
    host->nginx.pidFile = fields.value(u"pidFile"_s).toString().trimmed();
    host->nginx.binary = fields.value(u"binary"_s).toString().trimmed();
    host->identityFile = fields.value(u"identityFile"_s).toString().trimmed();
    host->httpPort = fields.value(u"httpPort"_s).toInt();
    if (host->name.isEmpty()) {
        return tr("Give the host a name.");
    }
    if (host->name.contains(QRegularExpression(u"\\s"_s))) {
        return tr("A host name has no spaces: %1").arg(host->name);
    }
    if (host->address.isEmpty()) {
        return tr("Give the address or the ~/.ssh/config alias of %1.").arg(host->name);
    }
    for (const QString &path : {host->nginx.pidFile, host->nginx.binary}) {
        if (!path.isEmpty() && !path.startsWith(u'/')) {
            return tr("%1 is not an absolute path on the host.").arg(path);
        }
    }
    return commit(inventory);
}

QString InventoryEditor::removeHosts(const QStringList &names)
{
    Inventory inventory = m_fleet->inventory();
    const qsizetype before = inventory.hosts.size();
    inventory.hosts.removeIf([&names](const HostEntry &host) { return names.contains(host.name); });
    if (inventory.hosts.size() == before) {
        return tr("None of these hosts is in the inventory.");
    }
    return commit(inventory);
}

QVariantList InventoryEditor::sshConfigHosts() const
{
    QString error;
    const QList<SshConfigHost> hosts = SshConfigImport::read(SshConfigImport::defaultPath(), &error);
    if (!error.isEmpty()) {
        return {QVariantMap{{u"error"_s, error}}};
    }
    QVariantList list;
    for (const SshConfigHost &host : hosts) {
        list.append(QVariantMap{{u"alias"_s, host.alias},
                                {u"hostName"_s, host.hostName.isEmpty() ? host.alias : host.hostName},
                                {u"user"_s, host.user},
                                {u"port"_s, host.port},
                                {u"identityFile"_s, host.identityFile},
                                {u"inInventory"_s, m_fleet->entry(host.alias).has_value()}});
    }
    return list;
}

QString InventoryEditor::importSshHosts(const QStringList &aliases)
{
    Inventory inventory = m_fleet->inventory();
    int added = 0;
    for (const QString &alias : aliases) {
        if (m_fleet->entry(alias)) {
            continue;
        }
        HostEntry host;
        host.name = alias;
        host.address = alias; // the connection reads ~/.ssh/config for it, as `ssh ALIAS` would
        host.groups = {u"ssh-config"_s};
        inventory.hosts.append(host);
        ++added;
    }
    if (added == 0) {
        return tr("Every chosen host is in the inventory already.");
    }
    return commit(inventory);
}

QVariantList InventoryEditor::ansibleHosts(const QString &path) const
{
    QString error;
    const auto hosts = AnsibleInventory::read(path, &error);
    if (!hosts) {
        return {QVariantMap{{u"error"_s, error}}};
    }
    QVariantList list;
    for (const HostEntry &host : *hosts) {
        list.append(QVariantMap{{u"alias"_s, host.name},
                                {u"hostName"_s, host.address},
                                {u"user"_s, host.user},
                                {u"port"_s, host.port},
                                {u"identityFile"_s, host.identityFile},
                                {u"groups"_s, host.groups},
                                {u"sudo"_s, host.sudo},
                                {u"inInventory"_s, m_fleet->entry(host.name).has_value()}});
    }
    return list;
}

QString InventoryEditor::importAnsibleHosts(const QString &path, const QStringList &names)
{
    QString error;
    const auto hosts = AnsibleInventory::read(path, &error);
    if (!hosts) {
        return error;
    }
    Inventory inventory = m_fleet->inventory();
    int added = 0;
    for (const HostEntry &host : *hosts) {
        if (names.contains(host.name) && !m_fleet->entry(host.name)) {
            inventory.hosts.append(host);
            ++added;
        }
    }
    if (added == 0) {
        return tr("Every chosen host is in the inventory already.");
    }
    return commit(inventory);
}

QString InventoryEditor::commit(const Inventory &edited)
{
    if (!canEdit()) {
        return tr("Wait until the running step or rollout ends.");
    }
    QString path = m_fleet->inventoryPath();
    if (path.isEmpty()) {
        path = defaultInventoryPath();
        QDir().mkpath(QFileInfo(path).path());
    }
    // checked as a file that is loaded would be: one set of rules
    QString error;
    const std::optional<Inventory> checked =
        Inventory::fromJson(edited.toJson(), QFileInfo(path).absolutePath(), &error);
    if (!checked) {
        return error;
    }
    if (!checked->save(path, &error)) {
        return error;
    }
    return m_fleet->loadInventory(path) ? QString() : m_fleet->errorString();
}

} // namespace Baton
