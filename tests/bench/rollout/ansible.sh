#!/bin/sh
# Runs upgrade.yml against a lab inventory with ansible-playbook: forks = number of hosts,
# pipelining and ControlPersist on. Usage: ansible.sh INVENTORY NEW_BINARY
set -eu
here=$(cd "$(dirname "$0")" && pwd)
inventory=$1 new=$2
work=$(mktemp -d /tmp/baton-ansible.XXXXXX)
trap 'rm -rf "$work"' EXIT
count=0
{
    echo "[lab]"
    python3 "$here/hosts.py" "$inventory" | while IFS="$(printf '\t')" read -r name port user key known bin pidfile prefix conf http; do
        echo "$name ansible_host=127.0.0.1 ansible_port=$port ansible_user=$user ansible_ssh_private_key_file=$key" \
             "ansible_ssh_common_args='-o UserKnownHostsFile=$known -o StrictHostKeyChecking=yes'" \
             "nginx_binary=$bin nginx_pid=$pidfile nginx_prefix=$prefix nginx_config=$conf"
    done
} > "$work/hosts.ini"
count=$(($(wc -l < "$work/hosts.ini") - 1))
cat > "$work/ansible.cfg" <<CFG
[defaults]
forks = $count
host_key_checking = True
interpreter_python = /usr/bin/python3
stdout_callback = ansible.builtin.default
retry_files_enabled = False
local_tmp = $work/tmp
[ssh_connection]
pipelining = True
ssh_args = -o ControlMaster=auto -o ControlPersist=60s
control_path_dir = $work/cp
control_path = %(directory)s/%%C
CFG
ANSIBLE_CONFIG="$work/ansible.cfg" ansible-playbook -i "$work/hosts.ini" -e "new_binary=$new" "$here/upgrade.yml" > "$work/log" 2>&1 ||
    { tail -30 "$work/log" >&2; exit 1; }
