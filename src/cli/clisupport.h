#pragma once

#include "inventory.h"
#include "sshprompter.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>

#include <optional>

#include <mutex>

namespace Baton {

/** @brief Prints a line on stdout (or stderr), whole: hosts run in parallel threads. */
void printLine(const QString &text, bool toStderr = false);

/**
 * @brief Answers the SSH layer's questions on a terminal: never trusts an unknown host key
 * (that is the GUI's or ssh's job), reads passwords without echo, or the sudo password from
 * a file.
 */
class CliPrompter : public SshPrompter
{
public:
    QString sudoPasswordFile;

    bool approveHostKey(const HostKeyInfo &key) override;
    std::optional<QByteArray> passphrase(const QString &keyFile) override;
    std::optional<QByteArray> password(const QString &displayName, int attempt) override;
    std::optional<QByteArray> sudoPassword(const QString &displayName, int attempt) override;

private:
    std::mutex m_mutex; // one question at a time on the terminal

    std::optional<QByteArray> ask(const QString &prompt);
};

/**
 * @brief The options of every batonctl command that drives hosts, --inventory, --hosts and
 * --host, and the inventory and hosts they name.
 */
class HostSelection
{
    Q_DECLARE_TR_FUNCTIONS(HostSelection)

public:
    HostSelection();

    QList<QCommandLineOption> options() const { return {m_inventory, m_hosts, m_host}; }

    /**
     * @brief Loads the inventory and checks the hosts named are in it; nullopt with @p error
     * (for the user) when not.
     */
    std::optional<Inventory> resolve(const QCommandLineParser &parser, QString *error);

    /** @brief Whether @p host was picked (all are when none was named). */
    bool picks(const QString &host) const { return m_wanted.isEmpty() || m_wanted.contains(host); }

private:
    QCommandLineOption m_inventory;
    QCommandLineOption m_hosts;
    QCommandLineOption m_host;
    QStringList m_wanted;
};

} // namespace Baton
