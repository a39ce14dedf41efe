#include "labfixture.h"
#include "labshell.h"
#include "loadgenerator.h"
#include "shellquote.h"
#include "sshconnection.h"
#include "transcript.h"
#include "upgradecommands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// batonctl's upgrade commands on the lab, as scripts use them: exit codes, JSON, the lock
// between two batonctls, and a batonctl killed (SIGKILL) in the middle of each step.
class TestBatonctl : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    Inventory m_inventory;
    QString m_inventoryFile;
    QTemporaryDir m_transcripts;

    using Run = LabShell::BatonctlRun;

    QStringList common(const QString &host) const
    {
        return {u"--inventory"_s, m_inventoryFile, u"--hosts"_s, host, u"--transcript-dir"_s, m_transcripts.path()};
    }

    static Run batonctl(const QStringList &arguments) { return LabShell::batonctl(arguments); }

    static QString sh(const HostEntry &entry, const QString &command) { return LabShell::sh(entry, command); }

    // "nginx version: nginx/1.26.3" of the master `batonctl status` reports for @p entry
    QString runningVersion(const HostEntry &entry)
    {
        return status(entry).value(u"master"_s).toObject().value(u"version"_s).toString();
    }

    QJsonObject status(const HostEntry &entry)
    {
        const Run run =
            batonctl({u"status"_s, u"--inventory"_s, m_inventoryFile, u"--host"_s, entry.name, u"--json"_s});
        return run.json().value(u"hosts"_s).toArray().first().toObject();
    }

    // How many USR2 signals the host's nginx received: it logs each one (the lab's error log
    // is at level notice), whoever sent it.
    int usr2Received(const HostEntry &entry)
    {
        return sh(entry,
                  u"grep -c 'SIGUSR2' "_s + shellQuote(QString(entry.nginx.prefix + u"logs/error.log"_s)) + u"; true"_s)
            .toInt();
    }

    // How many USR2 signals the transcripts of every run record as sent to @p host.
    int usr2Sent(const QString &host)
    {
        int count = 0;
        for (const QString &path : Transcript::runs(m_transcripts.path())) {
            QString error;
            const auto entries = Transcript::read(path, &error);
            for (const TranscriptEntry &entry : entries.value_or(QList<TranscriptEntry>())) {
                if (entry.host == host && entry.command.contains(QRegularExpression(u"kill -'?USR2"_s)) &&
                    entry.exitStatus == 0) {
                    ++count;
                }
            }
        }
        return count;
    }

    // Half-sent requests that keep old workers busy (both generations share the socket).
    static std::vector<std::unique_ptr<QTcpSocket>> holdConnections(int port)
    {
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < 8; ++i) {
            auto client = std::make_unique<QTcpSocket>();
            client->connectToHost(QHostAddress::LocalHost, quint16(port));
            if (client->waitForConnected(5000)) {
                client->write("GET / HTTP/1.1\r\nHost: lab\r\n");
                client->waitForBytesWritten(5000);
            }
            clients.push_back(std::move(client));
        }
        return clients;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        const auto inventory = m_lab.up(u"cli"_s, 5);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        m_inventory = *inventory;
        m_inventoryFile = m_lab.directory(u"cli"_s) + u"/inventory.json"_s;
    }

    void preflightUpgradeRollBack()
    {
        const HostEntry &entry = m_inventory.hosts.at(0);
        Run run = batonctl(QStringList{u"preflight"_s, u"--json"_s} + common(entry.name));
        QCOMPARE(run.exitCode, 0);
        const QJsonArray checks =
            run.json().value(u"hosts"_s).toArray().first().toObject().value(u"checks"_s).toArray();
        QVERIFY(checks.size() >= 7);
        for (const QJsonValue check : checks) {
            QVERIFY2(check[u"status"_s].toString() != u"fail"_s, qPrintable(check[u"message"_s].toString()));
        }

        run = batonctl(QStringList{u"upgrade"_s, u"--until"_s, u"parked"_s, u"--json"_s} + common(entry.name));
        QCOMPARE(run.exitCode, 0);
        QJsonObject host = run.json().value(u"hosts"_s).toArray().first().toObject();
        QCOMPARE(host.value(u"phase"_s).toString(), u"parked"_s);
        QCOMPARE(status(entry).value(u"phase"_s).toString(), u"parked"_s);

        // commit is not the only way on: roll back instead
        run = batonctl(QStringList{u"rollback"_s, u"--json"_s} + common(entry.name));
        QCOMPARE(run.exitCode, 0);
        host = run.json().value(u"hosts"_s).toArray().first().toObject();
        QCOMPARE(host.value(u"phase"_s).toString(), u"running"_s);
        QVERIFY(runningVersion(entry).contains(m_inventory.lab->oldVersion));

        // nothing left to roll back: a clear failure, exit status 1
        run = batonctl(QStringList{u"rollback"_s} + common(entry.name));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("nothing to roll back"), run.out.constData());

        // the transcript of the last run is there to read
        run = batonctl({u"transcript"_s, u"--transcript-dir"_s, m_transcripts.path(), u"--host"_s, entry.name});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("rollback"));

        // bad arguments: exit status 2 and a sentence
        run = batonctl(QStringList{u"upgrade"_s, u"--until"_s, u"sometime"_s} + common(entry.name));
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains("--until"));
    }

    void dryRunChangesNothing()
    {
        const HostEntry &entry = m_inventory.hosts.at(0);
        const QString before = sh(entry, UpgradeCommands::sha256(entry.nginx.binary));
        const Run run = batonctl(QStringList{u"upgrade"_s, u"--dry-run"_s} + common(entry.name));
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("kill -USR2") || run.out.contains("kill -'USR2'"));
        QVERIFY(run.out.contains(entry.nginx.targetBinary.toUtf8()));
        QCOMPARE(sh(entry, UpgradeCommands::sha256(entry.nginx.binary)), before);
        QCOMPARE(status(entry).value(u"phase"_s).toString(), u"running"_s);
    }

    // A host whose login user needs sudo, with a password: the engine runs every nginx
    // command through sudo, and the password never reaches the transcript.
    void sudoWithPassword()
    {
        if (!m_inventory.lab || m_inventory.lab->sudoUser.isEmpty()) {
            QSKIP("the lab has sudo accounts only when run as root");
        }
        const HostEntry &entry = m_inventory.hosts.at(0);
        QFile original(m_inventoryFile);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QJsonObject document = QJsonDocument::fromJson(original.readAll()).object();
        QJsonArray hosts = document.value(u"hosts"_s).toArray();
        QJsonObject first = hosts.at(0).toObject();
        first.insert(u"user"_s, m_inventory.lab->sudoUser);
        first.insert(u"sudo"_s, true);
        hosts.replace(0, first);
        document.insert(u"hosts"_s, hosts);
        const QString inventory = m_lab.directory(u"cli"_s) + u"/inventory-sudo.json"_s;
        QFile file(inventory);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(document).toJson());
        file.close();

        QTemporaryDir transcripts;
        const QStringList options{u"--inventory"_s,
                                  inventory,
                                  u"--hosts"_s,
                                  entry.name,
                                  u"--transcript-dir"_s,
                                  transcripts.path(),
                                  u"--sudo-password-file"_s,
                                  m_inventory.lab->sudoPasswordFile};
        // without the password, sudo refuses and nothing changes
        Run run = batonctl(QStringList{u"upgrade"_s, u"--sudo-password-file"_s, u"/nonexistent"_s} + options.mid(0, 6));
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(status(entry).value(u"phase"_s).toString(), u"running"_s);
        QVERIFY(runningVersion(entry).contains(m_inventory.lab->oldVersion));

        run = batonctl(QStringList{u"upgrade"_s} + options);
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QVERIFY(runningVersion(entry).contains(m_inventory.lab->newVersion));
        run = batonctl(QStringList{u"upgrade"_s,
                                   u"--remote-binary"_s,
                                   entry.nginx.binary + u".baton-backup-"_s + m_inventory.lab->oldVersion} +
                       options);
        QVERIFY2(run.exitCode == 0, run.out.constData());
        QVERIFY(runningVersion(entry).contains(m_inventory.lab->oldVersion));

        QFile passwordFile(m_inventory.lab->sudoPasswordFile);
        QVERIFY(passwordFile.open(QIODevice::ReadOnly));
        const QByteArray password = passwordFile.readAll().trimmed();
        QVERIFY(password.size() >= 8);
        for (const QString &path : Transcript::runs(transcripts.path())) {
            QFile transcript(path);
            QVERIFY(transcript.open(QIODevice::ReadOnly));
            const QByteArray text = transcript.readAll();
            QVERIFY(text.contains("sudo") || text.contains("kill"));
            QVERIFY2(!text.contains(password), qPrintable(path));
        }
    }

    void twoAtOnce()
    {
        const HostEntry &entry = m_inventory.hosts.at(1);
        // Busy old workers keep the first batonctl draining, with the lock held: the half-sent
        // requests are made before the upgrade, so only old workers can hold them.
        std::vector<std::unique_ptr<QTcpSocket>> clients = holdConnections(entry.httpPort);
        QProcess first;
        first.start(QStringLiteral(BATONCTL_PATH),
                    QStringList{u"upgrade"_s, u"--until"_s, u"parked"_s, u"--drain-timeout"_s, u"60"_s} +
                        common(entry.name));
        QVERIFY(first.waitForStarted());
        QByteArray firstOut;
        QTRY_VERIFY_WITH_TIMEOUT((firstOut += first.readAllStandardOutput()).contains("old workers: "), 60000);
        QCOMPARE(status(entry).value(u"phase"_s).toString(), u"draining"_s);

        const Run second = batonctl(QStringList{u"upgrade"_s} + common(entry.name));
        QVERIFY2(second.exitCode == 1, second.out.constData());
        QVERIFY2(second.out.contains("another Baton is working on this instance"), second.out.constData());

        clients.clear(); // the old workers finish: the first batonctl goes on
        QVERIFY(first.waitForFinished(120000));
        QCOMPARE(first.exitCode(), 0);
        QCOMPARE(status(entry).value(u"phase"_s).toString(), u"parked"_s);
        QCOMPARE(batonctl(QStringList{u"commit"_s} + common(entry.name)).exitCode, 0);
        QCOMPARE(usr2Sent(entry.name), 1);
        QCOMPARE(usr2Received(entry), 1);
    }

    // SIGKILL batonctl right after it sent each signal: a new run finds out where the host
    // is, takes over the dead run's lock, and finishes, without a second USR2 and without
    // a failed request.
    void killedMidStep_data()
    {
        QTest::addColumn<int>("host");
        QTest::addColumn<QString>("after");
        QTest::newRow("spawn") << 2 << u"sending USR2"_s;
        QTest::newRow("drain") << 3 << u"sending WINCH"_s;
        QTest::newRow("commit") << 4 << u"sending QUIT"_s;
    }

    void killedMidStep()
    {
        QFETCH(int, host);
        QFETCH(QString, after);
        const HostEntry &entry = m_inventory.hosts.at(host);
        WrkLoad load;
        const bool loaded = WrkLoad::missing().isEmpty() && load.start(entry.httpPort, 20, 1, 8);
        QElapsedTimer timer;
        timer.start();

        QProcess doomed;
        doomed.start(QStringLiteral(BATONCTL_PATH), QStringList{u"upgrade"_s} + common(entry.name));
        QVERIFY(doomed.waitForStarted());
        QByteArray out;
        // the kill follows the line at once: no polling interval between them
        while (!out.contains(after.toUtf8()) && doomed.waitForReadyRead(60000)) {
            out += doomed.readAllStandardOutput();
        }
        out += doomed.readAllStandardOutput();
        QVERIFY2(out.contains(after.toUtf8()), out.constData());
        doomed.kill(); // SIGKILL: no cleanup, the lock's holder stays on the host
        doomed.waitForFinished();
        if (doomed.exitStatus() == QProcess::NormalExit) {
            // a commit can be that quick: the resumed run below then finds it done
            qInfo("batonctl finished the step before the kill reached it");
        }

        const Run resumed = batonctl(QStringList{u"upgrade"_s} + common(entry.name));
        QVERIFY2(resumed.exitCode == 0, resumed.out.constData());
        const qint64 upgradeMs = timer.elapsed();
        QVERIFY2(resumed.out.contains("taking over the lock") || resumed.out.contains("committed") ||
                     resumed.out.contains("nothing left to do"),
                 resumed.out.constData());
        const QJsonObject now = status(entry);
        QCOMPARE(now.value(u"phase"_s).toString(), u"running"_s);
        QVERIFY(now.value(u"master"_s).toObject().value(u"version"_s).toString().contains(m_inventory.lab->newVersion));
        QCOMPARE(usr2Received(entry), 1);

        if (loaded) {
            QString problem;
            QVERIFY2(load.finish(&problem) > 0, qPrintable(problem));
            QVERIFY2(upgradeMs < 20000,
                     qPrintable(u"the upgrade outlasted the load (%1 ms): the test proves nothing"_s.arg(upgradeMs)));
        }
    }
};

QTEST_GUILESS_MAIN(TestBatonctl)
#include "tst_batonctl.moc"
