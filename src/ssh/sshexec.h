#pragma once

#include "ssherror.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <optional>

namespace Baton {

/** @brief One command to run on a host, without a PTY. */
struct ExecRequest
{
    QString command; ///< a shell command line; quote every value with shellQuote()
    QByteArray input; ///< written to the command's stdin, then EOF
    int timeoutMs = 0; ///< 0: no limit for the command itself
    /**
     * Run as root through `sudo -S -p <random prompt>`. The password is asked from the
     * SshPrompter only when that exact prompt appears on stderr, written to stdin then, and
     * never shown: NOPASSWD rules get no password bytes at all. `input` reaches the
     * command only once sudo has let it run.
     */
    bool sudo = false;
    /** SshSession: run it in the connection's persistent shell (SshConnection::execInShell()),
     * at the cost of a fork on the host rather than a channel and a login shell. */
    bool persistentShell = false;
};

/** @brief Receives output as it arrives, on the session's thread. */
struct ExecCallbacks
{
    std::function<void(const QByteArray &)> stdoutData;
    std::function<void(const QByteArray &)> stderrData;
};

/** @brief How a command ended. No exit status means "unknown", never success. */
struct ExecResult
{
    std::optional<int> exitStatus;
    QString exitSignal; ///< e.g. "KILL" when the command died by a signal
    bool coreDumped = false;
    SshError error; ///< set when the command could not run or its end was not seen
    qint64 durationMs = 0;

    bool succeeded() const { return !error && exitStatus == 0; }
};

} // namespace Baton
