#include "transcriptmodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

// The transcript of one `batonctl upgrade` of two lab hosts at once (tests/data/README.md):
// 82 lines, 41 for each host, interleaved.
const QString Fixture = QStringLiteral(BATON_TEST_DATA "/transcript/upgrade-lab-2-hosts.jsonl");

QList<QByteArray> fixtureLines()
{
    QFile file(Fixture);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", qPrintable(Fixture));
    }
    QList<QByteArray> lines = file.readAll().split('\n');
    if (lines.constLast().isEmpty()) {
        lines.removeLast();
    }
    return lines;
}

void append(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append) || file.write(data) != data.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
}

QByteArray joinedLines(const QList<QByteArray> &lines, qsizetype from, qsizetype to)
{
    QByteArray data;
    for (qsizetype i = from; i < to; ++i) {
        data += lines.at(i) + '\n';
    }
    return data;
}

TranscriptEntry entry(const QString &host, const QString &step, const QString &command)
{
    TranscriptEntry result;
    result.time = QDateTime(QDate(2026, 11, 25), QTime(16, 25, 5, 42), QTimeZone::UTC);
    result.host = host;
    result.step = step;
    result.command = command;
    return result;
}

} // namespace

class TestTranscriptModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // UTC+8 without DST (and without tzdata), so local times are known
        qputenv("TZ", "CST-8");
        tzset();
    }

    void modelIsConsistent()
    {
        const QString path = m_dir.filePath(u"consistent.jsonl"_s);
        const QList<QByteArray> lines = fixtureLines();
        append(path, joinedLines(lines, 0, 19));
        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(path, u"lab-1"_s);
        append(path, joinedLines(lines, 19, lines.size()));
        model.refresh();
        model.setSource(path, u"lab-2"_s);
        model.setSource(m_dir.filePath(u"none.jsonl"_s), u"lab-2"_s);
        model.setSource(Fixture, u"lab-1"_s);
        model.setSource({}, {});
    }

    // Rows of the captured transcript: one host's entries only, in the order they were written.
    void rowsOfOneHost_data()
    {
        QTest::addColumn<int>("row");
        QTest::addColumn<QString>("step");
        QTest::addColumn<QString>("commandStart");
        QTest::addColumn<int>("exitStatus");
        QTest::addColumn<qint64>("durationMs");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("note");
        QTest::addColumn<QString>("time");

        QTest::newRow("a note: the phase seen first") << 0 << u"upgrade"_s << QString() << -1 << qint64(0) << QString()
                                                      << u"phase: running"_s << u"12:51:48.114"_s;
        QTest::newRow("a health check through the connection")
            << 14 << u"preflight"_s << u"GET http://127.0.0.1:27718/ (through the SSH connection: no process on"_s << 0
            << qint64(3) << u"HTTP 200"_s << QString() << u"12:51:48.161"_s;
        QTest::newRow("a command that failed, stderr only")
            << 17 << u"stage"_s << u"[ -r /tmp/helper-lab/hosts/lab-1/nginx/sbin/nginx.baton-backup-1.22.1 ]"_s << 1
            << qint64(6) << u"cannot read /tmp/helper-lab/hosts/lab-1/nginx/sbin/nginx.baton-backup-1.22.1"_s
            << QString() << u"12:51:48.165"_s;
        QTest::newRow("the signal about to be sent")
            << 20 << u"spawn"_s << QString() << -1 << qint64(0) << QString()
            << u"sending USR2 to master process (pid 4)"_s << u"12:51:48.203"_s;
        QTest::newRow("the wait after QUIT")
            << 36 << u"commit"_s << u"kids() {"_s << 0 << qint64(55) << QString() << QString() << u"12:51:48.250"_s;
        QTest::newRow("the lock released last") << 40 << u"lock"_s << u"d=/tmp/helper-lab/hosts/lab-1/"_s << 0
                                                << qint64(6) << QString() << QString() << u"12:51:48.306"_s;
    }

    void rowsOfOneHost()
    {
        QFETCH(int, row);
        QFETCH(QString, step);
        QFETCH(QString, commandStart);
        QFETCH(int, exitStatus);
        QFETCH(qint64, durationMs);
        QFETCH(QString, output);
        QFETCH(QString, note);
        QFETCH(QString, time);
        TranscriptModel model;
        model.setSource(Fixture, u"lab-1"_s);
        QCOMPARE(model.count(), 41);

        const QModelIndex index = model.index(row);
        QCOMPARE(index.data(TranscriptModel::StepRole).toString(), step);
        const QString command = index.data(TranscriptModel::CommandRole).toString();
        QVERIFY2(commandStart.isEmpty() ? command.isEmpty() : command.startsWith(commandStart), qPrintable(command));
        QCOMPARE(index.data(Qt::DisplayRole).toString(), command);
        QCOMPARE(index.data(TranscriptModel::ExitStatusRole).toInt(), exitStatus);
        QCOMPARE(index.data(TranscriptModel::FinishedRole).toBool(), exitStatus >= 0);
        QCOMPARE(index.data(TranscriptModel::DurationRole).toLongLong(), durationMs);
        QCOMPARE(index.data(TranscriptModel::OutputRole).toString(), output);
        QCOMPARE(index.data(TranscriptModel::NoteRole).toString(), note);
        QCOMPARE(index.data(TranscriptModel::TimeRole).toString(), time);
    }

    void stepsInOrderWithoutTheOtherHost()
    {
        TranscriptModel model;
        model.setSource(Fixture, u"lab-2"_s);
        QCOMPARE(model.count(), 41);
        QStringList steps;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            const QString step = index.data(TranscriptModel::StepRole).toString();
            if (steps.isEmpty() || steps.constLast() != step) {
                steps.append(step);
            }
            QVERIFY(!index.data(TranscriptModel::CommandRole).toString().contains(u"/hosts/lab-1/"));
            QVERIFY(!index.data(TranscriptModel::NoteRole).toString().contains(u"/hosts/lab-1/"));
        }
        QCOMPARE(steps,
                 (QStringList{u"upgrade"_s,
                              u"stage"_s,
                              u"lock"_s,
                              u"preflight"_s,
                              u"stage"_s,
                              u"spawn"_s,
                              u"drain"_s,
                              u"commit"_s,
                              u"lock"_s}));
        QCOMPARE(model.index(40).data(TranscriptModel::StepRole).toString(), u"lock"_s);
    }

    void exposesRoles()
    {
        TranscriptModel model;
        const QHash<int, QByteArray> expected{
            {TranscriptModel::TimeRole, "time"},
            {TranscriptModel::StepRole, "step"},
            {TranscriptModel::CommandRole, "command"},
            {TranscriptModel::ExitStatusRole, "exitStatus"},
            {TranscriptModel::DurationRole, "durationMs"},
            {TranscriptModel::OutputRole, "output"},
            {TranscriptModel::NoteRole, "note"},
            {TranscriptModel::FinishedRole, "finished"},
        };
        QCOMPARE(model.roleNames(), expected);
        QCOMPARE(TranscriptModel::TimeRole, Qt::UserRole + 1);
    }

    // What the captured run has not: both outputs, a command cut off, an SSH error; written
    // by Transcript itself.
    void entriesWrittenByTranscript()
    {
        QTemporaryDir dir;
        Transcript transcript(dir.path());
        TranscriptEntry both = entry(u"web-1"_s, u"preflight"_s, u"nginx -t"_s);
        both.exitStatus = 1;
        both.durationMs = 120;
        both.output = u"out"_s;
        both.errorOutput = u"nginx: [emerg] unknown directive \"foo\""_s;
        transcript.record(both);
        transcript.record(entry(u"web-2"_s, u"probe"_s, u"true"_s));
        TranscriptEntry cutOff = entry(u"web-1"_s, u"spawn"_s, u"kill -USR2 4"_s);
        cutOff.durationMs = 30000;
        cutOff.error = u"the connection was lost"_s;
        cutOff.note = u"not shown: the error is"_s;
        transcript.record(cutOff);
        TranscriptEntry note = entry(u"web-1"_s, u"spawn"_s, {});
        note.note = u"phase: spawned"_s;
        transcript.record(note);

        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(transcript.path(), u"web-1"_s);
        QCOMPARE(model.count(), 3);
        const QModelIndex first = model.index(0), second = model.index(1), third = model.index(2);
        QCOMPARE(first.data(TranscriptModel::ExitStatusRole).toInt(), 1);
        QCOMPARE(first.data(TranscriptModel::OutputRole).toString(),
                 u"out\nnginx: [emerg] unknown directive \"foo\""_s);
        QCOMPARE(first.data(TranscriptModel::DurationRole).toLongLong(), 120);
        QCOMPARE(first.data(TranscriptModel::TimeRole).toString(), u"00:25:05.042"_s); // the next day, UTC+8
        QCOMPARE(second.data(TranscriptModel::CommandRole).toString(), u"kill -USR2 4"_s);
        QCOMPARE(second.data(TranscriptModel::ExitStatusRole).toInt(), -1);
        QVERIFY(!second.data(TranscriptModel::FinishedRole).toBool());
        QCOMPARE(second.data(TranscriptModel::NoteRole).toString(), u"the connection was lost"_s);
        QCOMPARE(second.data(TranscriptModel::DurationRole).toLongLong(), 30000);
        QCOMPARE(third.data(TranscriptModel::CommandRole).toString(), QString());
        QCOMPARE(third.data(TranscriptModel::NoteRole).toString(), u"phase: spawned"_s);
        QVERIFY(!third.data(TranscriptModel::FinishedRole).toBool());

        QCOMPARE(model.asShellText(),
                 u"# 00:25:05 preflight, exit 1, 120 ms\nnginx -t\n"
                 u"# 00:25:05 spawn, exit ?, 30000 ms\nkill -USR2 4\n"
                 u"# 00:25:05 spawn: phase: spawned\n"_s);
    }

    void shellTextOfACapturedRun()
    {
        TranscriptModel model;
        model.setSource(Fixture, u"lab-1"_s);
        const QString text = model.asShellText();
        QVERIFY(text.startsWith(u"# 12:51:48 upgrade: phase: running\n# 12:51:48 stage, exit 0, 14 ms\n[ -r "_s));
        QVERIFY(text.contains(u"\n# 12:51:48 stage, exit 1, 6 ms\n[ -r /tmp/helper-lab/hosts/lab-1/nginx/sbin/"_s));
        QVERIFY(!text.contains(u"lab-2"_s));
        QCOMPARE(text.count(u"\n# "_s) + 1, 41);
    }

    // New lines of the file: only this host's are appended, as rows inserted at the end.
    void refreshAppendsNewEntries_data()
    {
        QTest::addColumn<int>("linesFirst");
        QTest::addColumn<int>("rowsFirst");
        QTest::newRow("empty file") << 0 << 0;
        QTest::newRow("ends with the other host") << 8 << 7;
        QTest::newRow("ends with this host") << 19 << 18;
        QTest::newRow("half way") << 58 << 36;
        QTest::newRow("all but the other host's last") << 81 << 41;
    }

    void refreshAppendsNewEntries()
    {
        QFETCH(int, linesFirst);
        QFETCH(int, rowsFirst);
        const QList<QByteArray> lines = fixtureLines();
        const QString path = m_dir.filePath(u"append-%1.jsonl"_s.arg(linesFirst));
        append(path, joinedLines(lines, 0, linesFirst));

        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(path, u"lab-1"_s);
        QCOMPARE(model.count(), rowsFirst);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy countChanged(&model, &TranscriptModel::countChanged);
        append(path, joinedLines(lines, linesFirst, lines.size()));
        model.refresh();
        QCOMPARE(model.count(), 41);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), rowsFirst == 41 ? 0 : 1);
        QCOMPARE(countChanged.size(), rowsFirst == 41 ? 0 : 1);
        if (!inserted.isEmpty()) {
            QCOMPARE(inserted.at(0).at(1).toInt(), rowsFirst);
            QCOMPARE(inserted.at(0).at(2).toInt(), 40);
        }
        QCOMPARE(model.index(40).data(TranscriptModel::StepRole).toString(), u"lock"_s);

        // nothing new; then the same source again: no reset either
        model.refresh();
        model.setSource(path, u"lab-1"_s);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), rowsFirst == 41 ? 0 : 1);
    }

    void onlyTheOtherHostWrote()
    {
        const QList<QByteArray> lines = fixtureLines();
        const QString path = m_dir.filePath(u"other.jsonl"_s);
        append(path, joinedLines(lines, 0, 20));
        TranscriptModel model;
        model.setSource(path, u"lab-1"_s);
        QCOMPARE(model.count(), 18);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy countChanged(&model, &TranscriptModel::countChanged);
        append(path, joinedLines(lines, 20, 36)); // lines 21 to 36 are all lab-2's
        model.refresh();
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(countChanged.size(), 0);
        append(path, joinedLines(lines, 36, lines.size()));
        model.refresh();
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.count(), 41);
    }

    // A line still being written is read once it is complete, with the ones before it.
    void halfWrittenLine()
    {
        const QList<QByteArray> lines = fixtureLines();
        const QString path = m_dir.filePath(u"half.jsonl"_s);
        append(path, joinedLines(lines, 0, 5));
        const QByteArray sixth = lines.at(5);
        append(path, sixth.left(sixth.size() / 2));
        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(path, u"lab-1"_s);
        QCOMPARE(model.count(), 0);
        append(path, sixth.mid(sixth.size() / 2) + '\n');
        model.refresh();
        QCOMPARE(model.count(), 6);
        QCOMPARE(model.index(5).data(TranscriptModel::NoteRole).toString(),
                 u"pass phase: nginx 1.22.1 runs: master 4 with 2 workers"_s);
    }

    void anotherHostOrFileResets()
    {
        TranscriptModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSource(Fixture, u"lab-1"_s);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy countChanged(&model, &TranscriptModel::countChanged);
        model.setSource(Fixture, u"lab-2"_s);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model.count(), 41);
        QVERIFY(model.index(1).data(TranscriptModel::CommandRole).toString().contains(u"/hosts/lab-2/"));
        model.setSource(m_dir.filePath(u"missing.jsonl"_s), u"lab-2"_s);
        QCOMPARE(reset.size(), 2);
        QCOMPARE(model.count(), 0);
        QVERIFY(countChanged.size() >= 2);
        model.refresh(); // still missing: nothing happens
        QCOMPARE(model.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTranscriptModel)
#include "tst_transcriptmodel.moc"
