#include "configtest.h"

#include <QFile>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

QString fixture(const char *name)
{
    QFile file(QStringLiteral(BATON_TEST_DATA "/nginx-t/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", name);
    }
    return QString::fromUtf8(file.readAll());
}

// "level|line|text": the captured files name temporary paths, so the file is checked apart
QString withoutFile(const ConfigTestMessage &message)
{
    return ConfigTest::levelName(message.level) + u'|' + QString::number(message.line) + u'|' + message.text;
}

QString withFile(const ConfigTestMessage &message)
{
    return ConfigTest::levelName(message.level) + u'|' + message.file + u'|' + QString::number(message.line) + u'|' +
        message.text;
}

} // namespace

class TestConfigTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void captured_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("configFile"); ///< its end: the directory is temporary
        QTest::addColumn<bool>("syntaxOk");
        QTest::addColumn<bool>("successful");
        QTest::addColumn<QStringList>("messages"); ///< beginnings of "level|line|text"
        QTest::addColumn<int>("errorCount");

        for (const char *version : {"1.22.1", "1.26.3"}) {
            const QString v = QLatin1StringView(version);
            QTest::addRow("%s ok", version) << fixture(qPrintable(u"nginx-"_s + v + u"-ok.txt"_s))
                                            << u"/ok-"_s + v + u"/nginx.conf"_s << true << true << QStringList() << 0;
            QTest::addRow("%s emerg", version)
                << fixture(qPrintable(u"nginx-"_s + v + u"-emerg.txt"_s)) << u"/emerg-"_s + v + u"/nginx.conf"_s
                << false << false << QStringList{u"emerg|17|unknown directive \"foo\""_s} << 1;
        }
        const QString duplicate =
            u"warn|13|duplicate extension \"html\", content type: \"text/plain\", previous content type: \"text/html\""_s;
        const QString conflicting = u"warn|0|conflicting server name \"localhost\" on 127.0.0.1:"_s;
        QTest::newRow("1.22.1 warn") << fixture("nginx-1.22.1-warn.txt") << u"/warn-1.22.1/nginx.conf"_s << true << true
                                     << QStringList{duplicate, conflicting} << 0;
        QTest::newRow("1.26.3 warn, listen http2")
            << fixture("nginx-1.26.3-warn.txt") << u"/warn-1.26.3/nginx.conf"_s << true << true
            << QStringList{duplicate,
                           u"warn|16|the \"listen ... http2\" directive is deprecated, use the \"http2\" directive "
                           "instead"_s,
                           conflicting}
            << 0;
        QTest::newRow("1.26.3 emerg, nginx: form (-e)")
            << fixture("nginx-1.26.3-emerg-e.txt") << u"/emerg-1.26.3/nginx.conf"_s << false << false
            << QStringList{u"emerg|17|unknown directive \"foo\""_s} << 1;
        QTest::newRow("1.26.3 include in command line")
            << fixture("nginx-1.26.3-missing-include.txt") << u"/missing-1.26.3/nginx.conf"_s << false << false
            << QStringList{u"emerg|0|open() \"/"_s} << 1;
        QTest::newRow("1.26.3 as nobody")
            << fixture("nginx-1.26.3-nonroot.txt") << u"/nonroot-1.26.3/nginx.conf"_s << true << false
            << QStringList{u"alert|0|could not open error log file: open() \"/"_s,
                           u"warn|1|the \"user\" directive makes sense only if the master process runs with "
                           "super-user privileges, ignored"_s,
                           u"emerg|0|open() \"/"_s}
            << 2;
    }

    void captured()
    {
        QFETCH(QString, output);
        QFETCH(QString, configFile);
        QFETCH(bool, syntaxOk);
        QFETCH(bool, successful);
        QFETCH(QStringList, messages);
        QFETCH(int, errorCount);
        QString error;
        const auto test = ConfigTest::parse(output, &error);
        QVERIFY2(test, qPrintable(error));
        QVERIFY2(test->configFile.startsWith(u'/') && test->configFile.endsWith(configFile),
                 qPrintable(test->configFile));
        QCOMPARE(test->syntaxOk, syntaxOk);
        QCOMPARE(test->successful, successful);
        QCOMPARE(test->messages.size(), messages.size());
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const ConfigTestMessage &message = test->messages.at(i);
            QVERIFY2(withoutFile(message).startsWith(messages.at(i)), qPrintable(withoutFile(message)));
            // every location in these configurations is in the main file
            QCOMPARE(message.file, message.line > 0 ? test->configFile : QString());
        }
        QCOMPARE(test->errors().size(), errorCount);
        QVERIFY(test->otherLines.isEmpty());
    }

    void commandLineHasNoLocation()
    {
        QString error;
        const auto test = ConfigTest::parse(fixture("nginx-1.26.3-missing-include.txt"), &error);
        QVERIFY2(test, qPrintable(error));
        QVERIFY(test->messages.constFirst().text.endsWith(u"(2: No such file or directory) in command line"_s));
        QVERIFY(test->messages.constFirst().file.isEmpty());
    }

    void written_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("configFile");
        QTest::addColumn<bool>("syntaxOk");
        QTest::addColumn<bool>("successful");
        QTest::addColumn<QStringList>("messages"); ///< "level|file|line|text"
        QTest::addColumn<int>("otherLines");

        QTest::newRow("nginx.org ok") << u"nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
                                         "nginx: configuration file /etc/nginx/nginx.conf test is successful\n"_s
                                      << u"/etc/nginx/nginx.conf"_s << true << true << QStringList() << 0;
        QTest::newRow("nginx.org emerg") << u"nginx: [emerg] unknown directive \"foo\" in /etc/nginx/nginx.conf:12\n"
                                            "nginx: configuration file /etc/nginx/nginx.conf test failed\n"_s
                                         << u"/etc/nginx/nginx.conf"_s << false << false
                                         << QStringList{u"emerg|/etc/nginx/nginx.conf|12|unknown directive \"foo\""_s}
                                         << 0;
        QTest::newRow("alert, then the error log's form")
            << u"nginx: [alert] could not open error log file: open() \"/var/log/nginx/error.log\" failed (13: "
               "Permission denied)\n"
               "2026/11/25 16:00:00 [emerg] 123#123: open() \"/run/nginx.pid\" failed (13: Permission denied)\n"
               "nginx: configuration file /etc/nginx/nginx.conf test failed\n"_s
            << u"/etc/nginx/nginx.conf"_s << false << false
            << QStringList{u"alert||0|could not open error log file: open() \"/var/log/nginx/error.log\" failed "
                           "(13: Permission denied)"_s,
                           u"emerg||0|open() \"/run/nginx.pid\" failed (13: Permission denied)"_s}
            << 0;
        QTest::newRow("\" in \" within the message")
            << u"nginx: [emerg] invalid number of arguments in \"listen\" directive in "
               "/etc/nginx/sites-enabled/default:3\n"
               "nginx: configuration file /etc/nginx/nginx.conf test failed\n"_s
            << u"/etc/nginx/nginx.conf"_s << false << false
            << QStringList{u"emerg|/etc/nginx/sites-enabled/default|3|invalid number of arguments in \"listen\" "
                           "directive"_s}
            << 0;
        QTest::newRow("CRLF, spaces in the path")
            << u"nginx: [warn] low address bits of 10.0.0.1/8 are meaningless in /srv/my site/nginx.conf:7\r\n"
               "nginx: the configuration file /srv/my site/nginx.conf syntax is ok\r\n"
               "nginx: configuration file /srv/my site/nginx.conf test is successful\r\n"_s
            << u"/srv/my site/nginx.conf"_s << true << true
            << QStringList{u"warn|/srv/my site/nginx.conf|7|low address bits of 10.0.0.1/8 are meaningless"_s} << 0;
        QTest::newRow("every level, connection number")
            << u"2026/11/25 16:00:00 [crit] 1#1: a\n2026/11/25 16:00:00 [error] 1#1: *42 b in /x.conf:2\n"
               "2026/11/25 16:00:00 [notice] 1#1: c\n2026/11/25 16:00:00 [info] 1#1: d\n"
               "2026/11/25 16:00:00 [debug] 1#1: e\n"
               "nginx: configuration file /x.conf test failed\n"_s
            << u"/x.conf"_s << false << false
            << QStringList{u"crit||0|a"_s, u"error|/x.conf|2|b"_s, u"notice||0|c"_s, u"info||0|d"_s, u"debug||0|e"_s}
            << 0;
        QTest::newRow("other lines are kept apart")
            << u"ERROR: ld.so: object 'libfoo.so' cannot be preloaded: ignored.\n"
               "nginx: [nonsense] x\n"
               "nginx: [emerg] a line beyond int in /x.conf:99999999999\n"
               "nginx: configuration file /x.conf test failed\n"_s
            << u"/x.conf"_s << false << false << QStringList{u"emerg||0|a line beyond int in /x.conf:99999999999"_s}
            << 2;
        QTest::newRow("successful implies syntax ok") << u"nginx: configuration file /x.conf test is successful"_s
                                                      << u"/x.conf"_s << true << true << QStringList() << 0;
    }

    void written()
    {
        QFETCH(QString, output);
        QFETCH(QString, configFile);
        QFETCH(bool, syntaxOk);
        QFETCH(bool, successful);
        QFETCH(QStringList, messages);
        QFETCH(int, otherLines);
        QString error;
        const auto test = ConfigTest::parse(output, &error);
        QVERIFY2(test, qPrintable(error));
        QCOMPARE(test->configFile, configFile);
        QCOMPARE(test->syntaxOk, syntaxOk);
        QCOMPARE(test->successful, successful);
        QStringList parsed;
        for (const ConfigTestMessage &message : test->messages) {
            parsed.append(withFile(message));
        }
        QCOMPARE(parsed, messages);
        QCOMPARE(test->otherLines.size(), otherLines);
    }

    void errorsAreEmergToError()
    {
        QString error;
        const auto test = ConfigTest::parse(fixture("nginx-1.26.3-nonroot.txt"), &error);
        QVERIFY2(test, qPrintable(error));
        const QList<ConfigTestMessage> errors = test->errors();
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.at(0).level, ConfigTestMessage::Level::Alert);
        QCOMPARE(errors.at(1).level, ConfigTestMessage::Level::Emerg);
        QVERIFY(errors.at(1).text.endsWith(u"/nginx.pid\" failed (13: Permission denied)"_s));
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QStringList>("message"); ///< parts the error must contain

        QTest::newRow("empty") << u"\n"_s << QStringList{u"empty"_s, u"not the output of nginx -t"_s};
        QTest::newRow("not found") << u"sh: 1: /x/nginx: not found\n"_s
                                   << QStringList{u"not the output of nginx -t: sh: 1: /x/nginx: not found"_s};
        QTest::newRow("not executable")
            << u"bash: line 1: /usr/sbin/nginx: cannot execute binary file: Exec format error\n"_s
            << QStringList{u"not the output of nginx -t"_s, u"cannot execute binary file"_s};
        QTest::newRow("bad option") << u"nginx: invalid option: \"z\"\n"_s
                                    << QStringList{u"not the output of nginx -t: nginx: invalid option"_s};
        QTest::newRow("cut after a message")
            << u"nginx: [warn] w in /x.conf:1\n2026/11/25 16:00:00 [emerg] 1#1: unknown directive \"foo\" in "
               "/x.conf:3\n"_s
            << QStringList{u"without a verdict"_s, u"[emerg] unknown directive \"foo\" in /x.conf:3"_s};
        QTest::newRow("cut after syntax ok")
            << u"nginx: the configuration file /x.conf syntax is ok\n"_s << QStringList{u"without a verdict"_s};
        QTest::newRow("-q, captured") << fixture("nginx-1.26.3-quiet-warn.txt")
                                      << QStringList{u"without a verdict"_s, u"[warn] conflicting server name"_s};
        QTest::newRow("two runs") << fixture("nginx-1.26.3-ok.txt") + fixture("nginx-1.26.3-emerg.txt")
                                  << QStringList{u"both"_s};
    }

    void rejects()
    {
        QFETCH(QString, output);
        QFETCH(QStringList, message);
        QString error;
        QVERIFY(!ConfigTest::parse(output, &error));
        for (const QString &part : message) {
            QVERIFY2(error.contains(part), qPrintable(error));
        }
    }

    void levelNames()
    {
        using Level = ConfigTestMessage::Level;
        QCOMPARE(ConfigTest::levelName(Level::Emerg), u"emerg");
        QCOMPARE(ConfigTest::levelName(Level::Error), u"error");
        QCOMPARE(ConfigTest::levelName(Level::Debug), u"debug");
        QVERIFY(ConfigTest::levelName(Level(42)).isEmpty());
        QVERIFY((ConfigTestMessage{Level::Error, {}, {}, 0}.isError()));
        QVERIFY(!(ConfigTestMessage{Level::Warn, {}, {}, 0}.isError()));
    }
};

QTEST_GUILESS_MAIN(TestConfigTest)
#include "tst_configtest.moc"
