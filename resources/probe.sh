# Baton's host probe: everything a snapshot needs, in one round trip. Runs with POSIX sh
# on the host (sent on stdin: sh -s -- [PIDFILE [BINARY]]) and prints a line-oriented record
# that src/nginx/proberecord.cpp parses. Needs only sh, /proc and the usual utilities;
# optional tools are reported as missing, never fatal.
#
# Record format, version 1 (one item per line, fields separated by one space; the last
# field of a line may contain spaces):
#   baton-probe 1
#   host NAME                      hostname of the machine
#   uptime SECONDS                 /proc/uptime, to turn start times into ages
#   hz TICKS                       clock ticks per second (start times are in ticks)
#   tool NAME yes|no               optional tools: sha256sum, ss
#   proc PID PPID UID START STATE TITLE    every nginx process (its title starts with "nginx")
#   exe PID TARGET                 /proc/PID/exe of each master (may end in " (deleted)")
#   exesha PID SHA256|-            sha256 of the executable each master really runs
#   listen PID ADDRESS:PORT        a TCP socket a master listens on (IPv4 from /proc/net/tcp)
#   conns PID COUNT                established TCP connections of each nginx process
#   pidfile PATH PID|-             the pid file and what it holds ("-": missing or empty)
#   oldbin PATH PID|-              the same for PATH.oldbin
#   binary PATH SIZE MTIME SHA256|-   the nginx binary on disk
#   version PID TEXT               first line of `/proc/PID/exe -v` per master
#   end
set -u
pidfile=${1:-}
binary=${2:-}
echo "baton-probe 1"
echo "host $(hostname 2>/dev/null || cat /proc/sys/kernel/hostname)"
read -r up _ < /proc/uptime
echo "uptime ${up%.*}"
echo "hz $(getconf CLK_TCK 2>/dev/null || echo 100)"
for tool in sha256sum ss; do
    if command -v "$tool" >/dev/null 2>&1; then echo "tool $tool yes"; else echo "tool $tool no"; fi
done
masters=""
nginxpids=""
for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    # comm (the executable's name) first: a shell builtin, no process per entry of a busy host
    comm=
    read -r comm < "$dir/comm" 2>/dev/null || continue
    case $comm in nginx*|openresty*|freenginx*) ;; *) continue ;; esac
    title=$(tr '\000' ' ' < "$dir/cmdline" 2>/dev/null | sed 's/[[:space:]]*$//')
    case $title in nginx*) ;; *) continue ;; esac
    stat=$(cat "$dir/stat" 2>/dev/null) || continue
    rest=${stat##*) }
    # fields after the command: state ppid ... (starttime is field 22, i.e. the 20th here)
    set -- $rest
    state=$1 ppid=$2
    shift 19
    start=$1
    uid=$(awk '/^Uid:/ { print $2; exit }' "$dir/status" 2>/dev/null)
    echo "proc $pid $ppid ${uid:-?} $start $state $title"
    nginxpids="$nginxpids $pid"
    case $title in "nginx: master process"*) masters="$masters $pid" ;; esac
done
for pid in $masters; do
    echo "exe $pid $(readlink "/proc/$pid/exe" 2>/dev/null || echo '?')"
    sum=-
    if command -v sha256sum >/dev/null 2>&1; then
        sum=$(sha256sum < "/proc/$pid/exe" 2>/dev/null | cut -c1-64)
    fi
    echo "exesha $pid ${sum:--}"
done
# Sockets: the inodes each nginx process holds, matched against /proc/net/tcp{,6}
# (state 0A: listening, 01: established). Needs to read the processes' fd tables.
for pid in $nginxpids; do
    ls -l "/proc/$pid/fd" 2>/dev/null | sed -n "s/.*socket:\[\([0-9]*\)\]\$/$pid \1/p"
done | awk -v masters=" $masters " '
    function hex(h,   i, v) { v = 0; for (i = 1; i <= length(h); i++) v = v * 16 + index("0123456789ABCDEF", toupper(substr(h, i, 1))) - 1; return v }
    function addr(a,   ip, port) {
        split(a, part, ":"); port = hex(part[2]); ip = part[1]
        if (length(ip) != 8) return "[ipv6]:" port
        return hex(substr(ip, 7, 2)) "." hex(substr(ip, 5, 2)) "." hex(substr(ip, 3, 2)) "." hex(substr(ip, 1, 2)) ":" port
    }
    FILENAME == "-" { owner[$2] = owner[$2] " " $1; next }
    FNR > 1 && ($10 in owner) {
        n = split(owner[$10], pids, " ")
        for (i = 1; i <= n; i++) {
            if ($4 == "0A" && index(masters, " " pids[i] " ")) print "listen " pids[i] " " addr($2)
            if ($4 == "01") conns[pids[i]]++
        }
    }
    END { for (p in conns) print "conns " p " " conns[p] }
' - /proc/net/tcp /proc/net/tcp6 2>/dev/null
for file in "$pidfile" "${pidfile:+$pidfile.oldbin}"; do
    [ -n "$file" ] || continue
    kind=pidfile
    case $file in *.oldbin) kind=oldbin ;; esac
    content=$(cat "$file" 2>/dev/null | tr -dc '0-9')
    echo "$kind $file ${content:--}"
done
if [ -n "$binary" ] && [ -e "$binary" ]; then
    size=$(wc -c < "$binary" | tr -d ' ')
    mtime=$(date -r "$binary" +%s 2>/dev/null || echo 0)
    sum=-
    if command -v sha256sum >/dev/null 2>&1; then sum=$(sha256sum < "$binary" | cut -c1-64); fi
    echo "binary $binary $size $mtime $sum"
fi
for pid in $masters; do
    line=$("/proc/$pid/exe" -v 2>&1 | head -n 1)
    echo "version $pid $line"
done
echo "end"
