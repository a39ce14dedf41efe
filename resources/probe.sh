# Baton's host probe: everything a snapshot needs, in one round trip. Runs with POSIX sh
# on the host (sh -s -- [PIDFILE [BINARY [quick|facts|phase]]], or the script as a command after
# `set -- ARGS`, as Baton sends it) and prints a line-oriented record
# that src/nginx/proberecord.cpp parses. Needs only sh, /proc and the usual utilities
# (cat, sed, awk, tr, ls, readlink, head, cut, wc, date) in their POSIX or BusyBox forms; it
# reads the process table from /proc, so it never depends on the flavour of ps. Optional
# tools (sha256sum, systemctl) are reported as present or missing, never fatal.
#
# Every nginx master on the host is reported; PIDFILE pins the instance the caller means
# (its pid file is read even when no master names it), BINARY is the file on disk to
# describe. "quick" leaves out what costs most and changes least (sha256 sums, `exe -V`,
# the configuration, systemd): for polling while a step runs; the record says "quick yes".
# "facts" is a full record without the sockets (the upgrade engine's: on a busy host the
# TCP tables are long, and a step needs none of it); the record says "sockets no".
# "phase" leaves out, besides, the executables, sockets and the binary: the processes and
# pid files only, which is what the phase is derived from, at the cost of shell builtins
# alone (no process is started); the record says "quick phase".
#
# Record format, version 2 (one item per line, fields separated by one space; the last
# field of a line may contain spaces):
#   baton-probe 2
#   quick yes|phase                a quick or phase record (see above): no exesha, build, conf, daemon,
#                                  pidpath, errorlog, stderr, unit, systemd; binary without sha256
#   pin PATH                       the pid file the caller named (absent: none)
#   host NAME                      hostname of the machine
#   uptime SECONDS                 /proc/uptime, to turn start times into ages
#   hz TICKS                       clock ticks per second (start times are in ticks)
#   tool NAME yes|no               optional tools: sha256sum, systemctl
#   proc PID PPID UID START STATE TITLE    every nginx process (its title starts with "nginx")
#   rss PID PAGES                  its resident memory in pages (not in phase records)
#   pagesize BYTES                 the size of a page (full records only; absent: 4096)
#   exe PID TARGET                 /proc/PID/exe of each master (may end in " (deleted)")
#   exesha PID SHA256|-            sha256 of the executable each master really runs
#   build PID LINE                 each line of `/proc/PID/exe -V`: the build that really runs
#   conf PID PATH                  the main configuration file the master was started with
#   pidpath PID PATH|off|?         the pid file its configuration names (?: unreadable)
#   daemon PID on|off|?            its `daemon` directive (-g or the main configuration file)
#   errorlog PID PATH|stderr|?     its main error log (the main file's first `error_log`, else -e, else the default)
#   stderr PID TARGET              where its stderr goes (/proc/PID/fd/2): a new master's start-up errors land there
#   unit PID NAME                  the systemd service whose cgroup holds the master
#   systemd NAME KEY VALUE         Type, PIDFile, MainPID and ExecStart (path) of that unit
#   listen PID ADDRESS:PORT        a TCP socket a master listens on ([a:b:c:d:e:f:g:h]:PORT for IPv6)
#   conns PID COUNT                established TCP connections of each nginx process
#   pidfile PATH PID|-             each pid file and what it holds ("-": missing or empty)
#   oldbin PATH PID|-              what PATH.oldbin holds, for each pid file PATH
#   lock OWNER                     who holds Baton's lock of the pid file just named (absent: nobody;
#                                  not in phase records)
#   binary PATH SIZE MTIME SHA256|-   the nginx binary on disk
#   end
set -u
pin=${1:-}
binary=${2:-}
full=yes
level=${3:-}
sockets=yes
case $level in quick|phase) full= ;; facts) sockets= ;; *) level= ;; esac
echo "baton-probe 2"
case $level in quick) echo "quick yes" ;; phase) echo "quick phase" ;; facts) echo "sockets no" ;; esac
[ -z "$pin" ] || echo "pin $pin"
# Few processes per probe: builtins (read, parameter expansion) wherever they do the job.
read -r name < /proc/sys/kernel/hostname
echo "host $name"
read -r up _ < /proc/uptime
echo "uptime ${up%.*}"
# USER_HZ, the unit of start times in /proc/PID/stat: 100 on every Linux architecture
# nginx runs on today (getconf CLK_TCK would say so at the cost of a process)
hz=100
echo "hz $hz"
[ -z "$full" ] || [ "$level" = facts ] || echo "pagesize $(getconf PAGESIZE 2>/dev/null || echo 4096)"
have() { command -v "$1" >/dev/null 2>&1; }
for tool in sha256sum systemctl; do
    if have "$tool"; then echo "tool $tool yes"; else echo "tool $tool no"; fi
done
# sets sum to the sha256 of file $1 (empty without sha256sum): one process
sha() { sum=; if have sha256sum; then sum=$(sha256sum 2>/dev/null < "$1"); sum=${sum%% *}; fi; }
masters=""
nginxpids=""
exesums="" # "PID:SHA256" of each master's executable
for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    # comm (the executable's name) first: a shell builtin, no process per entry of a busy host
    comm=
    read -r comm 2>/dev/null < "$dir/comm" || continue
    case $comm in nginx*|openresty*|freenginx*) ;; *) continue ;; esac
    # A title nginx set is one string padded with NULs, which read drops: a builtin. Any
    # other command line (arguments apart) is read again with its NULs as spaces.
    title=
    read -r title 2>/dev/null < "$dir/cmdline"
    case $title in
        "nginx: "*) ;;
        *) title=$(tr '\000' ' ' 2>/dev/null < "$dir/cmdline") ;;
    esac
    while :; do case $title in *" ") title=${title% } ;; *) break ;; esac; done
    case $title in nginx*) ;; *) continue ;; esac
    read -r stat 2>/dev/null < "$dir/stat" || continue
    rest=${stat##*) }
    # fields after the command: state ppid ... (starttime is field 22, i.e. the 20th here)
    set -- $rest
    state=$1 ppid=$2
    shift 19
    start=$1 rss=$3
    uid=
    # (the shell reads a byte at a time: a phase record, polled often, does without the uid)
    [ "$level" = phase ] || while read -r key value _; do
        [ "$key" != Uid: ] || { uid=$value; break; }
    done 2>/dev/null < "$dir/status"
    echo "proc $pid $ppid ${uid:-?} $start $state $title"
    [ "$level" = phase ] || echo "rss $pid $rss"
    nginxpids="$nginxpids $pid"
    case $title in "nginx: master process"*) [ "$state" = Z ] || { masters="$masters $pid"; eval "title_$pid=\$title"; } ;; esac
done
nl='
'
pidpaths="" # newline-separated: paths may contain spaces
addpath() { case "$nl$pidpaths" in *"$nl$1$nl"*) ;; *) pidpaths="$pidpaths$1$nl" ;; esac; }
units=""
for pid in $masters; do
    [ -n "$full" ] || break
    sha "/proc/$pid/exe"
    echo "exesha $pid ${sum:--}"
    [ -z "$sum" ] || exesums="$exesums $pid:$sum"
    build=$("/proc/$pid/exe" -V 2>&1) || build=
    cargs=
    while IFS= read -r line; do
        [ -n "$line" ] || continue
        echo "build $pid $line"
        case $line in "configure arguments: "*) cargs=${line#configure arguments: } ;; esac
    done <<EOF_BUILD
$build
EOF_BUILD
    # Where the master's configuration and pid file are: -p/-c/-g from its title, the
    # compiled-in defaults (configure arguments), then the main configuration file's
    # top-level `pid` and `daemon` directives.
    eval "title=\$title_$pid"
    where=$(T=$title C=$cargs P=$pid awk '
        function scan(text,   n, t, i, k, depth, w) {
            gsub(/[{};]/, " & ", text)
            n = split(text, t, /[ \t\r\n]+/)
            for (i = 1; i <= n; i++) {
                if (t[i] == "") continue
                if (t[i] == "{") { depth++; k = 0; continue }
                if (t[i] == "}") { depth--; k = 0; continue }
                if (t[i] == ";") {
                    if (depth == 0 && k == 2 && w[1] == "pid" && pid == "") { pid = w[2]; gsub(/^["\047]|["\047]$/, "", pid) }
                    if (depth == 0 && k == 2 && w[1] == "daemon" && daemon == "") daemon = w[2]
                    if (depth == 0 && k >= 2 && w[1] == "error_log" && errlog == "") { errlog = w[2]; gsub(/^["\047]|["\047]$/, "", errlog) }
                    k = 0; continue
                }
                w[++k] = t[i]
            }
        }
        BEGIN {
            n = split(ENVIRON["T"], a, " ")
            for (i = 5; i <= n; i++) {
                t = a[i]; v = ""
                if (t ~ /^-g/) {
                    g = substr(t, 3)
                    while (i < n && a[i + 1] !~ /^-[pcegqtTsvVh?]/) { i++; g = g " " a[i] }
                    continue
                }
                if (t == "-p" || t == "-c" || t == "-e") { v = a[++i] } else if (t ~ /^-[pce]./) { v = substr(t, 3); t = substr(t, 1, 2) }
                if (t == "-p") prefix = v
                if (t == "-c") conf = v
                if (t == "-e") elog = v
            }
            dprefix = "/usr/local/nginx/"; dconf = "conf/nginx.conf"; dpid = "logs/nginx.pid"; dlog = "logs/error.log"
            m = split(ENVIRON["C"], c, " ")
            for (i = 1; i <= m; i++) {
                if (c[i] ~ /^--prefix=/) dprefix = substr(c[i], 10)
                if (c[i] ~ /^--conf-path=/) dconf = substr(c[i], 13)
                if (c[i] ~ /^--pid-path=/) dpid = substr(c[i], 12)
                if (c[i] ~ /^--error-log-path=/) dlog = substr(c[i], 18)
            }
            if (prefix == "") prefix = dprefix
            if (prefix !~ /\/$/) prefix = prefix "/"
            if (conf == "") conf = dconf
            if (conf !~ /^\//) conf = prefix conf
            scan(g)
            text = ""; readable = 0
            while ((r = (getline line < conf)) > 0) { readable = 1; sub(/#.*/, "", line); text = text " " line }
            if (r == 0) readable = 1
            scan(text)
            if (pid == "") pid = readable ? dpid : "?"
            if (pid != "off" && pid != "?" && pid !~ /^\//) pid = prefix pid
            if (daemon == "") daemon = readable ? "on" : "?"
            # the main error log: from the main file, else -e (the start-up log), else the build default
            if (errlog == "") errlog = elog
            if (errlog == "") errlog = readable ? dlog : "?"
            if (errlog != "stderr" && errlog != "?" && errlog !~ /^\//) errlog = prefix errlog
            print "conf " ENVIRON["P"] " " conf
            print "daemon " ENVIRON["P"] " " daemon
            print "pidpath " ENVIRON["P"] " " pid
            print "errorlog " ENVIRON["P"] " " errlog
        }')
    printf '%s\n' "$where"
    path=${where#*pidpath $pid }
    path=${path%%"$nl"*}
    case $path in off|\?|"") ;; *) addpath "$path" ;; esac
    unit=
    while IFS= read -r line; do
        case $line in *.service) unit=${line##*/}; break ;; esac
    done 2>/dev/null < "/proc/$pid/cgroup"
    if [ -n "$unit" ]; then
        echo "unit $pid $unit"
        case " $units " in *" $unit "*) ;; *) units="$units $unit" ;; esac
    fi
done
if [ -n "$full" ] && have systemctl; then
    for unit in $units; do
        systemctl show -p Type -p PIDFile -p MainPID -p ExecStart "$unit" 2>/dev/null | awk -v u="$unit" '
            /^ExecStart=/ { if (match($0, /path=[^ ;]*/)) print "systemd " u " ExecStart " substr($0, RSTART + 5, RLENGTH - 5); next }
            /^[A-Za-z]+=/ { k = $0; sub(/=.*/, "", k); v = $0; sub(/^[^=]*=/, "", v); print "systemd " u " " k " " (v == "" ? "-" : v) }'
    done
fi
# One ls for the masters' links (exe, network namespace, and stderr for a full record)
# and every nginx process's fds, one awk for what they say: "... /proc/PID/NAME -> TARGET"
# per link (no " -> ": unreadable), then a "/proc/PID/fd:" header per process and its
# sockets, matched against the masters' network namespaces' TCP tables (state 0A:
# listening, 01: established), which awk reads itself.
if [ "$level" != phase ] && [ -n "$masters" ]; then
    links=
    for pid in $masters; do
        links="$links /proc/$pid/exe /proc/$pid/ns/net"
        [ -z "$full" ] || links="$links /proc/$pid/fd/2"
    done
    fds=
    [ -z "$sockets" ] || for pid in $nginxpids; do fds="$fds /proc/$pid/fd"; done
    ls -l $links $fds 2>/dev/null | awk -v masters=" $masters " -v full="$full" -v sockets="$sockets" '
    function hex(h,   i, v) { v = 0; for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789ABCDEF", toupper(substr(h, i, 1))) - 1; return v }
    function addr(a,   part, port, ip, w, word, out) {
        split(a, part, ":"); port = hex(part[2]); ip = part[1]
        if (length(ip) == 8)
            return hex(substr(ip, 7, 2)) "." hex(substr(ip, 5, 2)) "." hex(substr(ip, 3, 2)) "." hex(substr(ip, 1, 2)) ":" port
        # IPv6: four 32-bit words, each in host (little-endian) byte order
        out = ""
        for (w = 0; w < 4; w++) {
            word = substr(ip, w * 8 + 1, 8)
            out = out (w ? ":" : "") sprintf("%x:%x", hex(substr(word, 7, 2) substr(word, 5, 2)), hex(substr(word, 3, 2) substr(word, 1, 2)))
        }
        return "[" out "]:" port
    }
    /^\/proc\/[0-9]+\/fd:$/ { split($0, part, "/"); pid = part[3]; next }
    pid == "" && index($0, " /proc/") && index($0, " -> ") {
        rest = substr($0, index($0, " /proc/") + 7)
        arrow = index(rest, " -> ")
        name = substr(rest, 1, arrow - 1); target = substr(rest, arrow + 4)
        p = name; sub(/\/.*/, "", p)
        if (name ~ /\/exe$/) { print "exe " p " " target; seen["exe", p] = 1 }
        else if (name ~ /\/fd\/2$/) { print "stderr " p " " target; seen["stderr", p] = 1 }
        else if (name ~ /\/ns\/net$/ && !(target in netns)) { netns[target] = 1; files[++nfiles] = "/proc/" p "/net/tcp"; files[++nfiles] = "/proc/" p "/net/tcp6" }
        next
    }
    pid != "" && $NF ~ /^socket:\[[0-9]+\]$/ { inode = $NF; gsub(/[^0-9]/, "", inode); owner[inode] = owner[inode] " " pid }
    END {
        n = split(masters, list, " ")
        for (i = 1; i <= n; i++) {
            if (!(("exe", list[i]) in seen)) print "exe " list[i] " ?"
            if (full && !(("stderr", list[i]) in seen)) print "stderr " list[i] " ?"
        }
        if (!sockets) exit
        if (!nfiles) { files[++nfiles] = "/proc/net/tcp"; files[++nfiles] = "/proc/net/tcp6" }
        for (f = 1; f <= nfiles; f++) {
            header = 1
            while ((getline line < files[f]) > 0) {
                if (header) { header = 0; continue }
                split(line, t, " ")
                if (!(t[10] in owner) || ((t[10], t[2]) in done)) continue
                done[t[10], t[2]] = 1
                k = split(owner[t[10]], pids, " ")
                for (j = 1; j <= k; j++) {
                    if (t[4] == "0A" && index(masters, " " pids[j] " ")) print "listen " pids[j] " " addr(t[2])
                    if (t[4] == "01") conns[pids[j]]++
                }
            }
            close(files[f])
        }
        for (p in conns) print "conns " p " " conns[p]
    }'
fi
[ -z "$pin" ] || addpath "$pin"
pidin() { content=; read -r content 2>/dev/null < "$1"; content=${content%%[!0-9]*}; content=${content:--}; }
# newline-separated paths, split by the shell itself (no pipeline, no process)
saved=$IFS
IFS=$nl
set -f
for file in $pidpaths; do
    IFS=$saved
    pidin "$file"
    echo "pidfile $file $content"
    pidin "$file.oldbin"
    echo "oldbin $file $content"
    # a Baton (or batonctl) holding this instance's lock wrote who it is beside the pid file
    owner=
    [ "$level" = phase ] || read -r owner 2>/dev/null < "${file%/*}/.baton-${file##*/}/owner" || owner=
    [ -z "$owner" ] || echo "lock $owner"
done
IFS=$saved
set +f
if [ -n "$binary" ] && [ "$level" != phase ] && [ -e "$binary" ]; then
    st=$(stat -L -c '%s %Y' "$binary" 2>/dev/null) || st="$(wc -c < "$binary") $(date -r "$binary" +%s)"
    set -- $st
    size=$1 mtime=${2:-0}
    sum=
    if [ -n "$full" ]; then
        # the file a master runs (same device and inode) has that master's sum already
        for entry in $exesums; do
            if [ "$binary" -ef "/proc/${entry%%:*}/exe" ] 2>/dev/null; then sum=${entry#*:}; break; fi
        done
        [ -n "$sum" ] || sha "$binary"
    fi
    echo "binary $binary $size $mtime ${sum:--}"
fi
echo "end"
