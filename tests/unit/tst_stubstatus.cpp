#include "stubstatus.h"

#include <QFile>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const char *name)
{
    QFile file(QStringLiteral(BATON_TEST_DATA "/stub-status/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", name);
    }
    return QString::fromUtf8(file.readAll());
}

} // namespace

class TestStubStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QList<qint64>>("counters"); ///< active, accepts, handled, requests, reading, writing, waiting

        // captured after 6 requests: the 7th asks for the page, and is the one active connection
        const QList<qint64> captured{1, 7, 7, 7, 0, 1, 0};
        QTest::newRow("1.22.1, captured") << fixture("nginx-1.22.1.txt") << captured;
        QTest::newRow("1.26.3, captured") << fixture("nginx-1.26.3.txt") << captured;
        const QString busy =
            u"Active connections: 291 \nserver accepts handled requests\n 16630948 16630948 31070465 \n"
            "Reading: 6 Writing: 179 Waiting: 106 \n"_s;
        const QList<qint64> busyCounters{291, 16630948, 16630948, 31070465, 6, 179, 106};
        QTest::newRow("busy") << busy << busyCounters;
        QTest::newRow("CRLF") << QString(busy).replace(u"\n"_s, u"\r\n"_s) << busyCounters;
        QTest::newRow("without trailing spaces and newline")
            << u"Active connections: 0\nserver accepts handled requests\n0 0 0\nReading: 0 Writing: 0 Waiting: 0"_s
            << QList<qint64>{0, 0, 0, 0, 0, 0, 0};
        QTest::newRow("largest") << u"Active connections: 9223372036854775807\nserver accepts handled requests\n"
                                    " 9223372036854775807 1 2\nReading: 3 Writing: 4 Waiting: 5\n"_s
                                 << QList<qint64>{9223372036854775807, 9223372036854775807, 1, 2, 3, 4, 5};
    }

    void parse()
    {
        QFETCH(QString, page);
        QFETCH(QList<qint64>, counters);
        QString error;
        const auto status = StubStatus::parse(page, &error);
        QVERIFY2(status, qPrintable(error));
        const QList<qint64> parsed{status->active,
                                   status->accepts,
                                   status->handled,
                                   status->requests,
                                   status->reading,
                                   status->writing,
                                   status->waiting};
        QCOMPARE(parsed, counters);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("message");

        const QString header = u"Active connections: 1\nserver accepts handled requests\n"_s;
        QTest::newRow("404 page, captured")
            << fixture("nginx-1.26.3-404.html") << u"an HTML page (\"404 Not Found\"), not a stub_status page"_s;
        QTest::newRow("HTML without title") << u"<!DOCTYPE html><p>hi</p>"_s << u"an HTML page"_s;
        QTest::newRow("empty") << u" \n"_s << u"empty"_s;
        QTest::newRow("other text") << u"Welcome to nginx!\n"_s
                                    << u"it starts with \"Welcome to nginx!\", not \"Active connections:\""_s;
        QTest::newRow("first line only") << u"Active connections: 1 \n"_s << u"ends after line 1 of 4"_s;
        QTest::newRow("three lines") << header + u" 1 1 1\n"_s << u"ends after line 3 of 4"_s;
        QTest::newRow("more lines") << header + u"1 1 1\nReading: 0 Writing: 1 Waiting: 0\nextra\n"_s
                                    << u"unexpected text after the stub_status counters: \"extra\""_s;
        QTest::newRow("negative") << u"Active connections: -1\n"_s << u"Active connections is negative: -1"_s;
        QTest::newRow("plus sign") << header + u"+1 1 1\nReading: 0 Writing: 1 Waiting: 0\n"_s
                                   << u"accepts is not a number: \"+1\""_s;
        QTest::newRow("overflow") << header + u"1 9223372036854775808 1\nReading: 0 Writing: 1 Waiting: 0\n"_s
                                  << u"handled is too large: 9223372036854775808"_s;
        QTest::newRow("missing active") << u"Active connections:\n"_s << u"Active connections is missing"_s;
        QTest::newRow("wrong header") << u"Active connections: 1\nserver accepts requests\n1 1\n"
                                         "Reading: 0 Writing: 1 Waiting: 0\n"_s
                                      << u"expected \"server accepts handled requests\" on line 2"_s;
        QTest::newRow("two totals") << header + u"1 1\nReading: 0 Writing: 1 Waiting: 0\n"_s
                                    << u"expected three numbers (accepts, handled, requests) on line 3"_s;
        QTest::newRow("no waiting") << header + u"1 1 1\nReading: 0 Writing: 1\n"_s << u"expected \"Waiting:\""_s;
        QTest::newRow("waiting empty") << header + u"1 1 1\nReading: 0 Writing: 1 Waiting:\n"_s
                                       << u"Waiting is missing"_s;
        QTest::newRow("not a number") << header + u"1 1 1\nReading: 0 Writing: x Waiting: 0\n"_s
                                      << u"Writing is not a number: \"x\""_s;
        QTest::newRow("junk after") << header + u"1 1 1\nReading: 0 Writing: 1 Waiting: 0 Closing: 3\n"_s
                                    << u"unexpected text after the counters"_s;
    }

    void rejects()
    {
        QFETCH(QString, page);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!StubStatus::parse(page, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestStubStatus)
#include "tst_stubstatus.moc"
