#include "sshhostconfig.h"

namespace Baton {

QString SshHostConfig::displayName() const
{
    QString name = user.isEmpty() ? host : user + u'@' + host;
    if (port > 0) {
        name += u':' + QString::number(port);
    }
    return name;
}

} // namespace Baton
