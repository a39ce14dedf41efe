// libFuzzer target: NginxBuild::parse (nginx -V) and BuildDifference on any bytes.
#include "nginxbuild.h"
#include "upgradecommands.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    if (const auto build = Baton::NginxBuild::parse(text, &error)) {
        build->staticModules();
        build->dynamicModules();
        Baton::BuildDifference::between(*build, *build);
    } else if (error.isEmpty()) {
        __builtin_trap();
    }
    Baton::MasterArguments::fromTitle(text);
    return 0;
}
