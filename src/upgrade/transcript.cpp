#include "transcript.h"

#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>

namespace Baton {

namespace {

constexpr qsizetype MaxOutput = 16 * 1024;

QString cut(const QString &text)
{
    return text.size() <= MaxOutput ? text : text.left(MaxOutput) + QStringLiteral("\n[... cut]");
}

} // namespace

QJsonObject TranscriptEntry::toJson() const
{
    QJsonObject object{{QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
                       {QStringLiteral("host"), host},
                       {QStringLiteral("step"), step}};
    const auto put = [&object](const char *key, const QString &value) {
        if (!value.isEmpty()) {
            object.insert(QLatin1StringView(key), value);
        }
    };
    put("command", command);
    if (exitStatus) {
        object.insert(QStringLiteral("exit"), *exitStatus);
    }
    if (!command.isEmpty()) {
        object.insert(QStringLiteral("durationMs"), durationMs);
    }
    if (batch > 1) {
        object.insert(QStringLiteral("batch"), batch);
    }
    put("stdout", cut(output));
    put("stderr", cut(errorOutput));
    put("error", error);
    put("note", note);
    return object;
}

std::optional<TranscriptEntry> TranscriptEntry::fromJson(const QJsonObject &object)
{
    TranscriptEntry entry;
    entry.time = QDateTime::fromString(object.value(u"time").toString(), Qt::ISODateWithMs);
    entry.host = object.value(u"host").toString();
    entry.step = object.value(u"step").toString();
    if (!entry.time.isValid() || entry.step.isEmpty()) {
        return std::nullopt;
    }
    entry.command = object.value(u"command").toString();
    if (object.contains(u"exit")) {
        entry.exitStatus = object.value(u"exit").toInt();
    }
    entry.durationMs = qint64(object.value(u"durationMs").toDouble());
    entry.batch = object.value(u"batch").toInt();
    entry.output = object.value(u"stdout").toString();
    entry.errorOutput = object.value(u"stderr").toString();
    entry.error = object.value(u"error").toString();
    entry.note = object.value(u"note").toString();
    return entry;
}

Transcript::Transcript(const QString &directory)
{
    const QString dir = directory.isEmpty() ? defaultDirectory() : directory;
    QDir().mkpath(dir);
    // Sortable and unique enough: time, then the process id
    m_runId = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")) + u'-' +
        QString::number(QCoreApplication::applicationPid());
    m_path = dir + u'/' + m_runId + QStringLiteral(".jsonl");
    m_file.setFileName(m_path);
    if (m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
}

Transcript::~Transcript() = default;

void Transcript::record(const TranscriptEntry &entry)
{
    const QByteArray line = QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) + '\n';
    const std::lock_guard lock(m_mutex);
    if (m_file.isOpen()) {
        m_file.write(line);
        m_file.flush(); // a crash must not lose what ran
    }
}

QString Transcript::defaultDirectory()
{
    QString state = qEnvironmentVariable("XDG_STATE_HOME");
    if (state.isEmpty() || !QDir::isAbsolutePath(state)) {
        state = QDir::homePath() + QStringLiteral("/.local/state");
    }
    return state + QStringLiteral("/baton/transcripts");
}

QStringList Transcript::runs(const QString &directory)
{
    const QDir dir(directory.isEmpty() ? defaultDirectory() : directory);
    QStringList files = dir.entryList({QStringLiteral("*.jsonl")}, QDir::Files, QDir::Name | QDir::Reversed);
    for (QString &file : files) {
        file = dir.filePath(file);
    }
    return files;
}

std::optional<QList<TranscriptEntry>> Transcript::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the transcript %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QList<TranscriptEntry> entries;
    int number = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++number;
        if (line.isEmpty()) {
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
        const auto entry = document.isObject() ? TranscriptEntry::fromJson(document.object()) : std::nullopt;
        if (!entry) {
            *error = tr("%1, line %2: not a transcript entry").arg(path).arg(number);
            return std::nullopt;
        }
        entries.append(*entry);
    }
    return entries;
}

} // namespace Baton
