#pragma once

#include <QString>

namespace Baton {

/** @brief What went wrong in the SSH layer, with a sentence a user can act on. */
struct SshError
{
    enum class Code {
        None,
        InvalidSettings, ///< the host's settings cannot work (no address, bad config file, ...)
        ConnectFailed, ///< TCP connection or SSH handshake failed
        HostKeyUnknown, ///< not in known_hosts and not approved
        HostKeyChanged, ///< known_hosts holds another key for this host: refused
        HostKeyError, ///< known_hosts could not be read or written
        AuthenticationFailed,
        ChannelFailed, ///< a session channel could not be opened or the command not started
        Timeout,
        Cancelled,
        Disconnected, ///< the connection broke or the peer stopped answering
    };

    Code code = Code::None;
    QString message;

    explicit operator bool() const { return code != Code::None; }

    static SshError make(Code code, const QString &message) { return SshError{code, message}; }
};

} // namespace Baton
