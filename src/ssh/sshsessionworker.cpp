#include "sshsessionworker.h"

#include <QSemaphore>

namespace Baton {

namespace {
// Handshakes are CPU-bound (key exchange): a fleet connecting at once takes them a few at
// a time, which keeps the machine, and so the GUI thread, responsive.
QSemaphore s_handshakeSlots(16);
} // namespace

SshSessionWorker::SshSessionWorker(const SshHostConfig &config, SshPrompter *prompter)
    : m_connection(config, prompter)
{
}

void SshSessionWorker::cancel(quint64 id)
{
    {
        QMutexLocker locker(&m_mutex);
        m_cancelled.insert(id);
    }
    if (m_running == id) {
        m_connection.cancel();
    }
}

void SshSessionWorker::stop()
{
    m_stopping = true;
    m_connection.cancel();
}

bool SshSessionWorker::ensureOpen(SshError *error)
{
    if (m_connection.isOpen()) {
        return true;
    }
    Q_EMIT stateChanged(SshSession::State::Connecting, {});
    while (!s_handshakeSlots.tryAcquire(1, 100)) {
        if (m_stopping) {
            *error = SshError::make(SshError::Code::Cancelled, SshConnection::tr("The connection was cancelled."));
            Q_EMIT stateChanged(SshSession::State::Failed, *error);
            return false;
        }
    }
    const bool opened = m_connection.open(error);
    s_handshakeSlots.release();
    if (!opened) {
        Q_EMIT stateChanged(SshSession::State::Failed, *error);
        return false;
    }
    Q_EMIT stateChanged(SshSession::State::Connected, {});
    return true;
}

void SshSessionWorker::open()
{
    SshError error;
    ensureOpen(&error);
}

void SshSessionWorker::run(quint64 id, const ExecRequest &request)
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_cancelled.remove(id) || m_stopping) {
            ExecResult result;
            result.error = SshError::make(SshError::Code::Cancelled, SshConnection::tr("The command was cancelled."));
            Q_EMIT finished(id, result);
            return;
        }
    }
    ExecResult result;
    if (!ensureOpen(&result.error)) {
        Q_EMIT finished(id, result);
        return;
    }
    ExecCallbacks callbacks;
    callbacks.stdoutData = [this, id](const QByteArray &data) { Q_EMIT standardOutput(id, data); };
    callbacks.stderrData = [this, id](const QByteArray &data) { Q_EMIT standardError(id, data); };
    m_running = id;
    {
        // cancel() may have come between the check above and m_running being set
        QMutexLocker locker(&m_mutex);
        if (m_cancelled.contains(id) || m_stopping) {
            m_connection.cancel();
        }
    }
    result =
        request.persistentShell ? m_connection.execInShell(request, callbacks) : m_connection.exec(request, callbacks);
    m_running = 0;
    {
        QMutexLocker locker(&m_mutex);
        m_cancelled.remove(id);
    }
    if (!m_connection.isOpen()) {
        Q_EMIT stateChanged(SshSession::State::Disconnected, result.error);
    }
    Q_EMIT finished(id, result);
}

void SshSessionWorker::close()
{
    if (m_connection.isOpen()) {
        m_connection.close();
        Q_EMIT stateChanged(SshSession::State::Disconnected, {});
    }
}

} // namespace Baton
