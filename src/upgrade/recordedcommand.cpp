#include "recordedcommand.h"

#include "remotehost.h"
#include "transcript.h"

#include <QDateTime>

namespace Baton {

QString CommandOutput::why() const
{
    if (result.error) {
        return result.error.message;
    }
    const QString text = err.trimmed().isEmpty() ? out.trimmed() : err.trimmed();
    return text.isEmpty() ? tr("exit status %1").arg(result.exitStatus.value_or(-1)) : text;
}

bool connectionBroke(const ExecResult &result)
{
    return result.error.code == SshError::Code::Disconnected || result.error.code == SshError::Code::ChannelFailed ||
        result.error.code == SshError::Code::ConnectFailed;
}

CommandOutput recordedCommand(RemoteHost *remote,
                              Transcript *transcript,
                              const ExecRequest &request,
                              const CommandRecord &record,
                              const std::atomic<bool> &cancelled,
                              const std::function<void(const QByteArray &)> &onStdout)
{
    CommandOutput output;
    QByteArray out, err;
    ExecCallbacks callbacks;
    callbacks.stdoutData = [&out, &onStdout](const QByteArray &chunk) {
        if (onStdout) {
            onStdout(chunk);
        } else {
            out += chunk;
        }
    };
    callbacks.stderrData = [&err](const QByteArray &chunk) { err += chunk; };
    TranscriptEntry entry;
    entry.time = QDateTime::currentDateTimeUtc();
    entry.host = record.host;
    entry.step = record.step;
    entry.command = request.command;
    output.result = remote->run(request, callbacks);
    if (record.retry && connectionBroke(output.result) && !cancelled) {
        if (transcript) { // also for probes: a broken link is worth a line
            TranscriptEntry failed = entry;
            failed.durationMs = output.result.durationMs;
            failed.error = output.result.error.message;
            failed.note = CommandOutput::tr("the connection broke; running it again on a new one");
            transcript->record(failed);
        }
        out.clear();
        err.clear();
        entry.time = QDateTime::currentDateTimeUtc();
        output.result = remote->run(request, callbacks);
    }
    output.out = QString::fromUtf8(out);
    output.err = QString::fromUtf8(err);
    if (transcript && record.record) {
        entry.exitStatus = output.result.error ? std::nullopt : output.result.exitStatus;
        entry.durationMs = output.result.durationMs;
        entry.output = output.out;
        entry.errorOutput = output.err;
        entry.error = output.result.error.message;
        transcript->record(entry);
    }
    return output;
}

} // namespace Baton
