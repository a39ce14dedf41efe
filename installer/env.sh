#!/usr/bin/env bash
# Baton's build environment: builds, tests and runs Baton, and runs any command, in an
# environment that has everything installer/packages.txt lists.
#
#   installer/env.sh run  [baton options]   build, start a 3-host lab, run the app
#   installer/env.sh test [ctest options]   build and run the whole test suite
#   installer/env.sh package                build the Debian package (release preset) into
#                                           build/release/package/
#   installer/env.sh exec CMD [ARGS...]     run CMD in the build environment
#   installer/env.sh setup                  only prepare the environment
#
# On Debian >= 13 and Ubuntu >= 25.04 the packages are installed with apt and everything
# runs natively. On Debian 12, a Debian 13 build root is made with debootstrap in a cache
# directory outside the checkout, and every command runs inside it in a private mount
# namespace (unshare --mount), with the checkout and /tmp at the same paths as outside.
#
# Environment: BATON_CACHE_DIR (default ~/.cache/baton), BATON_DEBIAN_MIRROR,
# BATON_PRESET (dev, asan or ci; ci when CI=true), BATON_NATIVE=1 to skip the build root.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
src=$(cd -- "$here/.." && pwd -P)
HOME=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
cache=${BATON_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/baton}
mirror=${BATON_DEBIAN_MIRROR:-http://deb.debian.org/debian}
if [[ ${CI:-} == true ]]; then preset=${BATON_PRESET:-ci}; else preset=${BATON_PRESET:-dev}; fi
# Bump when the build root recipe below changes in a way packages.txt does not show.
recipe_version=2
old_nginx_in_root=/opt/baton/nginx-1.22.1

say() { printf 'env.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

packages() { sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/packages.txt" | xargs; }

# native | buildroot, from /etc/os-release
platform() {
    [[ ${BATON_NATIVE:-} == 1 ]] && { echo native; return; }
    local ID='' VERSION_ID=''
    # shellcheck disable=SC1091
    . /etc/os-release
    local major=${VERSION_ID%%.*}
    case $ID in
        debian) if [[ -z $VERSION_ID ]] || (( major >= 13 )); then echo native
                elif (( major == 12 )); then echo buildroot
                else die "Debian $VERSION_ID is too old: use Debian 12 (build root) or 13"; fi ;;
        ubuntu) if (( major > 25 || (major == 25 && ${VERSION_ID#*.} >= 4) )); then echo native
                else die "Ubuntu $VERSION_ID lacks Qt 6.8: use Ubuntu 25.04 or later"; fi ;;
        *) die "unsupported system '$ID': install the packages in installer/packages.txt (or their equivalents) and set BATON_NATIVE=1" ;;
    esac
}

need_root() {
    (( EUID == 0 )) && return
    command -v sudo >/dev/null || die "$1 needs root; run this script as root"
    say "$1 needs root: re-running with sudo"
    exec sudo --preserve-env=CI,DISPLAY,XAUTHORITY,TERM,BATON_CACHE_DIR,BATON_DEBIAN_MIRROR,BATON_PRESET,BATON_NATIVE \
        BATON_CACHE_DIR="$cache" "$here/env.sh" "${original_args[@]}"
}

recipe_hash() {
    { cat "$here/packages.txt" "$here/fetch-old-nginx.sh"; echo "recipe $recipe_version"; } \
        | sha256sum | cut -c1-12
}

buildroot_dir() { echo "$cache/buildroot-trixie-$(recipe_hash)"; }

# True when a process runs inside DIR or something is mounted under it (in our namespace).
dir_in_use() {
    local dir=$1 link
    for link in /proc/[0-9]*/root; do
        [[ $(readlink "$link" 2>/dev/null) == "$dir"* ]] && return 0
    done
    grep -q " $dir[/ ]" /proc/self/mountinfo
}

# Mounts proc, dev and sys in build root $1. Only ever called inside `unshare --mount`,
# so every mount disappears with the command.
mount_system_dirs() {
    local root=$1
    mount --bind "$root" "$root"          # a mount point of its own: namespaces nest inside
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount --rbind /sys "$root/sys"
}

make_buildroot() {
    local root=$1 partial=$1.partial
    need_root "making the Debian 13 build root"
    command -v debootstrap >/dev/null || {
        say "installing debootstrap on this machine"
        apt-get install -y -q debootstrap >/dev/null || { apt-get update -q && apt-get install -y -q debootstrap; }
    }
    dir_in_use "$partial" && die "$partial is in use; not touching it"
    rm -rf --one-file-system "$partial"
    say "making a Debian 13 build root in $root (about a minute)"
    debootstrap --variant=minbase trixie "$partial" "$mirror" > "$cache/debootstrap.log" 2>&1 \
        || die "debootstrap failed; see $cache/debootstrap.log"
    echo "deb $mirror trixie main" > "$partial/etc/apt/sources.list"
    printf '#!/bin/sh\nexit 101\n' > "$partial/usr/sbin/policy-rc.d"   # never start services
    chmod +x "$partial/usr/sbin/policy-rc.d"
    install -m 755 "$here/fetch-old-nginx.sh" "$partial/usr/local/sbin/fetch-old-nginx"
    local pkgs
    pkgs=$(packages)
    # shellcheck disable=SC2016
    unshare --mount --propagation private -- "$here/env.sh" __chroot "$partial" /bin/sh -c '
        set -e
        export DEBIAN_FRONTEND=noninteractive
        apt-get -q update
        apt-get install -y -q --no-install-recommends $1
        apt-get clean
        sed -i -E "s/^# *((en_US|zh_CN)\.UTF-8 UTF-8)/\1/" /etc/locale.gen
        locale-gen
        fetch-old-nginx "$2" "$3"' sh "$pkgs" "$old_nginx_in_root" "$mirror" > "$cache/packages.log" 2>&1 \
        || die "installing packages in the build root failed; see $cache/packages.log"
    date -u +%FT%TZ > "$partial/.baton-buildroot"
    mv "$partial" "$root"
    say "build root ready"
    local old
    for old in "$cache"/buildroot-trixie-*; do
        [[ $old == "$root" || $old == *.partial || ! -d $old ]] && continue
        if dir_in_use "$old"; then say "keeping outdated $old: it is in use"
        else say "removing outdated $old"; rm -rf --one-file-system "$old"; fi
    done
}

ensure_buildroot() {
    local root
    root=$(buildroot_dir)
    [[ -f $root/.baton-buildroot ]] && return
    mkdir -p "$cache"
    exec 9>"$cache/buildroot.lock"
    flock 9
    [[ -f $root/.baton-buildroot ]] || make_buildroot "$root"
    exec 9>&-
}

ensure_native() {
    local missing=() p
    for p in $(packages); do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    if (( ${#missing[@]} )); then
        need_root "installing ${missing[*]}"
        apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
    "$here/fetch-old-nginx.sh" "$cache/nginx-1.22.1" "$mirror"
}

# Runs "$@" in the build environment, in the current directory.
in_env() {
    local -a vars=("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
                   "LANG=C.UTF-8" "HOME=$HOME" "USER=${USER:-$(id -un)}")
    local name
    for name in $(compgen -e); do
        case $name in
            CI|TERM|DISPLAY|XAUTHORITY|BATON_*|QT_*|CTEST_*|ASAN_OPTIONS|UBSAN_OPTIONS|LSAN_OPTIONS)
                vars+=("$name=${!name}") ;;
        esac
    done
    if [[ $(platform) == native ]]; then
        ensure_native
        env -i "${vars[@]}" BATON_LAB_NGINX_OLD="$cache/nginx-1.22.1/usr/sbin/nginx" \
            BATON_LAB_NGINX_NEW=/usr/sbin/nginx "$@"
    else
        ensure_buildroot
        need_root "entering the build root"
        unshare --mount --propagation private -- "$here/env.sh" __enter "$(buildroot_dir)" "$PWD" \
            env -i "${vars[@]}" HOME=/root BATON_LAB_NGINX_OLD="$old_nginx_in_root/usr/sbin/nginx" \
            BATON_LAB_NGINX_NEW=/usr/sbin/nginx "$@"
    fi
}

# Inside the environment: configure (first time) and build.
build() {
    local dir=$src/build/$preset
    [[ -f $dir/CMakeCache.txt ]] || cmake --preset "$preset" -S "$src"
    cmake --build "$dir" --parallel "$(nproc)"
}

original_args=("$@")
cmd=${1:-}
(( $# )) && shift
case $cmd in
    run|test|package|setup|exec)
        [[ $cmd == exec && $# == 0 ]] && die "usage: env.sh exec CMD [ARGS...]"
        case $cmd in
            run) in_env "$here/env.sh" __run "$@" ;;
            test) in_env "$here/env.sh" __test "$@" ;;
            package) BATON_PRESET=release in_env "$here/env.sh" __package "$@" ;;
            setup) in_env true ;;
            exec) in_env "$@" ;;
        esac ;;
    __chroot)
        root=$1; shift
        mount_system_dirs "$root"
        exec chroot "$root" "$@" ;;
    __enter)
        root=$1 pwd=$2; shift 2
        mount_system_dirs "$root"
        mount --rbind /tmp "$root/tmp"
        if [[ $src != /tmp/* ]]; then mkdir -p "$root$src" && mount --bind "$src" "$root$src"; fi
        # shellcheck disable=SC2016
        exec chroot "$root" /bin/sh -c 'cd "$1" 2>/dev/null || cd /; shift; exec "$@"' sh "$pwd" "$@" ;;
    __test)
        cd "$src"
        build
        exec ctest --test-dir "$src/build/$preset" --output-on-failure "$@" ;;
    __package)
        cd "$src"
        build
        out=$src/build/$preset/package
        (cd "$src/build/$preset" && cpack -G DEB -B "$out") >&2
        deb=$(ls -t "$out"/baton_*.deb | head -n 1)
        say "the package: $deb"
        say "install it on Debian 13 with: sudo apt install $deb" ;;
    __run)
        cd "$src"
        build
        bin=$src/build/$preset/bin
        lab=${BATON_LAB_DIR:-/tmp/baton-lab}
        "$bin/batonctl" lab up --hosts 3 --dir "$lab" --owner-pid $$
        trap '"$bin/batonctl" lab down --dir "$lab"' EXIT
        if [[ -z ${DISPLAY:-} ]]; then
            xvfb-run -a -s '-screen 0 1440x900x24' "$bin/baton" --inventory "$lab/inventory.json" "$@"
        else
            "$bin/baton" --inventory "$lab/inventory.json" "$@"
        fi ;;
    *)
        sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        [[ -z $cmd || $cmd == -h || $cmd == --help ]] || exit 2 ;;
esac
