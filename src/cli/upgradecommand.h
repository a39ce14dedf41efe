#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Baton {

/**
 * @brief `batonctl preflight|upgrade|drain|commit|rollback|transcript`: drives the upgrade
 * engine on the inventory's hosts, all in parallel, one line per event, a summary at the end.
 */
class UpgradeCommand
{
    Q_DECLARE_TR_FUNCTIONS(UpgradeCommand)

public:
    static int run(const QString &command, const QStringList &arguments);
    static int transcript(const QStringList &arguments);
};

} // namespace Baton
