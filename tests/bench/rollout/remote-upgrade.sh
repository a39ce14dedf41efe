# The hand-written upgrade of one host, as an operator's script would do it over OpenSSH:
# sent on stdin (ssh HOST sh -s -- BINARY PIDFILE PREFIX CONFIG UPLOADED). The same steps
# and checks as Baton's automatic mode, minus the extras (no lock, no health URL, no
# transcript, no rollback on failure).
set -eu
bin=$1 pidfile=$2 prefix=$3 conf=$4 new=$5
old=$(cat "$pidfile")
workers() { # how many worker processes master $1 has
    master=$1 n=0
    for d in /proc/[0-9]*; do
        read -r s < "$d/stat" 2>/dev/null || continue
        set -- ${s##*) }
        [ "$2" = "$master" ] || continue
        case $(tr '\000' ' ' < "$d/cmdline" 2>/dev/null) in *"worker process"*) n=$((n+1)) ;; esac
    done
    echo "$n"
}
waitfor() { # waitfor SECONDS COMMAND...: polls every 0.1 s
    limit=$(( $1 * 10 )); shift; i=0
    until "$@"; do i=$((i+1)); [ $i -lt $limit ] || { echo "timed out: $*" >&2; exit 1; }; sleep 0.1; done
}
count=$(workers "$old")
"$new" -V 2>&1 | grep -q 'nginx version'                        # the target runs
"$new" -t -p "$prefix" -c "$conf" 2>/dev/null                    # config test with the new binary
cp -p "$bin" "$bin.script-backup" && cmp -s "$bin" "$bin.script-backup"   # backup
chmod 755 "$new" && mv -f "$new" "$bin"                           # atomic install
kill -USR2 "$old"
spawned() { [ -s "$pidfile.oldbin" ] && m=$(cat "$pidfile") && [ "$m" != "$old" ] && [ "$(workers "$m")" -ge "$count" ]; }
waitfor 30 spawned
kill -WINCH "$old"
drained() { [ "$(workers "$old")" -eq 0 ]; }
waitfor 60 drained
kill -QUIT "$old"
committed() { [ ! -e "$pidfile.oldbin" ] && [ ! -d "/proc/$old" ]; }
waitfor 30 committed
"/proc/$(cat "$pidfile")/exe" -v 2>&1 | grep -q 'nginx/1.26'     # the new version runs
