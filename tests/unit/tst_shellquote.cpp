#include "shellquote.h"

#include <QProcess>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

class TestShellQuote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quote_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain path") << u"/usr/sbin/nginx"_s << u"/usr/sbin/nginx"_s;
        QTest::newRow("option with value") << u"--prefix=/apps/nginx"_s << u"--prefix=/apps/nginx"_s;
        QTest::newRow("empty") << QString() << u"''"_s;
        QTest::newRow("space") << u"/apps/my nginx"_s << u"'/apps/my nginx'"_s;
        QTest::newRow("single quote") << u"it's"_s << u"'it'\\''s'"_s;
        QTest::newRow("dollar and backtick") << u"$(rm -rf /)`x`"_s << u"'$(rm -rf /)`x`'"_s;
        QTest::newRow("glob") << u"*.conf"_s << u"'*.conf'"_s;
        QTest::newRow("newline") << u"a\nb"_s << u"'a\nb'"_s;
        QTest::newRow("non-ascii") << u"/srv/网站"_s << u"'/srv/网站'"_s;
        QTest::newRow("leading tilde") << u"~root"_s << u"'~root'"_s;
    }

    void quote()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(shellQuote(value), expected);
    }

    // The real proof: a POSIX shell gives back exactly the words that were quoted.
    void roundTripThroughSh()
    {
        const QStringList words{u"plain"_s,
                                u"two words"_s,
                                u"it's"_s,
                                u"$HOME"_s,
                                u"`id`"_s,
                                u"a\"b"_s,
                                u"back\\slash"_s,
                                u"*"_s,
                                QString(),
                                u"semi;colon"_s,
                                u"new\nline"_s,
                                u"网站"_s};
        QProcess sh;
        sh.start(u"/bin/sh"_s, {u"-c"_s, u"for w in "_s + shellJoin(words) + u"; do printf '%s\\0' \"$w\"; done"_s});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 0);
        const QList<QByteArray> printed = sh.readAllStandardOutput().split('\0');
        QCOMPARE(printed.size(), words.size() + 1);
        for (qsizetype i = 0; i < words.size(); ++i) {
            QCOMPARE(QString::fromUtf8(printed.at(i)), words.at(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shellquote.moc"
