// libFuzzer target: Inventory::fromJson on any bytes, and the round trip of what it accepts.
#include "inventory.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QString error;
    const auto inventory =
        Baton::Inventory::fromJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)),
                                   QStringLiteral("/base"),
                                   &error);
    if (!inventory) {
        if (error.isEmpty()) {
            __builtin_trap();
        }
        return 0;
    }
    QString again;
    const auto reread = Baton::Inventory::fromJson(inventory->toJson(), QStringLiteral("/base"), &again);
    if (!reread || !(*reread == *inventory)) {
        __builtin_trap(); // what Baton writes, Baton reads back the same
    }
    return 0;
}
