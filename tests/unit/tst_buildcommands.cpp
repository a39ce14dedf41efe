#include "buildcommands.h"
#include "hostbuild.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

// The pure parts of building on the host: the build script's quoting (run for real with
// /bin/sh), editing and comparing configure arguments, and reading the work directory's state.
class TestBuildCommands : public QObject
{
    Q_OBJECT

    static QString kinds(const QList<ArgumentChange> &changes)
    {
        QStringList out;
        for (const ArgumentChange &change : changes) {
            const char *kind = change.kind == ArgumentChange::Kind::Same ? "="
                : change.kind == ArgumentChange::Kind::Added             ? "+"
                : change.kind == ArgumentChange::Kind::Dropped           ? "-"
                                                                         : "~";
            out.append(QString::fromLatin1(kind) + change.argument +
                       (change.previous.isEmpty() ? QString() : u" (was "_s + change.previous + u')'));
        }
        return out.join(u" | "_s);
    }

private Q_SLOTS:
    // The script hands configure exactly the arguments, whatever they hold, and runs make
    void scriptPassesArgumentsExactly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(u"src"_s));
        QFile configure(dir.filePath(u"src/configure"_s));
        QVERIFY(configure.open(QIODevice::WriteOnly));
        configure.write("#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\"; done\n");
        configure.close();
        configure.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile makefile(dir.filePath(u"src/Makefile"_s));
        QVERIFY(makefile.open(QIODevice::WriteOnly));
        makefile.write("default:\n\t@echo made\n");
        makefile.close();
        const QStringList arguments{u"--prefix=/apps/nginx"_s,
                                    u"--with-cc-opt=-O2 -DX=\"a b\" -DY='c'"_s,
                                    u"--with-ld-opt=$ORIGIN `id` $(id) \\n *"_s,
                                    u"--add-module=/opt/my modules/echo"_s};
        QFile script(dir.filePath(u"build.sh"_s));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(BuildCommands::script(arguments, 3).toUtf8());
        script.close();
        QProcess sh;
        sh.start(u"/bin/sh"_s, {script.fileName()});
        QVERIFY(sh.waitForFinished(30000));
        QCOMPARE(sh.exitCode(), 0);
        QStringList lines = QString::fromUtf8(sh.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 7, qPrintable(lines.join(u'\n')));
        QVERIFY(lines.takeFirst().startsWith(u"baton: ./configure --prefix=/apps/nginx"_s));
        for (const QString &argument : arguments) {
            QCOMPARE(lines.takeFirst(), u"["_s + argument + u"]"_s);
        }
        QCOMPARE(lines.takeFirst(), u"baton: make -j3"_s);
        QCOMPARE(lines.takeFirst(), u"made"_s);
    }

    void editArguments_data()
    {
        QTest::addColumn<QStringList>("set");
        QTest::addColumn<QStringList>("drop");
        QTest::addColumn<QStringList>("expected");
        const QStringList base{u"--prefix=/usr/share/nginx"_s,
                               u"--with-http_ssl_module"_s,
                               u"--add-module=/src/a"_s,
                               u"--with-cc-opt=-O2"_s};
        QTest::newRow("nothing") << QStringList() << QStringList() << base;
        QTest::newRow("a value replaces the option") << QStringList{u"--prefix=/apps/nginx"_s} << QStringList()
                                                     << QStringList{u"--prefix=/apps/nginx"_s,
                                                                    u"--with-http_ssl_module"_s,
                                                                    u"--add-module=/src/a"_s,
                                                                    u"--with-cc-opt=-O2"_s};
        QTest::newRow("a module is added once") << QStringList{u"--with-http_v2_module"_s, u"--with-http_ssl_module"_s}
                                                << QStringList() << base + QStringList{u"--with-http_v2_module"_s};
        QTest::newRow("--add-module adds another")
            << QStringList{u"--add-module=/src/b"_s} << QStringList() << base + QStringList{u"--add-module=/src/b"_s};
        QTest::newRow("drop by name and by text")
            << QStringList() << QStringList{u"--with-cc-opt"_s, u"--add-module=/src/a"_s}
            << QStringList{u"--prefix=/usr/share/nginx"_s, u"--with-http_ssl_module"_s};
    }

    void editArguments()
    {
        QFETCH(QStringList, set);
        QFETCH(QStringList, drop);
        QFETCH(QStringList, expected);
        const QStringList base{u"--prefix=/usr/share/nginx"_s,
                               u"--with-http_ssl_module"_s,
                               u"--add-module=/src/a"_s,
                               u"--with-cc-opt=-O2"_s};
        QCOMPARE(HostBuild::editArguments(base, set, drop), expected);
    }

    void compareArguments()
    {
        const QStringList running{u"--prefix=/usr"_s, u"--with-debug"_s, u"--with-http_ssl_module"_s};
        const QStringList edited{u"--prefix=/apps"_s, u"--with-http_ssl_module"_s, u"--with-http_v3_module"_s};
        QCOMPARE(kinds(HostBuild::compareArguments(running, edited)),
                 u"~--prefix=/apps (was --prefix=/usr) | =--with-http_ssl_module | +--with-http_v3_module | "
                 "---with-debug"_s);
        QCOMPARE(kinds(HostBuild::compareArguments(running, running)),
                 u"=--prefix=/usr | =--with-debug | =--with-http_ssl_module"_s);
    }

    // The work directory is named by the source and the arguments, all of them, in order
    void workId()
    {
        const QString id = HostBuild::workId(u"abc"_s, {u"--a"_s, u"--b"_s});
        QCOMPARE(id, HostBuild::workId(u"abc"_s, {u"--a"_s, u"--b"_s}));
        QVERIFY(id.startsWith(u"nginx-"_s));
        QVERIFY(id != HostBuild::workId(u"abc"_s, {u"--b"_s, u"--a"_s}));
        QVERIFY(id != HostBuild::workId(u"abd"_s, {u"--a"_s, u"--b"_s}));
        QVERIFY(HostBuild::workId(u"x"_s, {u"--a --b"_s}) != HostBuild::workId(u"x"_s, {u"--a"_s, u"--b"_s}));
    }

    void workState()
    {
        BuildCommands::WorkState state = BuildCommands::WorkState::parse(
            u"work /home/ops/.cache/baton/builds/nginx-1\nrc 2\nversion 1.26.3\nfree 12345\n"_s);
        QCOMPARE(state.directory, u"/home/ops/.cache/baton/builds/nginx-1"_s);
        QCOMPARE(state.exitStatus, 2);
        QCOMPARE(state.version, u"1.26.3"_s);
        QCOMPARE(state.freeKilobytes, 12345);
        QCOMPARE(state.runningPid, 0);
        state = BuildCommands::WorkState::parse(u"work /w\nrunning 4242\ncancelled\n"_s);
        QVERIFY(!state.exitStatus);
        QCOMPARE(state.runningPid, 4242);
        QVERIFY(state.cancelled);
    }

    void versionFromHeader()
    {
        QCOMPARE(BuildCommands::versionFromHeader(
                     u"#define nginx_version      1026003\n#define NGINX_VERSION      \"1.26.3\"\n"_s),
                 u"1.26.3"_s);
        QCOMPARE(BuildCommands::versionFromHeader(u"nothing here"_s), QString());
    }

    void pathWord()
    {
        QCOMPARE(BuildCommands::pathWord(u"~/src/nginx 1.26"_s), u"\"$HOME\"/'src/nginx 1.26'"_s);
        QCOMPARE(BuildCommands::pathWord(u"/opt/src"_s), u"/opt/src"_s);
    }
};

QTEST_GUILESS_MAIN(TestBuildCommands)
#include "tst_buildcommands.moc"
