#include "nginxversion.h"

#include <QFile>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

class TestNginxVersion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("product");
        QTest::addColumn<QString>("version");

        const auto fixture = [](const char *name) {
            QFile file(QStringLiteral(BATON_TEST_DATA "/") + QLatin1StringView(name));
            if (!file.open(QIODevice::ReadOnly)) {
                qFatal("missing fixture %s", name);
            }
            return QString::fromUtf8(file.readAll());
        };
        QTest::newRow("1.22.1 -V (Debian 12)") << fixture("nginx-1.22.1-debian12-V.txt") << u"nginx"_s << u"1.22.1"_s;
        QTest::newRow("1.22.1 -v (Debian 12)") << fixture("nginx-1.22.1-debian12-v.txt") << u"nginx"_s << u"1.22.1"_s;
        QTest::newRow("1.26.3 -V (Debian 13)") << fixture("nginx-1.26.3-debian13-V.txt") << u"nginx"_s << u"1.26.3"_s;
        QTest::newRow("freenginx") << u"nginx version: freenginx/1.27.2\n"_s << u"freenginx"_s << u"1.27.2"_s;
        QTest::newRow("openresty") << u"nginx version: openresty/1.25.3.1\n"_s << u"openresty"_s << u"1.25.3.1"_s;
        QTest::newRow("vendor suffix") << u"nginx version: nginx/1.24.0 (Ubuntu)\n"_s << u"nginx"_s << u"1.24.0"_s;
    }

    void parse()
    {
        QFETCH(QString, output);
        QFETCH(QString, product);
        QFETCH(QString, version);
        const auto parsed = NginxVersion::parse(output);
        QVERIFY(parsed);
        QCOMPARE(parsed->product, product);
        QCOMPARE(parsed->version.toString(), version);
        QCOMPARE(parsed->toString(), product + u'/' + version);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("output");
        QTest::newRow("empty") << QString();
        QTest::newRow("command not found") << u"sh: 1: nginx: not found\n"_s;
        QTest::newRow("no version number") << u"nginx version: nginx/\n"_s;
        QTest::newRow("not at line start") << u"the nginx version: nginx/1.2.3\n"_s;
    }

    void rejects()
    {
        QFETCH(QString, output);
        QVERIFY(!NginxVersion::parse(output));
    }
};

QTEST_GUILESS_MAIN(TestNginxVersion)
#include "tst_nginxversion.moc"
