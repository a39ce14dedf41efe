#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Baton {

/**
 * @brief The hosts an OpenSSH client configuration (`~/.ssh/config`) names, for importing
 * them into an inventory.
 *
 * Each concrete `Host` alias (no `*`, `?` or `!`) is one host. Imported entries use the
 * alias as their address and leave user, port and keys empty, so that the connection
 * reads the same configuration and behaves exactly like `ssh ALIAS` (ProxyJump and all);
 * the HostName, User, Port and IdentityFile read here are only shown to the user.
 * `Include` is followed (relative paths from `~/.ssh`, with wildcards), `Match` blocks
 * name no host and are skipped.
 */
struct SshConfigHost
{
    QString alias;
    QString hostName; ///< empty: the alias itself
    QString user;
    int port = 0;
    QString identityFile;
    QString source; ///< the file that names it
};

class SshConfigImport
{
public:
    /** @brief The hosts of configuration @p text; @p sshDirectory resolves relative Includes. */
    static QList<SshConfigHost> parse(const QString &text, const QString &sshDirectory, const QString &source = {});
    /** @brief Reads @p path (and what it includes, at most 16 levels deep); empty when unreadable. */
    static QList<SshConfigHost> read(const QString &path, QString *error = nullptr);
    /** @brief ~/.ssh/config */
    static QString defaultPath();
    /** @brief The words of a configuration line: `Key value`, `Key=value`, quoted values. */
    static QStringList words(const QString &line);
};

} // namespace Baton
