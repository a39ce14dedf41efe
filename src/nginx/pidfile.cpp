#include "pidfile.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace Baton {

std::optional<qint64> parsePidFile(QStringView content, QString *error)
{
    const QStringView text = content.trimmed();
    if (text.isEmpty()) {
        *error = QCoreApplication::translate("PidFile",
                                             "the pid file is empty (nginx -t leaves it so when nginx is "
                                             "not running)");
        return std::nullopt;
    }
    const bool digits = std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    if (!digits && text.startsWith(u'-')) {
        *error =
            QCoreApplication::translate("PidFile", "the pid file holds a negative number: \"%1\"").arg(text.left(40));
        return std::nullopt;
    }
    if (!digits) {
        *error = QCoreApplication::translate("PidFile", "the pid file does not hold a process id: \"%1\"")
                     .arg(text.left(40));
        return std::nullopt;
    }
    bool ok = false;
    const qint64 pid = text.toLongLong(&ok);
    // pid_t is a 32-bit int on every system nginx runs on
    if (!ok || pid > std::numeric_limits<qint32>::max()) {
        *error = QCoreApplication::translate("PidFile", "the pid file holds %1, which is too large to be a process id")
                     .arg(text.left(40));
        return std::nullopt;
    }
    if (pid == 0) {
        *error = QCoreApplication::translate("PidFile", "the pid file holds 0, which is not a process id");
        return std::nullopt;
    }
    return pid;
}

} // namespace Baton
