#!/bin/sh
# Captures the fixtures of the nginx -t and stub_status parsers (tests/data/nginx-t/ and
# tests/data/stub-status/) from the real nginx binaries of the build root:
#
#   installer/env.sh exec sh tests/data/capture-parsers.sh
#
# Every nginx runs with a prefix, pid file, error log and listen port of its own in a
# temporary directory; every nginx started is stopped (QUIT, by the pid in its pid file),
# also when the script fails. The non-root case needs root and setpriv; it is skipped
# otherwise.
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
old=${BATON_LAB_NGINX_OLD:?run this inside installer/env.sh exec}
new=${BATON_LAB_NGINX_NEW:?run this inside installer/env.sh exec}
out_t=$here/nginx-t
out_status=$here/stub-status
work=$(mktemp -d "${TMPDIR:-/tmp}/baton-capture.XXXXXX")
chmod 755 "$work" # the non-root case reads its configuration here
started=""

stop_all() {
    for pidfile in $started; do
        if [ -s "$pidfile" ]; then
            kill -QUIT "$(cat "$pidfile")" 2>/dev/null || true
            tries=0
            while [ -e "$pidfile" ] && [ $tries -lt 50 ]; do
                sleep 0.1
                tries=$((tries + 1))
            done
        fi
    done
    started=""
}
trap 'stop_all; rm -rf "$work"' EXIT
trap 'exit 1' INT TERM HUP

version_of() {
    "$1" -v 2>&1 | sed -n 's|^nginx version: nginx/||p'
}

# A port nobody listens on, from 20000 + (pid mod 10000) upwards.
free_port() {
    port=$((20000 + $$ % 10000))
    while [ -n "$(ss -Htln "sport = :$port")" ]; do
        port=$((port + 1))
    done
    echo "$port"
}

# config NAME PORT [DIRECTIVES-IN-SERVER] [DIRECTIVES-IN-HTTP] [DIRECTIVES-AT-TOP]: writes
# $work/NAME/nginx.conf, with NAME as its prefix directory.
config() {
    prefix=$work/$1
    mkdir -p "$prefix/logs" "$prefix/html"
    cat > "$prefix/nginx.conf" <<EOF
${5:-}
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log;
worker_processes 1;
events { worker_connections 64; }
http {
    access_log $prefix/logs/access.log;
    client_body_temp_path $prefix/client_body;
    proxy_temp_path $prefix/proxy;
    fastcgi_temp_path $prefix/fastcgi;
    uwsgi_temp_path $prefix/uwsgi;
    scgi_temp_path $prefix/scgi;
${4:-}
    server {
        listen 127.0.0.1:$2${6:-};
        server_name localhost;
${3:-}
    }
}
EOF
    chmod -R a+rX "$prefix"
}

# capture FILE NGINX NAME [NGINX OPTIONS]: nginx -t on $work/NAME, stderr and stdout merged.
capture() {
    file=$1 binary=$2 name=$3
    shift 3
    "$binary" -t -p "$work/$name/" -c "$work/$name/nginx.conf" "$@" > "$file" 2>&1 || true
    echo "captured $file"
}

mkdir -p "$out_t" "$out_status"
port=$(free_port)
for binary in "$old" "$new"; do
    v=$(version_of "$binary")
    [ -n "$v" ] || { echo "$binary: no version" >&2; exit 1; }

    config "ok-$v" "$port" "        location = /status { stub_status; }"
    capture "$out_t/nginx-$v-ok.txt" "$binary" "ok-$v"

    # duplicate MIME extension (in FILE:LINE), conflicting server name (no location), and on
    # 1.25.1+ the deprecated "listen ... http2"
    config "warn-$v" "$port" "" "    types { text/html html; text/plain html; }
    server { listen 127.0.0.1:$port; server_name localhost; }" "" " http2"
    capture "$out_t/nginx-$v-warn.txt" "$binary" "warn-$v"

    config "emerg-$v" "$port" "        foo bar;"
    capture "$out_t/nginx-$v-emerg.txt" "$binary" "emerg-$v"
done
v=$(version_of "$new") # the cases below are captured with the new version only

# Debian builds with --error-log-path=stderr, so messages come in the error log's format;
# with -e FILE nginx writes them to FILE and prints "nginx: [level] ..." on stderr.
capture "$out_t/nginx-$v-emerg-e.txt" "$new" "emerg-$v" -e "$work/emerg-$v/logs/e.log"

config "missing-$v" "$port"
capture "$out_t/nginx-$v-missing-include.txt" "$new" "missing-$v" -g "include $work/missing-$v/none.conf;"

# -q: silent on success, so warnings come without a verdict
capture "$out_t/nginx-$v-quiet-warn.txt" "$new" "warn-$v" -q

if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null; then
    # as nobody: an error log it cannot open (alert), the "user" directive (warn) and a pid
    # file it cannot create (emerg, after "syntax is ok")
    config "nonroot-$v" "$port" "" "" "user nobody;"
    mkdir -m 700 "$work/private"
    setpriv --reuid=nobody --regid=nogroup --clear-groups \
        "$new" -t -p "$work/nonroot-$v/" -c "$work/nonroot-$v/nginx.conf" -e "$work/private/error.log" \
        > "$out_t/nginx-$v-nonroot.txt" 2>&1 || true
    echo "captured $out_t/nginx-$v-nonroot.txt"
else
    echo "not root or no setpriv: skipping the non-root capture" >&2
fi

# stub_status, after a few requests, from each version
for binary in "$old" "$new"; do
    v=$(version_of "$binary")
    name=ok-$v
    pidfile=$work/$name/nginx.pid
    rm -f "$pidfile" # nginx -t left it there, empty
    started="$started $pidfile"
    "$binary" -p "$work/$name/" -c "$work/$name/nginx.conf"
    tries=0
    until [ -s "$pidfile" ] && curl -s -o /dev/null "http://127.0.0.1:$port/status"; do
        tries=$((tries + 1))
        [ $tries -lt 50 ] || { echo "nginx $v did not start" >&2; exit 1; }
        sleep 0.1
    done
    for i in 1 2 3 4 5; do
        curl -s -o /dev/null "http://127.0.0.1:$port/page-$i"
    done
    curl -sS "http://127.0.0.1:$port/status" > "$out_status/nginx-$v.txt"
    echo "captured $out_status/nginx-$v.txt"
    stop_all
done
# what a server without stub_status at that location answers
curl -sS "http://127.0.0.1:$port/status" > /dev/null 2>&1 && { echo "port $port still answers" >&2; exit 1; }
config "nostatus-$v" "$port"
pidfile=$work/nostatus-$v/nginx.pid
started="$pidfile"
"$new" -p "$work/nostatus-$v/" -c "$work/nostatus-$v/nginx.conf"
tries=0
until [ -s "$pidfile" ] && curl -s -o /dev/null "http://127.0.0.1:$port/"; do
    tries=$((tries + 1))
    [ $tries -lt 50 ] || { echo "nginx $v did not start" >&2; exit 1; }
    sleep 0.1
done
curl -sS "http://127.0.0.1:$port/status" > "$out_status/nginx-$v-404.html"
echo "captured $out_status/nginx-$v-404.html"
stop_all
