#include "labprocess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>
#include <unistd.h>

namespace Baton {

namespace {

struct StatFields
{
    char state = '?';
    quint64 startTime = 0;
};

std::optional<StatFields> readStat(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QByteArray stat = file.readAll();
    // The command name (field 2) is in parentheses and may itself hold spaces or ')'.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0) {
        return std::nullopt;
    }
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); field 22 (starttime) is fields[19].
    if (fields.size() < 20) {
        return std::nullopt;
    }
    bool ok = false;
    StatFields result;
    result.state = fields.at(0).isEmpty() ? '?' : fields.at(0).at(0);
    result.startTime = fields.at(19).toULongLong(&ok);
    if (!ok) {
        return std::nullopt;
    }
    return result;
}

} // namespace

std::optional<LabProcess> LabProcess::current(pid_t pid)
{
    const auto stat = readStat(pid);
    if (!stat || stat->state == 'Z' || stat->state == 'X') {
        return std::nullopt;
    }
    return LabProcess{pid, stat->startTime};
}

bool LabProcess::isAlive() const
{
    const auto now = current(pid);
    return now && now->startTime == startTime;
}

bool LabProcess::signal(int signal) const
{
    return isAlive() && ::kill(pid, signal) == 0;
}

QList<LabProcess> LabProcess::underDirectory(const QString &directory)
{
    const QString prefix = QDir::cleanPath(directory) + u'/';
    const QByteArray prefixBytes = prefix.toLocal8Bit();
    // Only programs the lab starts are candidates: never a user's shell or editor that
    // merely has a lab file open or named on its command line.
    static const QStringList labServerNames = {
        QStringLiteral("sshd"), QStringLiteral("batonctl"), QStringLiteral("nginx"), QStringLiteral("unshare")};
    QList<LabProcess> result;
    const pid_t self = ::getpid();
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const pid_t pid = entry.toInt(&isPid);
        if (!isPid || pid == self) {
            continue;
        }
        const QString base = QStringLiteral("/proc/") + entry;
        const QString exe = QFileInfo(base + QStringLiteral("/exe")).symLinkTarget();
        // A process in another mount namespace (a lab host's) may show its executable with
        // the path from the machine's real root, e.g. /root/.cache/.../buildroot/tmp/lab/...
        bool matches = exe.contains(prefix);
        if (!matches && labServerNames.contains(QFileInfo(exe).fileName())) {
            QFile cmdline(base + QStringLiteral("/cmdline"));
            if (cmdline.open(QIODevice::ReadOnly)) {
                const QList<QByteArray> args = cmdline.readAll().split('\0');
                matches = std::any_of(args.begin(), args.end(), [&](const QByteArray &arg) {
                    // servers rewrite their title: "sshd: /usr/sbin/sshd -f /lab/... [listener]"
                    return arg.contains(prefixBytes);
                });
            }
        }
        if (matches) {
            if (const auto process = current(pid)) {
                result.append(*process);
            }
        }
    }
    return result;
}

} // namespace Baton
