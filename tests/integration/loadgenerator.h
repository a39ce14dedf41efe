#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

/**
 * @brief HTTP/1.1 load on one loopback port from a few threads, bounded in time, that tells
 * apart the failures that matter during a binary upgrade.
 *
 * With keep-alive, a request sent on an idle connection can cross nginx closing that
 * connection on WINCH or QUIT: the connection ends before any byte of a response. Clients
 * retry those (the request was never processed); they are counted as idle-close races. Every
 * other failure (a refused or failed connect, a reset or cut during a response, a status
 * other than 200) is a real failure.
 */
class LoadGenerator
{
public:
    struct Result
    {
        qint64 requests = 0; ///< answered with 200
        qint64 connections = 0; ///< opened
        qint64 idleCloseRaces = 0;
        qint64 failures = 0; ///< real failures
        QStringList samples; ///< what the first real failures were
    };

    LoadGenerator(int port, int threads, bool keepAlive, int maxSeconds);
    ~LoadGenerator();

    void start();
    /** @brief Stops the threads and returns the totals. */
    Result stop();

private:
    void run();
    void fail(const QString &what);

    int m_port;
    int m_threads;
    bool m_keepAlive;
    int m_maxSeconds;
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    Result m_result;
};

/**
 * @brief wrk opening a new connection per request (`Connection: close`) at full speed for a
 * fixed time: the load under which not one request may fail during an upgrade.
 */
class WrkLoad
{
public:
    /** @brief Empty when wrk is there, else why the test cannot run. */
    static QString missing();

    bool start(int port, int seconds, int threads, int connections);
    /**
     * @brief Waits for wrk to end; returns the number of requests answered, or -1 with
     * @p problem set when any request failed (socket errors, non-2xx) or wrk did not report.
     */
    qint64 finish(QString *problem);

private:
    QProcess m_process;
    int m_seconds = 0;
};
