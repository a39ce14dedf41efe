#include "pidfile.h"

#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

class TestPidFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<qint64>("pid");
        QTest::newRow("as nginx writes it") << u"1234\n"_s << qint64(1234);
        QTest::newRow("no newline") << u"1"_s << qint64(1);
        QTest::newRow("whitespace around") << u" \t42 \r\n\n"_s << qint64(42);
        QTest::newRow("leading zeros") << u"007\n"_s << qint64(7);
        QTest::newRow("largest pid_t") << u"2147483647\n"_s << qint64(2147483647);
    }

    void parse()
    {
        QFETCH(QString, content);
        QFETCH(qint64, pid);
        QString error;
        const auto parsed = parsePidFile(content, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(*parsed, pid);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("content");
        QTest::addColumn<QString>("message");
        // nginx -t creates the pid file, empty, when nginx is not running
        QTest::newRow("empty") << QString() << u"the pid file is empty"_s;
        QTest::newRow("blank") << u" \n"_s << u"the pid file is empty"_s;
        QTest::newRow("word") << u"nginx\n"_s << u"does not hold a process id: \"nginx\""_s;
        QTest::newRow("trailing junk") << u"1234x\n"_s << u"does not hold a process id: \"1234x\""_s;
        QTest::newRow("two lines") << u"1234\n5678\n"_s << u"does not hold a process id"_s;
        QTest::newRow("plus sign") << u"+1234\n"_s << u"does not hold a process id"_s;
        QTest::newRow("hexadecimal") << u"0x10\n"_s << u"does not hold a process id"_s;
        QTest::newRow("negative") << u"-1234\n"_s << u"negative number: \"-1234\""_s;
        QTest::newRow("zero") << u"0\n"_s << u"holds 0, which is not a process id"_s;
        QTest::newRow("beyond pid_t") << u"2147483648\n"_s << u"2147483648, which is too large"_s;
        QTest::newRow("beyond qint64") << u"99999999999999999999\n"_s << u"too large to be a process id"_s;
    }

    void rejects()
    {
        QFETCH(QString, content);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!parsePidFile(content, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPidFile)
#include "tst_pidfile.moc"
