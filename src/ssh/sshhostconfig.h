#pragma once

#include <QString>
#include <QStringList>

namespace Baton {

/**
 * @brief How to reach one host over SSH.
 *
 * Empty or zero values come from the OpenSSH client configuration (`~/.ssh/config`, or
 * sshConfigFile) and then from OpenSSH's defaults; set values always win over the config.
 */
struct SshHostConfig
{
    QString host; ///< an address, a host name, or a `Host` alias of the config file
    int port = 0; ///< 0: from the config file, else 22
    QString user; ///< empty: from the config file, else the local user
    QStringList identityFiles; ///< tried before the config file's and the default keys
    QString knownHostsFile; ///< empty: ~/.ssh/known_hosts (never the config's UserKnownHostsFile)
    QString sshConfigFile; ///< empty: ~/.ssh/config; "none" reads no config file
    int connectTimeoutSeconds = 15;
    int maxPasswordAttempts = 3;

    /** @brief "user@host:port" as far as known, for messages. */
    QString displayName() const;
};

} // namespace Baton
