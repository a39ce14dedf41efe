#include "nginxbuild.h"

#include <QMap>

namespace Baton {

namespace {

QString optionName(const QString &argument)
{
    const qsizetype equals = argument.indexOf(u'=');
    return equals < 0 ? argument : argument.left(equals);
}

QString moduleName(const QString &argument, QStringView prefix)
{
    QString name = argument.mid(prefix.size());
    const qsizetype equals = name.indexOf(u'=');
    if (equals >= 0) {
        name.truncate(equals);
    }
    return name;
}

} // namespace

std::optional<QStringList> NginxBuild::splitArguments(QStringView line)
{
    QStringList arguments;
    QString current;
    bool inArgument = false;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (c == u'\\' && quote == u'"' && i + 1 < line.size() &&
                       QStringView(u"\"\\$`").contains(line.at(i + 1))) {
                current += line.at(++i);
            } else {
                current += c;
            }
        } else if (c == u'\'' || c == u'"') {
            quote = c;
            inArgument = true;
        } else if (c == u'\\' && i + 1 < line.size()) {
            current += line.at(++i);
            inArgument = true;
        } else if (c.isSpace()) {
            if (inArgument) {
                arguments.append(current);
                current.clear();
                inArgument = false;
            }
        } else {
            current += c;
            inArgument = true;
        }
    }
    if (!quote.isNull()) {
        return std::nullopt;
    }
    if (inArgument) {
        arguments.append(current);
    }
    return arguments;
}

std::optional<NginxBuild> NginxBuild::parse(QStringView output, QString *error)
{
    NginxBuild build;
    const auto version = NginxVersion::parse(output);
    if (!version) {
        *error = tr("no \"nginx version:\" line: this is not the output of nginx -V");
        return std::nullopt;
    }
    build.version = *version;
    bool sawConfigure = false;
    for (QStringView line : output.split(u'\n')) {
        line = line.trimmed();
        if (line.startsWith(u"built by ")) {
            build.compiler = line.mid(9).toString();
        } else if (line.startsWith(u"built with ")) {
            // "built with OpenSSL 3.0.20 7 Apr 2026 (running with OpenSSL 3.5.9 29 Sep 2026)"
            QStringView rest = line.mid(11);
            const qsizetype running = rest.indexOf(u" (running with ");
            if (running >= 0) {
                build.opensslRunning = rest.mid(running + 15).chopped(rest.endsWith(u')') ? 1 : 0).toString();
                rest = rest.left(running);
            }
            build.opensslBuilt = rest.toString();
            if (build.opensslRunning.isEmpty()) {
                build.opensslRunning = build.opensslBuilt;
            }
        } else if (line.startsWith(u"TLS SNI support enabled")) {
            build.tlsSni = true;
        } else if (line.startsWith(u"configure arguments:")) {
            const auto arguments = splitArguments(line.mid(20));
            if (!arguments) {
                *error = tr("the configure arguments have an unclosed quote");
                return std::nullopt;
            }
            build.configureArguments = *arguments;
            sawConfigure = true;
        }
    }
    if (!sawConfigure) {
        // nginx built without arguments prints "configure arguments:" with nothing after it;
        // a missing line means the output is cut (nginx -v instead of -V?).
        *error = tr("no \"configure arguments:\" line: use nginx -V (capital V)");
        return std::nullopt;
    }
    return build;
}

QStringList NginxBuild::staticModules() const
{
    QStringList modules;
    for (const QString &argument : configureArguments) {
        if (argument.startsWith(u"--with-") && argument.contains(u"module") && !argument.contains(u'=')) {
            modules.append(moduleName(argument, u"--with-"));
        } else if (argument.startsWith(u"--add-module=")) {
            modules.append(argument.mid(13));
        }
    }
    return modules;
}

QStringList NginxBuild::dynamicModules() const
{
    QStringList modules;
    for (const QString &argument : configureArguments) {
        if (argument.startsWith(u"--with-") && argument.endsWith(u"=dynamic")) {
            modules.append(moduleName(argument, u"--with-"));
        } else if (argument.startsWith(u"--add-dynamic-module=")) {
            modules.append(argument.mid(21));
        }
    }
    return modules;
}

QStringList NginxBuild::removedModules() const
{
    QStringList modules;
    for (const QString &argument : configureArguments) {
        if (argument.startsWith(u"--without-")) {
            modules.append(moduleName(argument, u"--without-"));
        }
    }
    return modules;
}

QString NginxBuild::option(QStringView name) const
{
    const QString prefix = QStringLiteral("--") + name + u'=';
    for (const QString &argument : configureArguments) {
        if (argument.startsWith(prefix)) {
            return argument.mid(prefix.size());
        }
    }
    return {};
}

bool BuildDifference::isEmpty() const
{
    return onlyInFirst.isEmpty() && onlyInSecond.isEmpty() && changedValues.isEmpty() && modulesDropped.isEmpty() &&
        modulesAdded.isEmpty();
}

BuildDifference BuildDifference::between(const NginxBuild &first, const NginxBuild &second)
{
    const auto byName = [](const NginxBuild &build) {
        QMap<QString, QString> map;
        for (const QString &argument : build.configureArguments) {
            map.insert(optionName(argument), argument);
        }
        return map;
    };
    const QMap<QString, QString> a = byName(first);
    const QMap<QString, QString> b = byName(second);
    BuildDifference difference;
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (!b.contains(it.key())) {
            difference.onlyInFirst.append(it.key());
        } else if (b.value(it.key()) != it.value()) {
            const qsizetype cut = it.key().size() + 1;
            difference.changedValues.append({it.key(), {it.value().mid(cut), b.value(it.key()).mid(cut)}});
        }
    }
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        if (!a.contains(it.key())) {
            difference.onlyInSecond.append(it.key());
        }
    }
    const QStringList modulesA = first.staticModules() + first.dynamicModules();
    const QStringList modulesB = second.staticModules() + second.dynamicModules();
    for (const QString &module : modulesA) {
        if (!modulesB.contains(module)) {
            difference.modulesDropped.append(module);
        }
    }
    for (const QString &module : modulesB) {
        if (!modulesA.contains(module)) {
            difference.modulesAdded.append(module);
        }
    }
    return difference;
}

} // namespace Baton
