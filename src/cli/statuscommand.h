#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Baton {

/**
 * @brief `batonctl status [--inventory FILE] [--host NAME]... [--json]`: probes every host
 * (all at once, one round trip each) and prints its phase, masters and workers.
 */
class StatusCommand
{
    Q_DECLARE_TR_FUNCTIONS(StatusCommand)

public:
    static int run(const QStringList &arguments);
};

} // namespace Baton
