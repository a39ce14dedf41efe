#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Baton {

/**
 * @brief The arguments a master was started with, read back from its title
 * ("nginx: master process /usr/sbin/nginx -p /srv/ -c conf/nginx.conf -g 'daemon on;'").
 *
 * nginx overwrites its argv with that title, joining the arguments with spaces, so a path
 * that itself contains spaces cannot be told apart; such a title is rejected.
 */
struct MasterArguments
{
    QString binary; ///< argv[0]
    QString prefix; ///< -p
    QString configFile; ///< -c
    QString globals; ///< -g
    QString errorLog; ///< -e

    static std::optional<MasterArguments> fromTitle(QStringView title);

    /** @brief The same -p/-c/-g/-e options, for running another binary exactly like this master. */
    QStringList options() const;

    bool operator==(const MasterArguments &) const = default;
};

/**
 * @brief The exact shell commands of each step of DESIGN.md §1. Every path and value goes
 * through shellQuote(); each command is one POSIX sh command line that fails (non-zero
 * exit, message on stderr) when its step did not happen.
 */
namespace UpgradeCommands {

/** @brief Copies @p binary to @p backup, keeping mode and times, and checks the copy. */
QString backup(const QString &binary, const QString &backup);

/**
 * @brief Puts @p source in place of @p binary atomically: a copy beside the target, then
 * one rename() (a plain cp over a running executable fails with "Text file busy").
 */
QString install(const QString &source, const QString &binary);

/** @brief Tests the configuration with @p binary and the master's exact arguments. */
QString testConfiguration(const QString &binary, const MasterArguments &arguments);

/** @brief Sends @p signal (USR2, WINCH, QUIT, HUP, TERM) to @p pid, if it is still the process
 * started at @p startTime (field 22 of /proc/PID/stat): never to a recycled pid. */
QString signal(const QString &signal, qint64 pid, quint64 startTime);

/** @brief Prints the number a pid file holds (nothing when missing). */
QString readPidFile(const QString &pidFile);

} // namespace UpgradeCommands
} // namespace Baton
