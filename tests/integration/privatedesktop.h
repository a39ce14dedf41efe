#pragma once

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>
#include <vector>

/**
 * @brief A desktop session of a test's own: HOME and the XDG directories in a temporary
 * directory, a private D-Bus session bus, and the daemons a test starts on it.
 *
 * The bus reads a configuration without service directories, so nothing is started behind
 * the test's back by D-Bus activation: every process comes from start(), and stop() (also
 * run by the destructor, so after a failed check too) ends each by its PID.
 *
 * Call useAsSessionEnvironment() before anything touches QDBusConnection::sessionBus() (or
 * libsecret): both read DBUS_SESSION_BUS_ADDRESS once.
 */
class PrivateDesktop
{
public:
    PrivateDesktop() = default;
    ~PrivateDesktop() { stop(); }
    Q_DISABLE_COPY_MOVE(PrivateDesktop)

    QString home() const { return m_home.path(); }
    QString busAddress() const { return m_busAddress; }

    /** @brief HOME, XDG_* (and DBUS_SESSION_BUS_ADDRESS once the bus runs) for this process. */
    void useAsSessionEnvironment() const
    {
        qputenv("HOME", QFile::encodeName(home()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(home() + QStringLiteral("/.config")));
        qputenv("XDG_DATA_HOME", QFile::encodeName(home() + QStringLiteral("/.local/share")));
        qputenv("XDG_CACHE_HOME", QFile::encodeName(home() + QStringLiteral("/.cache")));
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtimeDirectory()));
        qunsetenv("WAYLAND_DISPLAY");
        qunsetenv("DISPLAY");
        if (m_busAddress.isEmpty()) {
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
        } else {
            qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress.toUtf8());
        }
    }

    QString runtimeDirectory() const
    {
        const QString path = home() + QStringLiteral("/run");
        QDir().mkpath(path);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

    /** @brief Starts dbus-daemon on a socket in home(); the address, or empty on failure. */
    QString startBus()
    {
        const QString config = home() + QStringLiteral("/session.conf");
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)) {
            return {};
        }
        file.write(QStringLiteral(R"(<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=%1/bus</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
)")
                       .arg(runtimeDirectory())
                       .toUtf8());
        file.close();
        QProcess *bus = start(
            QStringLiteral("dbus-daemon"),
            {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"), QStringLiteral("--print-address")});
        m_busAddress = QString::fromUtf8(readLine(bus)).trimmed();
        return m_busAddress;
    }

    /** @brief Starts @p program with this session's environment (plus @p extra), writes
     * @p input to its stdin and closes it. Null if it could not start. */
    QProcess *start(const QString &program,
                    const QStringList &arguments,
                    const QByteArray &input = {},
                    const QProcessEnvironment &extra = {})
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment(extra));
        process->start(program, arguments);
        if (!process->waitForStarted(10000)) {
            qWarning() << program << "did not start:" << process->errorString();
            return nullptr;
        }
        if (!input.isEmpty()) {
            process->write(input);
        }
        process->closeWriteChannel();
        m_processes.push_back(std::move(process));
        return m_processes.back().get();
    }

    /** @brief The environment of this session's processes. */
    QProcessEnvironment environment(const QProcessEnvironment &extra = {}) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home() + QStringLiteral("/.config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home() + QStringLiteral("/.local/share"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home() + QStringLiteral("/.cache"));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDirectory());
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        if (!m_busAddress.isEmpty()) {
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
        }
        const QStringList keys = extra.keys();
        for (const QString &key : keys) {
            env.insert(key, extra.value(key));
        }
        return env;
    }

    /** @brief The first line @p process prints, waiting up to 10 s; empty if none. */
    static QByteArray readLine(QProcess *process)
    {
        if (!process) {
            return {};
        }
        QDeadlineTimer deadline(10000);
        while (!process->canReadLine() && process->state() == QProcess::Running && !deadline.hasExpired()) {
            process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())));
        }
        return process->canReadLine() ? process->readLine() : QByteArray();
    }

    /** @brief Ends every process started here, newest first, by its PID. */
    void stop()
    {
        while (!m_processes.empty()) {
            std::unique_ptr<QProcess> process = std::move(m_processes.back());
            m_processes.pop_back();
            if (process->state() == QProcess::NotRunning) {
                continue;
            }
            process->terminate(); // SIGTERM to its PID
            if (!process->waitForFinished(5000)) {
                process->kill(); // SIGKILL to its PID
                process->waitForFinished(5000);
            }
        }
    }

private:
    QTemporaryDir m_home;
    QString m_busAddress;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};
