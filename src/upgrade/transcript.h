#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <mutex>
#include <optional>

namespace Baton {

/** @brief One command Baton ran on a host, or one thing it noted there. */
struct TranscriptEntry
{
    QDateTime time; ///< when the command started (UTC)
    QString host;
    QString step; ///< "probe", "preflight", "stage", "spawn", "drain", "commit", "rollback", ...
    QString command; ///< exactly what ran (secrets never appear in commands)
    std::optional<int> exitStatus; ///< nullopt: it did not finish (error says why)
    qint64 durationMs = 0; ///< of its round trip (shared with the others of its batch)
    int batch = 0; ///< > 1: how many commands shared one round trip (UpgradeCommands::batch())
    QString output; ///< stdout, cut to a few kilobytes
    QString errorOutput; ///< stderr, cut likewise
    QString error; ///< the SSH layer's error, if any
    QString note; ///< a line for the reader ("phase: spawned", "sent USR2 to 1234")

    QJsonObject toJson() const;
    static std::optional<TranscriptEntry> fromJson(const QJsonObject &object);
};

/**
 * @brief The record of one run of Baton: every command it ran on every host, as JSON lines
 * in one file per run under the user's state directory. Thread-safe: hosts are driven
 * in parallel and write to the same run.
 */
class Transcript
{
    Q_DECLARE_TR_FUNCTIONS(Transcript)

public:
    /** @brief Starts a new run's file in @p directory (empty: defaultDirectory()). */
    explicit Transcript(const QString &directory = {});
    ~Transcript();

    QString path() const { return m_path; }
    QString runId() const { return m_runId; }

    void record(const TranscriptEntry &entry);

    /** @brief $XDG_STATE_HOME/baton/transcripts (~/.local/state/baton/transcripts). */
    static QString defaultDirectory();
    /** @brief The runs in @p directory, newest first (file paths). */
    static QStringList runs(const QString &directory = {});
    /** @brief Reads a transcript file; @p error says what is wrong with it. */
    static std::optional<QList<TranscriptEntry>> read(const QString &path, QString *error);

private:
    std::mutex m_mutex;
    QString m_runId;
    QString m_path;
    QFile m_file;
};

} // namespace Baton
