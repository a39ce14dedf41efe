#pragma once

#include "ssherror.h"
#include "sshexec.h"
#include "sshhostconfig.h"

#include <QObject>

#include <atomic>
#include <memory>

class QThread;

namespace Baton {

class SshPrompter;
class SshSessionWorker;

/**
 * @brief One host's SSH session, on a worker thread of its own.
 *
 * Every call returns at once; the work runs on the session's thread (a libssh session is
 * never shared between threads) and its results arrive as queued signals, in the thread
 * that owns this object. Commands run one after another in the order given; a session
 * that is not open, or whose connection broke, (re)connects when the next command comes.
 */
class SshSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected,
        Connecting,
        Connected,
        Failed, ///< the last attempt to connect failed; the next command tries again
    };
    Q_ENUM(State)

    /** @p prompter, if any, must outlive the session and is called on its thread. */
    explicit SshSession(const SshHostConfig &config, SshPrompter *prompter = nullptr, QObject *parent = nullptr);
    ~SshSession() override;

    State state() const { return m_state; }
    const SshHostConfig &config() const { return m_config; }

    /** @brief Connects now (otherwise the first command connects). */
    void open();

    /** @brief Queues @p request; returns its id, used by the signals below. */
    quint64 run(const ExecRequest &request);

    /** @brief Cancels command @p id if it is running or still queued. */
    void cancel(quint64 id);

    /** @brief Disconnects after the commands already queued. */
    void close();

Q_SIGNALS:
    void stateChanged(Baton::SshSession::State state, const Baton::SshError &error);
    void standardOutput(quint64 id, const QByteArray &data);
    void standardError(quint64 id, const QByteArray &data);
    void finished(quint64 id, const Baton::ExecResult &result);

private:
    void setState(State state, const SshError &error);

    SshHostConfig m_config;
    QThread *m_thread = nullptr;
    SshSessionWorker *m_worker = nullptr;
    State m_state = State::Disconnected;
    quint64 m_nextId = 1;
};

} // namespace Baton
