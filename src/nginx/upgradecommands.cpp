#include "upgradecommands.h"

#include "shellquote.h"

namespace Baton {

std::optional<MasterArguments> MasterArguments::fromTitle(QStringView title)
{
    static constexpr QStringView Prefix = u"nginx: master process ";
    if (!title.startsWith(Prefix)) {
        return std::nullopt;
    }
    const QList<QStringView> words = title.mid(Prefix.size()).split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        return std::nullopt;
    }
    MasterArguments arguments;
    arguments.binary = words.first().toString();
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QStringView word = words.at(i);
        QString *target = word == u"-p" ? &arguments.prefix
            : word == u"-c"             ? &arguments.configFile
            : word == u"-e"             ? &arguments.errorLog
            : word == u"-g"             ? &arguments.globals
                                        : nullptr;
        if (!target || i + 1 >= words.size()) {
            return std::nullopt; // an unknown option, or a path with spaces: cannot be sure
        }
        if (word == u"-g") {
            // -g takes directives, which contain spaces ("daemon on; master_process on;"): the rest
            QStringList rest;
            for (qsizetype j = i + 1; j < words.size(); ++j) {
                rest.append(words.at(j).toString());
            }
            *target = rest.join(u' ');
            break;
        }
        *target = words.at(++i).toString();
    }
    return arguments;
}

QStringList MasterArguments::options() const
{
    QStringList result;
    const std::initializer_list<std::pair<const char *, const QString *>> pairs = {
        {"-p", &prefix}, {"-c", &configFile}, {"-e", &errorLog}, {"-g", &globals}};
    for (const auto &[flag, value] : pairs) {
        if (!value->isEmpty()) {
            result << QString::fromLatin1(flag) << *value;
        }
    }
    return result;
}

namespace UpgradeCommands {

QString backup(const QString &binary, const QString &backupPath)
{
    return QStringLiteral("cp -p -- %1 %2 && cmp -s -- %1 %2").arg(shellQuote(binary), shellQuote(backupPath));
}

QString install(const QString &source, const QString &binary)
{
    const QString temporary = binary + QStringLiteral(".baton-new");
    return QStringLiteral("cp -p -- %1 %2 && chmod 0755 %2 && mv -f -- %2 %3 || { rm -f -- %2; exit 1; }")
        .arg(shellQuote(source), shellQuote(temporary), shellQuote(binary));
}

QString testConfiguration(const QString &binary, const MasterArguments &arguments)
{
    return shellJoin(QStringList{binary, QStringLiteral("-t")} + arguments.options());
}

QString signal(const QString &signal, qint64 pid, quint64 startTime)
{
    // The start time is the 22nd field of /proc/PID/stat, counted after the ")" that ends
    // the command name (which may contain spaces).
    return QStringLiteral("stat=$(cat /proc/%1/stat 2>/dev/null) || { echo 'process %1 is gone' >&2; exit 3; }; "
                          "set -- ${stat##*) }; shift 19; "
                          "[ \"$1\" = %2 ] || { echo 'process %1 is not the one seen before' >&2; exit 3; }; "
                          "kill -%3 %1")
        .arg(QString::number(pid), QString::number(startTime), shellQuote(signal));
}

QString readPidFile(const QString &pidFile)
{
    return QStringLiteral("cat -- %1 2>/dev/null | tr -dc 0-9").arg(shellQuote(pidFile));
}

} // namespace UpgradeCommands
} // namespace Baton
