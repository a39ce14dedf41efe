#include "ansibleexport.h"

#include "shellquote.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Baton {

namespace {

// An INI value Ansible reads back as it is: quoted when it holds spaces or quotes.
QString iniValue(const QString &value)
{
    if (!value.contains(u' ') && !value.contains(u'\'') && !value.contains(u'"') && !value.isEmpty()) {
        return value;
    }
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + escaped + u'"';
}

bool save(const QString &path, const QString &text, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        *error = AnsibleExport::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// The playbook: Jinja2 expressions are kept as they are; %1.. are filled by playbook().
const char16_t PlaybookTemplate[] =
    uR"(# Written by Baton (batonctl rollout --export-ansible): the hot binary upgrade of nginx,
# the same steps and checks as Baton's rollout, in its batches and within its failure budget.
# Run it with: ansible-playbook -i inventory.ini upgrade-nginx.yml
- name: Hot binary upgrade of nginx
  hosts: baton_rollout
  gather_facts: false
  serial: %1
  max_fail_percentage: %2
  vars:
    drain_seconds: %3
  tasks:
    - name: the running master
      ansible.builtin.shell: |
        set -e
        old=$(cat {{ nginx_pid_file | quote }})
        test -d /proc/$old
        echo $old
      register: old_master
      changed_when: false

    - name: the binary it runs, and its worker count
      ansible.builtin.shell: |
        set -e
        binary={{ nginx_binary | default('') | quote }}
        [ -n "$binary" ] || { binary=$(readlink /proc/{{ old_master.stdout }}/exe); binary=${binary% (deleted)}; }
        n=0
        for c in $(cat /proc/{{ old_master.stdout }}/task/*/children); do
          case $(tr '\000' ' ' < /proc/$c/cmdline) in *"worker process"*) n=$((n+1)) ;; esac
        done
        echo "$binary $n"
      register: facts
      changed_when: false

    - name: remember them
      ansible.builtin.set_fact:
        binary: "{{ facts.stdout.split(' ')[0] }}"
        workers: "{{ facts.stdout.split(' ')[1] | int }}"
        old: "{{ old_master.stdout }}"

    - name: the target runs and passes the configuration test with the master's options
      ansible.builtin.shell: "{{ nginx_target | quote }} -V && {{ nginx_target | quote }} -t {{ nginx_options | default('') }}"
      changed_when: false

    - name: back up the running binary (verified)
      ansible.builtin.shell: "cp -p {{ binary | quote }} {{ (binary ~ '.ansible-backup') | quote }} && cmp -s {{ binary | quote }} {{ (binary ~ '.ansible-backup') | quote }}"

    - name: install the target atomically (a copy beside it, then rename)
      ansible.builtin.shell: "cp -p {{ nginx_target | quote }} {{ (binary ~ '.ansible-new') | quote }} && chmod 755 {{ (binary ~ '.ansible-new') | quote }} && mv -f {{ (binary ~ '.ansible-new') | quote }} {{ binary | quote }}"

    - name: swap the masters
      block:
        - name: USR2 to the old master
          ansible.builtin.command: "kill -USR2 {{ old }}"

        - name: wait for the new master with all its workers
          ansible.builtin.shell: |
            test -s {{ (nginx_pid_file ~ '.oldbin') | quote }}
            new=$(cat {{ nginx_pid_file | quote }}); test "$new" != {{ old }} || exit 1
            n=0
            for c in $(cat /proc/$new/task/*/children); do
              case $(tr '\000' ' ' < /proc/$c/cmdline) in *"worker process"*) n=$((n+1)) ;; esac
            done
            test $n -ge {{ workers }}
          register: spawned
          until: spawned.rc == 0
          retries: 60
          delay: 1
          changed_when: false

        - name: WINCH to the old master
          ansible.builtin.command: "kill -WINCH {{ old }}"

        - name: wait for the old workers to finish their requests
          # the new master is a child of the old one too: count worker processes only
          ansible.builtin.shell: |
            for c in $(cat /proc/{{ old }}/task/*/children); do
              case $(tr '\000' ' ' < /proc/$c/cmdline) in *"worker process"*) exit 1 ;; esac
            done
          register: drained
          until: drained.rc == 0
          retries: "{{ drain_seconds }}"
          delay: 1
          changed_when: false

        - name: QUIT to the old master (commit)
          ansible.builtin.command: "kill -QUIT {{ old }}"

        - name: wait for the old master to exit
          ansible.builtin.shell: "test ! -e {{ (nginx_pid_file ~ '.oldbin') | quote }} && test ! -d /proc/{{ old }}"
          register: committed
          until: committed.rc == 0
          retries: 60
          delay: 1
          changed_when: false

        - name: the new version runs
          ansible.builtin.shell: "/proc/$(cat {{ nginx_pid_file | quote }})/exe -v 2>&1 | grep -qF \"$({{ nginx_target | quote }} -v 2>&1)\""
          changed_when: false
      rescue:
        - name: roll back (HUP the old master, QUIT the new one, put the backup back)
          ansible.builtin.shell: |
            if [ -e {{ (nginx_pid_file ~ '.oldbin') | quote }} ] && [ -d /proc/{{ old }} ]; then
              new=$(cat {{ nginx_pid_file | quote }})
              kill -HUP {{ old }}
              sleep 1
              [ "$new" = {{ old }} ] || kill -QUIT "$new" 2>/dev/null || true
              i=0; while [ -e {{ (nginx_pid_file ~ '.oldbin') | quote }} ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
            fi
            mv -f {{ (binary ~ '.ansible-backup') | quote }} {{ binary | quote }}
        - name: the upgrade failed and was rolled back
          ansible.builtin.fail:
            msg: "{{ inventory_hostname }}: the upgrade failed and nginx was rolled back"
)";

} // namespace

QString AnsibleExport::playbook(const RolloutPlan &plan, int hostCount)
{
    QStringList serial;
    const int canaries = std::clamp(plan.canaries, 0, hostCount);
    if (canaries > 0) {
        serial.append(QString::number(canaries));
    }
    serial.append(QString::number(std::max(1, plan.batchSize)));
    // Ansible aborts when more than this share of a batch failed; Baton counts failures over
    // the whole rollout. The nearest Ansible can say: the budget as a share of the hosts.
    int percent = 0;
    if (plan.maxFailurePercent >= 0) {
        percent = plan.maxFailurePercent;
    } else if (plan.maxFailures > 0 && hostCount > 0) {
        percent = int(std::floor(100.0 * plan.maxFailures / hostCount));
    }
    return QString::fromUtf16(PlaybookTemplate)
        .arg(u'[' + serial.join(u", "_s) + u']')
        .arg(std::clamp(percent, 0, 100))
        .arg(std::max(1, plan.settings.drainTimeoutSeconds));
}

QString AnsibleExport::inventoryText(const Inventory &inventory, const RolloutPlan &plan, QStringList *notes)
{
    QString text = u"# Written by Baton from %1: the hosts of the rollout, in its order.\n[baton_rollout]\n"_s.arg(
        inventory.name.isEmpty() ? u"an inventory"_s : inventory.name);
    for (const QString &name : plan.hosts) {
        for (const HostEntry &host : inventory.hosts) {
            if (host.name != name) {
                continue;
            }
            QStringList vars{u"ansible_host="_s + iniValue(host.address)};
            if (host.port > 0) {
                vars.append(u"ansible_port="_s + QString::number(host.port));
            }
            if (!host.user.isEmpty()) {
                vars.append(u"ansible_user="_s + iniValue(host.user));
            }
            if (!host.identityFile.isEmpty()) {
                vars.append(u"ansible_ssh_private_key_file="_s + iniValue(host.identityFile));
            }
            const QString knownHosts = !host.knownHostsFile.isEmpty() ? host.knownHostsFile : inventory.knownHostsFile;
            if (!knownHosts.isEmpty()) {
                vars.append(u"ansible_ssh_common_args="_s +
                            iniValue(u"-o UserKnownHostsFile=%1 -o StrictHostKeyChecking=yes"_s.arg(knownHosts)));
            }
            if (host.sudo) {
                vars.append(u"ansible_become=true"_s);
            }
            QString pidFile = host.nginx.pidFile;
            if (pidFile.isEmpty()) {
                pidFile = u"/run/nginx.pid"_s;
                if (notes) {
                    notes->append(tr("%1 names no nginx.pidFile: the playbook assumes /run/nginx.pid").arg(name));
                }
            }
            vars.append(u"nginx_pid_file="_s + iniValue(pidFile));
            if (!host.nginx.binary.isEmpty()) {
                vars.append(u"nginx_binary="_s + iniValue(host.nginx.binary));
            }
            QStringList options;
            if (!host.nginx.prefix.isEmpty()) {
                options << u"-p"_s << shellQuote(host.nginx.prefix);
            }
            if (!host.nginx.configFile.isEmpty()) {
                options << u"-c"_s << shellQuote(host.nginx.configFile);
            }
            if (!options.isEmpty()) {
                vars.append(u"nginx_options="_s + iniValue(options.join(u' ')));
            }
            const QString target =
                !plan.settings.remoteTarget.isEmpty() ? plan.settings.remoteTarget : host.nginx.targetBinary;
            vars.append(u"nginx_target="_s + iniValue(target));
            text += host.name + u' ' + vars.join(u' ') + u'\n';
        }
    }
    return text;
}

bool AnsibleExport::write(
    const QString &directory, const Inventory &inventory, const RolloutPlan &plan, QString *error, QStringList *notes)
{
    if (!plan.settings.localTarget.isEmpty()) {
        *error = tr("the exported playbook installs a binary already on the hosts: give --remote-binary, or "
                    "nginx.targetBinary in the inventory, instead of --binary");
        return false;
    }
    for (const QString &name : plan.hosts) {
        for (const HostEntry &host : inventory.hosts) {
            if (host.name == name && plan.settings.remoteTarget.isEmpty() && host.nginx.targetBinary.isEmpty()) {
                *error = tr("%1 has no target: give --remote-binary PATH").arg(name);
                return false;
            }
        }
    }
    if (!QDir().mkpath(directory)) {
        *error = tr("cannot make the directory %1").arg(directory);
        return false;
    }
    return save(directory + u"/inventory.ini"_s, inventoryText(inventory, plan, notes), error) &&
        save(directory + u"/upgrade-nginx.yml"_s, playbook(plan, int(plan.hosts.size())), error);
}

} // namespace Baton
