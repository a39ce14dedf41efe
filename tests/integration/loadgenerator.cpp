#include "loadgenerator.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QStandardPaths>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

LoadGenerator::LoadGenerator(int port, int threads, bool keepAlive, int maxSeconds)
    : m_port(port)
    , m_threads(threads)
    , m_keepAlive(keepAlive)
    , m_maxSeconds(maxSeconds)
{
}

LoadGenerator::~LoadGenerator()
{
    stop();
}

void LoadGenerator::start()
{
    for (int i = 0; i < m_threads; ++i) {
        m_workers.emplace_back([this] { run(); });
    }
}

LoadGenerator::Result LoadGenerator::stop()
{
    m_stop = true;
    for (std::thread &worker : m_workers) {
        if (worker.joinable()) {
            worker.join();
        }
    }
    m_workers.clear();
    const std::lock_guard lock(m_mutex);
    return m_result;
}

void LoadGenerator::fail(const QString &what)
{
    const std::lock_guard lock(m_mutex);
    ++m_result.failures;
    if (m_result.samples.size() < 10) {
        m_result.samples.append(what);
    }
}

void LoadGenerator::run()
{
    QElapsedTimer timer;
    timer.start();
    int fd = -1;
    int served = 0; // responses on the current connection
    qint64 requests = 0, connections = 0, races = 0;
    const QByteArray request = m_keepAlive ? QByteArray("GET / HTTP/1.1\r\nHost: lab\r\n\r\n")
                                           : QByteArray("GET / HTTP/1.1\r\nHost: lab\r\nConnection: close\r\n\r\n");
    const auto closeConnection = [&fd, &served] {
        if (fd >= 0) {
            ::close(fd);
        }
        fd = -1;
        served = 0;
    };
    while (!m_stop && timer.elapsed() < qint64(m_maxSeconds) * 1000) {
        if (fd < 0) {
            fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
            timeval timeout{5, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
            ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(quint16(m_port));
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
                fail(QStringLiteral("connect: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
                closeConnection();
                continue;
            }
            ++connections;
        }
        if (::send(fd, request.constData(), size_t(request.size()), MSG_NOSIGNAL) != request.size()) {
            // a write into a connection the server already closed: nothing was processed
            if (served > 0) {
                ++races;
            } else {
                fail(QStringLiteral("send on a new connection: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
            }
            closeConnection();
            continue;
        }
        // Read one response: headers, then Content-Length bytes of body.
        QByteArray data;
        qsizetype headerEnd = -1;
        qint64 bodyLength = -1;
        bool ok = false;
        char buffer[16384];
        for (;;) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                const QString why = n == 0 ? QStringLiteral("closed") : QString::fromLocal8Bit(std::strerror(errno));
                if (data.isEmpty() && served > 0) {
                    ++races; // closed while idle, before any byte of a response
                } else {
                    fail(QStringLiteral("%1 after %2 bytes of a response (request %3 on its connection)")
                             .arg(why)
                             .arg(data.size())
                             .arg(served + 1));
                }
                break;
            }
            data.append(buffer, n);
            if (headerEnd < 0) {
                headerEnd = data.indexOf("\r\n\r\n");
                if (headerEnd >= 0) {
                    const QByteArray headers = data.left(headerEnd).toLower();
                    const qsizetype at = headers.indexOf("content-length:");
                    bodyLength =
                        at < 0 ? 0 : headers.mid(at + 15, headers.indexOf('\r', at) - at - 15).trimmed().toLongLong();
                }
            }
            if (headerEnd >= 0 && data.size() >= headerEnd + 4 + bodyLength) {
                ok = true;
                break;
            }
        }
        if (!ok) {
            closeConnection();
            continue;
        }
        if (!data.startsWith("HTTP/1.1 200")) {
            fail(QStringLiteral("status: %1").arg(QString::fromLatin1(data.left(data.indexOf('\r')))));
        } else {
            ++requests;
        }
        ++served;
        if (!m_keepAlive || data.left(headerEnd).toLower().contains("connection: close")) {
            closeConnection();
        }
    }
    closeConnection();
    const std::lock_guard lock(m_mutex);
    m_result.requests += requests;
    m_result.connections += connections;
    m_result.idleCloseRaces += races;
}

QString WrkLoad::missing()
{
    return QStandardPaths::findExecutable(QStringLiteral("wrk")).isEmpty()
        ? QStringLiteral("wrk is not installed (installer/packages.txt installs it)")
        : QString();
}

bool WrkLoad::start(int port, int seconds, int threads, int connections)
{
    m_seconds = seconds;
    m_process.start(QStandardPaths::findExecutable(QStringLiteral("wrk")),
                    {QStringLiteral("-t%1").arg(threads),
                     QStringLiteral("-c%1").arg(connections),
                     QStringLiteral("-d%1s").arg(seconds),
                     QStringLiteral("-H"),
                     QStringLiteral("Connection: close"),
                     QStringLiteral("http://127.0.0.1:%1/").arg(port)});
    return m_process.waitForStarted();
}

qint64 WrkLoad::finish(QString *problem)
{
    if (!m_process.waitForFinished((m_seconds + 30) * 1000)) {
        m_process.kill();
        m_process.waitForFinished();
        *problem = QStringLiteral("wrk did not end");
        return -1;
    }
    const QString summary = QString::fromUtf8(m_process.readAllStandardOutput());
    const auto requests = QRegularExpression(QStringLiteral("(\\d+) requests in")).match(summary);
    if (!requests.hasMatch() || summary.contains(QStringLiteral("Socket errors")) ||
        summary.contains(QStringLiteral("Non-2xx"))) {
        *problem = summary;
        return -1;
    }
    return requests.captured(1).toLongLong();
}
