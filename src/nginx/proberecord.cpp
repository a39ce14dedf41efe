#include "proberecord.h"

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
        } else if (key == u"exe" || key == u"version") {
            qint64 pid = 0;
            if (fields.size() < 2 || !toPid(fields.at(0), &pid)) {
                return fail(tr("\"%1\" needs a pid and a text").arg(key));
            }
            const QString value = rest.mid(fields.at(0).size() + 1).toString();
            (key == u"exe" ? record.executables : record.versions).insert(pid, value);
        } else if (key == u"listen" || key == u"conns") {
            qint64 pid = 0;
            bool countOk = true;
            if (fields.size() != 2 || !toPid(fields.at(0), &pid)) {
                return fail(tr("\"%1\" needs a pid and a value").arg(key));
            }
            if (key == u"listen") {
                record.listening[pid].append(fields.at(1).toString());
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
        } else if (key == u"pidfile" || key == u"oldbin") {
            // PATH may contain spaces: the pid is the last field
            const qsizetype last = rest.lastIndexOf(u' ');
            if (last < 0) {
                return fail(tr("\"%1\" needs a path and a pid").arg(key));
            }
            std::optional<qint64> pid;
            if (!optionalPid(rest.mid(last + 1), &pid)) {
                return fail(tr("\"%1\" holds no pid").arg(key));
            }
            if (key == u"pidfile") {
                record.pidFile = rest.left(last).toString();
                record.pidFilePid = pid;
            } else {
                record.oldbinPid = pid;
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

bool ProbeRecord::executableDeleted(qint64 pid) const
{
    return executables.value(pid).endsWith(u" (deleted)");
}

} // namespace Baton
