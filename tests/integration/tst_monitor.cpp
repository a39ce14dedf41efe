#include "fleetmonitor.h"
#include "labfixture.h"
#include "labshell.h"
#include "shellquote.h"

#include <QSignalSpy>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// Live fleet status (FleetMonitor) against a lab of two hosts: one probe per host per tick
// over one connection per host, a tick that slows down on an idle host and comes back to
// the fast pace on a host that changes, under real signals sent by hand.
class TestMonitor : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    Inventory m_inventory;

    // sshd sessions on a host, counted over a connection of our own (which is one of them)
    static int sshSessions(const HostEntry &host)
    {
        return LabShell::sh(host,
                            u"n=0; for f in /proc/[0-9]*/comm; do read -r c < \"$f\" 2>/dev/null || continue; "
                            u"case $c in sshd-session*|sshd) n=$((n+1)) ;; esac; done; echo $n"_s)
            .toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        const auto inventory = m_lab.up(u"monitor"_s, 2);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        m_inventory = *inventory;
        for (HostEntry &host : m_inventory.hosts) {
            host.knownHostsFile = m_inventory.knownHostsFile; // the lab's, not the user's
        }
    }

    void adaptsToChange()
    {
        const HostEntry &busy = m_inventory.hosts.at(0);
        const HostEntry &idle = m_inventory.hosts.at(1);
        const int sessionsBefore = sshSessions(idle);
        FleetMonitor::Settings settings;
        settings.fastMs = 100;
        settings.slowMs = 1600;
        FleetMonitor monitor(m_inventory.hosts, settings);
        QSignalSpy updates(&monitor, &FleetMonitor::updated);
        QHash<QString, HostSnapshot> last;
        QHash<QString, int> changes;
        connect(
            &monitor, &FleetMonitor::updated, this, [&](const QString &host, const HostSnapshot &s, bool changed, int) {
                last.insert(host, s);
                changes[host] += changed ? 1 : 0;
            });
        monitor.start();

        // idle: the tick doubles up to the slow one
        QTRY_COMPARE_WITH_TIMEOUT(monitor.intervalMs(idle.name), settings.slowMs, 15000);
        QCOMPARE(phaseName(last.value(idle.name).phase()), u"running"_s);
        QCOMPARE(changes.value(idle.name), 1); // the first look only
        // one connection for all its probes: sshd plus our own connection's processes before,
        // one more connection's worth now, and no more later
        const int sessionsWatched = sshSessions(idle);
        QCOMPARE(sessionsWatched - sessionsBefore, sessionsBefore - 1);
        const int idleProbes = monitor.probes(idle.name);
        QTest::qWait(3300); // two slow ticks; at the fast pace this would be 33 probes
        QVERIFY2(monitor.probes(idle.name) - idleProbes <= 3,
                 qPrintable(u"%1 probes of an idle host in 3.3 s"_s.arg(monitor.probes(idle.name) - idleProbes)));
        QCOMPARE(sshSessions(idle), sessionsWatched);

        // a change by hand: seen at the next tick, then the fast pace while it is spawned
        QTRY_COMPARE_WITH_TIMEOUT(monitor.intervalMs(busy.name), settings.slowMs, 15000);
        const QString oldMaster = LabShell::sh(busy, u"cat "_s + shellQuote(busy.nginx.pidFile));
        QCOMPARE(LabShell::run(busy,
                               u"cp "_s + shellQuote(busy.nginx.targetBinary) + u" "_s +
                                   shellQuote(QString(busy.nginx.binary + u".new"_s)) + u" && mv -f "_s +
                                   shellQuote(QString(busy.nginx.binary + u".new"_s)) + u" "_s +
                                   shellQuote(busy.nginx.binary) + u" && kill -USR2 "_s + oldMaster)
                     .status,
                 0);
        QTRY_COMPARE_WITH_TIMEOUT(phaseName(last.value(busy.name).phase()), u"spawned"_s, 10000);
        QVERIFY(monitor.intervalMs(busy.name) <= 2 * settings.fastMs);
        QTest::qWait(500);
        QVERIFY(monitor.intervalMs(busy.name) <= 2 * settings.fastMs); // spawned: it keeps watching closely
        QCOMPARE(monitor.intervalMs(idle.name), settings.slowMs); // the other host is left alone

        // poke: a probe at once, and the fast pace again
        const int before = monitor.probes(idle.name);
        monitor.poke(idle.name);
        QCOMPARE(monitor.probes(idle.name), before + 1);
        QTRY_VERIFY_WITH_TIMEOUT(monitor.intervalMs(idle.name) < settings.slowMs, 5000);

        // one probe per tick: every probe answered with one update, none overlapping
        monitor.stop();
        int probes = 0;
        for (const HostEntry &host : m_inventory.hosts) {
            probes += monitor.probes(host.name);
        }
        QTRY_COMPARE_WITH_TIMEOUT(int(updates.size()), probes, 5000);

        // put the busy host back: roll the upgrade back by hand
        LabShell::run(busy,
                      u"kill -HUP "_s + oldMaster + u"; sleep 1; kill -QUIT $(cat "_s + shellQuote(busy.nginx.pidFile) +
                          u")"_s);
    }
};

QTEST_MAIN(TestMonitor)
#include "tst_monitor.moc"
