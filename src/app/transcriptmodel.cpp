#include "transcriptmodel.h"

using namespace Qt::StringLiterals;

namespace Baton {

TranscriptModel::TranscriptModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int TranscriptModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant TranscriptModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const TranscriptEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case CommandRole:
        return entry.command;
    case TimeRole:
        return entry.time.toLocalTime().toString(u"hh:mm:ss.zzz"_s);
    case StepRole:
        return entry.step;
    case ExitStatusRole:
        return entry.exitStatus.value_or(-1);
    case DurationRole:
        return entry.durationMs;
    case OutputRole:
        return entry.errorOutput.isEmpty() ? entry.output
            : entry.output.isEmpty()       ? entry.errorOutput
                                           : entry.output + u'\n' + entry.errorOutput;
    case NoteRole:
        return entry.error.isEmpty() ? entry.note : entry.error;
    case FinishedRole:
        return entry.exitStatus.has_value();
    default:
        return {};
    }
}

QHash<int, QByteArray> TranscriptModel::roleNames() const
{
    return {
        {TimeRole, "time"},
        {StepRole, "step"},
        {CommandRole, "command"},
        {ExitStatusRole, "exitStatus"},
        {DurationRole, "durationMs"},
        {OutputRole, "output"},
        {NoteRole, "note"},
        {FinishedRole, "finished"},
    };
}

void TranscriptModel::setSource(const QString &path, const QString &host)
{
    if (path == m_path && host == m_host) {
        refresh();
        return;
    }
    const bool hadRows = !m_entries.isEmpty();
    beginResetModel();
    m_path = path;
    m_host = host;
    m_entries.clear();
    m_read = 0;
    endResetModel();
    if (hadRows) {
        Q_EMIT countChanged();
    }
    refresh();
}

void TranscriptModel::refresh()
{
    if (m_path.isEmpty()) {
        return;
    }
    QString error;
    const auto entries = Transcript::read(m_path, &error);
    if (!entries || entries->size() <= m_read) {
        return;
    }
    QList<TranscriptEntry> mine;
    for (qsizetype i = m_read; i < entries->size(); ++i) {
        if (entries->at(i).host == m_host) {
            mine.append(entries->at(i));
        }
    }
    m_read = entries->size();
    if (mine.isEmpty()) {
        return;
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size() + mine.size()) - 1);
    m_entries.append(mine);
    endInsertRows();
    Q_EMIT countChanged();
}

QString TranscriptModel::asShellText() const
{
    QString text;
    for (const TranscriptEntry &entry : m_entries) {
        const QString time = entry.time.toLocalTime().toString(u"hh:mm:ss"_s);
        if (entry.command.isEmpty()) {
            text += u"# "_s + time + u' ' + entry.step + u": "_s + (entry.error.isEmpty() ? entry.note : entry.error) +
                u'\n';
            continue;
        }
        text += u"# "_s + time + u' ' + entry.step + u", exit "_s +
            (entry.exitStatus ? QString::number(*entry.exitStatus) : u"?"_s) + u", "_s +
            QString::number(entry.durationMs) + u" ms\n"_s + entry.command + u'\n';
    }
    return text;
}

} // namespace Baton
