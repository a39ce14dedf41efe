// libFuzzer target: parsePidFile on any bytes.
#include "pidfile.h"

#include <cstddef>
#include <cstdint>
#include <limits>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto pid = Baton::parsePidFile(text, &error);
    if (!pid) {
        if (error.isEmpty()) {
            __builtin_trap(); // a failure must always say why
        }
        return 0;
    }
    if (*pid <= 0 || *pid > std::numeric_limits<qint32>::max()) {
        __builtin_trap(); // a process id, as pid_t holds it
    }
    QString again;
    if (Baton::parsePidFile(QString(QString::number(*pid) + u'\n'), &again) != pid) {
        __builtin_trap(); // what nginx writes for it reads back the same
    }
    return 0;
}
