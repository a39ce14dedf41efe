#include "proberecord.h"

#include <QSet>

namespace Baton {

NginxProcess::Role NginxProcess::role() const
{
    if (title.startsWith(u"nginx: master process")) {
        return Role::Master;
    }
    if (title.startsWith(u"nginx: worker process")) {
        return title.contains(u"is shutting down") ? Role::ShuttingDownWorker : Role::Worker;
    }
    if (title.startsWith(u"nginx: cache manager process") || title.startsWith(u"nginx: cache loader process")) {
        return Role::Helper;
    }
    return Role::Other;
}

std::optional<ProbeRecord> ProbeRecord::parse(QStringView text, QString *error)
{
    ProbeRecord record;
    bool ended = false;
    int number = 0;
    const auto fail = [&](const QString &why) {
        *error = tr("probe output, line %1: %2").arg(number).arg(why);
        return std::nullopt;
    };
    const auto toPid = [](QStringView field, qint64 *out) {
        bool ok = false;
        *out = field.toLongLong(&ok);
        return ok && *out > 0;
    };
    const auto optionalPid = [&](QStringView field, std::optional<qint64> *out) {
        if (field == u"-") {
            out->reset();
            return true;
        }
        qint64 pid = 0;
        if (!toPid(field, &pid)) {
            return false;
        }
        *out = pid;
        return true;
    };
    QString lastPidFile; ///< what a "lock" line is about
    for (QStringView line : text.split(u'\n')) {
        ++number;
        if (line.endsWith(u'\r')) {
            line.chop(1);
        }
        if (line.isEmpty()) {
            continue;
        }
        if (ended) {
            return fail(tr("text after \"end\""));
        }
        const qsizetype space = line.indexOf(u' ');
        const QStringView key = space < 0 ? line : line.left(space);
        const QStringView rest = space < 0 ? QStringView() : line.mid(space + 1);
        if (number == 1 || record.version == 0) {
            bool ok = false;
            record.version = rest.toInt(&ok);
            if (key != u"baton-probe" || !ok) {
                return fail(tr("not a Baton probe record (expected \"baton-probe VERSION\")"));
            }
            if (record.version != SupportedVersion) {
                return fail(tr("probe record version %1, this Baton reads version %2")
                                .arg(record.version)
                                .arg(SupportedVersion));
            }
            continue;
        }
        const QList<QStringView> fields = rest.split(u' ');
        if (key == u"end") {
            ended = true;
        } else if (key == u"host") {
            record.host = rest.toString();
        } else if (key == u"uptime") {
            record.uptimeSeconds = rest.toLongLong();
        } else if (key == u"hz") {
            record.ticksPerSecond = std::max(1, rest.toInt());
        } else if (key == u"pagesize") {
            record.pageSize = std::clamp(rest.toInt(), 512, 1 << 24);
        } else if (key == u"rss") {
            qint64 pid = 0;
            bool ok = fields.size() == 2 && toPid(fields.at(0), &pid);
            const qint64 pages = ok ? fields.at(1).toLongLong(&ok) : 0;
            if (!ok || pages < 0) {
                return fail(tr("malformed \"rss\" line"));
            }
            record.rssPages.insert(pid, pages);
        } else if (key == u"tool") {
            if (fields.size() != 2) {
                return fail(tr("\"tool\" needs a name and yes/no"));
            }
            record.tools.insert(fields.at(0).toString(), fields.at(1) == u"yes");
        } else if (key == u"proc") {
            // proc PID PPID UID START STATE TITLE...
            if (fields.size() < 6) {
                return fail(tr("\"proc\" needs pid, ppid, uid, start time, state and title"));
            }
            NginxProcess process;
            bool ok = toPid(fields.at(0), &process.pid);
            process.ppid = fields.at(1).toLongLong(&ok);
            bool uidOk = false;
            process.uid = fields.at(2).toInt(&uidOk);
            if (!uidOk) {
                process.uid = -1;
            }
            bool startOk = false;
            process.startTime = fields.at(3).toULongLong(&startOk);
            if (!ok || !startOk || fields.at(4).size() != 1) {
                return fail(tr("malformed \"proc\" line"));
            }
            process.state = fields.at(4).at(0);
            qsizetype titleStart = 5; // the spaces after the first five fields
            for (int i = 0; i < 5; ++i) {
                titleStart += fields.at(i).size();
            }
            process.title = rest.mid(std::min(titleStart, rest.size())).trimmed().toString();
            record.processes.append(process);
        } else if (key == u"exe" || key == u"build" || key == u"conf" || key == u"pidpath" || key == u"daemon" ||
                   key == u"unit" || key == u"errorlog" || key == u"stderr") {
            // KEY PID TEXT (TEXT may contain spaces)
            qint64 pid = 0;
            if (fields.size() < 2 || !toPid(fields.at(0), &pid)) {
                return fail(tr("\"%1\" needs a pid and a text").arg(key));
            }
            const QString value = rest.mid(fields.at(0).size() + 1).toString();
            if (key == u"exe") {
                record.executables.insert(pid, value);
            } else if (key == u"build") {
                QStringList &lines = record.builds[pid];
                if (lines.isEmpty()) {
                    record.versions.insert(pid, value);
                }
                lines.append(value);
            } else if (key == u"conf") {
                record.configFiles.insert(pid, value);
            } else if (key == u"pidpath") {
                record.pidPaths.insert(pid, value);
            } else if (key == u"errorlog") {
                record.errorLogs.insert(pid, value);
            } else if (key == u"stderr") {
                record.stderrTargets.insert(pid, value);
            } else if (key == u"daemon") {
                if (value != u"on" && value != u"off" && value != u"?") {
                    return fail(tr("\"daemon\" is on, off or ?"));
                }
                record.daemon.insert(pid, value);
            } else {
                record.units.insert(pid, value);
            }
        } else if (key == u"systemd") {
            // systemd UNIT KEY VALUE
            if (fields.size() < 3) {
                return fail(tr("\"systemd\" needs a unit, a key and a value"));
            }
            QString value = rest.mid(fields.at(0).size() + fields.at(1).size() + 2).toString();
            if (value == u"-") {
                value.clear();
            }
            SystemdUnit &unit = record.systemdUnits[fields.at(0).toString()];
            if (fields.at(1) == u"Type") {
                unit.type = value;
            } else if (fields.at(1) == u"PIDFile") {
                unit.pidFile = value;
            } else if (fields.at(1) == u"MainPID") {
                bool ok = false;
                unit.mainPid = value.toLongLong(&ok);
                if (!ok || unit.mainPid < 0) {
                    return fail(tr("malformed \"systemd\" MainPID"));
                }
            } else if (fields.at(1) == u"ExecStart") {
                unit.execStart = value;
            }
        } else if (key == u"quick") {
            record.quick = rest == u"yes" || rest == u"phase";
            record.phaseOnly = rest == u"phase";
        } else if (key == u"pin") {
            record.pinnedPidFile = rest.toString();
        } else if (key == u"listen" || key == u"conns") {
            qint64 pid = 0;
            bool countOk = true;
            if (fields.size() != 2 || !toPid(fields.at(0), &pid)) {
                return fail(tr("\"%1\" needs a pid and a value").arg(key));
            }
            if (key == u"listen") {
                record.listening[pid].append(canonicalSocketAddress(fields.at(1)));
            } else {
                record.connections.insert(pid, fields.at(1).toInt(&countOk));
            }
            if (!countOk) {
                return fail(tr("malformed \"conns\" line"));
            }
        } else if (key == u"exesha") {
            qint64 pid = 0;
            if (fields.size() != 2 || !toPid(fields.at(0), &pid)) {
                return fail(tr("\"%1\" needs a pid and a value").arg(key));
            }
            if (fields.at(1) != u"-") {
                record.executableSha256.insert(pid, fields.at(1).toString());
            }
        } else if (key == u"lock") {
            // about the pid file of the "pidfile" line before it
            if (lastPidFile.isEmpty() || rest.isEmpty()) {
                return fail(tr("\"lock\" needs a pid file before it and an owner"));
            }
            record.lockOwners.insert(lastPidFile, rest.toString());
        } else if (key == u"pidfile" || key == u"oldbin") {
            // PATH may contain spaces: the pid is the last field
            const qsizetype last = rest.lastIndexOf(u' ');
            if (last < 1) {
                return fail(tr("\"%1\" needs a path and a pid").arg(key));
            }
            std::optional<qint64> pid;
            if (!optionalPid(rest.mid(last + 1), &pid)) {
                return fail(tr("\"%1\" holds no pid").arg(key));
            }
            const QString path = rest.left(last).toString();
            if (key == u"pidfile") {
                lastPidFile = path;
                if (!record.pidFiles.contains(path)) {
                    record.pidFiles.append(path);
                }
                record.pidFilePids.insert(path, pid);
            } else {
                record.oldbinPids.insert(path, pid);
            }
        } else if (key == u"binary") {
            // binary PATH SIZE MTIME SHA256|-   (PATH may contain spaces)
            if (fields.size() < 4) {
                return fail(tr("\"binary\" needs a path, size, mtime and sha256"));
            }
            const qsizetype n = fields.size();
            bool sizeOk = false, mtimeOk = false;
            record.binarySize = fields.at(n - 3).toLongLong(&sizeOk);
            record.binaryMtime = fields.at(n - 2).toLongLong(&mtimeOk);
            if (!sizeOk || !mtimeOk) {
                return fail(tr("malformed \"binary\" line"));
            }
            record.binarySha256 = fields.at(n - 1) == u"-" ? QString() : fields.at(n - 1).toString();
            record.binaryPath =
                rest.left(rest.size() - fields.at(n - 1).size() - fields.at(n - 2).size() - fields.at(n - 3).size() - 3)
                    .toString();
        }
        // Unknown keys are skipped: a newer probe may add items.
    }
    if (record.version == 0) {
        return fail(tr("empty probe output"));
    }
    if (!ended) {
        return fail(tr("the record was cut short (no \"end\" line)"));
    }
    return record;
}

std::optional<NginxProcess> ProbeRecord::process(qint64 pid) const
{
    for (const NginxProcess &process : processes) {
        if (process.pid == pid) {
            return process;
        }
    }
    return std::nullopt;
}

QList<NginxProcess> ProbeRecord::childrenOf(qint64 pid) const
{
    QList<NginxProcess> children;
    for (const NginxProcess &process : processes) {
        if (process.ppid == pid) {
            children.append(process);
        }
    }
    return children;
}

QList<NginxProcess> ProbeRecord::masters() const
{
    QList<NginxProcess> found;
    for (const NginxProcess &process : processes) {
        if (process.role() == NginxProcess::Role::Master && process.state != u'Z') {
            found.append(process);
        }
    }
    return found;
}

QList<ProbeInstance> ProbeRecord::instances() const
{
    const QList<NginxProcess> live = masters();
    QHash<qint64, QString> keyOf; // master pid -> pid file ("" with a pid: grouped by tree)
    const auto isMaster = [&live](qint64 pid) {
        return std::any_of(live.begin(), live.end(), [pid](const NginxProcess &m) { return m.pid == pid; });
    };
    // 1. What the pid files hold is the truth.
    for (const QString &path : pidFiles) {
        for (const auto &pid : {pidFilePids.value(path), oldbinPids.value(path)}) {
            if (pid && isMaster(*pid) && !keyOf.contains(*pid)) {
                keyOf.insert(*pid, path);
            }
        }
    }
    // 2. Else the pid file the master's configuration names.
    for (const NginxProcess &master : live) {
        const QString path = pidPaths.value(master.pid);
        if (!keyOf.contains(master.pid) && path.startsWith(u'/')) {
            keyOf.insert(master.pid, path);
        }
    }
    // 3. Else the instance of the master that spawned it (a new master during an upgrade);
    //    a master with no master above it starts an instance of its own.
    const auto rootOf = [this](const NginxProcess &master) {
        NginxProcess root = master;
        for (int depth = 0; depth < 8; ++depth) {
            const auto parent = process(root.ppid);
            if (!parent || parent->role() != NginxProcess::Role::Master || parent->state == u'Z') {
                break;
            }
            root = *parent;
        }
        return root;
    };
    QList<ProbeInstance> found;
    const auto instanceFor = [&found](const QString &pidFile, qint64 root) -> ProbeInstance & {
        for (ProbeInstance &instance : found) {
            if (pidFile.isEmpty() ? instance.pidFile.isEmpty() && instance.masters.contains(root)
                                  : instance.pidFile == pidFile) {
                return instance;
            }
        }
        found.append({pidFile, {}});
        return found.last();
    };
    if (!pinnedPidFile.isEmpty()) {
        instanceFor(pinnedPidFile, 0);
    }
    // Roots first, so that a tree's masters find its instance.
    QList<NginxProcess> ordered = live;
    std::stable_sort(ordered.begin(), ordered.end(), [&rootOf](const NginxProcess &a, const NginxProcess &b) {
        return (rootOf(a).pid == a.pid) > (rootOf(b).pid == b.pid);
    });
    for (const NginxProcess &master : ordered) {
        QString key = keyOf.value(master.pid);
        // inherit the pid file of the nearest master above it that has one (bounded: the
        // parent links come from the host and may loop)
        auto parent = process(master.ppid);
        for (int depth = 0; key.isEmpty() && depth < 8 && parent && parent->role() == NginxProcess::Role::Master;
             ++depth) {
            key = keyOf.value(parent->pid);
            parent = process(parent->ppid);
        }
        instanceFor(key, rootOf(master).pid).masters.append(master.pid);
    }
    // Keep the probe's order of masters within an instance.
    for (ProbeInstance &instance : found) {
        std::sort(instance.masters.begin(), instance.masters.end(), [&live](qint64 a, qint64 b) {
            const auto index = [&live](qint64 pid) {
                return std::find_if(live.begin(), live.end(), [pid](const NginxProcess &m) { return m.pid == pid; });
            };
            return index(a) < index(b);
        });
    }
    return found;
}

std::optional<ProbeInstance> ProbeRecord::selectedInstance(QString *why) const
{
    const QList<ProbeInstance> all = instances();
    if (!pinnedPidFile.isEmpty()) {
        for (const ProbeInstance &instance : all) {
            if (instance.pidFile == pinnedPidFile) {
                return instance;
            }
        }
    }
    if (all.isEmpty()) {
        return ProbeInstance{};
    }
    if (all.size() == 1) {
        return all.first();
    }
    QStringList names;
    for (const ProbeInstance &instance : all) {
        names.append(instance.pidFile.isEmpty() ? tr("pid off (master %1)").arg(instance.masters.value(0))
                                                : instance.pidFile);
    }
    *why = tr("%1 nginx instances run on this host (%2): name the pid file of the one you mean "
              "(nginx.pidFile in the inventory)")
               .arg(all.size())
               .arg(names.join(QStringLiteral(", ")));
    return std::nullopt;
}

QString canonicalSocketAddress(QStringView address)
{
    // "[a:b:c:d:e:f:g:h]:port" with hexadecimal groups, as the probe prints IPv6 sockets
    const qsizetype close = address.indexOf(u']');
    if (!address.startsWith(u'[') || close < 0) {
        return address.toString();
    }
    const QList<QStringView> parts = address.mid(1, close - 1).split(u':');
    if (parts.size() != 8) {
        return address.toString();
    }
    quint16 groups[8];
    for (int i = 0; i < 8; ++i) {
        bool ok = false;
        const uint value = parts.at(i).toUInt(&ok, 16);
        if (!ok || value > 0xffff || parts.at(i).isEmpty() || parts.at(i).size() > 4) {
            return address.toString();
        }
        groups[i] = quint16(value);
    }
    const QString port = address.mid(close + 1).toString();
    // IPv4-mapped: ::ffff:a.b.c.d
    if (std::all_of(groups, groups + 5, [](quint16 g) { return g == 0; }) && groups[5] == 0xffff) {
        return QStringLiteral("[::ffff:%1.%2.%3.%4]")
                   .arg(groups[6] >> 8)
                   .arg(groups[6] & 0xff)
                   .arg(groups[7] >> 8)
                   .arg(groups[7] & 0xff) +
            port;
    }
    // The longest run (at least two) of zero groups becomes "::", the first one on a tie.
    int bestStart = -1, bestLength = 1;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0) {
            ++j;
        }
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    QString text;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += QStringLiteral("::");
            i += bestLength - 1;
            continue;
        }
        if (!text.isEmpty() && !text.endsWith(u':')) {
            text += u':';
        }
        text += QString::number(groups[i], 16);
    }
    return u'[' + text + u']' + port;
}

bool ProbeRecord::executableDeleted(qint64 pid) const
{
    return executables.value(pid).endsWith(u" (deleted)");
}

} // namespace Baton
