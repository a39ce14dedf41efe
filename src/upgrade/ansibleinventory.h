#pragma once

#include "inventory.h"

#include <QList>
#include <QString>

#include <optional>

namespace Baton {

/**
 * @brief Reads an Ansible inventory (INI or YAML) into inventory entries, so a team can
 * bring the fleet it already keeps for Ansible.
 *
 * Groups stay groups (every group a host belongs to, directly or through `:children`,
 * except `all` and `ungrouped`). Variables follow Ansible's precedence: host variables
 * over group variables, a child group's over its parent's, `all`'s last. Of them, Baton
 * takes `ansible_host` (the address; else the name), `ansible_port`, `ansible_user`,
 * `ansible_become` and `ansible_ssh_private_key_file` (or `ansible_private_key_file`).
 * Host patterns with ranges (`web-[01:20]`, `db-[a:c]`) are expanded. Dynamic inventories
 * (scripts, plugins) are not read: export them with `ansible-inventory --list -y` first.
 */
class AnsibleInventory
{
    Q_DECLARE_TR_FUNCTIONS(AnsibleInventory)

public:
    enum class Format { Auto, Ini, Yaml };

    /** @brief The hosts of @p text, in the order they first appear; null and @p error on a fault. */
    static std::optional<QList<HostEntry>> parse(const QString &text, Format format, QString *error);
    /** @brief Reads the file at @p path (YAML when it ends in .yml or .yaml or starts like YAML). */
    static std::optional<QList<HostEntry>> read(const QString &path, QString *error);
    /** @brief `web-[01:03]` -> web-01, web-02, web-03; a name without a range stays as it is. */
    static QStringList expandPattern(const QString &pattern, QString *error);
};

} // namespace Baton
