#pragma once

#include "hostupgrade.h"
#include "labshell.h"
#include "remotehost.h"
#include "transcript.h"

#include <memory>

/**
 * @brief The upgrade engine on one lab host, as the tests drive it: its own SSH connection,
 * a transcript in @p transcriptDirectory, the progress lines it printed, and the host's
 * staged nginx 1.26 as the target unless the settings name one.
 */
struct LabEngine
{
    std::unique_ptr<Baton::SshRemoteHost> remote;
    std::unique_ptr<Baton::Transcript> transcript;
    std::unique_ptr<Baton::HostUpgrade> upgrade;
    QStringList progress;

    static std::unique_ptr<LabEngine>
    make(const Baton::HostEntry &entry, Baton::UpgradeSettings settings, const QString &transcriptDirectory)
    {
        auto result = std::make_unique<LabEngine>();
        result->remote = std::make_unique<Baton::SshRemoteHost>(LabShell::configOf(entry));
        result->transcript = std::make_unique<Baton::Transcript>(transcriptDirectory);
        if (settings.remoteTarget.isEmpty() && settings.localTarget.isEmpty()) {
            settings.remoteTarget = entry.nginx.targetBinary;
        }
        settings.pollIntervalMs = 50;
        result->upgrade =
            std::make_unique<Baton::HostUpgrade>(entry, result->remote.get(), result->transcript.get(), settings);
        LabEngine *raw = result.get();
        result->upgrade->onProgress = [raw](const QString &line) { raw->progress.append(line); };
        return result;
    }
};
