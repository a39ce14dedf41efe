#include "buildrequirements.h"
#include "nginxbuild.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

QStringList fixtureArguments(const char *name)
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
    return build->configureArguments;
}

QStringList ids(const QList<BuildRequirement> &requirements)
{
    QStringList ids;
    for (const BuildRequirement &requirement : requirements) {
        ids.append(requirement.id);
    }
    return ids;
}

BuildRequirement find(const QList<BuildRequirement> &requirements, const QString &id)
{
    for (const BuildRequirement &requirement : requirements) {
        if (requirement.id == id) {
            return requirement;
        }
    }
    qFatal("no requirement %s", qPrintable(id));
}

// The exit status of a check run here, as the host's login shell would run it.
int run(const QString &command, const QString &workingDirectory = {})
{
    QProcess shell;
    shell.setWorkingDirectory(workingDirectory);
    shell.start(u"/bin/sh"_s, {u"-c"_s, command});
    if (!shell.waitForFinished(30000) || shell.exitStatus() != QProcess::NormalExit) {
        qFatal("check did not finish: %s", qPrintable(command));
    }
    return shell.exitCode();
}

} // namespace

class TestBuildRequirements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void debian12()
    {
        const auto requirements = BuildRequirements::forArguments(fixtureArguments("nginx-1.22.1-debian12-V.txt"));
        // the dynamic modules need their libraries as much as the static ones
        QCOMPARE(ids(requirements),
                 (QStringList{u"compiler"_s,
                              u"make"_s,
                              u"pcre"_s,
                              u"zlib"_s,
                              u"openssl"_s,
                              u"libxml2"_s,
                              u"libxslt"_s,
                              u"libgd"_s,
                              u"geoip"_s,
                              u"perl"_s}));
        QCOMPARE(find(requirements, u"openssl"_s).because,
                 u"--with-http_ssl_module, --with-mail_ssl_module, --with-stream_ssl_module"_s);
        QCOMPARE(find(requirements, u"geoip"_s).because,
                 u"--with-http_geoip_module=dynamic, --with-stream_geoip_module=dynamic"_s);
        QCOMPARE(find(requirements, u"zlib"_s).because, u"the gzip module (default), --with-http_gunzip_module"_s);
        QCOMPARE(find(requirements, u"pcre"_s).because, u"the rewrite module (default)"_s);
        QCOMPARE(find(requirements, u"libxslt"_s).because, u"--with-http_xslt_module=dynamic"_s);
        QCOMPARE(find(requirements, u"compiler"_s).checkCommand, u"command -v cc >/dev/null 2>&1"_s);
        QCOMPARE(find(requirements, u"make"_s).checkCommand, u"command -v make >/dev/null 2>&1"_s);
        // its --with-cc-opt has no include option
        QCOMPARE(find(requirements, u"zlib"_s).checkCommand,
                 u"printf '#include <zlib.h>\\n' | cc -E -x c - >/dev/null 2>&1"_s);
        for (const BuildRequirement &requirement : requirements) {
            QVERIFY2(!requirement.what.isEmpty(), qPrintable(requirement.id));
            QVERIFY2(!requirement.because.isEmpty(), qPrintable(requirement.id));
            QVERIFY2(!requirement.debianPackages.isEmpty(), qPrintable(requirement.id));
            QVERIFY2(!requirement.rpmPackages.isEmpty(), qPrintable(requirement.id));
        }
    }

    void debian13()
    {
        const auto requirements = BuildRequirements::forArguments(fixtureArguments("nginx-1.26.3-debian13-V.txt"));
        QVERIFY(find(requirements, u"openssl"_s).because.contains(u"--with-http_v3_module"_s));
    }

    void requirements_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");

        const QString compiler = u"compiler"_s;
        const QString make = u"make"_s;
        QTest::newRow("no arguments: the default modules")
            << QStringList{} << QStringList{compiler, make, u"pcre"_s, u"zlib"_s};
        QTest::newRow("minimal") << QStringList{u"--without-http_rewrite_module"_s, u"--without-http_gzip_module"_s}
                                 << QStringList{compiler, make};
        QTest::newRow("without pcre") << QStringList{u"--without-pcre"_s} << QStringList{compiler, make, u"zlib"_s};
        QTest::newRow("pcre forced") << QStringList{u"--without-http_rewrite_module"_s, u"--with-pcre"_s}
                                     << QStringList{compiler, make, u"pcre"_s, u"zlib"_s};
        QTest::newRow("pcre sources") << QStringList{u"--with-pcre=/src/pcre2-10.42"_s, u"--with-pcre-jit"_s}
                                      << QStringList{compiler, make, u"zlib"_s};
        QTest::newRow("zlib sources") << QStringList{u"--with-zlib=/src/zlib-1.3"_s}
                                      << QStringList{compiler, make, u"pcre"_s};
        QTest::newRow("without http") << QStringList{u"--without-http"_s, u"--with-stream"_s}
                                      << QStringList{compiler, make};
        QTest::newRow("gunzip without gzip") << QStringList{u"--without-http_rewrite_module"_s,
                                                            u"--without-http_gzip_module"_s,
                                                            u"--with-http_gunzip_module"_s}
                                             << QStringList{compiler, make, u"zlib"_s};
        // gzip_static sends files compressed beforehand: no zlib (auto/modules)
        QTest::newRow("gzip_static without gzip") << QStringList{u"--without-http_rewrite_module"_s,
                                                                 u"--without-http_gzip_module"_s,
                                                                 u"--with-http_gzip_static_module"_s}
                                                  << QStringList{compiler, make};
        QTest::newRow("openssl sources") << QStringList{u"--with-http_ssl_module"_s, u"--with-openssl=/src/openssl-3"_s}
                                         << QStringList{compiler, make, u"pcre"_s, u"zlib"_s};
        QTest::newRow("stream ssl") << QStringList{u"--without-http"_s,
                                                   u"--with-stream"_s,
                                                   u"--with-stream_ssl_module"_s}
                                    << QStringList{compiler, make, u"openssl"_s};
        QTest::newRow("http3") << QStringList{u"--without-pcre"_s,
                                              u"--without-http_rewrite_module"_s,
                                              u"--without-http_gzip_module"_s,
                                              u"--with-http_v3_module"_s}
                               << QStringList{compiler, make, u"openssl"_s};
        QTest::newRow("xslt static") << QStringList{u"--without-pcre"_s, u"--with-http_xslt_module"_s}
                                     << QStringList{compiler, make, u"zlib"_s, u"libxml2"_s, u"libxslt"_s};
        QTest::newRow("image filter dynamic")
            << QStringList{u"--without-pcre"_s, u"--with-http_image_filter_module=dynamic"_s}
            << QStringList{compiler, make, u"zlib"_s, u"libgd"_s};
        QTest::newRow("perftools and libatomic")
            << QStringList{u"--without-pcre"_s, u"--with-google_perftools_module"_s, u"--with-libatomic"_s}
            << QStringList{compiler, make, u"zlib"_s, u"gperftools"_s, u"libatomic"_s};
        QTest::newRow("libatomic sources") << QStringList{u"--without-pcre"_s, u"--with-libatomic=/src/libatomic_ops"_s}
                                           << QStringList{compiler, make, u"zlib"_s};
        QTest::newRow("perl") << QStringList{u"--without-pcre"_s, u"--with-http_perl_module"_s}
                              << QStringList{compiler, make, u"zlib"_s, u"perl"_s};
        QTest::newRow("unrelated modules") << QStringList{u"--with-http_stub_status_module"_s, u"--with-threads"_s}
                                           << QStringList{compiler, make, u"pcre"_s, u"zlib"_s};
    }

    void requirements()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        QCOMPARE(ids(BuildRequirements::forArguments(arguments)), expected);
    }

    void repeatedArgumentsAreOneReason()
    {
        const auto requirements =
            BuildRequirements::forArguments({u"--with-http_ssl_module"_s, u"--with-http_ssl_module"_s});
        QCOMPARE(find(requirements, u"openssl"_s).because, u"--with-http_ssl_module"_s);
        QCOMPARE(ids(requirements).count(u"openssl"_s), 1);
    }

    void pcreHeaders()
    {
        const QString pcre = find(BuildRequirements::forArguments({}), u"pcre"_s).checkCommand;
        QCOMPARE(pcre,
                 u"printf '#include <pcre2.h>\\n' | cc -E -x c -DPCRE2_CODE_UNIT_WIDTH=8 - >/dev/null 2>&1"
                 " || printf '#include <pcre.h>\\n' | cc -E -x c - >/dev/null 2>&1"_s);

        const auto pcre1 = find(BuildRequirements::forArguments({u"--without-pcre2"_s}), u"pcre"_s);
        QCOMPARE(pcre1.checkCommand, u"printf '#include <pcre.h>\\n' | cc -E -x c - >/dev/null 2>&1"_s);
        QCOMPARE(pcre1.debianPackages, QStringList{u"libpcre3-dev"_s});
        QCOMPARE(pcre1.rpmPackages, QStringList{u"pcre-devel"_s});
    }

    void customCompiler_data()
    {
        QTest::addColumn<QString>("compiler");
        QTest::addColumn<QString>("quoted");
        QTest::addColumn<QStringList>("debianPackages");

        QTest::newRow("path") << u"/opt/gcc/bin/gcc"_s << u"/opt/gcc/bin/gcc"_s << QStringList{};
        QTest::newRow("path with a space") << u"/opt/my gcc/bin/gcc"_s << u"'/opt/my gcc/bin/gcc'"_s << QStringList{};
        QTest::newRow("clang") << u"clang"_s << u"clang"_s << QStringList{u"clang"_s, u"libc6-dev"_s};
        QTest::newRow("/usr/bin/gcc") << u"/usr/bin/gcc"_s << u"/usr/bin/gcc"_s
                                      << QStringList{u"gcc"_s, u"libc6-dev"_s};
    }

    void customCompiler()
    {
        QFETCH(QString, compiler);
        QFETCH(QString, quoted);
        QFETCH(QStringList, debianPackages);
        const auto requirements = BuildRequirements::forArguments(
            {u"--with-cc="_s + compiler, u"--with-http_ssl_module"_s, u"--with-http_perl_module"_s});
        const BuildRequirement cc = find(requirements, u"compiler"_s);
        QCOMPARE(cc.checkCommand, u"command -v "_s + quoted + u" >/dev/null 2>&1"_s);
        QCOMPARE(cc.because, u"--with-cc="_s + compiler);
        QVERIFY(cc.what.contains(compiler));
        QCOMPARE(cc.debianPackages, debianPackages);
        for (const QString &id : {u"pcre"_s, u"zlib"_s, u"openssl"_s}) {
            QVERIFY2(find(requirements, id).checkCommand.contains(u" | "_s + quoted + u" -E -x c "_s), qPrintable(id));
        }
        QVERIFY(find(requirements, u"perl"_s).checkCommand.contains(u" | "_s + quoted + u" -x c "_s));
    }

    void includeOptionsFromCcOpt()
    {
        // configure splits --with-cc-opt on blanks; each -I word is quoted again
        const auto requirements = BuildRequirements::forArguments(
            {u"--with-cc-opt=-I/opt/my include -O2 -isystem /opt/sys -I/opt/it's -I/opt/$(reboot) -DX=1"_s});
        QCOMPARE(find(requirements, u"zlib"_s).checkCommand,
                 u"printf '#include <zlib.h>\\n' | cc -E -x c -I/opt/my -isystem /opt/sys '-I/opt/it'\\''s' "
                 u"'-I/opt/$(reboot)' - >/dev/null 2>&1"_s);
    }

    void installCommand_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("idLike");
        QTest::addColumn<QString>("expected");

        QTest::newRow("debian") << u"debian"_s << QString() << u"apt-get install libpcre2-dev zlib1g-dev"_s;
        QTest::newRow("ubuntu") << u"ubuntu"_s << u"debian"_s << u"apt-get install libpcre2-dev zlib1g-dev"_s;
        QTest::newRow("mint") << u"linuxmint"_s << u"\"ubuntu debian\""_s
                              << u"apt-get install libpcre2-dev zlib1g-dev"_s;
        QTest::newRow("fedora") << u"fedora"_s << QString() << u"dnf install pcre2-devel zlib-devel"_s;
        QTest::newRow("rocky") << u"rocky"_s << u"rhel centos fedora"_s << u"dnf install pcre2-devel zlib-devel"_s;
        QTest::newRow("almalinux") << u"almalinux"_s << u"rhel centos fedora"_s
                                   << u"dnf install pcre2-devel zlib-devel"_s;
        QTest::newRow("alpine") << u"alpine"_s << QString() << QString();
        QTest::newRow("unknown") << QString() << QString() << QString();
    }

    void installCommand()
    {
        QFETCH(QString, id);
        QFETCH(QString, idLike);
        QFETCH(QString, expected);
        const auto requirements = BuildRequirements::forArguments({});
        const QList<BuildRequirement> missing{find(requirements, u"pcre"_s), find(requirements, u"zlib"_s)};
        QCOMPARE(BuildRequirements::installCommand(missing, id, idLike), expected);
    }

    void installCommandDeduplicates()
    {
        const auto requirements = BuildRequirements::forArguments(
            {u"--with-cc=/opt/gcc/bin/gcc"_s, u"--with-http_xslt_module"_s, u"--with-http_perl_module"_s});
        QCOMPARE(BuildRequirements::installCommand(requirements, u"debian"_s, {}),
                 u"apt-get install make libpcre2-dev zlib1g-dev libxml2-dev libxslt1-dev perl libperl-dev"_s);
        QCOMPARE(BuildRequirements::installCommand({}, u"debian"_s, {}), QString());
        QCOMPARE(BuildRequirements::installCommand({find(requirements, u"compiler"_s)}, u"debian"_s, {}), QString());
    }

    // The checks run for real in this build root: it has a compiler and make, and the headers
    // it has decide the rest.
    void checksRunHere()
    {
        if (QStandardPaths::findExecutable(u"cc"_s).isEmpty() || QStandardPaths::findExecutable(u"make"_s).isEmpty()) {
            QSKIP("no cc or make here");
        }
        const auto requirements = BuildRequirements::forArguments({u"--with-http_ssl_module"_s});
        QCOMPARE(run(find(requirements, u"compiler"_s).checkCommand), 0);
        QCOMPARE(run(find(requirements, u"make"_s).checkCommand), 0);
        QCOMPARE(run(find(requirements, u"zlib"_s).checkCommand) == 0, QFile::exists(u"/usr/include/zlib.h"_s));
        QCOMPARE(run(find(requirements, u"openssl"_s).checkCommand) == 0,
                 QFile::exists(u"/usr/include/openssl/ssl.h"_s));
        QCOMPARE(run(find(requirements, u"pcre"_s).checkCommand) == 0,
                 QFile::exists(u"/usr/include/pcre2.h"_s) || QFile::exists(u"/usr/include/pcre.h"_s));
    }

    void checksFailWithoutTheCompiler()
    {
        const auto requirements =
            BuildRequirements::forArguments({u"--with-cc=/nonexistent/cc"_s, u"--with-http_perl_module"_s});
        for (const BuildRequirement &requirement : requirements) {
            if (requirement.id != u"make") {
                QVERIFY2(run(requirement.checkCommand) != 0, qPrintable(requirement.checkCommand));
            }
        }
    }

    void checkDoesNotRunWhatTheArgumentsHold()
    {
        if (QStandardPaths::findExecutable(u"cc"_s).isEmpty()) {
            QSKIP("no cc here");
        }
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const auto requirements = BuildRequirements::forArguments(
            {u"--with-cc-opt=-I/x/$(touch${IFS}pwned)`touch${IFS}pwned2`;touch pwned3"_s});
        run(find(requirements, u"zlib"_s).checkCommand, directory.path());
        QVERIFY(QDir(directory.path()).isEmpty());
    }

    void headerCheckHonoursIncludeOptions()
    {
        if (QStandardPaths::findExecutable(u"cc"_s).isEmpty()) {
            QSKIP("no cc here");
        }
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        for (const QString &includes : {directory.filePath(u"inc"_s), directory.filePath(u"my inc"_s)}) {
            QVERIFY(QDir().mkpath(includes + u"/gperftools"_s));
            QFile header(includes + u"/gperftools/profiler.h"_s);
            QVERIFY(header.open(QIODevice::WriteOnly));
        }
        const auto check = [](const QString &compilerOptions) {
            const auto requirements = BuildRequirements::forArguments(
                {u"--with-google_perftools_module"_s, u"--with-cc-opt="_s + compilerOptions});
            return run(find(requirements, u"gperftools"_s).checkCommand);
        };
        const bool onTheSystem = QFile::exists(u"/usr/include/gperftools/profiler.h"_s);
        QCOMPARE(check(u"-O2"_s) == 0, onTheSystem);
        QCOMPARE(check(u"-O2 -I"_s + directory.filePath(u"inc"_s)), 0);
        QCOMPARE(check(u"-O2 -I\t"_s + directory.filePath(u"inc"_s)), 0);
        QCOMPARE(check(u"-isystem "_s + directory.filePath(u"inc"_s) + u" -g"_s), 0);
        // configure splits the value on blanks: a directory with a space in its name is no
        // include directory to configure either
        QCOMPARE(check(u"-I"_s + directory.filePath(u"my inc"_s)) == 0, onTheSystem);
    }
};

QTEST_GUILESS_MAIN(TestBuildRequirements)
#include "tst_buildrequirements.moc"
