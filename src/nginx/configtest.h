#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Baton {

/** @brief One message nginx printed while testing a configuration. */
struct ConfigTestMessage
{
    /** @brief nginx's log levels, most severe first. */
    enum class Level { Emerg, Alert, Crit, Error, Warn, Notice, Info, Debug };

    Level level = Level::Emerg;
    QString text; ///< without the level, the timestamp and the " in FILE:LINE" suffix
    QString file; ///< the configuration file the message is about, when it names one
    int line = 0; ///< the line in file, 0 when file is empty

    bool isError() const { return level <= Level::Error; }

    friend bool operator==(const ConfigTestMessage &, const ConfigTestMessage &) = default;
};

/**
 * @brief The outcome of `nginx -t`, read from its output (stderr and stdout merged).
 *
 * nginx prints its messages in one of two forms, depending on where its error log is when
 * it starts: `nginx: [emerg] TEXT` when the log is a file (nginx.org builds, or `-e FILE`),
 * and the error log's own format `2026/11/25 16:00:00 [emerg] 123#123: TEXT` when it is
 * stderr (Debian builds with `--error-log-path=stderr`). Both are read. Then comes the
 * verdict: "the configuration file FILE syntax is ok" and "configuration file FILE test is
 * successful", or "configuration file FILE test failed".
 *
 * Output without a verdict is an error, even when it has messages: nginx always prints one
 * unless it crashed, the output was cut short, or it ran with `-q` (which silences the
 * success lines, so do not use `-q`).
 */
struct ConfigTest
{
    Q_DECLARE_TR_FUNCTIONS(ConfigTest)

public:
    QString configFile; ///< as the verdict names it
    bool syntaxOk = false; ///< the file parsed (also true when the test succeeded)
    bool successful = false; ///< only with "test is successful"
    QList<ConfigTestMessage> messages; ///< in the order nginx printed them
    QStringList otherLines; ///< lines that are neither a message nor a verdict (a wrapper's, the loader's)

    /** @brief The messages of level error or worse (emerg, alert, crit, error). */
    QList<ConfigTestMessage> errors() const;

    /** @brief Parses the output of `nginx -t`; @p error says why it is not one. */
    static std::optional<ConfigTest> parse(QStringView output, QString *error);

    /** @brief "emerg", "warn", ...: the name nginx prints; an empty view for a bad value. */
    static QStringView levelName(ConfigTestMessage::Level level);
};

} // namespace Baton
