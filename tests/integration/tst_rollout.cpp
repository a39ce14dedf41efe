#include "labfixture.h"
#include "labshell.h"
#include "loadgenerator.h"
#include "shellquote.h"
#include "upgradecommands.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// `batonctl rollout` on labs: a failing canary stops everything, the failure budget and its
// policy, a rollout killed and resumed, and (slow) 50 hosts at once under load.
class TestRollout : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    QTemporaryDir m_transcripts;

    using Run = LabShell::BatonctlRun;

    static Run batonctl(const QStringList &arguments) { return LabShell::batonctl(arguments); }

    QStringList common(const QString &lab) const
    {
        return {
            u"--inventory"_s, m_lab.directory(lab) + u"/inventory.json"_s, u"--transcript-dir"_s, m_transcripts.path()};
    }

    static QString diskSha(const HostEntry &entry)
    {
        return LabShell::sh(entry, UpgradeCommands::sha256(entry.nginx.binary));
    }

    // nginx saw this many USR2 signals (the lab logs at level notice)
    static int usr2Received(const HostEntry &entry)
    {
        return LabShell::sh(entry,
                            u"grep -c SIGUSR2 "_s + shellQuote(QString(entry.nginx.prefix + u"logs/error.log"_s)) +
                                u"; true"_s)
            .toInt();
    }

    // Makes a host's target a binary that passes `-V` and `-t` (the real 1.26 answers) but
    // dies at once when it starts as a new master, as a broken build would.
    static void breakTarget(const HostEntry &entry)
    {
        const QString target = shellQuote(entry.nginx.targetBinary);
        const QString real = shellQuote(QString(entry.nginx.targetBinary + u".real"_s));
        int status = -1;
        LabShell::sh(entry,
                     u"cp -p "_s + target + u" "_s + real +
                         u" && printf '%s\\n' '#!/bin/sh' "
                         "'case \" $* \" in *\" -V \"*|*\" -v \"*|*\" -t \"*) exec '"_s +
                         real +
                         u"' \"$@\" ;; esac' 'echo \"nginx: [emerg] simulated start-up failure\" >&2' 'exit 1' > "_s +
                         target + u" && chmod 755 "_s + target,
                     &status);
        QCOMPARE(status, 0);
    }

    static QJsonObject hostIn(const QJsonObject &json, const QString &name)
    {
        for (const QJsonValue host : json.value(u"hosts"_s).toArray()) {
            if (host[u"host"_s].toString() == name) {
                return host.toObject();
            }
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        QVERIFY(m_transcripts.isValid());
    }

    void failingCanaryStopsEverything()
    {
        const auto inventory = m_lab.up(u"canary"_s, 6);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        breakTarget(inventory->hosts.at(0));
        QHash<QString, QString> before;
        for (const HostEntry &entry : inventory->hosts) {
            before.insert(entry.name, diskSha(entry));
        }
        const Run run = batonctl(QStringList{u"rollout"_s, u"--canary"_s, u"1"_s, u"--batch"_s, u"5"_s, u"--json"_s} +
                                 common(u"canary"_s));
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = run.json();
        QVERIFY2(json.value(u"message"_s).toString().contains(u"canary"_s), run.out.constData());
        const QJsonObject canary = hostIn(json, u"lab-1"_s);
        QCOMPARE(canary.value(u"state"_s).toString(), u"rolled-back"_s);
        QCOMPARE(canary.value(u"phase"_s).toString(), u"running"_s);
        for (const HostEntry &entry : inventory->hosts) {
            // every host runs its old binary, and has it on disk
            QCOMPARE(diskSha(entry), before.value(entry.name));
            if (entry.name != u"lab-1"_s) {
                QCOMPARE(hostIn(json, entry.name).value(u"state"_s).toString(), u"pending"_s);
                QCOMPARE(usr2Received(entry), 0); // not touched at all
            }
        }
        QCOMPARE(usr2Received(inventory->hosts.at(0)), 1);
        m_lab.down(u"canary"_s);
    }

    void failureBudget_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::newRow("rollback-batch") << u"rollback-batch"_s;
        QTest::newRow("rollback-host") << u"rollback-host"_s;
    }

    // Two bad hosts in a batch of five with a budget of one: the rollout stops after that
    // batch, and the policy decides what happens to its good hosts.
    void failureBudget()
    {
        QFETCH(QString, policy);
        const QString lab = u"budget-"_s + policy;
        const auto inventory = m_lab.up(lab, 6);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        breakTarget(inventory->hosts.at(1));
        breakTarget(inventory->hosts.at(3));
        const QString oldSha = diskSha(inventory->hosts.at(0));
        const Run run = batonctl(QStringList{u"rollout"_s,
                                             u"--canary"_s,
                                             u"0"_s,
                                             u"--batch"_s,
                                             u"5"_s,
                                             u"--max-failures"_s,
                                             u"1"_s,
                                             u"--on-failure"_s,
                                             policy,
                                             u"--json"_s} +
                                 common(lab));
        QCOMPARE(run.exitCode, 1);
        const QJsonObject json = run.json();
        QVERIFY2(json.value(u"message"_s).toString().contains(u"failure budget"_s), run.out.constData());
        for (const QString &bad : {u"lab-2"_s, u"lab-4"_s}) {
            QCOMPARE(hostIn(json, bad).value(u"state"_s).toString(), u"rolled-back"_s);
        }
        for (const QString &good : {u"lab-1"_s, u"lab-3"_s, u"lab-5"_s}) {
            QCOMPARE(hostIn(json, good).value(u"state"_s).toString(),
                     policy == u"rollback-batch"_s ? u"rolled-back"_s : u"upgraded"_s);
        }
        QCOMPARE(hostIn(json, u"lab-6"_s).value(u"state"_s).toString(), u"pending"_s);
        for (const HostEntry &entry : inventory->hosts) {
            const bool upgraded =
                policy == u"rollback-host"_s && QStringList{u"lab-1"_s, u"lab-3"_s, u"lab-5"_s}.contains(entry.name);
            QCOMPARE(diskSha(entry) == oldSha, !upgraded);
        }
        QCOMPARE(usr2Received(inventory->hosts.at(5)), 0);
        m_lab.down(lab);
    }

    // batonctl killed while the second batch is under way; the same rollout run again
    // finishes it, and no host got a second USR2.
    void killedAndResumed()
    {
        const auto inventory = m_lab.up(u"resume"_s, 7);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        QProcess doomed;
        doomed.start(QStringLiteral(BATONCTL_PATH),
                     QStringList{u"rollout"_s, u"--canary"_s, u"1"_s, u"--batch"_s, u"3"_s} + common(u"resume"_s));
        QVERIFY(doomed.waitForStarted());
        QByteArray out;
        // lab-2 is in the first batch after the canary
        QTRY_VERIFY_WITH_TIMEOUT((out += doomed.readAllStandardOutput()).contains("lab-2: sending WINCH"), 120000);
        doomed.kill();
        QVERIFY(doomed.waitForFinished());

        const Run resumed = batonctl(QStringList{u"rollout"_s, u"--resume"_s, u"--json"_s} + common(u"resume"_s));
        QVERIFY2(resumed.exitCode == 0, resumed.out.constData());
        const QString newSha =
            LabShell::sh(inventory->hosts.at(0), UpgradeCommands::sha256(inventory->hosts.at(0).nginx.targetBinary));
        for (const HostEntry &entry : inventory->hosts) {
            QCOMPARE(hostIn(resumed.json(), entry.name).value(u"state"_s).toString(), u"upgraded"_s);
            QCOMPARE(diskSha(entry), newSha);
            QCOMPARE(usr2Received(entry), 1);
        }
        m_lab.down(u"resume"_s);
    }

    // 50 hosts in one rollout, one of them under load the whole time.
    void fiftyHosts()
    {
        if (qEnvironmentVariableIsSet("BATON_SKIP_SLOW")) {
            QSKIP("BATON_SKIP_SLOW is set");
        }
        const auto inventory = m_lab.up(u"fifty"_s, 50);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        const HostEntry &loaded = inventory->hosts.at(25);
        // new connections (Connection: close) the whole time: every failure is a real one
        LoadGenerator load(loaded.httpPort, 2, false, 600);
        load.start();
        QElapsedTimer timer;
        timer.start();
        const Run run = batonctl(
            QStringList{
                u"rollout"_s, u"--canary"_s, u"1"_s, u"--batch"_s, u"49"_s, u"--parallel"_s, u"25"_s, u"--json"_s} +
            common(u"fifty"_s));
        const qint64 rolloutMs = timer.elapsed();
        QVERIFY2(run.exitCode == 0, run.out.constData());
        qInfo("50 hosts upgraded in %lld ms", rolloutMs);
        const QString newSha =
            LabShell::sh(inventory->hosts.at(0), UpgradeCommands::sha256(inventory->hosts.at(0).nginx.targetBinary));
        for (const HostEntry &entry : inventory->hosts) {
            QCOMPARE(hostIn(run.json(), entry.name).value(u"state"_s).toString(), u"upgraded"_s);
            QCOMPARE(diskSha(entry), newSha);
        }
        const LoadGenerator::Result result = load.stop();
        qInfo("load on %s: %lld requests, %lld failed", qPrintable(loaded.name), result.requests, result.failures);
        QVERIFY(result.requests > 1000);
        QVERIFY2(result.failures == 0 && result.idleCloseRaces == 0, qPrintable(result.samples.join(u"; "_s)));
        m_lab.down(u"fifty"_s);
    }
};

QTEST_GUILESS_MAIN(TestRollout)
#include "tst_rollout.moc"
