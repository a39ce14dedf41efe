// libFuzzer target: ProbeRecord::parse and PhaseState::derive on any bytes.
#include "phase.h"
#include "pitfalls.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    if (const auto record = Baton::ProbeRecord::parse(text, &error)) {
        const Baton::PhaseState state = Baton::PhaseState::derive(*record);
        Baton::Pitfalls::detect(*record, state);
    } else if (error.isEmpty()) {
        __builtin_trap(); // a failure must always say why
    }
    return 0;
}
