#include "inventory.h"
#include "labfixture.h"
#include "labprocess.h"
#include "shellquote.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
};

Result run(const QString &program, const QStringList &args, const QByteArray &input = {}, int timeoutMs = 120000)
{
    QProcess process;
    process.start(program, args);
    Result result;
    if (!process.waitForStarted(10000)) {
        result.err = process.errorString();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

// The lab as DESIGN.md §6 and the foundation issue describe it, checked with OpenSSH's own
// client: real sshd, real nginx, real processes.
class TestLab : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    QString m_oldNginx;
    QString m_newNginx;

    Result batonctl(const QStringList &args) { return run(QStringLiteral(BATONCTL_PATH), args); }

    // A lab tied to this test process: should the test crash, the hosts stop.
    std::optional<Inventory> labUp(const QString &name, int hosts, const QStringList &extra = {})
    {
        auto inventory = m_lab.up(name, hosts, extra);
        if (!inventory) {
            qWarning("lab up failed: %s", qPrintable(m_lab.lastError()));
            return std::nullopt;
        }
        if (m_lab.lastOutput().trimmed() != m_lab.directory(name) + u"/inventory.json"_s) {
            qWarning("lab up printed %s", qPrintable(m_lab.lastOutput()));
            return std::nullopt;
        }
        return inventory;
    }

    static QStringList sshArgs(const HostEntry &host, const QString &user, const QString &command)
    {
        return {u"-F"_s,
                u"/dev/null"_s,
                u"-i"_s,
                host.identityFile,
                u"-o"_s,
                u"IdentitiesOnly=yes"_s,
                u"-o"_s,
                u"UserKnownHostsFile="_s + host.knownHostsFile,
                u"-o"_s,
                u"StrictHostKeyChecking=yes"_s,
                u"-o"_s,
                u"BatchMode=yes"_s,
                u"-o"_s,
                u"ConnectTimeout=10"_s,
                u"-p"_s,
                QString::number(host.port),
                user + u"@"_s + host.address,
                command};
    }

    static Result ssh(const HostEntry &host, const QString &command, const QByteArray &input = {})
    {
        return run(u"ssh"_s, sshArgs(host, host.user, command), input);
    }

    static QByteArray httpGet(int port, const QByteArray &path)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(port));
        if (!socket.waitForConnected(5000)) {
            return {};
        }
        socket.write("GET " + path + " HTTP/1.0\r\nHost: lab\r\n\r\n");
        QByteArray response;
        while (socket.waitForReadyRead(5000)) {
            response += socket.readAll();
        }
        return response + socket.readAll();
    }

    static int masterCount(const QString &ps)
    {
        return int(ps.count(
            QRegularExpression(u"^\\s*\\d+\\s+nginx: master process "_s, QRegularExpression::MultilineOption)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        m_oldNginx = qEnvironmentVariable("BATON_LAB_NGINX_OLD");
        m_newNginx = qEnvironmentVariable("BATON_LAB_NGINX_NEW");
    }

    void threeHostsAnswerOverOpenSsh()
    {
        const auto inventory = labUp(u"three"_s, 3);
        QVERIFY(inventory);
        QCOMPARE(inventory->hosts.size(), 3);
        QVERIFY(inventory->lab);
        QCOMPARE(inventory->lab->oldVersion, u"1.22.1"_s);
        QVERIFY(inventory->lab->newVersion.startsWith(u"1.26."_s));

        QSet<int> ports;
        for (const HostEntry &host : inventory->hosts) {
            ports << host.port << host.httpPort;
            const Result result =
                ssh(host, host.nginx.binary + u" -v; hostname; cat "_s + host.nginx.pidFile + u"; ps -eo pid,args"_s);
            QVERIFY2(result.exitCode == 0, qPrintable(result.err));
            QVERIFY2(result.err.contains(u"nginx version: nginx/1.22.1"_s), qPrintable(result.err));
            const QStringList lines = result.out.split(u'\n');
            if (inventory->lab->pidNamespaces) {
                // A separate server: its own hostname, and only its own processes.
                QCOMPARE(lines.value(0), host.name);
                QCOMPARE(masterCount(result.out), 1);
            }
            // The pid file names the master that ps shows.
            const QString masterPid = lines.value(inventory->lab->pidNamespaces ? 1 : 0).trimmed();
            QVERIFY(QRegularExpression(u"^\\s*"_s + masterPid + u"\\s+nginx: master process "_s,
                                       QRegularExpression::MultilineOption)
                        .match(result.out)
                        .hasMatch());
            // The upgrade target waits on the host's disk.
            const Result target = ssh(host, host.nginx.targetBinary + u" -v"_s);
            QVERIFY2(target.err.contains(u"nginx version: nginx/"_s + inventory->lab->newVersion),
                     qPrintable(target.err));
        }
        QCOMPARE(ports.size(), 6); // every sshd and nginx on a port of its own
    }

    void nginxServesPageAndStatus()
    {
        QString error;
        const auto inventory = Inventory::load(m_lab.directory(u"three/inventory.json"_s), &error);
        QVERIFY2(inventory, qPrintable(error));
        for (const HostEntry &host : inventory->hosts) {
            const QByteArray page = httpGet(host.httpPort, "/");
            QVERIFY2(page.startsWith("HTTP/1.1 200 OK"), page.constData());
            QVERIFY(page.contains(QByteArray("Baton lab host " + host.name.toUtf8())));
            QVERIFY(page.contains("nginx 1.22.1"));
            const QByteArray status = httpGet(host.httpPort, "/nginx_status");
            QVERIFY2(status.contains("Active connections:"), status.constData());
        }
    }

    void strictHostKeyCheckingRejectsUnknownKey()
    {
        QString error;
        const auto inventory = Inventory::load(m_lab.directory(u"three/inventory.json"_s), &error);
        QVERIFY2(inventory, qPrintable(error));
        HostEntry host = inventory->hosts.first();
        const QString empty = m_lab.directory(u"empty_known_hosts"_s);
        QFile(empty).open(QIODevice::WriteOnly);
        host.knownHostsFile = empty;
        const Result result = ssh(host, u"true"_s);
        QCOMPARE(result.exitCode, 255);
        QVERIFY2(result.err.contains(u"Host key verification failed"_s), qPrintable(result.err));
        // and the key of one host does not vouch for another
        HostEntry other = inventory->hosts.at(1);
        QFile known(empty);
        QVERIFY(known.open(QIODevice::WriteOnly));
        QFile lab(inventory->knownHostsFile);
        QVERIFY(lab.open(QIODevice::ReadOnly));
        QByteArray firstLine = lab.readLine(); // lab-1's key, under lab-1's port
        known.write(
            firstLine.replace(QByteArray::number(inventory->hosts.first().port), QByteArray::number(other.port)));
        known.close();
        other.knownHostsFile = empty;
        const Result mismatch = ssh(other, u"true"_s);
        QCOMPARE(mismatch.exitCode, 255);
        QVERIFY2(mismatch.err.contains(u"REMOTE HOST IDENTIFICATION HAS CHANGED"_s), qPrintable(mismatch.err));
    }

    void sudoAccountNeedsItsPassword()
    {
        QString error;
        const auto inventory = Inventory::load(m_lab.directory(u"three/inventory.json"_s), &error);
        QVERIFY2(inventory, qPrintable(error));
        if (geteuid() != 0) {
            QSKIP("the lab creates its sudo account only when run as root");
        }
        QCOMPARE(inventory->lab->sudoUser, u"batonlab"_s);
        QFile passwordFile(inventory->lab->sudoPasswordFile);
        QVERIFY(passwordFile.open(QIODevice::ReadOnly));
        QCOMPARE(int(passwordFile.permissions() & (QFile::ReadOther | QFile::ReadGroup)), 0);
        const QByteArray password = passwordFile.readAll().trimmed();
        QVERIFY(password.size() >= 16);

        const HostEntry &host = inventory->hosts.first();
        const auto asOperator = [&host](const QString &command, const QByteArray &input = {}) {
            return run(u"ssh"_s, sshArgs(host, u"batonlab"_s, command), input);
        };
        const Result id = asOperator(u"id -un"_s);
        QCOMPARE(id.out.trimmed(), u"batonlab"_s);
        const Result noPassword = asOperator(u"sudo -n true"_s);
        QVERIFY(noPassword.exitCode != 0);
        QVERIFY2(noPassword.err.contains(u"a password is required"_s), qPrintable(noPassword.err));
        const Result wrong = asOperator(u"sudo -S -p BATON-PROMPT: true"_s, "not-the-password\n");
        QVERIFY(wrong.exitCode != 0);
        const Result right = asOperator(u"sudo -S -p BATON-PROMPT: "_s + host.nginx.binary + u" -t -p "_s +
                                            host.nginx.prefix + u" -c "_s + host.nginx.configFile,
                                        password + '\n');
        QVERIFY2(right.exitCode == 0, qPrintable(right.err));
        QVERIFY2(right.err.contains(u"test is successful"_s), qPrintable(right.err));
        QVERIFY2(!right.err.contains(u"unable to resolve host"_s), qPrintable(right.err));
    }

    // A real signal through a real login: HUP makes nginx start new workers.
    void signalsReachTheMaster()
    {
        QString error;
        const auto inventory = Inventory::load(m_lab.directory(u"three/inventory.json"_s), &error);
        QVERIFY2(inventory, qPrintable(error));
        const HostEntry &host = inventory->hosts.at(2);
        const QString workers = u"ps -eo ppid=,pid=,args= | awk -v m=$(cat "_s + host.nginx.pidFile +
            u") '$1 == m && /worker process$/ {print $2}' | sort"_s;
        const Result before = ssh(host, workers);
        QCOMPARE(before.out.split(u'\n', Qt::SkipEmptyParts).size(), 2);
        const Result reload = ssh(host, u"kill -HUP $(cat "_s + host.nginx.pidFile + u")"_s);
        QCOMPARE(reload.exitCode, 0);
        // New workers replace the old ones; the old ones drain and exit.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QStringList now = ssh(host, workers).out.split(u'\n', Qt::SkipEmptyParts);
                const QStringList old = before.out.split(u'\n', Qt::SkipEmptyParts);
                return now.size() == 2 && !now.contains(old.first()) && !now.contains(old.last());
            }(),
            15000);
    }

    // The whole manual procedure (DESIGN.md §1) by hand over OpenSSH, on a lab host: the
    // lab must behave like a server for a real 1.22.1 -> 1.26.x binary upgrade, and its init
    // must reap the old master at once (a zombie would look alive).
    void manualHotUpgradeWorks()
    {
        QString error;
        const auto inventory = Inventory::load(m_lab.directory(u"three/inventory.json"_s), &error);
        QVERIFY2(inventory, qPrintable(error));
        const HostEntry &host = inventory->hosts.at(1);
        const QString bin = shellQuote(host.nginx.binary);
        const QString pidFile = shellQuote(host.nginx.pidFile);
        const QString oldbin = shellQuote(QString(host.nginx.pidFile + u".oldbin"_s));
        const auto out = [&host](const QString &command) { return ssh(host, command).out.trimmed(); };

        const QString oldMaster = out(u"cat "_s + pidFile);
        QVERIFY(!oldMaster.isEmpty());
        const Result stage = ssh(host,
                                 u"cp "_s + shellQuote(host.nginx.targetBinary) + u" "_s + bin + u".new && mv -f "_s +
                                     bin + u".new "_s + bin + u" && "_s + bin + u" -t -p "_s +
                                     shellQuote(host.nginx.prefix) + u" -c "_s + shellQuote(host.nginx.configFile));
        QVERIFY2(stage.exitCode == 0, qPrintable(stage.err));
        QVERIFY2(stage.err.contains(u"test is successful"_s), qPrintable(stage.err));

        QCOMPARE(ssh(host, u"kill -USR2 "_s + oldMaster).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(out(u"cat "_s + oldbin + u" 2>/dev/null"_s), oldMaster, 10000);
        QString newMaster;
        QTRY_VERIFY_WITH_TIMEOUT((newMaster = out(u"cat "_s + pidFile)) != oldMaster && !newMaster.isEmpty(), 10000);
        QCOMPARE(out(u"ps -o ppid= -p "_s + newMaster), oldMaster); // the new master is the old one's child
        const QString workersOf = u"ps -eo ppid=,args= | awk -v m=%1 '$1 == m && /worker process/' | wc -l"_s;
        QTRY_COMPARE_WITH_TIMEOUT(out(workersOf.arg(newMaster)), u"2"_s, 10000);

        QCOMPARE(ssh(host, u"kill -WINCH "_s + oldMaster).exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(out(workersOf.arg(oldMaster)), u"0"_s, 10000);
        QCOMPARE(ssh(host, u"kill -QUIT "_s + oldMaster).exitCode, 0);
        // Gone entirely, not a zombie; .oldbin removed; the new build serves.
        QTRY_COMPARE_WITH_TIMEOUT(out(u"ps -o stat= -p "_s + oldMaster + u" || echo gone"_s), u"gone"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            out(u"test -e "_s + oldbin + u" && echo present || echo absent"_s), u"absent"_s, 10000);
        QVERIFY(httpGet(host.httpPort, "/").contains(QByteArray("nginx " + inventory->lab->newVersion.toUtf8())));
        const Result version = ssh(host, u"/proc/"_s + newMaster + u"/exe -v"_s);
        QVERIFY2(version.err.contains(inventory->lab->newVersion), qPrintable(version.err));
    }

    // A second `lab up` on the same directory stops what the first one left running,
    // as after a crash of the app that started it.
    void upAgainCleansUpFirst()
    {
        const QString dir = m_lab.directory(u"three"_s);
        const QList<LabProcess> before = LabProcess::underDirectory(dir);
        // per host at least: init, sshd, master, 2 workers
        QVERIFY2(before.size() >= 15, qPrintable(u"%1 lab processes"_s.arg(before.size())));
        const auto inventory = labUp(u"three"_s, 2);
        QVERIFY(inventory);
        for (const LabProcess &process : before) {
            QVERIFY2(!process.isAlive(), qPrintable(u"pid %1 survived"_s.arg(process.pid)));
        }
        QCOMPARE(inventory->hosts.size(), 2);
        QVERIFY(httpGet(inventory->hosts.first().httpPort, "/").startsWith("HTTP/1.1 200 OK"));
    }

    void sharedProcessTableWithoutNamespaces()
    {
        const auto inventory = labUp(u"shared"_s, 2, {u"--no-pid-namespaces"_s, u"--no-sudo-account"_s});
        QVERIFY(inventory);
        QVERIFY(!inventory->lab->pidNamespaces);
        const HostEntry &host = inventory->hosts.first();
        const Result ps = ssh(host, u"ps -eo pid,args"_s);
        QVERIFY2(ps.exitCode == 0, qPrintable(ps.err));
        // Several instances on one machine: the pid file tells this host's master apart.
        QVERIFY(masterCount(ps.out) >= 2);
        const Result pid = ssh(host, u"cat "_s + host.nginx.pidFile);
        QVERIFY(ps.out.contains(pid.out.trimmed() + u" nginx: master process "_s + host.nginx.binary));
        const Result down = batonctl({u"lab"_s, u"down"_s, u"--dir"_s, m_lab.directory(u"shared"_s)});
        QCOMPARE(down.exitCode, 0);
        QVERIFY(LabProcess::underDirectory(m_lab.directory(u"shared"_s)).isEmpty());
    }

    // An ordinary user gets a lab too: no namespaces, sshd and nginx under that user.
    void labOfANonRootUser()
    {
        if (geteuid() != 0 || !getpwnam("batonlab") || QStandardPaths::findExecutable(u"runuser"_s).isEmpty()) {
            QSKIP("needs root, runuser and the lab's batonlab account (made by a root lab earlier in this test)");
        }
        const QString parent = m_lab.directory(u"user"_s);
        QVERIFY(QDir().mkpath(parent));
        QCOMPARE(run(u"chown"_s, {u"batonlab"_s, parent}).exitCode, 0);
        const QString dir = parent + u"/lab"_s;
        m_lab.adopt(u"user/lab"_s);
        const auto asUser = [](const QStringList &command) {
            return run(u"runuser"_s, QStringList{u"-u"_s, u"batonlab"_s, u"--"_s} + command);
        };
        const Result up = asUser({QStringLiteral(BATONCTL_PATH),
                                  u"lab"_s,
                                  u"up"_s,
                                  u"--hosts"_s,
                                  u"2"_s,
                                  u"--dir"_s,
                                  dir,
                                  u"--old-nginx"_s,
                                  m_oldNginx,
                                  u"--new-nginx"_s,
                                  m_newNginx});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QString error;
        const auto inventory = Inventory::load(dir + u"/inventory.json"_s, &error);
        QVERIFY2(inventory, qPrintable(error));
        QVERIFY(!inventory->lab->pidNamespaces);
        QVERIFY(inventory->lab->sudoUser.isEmpty());
        const HostEntry &host = inventory->hosts.first();
        QCOMPARE(host.user, u"batonlab"_s);
        const Result ps = asUser(QStringList{u"ssh"_s} +
                                 sshArgs(host, host.user, u"ps -o user= -p $(cat "_s + host.nginx.pidFile + u")"_s));
        QVERIFY2(ps.exitCode == 0, qPrintable(ps.err));
        QCOMPARE(ps.out.trimmed(), u"batonlab"_s);
        const Result down = asUser({QStringLiteral(BATONCTL_PATH), u"lab"_s, u"down"_s, u"--dir"_s, dir});
        QVERIFY2(down.exitCode == 0, qPrintable(down.err));
        QVERIFY(LabProcess::underDirectory(dir).isEmpty());
    }

    void tenHosts()
    {
        QElapsedTimer timer;
        timer.start();
        const auto inventory = labUp(u"ten"_s, 10);
        QVERIFY(inventory);
        qInfo("10 hosts up in %.1f s", double(timer.elapsed()) / 1000.0);
        QCOMPARE(inventory->hosts.size(), 10);
        for (const HostEntry &host : inventory->hosts) {
            QVERIFY(httpGet(host.httpPort, "/").startsWith("HTTP/1.1 200 OK"));
        }
        const Result last = ssh(inventory->hosts.last(), u"hostname"_s);
        QCOMPARE(last.exitCode, 0);
    }

    void downLeavesNothing()
    {
        for (const QString &name : {u"three"_s, u"ten"_s}) {
            const QString dir = m_lab.directory(name);
            QString error;
            const auto inventory = Inventory::load(dir + u"/inventory.json"_s, &error);
            QVERIFY2(inventory, qPrintable(error));
            QVERIFY(!LabProcess::underDirectory(dir).isEmpty());
            const Result down = batonctl({u"lab"_s, u"down"_s, u"--dir"_s, dir});
            QVERIFY2(down.exitCode == 0, qPrintable(down.err));
            QVERIFY(LabProcess::underDirectory(dir).isEmpty());
            for (const HostEntry &host : inventory->hosts) {
                for (int port : {host.port, host.httpPort}) {
                    QTcpSocket socket;
                    socket.connectToHost(QHostAddress::LocalHost, quint16(port));
                    QVERIFY2(!socket.waitForConnected(1000), qPrintable(u"port %1 still answers"_s.arg(port)));
                }
            }
            QVERIFY(!QFile::exists(dir + u"/inventory.json"_s));
        }
    }

    void clearErrors()
    {
        const Result noDir = batonctl({u"lab"_s, u"up"_s, u"--hosts"_s, u"1"_s});
        QCOMPARE(noDir.exitCode, 1);
        QVERIFY(noDir.err.contains(u"--dir DIR is required"_s));
        const Result badBinary = batonctl(
            {u"lab"_s, u"up"_s, u"--dir"_s, m_lab.directory(u"bad"_s), u"--old-nginx"_s, u"/nonexistent/nginx"_s});
        QCOMPARE(badBinary.exitCode, 1);
        QVERIFY2(badBinary.err.contains(u"--old-nginx"_s) && badBinary.err.contains(u"/nonexistent/nginx"_s),
                 qPrintable(badBinary.err));
        const Result badAction = batonctl({u"lab"_s, u"sideways"_s});
        QCOMPARE(badAction.exitCode, 1);
    }

    // batonctl speaks the user's language: Simplified Chinese under a zh_CN locale.
    void errorsInChinese()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"LC_ALL"_s);
        env.remove(u"LC_MESSAGES"_s);
        env.insert(u"LANG"_s, u"zh_CN.UTF-8"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(BATONCTL_PATH), {u"lab"_s, u"up"_s, u"--hosts"_s, u"1"_s});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(u"--dir DIR"_s) && err.contains(u"必须"_s), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestLab)
#include "tst_lab.moc"
