// libFuzzer target: NginxVersion::parse (nginx -v) on any bytes.
#include "nginxversion.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const auto version = Baton::NginxVersion::parse(text); version && version->version.isNull()) {
        __builtin_trap(); // a parsed version always has a number
    }
    return 0;
}
