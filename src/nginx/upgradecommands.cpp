#include "upgradecommands.h"

#include "shellquote.h"

#include <QUrl>

namespace Baton {

std::optional<MasterArguments> MasterArguments::fromTitle(QStringView title)
{
    static constexpr QStringView Prefix = u"nginx: master process ";
    if (!title.startsWith(Prefix)) {
        return std::nullopt;
    }
    const QList<QStringView> words = title.mid(Prefix.size()).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        return std::nullopt;
    }
    MasterArguments arguments;
    arguments.binary = words.first().toString();
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QStringView word = words.at(i);
        QString *target = word == u"-p" ? &arguments.prefix
            : word == u"-c"             ? &arguments.configFile
            : word == u"-e"             ? &arguments.errorLog
            : word == u"-g"             ? &arguments.globals
                                        : nullptr;
        if (!target || i + 1 >= words.size()) {
            return std::nullopt; // an unknown option, or a path with spaces: cannot be sure
        }
        if (word == u"-g") {
            // -g takes directives, which contain spaces ("daemon on; master_process on;"): the rest
            QStringList rest;
            for (qsizetype j = i + 1; j < words.size(); ++j) {
                rest.append(words.at(j).toString());
            }
            *target = rest.join(u' ');
            break;
        }
        *target = words.at(++i).toString();
    }
    return arguments;
}

QStringList MasterArguments::options() const
{
    QStringList result;
    const std::initializer_list<std::pair<const char *, const QString *>> pairs = {
        {"-p", &prefix}, {"-c", &configFile}, {"-e", &errorLog}, {"-g", &globals}};
    for (const auto &[flag, value] : pairs) {
        if (!value->isEmpty()) {
            result << QString::fromLatin1(flag) << *value;
        }
    }
    return result;
}

namespace UpgradeCommands {

QString backup(const QString &binary, const QString &backupPath)
{
    // a failed copy (a full disk) leaves nothing behind
    return QStringLiteral("cp -p -- %1 %2 && cmp -s -- %1 %2 || { rm -f -- %2; exit 1; }")
        .arg(shellQuote(binary), shellQuote(backupPath));
}

QString install(const QString &source, const QString &binary)
{
    const QString temporary = binary + QStringLiteral(".baton-new");
    return QStringLiteral("install -m 0755 -- %1 %2 && mv -f -- %2 %3 || { rm -f -- %2; exit 1; }")
        .arg(shellQuote(source), shellQuote(temporary), shellQuote(binary));
}

QString testConfiguration(const QString &binary, const MasterArguments &arguments, bool showBuild)
{
    QStringList words{binary};
    if (showBuild) {
        words.append(QStringLiteral("-V")); // nginx prints the build, then goes on to the test
    }
    return shellJoin(words + QStringList{QStringLiteral("-t")} + arguments.options());
}

QString dumpConfiguration(const QString &binary, const MasterArguments &arguments)
{
    return shellJoin(QStringList{binary, QStringLiteral("-T"), QStringLiteral("-q")} + arguments.options());
}

QString signal(const QString &signal, qint64 pid, quint64 startTime)
{
    // The start time is the 22nd field of /proc/PID/stat, counted after the ")" that ends
    // the command name (which may contain spaces).
    return QStringLiteral("read -r stat 2>/dev/null < /proc/%1/stat || { echo 'process %1 is gone' >&2; exit 3; }; "
                          "set -- ${stat##*) }; shift 19; "
                          "[ \"$1\" = %2 ] || { echo 'process %1 is not the one seen before' >&2; exit 3; }; "
                          "kill -%3 %1")
        .arg(QString::number(pid), QString::number(startTime), shellQuote(signal));
}

QString readPidFile(const QString &pidFile)
{
    return QStringLiteral("cat -- %1 2>/dev/null | tr -dc 0-9").arg(shellQuote(pidFile));
}

QString stateDirectory(const QString &pidFile)
{
    const qsizetype slash = pidFile.lastIndexOf(u'/');
    const QString directory = slash < 0 ? QStringLiteral(".") : slash == 0 ? QStringLiteral("/") : pidFile.left(slash);
    return (directory == u"/" ? QString() : directory) + QStringLiteral("/.baton-") + pidFile.mid(slash + 1);
}

QString acquireLock(const QString &stateDirectory, const QString &owner, int leaseSeconds)
{
    // fd 9 holds the flock; the holder inherits it (a flock belongs to the open file, shared
    // with children), and its sleep does not, so the lock lives exactly as long as the holder.
    return QStringLiteral(
               "d=%1; [ -d \"$d/steps\" ] || mkdir -p \"$d/steps\" || exit 1; exec 9>>\"$d/lock\"; "
               "if ! flock -n 9; then o=; read -r o < \"$d/owner\" 2>/dev/null; echo \"locked by: $o\" >&2; exit 75; "
               "fi; "
               // the steps of a run that ended without releasing (releaseLock() clears them)
               "for x in \"$d\"/steps/*; do [ ! -e \"$x\" ] || rm -f \"$d\"/steps/*; break; done; "
               "printf '%s\\n' %2 > \"$d/owner\" || exit 1; "
               // The lease: once per lease, the holder checks that the owner file was renewed
               // (touched) since its last look ("checked" marks when that was), with shell
               // builtins and one sleep per lease.
               "setsid sh -c '"
               ": > \"$1/checked\"; while sleep \"$2\" 9>&-; [ -e \"$1/owner\" ] && [ \"$1/owner\" -nt \"$1/checked\" "
               "]; "
               "do : > \"$1/checked\"; done; rm -f \"$1/owner\" \"$1/holder\" \"$1/checked\"' baton-lock \"$d\" %3 "
               "</dev/null >/dev/null 2>&1 & "
               // a background job of a non-interactive shell is no group leader: setsid execs
               // in place, so $! is the holder itself
               "echo $! > \"$d/holder\"")
        .arg(shellQuote(stateDirectory), shellQuote(owner), QString::number(leaseSeconds));
}

QString renewLock(const QString &stateDirectory, const QString &owner)
{
    return QStringLiteral("d=%1; o=; read -r o < \"$d/owner\" 2>/dev/null; [ \"$o\" = %2 ] || "
                          "{ echo \"the lock is not ours: $o\" >&2; exit 75; }; "
                          "touch \"$d/owner\"")
        .arg(shellQuote(stateDirectory), shellQuote(owner));
}

QString releaseLock(const QString &stateDirectory, const QString &owner)
{
    // The holder is killed only when it holds this very lock file open (a pid can be reused;
    // the shell may have moved its fd 9 to another number). It leads a process group of its own (setsid): its sleep
    // goes with it. Then the lock is taken and dropped once on fd 8, which waits until the holder is gone.
    return QStringLiteral(
               "d=%1; o=; read -r o < \"$d/owner\" 2>/dev/null; [ \"$o\" = %2 ] || exit 0; "
               "rm -f \"$d/owner\" \"$d\"/steps/*; h=; read -r h < \"$d/holder\" 2>/dev/null; "
               "[ -z \"$h\" ] || for f in /proc/\"$h\"/fd/*; do [ \"$f\" -ef \"$d/lock\" ] 2>/dev/null || continue; "
               "kill -TERM \"-$h\" 2>/dev/null || kill \"$h\" 2>/dev/null; break; done; "
               "exec 8>>\"$d/lock\"; i=0; while ! flock -n 8 && [ $i -lt 500 ]; do i=$((i+1)); sleep 0.02; done")
        .arg(shellQuote(stateDirectory), shellQuote(owner));
}

QString lockStatus(const QString &stateDirectory)
{
    return QStringLiteral("d=%1; [ -e \"$d/lock\" ] || exit 0; exec 8>>\"$d/lock\"; flock -n 8 && exit 0; "
                          "o=; read -r o < \"$d/owner\" 2>/dev/null; echo \"$o\"; exit 75")
        .arg(shellQuote(stateDirectory));
}

namespace {

// Waits for the marker of the step in $f, then prints its output and exits with its status.
QString waitForMarker(const QString &id, int waitSeconds)
{
    // $f.rc is written by one `echo`: not empty means complete
    return QStringLiteral("n=0; while [ ! -s \"$f.rc\" ]; do n=$((n+1)); "
                          "if [ $n -gt %2 ]; then echo 'step %1 still runs' >&2; exit 124; fi; sleep 0.1; done; "
                          "l=; while IFS= read -r l; do printf '%s\\n' \"$l\"; done < \"$f.out\"; "
                          "[ -z \"$l\" ] || printf '%s' \"$l\"; read -r rc < \"$f.rc\"; exit \"$rc\"")
        .arg(shellQuote(id), QString::number(waitSeconds * 10));
}

} // namespace

QString runStep(const QString &stateDirectory, const QString &id, const QString &command, int waitSeconds)
{
    // The step is this shell's child, though in a session of its own: `wait` returns the
    // moment it ends (no polling delay), and a dropped link kills only this shell.
    // Few processes: the command runs in a subshell of the detached sh (no sh of its own),
    // and the steps directory is made once.
    return QStringLiteral("f=%1/steps/%2; { [ -d %1/steps ] || mkdir -p %1/steps; } && "
                          "{ setsid sh -c 'c=$1 f=$2; set --; ( eval \"$c\" ) > \"$f.out\" 2>&1 < /dev/null; "
                          "echo $? > \"$f.rc\"' baton-step %3 \"$f\" < /dev/null > /dev/null 2>&1 & }; "
                          "wait $! 2>/dev/null; ")
               .arg(shellQuote(stateDirectory), shellQuote(id), shellQuote(command)) +
        waitForMarker(id, waitSeconds);
}

QString runInstantStep(const QString &stateDirectory, const QString &id, const QString &command)
{
    // the same marker files as runStep(), written by this shell: $f.out says it started
    return QStringLiteral("f=%1/steps/%2; { [ -d %1/steps ] || mkdir -p %1/steps; } && "
                          "{ ( %3\n) > \"$f.out\" 2>&1 < /dev/null; echo $? > \"$f.rc\"; }; ")
               .arg(shellQuote(stateDirectory), shellQuote(id), command) +
        waitForMarker(id, 1);
}

QString waitStep(const QString &stateDirectory, const QString &id, int waitSeconds)
{
    return QStringLiteral("f=%1/steps/%2; "
                          "[ -e \"$f.out\" ] || [ -e \"$f.rc\" ] || { echo 'step %2 never started' >&2; exit 125; }; ")
               .arg(shellQuote(stateDirectory), shellQuote(id)) +
        waitForMarker(id, waitSeconds);
}

namespace {

// `kids PID [EXCEPT]` sets n to the live children of PID (EXCEPT left out): /proc read with
// builtins only. `tick` sleeps 50 ms, then 100, then 200 ms at a time (a change that comes
// at once is seen at once; a long wait, on a busy host, costs few processes), and exits 1
// once the sleeps add up to the limit. i counts the milliseconds slept.
QString waitPrelude(int seconds)
{
    // The kernel's list of a task's children where it keeps one (a few bytes, where a scan
    // of /proc reads every process's stat a byte at a time); else the scan.
    return QStringLiteral("kids() { p=$1 x=${2:-} n=0; "
                          "if [ -r \"/proc/$p/task/$p/children\" ]; then c=; "
                          "read -r c 2>/dev/null < \"/proc/$p/task/$p/children\"; "
                          "for k in $c; do [ \"$k\" = \"$x\" ] || n=$((n+1)); done; return; fi; "
                          "for d in /proc/[0-9]*; do "
                          "read -r s 2>/dev/null < \"$d/stat\" || continue; set -- ${s##*) }; "
                          "[ \"$2\" = \"$p\" ] && [ \"$1\" != Z ] && [ \"${d#/proc/}\" != \"$x\" ] && n=$((n+1)); "
                          "done; }; "
                          "i=0 t=50; tick() { [ $i -lt %1 ] || exit 1; "
                          "case $t in 50) sleep 0.05 ;; 100) sleep 0.1 ;; *) sleep 0.2 ;; esac; "
                          "i=$((i+t)); [ $t -ge 200 ] || t=$((t*2)); }; ")
        .arg(seconds * 1000);
}

} // namespace

QString waitSpawned(const QString &pidFile, qint64 oldMaster, int workers, int seconds)
{
    return waitPrelude(seconds) +
        QStringLiteral("f=%1; while :; do new=; read -r new 2>/dev/null < \"$f\"; new=${new%%[!0-9]*}; "
                       "if [ -e \"$f.oldbin\" ] && [ -n \"$new\" ] && [ \"$new\" != %2 ]; then "
                       "kids \"$new\"; [ $n -lt %3 ] || exit 0; "
                       "elif [ \"$new\" = %2 ] && [ ! -e \"$f.oldbin\" ] && [ $i -gt 1000 ]; then exit 2; fi; "
                       "tick; done")
            .arg(shellQuote(pidFile), QString::number(oldMaster), QString::number(workers));
}

QString waitWorkers(qint64 pid, qint64 exceptPid, int workers, int seconds)
{
    return waitPrelude(seconds) +
        QStringLiteral("while :; do kids %1 %2; [ $n -lt %3 ] || exit 0; tick; done")
            .arg(QString::number(pid), QString::number(exceptPid), QString::number(workers));
}

QString waitDrained(qint64 pid, qint64 exceptPid, int seconds)
{
    return waitPrelude(seconds) +
        QStringLiteral("while :; do kids %1 %2; [ $n -gt 0 ] || exit 0; tick; done")
            .arg(QString::number(pid), QString::number(exceptPid));
}

QString waitGone(qint64 pid, quint64 startTime, int seconds)
{
    return waitPrelude(seconds) +
        QStringLiteral("while :; do read -r s 2>/dev/null < /proc/%1/stat || exit 0; set -- ${s##*) }; shift 19; "
                       "[ \"$1\" = %2 ] || exit 0; tick; done")
            .arg(QString::number(pid), QString::number(startTime));
}

QString masterFacts(qint64 pid, const QString &knownFile)
{
    const QString same = knownFile.isEmpty()
        ? QString()
        : QStringLiteral("if [ \"$e\" -ef %1 ] 2>/dev/null; then echo same; exit 0; fi; ").arg(shellQuote(knownFile));
    return QStringLiteral("e=/proc/%1/exe; [ -r \"$e\" ] || { echo 'cannot read '\"$e\" >&2; exit 1; }; ")
               .arg(QString::number(pid)) +
        same +
        QStringLiteral("if command -v sha256sum >/dev/null 2>&1; then set -- $(sha256sum < \"$e\"); echo \"$1\"; "
                       "else echo -; fi; \"$e\" -v 2>&1");
}

namespace {

// sha256() of a shell word: a quoted path, or "$f"
QString sha256Of(const QString &word)
{
    return QStringLiteral(
               "[ -r %1 ] || { echo 'cannot read '%1 >&2; exit 1; }; "
               "if command -v sha256sum >/dev/null 2>&1; then s=$(sha256sum < %1) || exit 1; echo \"${s%% *}\"; "
               "elif command -v openssl >/dev/null 2>&1; then s=$(openssl dgst -sha256 -r < %1) || exit 1; "
               "echo \"${s%% *}\"; "
               "else echo 'neither sha256sum nor openssl is installed' >&2; exit 127; fi")
        .arg(word);
}

} // namespace

QString sha256(const QString &file)
{
    return sha256Of(shellQuote(file));
}

QString stagedFile(const QString &directory, const QString &name)
{
    const QString where = directory.isEmpty() ? QStringLiteral("\"$HOME\"/.cache/baton/staging")
        : directory.startsWith(u"~/")         ? QStringLiteral("\"$HOME\"/") + shellQuote(directory.mid(2))
                                              : shellQuote(directory);
    return QStringLiteral("d=%2; f=\"$d\"/%1; printf '%s\\n' \"$d\"; "
                          "[ -d \"$d\" ] || mkdir -p \"$d\" || exit 1; [ -e \"$f\" ] || exit 0; (")
               .arg(shellQuote(name), where) +
        sha256Of(QStringLiteral("\"$f\"")) + QStringLiteral(") || exit 0; wc -c < \"$f\"; \"$f\" -V 2>&1");
}

QString stage(const StagePlan &plan)
{
    QString script;
    if (!plan.backupDone) {
        // a hard link where it can be (the very file: nothing to copy), else a copy
        script += QStringLiteral(
                      "{ ln -- %1 %2 2>/dev/null || ( %3\n); } || { echo 'the backup of '%1' failed' >&2; exit 11; }\n")
                      .arg(shellQuote(plan.source), shellQuote(plan.backupPath), backup(plan.source, plan.backupPath));
    }
    // the backup is the running executable itself (same device and inode), or has its sha256
    const QString sameFile = plan.masterPid > 0
        ? QStringLiteral("[ %1 -ef /proc/%2/exe ]").arg(shellQuote(plan.backupPath), QString::number(plan.masterPid))
        : QStringLiteral("false");
    const QString sameSum = plan.runningSha.isEmpty()
        ? QStringLiteral(":")
        : QStringLiteral("{ s=$(%1) || exit 12; [ \"$s\" = %2 ] || "
                         "{ echo 'the backup '%3' does not match the running binary: sha256 '\"$s\" >&2; exit 12; }; }")
              .arg(sha256(plan.backupPath), shellQuote(plan.runningSha), shellQuote(plan.backupPath));
    script += sameFile + QStringLiteral(" 2>/dev/null || ") + sameSum + u'\n';
    script += QStringLiteral("printf '%s %s %s\\n' %1 %2 %3 > %4 || exit 13\n")
                  .arg(shellQuote(plan.backupPath),
                       shellQuote(plan.runningSha.isEmpty() ? QStringLiteral("-") : plan.runningSha),
                       shellQuote(plan.version.isEmpty() ? QStringLiteral("unknown") : plan.version),
                       shellQuote(plan.record));
    script += QStringLiteral("( %1\n) || { echo 'installing '%2' as '%3' failed' >&2; exit 14; }\n"
                             "cmp -s -- %2 %3 || { echo %3' differs from '%2' after the install' >&2; exit 14; }")
                  .arg(install(plan.target, plan.binary), shellQuote(plan.target), shellQuote(plan.binary));
    return script;
}

QString freeKilobytes(const QString &directory)
{
    // the 4th field of df's last line (POSIX format: one line per file system), read by the shell
    return QStringLiteral("out=$(df -Pk %1) || exit 1; set -- ${out##*\"\n\"}; "
                          "case ${4:-} in *[!0-9]*|\"\") echo \"df said: $out\" >&2; exit 1 ;; esac; echo \"$4\"")
        .arg(shellQuote(directory));
}

QString fileSize(const QString &file)
{
    return QStringLiteral("if [ -e %1 ]; then wc -c < %1; else echo 0; fi").arg(shellQuote(file));
}

QString tailFrom(const QString &file, qint64 offset)
{
    return QStringLiteral("tail -c +%2 %1 2>/dev/null; true").arg(shellQuote(file), QString::number(offset + 1));
}

std::optional<HttpTarget> HttpTarget::fromUrl(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme() != u"http" || parsed.host().isEmpty() || !parsed.userInfo().isEmpty()) {
        return std::nullopt;
    }
    HttpTarget target;
    target.host = parsed.host();
    target.port = parsed.port(80);
    target.path = parsed.path(QUrl::FullyEncoded);
    if (target.path.isEmpty()) {
        target.path = QStringLiteral("/");
    }
    if (parsed.hasQuery()) {
        target.path += u'?' + parsed.query(QUrl::FullyEncoded);
    }
    target.hostHeader = (target.host.contains(u':') ? u'[' + target.host + u']' : target.host) +
        (parsed.port() > 0 ? u':' + QString::number(parsed.port()) : QString());
    return target;
}

QString httpStatus(const QString &url, int timeoutSeconds)
{
    const QString tools = QStringLiteral("if command -v curl >/dev/null 2>&1; then "
                                         "curl -sS -o /dev/null -m %2 -w '%{http_code}' %1; "
                                         "elif command -v wget >/dev/null 2>&1; then "
                                         "wget -q -T %2 -O /dev/null %1 && echo 200; "
                                         "else echo 'neither curl nor wget is installed' >&2; exit 127; fi")
                              .arg(shellQuote(url), QString::number(timeoutSeconds));
    // Plain http: bash's /dev/tcp asks for the status line at a quarter of curl's cost.
    const auto target = HttpTarget::fromUrl(url);
    if (!target) {
        return tools;
    }
    static const QString script =
        QStringLiteral("exec 3<>\"/dev/tcp/$1/$2\" || exit 7; "
                       "printf 'GET %s HTTP/1.0\\r\\nHost: %s\\r\\nUser-Agent: baton\\r\\nAccept: */*\\r\\n\\r\\n' "
                       "\"$3\" \"$4\" >&3 || exit 7; "
                       "read -r -t \"$5\" proto status rest <&3 || { s=$?; [ $s -le 128 ] || exit 124; "
                       "echo 'empty reply from the server' >&2; exit 52; }; "
                       "case $status in [1-5][0-9][0-9]) printf %s \"$status\" ;; "
                       "*) echo \"not an HTTP reply: $proto $status\" >&2; exit 52 ;; esac");
    // A loopback address answers or refuses at once: `read -t` bounds the wait for the
    // reply. Elsewhere a connect can hang: `timeout` (exit status 124 too) bounds the whole.
    const bool loopback = target->host == u"localhost" || target->host == u"::1" || target->host.startsWith(u"127.");
    return QStringLiteral("if command -v bash >/dev/null 2>&1%7; then "
                          "%8bash -c %2 baton-http %3 %4 %5 %6 %1; s=$?; "
                          "[ $s -ne 124 ] || echo 'no answer within %1 s' >&2; exit $s; el")
               .arg(QString::number(timeoutSeconds),
                    shellQuote(script),
                    shellQuote(target->host),
                    QString::number(target->port),
                    shellQuote(target->path),
                    shellQuote(target->hostHeader),
                    loopback ? QString() : QStringLiteral(" && command -v timeout >/dev/null 2>&1"),
                    loopback ? QString() : QStringLiteral("timeout %1 ").arg(timeoutSeconds)) +
        tools;
}

QString batch(const QStringList &commands, const QString &marker)
{
    // fd 3 is the real stdout: each command's stdout goes there directly, its stderr into
    // $e. The substitution is the command's subshell (one process), and its status the
    // command's.
    QString script = QStringLiteral("exec 3>&1\n");
    for (qsizetype i = 0; i < commands.size(); ++i) {
        script += QStringLiteral(
                      "e=$( { %1\n} < /dev/null 2>&1 1>&3 3>&- ); printf '\\n%2 %3 %s\\n%s\\n%2-\\n' \"$?\" \"$e\"\n")
                      .arg(commands.at(i), marker, QString::number(i));
    }
    return script;
}

QList<BatchPart> parseBatch(QStringView output, QStringView marker, int count)
{
    QList<BatchPart> parts(count);
    qsizetype position = 0;
    for (int i = 0; i < count; ++i) {
        const QString header = u'\n' + marker + u' ' + QString::number(i) + u' ';
        const qsizetype start = output.indexOf(header, position);
        const qsizetype lineEnd = start < 0 ? -1 : output.indexOf(u'\n', start + header.size());
        const QString trailer = marker + QStringLiteral("-\n");
        const qsizetype end = lineEnd < 0 ? -1 : output.indexOf(trailer, lineEnd + 1);
        if (end < 0) {
            parts[i].out = output.mid(position).toString(); // what it printed before the batch ended
            break;
        }
        bool ok = false;
        const int status = output.mid(start + header.size(), lineEnd - start - header.size()).toInt(&ok);
        parts[i].exitStatus = ok ? std::optional<int>(status) : std::nullopt;
        parts[i].out = output.mid(position, start - position).toString();
        parts[i].err = output.mid(lineEnd + 1, end - lineEnd - 1).toString();
        parts[i].err.chop(1); // the newline printf put after it
        position = end + trailer.size();
    }
    return parts;
}

} // namespace UpgradeCommands
} // namespace Baton
