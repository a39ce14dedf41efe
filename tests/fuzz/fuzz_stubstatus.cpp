// libFuzzer target: StubStatus::parse on any bytes, and the page nginx would print for what it accepts.
#include "stubstatus.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto status = Baton::StubStatus::parse(text, &error);
    if (!status) {
        if (error.isEmpty()) {
            __builtin_trap(); // a failure must always say why
        }
        return 0;
    }
    if (status->active < 0 || status->accepts < 0 || status->handled < 0 || status->requests < 0 ||
        status->reading < 0 || status->writing < 0 || status->waiting < 0) {
        __builtin_trap(); // counters are never negative
    }
    const QString page = QStringLiteral("Active connections: %1 \nserver accepts handled requests\n %2 %3 %4 \n"
                                        "Reading: %5 Writing: %6 Waiting: %7 \n")
                             .arg(status->active)
                             .arg(status->accepts)
                             .arg(status->handled)
                             .arg(status->requests)
                             .arg(status->reading)
                             .arg(status->writing)
                             .arg(status->waiting);
    QString again;
    const auto reread = Baton::StubStatus::parse(page, &again);
    if (!reread || !(*reread == *status)) {
        __builtin_trap(); // the page nginx prints for these counters reads back the same
    }
    return 0;
}
