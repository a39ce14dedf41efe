#include "shellquote.h"
#include "upgradecommands.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

// Runs a command line with the local POSIX sh: the builders' output is real shell.
int sh(const QString &command, QByteArray *err = nullptr)
{
    QProcess process;
    process.start(u"/bin/sh"_s, {u"-c"_s, command});
    if (!process.waitForFinished(10000)) {
        return -1;
    }
    if (err) {
        *err = process.readAllStandardError();
    }
    return process.exitCode();
}

QByteArray contents(const QString &path);

// Runs a command line and returns its exit status, stdout and stderr.
struct Ran
{
    int status = -1;
    QByteArray out;
    QByteArray err;
};

// Like an SSH channel, it returns only once stdout and stderr are closed: a command whose
// background process keeps them open would hang a real session, and fails here.
Ran run(const QString &command, int timeoutMs = 20000)
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out"_s), err = dir.filePath(u"err"_s), rc = dir.filePath(u"rc"_s);
    QProcess process;
    // cat holds the pipes' read ends: it ends only when every writer has closed them
    process.start(u"/bin/sh"_s,
                  {u"-c"_s,
                   u"{ { /bin/sh -c \"$1\" 2>&3 3>&-; echo $? > \"$4\"; } | cat > \"$2\"; } 3>&1 | cat > \"$3\""_s,
                   u"run"_s,
                   command,
                   out,
                   err,
                   rc});
    Ran ran;
    if (process.waitForFinished(timeoutMs)) {
        bool ok = false;
        ran.status = contents(rc).trimmed().toInt(&ok);
        if (!ok) {
            ran.status = -1;
        }
    } else {
        process.kill();
        process.waitForFinished();
    }
    ran.out = contents(out) == "<missing>" ? QByteArray() : contents(out);
    ran.err = contents(err) == "<missing>" ? QByteArray() : contents(err);
    return ran;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

} // namespace

class TestUpgradeCommands : public QObject
{
    Q_OBJECT

    QTemporaryDir m_temp;
    QString m_dir; // a directory whose name a careless script would mangle

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = m_temp.filePath(u"it's a $(touch pwned) `name` \n网站"_s);
        QVERIFY(QDir().mkpath(m_dir));
    }

    void cleanupTestCase() { QVERIFY(!QFile::exists(u"pwned"_s)); }

    void backupCopiesExactly()
    {
        const QString binary = m_dir + u"/nginx"_s;
        QVERIFY(writeFile(binary, "old build\n"));
        QFile::setPermissions(binary, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString backup = m_dir + u"/nginx-1.22.1.baton-backup"_s;
        QCOMPARE(sh(UpgradeCommands::backup(binary, backup)), 0);
        QCOMPARE(contents(backup), QByteArray("old build\n"));
        QCOMPARE(QFile::permissions(backup), QFile::permissions(binary));
        // a backup that cannot be written fails loudly
        QVERIFY(sh(UpgradeCommands::backup(binary, m_dir + u"/no/such/dir/x"_s)) != 0);
    }

    void installIsAtomicAndCleansUp()
    {
        const QString binary = m_dir + u"/nginx"_s;
        const QString source = m_dir + u"/new nginx"_s;
        QVERIFY(writeFile(source, "new build\n"));
        QCOMPARE(sh(UpgradeCommands::install(source, binary)), 0);
        QCOMPARE(contents(binary), QByteArray("new build\n"));
        QVERIFY(QFile::permissions(binary).testFlag(QFile::ExeOther));
        QVERIFY(!QFile::exists(binary + u".baton-new"_s));

        // a missing source: the target keeps its content, nothing is left behind
        QByteArray err;
        QVERIFY(sh(UpgradeCommands::install(m_dir + u"/missing"_s, binary), &err) != 0);
        QCOMPARE(contents(binary), QByteArray("new build\n"));
        QVERIFY(!QFile::exists(binary + u".baton-new"_s));
    }

    void testConfigurationUsesTheMasterArguments()
    {
        const auto arguments = MasterArguments::fromTitle(
            u"nginx: master process /srv/nginx/sbin/nginx -p /srv/nginx/ -c conf/nginx.conf -g daemon on; master_process on;"_s);
        QVERIFY(arguments);
        QCOMPARE(UpgradeCommands::testConfiguration(u"/srv/nginx/sbin/nginx"_s, *arguments),
                 u"/srv/nginx/sbin/nginx -t -p /srv/nginx/ -c conf/nginx.conf -g 'daemon on; master_process on;'"_s);
    }

    void fromTitle_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("binary");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QString>("globals");
        QTest::newRow("Debian's service")
            << u"nginx: master process /usr/sbin/nginx -g daemon on; master_process on;"_s << true
            << u"/usr/sbin/nginx"_s << QString() << QString() << u"daemon on; master_process on;"_s;
        QTest::newRow("custom prefix")
            << u"nginx: master process /apps/nginx/sbin/nginx -p /apps/nginx/ -c conf/x.conf"_s << true
            << u"/apps/nginx/sbin/nginx"_s << u"/apps/nginx/"_s << u"conf/x.conf"_s << QString();
        QTest::newRow("relative argv[0]")
            << u"nginx: master process nginx"_s << true << u"nginx"_s << QString() << QString() << QString();
        QTest::newRow("unknown option") << u"nginx: master process /usr/sbin/nginx -q"_s << false << QString()
                                        << QString() << QString() << QString();
        QTest::newRow("path with a space") << u"nginx: master process /usr/sbin/nginx -c /etc/my nginx.conf"_s << false
                                           << QString() << QString() << QString() << QString();
        QTest::newRow("a worker") << u"nginx: worker process"_s << false << QString() << QString() << QString()
                                  << QString();
    }

    void fromTitle()
    {
        QFETCH(QString, title);
        QFETCH(bool, valid);
        const auto arguments = MasterArguments::fromTitle(title);
        QCOMPARE(bool(arguments), valid);
        if (!valid) {
            return;
        }
        QTEST(arguments->binary, "binary");
        QTEST(arguments->prefix, "prefix");
        QTEST(arguments->configFile, "config");
        QTEST(arguments->globals, "globals");
    }

    // The signal reaches the process seen before, never a process that took its pid.
    void signalChecksTheStartTime()
    {
        QProcess sleeper;
        sleeper.start(u"sleep"_s, {u"30"_s});
        QVERIFY(sleeper.waitForStarted());
        const qint64 pid = sleeper.processId();
        QFile stat(u"/proc/%1/stat"_s.arg(pid));
        QVERIFY(stat.open(QIODevice::ReadOnly));
        const QByteArray fields = stat.readAll();
        const quint64 startTime = fields.mid(fields.lastIndexOf(')') + 2).split(' ').at(19).toULongLong();

        QByteArray err;
        QCOMPARE(sh(UpgradeCommands::signal(u"TERM"_s, pid, startTime + 1), &err), 3);
        QVERIFY(err.contains("is not the one seen before"));
        QCOMPARE(sleeper.state(), QProcess::Running);
        QCOMPARE(sh(UpgradeCommands::signal(u"TERM"_s, pid, startTime)), 0);
        QVERIFY(sleeper.waitForFinished(5000));
        QCOMPARE(sleeper.exitStatus(), QProcess::CrashExit);
        sleeper.waitForFinished();
        QCOMPARE(sh(UpgradeCommands::signal(u"TERM"_s, 999999999, startTime), &err), 3);
        QVERIFY(err.contains("is gone"));
    }

    void stateDirectoryIsBesideThePidFile()
    {
        QCOMPARE(UpgradeCommands::stateDirectory(u"/run/nginx.pid"_s), u"/run/.baton-nginx.pid"_s);
        QCOMPARE(UpgradeCommands::stateDirectory(u"/apps/nginx/logs/nginx.pid"_s),
                 u"/apps/nginx/logs/.baton-nginx.pid"_s);
        QCOMPARE(UpgradeCommands::stateDirectory(u"/nginx.pid"_s), u"/.baton-nginx.pid"_s);
    }

    // The per-instance lock: one owner at a time, renewed by its owner only, released by
    // its owner only, and gone with its holder or its lease.
    void lockHasOneOwner()
    {
        namespace C = UpgradeCommands;
        const QString state = m_dir + u"/state"_s;
        const QString a = u"baton:ws-1:100:5 batonctl (pid 100) on ws-1"_s;
        const QString b = u"baton:ws-2:200:7 batonctl (pid 200) on ws-2"_s;
        QCOMPARE(run(C::lockStatus(state)).status, 0); // free, and nothing was created
        QVERIFY(!QFile::exists(state));

        QCOMPARE(run(C::acquireLock(state, a, 60)).status, 0);
        const auto release = qScopeGuard([&] { run(C::releaseLock(state, a)); });
        const Ran held = run(C::lockStatus(state));
        QCOMPARE(held.status, 75);
        QCOMPARE(held.out.trimmed(), a.toUtf8());
        const Ran refused = run(C::acquireLock(state, b, 60));
        QCOMPARE(refused.status, 75);
        QVERIFY2(refused.err.contains(QByteArray("locked by: " + a.toUtf8())), refused.err.constData());
        QCOMPARE(run(C::renewLock(state, a)).status, 0);
        QCOMPARE(run(C::renewLock(state, b)).status, 75);
        QCOMPARE(run(C::releaseLock(state, b)).status, 0); // not b's: nothing happens
        QCOMPARE(run(C::lockStatus(state)).status, 75);

        QCOMPARE(run(C::releaseLock(state, a)).status, 0);
        QCOMPARE(run(C::lockStatus(state)).status, 0); // free at once, not after a poll
        QCOMPARE(run(C::acquireLock(state, b, 60)).status, 0);
        QCOMPARE(run(C::releaseLock(state, b)).status, 0);
        QCOMPARE(run(C::lockStatus(state)).status, 0);
    }

    void lockLeaseExpires()
    {
        namespace C = UpgradeCommands;
        const QString state = m_dir + u"/lease"_s;
        const QString owner = u"baton:ws-1:100:5 crashed"_s;
        QCOMPARE(run(C::acquireLock(state, owner, 2)).status, 0);
        const auto release = qScopeGuard([&] { run(C::releaseLock(state, owner)); });
        QCOMPARE(run(C::lockStatus(state)).status, 75);
        // nobody renews it: the holder lets go once the lease has run out
        QTRY_COMPARE_WITH_TIMEOUT(run(C::lockStatus(state)).status, 0, 10000);
    }

    void lockDiesWithItsHolder()
    {
        namespace C = UpgradeCommands;
        const QString state = m_dir + u"/holder"_s;
        const QString owner = u"baton:ws-1:100:5 killed"_s;
        QCOMPARE(run(C::acquireLock(state, owner, 600)).status, 0);
        const QByteArray holder = contents(state + u"/holder"_s).trimmed();
        QVERIFY(holder.toLongLong() > 0);
        QCOMPARE(run(u"kill -KILL "_s + QString::fromLatin1(holder)).status, 0);
        QTRY_COMPARE_WITH_TIMEOUT(run(C::lockStatus(state)).status, 0, 5000);
        QCOMPARE(run(C::acquireLock(state, owner, 600)).status, 0); // a stale holder file is no obstacle
        QCOMPARE(run(C::releaseLock(state, owner)).status, 0);
    }

    // A step runs detached: its caller may die, the step finishes, and its result waits.
    void stepsRunDetached()
    {
        namespace C = UpgradeCommands;
        const QString state = m_dir + u"/steps"_s;
        const Ran quick = run(C::runStep(state, u"run-1-echo"_s, u"echo out; echo err >&2; exit 3"_s, 10));
        QCOMPARE(quick.status, 3);
        QCOMPARE(quick.out, QByteArray("out\nerr\n"));
        QCOMPARE(run(C::waitStep(state, u"run-1-echo"_s, 1)).status, 3); // asked again: the same answer

        const Ran never = run(C::waitStep(state, u"run-2-never"_s, 1));
        QCOMPARE(never.status, 125);
        QVERIFY(never.err.contains("never started"));

        // The caller goes away (an SSH link cut) while the step runs on.
        const QString flag = m_dir + u"/release-step"_s;
        QProcess caller;
        caller.start(u"/bin/sh"_s,
                     {u"-c"_s,
                      C::runStep(state,
                                 u"run-3-slow"_s,
                                 u"while [ ! -e "_s + shellQuote(flag) + u" ]; do sleep 0.05; done; echo done"_s,
                                 30)});
        QVERIFY(caller.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(state + u"/steps/run-3-slow.out"_s), 5000);
        caller.kill();
        QVERIFY(caller.waitForFinished());
        const Ran running = run(C::waitStep(state, u"run-3-slow"_s, 0));
        QCOMPARE(running.status, 124);
        QVERIFY(writeFile(flag, "go"));
        const Ran finished = run(C::waitStep(state, u"run-3-slow"_s, 10));
        QCOMPARE(finished.status, 0);
        QCOMPARE(finished.out, QByteArray("done\n"));
    }

    void smallQueries()
    {
        namespace C = UpgradeCommands;
        const QString file = m_dir + u"/log"_s;
        QVERIFY(writeFile(file, "line one\nline two\n"));
        QCOMPARE(run(C::fileSize(file)).out.trimmed(), QByteArray("18"));
        QCOMPARE(run(C::fileSize(file + u".missing"_s)).out.trimmed(), QByteArray("0"));
        QCOMPARE(run(C::tailFrom(file, 9)).out, QByteArray("line two\n"));
        QCOMPARE(run(C::sha256(file)).out.trimmed(),
                 QCryptographicHash::hash("line one\nline two\n", QCryptographicHash::Sha256).toHex());
        QVERIFY(run(C::freeKilobytes(m_dir)).out.trimmed().toLongLong() > 0);
        const Ran missing = run(C::sha256(file + u".missing"_s)); // never an empty "success"
        QCOMPARE(missing.status, 1);
        QVERIFY(missing.out.isEmpty());
    }

    void stageBacksUpAndInstalls()
    {
        namespace C = UpgradeCommands;
        // a running "master": a copy of sleep, run from the binary's path
        const QString binary = m_dir + u"/staged/nginx"_s;
        QVERIFY(QDir().mkpath(m_dir + u"/staged"_s));
        QVERIFY(QFile::copy(QStandardPaths::findExecutable(u"sleep"_s), binary));
        QVERIFY(QFile::setPermissions(binary, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QByteArray running = contents(binary);
        QProcess master;
        master.start(binary, {u"60"_s});
        QVERIFY(master.waitForStarted());
        const auto stop = qScopeGuard([&master] {
            master.kill();
            master.waitForFinished();
        });
        const QString pid = QString::number(master.processId());
        QCOMPARE(run(C::masterFacts(master.processId(), binary)).out, QByteArray("same\n"));
        const QString target = m_dir + u"/target"_s;
        QVERIFY(writeFile(target, "#!/bin/sh\necho new\n"));

        C::StagePlan plan;
        plan.source = binary;
        plan.masterPid = master.processId();
        plan.runningSha = u"0"_s.repeated(64); // not its sum: being the running file itself decides
        plan.version = u"1.0"_s;
        plan.record = m_dir + u"/record"_s;
        plan.target = target;
        plan.binary = binary;
        plan.backupPath = binary + u".baton-backup-1.0"_s;
        const Ran staged = run(C::stage(plan));
        QVERIFY2(staged.status == 0, staged.err.constData());
        QCOMPARE(contents(binary), QByteArray("#!/bin/sh\necho new\n"));
        QCOMPARE(contents(plan.backupPath), running);
        QCOMPARE(run(u"[ "_s + shellQuote(plan.backupPath) + u" -ef /proc/"_s + pid + u"/exe ]"_s).status, 0);
        QCOMPARE(contents(plan.record), (plan.backupPath + u" "_s + plan.runningSha + u" 1.0\n"_s).toUtf8());
        QVERIFY(QFileInfo(binary).isExecutable());
        QVERIFY(!QFile::exists(binary + u".baton-new"_s));
        // the master no longer runs the file at that path: its facts are asked
        const QList<QByteArray> facts = run(C::masterFacts(master.processId(), binary)).out.split('\n');
        QCOMPARE(facts.first(), QCryptographicHash::hash(running, QCryptographicHash::Sha256).toHex());

        // a backup that is not what runs: its sha256 is checked, and a mismatch stops the
        // stage before the install
        const QString other = m_dir + u"/other"_s;
        QVERIFY(writeFile(other, "not what runs\n"));
        plan.source = other;
        plan.masterPid = 0;
        plan.backupPath = m_dir + u"/other.baton-backup"_s;
        plan.target = m_dir + u"/target2"_s;
        QVERIFY(writeFile(plan.target, "newer\n"));
        plan.source = m_dir + u"/missing"_s; // neither linked nor copied: nothing else happens
        const Ran failed = run(C::stage(plan));
        QCOMPARE(failed.status, 11);
        QVERIFY(!QFile::exists(plan.backupPath));
        QCOMPARE(contents(binary), QByteArray("#!/bin/sh\necho new\n"));
        plan.source = other;
        const Ran mismatch = run(C::stage(plan));
        QCOMPARE(mismatch.status, 12);
        QVERIFY2(mismatch.err.contains("does not match the running binary"), mismatch.err.constData());
        QCOMPARE(contents(binary), QByteArray("#!/bin/sh\necho new\n")); // not installed
        plan.runningSha =
            QString::fromLatin1(QCryptographicHash::hash("not what runs\n", QCryptographicHash::Sha256).toHex());
        plan.backupDone = true; // as the engine finds it: that backup has the right sum
        QCOMPARE(run(C::stage(plan)).status, 0); // it goes on
        QCOMPARE(contents(binary), QByteArray("newer\n"));
    }

    void httpStatusAsksTheStatusLine()
    {
        namespace C = UpgradeCommands;
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QString url = u"http://127.0.0.1:%1/health?probe=1"_s.arg(server.serverPort());
        const QString command = C::httpStatus(url, 10);
        QVERIFY(command.contains(u"/dev/tcp/"_s)); // plain http: no curl
        QProcess process;
        process.start(u"/bin/sh"_s, {u"-c"_s, command});
        QVERIFY(server.waitForNewConnection(10000));
        QTcpSocket *client = server.nextPendingConnection();
        QByteArray request;
        while (!request.contains("\r\n\r\n") && client->waitForReadyRead(10000)) {
            request += client->readAll();
        }
        QVERIFY2(request.startsWith("GET /health?probe=1 HTTP/1.0\r\n"), request.constData());
        QVERIFY2(
            request.contains(QByteArray("\r\nHost: 127.0.0.1:"_ba + QByteArray::number(server.serverPort()) + "\r\n")),
            request.constData());
        client->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
        client->waitForBytesWritten(5000);
        client->close();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(process.readAllStandardOutput(), QByteArray("503"));

        server.close(); // nothing listens there now
        const Ran refused = run(command);
        QCOMPARE(refused.status, 7);
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(refused.err.contains("refused"), refused.err.constData());
        // what bash cannot do goes to curl
        QVERIFY(C::httpStatus(u"https://127.0.0.1/"_s, 10).startsWith(u"if command -v curl"_s));
    }

    void hostWaitsCountChildren()
    {
        namespace C = UpgradeCommands;
        // a "master" with two "workers"
        QProcess master;
        master.start(u"/bin/sh"_s, {u"-c"_s, u"sleep 30 & echo $!; sleep 30 & echo $!; wait"_s});
        QVERIFY(master.waitForStarted());
        const auto stop = qScopeGuard([&master] {
            master.kill();
            master.waitForFinished();
        });
        QByteArray pids;
        while (pids.count('\n') < 2 && master.waitForReadyRead(5000)) {
            pids += master.readAllStandardOutput();
        }
        const QList<QByteArray> workers = pids.trimmed().split('\n');
        QCOMPARE(workers.size(), 2);
        const qint64 pid = master.processId();
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(run(C::waitWorkers(pid, 0, 2, 5)).status, 0);
        QVERIFY(timer.elapsed() < 3000); // at once, not at the limit
        QCOMPARE(run(C::waitWorkers(pid, workers.first().toLongLong(), 2, 1)).status, 1); // one left out
        QCOMPARE(run(C::waitDrained(pid, 0, 1)).status, 1); // still there after a second
        QCOMPARE(run(u"kill "_s + QString::fromLatin1(workers.first()) + u" "_s + QString::fromLatin1(workers.last()))
                     .status,
                 0);
        timer.restart();
        QCOMPARE(run(C::waitDrained(pid, 0, 10)).status, 0);
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(run(C::waitGone(pid, 1, 10)).status, 0); // another start time: not the process waited for
    }

    void instantStepsLeaveMarkers()
    {
        namespace C = UpgradeCommands;
        const QString state = m_dir + u"/instant"_s;
        const Ran ran = run(C::runInstantStep(state, u"run-1-sig"_s, u"echo sent; echo why >&2; exit 3"_s));
        QCOMPARE(ran.status, 3);
        QCOMPARE(ran.out, QByteArray("sent\nwhy\n"));
        const Ran again = run(C::waitStep(state, u"run-1-sig"_s, 1)); // asked after a broken link
        QCOMPARE(again.status, 3);
        QCOMPARE(again.out, QByteArray("sent\nwhy\n"));
        QCOMPARE(run(C::waitStep(state, u"run-2-never"_s, 1)).status, 125);
        QCOMPARE(run(C::runInstantStep(state, u"run-3-partial"_s, u"printf 'no newline'"_s)).out,
                 QByteArray("no newline"));
    }

    void batchRunsEachCommandApart()
    {
        namespace C = UpgradeCommands;
        const QString marker = u"m7f3a9c2e41b05d68"_s;
        const QStringList commands{
            u"printf 'no newline'; echo 'to stderr' >&2; exit 3"_s,
            u"echo one; echo two # a comment to the end of the line"_s,
            u"echo \"[$(cat)]\""_s, // stdin is /dev/null: the batch's own input is not eaten
            u"cat; echo \"[$(cat)]\""_s,
            u"exit 1; echo never"_s,
            u"printf 'x\\n\\n'"_s + u"; printf '%s' \"$(cd "_s + shellQuote(m_dir) + u" && pwd)\""_s,
        };
        QProcess process;
        process.start(u"/bin/sh"_s, {u"-c"_s, C::batch(commands, marker)});
        process.write("from stdin\n");
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardError().isEmpty());
        const QString output = QString::fromUtf8(process.readAllStandardOutput());
        const QList<C::BatchPart> parts = C::parseBatch(output, marker, int(commands.size()));
        QCOMPARE(parts.size(), commands.size());
        QCOMPARE(parts.at(0).exitStatus, 3);
        QCOMPARE(parts.at(0).out, u"no newline"_s);
        QCOMPARE(parts.at(0).err, u"to stderr"_s);
        QCOMPARE(parts.at(1).exitStatus, 0);
        QCOMPARE(parts.at(1).out, u"one\ntwo\n"_s);
        QCOMPARE(parts.at(1).err, QString());
        QCOMPARE(parts.at(2).out, u"[]\n"_s);
        QCOMPARE(parts.at(3).out, u"[]\n"_s);
        QCOMPARE(parts.at(4).exitStatus, 1);
        QCOMPARE(parts.at(4).out, QString());
        QCOMPARE(parts.at(5).exitStatus, 0);
        QCOMPARE(parts.at(5).out, u"x\n\n"_s + m_dir);

        // cut short (a broken link): what came back is kept, the rest has no exit status
        const qsizetype cut = output.indexOf(u"\n"_s + marker + u" 3 "_s);
        const QList<C::BatchPart> partial = C::parseBatch(QStringView(output).left(cut), marker, 6);
        QCOMPARE(partial.at(2).exitStatus, 0);
        QCOMPARE(partial.at(2).out, u"[]\n"_s);
        QCOMPARE(partial.at(3).exitStatus, std::nullopt);
        QCOMPARE(partial.at(3).out, u"[]\n"_s);
        QCOMPARE(partial.at(5).exitStatus, std::nullopt);
        // a forged marker line without the random marker is just output
        const QList<C::BatchPart> forged = C::parseBatch(u"\nmarker 0 0\n\nmarker-\n"_s, marker, 1);
        QCOMPARE(forged.at(0).exitStatus, std::nullopt);
    }

    void readPidFile()
    {
        const QString pidFile = m_dir + u"/nginx.pid"_s;
        QVERIFY(writeFile(pidFile, "4242\n"));
        QProcess process;
        process.start(u"/bin/sh"_s, {u"-c"_s, UpgradeCommands::readPidFile(pidFile)});
        QVERIFY(process.waitForFinished());
        QCOMPARE(process.readAllStandardOutput(), QByteArray("4242"));
    }
};

QTEST_GUILESS_MAIN(TestUpgradeCommands)
#include "tst_upgradecommands.moc"
