#include "buildcommands.h"

#include "shellquote.h"
#include "upgradecommands.h"

#include <QRegularExpression>

namespace Baton::BuildCommands {

namespace {

// A directory as the shell should see it: "~/x" in the login user's home
QString directoryWord(const QString &directory, const QString &fallback)
{
    if (directory.isEmpty()) {
        return fallback;
    }
    return directory.startsWith(u"~/") ? QStringLiteral("\"$HOME\"/") + shellQuote(directory.mid(2))
                                       : shellQuote(directory);
}

// $W: the work directory, for the commands below
QString work(const QString &directory)
{
    return QStringLiteral("W=%1; ").arg(shellQuote(directory));
}

// Sets p to the build's pid when it still runs (the pid file names a live process and no rc is there)
const QLatin1StringView runningPid("p=; [ -e \"$W/rc\" ] || read -r p < \"$W/pid\" 2>/dev/null; "
                                   "[ -n \"$p\" ] && kill -0 \"$p\" 2>/dev/null || p=; ");

} // namespace

QString pathWord(const QString &path)
{
    return directoryWord(path, shellQuote(path));
}

QString prepare(const QString &root, const QString &id)
{
    return QStringLiteral(
               "r=%1; W=\"$r\"/%2; { [ -d \"$W\" ] || mkdir -p \"$W\"; } && cd \"$W\" && W=$(pwd -P) || exit 1; "
               ": > \"$W/.baton-build\"; printf 'work %s\\n' \"$W\"; ")
               .arg(directoryWord(root, QStringLiteral("\"$HOME\"/.cache/baton/builds")), shellQuote(id)) +
        runningPid +
        QStringLiteral(
               "if [ -s \"$W/rc\" ]; then read -r rc < \"$W/rc\"; echo \"rc $rc\"; "
               "elif [ -n \"$p\" ]; then echo \"running $p\"; fi; "
               "[ -e \"$W/cancelled\" ] && echo cancelled; "
               "v=$(sed -n 's/^#define NGINX_VERSION *\"\\(.*\\)\"/\\1/p' \"$W/src/src/core/nginx.h\" 2>/dev/null); "
               "[ -z \"$v\" ] || echo \"version $v\"; "
               "out=$(df -Pk \"$W\" 2>/dev/null) && { set -- ${out##*\"\n\"}; echo \"free $4\"; }; exit 0");
}

WorkState WorkState::parse(QStringView output)
{
    WorkState state;
    for (QStringView line : output.split(u'\n')) {
        const qsizetype space = line.indexOf(u' ');
        const QStringView key = space < 0 ? line : line.left(space);
        const QStringView value = space < 0 ? QStringView() : line.mid(space + 1).trimmed();
        bool ok = false;
        if (key == u"work") {
            state.directory = value.toString();
        } else if (key == u"rc") {
            const int status = value.toInt(&ok);
            if (ok) {
                state.exitStatus = status;
            }
        } else if (key == u"running") {
            state.runningPid = value.toLongLong();
        } else if (key == u"version") {
            state.version = value.toString();
        } else if (key == u"free") {
            const qint64 free = value.toLongLong(&ok);
            state.freeKilobytes = ok ? free : -1;
        } else if (key == u"cancelled") {
            state.cancelled = true;
        }
    }
    return state;
}

QString unpack(const QString &workDirectory, const QString &source, bool sourceIsDirectory)
{
    // a fresh tree each time: a half-unpacked one from a cut link must not be built on
    const QString fill = sourceIsDirectory
        ? QStringLiteral("[ -d \"$s\" ] || { echo \"no such directory: $s\" >&2; exit 20; }; "
                         "cp -R \"$s\"/. \"$W/src\"/ || exit 21; ")
        : QStringLiteral("[ -f \"$s\" ] || { echo \"no such file: $s\" >&2; exit 20; }; "
                         "tar -xf \"$s\" -C \"$W/src\" --strip-components=1 "
                         "|| { echo \"cannot unpack $s with tar\" >&2; exit 21; }; ");
    return work(workDirectory) +
        QStringLiteral("s=%1; rm -rf \"$W/src\" \"$W/rc\" \"$W/log\" \"$W/cancelled\" && mkdir \"$W/src\" || exit 21; ")
            .arg(pathWord(source)) +
        fill +
        QStringLiteral(
               "[ -x \"$W/src/configure\" ] && [ -f \"$W/src/src/core/nginx.h\" ] || "
               "{ echo \"$s is not an nginx source tree: it has no configure and src/core/nginx.h\" >&2; exit 22; }; "
               "sed -n 's/^#define NGINX_VERSION *\"\\(.*\\)\"/\\1/p' \"$W/src/src/core/nginx.h\"");
}

QString versionFromHeader(QStringView header)
{
    static const QRegularExpression define(QStringLiteral("^#define NGINX_VERSION\\s+\"([^\"]+)\""),
                                           QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = define.matchView(header);
    return match.hasMatch() ? match.captured(1) : QString();
}

QString script(const QStringList &arguments, int jobs)
{
    QStringList configure{QStringLiteral("./configure")};
    configure.append(arguments);
    const QString configureLine = shellJoin(configure);
    const QString processors = jobs > 0
        ? QString::number(jobs)
        : QStringLiteral("$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)");
    return QStringLiteral("#!/bin/sh\n"
                          "# written by Baton: configure and make, never make install\n"
                          "cd \"$(dirname \"$0\")/src\" || exit 1\n"
                          "printf '%s\\n' %1\n"
                          "%2 || exit $?\n"
                          "j=%3\n"
                          "echo \"baton: make -j$j\"\n"
                          "make -j\"$j\"\n")
        .arg(shellQuote(QString(QStringLiteral("baton: ") + configureLine)), configureLine, processors);
}

QString writeScript(const QString &workDirectory)
{
    return work(workDirectory) +
        QStringLiteral(
               "cat > \"$W/build.sh.new\" && chmod 755 \"$W/build.sh.new\" && mv \"$W/build.sh.new\" \"$W/build.sh\"");
}

QString start(const QString &workDirectory)
{
    // setsid execs in place (a background job of a non-interactive shell leads no process
    // group), so $! is the session's and the process group's id: cancel() signals the group.
    // rc is written by a rename: whoever sees it sees it whole.
    return work(workDirectory) + runningPid +
        QStringLiteral("[ -z \"$p\" ] || { echo \"a build runs already: pid $p\" >&2; exit 23; }; "
                       "rm -f \"$W/rc\" \"$W/cancelled\"; : > \"$W/log\"; "
                       "setsid sh -c 'W=$1; sh \"$W/build.sh\" >> \"$W/log\" 2>&1 < /dev/null; "
                       "echo $? > \"$W/rc.new\" && mv \"$W/rc.new\" \"$W/rc\"' baton-build \"$W\" "
                       "< /dev/null > /dev/null 2>&1 & echo $! > \"$W/pid\"; echo $!");
}

QString follow(const QString &workDirectory, qint64 offset)
{
    // GNU tail follows until the build's process is gone and then prints the rest; elsewhere a
    // loop prints what is new once a second. Then the build's exit status.
    return work(workDirectory) + runningPid +
        QStringLiteral("o=%1; "
                       "if [ -n \"$p\" ] && tail --version 2>/dev/null | grep -q GNU; then "
                       "tail -c +$((o + 1)) -f --pid=\"$p\" \"$W/log\"; "
                       "else while :; do s=$(wc -c < \"$W/log\") || exit 1; "
                       "if [ \"$s\" -gt \"$o\" ]; then tail -c +$((o + 1)) \"$W/log\" | head -c $((s - o)); o=$s; fi; "
                       "[ -n \"$p\" ] && kill -0 \"$p\" 2>/dev/null || break; sleep 1; done; "
                       "s=$(wc -c < \"$W/log\"); [ \"$s\" -le \"$o\" ] || tail -c +$((o + 1)) \"$W/log\"; fi; "
                       "rc=; read -r rc < \"$W/rc\" 2>/dev/null; exit \"${rc:-126}\"")
            .arg(offset);
}

QString binaryPath(const QString &workDirectory)
{
    return workDirectory + QStringLiteral("/src/objs/nginx");
}

QString result(const QString &workDirectory)
{
    const QString binary = binaryPath(workDirectory);
    return QStringLiteral("[ -x %1 ] || { echo 'make did not produce '%1 >&2; exit 24; }; (").arg(shellQuote(binary)) +
        UpgradeCommands::sha256(binary) + QStringLiteral(") || exit 1; %1 -V 2>&1").arg(shellQuote(binary));
}

QString cancel(const QString &workDirectory, int graceSeconds)
{
    return work(workDirectory) + runningPid +
        QStringLiteral("[ -n \"$p\" ] || exit 0; : > \"$W/cancelled\"; kill -TERM \"-$p\" 2>/dev/null; i=0; "
                       "while kill -0 \"$p\" 2>/dev/null && [ $i -lt %1 ]; do sleep 0.1; i=$((i + 1)); done; "
                       "kill -KILL \"-$p\" 2>/dev/null; "
                       "[ -e \"$W/rc\" ] || { echo 130 > \"$W/rc.new\" && mv \"$W/rc.new\" \"$W/rc\"; }; "
                       "echo \"stopped the build (pid $p)\"")
            .arg(graceSeconds * 10);
}

QString clean(const QString &workDirectory)
{
    return work(workDirectory) +
        QStringLiteral(
               "[ -e \"$W/.baton-build\" ] || { echo \"$W is not a build directory of Baton's\" >&2; exit 25; }; ") +
        runningPid +
        QStringLiteral(
               "[ -z \"$p\" ] || { echo \"the build in $W still runs (pid $p): cancel it first\" >&2; exit 23; }; "
               "rm -rf -- \"$W\"");
}

} // namespace Baton::BuildCommands
