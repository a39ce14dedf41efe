#pragma once

#include "labconfig.h"
#include "labprocess.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace Baton {

/** @brief How to bring a lab up. */
struct LabOptions
{
    int hosts = 3;
    QString oldNginx; ///< the build the hosts run (nginx 1.22.1)
    QString newNginx; ///< the upgrade target placed on each host (nginx 1.26.x)
    int basePort = 0; ///< first port to try; 0 picks a random start
    bool pidNamespaces = true; ///< when possible (root); false forces one shared process table
    bool sudoAccount = true; ///< when root: a non-root account that needs a password for sudo
    QString initProgram; ///< the batonctl executable that provides `__lab-init`
    int readyTimeoutMs = 0; ///< 0: 10 s plus 0.5 s per host
    pid_t ownerPid = 0; ///< when set, the hosts stop by themselves once this process ends
};

/**
 * @brief A set of local test hosts: per host a real sshd and a real nginx on loopback.
 *
 * up() writes `inventory.json`, `known_hosts`, the login key `id_ed25519` and `lab.json`
 * (what it started, for down()) into the lab directory. down() stops everything the lab
 * started, also when the process that started it is long gone.
 */
class Lab
{
    Q_DECLARE_TR_FUNCTIONS(Lab)

public:
    /** @brief The name of the non-root account that must use sudo with a password. */
    static constexpr const char *SudoUser = "batonlab";
    /** @brief The name of the non-root account whose sudo rule needs no password. */
    static constexpr const char *NoPasswordSudoUser = "batonlab-np";

    explicit Lab(const QString &directory);

    /** @brief Starts the hosts (stopping a previous lab in the same directory first). */
    bool up(const LabOptions &options, QString *error);

    /** @brief Stops every process of the lab. Returns how many had to be stopped. */
    int down(QString *error);

    QString directory() const { return m_directory; }
    QString inventoryFile() const;
    QString knownHostsFile() const;
    QString identityFile() const;
    QList<LabHostConfig> hosts() const { return m_hosts; }
    bool usesPidNamespaces() const { return m_pidNamespaces; }

    /** @brief Receives one line per notable step ("starting 10 hosts", ...). */
    std::function<void(const QString &)> progress;

    /** @brief Whether this process may create PID and mount namespaces. */
    static bool canCreatePidNamespaces();

private:
    bool prepareHost(const LabHostConfig &host, const LabOptions &options, QString *error);
    bool ensureSudoAccount(QString *passwordFile, QString *error);
    bool waitUntilReady(int timeoutMs, QString *error);
    QString hostLogs(const LabHostConfig &host) const;
    bool writeState(QString *error) const;
    QList<LabProcess> readState() const;
    void report(const QString &line) const;

    QString m_directory;
    QList<LabHostConfig> m_hosts;
    QList<LabProcess> m_supervisors;
    bool m_pidNamespaces = false;
};

} // namespace Baton
