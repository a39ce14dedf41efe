#pragma once

#include "inventory.h"
#include "rollout.h"

#include <QString>
#include <QStringList>

namespace Baton {

/**
 * @brief Writes a planned rollout as an Ansible playbook and inventory that perform the same
 * steps and checks, for teams whose fleet is run by Ansible or AWX.
 *
 * `inventory.ini` lists the plan's hosts (group `baton_rollout`) with how to reach them and
 * their nginx instance; `upgrade-nginx.yml` upgrades them in the plan's batches (`serial`:
 * the canaries, then batches) within its failure budget (`max_fail_percentage`). Per host:
 * the target's `-V` and `-t` with the master's options, a verified backup, an atomic
 * install, USR2 and a wait for the new master with all its workers, WINCH and a wait for
 * the old workers, QUIT and a check that the new version runs; any failure after USR2 rolls
 * the host back (HUP, QUIT of the new master, the backup put back). Baton's extras (its
 * lock, transcript, health gates, resumable detached steps) are not part of it.
 */
class AnsibleExport
{
    Q_DECLARE_TR_FUNCTIONS(AnsibleExport)

public:
    /** @brief Writes both files into @p directory (made if needed); false and @p error on a
     * fault. @p notes receives what the user should know (defaults that were assumed). */
    static bool write(const QString &directory,
                      const Inventory &inventory,
                      const RolloutPlan &plan,
                      QString *error,
                      QStringList *notes = nullptr);

    /** @brief The playbook's text for @p plan over @p hostCount hosts. */
    static QString playbook(const RolloutPlan &plan, int hostCount);
    /** @brief The inventory's text for the plan's hosts. */
    static QString inventoryText(const Inventory &inventory, const RolloutPlan &plan, QStringList *notes);
};

} // namespace Baton
