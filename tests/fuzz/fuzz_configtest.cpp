// libFuzzer target: ConfigTest::parse (nginx -t) on any bytes.
#include "configtest.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const auto test = Baton::ConfigTest::parse(text, &error);
    if (!test) {
        if (error.isEmpty()) {
            __builtin_trap(); // a failure must always say why
        }
        return 0;
    }
    if (test->configFile.isEmpty() || (test->successful && !test->syntaxOk)) {
        __builtin_trap(); // a verdict names its file, success implies the syntax is ok
    }
    qsizetype errors = 0;
    for (const Baton::ConfigTestMessage &message : test->messages) {
        if (Baton::ConfigTest::levelName(message.level).isEmpty() || (message.line > 0) == message.file.isEmpty()) {
            __builtin_trap(); // a known level; a line exactly when there is a file
        }
        errors += message.isError() ? 1 : 0;
    }
    if (test->errors().size() != errors) {
        __builtin_trap();
    }
    return 0;
}
