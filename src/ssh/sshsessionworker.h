#pragma once

#include "sshconnection.h"
#include "sshsession.h"

#include <QMutex>
#include <QObject>
#include <QSet>

namespace Baton {

/**
 * @brief The part of an SshSession that lives on the session's thread and owns its
 * SshConnection. Internal to the SSH layer.
 */
class SshSessionWorker : public QObject
{
    Q_OBJECT

public:
    SshSessionWorker(const SshHostConfig &config, SshPrompter *prompter);

    /** @brief Thread-safe: cancels @p id whether it runs now or waits in the queue. */
    void cancel(quint64 id);

    /** @brief Thread-safe: cancels the running command and every queued one. */
    void stop();

public Q_SLOTS:
    void open();
    void run(quint64 id, const Baton::ExecRequest &request);
    void close();

Q_SIGNALS:
    void stateChanged(Baton::SshSession::State state, const Baton::SshError &error);
    void standardOutput(quint64 id, const QByteArray &data);
    void standardError(quint64 id, const QByteArray &data);
    void finished(quint64 id, const Baton::ExecResult &result);

private:
    bool ensureOpen(SshError *error);

    SshConnection m_connection;
    std::atomic<quint64> m_running{0};
    std::atomic<bool> m_stopping{false};
    QMutex m_mutex;
    QSet<quint64> m_cancelled; // guarded by m_mutex
};

} // namespace Baton
