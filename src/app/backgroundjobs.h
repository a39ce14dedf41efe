#pragma once

#include <QObject>
#include <QThread>

#include <functional>
#include <vector>

namespace Baton {

/**
 * @brief Runs blocking engine work (SSH, HostUpgrade, Rollout) off the GUI thread, one
 * QThread per job. The work reports back with QMetaObject::invokeMethod(context, ...,
 * Qt::QueuedConnection); the destructor cancels through @p onShutdown and waits, so no job
 * outlives the object that started it.
 */
class BackgroundJobs
{
public:
    BackgroundJobs() = default;
    BackgroundJobs(const BackgroundJobs &) = delete;
    BackgroundJobs &operator=(const BackgroundJobs &) = delete;
    ~BackgroundJobs() { shutdown(); }

    std::function<void()> onShutdown;

    void start(std::function<void()> work)
    {
        prune();
        QThread *thread = QThread::create(std::move(work));
        m_threads.push_back(thread);
        thread->start();
    }

    int running()
    {
        prune();
        return int(m_threads.size());
    }

    void shutdown()
    {
        if (!m_threads.empty() && onShutdown) {
            onShutdown();
        }
        for (QThread *thread : m_threads) {
            thread->wait();
            delete thread;
        }
        m_threads.clear();
    }

private:
    void prune()
    {
        std::erase_if(m_threads, [](QThread *thread) {
            if (!thread->isFinished()) {
                return false;
            }
            thread->wait();
            delete thread;
            return true;
        });
    }

    std::vector<QThread *> m_threads;
};

} // namespace Baton
