#include "configtest.h"

#include <QRegularExpression>

#include <array>

namespace Baton {

namespace {

using Level = ConfigTestMessage::Level;

constexpr std::array<QStringView, 8> levelNames{
    u"emerg", u"alert", u"crit", u"error", u"warn", u"notice", u"info", u"debug"};

std::optional<Level> levelFromName(QStringView name)
{
    for (std::size_t i = 0; i < levelNames.size(); ++i) {
        if (name == levelNames[i]) {
            return Level(i);
        }
    }
    return std::nullopt;
}

// "nginx: [emerg] TEXT" (error log in a file) or "2026/11/25 16:00:00 [emerg] 123#123: TEXT"
// (error log on stderr); "*42 " is the connection number, absent while testing.
std::optional<ConfigTestMessage> parseMessage(QStringView line)
{
    static const QRegularExpression stderrForm(QStringLiteral(R"(^nginx: \[(\w+)\] ?(.*)$)"));
    static const QRegularExpression logForm(
        QStringLiteral(R"(^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[(\w+)\] \d+#\d+:(?: \*\d+)? ?(.*)$)"));
    auto match = stderrForm.matchView(line);
    if (!match.hasMatch()) {
        match = logForm.matchView(line);
        if (!match.hasMatch()) {
            return std::nullopt;
        }
    }
    const auto level = levelFromName(match.capturedView(1));
    if (!level) {
        return std::nullopt;
    }
    ConfigTestMessage message;
    message.level = *level;
    message.text = match.captured(2);
    // the last " in " starts the location: a message may say " in " itself
    static const QRegularExpression location(QStringLiteral(R"(^(.*) in (.+):(\d+)$)"));
    const auto at = location.match(message.text);
    if (at.hasMatch()) {
        bool ok = false;
        const int number = at.capturedView(3).toInt(&ok);
        if (ok && number > 0) {
            message.file = at.captured(2);
            message.line = number;
            message.text = at.captured(1);
        }
    }
    return message;
}

QString describe(const ConfigTestMessage &message)
{
    QString text = u'[' + ConfigTest::levelName(message.level) + u"] " + message.text;
    if (!message.file.isEmpty()) {
        text += u" in " + message.file + u':' + QString::number(message.line);
    }
    return text;
}

QString excerpt(QStringView line)
{
    constexpr qsizetype longest = 200;
    return line.size() > longest ? line.left(longest) + u'…' : line.toString();
}

} // namespace

QStringView ConfigTest::levelName(ConfigTestMessage::Level level)
{
    const auto index = std::size_t(level);
    return index < levelNames.size() ? levelNames[index] : QStringView();
}

QList<ConfigTestMessage> ConfigTest::errors() const
{
    QList<ConfigTestMessage> result;
    for (const ConfigTestMessage &message : messages) {
        if (message.isError()) {
            result.append(message);
        }
    }
    return result;
}

std::optional<ConfigTest> ConfigTest::parse(QStringView output, QString *error)
{
    static const QRegularExpression syntaxOk(QStringLiteral(R"(^nginx: the configuration file (.+) syntax is ok$)"));
    static const QRegularExpression verdict(
        QStringLiteral(R"(^nginx: configuration file (.+) test (is successful|failed)$)"));
    ConfigTest test;
    bool sawSuccess = false;
    bool sawFailure = false;
    for (QStringView line : output.split(u'\n')) {
        line = line.trimmed();
        if (line.isEmpty()) {
            continue;
        }
        if (const auto match = verdict.matchView(line); match.hasMatch()) {
            if (test.configFile.isEmpty()) {
                test.configFile = match.captured(1);
            }
            (match.capturedView(2) == u"failed" ? sawFailure : sawSuccess) = true;
        } else if (const auto ok = syntaxOk.matchView(line); ok.hasMatch()) {
            if (test.configFile.isEmpty()) {
                test.configFile = ok.captured(1);
            }
            test.syntaxOk = true;
        } else if (auto message = parseMessage(line)) {
            test.messages.append(std::move(*message));
        } else {
            test.otherLines.append(line.toString());
        }
    }
    if (!sawSuccess && !sawFailure) {
        if (test.messages.isEmpty() && !test.syntaxOk) {
            *error = test.otherLines.isEmpty()
                ? tr("the output is empty: this is not the output of nginx -t")
                : tr("this is not the output of nginx -t: %1").arg(excerpt(test.otherLines.constFirst()));
            return std::nullopt;
        }
        const QList<ConfigTestMessage> errors = test.errors();
        *error = tr("the output of nginx -t ends without a verdict (\"test is successful\" or \"test failed\"): "
                    "nginx crashed, its output was cut short, or it ran with -q");
        if (!test.messages.isEmpty()) {
            *error +=
                tr("; it said: %1").arg(describe(errors.isEmpty() ? test.messages.constLast() : errors.constFirst()));
        }
        return std::nullopt;
    }
    if (sawSuccess && sawFailure) {
        *error = tr("the output says both \"test is successful\" and \"test failed\": it holds more than one "
                    "run of nginx -t");
        return std::nullopt;
    }
    test.successful = sawSuccess;
    test.syntaxOk = test.syntaxOk || test.successful;
    return test;
}

} // namespace Baton
