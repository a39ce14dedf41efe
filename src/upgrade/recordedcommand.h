#pragma once

#include "sshexec.h"

#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

namespace Baton {

class RemoteHost;
class Transcript;

/** @brief What a command on a host printed, and how it ended. */
struct CommandOutput
{
    Q_DECLARE_TR_FUNCTIONS(CommandOutput)

public:
    ExecResult result;
    QString out;
    QString err;

    bool ok() const { return result.succeeded(); }
    /** @brief Why it failed, for the user: the SSH error, else stderr, else stdout, else the exit status. */
    QString why() const;
};

/** @brief The connection broke under the command (rather than the command failing). */
bool connectionBroke(const ExecResult &result);

/** @brief Where a recordedCommand() goes in the transcript, and how it is retried. */
struct CommandRecord
{
    QString host;
    QString step; ///< "probe", "stage", "build", ...
    bool record = true; ///< in the transcript (probes are not)
    bool retry = true; ///< a query: run once more on a new connection if the connection broke
};

/**
 * @brief Runs @p request on @p remote, the one way the engines run a command: recorded in
 * @p transcript (when set), and, for a query whose connection broke, run once more on a new
 * connection (SshRemoteHost reconnects) unless @p cancelled, with a note of the broken
 * attempt. State-changing commands are not retried: they are started detached and waited
 * for (UpgradeCommands::runStep(), BuildCommands::start()). @p onStdout: stdout goes there as
 * it arrives, not into CommandOutput::out.
 */
CommandOutput recordedCommand(RemoteHost *remote,
                              Transcript *transcript,
                              const ExecRequest &request,
                              const CommandRecord &record,
                              const std::atomic<bool> &cancelled,
                              const std::function<void(const QByteArray &)> &onStdout = {});

} // namespace Baton
