#pragma once

#include "sshprompter.h"

#include <QString>

#include <mutex>

namespace Baton {

/** @brief Prints a line on stdout (or stderr), whole: hosts run in parallel threads. */
void printLine(const QString &text, bool toStderr = false);

/**
 * @brief Answers the SSH layer's questions on a terminal: never trusts an unknown host key
 * (that is the GUI's or ssh's job), reads passwords without echo, or the sudo password from
 * a file.
 */
class CliPrompter : public SshPrompter
{
public:
    QString sudoPasswordFile;

    bool approveHostKey(const HostKeyInfo &key) override;
    std::optional<QByteArray> passphrase(const QString &keyFile) override;
    std::optional<QByteArray> password(const QString &displayName, int attempt) override;
    std::optional<QByteArray> sudoPassword(const QString &displayName, int attempt) override;

private:
    std::mutex m_mutex; // one question at a time on the terminal

    std::optional<QByteArray> ask(const QString &prompt);
};

} // namespace Baton
