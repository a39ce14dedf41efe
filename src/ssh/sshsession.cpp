#include "sshsession.h"

#include "sshsessionworker.h"

#include <QThread>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace Baton {

SshSession::SshSession(const SshHostConfig &config, SshPrompter *prompter, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_thread(new QThread(this))
    , m_worker(new SshSessionWorker(config, prompter))
{
    m_thread->setObjectName(QStringLiteral("ssh ") + config.displayName());
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // SSH work yields to the user interface: a slightly lower priority (nice 5) for this
    // thread only. Emitted in the new thread, so the direct connection runs there.
    connect(
        m_thread,
        &QThread::started,
        m_thread,
        [] { setpriority(PRIO_PROCESS, pid_t(syscall(SYS_gettid)), 5); },
        Qt::DirectConnection);
    connect(m_worker, &SshSessionWorker::stateChanged, this, &SshSession::setState);
    connect(m_worker, &SshSessionWorker::standardOutput, this, &SshSession::standardOutput);
    connect(m_worker, &SshSessionWorker::standardError, this, &SshSession::standardError);
    connect(m_worker, &SshSessionWorker::finished, this, &SshSession::finished);
    m_thread->start();
}

SshSession::~SshSession()
{
    // Stop what runs now, drop what waits, and let the worker close its connection.
    m_worker->stop();
    QMetaObject::invokeMethod(m_worker, &SshSessionWorker::close, Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void SshSession::open()
{
    QMetaObject::invokeMethod(m_worker, &SshSessionWorker::open, Qt::QueuedConnection);
}

quint64 SshSession::run(const ExecRequest &request)
{
    const quint64 id = m_nextId++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, request] { worker->run(id, request); }, Qt::QueuedConnection);
    return id;
}

void SshSession::cancel(quint64 id)
{
    m_worker->cancel(id);
}

void SshSession::close()
{
    QMetaObject::invokeMethod(m_worker, &SshSessionWorker::close, Qt::QueuedConnection);
}

void SshSession::setState(State state, const SshError &error)
{
    if (m_state == state && !error) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state, error);
}

} // namespace Baton
