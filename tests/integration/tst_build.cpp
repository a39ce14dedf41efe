#include "buildcommands.h"
#include "fakenginxsource.h"
#include "hostbuild.h"
#include "hostupgrade.h"
#include "labfixture.h"
#include "labshell.h"
#include "remotehost.h"
#include "shellquote.h"
#include "transcript.h"
#include "upgradecommands.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>

using namespace Baton;
using namespace Qt::StringLiterals;
using LabShell::sh;

/**
 * Building nginx on lab hosts from a fake source tree that honours nginx's build interface
 * (tests/integration/fakenginxsource.h): real sshd, real detached processes, a real cut of
 * the SSH link, and the built binary through a real upgrade.
 */
class TestBuild : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    Inventory m_inventory;
    QTemporaryDir m_dir;
    QString m_oldArguments; ///< the running 1.22.1 master's arguments, shell-joined
    QStringList m_newArguments; ///< those of the 1.26.x binary the fake source "builds"
    int m_case = 0;

    const HostEntry &host(int index) const { return m_inventory.hosts.at(index); }

    struct Build
    {
        std::unique_ptr<SshRemoteHost> remote;
        std::unique_ptr<Transcript> transcript;
        std::unique_ptr<HostBuild> build;
        QStringList output; ///< configure's and make's lines
        QStringList progress;
        QString describe(const BuildReport &report) const
        {
            return report.message + u"\n"_s + report.details.join(u'\n') + u"\n--- progress:\n"_s +
                progress.join(u'\n') + u"\n--- output:\n"_s + output.join(u'\n');
        }
    };

    std::unique_ptr<Build> build(const HostEntry &entry, BuildSettings settings)
    {
        auto b = std::make_unique<Build>();
        b->remote = std::make_unique<SshRemoteHost>(LabShell::configOf(entry));
        b->transcript = std::make_unique<Transcript>(m_dir.filePath(u"transcripts"_s));
        // a work root of each case's own: lab hosts share one file system
        if (settings.workRoot.isEmpty()) {
            settings.workRoot = u"~/.cache/baton/test-builds/%1"_s.arg(++m_case);
        }
        b->build = std::make_unique<HostBuild>(entry, b->remote.get(), b->transcript.get(), settings);
        Build *raw = b.get();
        b->build->onOutput = [raw](const QString &line) { raw->output.append(line); };
        b->build->onProgress = [raw](const QString &line) { raw->progress.append(line); };
        return b;
    }

    QString tarball(const QString &name, const FakeNginxSource &source)
    {
        const QString directory = m_dir.filePath(name);
        QDir().mkpath(directory);
        QString error;
        const QString path = source.write(directory, &error);
        if (path.isEmpty()) {
            qWarning("%s", qPrintable(error));
        }
        return path;
    }

    FakeNginxSource source() const
    {
        FakeNginxSource fake;
        fake.version = m_inventory.lab->newVersion;
        fake.binary = qEnvironmentVariable("BATON_LAB_NGINX_NEW");
        return fake;
    }

    static bool passed(const QList<PreflightCheck> &checks, const QString &id)
    {
        return std::any_of(checks.begin(), checks.end(), [&id](const PreflightCheck &check) {
            return check.id == id && check.status == PreflightCheck::Status::Pass;
        });
    }

    static QString describe(const QList<PreflightCheck> &checks)
    {
        QStringList lines;
        for (const PreflightCheck &check : checks) {
            lines.append(PreflightCheck::statusName(check.status) + u" "_s + check.id + u": "_s + check.message);
        }
        return lines.join(u'\n');
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        QVERIFY(m_dir.isValid());
        const auto inventory = m_lab.up(u"build"_s, 3);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        m_inventory = *inventory;
        QString error;
        const auto newBuild = NginxBuild::parse(
            sh(host(0), shellJoin({qEnvironmentVariable("BATON_LAB_NGINX_NEW"), u"-V"_s}) + u" 2>&1"_s), &error);
        QVERIFY2(newBuild, qPrintable(error));
        m_newArguments = newBuild->configureArguments;
    }

    // The arguments come from the running master's nginx -V; edits change them
    void argumentsOfTheRunningBuild()
    {
        auto b = build(host(0), {});
        QString error;
        const std::optional<NginxBuild> running = b->build->runningBuild(&error);
        QVERIFY2(running, qPrintable(error));
        QCOMPARE(running->version.version.toString(), m_inventory.lab->oldVersion);
        QVERIFY(running->configureArguments.size() > 5);
        const std::optional<QStringList> arguments = b->build->configureArguments(&error);
        QVERIFY(arguments);
        QCOMPARE(*arguments, running->configureArguments);
        // the Debian build has --with-cc-opt with spaces: it comes through as one argument
        QVERIFY(std::any_of(arguments->begin(), arguments->end(), [](const QString &argument) {
            return argument.startsWith(u"--with-cc-opt="_s) && argument.contains(u' ');
        }));
    }

    // The preflight finds the compiler, make and disk on the lab host, and names the package
    // of a library the arguments need and the host lacks
    void preflight()
    {
        BuildSettings settings;
        settings.localSource = tarball(u"preflight"_s, source());
        settings.configureArguments = QStringList{u"--with-http_xslt_module"_s};
        auto b = build(host(0), settings);
        const QList<PreflightCheck> checks = b->build->preflight();
        for (const char *id : {"source", "arguments", "compiler", "make", "disk"}) {
            QVERIFY2(passed(checks, QString::fromLatin1(id)), qPrintable(describe(checks)));
        }
        const bool hasXslt = QFile::exists(u"/usr/include/libxslt/xslt.h"_s);
        const auto xslt = std::find_if(
            checks.begin(), checks.end(), [](const PreflightCheck &check) { return check.id == u"libxslt"; });
        QVERIFY2(xslt != checks.end(), qPrintable(describe(checks)));
        QCOMPARE(xslt->status == PreflightCheck::Status::Pass, hasXslt);
        if (!hasXslt) {
            QVERIFY2(xslt->message.contains(u"apt-get install"_s) && xslt->message.contains(u"libxslt1-dev"_s),
                     qPrintable(xslt->message));
        }
        // nothing was made on the host
        int status = -1;
        sh(host(0), u"[ -e ~/.cache/baton/test-builds/%1 ]"_s.arg(m_case), &status);
        QCOMPARE(status, 1);
    }

    // Every argument reaches configure byte for byte, spaces, quotes and all; a binary whose
    // -V shows other arguments is reported and not offered
    void exactArgumentsReachConfigure()
    {
        BuildSettings settings;
        settings.localSource = tarball(u"exact"_s, source());
        QStringList arguments = m_newArguments;
        arguments << u"--with-cc-opt=-O2 -DX=\"a b\" -DY='c' -DZ=\\$HOME"_s << u"--add-module=/opt/my modules/echo"_s
                  << u"--with-ld-opt=-Wl,-z,relro $ORIGIN `id`"_s;
        settings.configureArguments = arguments;
        auto b = build(host(0), settings);
        const BuildReport report = b->build->build();
        QVERIFY2(!report.ok, qPrintable(b->describe(report)));
        QVERIFY2(report.message.contains(u"other configure arguments"_s), qPrintable(b->describe(report)));
        QVERIFY(report.binary.isEmpty()); // not offered as a target
        const QString recorded =
            sh(host(0), u"cat "_s + shellQuote(QString(report.workDirectory + u"/src/objs/configure-arguments"_s)));
        QCOMPARE(recorded.split(u'\n'), arguments);
        // configure's output came through, announced by Baton's own line
        QVERIFY2(b->output.contains(u"baton: "_s + shellJoin(QStringList{u"./configure"_s} + arguments)),
                 qPrintable(b->output.join(u'\n')));
    }

    // make's output arrives while make runs, not all at the end
    void outputStreamsWhileBuilding()
    {
        FakeNginxSource fake = source();
        fake.makeSeconds = 3;
        BuildSettings settings;
        settings.localSource = tarball(u"stream"_s, fake);
        settings.configureArguments = m_newArguments;
        auto b = build(host(0), settings);
        QElapsedTimer timer;
        timer.start();
        qint64 firstCompile = -1;
        b->build->onOutput = [&](const QString &line) {
            b->output.append(line);
            if (firstCompile < 0 && line.startsWith(u"cc -c"_s)) {
                firstCompile = timer.elapsed();
            }
        };
        const BuildReport report = b->build->build();
        const qint64 finished = timer.elapsed();
        QVERIFY2(report.ok, qPrintable(b->describe(report)));
        QVERIFY2(firstCompile >= 0, qPrintable(b->output.join(u'\n')));
        // make compiled for 3 s after its first line: that line was seen at least 2 s before the end
        QVERIFY2(finished - firstCompile > 2000,
                 qPrintable(u"first compile line at %1 ms, done at %2 ms"_s.arg(firstCompile).arg(finished)));
        QCOMPARE(report.binary, report.workDirectory + u"/src/objs/nginx"_s);
        QCOMPARE(report.build->version.version.toString(), m_inventory.lab->newVersion);
        QCOMPARE(report.build->configureArguments, m_newArguments);
    }

    // A failing configure or make is reported with its error lines; nothing is staged and
    // nginx runs on as before
    void failuresAreReported_data()
    {
        QTest::addColumn<bool>("configure");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("errorLine");
        QTest::newRow("configure") << true << u"./configure failed"_s << u"./configure: error:"_s;
        QTest::newRow("make") << false << u"make failed"_s << u"error: expected"_s;
    }

    void failuresAreReported()
    {
        QFETCH(bool, configure);
        QFETCH(QString, message);
        QFETCH(QString, errorLine);
        const HostEntry &entry = host(1);
        const QString binarySha = sh(entry, UpgradeCommands::sha256(entry.nginx.binary));
        FakeNginxSource fake = source();
        fake.failConfigure = configure;
        fake.failMake = !configure;
        BuildSettings settings;
        settings.localSource = tarball(configure ? u"fail-configure"_s : u"fail-make"_s, fake);
        settings.configureArguments = m_newArguments;
        auto b = build(entry, settings);
        const BuildReport report = b->build->build();
        QVERIFY(!report.ok);
        QVERIFY2(report.message.contains(message), qPrintable(b->describe(report)));
        QVERIFY2(std::any_of(report.details.begin(),
                             report.details.end(),
                             [&errorLine](const QString &line) { return line.contains(errorLine); }),
                 qPrintable(b->describe(report)));
        QVERIFY(report.binary.isEmpty());
        int status = -1;
        sh(entry, u"[ -e "_s + shellQuote(QString(report.workDirectory + u"/src/objs/nginx"_s)) + u" ]"_s, &status);
        QCOMPARE(status, 1);
        // nginx is untouched: the same binary on disk, still running the old version
        QCOMPARE(sh(entry, UpgradeCommands::sha256(entry.nginx.binary)), binarySha);
        HostUpgrade look(entry, b->remote.get(), nullptr, {});
        const HostSnapshot snapshot = look.snapshot();
        QCOMPARE(phaseName(snapshot.phase()), u"running"_s);
        QCOMPARE(snapshot.masterVersion(), m_inventory.lab->oldVersion);
    }

    // The SSH link is cut while make runs: the build goes on on the host, and Baton follows it
    // again on a new connection, to the end, with the output in order
    void cutLinkDuringMake()
    {
        const HostEntry &entry = host(2);
        FakeNginxSource fake = source();
        fake.makeSeconds = 4;
        BuildSettings settings;
        settings.localSource = tarball(u"cut"_s, fake);
        settings.configureArguments = m_newArguments;
        auto b = build(entry, settings);
        std::atomic<bool> cut = false;
        std::thread killer;
        b->build->onOutput = [&](const QString &line) {
            b->output.append(line);
            if (!cut && line.startsWith(u"cc -c"_s)) {
                cut = true;
                // every sshd session but the killer's own: the connection following the log
                // dies (from a thread of its own: this runs on the SSH session's thread)
                killer = std::thread([&entry] {
                    sh(entry,
                       u"for p in $(pgrep -f '^sshd[-a-z]*: [a-z]*@notty'); do [ \"$p\" = \"$PPID\" ] || kill -KILL \"$p\"; done"_s);
                });
            }
        };
        const BuildReport report = b->build->build();
        if (killer.joinable()) {
            killer.join();
        }
        QVERIFY(cut);
        QVERIFY2(report.ok, qPrintable(b->describe(report)));
        QVERIFY2(std::any_of(b->progress.begin(),
                             b->progress.end(),
                             [](const QString &line) { return line.contains(u"connection broke"_s); }),
                 qPrintable(b->describe(report)));
        // the build was started once, and the lines came once each, in order: the log as the host has it
        const QString log = sh(entry, u"cat "_s + shellQuote(QString(report.workDirectory + u"/log"_s)));
        QCOMPARE(b->output.join(u'\n').trimmed(), log);
        QCOMPARE(log.count(u"baton: ./configure"_s), 1);
    }

    // The same build again is found, not run again; --rebuild-like settings run it again
    void sameBuildIsReused()
    {
        BuildSettings settings;
        settings.localSource = tarball(u"reuse"_s, source());
        settings.configureArguments = m_newArguments;
        settings.workRoot = u"~/.cache/baton/test-builds/reuse"_s;
        auto first = build(host(0), settings);
        const BuildReport built = first->build->build();
        QVERIFY2(built.ok, qPrintable(first->describe(built)));
        auto second = build(host(0), settings);
        const BuildReport again = second->build->build();
        QVERIFY2(again.ok, qPrintable(second->describe(again)));
        QCOMPARE(again.binary, built.binary);
        QVERIFY(second->output.isEmpty()); // nothing ran
        QString error;
        QVERIFY2(second->build->clean(&error), qPrintable(error));
        int status = -1;
        sh(host(0), u"[ -e "_s + shellQuote(built.workDirectory) + u" ]"_s, &status);
        QCOMPARE(status, 1);
    }

    // The source already on the host (a directory), built, then the result goes through a
    // normal upgrade: the host ends on the new version
    void builtBinaryUpgradesTheHost()
    {
        const HostEntry &entry = host(0);
        // a source directory on the host, readable by the login user
        const QString directory = u"/tmp/baton-build-source-%1"_s.arg(QCoreApplication::applicationPid());
        const QString tar = tarball(u"remote"_s, source());
        QVERIFY(!tar.isEmpty());
        QVERIFY(QDir().mkpath(directory));
        const auto removeDirectory = qScopeGuard([&directory] { QDir(directory).removeRecursively(); });
        QCOMPARE(QProcess::execute(u"tar"_s, {u"-xzf"_s, tar, u"-C"_s, directory, u"--strip-components=1"_s}), 0);
        QCOMPARE(QProcess::execute(u"chmod"_s, {u"-R"_s, u"a+rX"_s, directory}), 0);
        BuildSettings settings;
        settings.remoteSource = directory;
        settings.configureArguments = m_newArguments;
        auto b = build(entry, settings);
        const BuildReport report = b->build->build();
        QVERIFY2(report.ok, qPrintable(b->describe(report)));

        UpgradeSettings upgradeSettings;
        upgradeSettings.remoteTarget = report.binary;
        HostUpgrade upgrade(entry, b->remote.get(), b->transcript.get(), upgradeSettings);
        const StepReport upgraded = upgrade.runUntil(Phase::Running);
        QVERIFY2(upgraded.ok, qPrintable(upgraded.message + u"\n"_s + upgraded.details.join(u'\n')));
        const HostSnapshot after = upgrade.snapshot();
        QCOMPARE(phaseName(after.phase()), u"running"_s);
        QCOMPARE(after.masterVersion(), m_inventory.lab->newVersion);
        QCOMPARE(after.record.executableSha256.value(after.state.master->pid), report.sha256);
    }

    // Cancelled while make runs: the build stops on the host too, nothing is offered
    void cancelStopsTheBuildOnTheHost()
    {
        const HostEntry &entry = host(1);
        FakeNginxSource fake = source();
        fake.makeSeconds = 60;
        BuildSettings settings;
        settings.localSource = tarball(u"cancel"_s, fake);
        settings.configureArguments = m_newArguments;
        auto b = build(entry, settings);
        std::atomic<bool> cancelled = false;
        HostBuild *engine = b->build.get();
        b->build->onOutput = [&](const QString &line) {
            b->output.append(line);
            if (!cancelled && line.startsWith(u"cc -c"_s)) {
                cancelled = true;
                engine->cancel(); // thread-safe, as the GUI calls it
            }
        };
        QElapsedTimer timer;
        timer.start();
        const BuildReport report = b->build->build();
        QVERIFY(cancelled);
        QVERIFY2(!report.ok && report.message.contains(u"cancelled"_s), qPrintable(b->describe(report)));
        QVERIFY2(timer.elapsed() < 30000, "the cancel did not cut the 60 s make short");
        QVERIFY(report.binary.isEmpty());
        // no process of the build is left: make's group was stopped, and its exit is recorded
        const QString work = shellQuote(report.workDirectory);
        QCOMPARE(sh(entry, u"cat "_s + work + u"/rc"_s), u"130"_s);
        int status = -1;
        sh(entry, u"p=$(cat "_s + work + u"/pid); kill -0 \"$p\" 2>/dev/null"_s, &status);
        QCOMPARE(status, 1);
        // (the pattern's [b] keeps it from matching the shell that runs pgrep)
        sh(entry, u"pgrep -f "_s + shellQuote(QString(report.workDirectory + u"/[b]uild.sh"_s)), &status);
        QCOMPARE(status, 1);
    }

    // batonctl build: the arguments and their changes, then a build with --json
    void batonctl()
    {
        const QString inventory = m_lab.directory(u"build"_s) + u"/inventory.json"_s;
        auto shown = LabShell::batonctl({u"--inventory"_s,
                                         inventory,
                                         u"build"_s,
                                         u"--host"_s,
                                         host(1).name,
                                         u"--show-args"_s,
                                         u"--json"_s,
                                         u"--configure-arg"_s,
                                         u"--prefix=/apps/nginx"_s,
                                         u"--configure-arg"_s,
                                         u"--with-http_v3_module"_s,
                                         u"--drop-arg"_s,
                                         u"--with-debug"_s});
        QCOMPARE(shown.exitCode, 0);
        const QJsonArray changes =
            shown.json().value(u"hosts"_s).toArray().at(0).toObject().value(u"arguments"_s).toArray();
        QStringList kinds;
        for (const QJsonValue &change : changes) {
            const QJsonObject object = change.toObject();
            if (object.value(u"change"_s).toString() != u"same"_s) {
                kinds.append(object.value(u"change"_s).toString() + u" "_s + object.value(u"argument"_s).toString());
            }
        }
        QVERIFY2(kinds.contains(u"changed --prefix=/apps/nginx"_s), qPrintable(kinds.join(u'\n')));
        QVERIFY2(kinds.contains(u"added --with-http_v3_module"_s), qPrintable(kinds.join(u'\n')));
        QVERIFY2(kinds.contains(u"dropped --with-debug"_s), qPrintable(kinds.join(u'\n')));

        QStringList arguments{u"--inventory"_s,
                              inventory,
                              u"build"_s,
                              u"--host"_s,
                              host(0).name,
                              u"--json"_s,
                              u"--source"_s,
                              tarball(u"batonctl"_s, source()),
                              u"--work-dir"_s,
                              u"~/.cache/baton/test-builds/batonctl"_s,
                              u"--exact-args"_s};
        for (const QString &argument : std::as_const(m_newArguments)) {
            arguments << u"--configure-arg"_s << argument;
        }
        auto built = LabShell::batonctl(arguments);
        QCOMPARE(built.exitCode, 0);
        const QJsonObject result = built.json().value(u"hosts"_s).toArray().at(0).toObject();
        QVERIFY2(result.value(u"ok"_s).toBool(), built.out.constData());
        QCOMPARE(result.value(u"version"_s).toString(), m_inventory.lab->newVersion);
        const QString binary = result.value(u"binary"_s).toString();
        QVERIFY(binary.endsWith(u"/src/objs/nginx"_s));
        QCOMPARE(sh(host(0), UpgradeCommands::sha256(binary)), result.value(u"sha256"_s).toString());
    }

    void cleanupTestCase()
    {
        if (!m_inventory.hosts.isEmpty()) {
            sh(host(0), u"rm -rf ~/.cache/baton/test-builds"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestBuild)
#include "tst_build.moc"
