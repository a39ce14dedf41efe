#pragma once

#include "inventory.h"
#include "sshconnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

/**
 * @brief Runs shell commands on lab hosts as the inventory's user, for tests to set the
 * scene and look at the result (not through the code under test's own connection).
 */
namespace LabShell {

struct Result
{
    int status = -1; ///< -1: the command did not run or its end was not seen
    QString out; ///< stdout, trimmed
    QString err; ///< stderr trimmed, or the SSH layer's error
};

/** @brief The entry's SSH settings, without the user's ~/.ssh/config. */
inline Baton::SshHostConfig configOf(const Baton::HostEntry &entry)
{
    Baton::SshHostConfig config = entry.sshConfig();
    config.sshConfigFile = QStringLiteral("none");
    return config;
}

inline Result run(const Baton::HostEntry &entry, const QString &command)
{
    Result result;
    Baton::SshConnection connection(configOf(entry));
    Baton::SshError error;
    if (!connection.open(&error)) {
        result.err = error.message;
        return result;
    }
    QByteArray out, err;
    Baton::ExecCallbacks callbacks;
    callbacks.stdoutData = [&out](const QByteArray &chunk) { out += chunk; };
    callbacks.stderrData = [&err](const QByteArray &chunk) { err += chunk; };
    const Baton::ExecResult exec = connection.exec({command, {}, 60000}, callbacks);
    result.status = exec.exitStatus.value_or(-1);
    result.out = QString::fromUtf8(out).trimmed();
    result.err = exec.error ? exec.error.message : QString::fromUtf8(err).trimmed();
    return result;
}

/** @brief stdout of @p command; its exit status in @p status when given. */
inline QString sh(const Baton::HostEntry &entry, const QString &command, int *status = nullptr)
{
    const Result result = run(entry, command);
    if (status) {
        *status = result.status;
    }
    return result.out;
}

/** @brief How a batonctl run ended. */
struct BatonctlRun
{
    int exitCode = -1; ///< -1: it did not finish in time (and was killed)
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

/** @brief Runs the batonctl under test (BATONCTL_PATH) to its end. */
inline BatonctlRun batonctl(const QStringList &arguments, int timeoutMs = 600000)
{
    QProcess process;
    process.start(QStringLiteral(BATONCTL_PATH), arguments);
    BatonctlRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace LabShell
