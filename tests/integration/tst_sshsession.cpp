#include "labfixture.h"
#include "sshsession.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Baton;
using namespace Qt::StringLiterals;

// SshSession: each host on a thread of its own, results as queued signals, the GUI thread
// never blocked.
class TestSshSession : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    Inventory m_inventory;

    SshHostConfig hostConfig(int index = 0) const
    {
        SshHostConfig config = m_inventory.hosts.at(index % m_inventory.hosts.size()).sshConfig();
        config.sshConfigFile = u"none"_s;
        return config;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        qunsetenv("SSH_AUTH_SOCK");
        const auto inventory = m_lab.up(u"sessions"_s, 100); // 100 hosts, as a fleet would be
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        m_inventory = *inventory;
    }

    void runsInOrderAndStreams()
    {
        SshSession session(hostConfig());
        QSignalSpy states(&session, &SshSession::stateChanged);
        QSignalSpy out(&session, &SshSession::standardOutput);
        QSignalSpy err(&session, &SshSession::standardError);
        QSignalSpy finished(&session, &SshSession::finished);
        const quint64 first = session.run({u"echo one"_s, {}, 0});
        const quint64 second = session.run({u"echo two >&2; exit 4"_s, {}, 0});
        const quint64 third = session.run({u"cat"_s, "three", 0});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 30000);
        QCOMPARE(finished.at(0).at(0).value<quint64>(), first);
        QCOMPARE(finished.at(1).at(0).value<quint64>(), second);
        QCOMPARE(finished.at(2).at(0).value<quint64>(), third);
        QCOMPARE(finished.at(0).at(1).value<ExecResult>().exitStatus, std::optional<int>(0));
        QCOMPARE(finished.at(1).at(1).value<ExecResult>().exitStatus, std::optional<int>(4));
        QByteArray stdoutText;
        for (const auto &signal : std::as_const(out)) {
            stdoutText += signal.at(1).toByteArray();
        }
        QCOMPARE(stdoutText, QByteArray("one\nthree"));
        QCOMPARE(err.size(), 1);
        QCOMPARE(err.at(0).at(0).value<quint64>(), second);
        QCOMPARE(states.at(0).at(0).value<SshSession::State>(), SshSession::State::Connecting);
        QCOMPARE(states.at(1).at(0).value<SshSession::State>(), SshSession::State::Connected);
        QCOMPARE(session.state(), SshSession::State::Connected);
    }

    void cancelRunningAndQueued()
    {
        SshSession session(hostConfig(1));
        QSignalSpy finished(&session, &SshSession::finished);
        QSignalSpy out(&session, &SshSession::standardOutput);
        const quint64 running = session.run({u"echo started; sleep 60"_s, {}, 0});
        const quint64 queued = session.run({u"echo never"_s, {}, 0});
        const quint64 after = session.run({u"echo after"_s, {}, 0});
        QVERIFY(out.wait(20000));
        session.cancel(running);
        session.cancel(queued);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
        QCOMPARE(finished.at(0).at(0).value<quint64>(), running);
        QCOMPARE(finished.at(0).at(1).value<ExecResult>().error.code, SshError::Code::Cancelled);
        QCOMPARE(finished.at(1).at(0).value<quint64>(), queued);
        QCOMPARE(finished.at(1).at(1).value<ExecResult>().error.code, SshError::Code::Cancelled);
        QCOMPARE(finished.at(2).at(0).value<quint64>(), after);
        QVERIFY(finished.at(2).at(1).value<ExecResult>().succeeded());
        for (const auto &signal : std::as_const(out)) {
            QVERIFY(!signal.at(1).toByteArray().contains("never"));
        }
    }

    void reconnectsOnDemand()
    {
        SshSession session(hostConfig(2));
        SshSession killer(hostConfig(2));
        QSignalSpy finished(&session, &SshSession::finished);
        QSignalSpy killerFinished(&killer, &SshSession::finished);
        QSignalSpy out(&session, &SshSession::standardOutput);
        session.run({u"echo $PPID; sleep 60"_s, {}, 0});
        QVERIFY(out.wait(20000));
        killer.run({u"kill -KILL "_s + QString::fromLatin1(out.at(0).at(1).toByteArray().trimmed()), {}, 0});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.at(0).at(1).value<ExecResult>().error.code, SshError::Code::Disconnected);
        QTRY_COMPARE(session.state(), SshSession::State::Disconnected);
        session.run({u"echo back"_s, {}, 0});
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QVERIFY(finished.at(1).at(1).value<ExecResult>().succeeded());
        QCOMPARE(session.state(), SshSession::State::Connected);
    }

    void failedConnectionIsReported()
    {
        SshHostConfig config = hostConfig();
        config.port = 1;
        SshSession session(config);
        QSignalSpy finished(&session, &SshSession::finished);
        session.run({u"true"_s, {}, 0});
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.at(0).at(1).value<ExecResult>().error.code, SshError::Code::ConnectFailed);
        QCOMPARE(session.state(), SshSession::State::Failed);
    }

    void destroyingARunningSessionDoesNotHang()
    {
        QElapsedTimer timer;
        timer.start();
        {
            SshSession session(hostConfig(3));
            QSignalSpy out(&session, &SshSession::standardOutput);
            session.run({u"echo started; sleep 60"_s, {}, 0});
            session.run({u"sleep 60"_s, {}, 0});
            QVERIFY(out.wait(20000));
        }
        QVERIFY2(timer.elapsed() < 15000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    }

    // 100 hosts: their sessions connect and run a command at once while the GUI thread keeps
    // its pace.
    void hundredSessionsKeepTheEventLoopResponsive()
    {
        constexpr int Sessions = 100;
        constexpr int TickMs = 5;
        std::vector<std::unique_ptr<SshSession>> sessions;
        int done = 0;
        int succeeded = 0;
        qint64 maxGap = 0;
        QElapsedTimer sinceTick;
        QTimer ticker;
        ticker.setInterval(TickMs);
        QObject::connect(&ticker, &QTimer::timeout, [&] { maxGap = std::max(maxGap, sinceTick.restart()); });
        QElapsedTimer total;
        total.start();
        sinceTick.start();
        ticker.start();
        for (int i = 0; i < Sessions; ++i) {
            sessions.push_back(std::make_unique<SshSession>(hostConfig(i)));
            QObject::connect(sessions.back().get(), &SshSession::finished, [&](quint64, const ExecResult &result) {
                ++done;
                succeeded += result.succeeded() ? 1 : 0;
            });
            sessions.back()->run({u"echo hello; hostname"_s, {}, 30000});
        }
        QTRY_COMPARE_WITH_TIMEOUT(done, Sessions, 90000);
        ticker.stop();
        qInfo("%d sessions connected and ran a command in %lld ms; longest event-loop gap %lld ms (tick %d ms)",
              Sessions,
              total.elapsed(),
              maxGap,
              TickMs);
        QCOMPARE(succeeded, Sessions);
#ifdef BATON_SANITIZED
        constexpr qint64 MaxGapMs = 2000; // sanitizers make every handshake several times slower
#else
        constexpr qint64 MaxGapMs = 250;
#endif
        QVERIFY2(maxGap < MaxGapMs, qPrintable(u"the event loop stalled for %1 ms"_s.arg(maxGap)));
    }
};

QTEST_GUILESS_MAIN(TestSshSession)
#include "tst_sshsession.moc"
