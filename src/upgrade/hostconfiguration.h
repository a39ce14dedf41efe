#pragma once

#include "hostupgrade.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Baton {

class RemoteHost;

/** @brief The configuration a host's nginx runs with, as `nginx -T` prints it. */
class HostConfiguration
{
    Q_DECLARE_TR_FUNCTIONS(HostConfiguration)

public:
    /**
     * @brief Runs `/proc/PID/exe -T -q` of the snapshot's master (the build that really runs),
     * with the master's own -p/-c/-g, as root when the host says so. Changes nothing.
     * On failure @p error says why (with nginx's own message).
     */
    static std::optional<QString>
    read(const HostEntry &host, const HostSnapshot &snapshot, RemoteHost *remote, QString *error);
};

} // namespace Baton
