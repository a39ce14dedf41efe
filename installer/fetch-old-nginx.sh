#!/bin/sh
# Fetches Debian 12's nginx 1.22.1 (the lab's "old" build) and extracts it into DEST, so
# that DEST/usr/sbin/nginx exists, with one of its dynamic modules beside it (libnginx-mod-stream:
# DEST/usr/lib/nginx/modules/ngx_stream_module.so, built for 1.22.1 only, for tests of a
# configuration that the new build refuses). Uses a private apt state of its own, so it never
# touches the system's sources: it works in the Debian 13 build root and on a native Debian/Ubuntu.
# Usage: fetch-old-nginx.sh DEST [MIRROR]
set -eu
dest=$1
mirror=${2:-http://deb.debian.org/debian}
module=usr/lib/nginx/modules/ngx_stream_module.so
[ -x "$dest/usr/sbin/nginx" ] && [ -f "$dest/$module" ] && exit 0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/etc/preferences.d"
echo "deb [trusted=yes] $mirror bookworm main" > "$work/etc/sources.list"
set -- -o Dir::Etc::SourceList="$work/etc/sources.list" -o Dir::Etc::SourceParts=/dev/null \
       -o Dir::Etc::PreferencesParts="$work/etc/preferences.d" \
       -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work" \
       -o Dir::State::status=/dev/null -o Debug::NoLocking=1 -o APT::Sandbox::User=root
apt-get "$@" -qq update
cd "$work"
apt-get "$@" -qq download 'nginx/bookworm'
deb=$(ls "$work"/nginx_1.22.1-*.deb)
# The module of the very same build: nginx refuses a module whose signature differs.
version=$(dpkg-deb -f "$deb" Version)
apt-get "$@" -qq download "libnginx-mod-stream=$version"
moddeb=$(ls "$work"/libnginx-mod-stream_*.deb)
rm -rf "$dest.partial"
mkdir -p "$dest.partial"
dpkg-deb -x "$deb" "$dest.partial"
dpkg-deb -x "$moddeb" "$dest.partial"
"$dest.partial/usr/sbin/nginx" -v 2>&1 | grep -q 'nginx/1.22.1' || {
    echo "fetch-old-nginx: $deb does not contain nginx 1.22.1" >&2
    exit 1
}
# The old build loads it (the new one must not: that is what the tests need it for).
printf 'load_module "%s";\nevents {}\n' "$dest.partial/$module" > "$work/module-test.conf"
"$dest.partial/usr/sbin/nginx" -t -p "$work/" -c "$work/module-test.conf" > "$work/module-test.log" 2>&1 || {
    echo "fetch-old-nginx: nginx 1.22.1 does not load $moddeb's $module:" >&2
    cat "$work/module-test.log" >&2
    exit 1
}
rm -rf "$dest"
mv "$dest.partial" "$dest"
echo "fetch-old-nginx: nginx 1.22.1 and its stream module installed in $dest"
