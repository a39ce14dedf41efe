#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Baton {

/**
 * @brief `batonctl lab up|down ...`: brings the local lab up or down.
 *
 * run()'s arguments start with "up" or "down". Prints progress on stderr and the inventory
 * path on stdout; returns the process exit code.
 */
class LabCommand
{
    Q_DECLARE_TR_FUNCTIONS(LabCommand)

public:
    static int run(const QStringList &arguments);
};

} // namespace Baton
