#include "fleet.h"
#include "labfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Baton;
using namespace Qt::StringLiterals;

// The desktop app's fleet, live: 100 inventory entries (on 5 lab hosts) polled by the
// Fleet facade while the GUI thread keeps its pace, and the host list updated without a
// single model reset.
class TestFleetLive : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void hundredHostsKeepTheEventLoopResponsive()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        const auto lab = m_lab.up(u"fleet"_s, 5);
        QVERIFY2(lab, qPrintable(m_lab.lastError()));
        // 100 entries, 20 on each lab host (the same instance: every probe finds it)
        QJsonObject inventory = QJsonDocument::fromJson([&] {
                                    QFile file(m_lab.directory(u"fleet"_s) + u"/inventory.json"_s);
                                    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
                                }())
                                    .object();
        const QJsonArray labHosts = inventory.value(u"hosts"_s).toArray();
        QCOMPARE(labHosts.size(), 5);
        QJsonArray hosts;
        for (int i = 0; i < 100; ++i) {
            QJsonObject host = labHosts.at(i % 5).toObject();
            host.insert(u"name"_s, u"web-%1"_s.arg(i + 1));
            hosts.append(host);
        }
        inventory.insert(u"hosts"_s, hosts);
        inventory.remove(u"lab"_s); // a plain inventory: the lab belongs to the fixture
        const QString path = m_dir.filePath(u"fleet.json"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(inventory).toJson());
        file.close();

        Fleet fleet(nullptr);
        QVERIFY2(fleet.loadInventory(path), qPrintable(fleet.errorString()));
        QCOMPARE(fleet.hosts()->count(), 100);
        QSignalSpy resets(fleet.hosts(), &QAbstractItemModel::modelReset);
        QSignalSpy changes(fleet.hosts(), &QAbstractItemModel::dataChanged);

        constexpr int TickMs = 5;
        qint64 maxGap = 0;
        QElapsedTimer sinceTick;
        QTimer ticker;
        ticker.setInterval(TickMs);
        connect(&ticker, &QTimer::timeout, this, [&] { maxGap = std::max(maxGap, sinceTick.restart()); });
        QElapsedTimer total;
        total.start();
        sinceTick.start();
        ticker.start();
        fleet.setPolling(true);
        QTRY_VERIFY_WITH_TIMEOUT(fleet.isSettled(), 60000);
        const qint64 settledMs = total.elapsed();
        // "settled" also comes after 10 s when some host has not answered yet: on a loaded
        // machine 100 first probes may take longer, and every host must still end up live
        const auto everyRowLive = [&fleet] {
            for (int row = 0; row < 100; ++row) {
                if (fleet.hosts()->index(row).data(HostListModel::PhaseRole).toString() != u"running") {
                    return false;
                }
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(everyRowLive(), 60000);
        QTest::qWait(3000); // polling goes on
        ticker.stop();
        fleet.setPolling(false);
        qInfo("100 hosts probed once in %lld ms; %lld dataChanged in %lld ms; longest event-loop gap %lld ms "
              "(tick %d ms)",
              settledMs,
              qint64(changes.size()),
              total.elapsed(),
              maxGap,
              TickMs);

        for (int row = 0; row < 100; ++row) {
            const QModelIndex index = fleet.hosts()->index(row);
            QCOMPARE(index.data(HostListModel::PhaseRole).toString(), u"running"_s);
            QCOMPARE(index.data(HostListModel::ConnectionStateRole).toInt(), int(HostListModel::Connected));
            QVERIFY(index.data(HostListModel::VersionRole).toString().startsWith(u"nginx/"_s));
        }
        QCOMPARE(resets.size(), 0);
        // batched: far fewer signals than probes (at most one per run of rows per 100 ms)
        QVERIFY2(changes.size() < total.elapsed() / 100 * 4 + 10, qPrintable(QString::number(changes.size())));
        // The lab's hosts share this machine's two cores with the test: a gap can be the
        // scheduler's. A GUI thread that waited on the network would stall for seconds (a
        // hundred connections and probes, tens of milliseconds each).
#ifdef BATON_SANITIZED
        constexpr qint64 MaxGapMs = 3000;
#else
        constexpr qint64 MaxGapMs = 1000;
#endif
        QVERIFY2(maxGap < MaxGapMs, qPrintable(u"the event loop stalled for %1 ms"_s.arg(maxGap)));
    }
};

QTEST_GUILESS_MAIN(TestFleetLive)
#include "tst_fleetlive.moc"
