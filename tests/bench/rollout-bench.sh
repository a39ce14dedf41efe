#!/usr/bin/env bash
# The same full upgrade and commit of every host of a lab (stage nginx 1.26.x, back up,
# -t, USR2, wait for the new workers, WINCH, wait for the drain, QUIT, verify) done three
# ways, on a lab of 10 and one of 50 hosts:
#   baton    batonctl rollout, all hosts in one batch (and its more numerous checks)
#   openssh  a shell script over OpenSSH: one scp and one ssh per host, all in parallel
#   ansible  an ansible-playbook run: forks = hosts, pipelining, ControlPersist
# Prints wall time, CPU time (user + system of the tool and its children) and peak memory
# (the largest resident set among the tool's processes) for each, and the ratios to Baton:
# the median of BENCH_RUNS rounds (default 3) for baton and openssh, one run of ansible.
# Run inside the build environment: installer/env.sh exec tests/bench/rollout-bench.sh [SIZES...]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
batonctl=${BATONCTL:-$root/build/${BATON_PRESET:-ci}/bin/batonctl} # an optimised build
new=${BATON_LAB_NGINX_NEW:-/usr/sbin/nginx}
sizes=${*:-10 50}
methods=${BENCH_METHODS:-openssh ansible}   # compared with baton
work=$(mktemp -d /tmp/baton-bench-rollout.XXXXXX)
trap '"$batonctl" lab down --dir "$work/lab" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# run METHOD HOSTS: brings up a fresh lab, upgrades it with METHOD under GNU time, checks
# that every host runs 1.26, prints "wall cpu peak_kib"
run() {
    local method=$1 hosts=$2 inventory=$work/lab/inventory.json
    "$batonctl" lab up --hosts "$hosts" --dir "$work/lab" --owner-pid $$ >/dev/null
    case $method in
        baton) set -- "$batonctl" --inventory "$inventory" rollout --canary 0 --batch "$hosts" --parallel "$hosts" \
                   --binary "$new" --transcript-dir "$work/transcripts" --json ;;
        openssh) set -- "$root/tests/bench/rollout/openssh.sh" "$inventory" "$new" ;;
        ansible) set -- "$root/tests/bench/rollout/ansible.sh" "$inventory" "$new" ;;
    esac
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > "$work/out" 2>&1 || { tail -20 "$work/out" >&2; echo "$method failed" >&2; exit 1; }
    local upgraded
    upgraded=$("$batonctl" status --inventory "$inventory" --json | python3 -c '
import json, sys
hosts = json.load(sys.stdin)["hosts"]
print(sum(1 for h in hosts if h.get("phase") == "running" and "nginx/1.26" in h.get("master", {}).get("version", "")))')
    "$batonctl" lab down --dir "$work/lab" >/dev/null
    [ "$upgraded" -eq "$hosts" ] || { echo "$method: only $upgraded of $hosts hosts run 1.26" >&2; exit 1; }
    awk '{ printf "%.2f %.2f %d", $1, $2 + $3, $4 }' "$work/time"
}

# median LINES...: the run ("wall cpu peak") with the median wall time
median() { printf '%s\n' "$@" | sort -n -k1,1 | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'; }

# Each size: BENCH_RUNS rounds (default 3) of baton and the script, one after the other in
# each round so that a slower moment of the machine hits both; the medians are printed.
# Ansible runs once (a minute or two at 50 hosts; its ratio is far from 1).
runs=${BENCH_RUNS:-3}
printf '%-6s %-8s %9s %9s %10s %11s %11s\n' hosts method "wall s" "cpu s" "peak MiB" "wall/baton" "cpu/baton"
for n in $sizes; do
    declare -A results=()
    for ((round = 1; round <= runs; round++)); do
        for method in baton $methods; do
            if [[ $method == ansible && $round -gt 1 ]]; then continue; fi
            results[$method]+="$(run "$method" "$n")"$'\n'
        done
    done
    mapfile -t lines <<< "${results[baton]%$'\n'}"
    read -r bw bc bm <<< "$(median "${lines[@]}")"
    for method in baton $methods; do
        mapfile -t lines <<< "${results[$method]%$'\n'}"
        read -r w c m <<< "$(median "${lines[@]}")"
        printf '%-6s %-8s %9.2f %9.2f %10.1f %11.1f %11.1f\n' "$n" "$method" "$w" "$c" \
            "$(echo "$m" | awk '{ print $1 / 1024 }')" "$(awk -v a="$w" -v b="$bw" 'BEGIN { print a / b }')" \
            "$(awk -v a="$c" -v b="$bc" 'BEGIN { print a / b }')"
    done
    unset results
done
