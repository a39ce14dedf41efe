#!/usr/bin/env bash
# How long `batonctl lab up` takes for 10 and 50 hosts, against a baseline measured in the
# same run: starting one host. Prints wall times and the per-host ratio.
# Run inside the build environment: installer/env.sh exec tests/bench/lab-startup.sh
set -euo pipefail
batonctl=${BATONCTL:-$(cd "$(dirname "$0")/../.." && pwd)/build/${BATON_PRESET:-dev}/bin/batonctl}
dir=$(mktemp -d /tmp/baton-bench-lab.XXXXXX)
trap '"$batonctl" lab down --dir "$dir/lab" >/dev/null 2>&1; rm -rf "$dir"' EXIT

up() {   # prints the wall time of `lab up --hosts $1` in seconds
    local start end
    start=$(date +%s.%N)
    "$batonctl" lab up --hosts "$1" --dir "$dir/lab" --owner-pid $$ >/dev/null 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
    end=$(date +%s.%N)
    "$batonctl" lab down --dir "$dir/lab" >/dev/null 2>&1
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

base=$(up 1)
printf '%-8s %10s %14s\n' hosts "wall (s)" "per host vs 1"
printf '%-8s %10.2f %14s\n' 1 "$base" "1.00"
for n in 10 50; do
    t=$(up "$n")
    printf '%-8s %10.2f %14.2f\n' "$n" "$t" "$(awk -v t="$t" -v n="$n" -v b="$base" 'BEGIN { print t / n / b }')"
done
