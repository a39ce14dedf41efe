#include "sshconfigimport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace Baton {

namespace {

QString expandHome(const QString &path)
{
    if (path == u"~" || path.startsWith(u"~/")) {
        return QDir::homePath() + path.mid(1);
    }
    return path;
}

QList<SshConfigHost> parseText(const QString &text, const QString &sshDirectory, const QString &source, int depth);

QList<SshConfigHost> includeFiles(const QString &pattern, const QString &sshDirectory, int depth)
{
    QList<SshConfigHost> found;
    if (depth > 16) {
        return found;
    }
    QString path = expandHome(pattern);
    if (QFileInfo(path).isRelative()) {
        path = sshDirectory + u'/' + path;
    }
    const QFileInfo info(path);
    QDir directory = info.dir();
    const QStringList names = directory.entryList({info.fileName()}, QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names) {
        QFile file(directory.filePath(name));
        if (file.open(QIODevice::ReadOnly)) {
            found += parseText(QString::fromUtf8(file.readAll()), sshDirectory, file.fileName(), depth + 1);
        }
    }
    return found;
}

QList<SshConfigHost> parseText(const QString &text, const QString &sshDirectory, const QString &source, int depth)
{
    QList<SshConfigHost> hosts;
    QList<qsizetype> block; ///< indexes in hosts of the aliases the current Host line named
    bool inMatch = false;
    const auto set = [&](const std::function<void(SshConfigHost &)> &apply) {
        for (const qsizetype index : std::as_const(block)) {
            apply(hosts[index]);
        }
    };
    for (const QString &line : text.split(u'\n')) {
        const QStringList words = SshConfigImport::words(line);
        if (words.isEmpty()) {
            continue;
        }
        const QString key = words.constFirst().toLower();
        const QStringList values = words.mid(1);
        if (key == u"host") {
            block.clear();
            inMatch = false;
            for (const QString &pattern : values) {
                if (pattern.contains(u'*') || pattern.contains(u'?') || pattern.startsWith(u'!')) {
                    continue;
                }
                SshConfigHost host;
                host.alias = pattern;
                host.source = source;
                block.append(hosts.size());
                hosts.append(host);
            }
        } else if (key == u"match") {
            block.clear();
            inMatch = true;
        } else if (key == u"include") {
            for (const QString &pattern : values) {
                hosts += includeFiles(pattern, sshDirectory, depth);
            }
        } else if (values.isEmpty() || inMatch) {
            continue;
        } else if (key == u"hostname") {
            // the first value obtained wins, as in ssh_config(5)
            set([&](SshConfigHost &h) {
                if (h.hostName.isEmpty()) {
                    h.hostName = values.constFirst();
                }
            });
        } else if (key == u"user") {
            set([&](SshConfigHost &h) {
                if (h.user.isEmpty()) {
                    h.user = values.constFirst();
                }
            });
        } else if (key == u"port") {
            set([&](SshConfigHost &h) {
                if (h.port == 0) {
                    h.port = values.constFirst().toInt();
                }
            });
        } else if (key == u"identityfile") {
            set([&](SshConfigHost &h) {
                if (h.identityFile.isEmpty()) {
                    h.identityFile = expandHome(values.constFirst());
                }
            });
        }
    }
    return hosts;
}

} // namespace

QStringList SshConfigImport::words(const QString &line)
{
    QStringList result;
    QString word;
    bool quoted = false;
    bool started = false;
    bool seenEquals = false; ///< "Key=value" and "Key = value": one '=' may end the key
    const auto endWord = [&] {
        if (started) {
            result.append(word);
            word.clear();
            started = false;
        }
    };
    for (const QChar c : line) {
        if (c == u'"') {
            quoted = !quoted;
            started = true;
        } else if (quoted) {
            word.append(c);
        } else if (c == u'#' && !started) {
            break; // a comment, to the end of the line
        } else if (c.isSpace()) {
            endWord();
        } else if (c == u'=' && !seenEquals && (result.isEmpty() ? started : result.size() == 1 && !started)) {
            seenEquals = true;
            endWord();
        } else {
            word.append(c);
            started = true;
        }
    }
    endWord();
    return result;
}

QList<SshConfigHost> SshConfigImport::parse(const QString &text, const QString &sshDirectory, const QString &source)
{
    return parseText(text, sshDirectory, source, 0);
}

QList<SshConfigHost> SshConfigImport::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = QCoreApplication::translate("SshConfigImport", "cannot read %1: %2").arg(path, file.errorString());
        }
        return {};
    }
    return parse(QString::fromUtf8(file.readAll()), QDir::homePath() + u"/.ssh"_s, path);
}

QString SshConfigImport::defaultPath()
{
    return QDir::homePath() + u"/.ssh/config"_s;
}

} // namespace Baton
