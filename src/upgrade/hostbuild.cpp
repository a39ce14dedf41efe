#include "hostbuild.h"

#include "buildcommands.h"
#include "buildrequirements.h"
#include "recordedcommand.h"
#include "remotehost.h"
#include "shellquote.h"
#include "transcript.h"
#include "upgradecommands.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <mutex>

namespace Baton {

namespace B = BuildCommands;

namespace {

// The NAME of "--NAME=VALUE" or "--NAME"
QStringView argumentName(QStringView argument)
{
    const qsizetype equals = argument.indexOf(u'=');
    return equals < 0 ? argument : argument.left(equals);
}

QString sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

// The lines that say why a build failed: the compiler's and configure's errors and make's
// "***" lines among the last ones, else the last lines
QStringList errorLines(const QStringList &tail)
{
    static const QRegularExpression error(QStringLiteral("(\\berror\\b|\\*\\*\\*|not found|No such file)"),
                                          QRegularExpression::CaseInsensitiveOption);
    QStringList found;
    for (const QString &line : tail) {
        if (error.match(line).hasMatch()) {
            found.append(line);
        }
    }
    const QStringList &pick = found.isEmpty() ? tail : found;
    return pick.mid(std::max<qsizetype>(0, pick.size() - 12));
}

} // namespace

struct HostBuild::Private
{
    HostEntry host;
    RemoteHost *remote = nullptr;
    Transcript *transcript = nullptr;
    BuildSettings settings;
    HostBuild *q = nullptr;
    std::atomic<bool> cancelled{false};
    QString work; ///< absolute, once prepared
    std::optional<QStringList> arguments; ///< once known
    QString sourceSha; ///< of a local source, once computed

    using Output = CommandOutput;

    void progress(const QString &line) const
    {
        if (q->onProgress) {
            q->onProgress(line);
        }
    }

    // Runs a command as the login user (builds need no root), recorded in the transcript; a
    // query is run again if its connection broke. The build itself runs detached and is
    // followed (follow() streams through @p onStdout), never started twice.
    Output exec(const QString &command,
                int timeoutSeconds,
                const QByteArray &input = {},
                const std::function<void(const QByteArray &)> &onStdout = {})
    {
        return recordedCommand(remote,
                               transcript,
                               {command, input, timeoutSeconds * 1000, false},
                               {host.name, QStringLiteral("build"), true, !onStdout},
                               cancelled,
                               onStdout);
    }

    QString sourceIdentity()
    {
        if (!settings.remoteSource.isEmpty()) {
            return settings.remoteSource;
        }
        if (sourceSha.isEmpty()) {
            sourceSha = sha256OfFile(settings.localSource);
        }
        return sourceSha;
    }

    // The work directory, made on the host, and the state of a build there
    std::optional<B::WorkState> prepare(QString *error)
    {
        QString why;
        const std::optional<QStringList> args = q->configureArguments(&why);
        if (!args) {
            *error = why;
            return std::nullopt;
        }
        const QString identity = sourceIdentity();
        if (identity.isEmpty()) {
            *error = HostBuild::tr("cannot read %1").arg(settings.localSource);
            return std::nullopt;
        }
        // the host's name too: where home directories are shared (NFS), each host builds in its own
        const Output output = exec(B::prepare(settings.workRoot, workId(host.name + u'\n' + identity, *args)), 60);
        if (!output.ok()) {
            *error = HostBuild::tr("cannot make the work directory on %1: %2").arg(host.name, output.why());
            return std::nullopt;
        }
        B::WorkState state = B::WorkState::parse(output.out);
        work = state.directory;
        return state;
    }

    // Puts the source in WORK/src: uploaded first when it is on this machine
    bool unpack(QString *version, QString *error)
    {
        QString source = settings.remoteSource;
        bool directory = false;
        if (source.isEmpty()) {
            const QFileInfo local(settings.localSource);
            source = work + QStringLiteral("/") + local.fileName();
            progress(HostBuild::tr("uploading %1 (%2 kB) to %3")
                         .arg(local.fileName())
                         .arg(local.size() / 1024)
                         .arg(host.name));
            SshError uploadError;
            if (!remote->upload(settings.localSource, source, {}, &uploadError)) {
                *error = HostBuild::tr("the upload of %1 failed: %2").arg(settings.localSource, uploadError.message);
                return false;
            }
        } else {
            const Output kind = exec(QStringLiteral("[ -d %1 ]").arg(B::pathWord(source)), 30);
            directory = kind.result.exitStatus == 0;
        }
        progress(HostBuild::tr("unpacking %1 in %2").arg(source, work));
        const Output output = exec(B::unpack(work, source, directory), 600);
        if (!output.ok()) {
            *error = HostBuild::tr("cannot unpack the source: %1").arg(output.why());
            return false;
        }
        *version = output.out.trimmed();
        return true;
    }

    // Follows the build's log until it ends; a broken link is followed by a new connection
    // that goes on from the last byte seen. Returns the build's exit status, or nullopt.
    std::optional<int> follow(QStringList *tail, QString *error)
    {
        qint64 offset = 0;
        QByteArray pending; // an incomplete last line
        const auto take = [&](const QByteArray &chunk) {
            offset += chunk.size();
            pending += chunk;
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QString line = QString::fromUtf8(pending.left(newline));
                pending.remove(0, newline + 1);
                tail->append(line);
                if (tail->size() > 400) {
                    tail->removeFirst();
                }
                if (q->onOutput) {
                    q->onOutput(line);
                }
            }
        };
        for (int attempt = 0; attempt < 20 && !cancelled; ++attempt) {
            const Output output = exec(B::follow(work, offset), settings.timeoutSeconds, {}, take);
            if (!output.result.error) {
                if (!pending.isEmpty()) {
                    take(QByteArrayLiteral("\n"));
                }
                return output.result.exitStatus;
            }
            if (cancelled) {
                break;
            }
            if (output.result.error.code == SshError::Code::Timeout) {
                *error = HostBuild::tr("the build still runs after %n seconds", nullptr, settings.timeoutSeconds);
                return std::nullopt;
            }
            progress(HostBuild::tr("the connection broke while the build runs; it goes on on the host: reconnecting"));
        }
        *error = cancelled ? HostBuild::tr("cancelled") : HostBuild::tr("lost the connection to %1").arg(host.name);
        return std::nullopt;
    }

    // objs/nginx: there, of the source's version, built with exactly the arguments
    BuildReport check(const QString &version)
    {
        BuildReport report;
        report.workDirectory = work;
        report.version = version;
        const Output output = exec(B::result(work), 60);
        if (!output.ok()) {
            report.message = HostBuild::tr("the build left no usable objs/nginx: %1").arg(output.why());
            return report;
        }
        const qsizetype newline = output.out.indexOf(u'\n');
        report.sha256 = output.out.left(newline).trimmed();
        QString parseError;
        report.build = NginxBuild::parse(output.out.mid(newline + 1), &parseError);
        if (!report.build) {
            report.message = HostBuild::tr("objs/nginx -V cannot be read: %1").arg(parseError);
            return report;
        }
        const QString built = report.build->version.version.toString();
        if (!version.isEmpty() && built != version) {
            report.message =
                HostBuild::tr("objs/nginx says it is nginx %1, but the source is nginx %2").arg(built, version);
            return report;
        }
        if (arguments && report.build->configureArguments != *arguments) {
            report.message = HostBuild::tr("objs/nginx was built with other configure arguments than the ones given "
                                           "(+ only in the binary, - only given, ~ different)");
            for (const ArgumentChange &change : compareArguments(*arguments, report.build->configureArguments)) {
                switch (change.kind) {
                case ArgumentChange::Kind::Same:
                    break;
                case ArgumentChange::Kind::Added:
                    report.details.append(QStringLiteral("+ ") + change.argument);
                    break;
                case ArgumentChange::Kind::Dropped:
                    report.details.append(QStringLiteral("- ") + change.argument);
                    break;
                case ArgumentChange::Kind::Changed:
                    report.details.append(QStringLiteral("~ ") + change.argument + QStringLiteral("  (") +
                                          HostBuild::tr("given: %1").arg(change.previous) + u')');
                    break;
                }
            }
            return report;
        }
        report.ok = true;
        report.binary = B::binaryPath(work);
        report.message = HostBuild::tr("built nginx %1 on %2: %3 (sha256 %4)")
                             .arg(built, host.name, report.binary, report.sha256.left(12));
        return report;
    }

    void stopOnHost()
    {
        if (work.isEmpty()) {
            return;
        }
        cancelled = false; // the next command must run
        const Output output = exec(B::cancel(work, 5), 60);
        cancelled = true;
        if (!output.out.trimmed().isEmpty()) {
            progress(output.out.trimmed());
        }
    }
};

HostBuild::HostBuild(const HostEntry &host, RemoteHost *remote, Transcript *transcript, const BuildSettings &settings)
    : d(std::make_unique<Private>())
{
    d->host = host;
    d->remote = remote;
    d->transcript = transcript;
    d->settings = settings;
    d->q = this;
    d->arguments = settings.configureArguments;
}

HostBuild::~HostBuild() = default;

std::optional<NginxBuild> HostBuild::runningBuild(QString *error)
{
    HostUpgrade probe(d->host, d->remote, d->transcript, UpgradeSettings{});
    const HostSnapshot snapshot = probe.snapshot();
    if (!snapshot.ok()) {
        *error = snapshot.error;
        return std::nullopt;
    }
    if (!snapshot.state.master) {
        *error = tr("nginx does not run on %1: give the configure arguments").arg(d->host.name);
        return std::nullopt;
    }
    const QStringList lines = snapshot.record.builds.value(snapshot.state.master->pid);
    QString why;
    std::optional<NginxBuild> build = NginxBuild::parse(lines.join(u'\n'), &why);
    if (!build) {
        *error = tr("cannot read the running master's nginx -V on %1: %2").arg(d->host.name, why);
    }
    return build;
}

std::optional<QStringList> HostBuild::configureArguments(QString *error)
{
    if (!d->arguments) {
        const std::optional<NginxBuild> running = runningBuild(error);
        if (!running) {
            return std::nullopt;
        }
        d->arguments = running->configureArguments;
    }
    return d->arguments;
}

QList<PreflightCheck> HostBuild::preflight()
{
    using S = PreflightCheck::Status;
    QList<PreflightCheck> checks;
    const auto add = [&checks](const char *id, S status, const QString &message) {
        checks.append({QString::fromLatin1(id), status, message});
    };
    if (d->settings.localSource.isEmpty() == d->settings.remoteSource.isEmpty()) {
        add("source", S::Fail, tr("give the source: a tarball on this machine, or a tarball or directory on the host"));
        return checks;
    }
    if (!d->settings.localSource.isEmpty()) {
        const QFileInfo local(d->settings.localSource);
        if (!local.isFile() || !local.isReadable()) {
            add("source", S::Fail, tr("%1 is not a readable file").arg(d->settings.localSource));
            return checks;
        }
        add("source", S::Pass, tr("%1 (%2 kB) is uploaded to the host").arg(local.fileName()).arg(local.size() / 1024));
    }
    QString error;
    const std::optional<QStringList> args = configureArguments(&error);
    if (!args) {
        add("arguments", S::Fail, error);
        return checks;
    }
    add("arguments", S::Pass, tr("./configure with %n argument(s)", nullptr, int(args->size())));

    // one round trip: the source on the host, each requirement, the OS, free disk
    const QList<BuildRequirement> requirements = BuildRequirements::forArguments(*args);
    QStringList commands;
    commands.append(d->settings.remoteSource.isEmpty()
                        ? QStringLiteral("true")
                        : QStringLiteral("[ -e %1 ]").arg(B::pathWord(d->settings.remoteSource)));
    commands.append(QStringLiteral(". /etc/os-release 2>/dev/null; printf '%s\\n%s\\n' \"$ID\" \"$ID_LIKE\""));
    const QString root =
        d->settings.workRoot.isEmpty() ? QStringLiteral("~/.cache/baton/builds") : d->settings.workRoot;
    const QString rootWord = B::pathWord(root);
    // the nearest directory that is there: the work root is made by the build
    commands.append(
        QStringLiteral("d=%1; while [ ! -d \"$d\" ]; do d=$(dirname \"$d\"); done; out=$(df -Pk \"$d\") || exit 1; "
                       "set -- ${out##*\"\n\"}; echo \"$4\"")
            .arg(rootWord));
    for (const BuildRequirement &requirement : requirements) {
        commands.append(requirement.checkCommand);
    }
    // random, so that no output can fake it
    const QString marker = QStringLiteral("baton-") + QString::number(QRandomGenerator::global()->generate64(), 16);
    const Private::Output whole = d->exec(UpgradeCommands::batch(commands, marker), 120);
    if (whole.result.error) {
        add("source", S::Fail, tr("cannot reach %1: %2").arg(d->host.name, whole.why()));
        return checks;
    }
    const QList<UpgradeCommands::BatchPart> parts =
        UpgradeCommands::parseBatch(whole.out, marker, int(commands.size()));
    if (!d->settings.remoteSource.isEmpty()) {
        if (parts.at(0).exitStatus == 0) {
            add("source", S::Pass, tr("%1 is on the host").arg(d->settings.remoteSource));
        } else {
            add("source", S::Fail, tr("%1 is not on the host").arg(d->settings.remoteSource));
        }
    }
    const QStringList os = parts.at(1).out.split(u'\n');
    QList<BuildRequirement> missing;
    for (qsizetype i = 0; i < requirements.size(); ++i) {
        const BuildRequirement &requirement = requirements.at(i);
        const bool found = parts.at(3 + i).exitStatus == 0;
        if (!found) {
            missing.append(requirement);
        }
        const QString install =
            found ? QString() : BuildRequirements::installCommand({requirement}, os.value(0), os.value(1));
        checks.append(
            {requirement.id,
             found ? S::Pass : S::Fail,
             found ? tr("%1: found (%2)").arg(requirement.what, requirement.because)
                 : install.isEmpty()
                 ? tr("%1: missing (%2)").arg(requirement.what, requirement.because)
                 : tr("%1: missing (%2); install it with: %3").arg(requirement.what, requirement.because, install)});
    }
    if (missing.size() > 1) {
        const QString all = BuildRequirements::installCommand(missing, os.value(0), os.value(1));
        if (!all.isEmpty()) {
            add("packages", S::Fail, tr("install what is missing with: %1").arg(all));
        }
    }
    bool ok = false;
    const qint64 free = parts.at(2).out.trimmed().toLongLong(&ok);
    if (!ok) {
        add("disk", S::Warn, tr("cannot tell the free disk space in %1: %2").arg(root, parts.at(2).err.trimmed()));
    } else if (free < d->settings.minimumFreeKilobytes) {
        add("disk",
            S::Fail,
            tr("%1 MB free in %2: a build needs about %3 MB")
                .arg(free / 1024)
                .arg(root)
                .arg(d->settings.minimumFreeKilobytes / 1024));
    } else {
        add("disk", S::Pass, tr("%1 MB free in %2").arg(free / 1024).arg(root));
    }
    return checks;
}

BuildReport HostBuild::build()
{
    BuildReport report;
    QString error;
    const std::optional<B::WorkState> state = d->prepare(&error);
    if (!state) {
        report.message = error;
        return report;
    }
    report.workDirectory = d->work;
    QString version = state->version;
    if (state->runningPid > 0) {
        d->progress(tr("a build of the same source and arguments runs in %1 (pid %2): following it")
                        .arg(d->work)
                        .arg(state->runningPid));
    } else if (state->exitStatus == 0 && !state->cancelled && !d->settings.rebuild) {
        // built before: its result stands (a failed build is built again: a missing library
        // may have been installed since)
        d->progress(tr("the same source was built with the same arguments before, in %1").arg(d->work));
        return d->check(version);
    }
    if (state->runningPid == 0) {
        if (!d->unpack(&version, &error)) {
            report.message = error;
            return report;
        }
        report.version = version;
        const QString script = B::script(*d->arguments, d->settings.jobs);
        const Private::Output written = d->exec(B::writeScript(d->work), 60, script.toUtf8());
        if (!written.ok()) {
            report.message = tr("cannot write the build script: %1").arg(written.why());
            return report;
        }
        d->progress(tr("building nginx %1 in %2: configure, then make").arg(version, d->work));
        const Private::Output started = d->exec(B::start(d->work), 60);
        if (!started.ok()) {
            report.message = tr("cannot start the build: %1").arg(started.why());
            return report;
        }
    }
    QStringList tail;
    const std::optional<int> status = d->follow(&tail, &error);
    if (d->cancelled) {
        d->stopOnHost();
        report.message = tr("cancelled: the build on %1 is stopped").arg(d->host.name);
        return report;
    }
    if (!status) {
        report.message = error;
        return report;
    }
    if (*status != 0) {
        const bool inMake = std::any_of(
            tail.cbegin(), tail.cend(), [](const QString &line) { return line.startsWith(u"baton: make"); });
        report.message = inMake ? tr("make failed on %1 (exit status %2)").arg(d->host.name).arg(*status)
                                : tr("./configure failed on %1 (exit status %2)").arg(d->host.name).arg(*status);
        report.details = errorLines(tail);
        return report;
    }
    return d->check(version);
}

bool HostBuild::stop(QString *message)
{
    const std::optional<B::WorkState> state = d->prepare(message);
    if (!state) {
        return false;
    }
    if (state->runningPid == 0) {
        *message = tr("no build of this source and these arguments runs in %1").arg(d->work);
        return false;
    }
    const Private::Output output = d->exec(B::cancel(d->work, 5), 60);
    *message = output.ok() ? output.out.trimmed() : output.why();
    return output.ok();
}

bool HostBuild::clean(QString *error)
{
    if (d->work.isEmpty()) {
        const std::optional<B::WorkState> state = d->prepare(error);
        if (!state) {
            return false;
        }
    }
    const Private::Output output = d->exec(B::clean(d->work), 120);
    if (!output.ok()) {
        *error = output.why();
        return false;
    }
    d->progress(tr("removed %1").arg(d->work));
    d->work.clear();
    return true;
}

QString HostBuild::workDirectory() const
{
    return d->work;
}

void HostBuild::cancel()
{
    d->cancelled = true;
    d->remote->cancel();
}

QString HostBuild::workId(const QString &sourceIdentity, const QStringList &arguments)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(sourceIdentity.toUtf8());
    for (const QString &argument : arguments) {
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(argument.toUtf8());
    }
    return QStringLiteral("nginx-") + QString::fromLatin1(hash.result().toHex().left(16));
}

QStringList HostBuild::editArguments(const QStringList &base, const QStringList &set, const QStringList &drop)
{
    const auto dropped = [&drop](const QString &argument) {
        return drop.contains(argument) || drop.contains(argumentName(argument).toString());
    };
    QStringList result;
    for (const QString &argument : base) {
        if (!dropped(argument)) {
            result.append(argument);
        }
    }
    for (const QString &argument : set) {
        const QStringView name = argumentName(argument);
        // an option with a value replaces the same option; a module switch is added once
        const auto same = std::find_if(result.begin(), result.end(), [&](const QString &existing) {
            return argumentName(existing) == name && (argument.contains(u'=') || existing == argument);
        });
        if (same != result.end() && argument.contains(u'=') && !name.startsWith(u"--add-")) {
            *same = argument;
        } else if (same == result.end() || name.startsWith(u"--add-")) {
            if (!result.contains(argument)) {
                result.append(argument);
            }
        }
    }
    return result;
}

QString ArgumentChange::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Same:
        return QStringLiteral("same");
    case Kind::Added:
        return QStringLiteral("added");
    case Kind::Dropped:
        return QStringLiteral("dropped");
    case Kind::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QList<ArgumentChange> HostBuild::compareArguments(const QStringList &running, const QStringList &edited)
{
    using K = ArgumentChange::Kind;
    QList<ArgumentChange> changes;
    QStringList unmatched = running;
    for (const QString &argument : edited) {
        if (unmatched.removeOne(argument)) {
            changes.append({K::Same, argument, {}});
            continue;
        }
        // an option whose value changed: the same --NAME= once in each list
        const QStringView name = argumentName(argument);
        const auto sameName = [name](const QString &other) { return argumentName(other) == name; };
        const auto previous =
            argument.contains(u'=') ? std::find_if(unmatched.begin(), unmatched.end(), sameName) : unmatched.end();
        if (previous != unmatched.end() && previous->contains(u'=') && !name.startsWith(u"--add-")) {
            changes.append({K::Changed, argument, *previous});
            unmatched.erase(previous);
        } else {
            changes.append({K::Added, argument, {}});
        }
    }
    for (const QString &argument : std::as_const(unmatched)) {
        changes.append({K::Dropped, argument, {}});
    }
    return changes;
}

} // namespace Baton
