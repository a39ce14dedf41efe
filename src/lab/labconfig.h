#pragma once

#include <QString>

namespace Baton {

/**
 * @brief Where one lab host keeps its files, and the configuration texts it runs with.
 *
 * Every host lives in `<lab>/hosts/<name>/`: `ssh/` (host key, sshd_config,
 * authorized_keys), `nginx/` (the nginx prefix: sbin/nginx, conf/, logs/, run/, temp/),
 * `staging/` (the upgrade target) and `init/` (what the host's init process starts).
 */
struct LabHostConfig
{
    QString name;
    QString directory; ///< absolute
    int sshPort = 0;
    int httpPort = 0;
    bool asRoot = false; ///< the lab runs as root: nginx drops worker privileges, root may log in

    QString sshDirectory() const;
    QString hostKeyFile() const;
    QString sshdConfigFile() const;
    QString authorizedKeysFile() const;
    QString nginxPrefix() const; ///< with a trailing slash, as nginx's -p wants it
    QString nginxBinary() const;
    QString nginxConfigFile() const;
    QString nginxPidFile() const;
    QString nginxErrorLog() const;
    QString stagingDirectory() const;
    QString initDirectory() const;
    QString logDirectory() const;

    /** @brief sshd_config for this host: loopback only, its own key and authorized_keys. */
    QString sshdConfig() const;

    /** @brief nginx.conf: 2 workers, a small page on / and stub_status on /nginx_status. */
    QString nginxConfig() const;

    /** @brief The page nginx serves on /, naming the host so a reader knows where it landed. */
    QString indexPage() const;
};

} // namespace Baton
