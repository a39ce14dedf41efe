#pragma once

#include <QString>

namespace Baton {

/** @brief Facts about the libssh that Baton was built with and runs with. */
namespace SshLibrary {

/** @brief The libssh version in use at run time, e.g. "0.11.5". */
QString runtimeVersion();

/** @brief The libssh version Baton was compiled against. */
QString buildVersion();

} // namespace SshLibrary
} // namespace Baton
