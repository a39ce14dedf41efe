#!/bin/sh
# Upgrades every host of a lab inventory with OpenSSH: one scp and one ssh per host, all
# hosts in parallel. Usage: openssh.sh INVENTORY NEW_BINARY
set -eu
here=$(cd "$(dirname "$0")" && pwd)
inventory=$1 new=$2
failed=0
python3 "$here/hosts.py" "$inventory" > /tmp/openssh-hosts.$$
while IFS="$(printf '\t')" read -r name port user key known bin pidfile prefix conf http; do
    (
        opts="-q -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$known -i $key"
        upload=$bin.script-new
        scp $opts -P "$port" "$new" "$user@127.0.0.1:$upload" &&
            ssh $opts -p "$port" "$user@127.0.0.1" sh -s -- "$bin" "$pidfile" "$prefix" "$conf" "$upload" \
                < "$here/remote-upgrade.sh" || { echo "$name: failed" >&2; exit 1; }
    ) &
done < /tmp/openssh-hosts.$$
rm -f /tmp/openssh-hosts.$$
for job in $(jobs -p); do wait "$job" || failed=$((failed+1)); done
wait || true
[ "$failed" -eq 0 ]
