#include "nginxbuild.h"

#include <QFile>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

NginxBuild fixture(const char *name)
{
    QFile file(QStringLiteral(BATON_TEST_DATA "/") + QLatin1StringView(name));
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("missing fixture %s", name);
    }
    QString error;
    const auto build = NginxBuild::parse(QString::fromUtf8(file.readAll()), &error);
    if (!build) {
        qFatal("%s: %s", name, qPrintable(error));
    }
    return *build;
}

} // namespace

class TestNginxBuild : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void debian12()
    {
        const NginxBuild build = fixture("nginx-1.22.1-debian12-V.txt");
        QCOMPARE(build.version.toString(), u"nginx/1.22.1"_s);
        QCOMPARE(build.opensslBuilt, u"OpenSSL 3.0.20 7 Apr 2026"_s);
        QCOMPARE(build.opensslRunning, u"OpenSSL 3.5.9 29 Sep 2026"_s);
        QVERIFY(build.tlsSni);
        QCOMPARE(build.option(u"prefix"), u"/usr/share/nginx"_s);
        QCOMPARE(build.option(u"pid-path"), u"/run/nginx.pid"_s);
        // a quoted value with spaces is one argument, quotes removed
        QVERIFY(build.option(u"with-cc-opt").startsWith(u"-g -O2 -ffile-prefix-map="_s));
        QVERIFY(build.staticModules().contains(u"http_stub_status_module"_s));
        QVERIFY(build.dynamicModules().contains(u"http_geoip_module"_s));
        QVERIFY(build.dynamicModules().contains(u"stream"_s));
        QVERIFY(!build.staticModules().contains(u"http_v3_module"_s));
        QVERIFY(build.removedModules().isEmpty());
    }

    void versionUpgradeDifference()
    {
        const NginxBuild old = fixture("nginx-1.22.1-debian12-V.txt");
        const NginxBuild next = fixture("nginx-1.26.3-debian13-V.txt");
        const BuildDifference difference = BuildDifference::between(old, next);
        QCOMPARE(difference.modulesAdded, QStringList{u"http_v3_module"_s});
        QVERIFY(difference.modulesDropped.isEmpty());
        QCOMPARE(difference.onlyInSecond, QStringList{u"--with-http_v3_module"_s});
        QVERIFY(difference.onlyInFirst.isEmpty());
        bool ccOptChanged = false;
        for (const auto &[name, values] : difference.changedValues) {
            ccOptChanged = ccOptChanged || name == u"--with-cc-opt";
        }
        QVERIFY(ccOptChanged);
        QVERIFY(BuildDifference::between(old, old).isEmpty());
        // and the other way round, the module is dropped
        QCOMPARE(BuildDifference::between(next, old).modulesDropped, QStringList{u"http_v3_module"_s});
    }

    void customBuild()
    {
        QString error;
        const auto build = NginxBuild::parse(
            u"nginx version: nginx/1.25.4\n"
            "built by gcc 12.2.0 (Debian 12.2.0-14)\n"
            "built with OpenSSL 3.0.11 19 Sep 2023\n"
            "TLS SNI support enabled\n"
            "configure arguments: --prefix=/apps/nginx --with-http_ssl_module --without-http_autoindex_module "
            "--add-module=/src/ngx_brotli --add-dynamic-module=\"/src/my module\" "
            "--with-cc-opt=\"-DNGX_X=\\\"a b\\\"\"\n"_s,
            &error);
        QVERIFY2(build, qPrintable(error));
        QCOMPARE(build->compiler, u"gcc 12.2.0 (Debian 12.2.0-14)"_s);
        QCOMPARE(build->opensslRunning, build->opensslBuilt);
        QCOMPARE(build->option(u"prefix"), u"/apps/nginx"_s);
        QCOMPARE(build->staticModules(), (QStringList{u"http_ssl_module"_s, u"/src/ngx_brotli"_s}));
        QCOMPARE(build->dynamicModules(), QStringList{u"/src/my module"_s});
        QCOMPARE(build->removedModules(), QStringList{u"http_autoindex_module"_s});
        QCOMPARE(build->option(u"with-cc-opt"), u"-DNGX_X=\"a b\""_s);
    }

    void splitArguments_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("plain") << u" --a --b=c "_s << QStringList{u"--a"_s, u"--b=c"_s};
        QTest::newRow("single quotes") << u"--x='a b' --y"_s << QStringList{u"--x=a b"_s, u"--y"_s};
        QTest::newRow("double quotes") << u"--x=\"a \\\"b\\\"\""_s << QStringList{u"--x=a \"b\""_s};
        QTest::newRow("backslash space") << u"--x=a\\ b"_s << QStringList{u"--x=a b"_s};
        QTest::newRow("empty") << QString() << QStringList();
    }

    void splitArguments()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, arguments);
        const auto split = NginxBuild::splitArguments(line);
        QVERIFY(split);
        QCOMPARE(*split, arguments);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("message");
        QTest::newRow("not nginx") << u"command not found"_s << u"not the output of nginx -V"_s;
        QTest::newRow("nginx -v") << u"nginx version: nginx/1.22.1\n"_s << u"use nginx -V"_s;
        QTest::newRow("unclosed quote") << u"nginx version: nginx/1.22.1\nconfigure arguments: --x='a\n"_s
                                        << u"unclosed quote"_s;
    }

    void rejects()
    {
        QFETCH(QString, output);
        QFETCH(QString, message);
        QString error;
        QVERIFY(!NginxBuild::parse(output, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestNginxBuild)
#include "tst_nginxbuild.moc"
