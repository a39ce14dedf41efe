#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace Baton {

/**
 * @brief `batonctl build`: builds nginx from source on the hosts with the running binary's
 * configure arguments (edited by --configure-arg and --drop-arg), all hosts in parallel,
 * configure's and make's output streamed with each host's name; the built objs/nginx is the
 * target of `batonctl upgrade --remote-binary`.
 */
class BuildCommand
{
    Q_DECLARE_TR_FUNCTIONS(BuildCommand)

public:
    static int run(const QStringList &arguments);
};

} // namespace Baton
