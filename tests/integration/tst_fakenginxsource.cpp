#include "fakenginxsource.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Result
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QString output; // stdout and stderr merged
};

Result run(const QString &dir, const QString &program, const QStringList &args, int timeoutMs = 60000)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    Result result;
    if (!process.waitForFinished(timeoutMs)) {
        result.output = process.errorString();
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.output = QString::fromUtf8(process.readAll());
    if (process.exitStatus() == QProcess::NormalExit) {
        result.exitCode = process.exitCode();
    }
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString binaryToBuild()
{
    const QString lab = qEnvironmentVariable("BATON_LAB_NGINX_NEW");
    return lab.isEmpty() ? u"/bin/true"_s : lab;
}

// How nginx's auto/options puts one argument in NGX_CONFIGURE (what nginx -V shows).
QString nginxQuoted(const QString &argument)
{
    static const QRegularExpression valueWithSpace(u"^(--[^=]*=)(.* .*)$"_s);
    QString quoted = argument;
    return quoted.replace(valueWithSpace, u"\\1'\\2'"_s);
}

// Every option the brief names plus Debian 13's nginx 1.26.3 configure arguments.
const QStringList nginxOptions = {
    u"--prefix=/usr/share/nginx"_s,
    u"--sbin-path=/usr/sbin/nginx"_s,
    u"--modules-path=/usr/lib/nginx/modules"_s,
    u"--conf-path=/etc/nginx/nginx.conf"_s,
    u"--error-log-path=stderr"_s,
    u"--pid-path=/run/nginx.pid"_s,
    u"--lock-path=/var/lock/nginx.lock"_s,
    u"--user=www-data"_s,
    u"--group=www-data"_s,
    u"--build=baton"_s,
    u"--http-log-path=/var/log/nginx/access.log"_s,
    u"--http-client-body-temp-path=/var/lib/nginx/body"_s,
    u"--http-proxy-temp-path=/var/lib/nginx/proxy"_s,
    u"--http-fastcgi-temp-path=/var/lib/nginx/fastcgi"_s,
    u"--http-uwsgi-temp-path=/var/lib/nginx/uwsgi"_s,
    u"--http-scgi-temp-path=/var/lib/nginx/scgi"_s,
    u"--with-cc=cc"_s,
    u"--with-cpp=cpp"_s,
    u"--with-cc-opt=-g -O2 -Werror=implicit-function-declaration -ffile-prefix-map=/build/reproducible-path/"
    "nginx-1.26.3=. -fstack-protector-strong -fstack-clash-protection -Wformat -Werror=format-security "
    "-fcf-protection -fPIC -Wdate-time -D_FORTIFY_SOURCE=2"_s,
    u"--with-ld-opt=-Wl,-z,relro -Wl,-z,now -fPIC"_s,
    u"--with-cpu-opt=generic"_s,
    u"--with-pcre"_s,
    u"--with-pcre=/src/pcre2"_s,
    u"--with-pcre-opt=-O2"_s,
    u"--with-pcre-jit"_s,
    u"--without-pcre2"_s,
    u"--with-zlib=/src/zlib"_s,
    u"--with-zlib-opt=-O3"_s,
    u"--with-zlib-asm=pentiumpro"_s,
    u"--with-openssl=/src/openssl"_s,
    u"--with-openssl-opt=no-weak-ssl-ciphers"_s,
    u"--with-debug"_s,
    u"--with-compat"_s,
    u"--with-threads"_s,
    u"--with-file-aio"_s,
    u"--with-libatomic"_s,
    u"--with-libatomic=/src/libatomic_ops"_s,
    u"--add-module=/src/echo"_s,
    u"--add-dynamic-module=/src/headers-more"_s,
    u"--with-http_ssl_module"_s,
    u"--with-http_stub_status_module"_s,
    u"--with-http_realip_module"_s,
    u"--with-http_auth_request_module"_s,
    u"--with-http_v2_module"_s,
    u"--with-http_v3_module"_s,
    u"--with-http_dav_module"_s,
    u"--with-http_slice_module"_s,
    u"--with-http_addition_module"_s,
    u"--with-http_flv_module"_s,
    u"--with-http_gunzip_module"_s,
    u"--with-http_gzip_static_module"_s,
    u"--with-http_mp4_module"_s,
    u"--with-http_random_index_module"_s,
    u"--with-http_secure_link_module"_s,
    u"--with-http_sub_module"_s,
    u"--with-mail_ssl_module"_s,
    u"--with-stream_ssl_module"_s,
    u"--with-stream_ssl_preread_module"_s,
    u"--with-stream_realip_module"_s,
    u"--with-http_geoip_module=dynamic"_s,
    u"--with-http_image_filter_module=dynamic"_s,
    u"--with-http_perl_module=dynamic"_s,
    u"--with-http_xslt_module=dynamic"_s,
    u"--with-mail=dynamic"_s,
    u"--with-stream=dynamic"_s,
    u"--with-stream_geoip_module=dynamic"_s,
    u"--with-mail"_s,
    u"--with-stream"_s,
    u"--without-http_rewrite_module"_s,
    u"--without-mail_pop3_module"_s,
    u"--without-http"_s,
    u"--without-http-cache"_s,
    u"--with-poll_module"_s,
    u"--with-select_module"_s,
    u"--without-poll_module"_s,
    u"--without-select_module"_s,
    u"--with-google_perftools_module"_s,
    u"--with-perl=/usr/bin/perl"_s,
    u"--with-perl_modules_path=/usr/lib/perl5"_s,
    u"--crossbuild=Linux:6.1.0:x86_64"_s,
    u"--test-build-epoll"_s,
};

} // namespace

class TestFakeNginxSource : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;
    int m_trees = 0;

    // Writes @p source, unpacks its tarball in a directory of its own: the tree's path.
    QString unpack(const FakeNginxSource &source)
    {
        const QString dir = m_temp.filePath(QString::number(++m_trees));
        QString error;
        const QString tarball = source.write(dir + u"/written"_s, &error);
        if (tarball.isEmpty()) {
            qWarning() << "write failed:" << error;
            return {};
        }
        QDir().mkpath(dir + u"/work"_s);
        const Result tar = run(dir + u"/work"_s, u"tar"_s, {u"xzf"_s, tarball});
        if (tar.exitCode != 0) {
            qWarning() << "tar xzf failed:" << tar.output;
            return {};
        }
        return dir + u"/work/nginx-"_s + source.version;
    }

    FakeNginxSource source() const
    {
        FakeNginxSource source;
        source.binary = binaryToBuild();
        return source;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        for (const QString &tool : {u"tar"_s, u"make"_s, u"sh"_s}) {
            if (QStandardPaths::findExecutable(tool).isEmpty()) {
                QSKIP(qPrintable(tool + u" is not installed"_s));
            }
        }
    }

    void writesAnNginxTree()
    {
        FakeNginxSource source = this->source();
        source.version = u"1.27.12"_s;
        const QString dir = m_temp.filePath(u"tree"_s);
        QString error;
        const QString tarball = source.write(dir, &error);
        QVERIFY2(!tarball.isEmpty(), qPrintable(error));
        QCOMPARE(tarball, dir + u"/nginx-1.27.12.tar.gz"_s);
        QVERIFY(QFileInfo(dir + u"/nginx-1.27.12/configure"_s).isExecutable());

        // One top directory.
        const Result list = run(dir, u"tar"_s, {u"tzf"_s, tarball});
        QCOMPARE(list.exitCode, 0);
        const QStringList entries = list.output.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(entries.size() > 5);
        for (const QString &entry : entries) {
            QVERIFY2(entry.startsWith(u"nginx-1.27.12/"_s), qPrintable(entry));
        }
        for (const QString &file : {u"configure"_s,
                                    u"README"_s,
                                    u"CHANGES"_s,
                                    u"LICENSE"_s,
                                    u"auto/options"_s,
                                    u"src/core/nginx.h"_s,
                                    u"src/core/nginx.c"_s}) {
            QVERIFY2(entries.contains(u"nginx-1.27.12/"_s + file), qPrintable(file));
        }

        const QString tree = unpack(source);
        QVERIFY(!tree.isEmpty());
        QVERIFY(QFileInfo(tree + u"/configure"_s).isExecutable());
        const QByteArray header = readAll(tree + u"/src/core/nginx.h"_s);
        QVERIFY2(header.contains("\n#define nginx_version      1027012\n#define NGINX_VERSION      \"1.27.12\"\n"),
                 header.constData());
        QVERIFY(header.contains("#define NGINX_VER          \"nginx/\" NGINX_VERSION\n"));

        // Written again over the old tree.
        source.version = u"1.27.12"_s;
        QCOMPARE(source.write(dir, &error), tarball);
    }

    void rejectsWhatItCannotWrite()
    {
        QString error;
        FakeNginxSource source = this->source();
        source.version = u"1.26"_s;
        QVERIFY(source.write(m_temp.filePath(u"bad"_s), &error).isEmpty());
        QVERIFY2(error.contains(u"1.26"_s), qPrintable(error));

        source = this->source();
        source.binary = m_temp.filePath(u"no-such-binary"_s);
        error.clear();
        QVERIFY(source.write(m_temp.filePath(u"bad"_s), &error).isEmpty());
        QVERIFY2(error.contains(u"no-such-binary"_s), qPrintable(error));

        source.binary.clear();
        QVERIFY(source.write(m_temp.filePath(u"bad"_s), nullptr).isEmpty());
    }

    void configureRecordsArgumentsExactly()
    {
        const QString tree = unpack(source());
        QVERIFY(!tree.isEmpty());
        const QStringList args = {
            u"--prefix=/usr/share/nginx"_s,
            u"--with-cc-opt=-O2 -DX=\"a b\" -DY='c'"_s,
            u"--with-ld-opt=-Wl,-z,relro $ORIGIN"_s,
            u"--add-module=/path with spaces/mod"_s,
            u"--conf-path=/etc/nginx/*.conf"_s,
            u"--http-log-path=/var/log/a\\b\\\\c\\n.log"_s,
            u"--with-openssl-opt=no-ssl3  enable-ec_nistp_64_gcc_128 "_s,
            u"--with-cpu-opt=a\tb"_s,
            u"--build=`id` $(id) ${HOME} %s %%"_s,
            u"--error-log-path=-e"_s,
            u"--user=-n"_s,
            u"--with-http_ssl_module"_s,
            u"--with-http_v3_module"_s,
            u"--with-stream=dynamic"_s,
        };
        const Result configure = run(tree, u"./configure"_s, args);
        QVERIFY2(configure.exitCode == 0, qPrintable(configure.output));

        QCOMPARE(QString::fromUtf8(readAll(tree + u"/objs/configure-arguments"_s)), args.join(u'\n') + u'\n');

        QString expected;
        for (const QString &arg : args) {
            expected += u' ' + nginxQuoted(arg);
        }
        expected.replace(u"\\"_s, u"\\\\"_s).replace(u"\""_s, u"\\\""_s);
        const QString config = QString::fromUtf8(readAll(tree + u"/objs/ngx_auto_config.h"_s));
        QCOMPARE(config.section(u'\n', 0, 0), u"#define NGX_CONFIGURE \"%1\""_s.arg(expected));
        QVERIFY(config.contains(u"--with-cc-opt='-O2 -DX=\\\"a b\\\" -DY='c''"_s));

        for (const QString &line : {u"checking for OS\n"_s,
                                    u"checking for C compiler ... found\n"_s,
                                    u"creating objs/Makefile\n"_s,
                                    u"Configuration summary\n"_s,
                                    u"  nginx path prefix: \"/usr/share/nginx\"\n"_s,
                                    u"  nginx configuration file: \"/etc/nginx/*.conf\"\n"_s}) {
            QVERIFY2(configure.output.contains(line), qPrintable(line + configure.output));
        }
        QVERIFY2(QRegularExpression(u"\n \\+ \\S+ \\S+ \\S+\n"_s).match(configure.output).hasMatch(),
                 qPrintable(configure.output));
        QVERIFY(QFileInfo::exists(tree + u"/objs/Makefile"_s));
        QVERIFY(QFileInfo::exists(tree + u"/Makefile"_s));
    }

    void configureWithoutArguments()
    {
        const QString tree = unpack(source());
        QVERIFY(!tree.isEmpty());
        const Result configure = run(tree, u"./configure"_s, {});
        QVERIFY2(configure.exitCode == 0, qPrintable(configure.output));
        QCOMPARE(readAll(tree + u"/objs/configure-arguments"_s), QByteArray());
        QVERIFY(readAll(tree + u"/objs/ngx_auto_config.h"_s).startsWith("#define NGX_CONFIGURE \"\"\n"));
    }

    void configureTakesNginxOptions()
    {
        const QString tree = unpack(source());
        QVERIFY(!tree.isEmpty());
        const Result configure = run(tree, u"./configure"_s, nginxOptions);
        QVERIFY2(configure.exitCode == 0, qPrintable(configure.output));
        QCOMPARE(QString::fromUtf8(readAll(tree + u"/objs/configure-arguments"_s)), nginxOptions.join(u'\n') + u'\n');

        const Result ipv6 = run(tree, u"./configure"_s, {u"--with-ipv6"_s});
        QCOMPARE(ipv6.exitCode, 0);
        QVERIFY2(ipv6.output.contains(u"./configure: warning: the \"--with-ipv6\" option is deprecated"_s),
                 qPrintable(ipv6.output));

        const Result help = run(tree, u"./configure"_s, {u"--help"_s});
        QCOMPARE(help.exitCode, 1);
        QVERIFY2(help.output.contains(u"--with-cc-opt=OPTIONS"_s), qPrintable(help.output));
    }

    void configureRejectsUnknownOptions_data()
    {
        QTest::addColumn<QString>("option");
        QTest::newRow("unknown") << u"--foo"_s;
        QTest::newRow("value of a flag") << u"--with-threads=posix"_s;
        QTest::newRow("flag of a value") << u"--prefix"_s;
        QTest::newRow("no dashes") << u"prefix=/usr"_s;
        QTest::newRow("module with a value") << u"--with-x=y_module"_s;
        QTest::newRow("module with a space") << u"--with-http ssl_module"_s;
        QTest::newRow("module, static only") << u"--without-http_gzip_module=dynamic"_s;
        QTest::newRow("modules") << u"--with-http_ssl_modules"_s;
        QTest::newRow("spaces") << u"--add-module =/x"_s;
    }

    void configureRejectsUnknownOptions()
    {
        QFETCH(QString, option);
        const QString tree = unpack(source());
        QVERIFY(!tree.isEmpty());
        const Result configure = run(tree, u"./configure"_s, {u"--with-http_ssl_module"_s, option});
        QCOMPARE(configure.exitCode, 1);
        QCOMPARE(configure.output, u"./configure: error: invalid option \"%1\"\n"_s.arg(option));
        QVERIFY(!QFileInfo::exists(tree + u"/Makefile"_s));
    }

    void makeBuildsTheBinary_data()
    {
        QTest::addColumn<QString>("jobs");
        QTest::newRow("-j1") << u"-j1"_s;
        QTest::newRow("-j2") << u"-j2"_s;
    }

    void makeBuildsTheBinary()
    {
        QFETCH(QString, jobs);
        const FakeNginxSource source = this->source();
        const QString tree = unpack(source);
        QVERIFY(!tree.isEmpty());
        const Result configure = run(tree, u"./configure"_s, nginxOptions.mid(0, 20));
        QVERIFY2(configure.exitCode == 0, qPrintable(configure.output));

        const Result make = run(tree, u"make"_s, {jobs});
        QVERIFY2(make.exitCode == 0, qPrintable(make.output));
        QVERIFY2(make.output.contains(u"cc -c "_s) && make.output.contains(u"src/core/nginx.c\n"_s),
                 qPrintable(make.output));
        QVERIFY2(make.output.contains(u"\ncc -o objs/nginx "_s), qPrintable(make.output));

        const QString built = tree + u"/objs/nginx"_s;
        const QByteArray expected = readAll(source.binary);
        QVERIFY(!expected.isEmpty());
        QVERIFY(readAll(built) == expected);
        QCOMPARE(QFileInfo(built).permissions() & 0x7077,
                 QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                     QFile::ReadOther | QFile::ExeOther);

        if (!qEnvironmentVariableIsEmpty("BATON_LAB_NGINX_NEW")) {
            const Result version = run(tree, built, {u"-v"_s});
            QCOMPARE(version.exitCode, 0);
            QVERIFY2(version.output.startsWith(u"nginx version: nginx/"_s), qPrintable(version.output));
        }

        // Built once: a second make has nothing to do.
        const Result again = run(tree, u"make"_s, {jobs});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(!again.output.contains(u"cc -o"_s), qPrintable(again.output));
    }

    void honoursBuilddir()
    {
        const QString tree = unpack(source());
        QVERIFY(!tree.isEmpty());
        const Result configure = run(tree, u"./configure"_s, {u"--builddir=out/nginx"_s});
        QVERIFY2(configure.exitCode == 0, qPrintable(configure.output));
        QVERIFY(configure.output.contains(u"creating out/nginx/Makefile\n"_s));
        QCOMPARE(readAll(tree + u"/out/nginx/configure-arguments"_s), QByteArray("--builddir=out/nginx\n"));
        const Result make = run(tree, u"make"_s, {u"-j2"_s});
        QVERIFY2(make.exitCode == 0, qPrintable(make.output));
        QVERIFY(QFileInfo(tree + u"/out/nginx/nginx"_s).isExecutable());
        QVERIFY(!QFileInfo::exists(tree + u"/objs"_s));

        const Result odd = run(tree, u"./configure"_s, {u"--builddir=a b"_s});
        QCOMPARE(odd.exitCode, 1);
        QVERIFY2(odd.output.contains(u"./configure: error:"_s), qPrintable(odd.output));
    }

    void failConfigure()
    {
        FakeNginxSource source = this->source();
        source.failConfigure = true;
        const QString tree = unpack(source);
        QVERIFY(!tree.isEmpty());
        const Result configure = run(tree, u"./configure"_s, {u"--with-http_ssl_module"_s});
        QCOMPARE(configure.exitCode, 1);
        QVERIFY2(configure.output.contains(u"checking for OS\n"_s), qPrintable(configure.output));
        QVERIFY2(configure.output.contains(u"checking for PCRE library ... not found\n"_s),
                 qPrintable(configure.output));
        QVERIFY2(
            configure.output.contains(u"\n./configure: error: the HTTP rewrite module requires the PCRE library.\n"
                                      "You can either disable the module by using --without-http_rewrite_module\n"_s),
            qPrintable(configure.output));
        QVERIFY(!configure.output.contains(u"Configuration summary"_s));
        QVERIFY(!QFileInfo::exists(tree + u"/Makefile"_s));
        QVERIFY(!QFileInfo::exists(tree + u"/objs/Makefile"_s));
    }

    void failMake()
    {
        FakeNginxSource source = this->source();
        source.failMake = true;
        const QString tree = unpack(source);
        QVERIFY(!tree.isEmpty());
        const Result configure = run(tree, u"./configure"_s, {u"--with-http_ssl_module"_s});
        QVERIFY2(configure.exitCode == 0, qPrintable(configure.output));
        const Result make = run(tree, u"make"_s, {u"-j2"_s});
        QCOMPARE(make.exitCode, 2);
        QVERIFY2(make.output.contains(u"src/core/nginx.c:42:1: error: expected ';' before '}' token\n"_s),
                 qPrintable(make.output));
        QVERIFY2(QRegularExpression(u"make\\[1\\]: \\*\\*\\* \\[objs/Makefile:\\d+: objs/src/core/nginx.o\\] Error 1"_s)
                     .match(make.output)
                     .hasMatch(),
                 qPrintable(make.output));
        QVERIFY(!QFileInfo::exists(tree + u"/objs/nginx"_s));
    }

    void makeInstallIsRefused()
    {
        const QString tree = unpack(source());
        QVERIFY(!tree.isEmpty());
        const Result configure = run(tree, u"./configure"_s, {u"--prefix=/usr"_s});
        QVERIFY2(configure.exitCode == 0, qPrintable(configure.output));
        for (const QStringList &args : {QStringList{u"install"_s},
                                        QStringList{u"-j2"_s, u"install"_s},
                                        QStringList{u"upgrade"_s},
                                        QStringList{u"-f"_s, u"objs/Makefile"_s, u"install"_s}}) {
            const Result install = run(tree, u"make"_s, args);
            QVERIFY2(install.exitCode != 0, qPrintable(install.output));
            QVERIFY2(install.output.contains(u"the fake source refuses make install"_s), qPrintable(install.output));
        }
        QVERIFY(!QFileInfo::exists(tree + u"/objs/nginx"_s));
    }

    void makeStreamsOutput()
    {
        FakeNginxSource source = this->source();
        source.makeSeconds = 1;
        const QString tree = unpack(source);
        QVERIFY(!tree.isEmpty());
        const Result configure = run(tree, u"./configure"_s, {});
        QVERIFY2(configure.exitCode == 0, qPrintable(configure.output));

        QProcess make;
        make.setWorkingDirectory(tree);
        make.setProcessChannelMode(QProcess::MergedChannels);
        make.start(u"make"_s, {u"-j2"_s});
        QVERIFY(make.waitForStarted(10000));
        QByteArray output;
        int chunksWhileRunning = 0;
        const QDeadlineTimer deadline(60000);
        while (make.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            if (make.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 10000)))) {
                const QByteArray chunk = make.readAll();
                if (!chunk.isEmpty() && make.state() == QProcess::Running) {
                    ++chunksWhileRunning;
                }
                output += chunk;
            }
        }
        QVERIFY2(make.state() == QProcess::NotRunning, "make did not finish in 60 s");
        output += make.readAll();
        QCOMPARE(make.exitStatus(), QProcess::NormalExit);
        QVERIFY2(make.exitCode() == 0, output.constData());
        QVERIFY2(chunksWhileRunning >= 2,
                 qPrintable(u"%1 chunks: %2"_s.arg(chunksWhileRunning).arg(QString::fromUtf8(output))));
        for (int i = 1; i <= 5; ++i) {
            QVERIFY2(output.contains(u"src/core/ngx_module_%1.c\n"_s.arg(i).toUtf8()), output.constData());
        }
        QVERIFY(!output.contains("ngx_module_6.c"));
        QVERIFY(readAll(tree + u"/objs/nginx"_s) == readAll(source.binary));
    }
};

QTEST_GUILESS_MAIN(TestFakeNginxSource)
#include "tst_fakenginxsource.moc"
