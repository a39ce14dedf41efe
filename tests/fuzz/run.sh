#!/bin/sh
# Builds the libFuzzer targets with clang in a build tree of their own and runs each one
# for a bounded time on a corpus seeded from tests/data. Called by ctest (test fuzz/parsers).
# Usage: run.sh SOURCE_DIR BUILD_DIR SECONDS_PER_TARGET
set -eu
src=$1
out=$2
seconds=${3:-20}
targets="fuzz_proberecord fuzz_nginxbuild fuzz_nginxversion fuzz_inventory fuzz_configtest fuzz_stubstatus fuzz_pidfile"
cmake -S "$src" -B "$out" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBATON_FUZZ=ON > "$out.configure.log" 2>&1 || { cat "$out.configure.log"; exit 1; }
# shellcheck disable=SC2086
cmake --build "$out" --target $targets > "$out.build.log" 2>&1 || { tail -50 "$out.build.log"; exit 1; }
for target in $targets; do
    corpus=$out/corpus/$target
    mkdir -p "$corpus"
    case $target in
        fuzz_proberecord) cp "$src"/tests/data/probe/*.txt "$corpus"/ ;;
        fuzz_nginxbuild|fuzz_nginxversion) cp "$src"/tests/data/nginx-*.txt "$corpus"/ ;;
        fuzz_configtest) cp "$src"/tests/data/nginx-t/*.txt "$corpus"/ ;;
        fuzz_stubstatus) cp "$src"/tests/data/stub-status/* "$corpus"/ ;;
        fuzz_pidfile) printf '1234\n' > "$corpus/seed" ;;
        fuzz_inventory) printf '%s' '{"version":1,"name":"x","knownHostsFile":"k","hosts":[{"name":"a","address":"h","port":22,"user":"u","groups":["g"],"sudo":true,"nginx":{"pidFile":"/run/nginx.pid"}}]}' > "$corpus/seed.json" ;;
    esac
    echo "== $target: $seconds s"
    if ! "$out/bin/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$out/" "$corpus" > "$out/$target.log" 2>&1; then
        tail -40 "$out/$target.log"
        echo "$target found a crash: see $out/$target.log and the crash-* file in $out"
        exit 1
    fi
    grep -E '^stat::number_of_executed_units' "$out/$target.log" || true
done
echo "fuzz: all targets ran clean"
