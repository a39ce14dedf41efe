#include "buildcommands.h"
#include "hostbuild.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
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

    // start() and follow() run by /bin/sh here: the log comes whole and in order, then the
    // build's exit status; with GNU tail (-f --pid) and with the loop for other tails
    void followPrintsTheLogThenTheStatus_data()
    {
        QTest::addColumn<bool>("gnuTail");
        QTest::newRow("GNU tail") << true;
        QTest::newRow("another tail") << false;
    }

    void followPrintsTheLogThenTheStatus()
    {
        QFETCH(bool, gnuTail);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString work = dir.filePath(u"work"_s);
        QVERIFY(QDir().mkpath(work));
        QFile script(work + u"/build.sh"_s);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\ni=0\nwhile [ $i -lt 12 ]; do i=$((i + 1)); echo \"line $i\"; sleep 0.1; done\n"
                     "printf 'no newline at the end'\nexit 3\n");
        script.close();
        // a tail that is not GNU's, for the loop: it says so when asked its version
        QVERIFY(QDir().mkpath(dir.filePath(u"bin"_s)));
        QFile shim(dir.filePath(u"bin/tail"_s));
        QVERIFY(shim.open(QIODevice::WriteOnly));
        shim.write("#!/bin/sh\n[ \"$1\" = --version ] && { echo 'tail (BusyBox) multi-call binary'; exit 0; }\n"
                   "exec /usr/bin/tail \"$@\"\n");
        shim.close();
        shim.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!gnuTail) {
            environment.insert(u"PATH"_s, dir.filePath(u"bin"_s) + u':' + environment.value(u"PATH"_s));
        }
        const auto sh = [&environment](const QString &command, QByteArray *out = nullptr) {
            QProcess process;
            process.setProcessEnvironment(environment);
            process.start(u"/bin/sh"_s, {u"-c"_s, command});
            process.waitForFinished(30000);
            if (out) {
                *out = process.readAllStandardOutput();
            }
            return process.exitCode();
        };
        QByteArray pid;
        QCOMPARE(sh(BuildCommands::start(work), &pid), 0);
        QVERIFY(pid.trimmed().toLongLong() > 0);
        // a second start while it runs is refused
        QCOMPARE(sh(BuildCommands::start(work)), 23);
        QByteArray followed;
        QCOMPARE(sh(BuildCommands::follow(work, 0), &followed), 3);
        QFile log(work + u"/log"_s);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray whole = log.readAll();
        QCOMPARE(followed, whole);
        QVERIFY(whole.startsWith("line 1\nline 2\n"));
        QVERIFY(whole.endsWith("line 12\nno newline at the end"));
        // from an offset, after the end: the rest, and the status again
        QCOMPARE(sh(BuildCommands::follow(work, 7), &followed), 3);
        QCOMPARE(followed, whole.mid(7));
        QByteArray state;
        sh(BuildCommands::prepare(dir.path(), u"work"_s), &state);
        QCOMPARE(BuildCommands::WorkState::parse(QString::fromUtf8(state)).exitStatus, 3);
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
