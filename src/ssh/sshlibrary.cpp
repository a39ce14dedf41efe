#include "sshlibrary.h"

#include <libssh/libssh.h>

namespace Baton::SshLibrary {

QString runtimeVersion()
{
    // ssh_version(0) returns the full version string, e.g. "0.11.5/openssl/zlib".
    const QString full = QString::fromLatin1(ssh_version(0));
    return full.section(u'/', 0, 0);
}

QString buildVersion()
{
    return QStringLiteral("%1.%2.%3").arg(LIBSSH_VERSION_MAJOR).arg(LIBSSH_VERSION_MINOR).arg(LIBSSH_VERSION_MICRO);
}

} // namespace Baton::SshLibrary
