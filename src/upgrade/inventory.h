#pragma once

#include "sshhostconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Baton {

/** @brief Which nginx instance of a host an inventory entry means, and where its files are. */
struct NginxInstance
{
    QString binary; ///< path of the executable on the host, e.g. /usr/sbin/nginx
    QString pidFile; ///< pins the instance on hosts that run several
    QString prefix; ///< the master's -p, when it has one
    QString configFile; ///< the master's -c, when it has one
    QString targetBinary; ///< an upgrade target already on the host (the lab places one)

    bool operator==(const NginxInstance &) const = default;
};

/** @brief One host of the inventory: how to reach it over SSH and which nginx it runs. */
struct HostEntry
{
    QString name; ///< unique within the inventory
    QString address;
    int port = 0; ///< 0: from ~/.ssh/config, else 22
    QString user; ///< empty: from ~/.ssh/config or the local user name
    QString identityFile; ///< absolute, or relative to the inventory file
    QString knownHostsFile; ///< empty: the inventory's, else ~/.ssh/known_hosts
    QStringList groups;
    bool sudo = false; ///< control nginx through sudo
    NginxInstance nginx;
    int httpPort = 0; ///< where nginx answers on the host's loopback (health probes), 0 = unknown
    /// where uploaded targets go on the host: absolute, or "~/..." in the login user's home;
    /// empty: ~/.cache/baton/staging
    QString stagingDirectory;

    /** @brief The SSH settings of this entry (the config file fills in what it leaves empty). */
    SshHostConfig sshConfig() const;

    bool operator==(const HostEntry &) const = default;
};

/** @brief What `batonctl lab up` records about the lab that wrote an inventory. */
struct LabInfo
{
    QString directory;
    bool pidNamespaces = false;
    QString sudoUser; ///< a non-root account that needs a password for sudo; empty when none
    QString sudoPasswordFile; ///< file holding that password (mode 0600)
    QString sudoNoPasswordUser; ///< a non-root account whose sudo rule is NOPASSWD
    QString oldVersion;
    QString newVersion;

    bool operator==(const LabInfo &) const = default;
};

/**
 * @brief The hosts Baton manages, as read from and written to an inventory JSON file.
 *
 * Relative paths in the file are relative to the file's directory; load() resolves them
 * to absolute paths, so every consumer sees absolute paths only. The format is documented
 * in README.md ("Inventory").
 */
class Inventory
{
    Q_DECLARE_TR_FUNCTIONS(Inventory)

public:
    static constexpr int FormatVersion = 1;

    /// Where baton and batonctl keep the inventory by default: ~/.config/baton/inventory.json
    /// (under $XDG_CONFIG_HOME when it is set).
    static QString defaultPath();

    /**
     * The inventory to use when none is named: $BATON_INVENTORY, else defaultPath() when that
     * file exists, else empty.
     */
    static QString defaultInUse();

    QString name;
    QString knownHostsFile; ///< default for hosts that do not name their own
    QList<HostEntry> hosts;
    std::optional<LabInfo> lab;

    /** @brief Parses @p json; relative paths resolve against @p baseDirectory. */
    static std::optional<Inventory> fromJson(const QByteArray &json, const QString &baseDirectory, QString *error);

    /** @brief Reads and parses the file at @p path. On failure @p error says why, naming the file. */
    static std::optional<Inventory> load(const QString &path, QString *error);

    QByteArray toJson() const;

    /** @brief Writes the inventory atomically (a reader never sees half a file). */
    bool save(const QString &path, QString *error) const;

    bool operator==(const Inventory &) const = default;
};

} // namespace Baton
