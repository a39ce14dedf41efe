#!/usr/bin/env bash
# The Debian package, installed as a user would: CPack makes the .deb from this build; a clean
# Debian 13 root is made with the build root's recipe (debootstrap --variant=minbase trixie);
# the package's declared dependencies are installed, the root is fingerprinted, the .deb is
# installed with apt, `baton --version`, `batonctl --help` and `baton --screenshot` (under
# Xvfb) must work there, the installed desktop file and AppStream metainfo must validate, and
# `apt-get purge baton` must leave the root exactly as the fingerprint says.
#
#   tests/package/test-package.sh BUILD_DIR       (as root; ctest -L package)
#
# Everything started in the root runs in a PID namespace of its own, so that nothing outlives
# the test, and every mount in a mount namespace of its own, so that the root can be deleted.
set -euo pipefail

say() { printf 'test-package: %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }

if [[ ${1:-} == __inside ]]; then
    shift
    root=$1 deb=$2 work=$3
    mirror=${BATON_DEBIAN_MIRROR:-http://deb.debian.org/debian}
    in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/tmp/home \
        DEBIAN_FRONTEND=noninteractive "$@"; }

    say "making a clean Debian 13 root (debootstrap --variant=minbase trixie)"
    debootstrap --variant=minbase trixie "$root" "$mirror" > "$work/debootstrap.log" 2>&1 \
        || fail "debootstrap failed; see $work/debootstrap.log"
    echo "deb $mirror trixie main" > "$root/etc/apt/sources.list"
    printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"   # never start services
    chmod +x "$root/usr/sbin/policy-rc.d"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
    mount -t tmpfs tmpfs "$root/tmp"
    mkdir -p "$root/tmp/home" "$root/tmp/runtime"
    chmod 700 "$root/tmp/runtime"
    cp "$deb" "$root/tmp/"
    deb_in_root=/tmp/$(basename "$deb")

    # The tools of the test, then exactly what the package declares it depends on
    depends=$(dpkg-deb --field "$deb" Depends)
    say "Depends: $depends"
    {
        in_root apt-get -q update
        in_root apt-get install -y -q --no-install-recommends xvfb xauth
        in_root apt-get satisfy -y -q --no-install-recommends "$depends"
    } > "$work/apt.log" 2>&1 || fail "installing the test's tools or the package's dependencies failed; see $work/apt.log"

    # The root's files with their contents and modes, leaving out the package manager's own
    # state and logs, caches, and what only exists while the system runs
    fingerprint() {
        (cd "$root" && find . -xdev \
            \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./tmp -o -path ./run \
               -o -path ./var/lib/dpkg -o -path ./var/lib/apt -o -path ./var/cache -o -path ./var/log \) -prune \
            -o -printf '%y %m %p %l\n' | LC_ALL=C sort > "$1.list"
         find . -xdev \
            \( -path ./proc -o -path ./sys -o -path ./dev -o -path ./tmp -o -path ./run \
               -o -path ./var/lib/dpkg -o -path ./var/lib/apt -o -path ./var/cache -o -path ./var/log \) -prune \
            -o -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum > "$1.sums")
    }
    fingerprint "$work/before"

    say "apt-get install ./$(basename "$deb")"
    in_root dpkg-query -W -f '${Package}\n' | LC_ALL=C sort > "$work/packages-before.txt"
    in_root apt-get install -y -q --no-install-recommends "$deb_in_root" > "$work/install.log" 2>&1 \
        || fail "installing the package failed; see $work/install.log"
    # everything the package needs came from its Depends: apt installed baton and nothing else
    in_root dpkg-query -W -f '${Package}\n' | LC_ALL=C sort > "$work/packages-after.txt"
    added=$(LC_ALL=C comm -13 "$work/packages-before.txt" "$work/packages-after.txt" | xargs)
    [[ $added == baton ]] || fail "apt installed '$added' where it should install baton alone"
    in_root dpkg -L baton > "$work/files.txt"
    for expected in /usr/bin/baton /usr/bin/batonctl /usr/share/applications/dev.baton.baton.desktop \
        /usr/share/metainfo/dev.baton.baton.metainfo.xml /usr/share/icons/hicolor/scalable/apps/dev.baton.baton.svg \
        /usr/share/icons/hicolor/16x16/apps/dev.baton.baton.png /usr/share/icons/hicolor/256x256/apps/dev.baton.baton.png \
        /usr/share/man/man1/baton.1.gz /usr/share/man/man1/batonctl.1.gz; do
        grep -qx "$expected" "$work/files.txt" || fail "the package does not install $expected"
    done
    say "the package installs $(grep -c . "$work/files.txt") paths"

    desktop-file-validate "$root/usr/share/applications/dev.baton.baton.desktop" \
        || fail "desktop-file-validate: the installed desktop file is not valid"
    appstreamcli validate --no-net --pedantic --explain "$root/usr/share/metainfo/dev.baton.baton.metainfo.xml" \
        || fail "appstreamcli validate: the installed metainfo is not valid"
    zcat "$root/usr/share/man/man1/batonctl.1.gz" | grep -q '^\.SS "batonctl upgrade"' \
        || fail "the man page of batonctl lacks its upgrade command"

    # No display: --version and --help answer without one
    in_root baton --version > "$work/version.txt" 2>&1 || fail "baton --version failed: $(cat "$work/version.txt")"
    cat "$work/version.txt" >&2
    for line in '^baton [0-9]+\.[0-9]+\.[0-9]+$' '^Qt 6\.' '^libssh 0\.' '^KSyntaxHighlighting 6\.'; do
        grep -Eq "$line" "$work/version.txt" || fail "baton --version has no line like /$line/"
    done
    in_root batonctl --help > "$work/batonctl-help.txt" 2>&1 || fail "batonctl --help failed: $(cat "$work/batonctl-help.txt")"
    grep -q 'rollout --binary PATH' "$work/batonctl-help.txt" || fail "batonctl --help does not list its commands"
    in_root batonctl --version | grep -Eq '^batonctl [0-9]' || fail "batonctl --version failed"

    # The desktop app under Xvfb with one host that refuses connections: every QML module it
    # imports and every plugin Qt loads must be there, or it prints why and fails
    cat > "$root/tmp/home/inventory.json" <<'EOF'
{"version": 1, "hosts": [{"name": "web-1", "address": "127.0.0.1", "port": 1, "user": "root"}]}
EOF
    # every page, since a page loads its QML modules when it is first shown
    for page in fleet host upgrade rollout compare settings; do
        say "baton --screenshot --page $page under Xvfb"
        if ! in_root XDG_RUNTIME_DIR=/tmp/runtime timeout 120 xvfb-run -a -s '-screen 0 1280x800x24' \
            baton --inventory /tmp/home/inventory.json --page "$page" --screenshot "/tmp/$page.png" \
            > "$work/screenshot-$page.log" 2>&1; then
            cat "$work/screenshot-$page.log" >&2
            fail "baton --screenshot --page $page failed in the clean root"
        fi
        if grep -Eiq 'module "[^"]+" is not installed|no module named|could not load the qt platform plugin|cannot load library|failed to load|qrc:.*error' \
            "$work/screenshot-$page.log"; then
            cat "$work/screenshot-$page.log" >&2
            fail "baton reported missing parts while showing the $page page"
        fi
        cp "$root/tmp/$page.png" "$work/screenshot-$page.png"
        file "$work/screenshot-$page.png" | grep -Eq 'PNG image data, [0-9]{3,4} x [0-9]{3,4}' \
            || fail "baton --screenshot --page $page did not write a PNG: $(file "$work/screenshot-$page.png")"
    done
    say "screenshots: $work/screenshot-*.png"

    say "apt-get purge baton"
    in_root apt-get purge -y -q baton > "$work/purge.log" 2>&1 || fail "removing the package failed; see $work/purge.log"
    in_root dpkg-query -W baton > /dev/null 2>&1 && fail "baton is still known to dpkg after the purge"
    fingerprint "$work/after"
    diff -u "$work/before.list" "$work/after.list" > "$work/left-behind.diff" \
        && diff -u "$work/before.sums" "$work/after.sums" >> "$work/left-behind.diff" \
        || { cat "$work/left-behind.diff" >&2; fail "the package left the root changed (above)"; }
    say "purged: the root is as it was before the install ($(wc -l < "$work/before.list") paths compared)"
    exit 0
fi

build=$(cd "${1:?usage: test-package.sh BUILD_DIR}" && pwd)
if [[ $(id -u) != 0 ]]; then
    say "SKIP: needs root (debootstrap, chroot); installer/env.sh test runs it as root"
    exit 77
fi
work=$build/package-test
root=$work/root
if [[ -d $root ]]; then
    grep -q " $root[/ ]" /proc/self/mountinfo && fail "$root has something mounted; not touching it"
    rm -rf --one-file-system "$root"
fi
mkdir -p "$work"
rm -f "$work"/*.log "$work"/*.deb

say "cpack: making the .deb from $build"
(cd "$build" && cpack -G DEB -B "$work/cpack" > "$work/cpack.log" 2>&1) || fail "cpack failed; see $work/cpack.log"
deb=$(find "$work/cpack" -maxdepth 1 -name 'baton_*.deb' -newer "$work/cpack.log" -print -quit)
[[ -z $deb ]] && deb=$(find "$work/cpack" -maxdepth 1 -name 'baton_*.deb' -print -quit)
[[ -n $deb ]] || fail "cpack made no baton_*.deb; see $work/cpack.log"
say "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p' >&2

status=0
unshare --mount --propagation private --pid --fork -- "$0" __inside "$root" "$deb" "$work" || status=$?
# the namespaces are gone with their last process: nothing is mounted in the root any more
if grep -q " $root[/ ]" /proc/self/mountinfo; then
    say "leaving $root: something is still mounted in it"
else
    rm -rf --one-file-system "$root"
fi
exit $status
