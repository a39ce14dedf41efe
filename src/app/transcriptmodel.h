#pragma once

#include "transcript.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace Baton {

/**
 * @brief Every command Baton ran on one host in this session (and the notes it made
 * there), oldest first, read from the session's transcript file. New entries are
 * appended (rowsInserted), never a reset while the host stays the same.
 */
class TranscriptModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("TranscriptModel is provided by Fleet.host.transcript")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    /** @brief Data roles; each is also the QML name in roleNames(). */
    enum Role {
        TimeRole = Qt::UserRole + 1, ///< "time": local time, "hh:mm:ss.zzz"
        StepRole, ///< "step": "preflight", "spawn", ...
        CommandRole, ///< "command": what ran, exactly (empty for a note)
        ExitStatusRole, ///< "exitStatus": -1 when it did not finish
        DurationRole, ///< "durationMs"
        OutputRole, ///< "output": stdout and stderr, cut
        NoteRole, ///< "note": a line for the reader, or the SSH error
        FinishedRole, ///< "finished": the command's end was seen
    };
    Q_ENUM(Role)

    explicit TranscriptModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    int count() const { return int(m_entries.size()); }

    /** @brief Shows @p host's entries of the transcript at @p path (re-read by refresh()). */
    void setSource(const QString &path, const QString &host);
    /** @brief Appends the entries written since the last read. */
    void refresh();

    /** @brief The whole transcript of the host as shell text: commands, with their exit codes as comments. */
    Q_INVOKABLE QString asShellText() const;

Q_SIGNALS:
    void countChanged();

private:
    QString m_path;
    QString m_host;
    QList<TranscriptEntry> m_entries;
    qsizetype m_read = 0; ///< entries of the file (all hosts) read so far
};

} // namespace Baton
