#include "lab.h"

#include "inventory.h"
#include "nginxversion.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <sched.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

namespace Baton {

namespace {

struct ProgramResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    QString failure; ///< set when the program could not run or timed out
};

ProgramResult runProgram(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess process;
    process.start(program, args);
    ProgramResult result;
    if (!process.waitForStarted(10000)) {
        result.failure = Lab::tr("cannot run %1: %2").arg(program, process.errorString());
        return result;
    }
    if (!input.isEmpty()) {
        process.write(input);
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(1000);
        result.failure = Lab::tr("%1 did not finish within 30 s").arg(program);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    if (result.exitCode != 0) {
        result.failure = Lab::tr("%1 failed (exit code %2): %3")
                             .arg(program)
                             .arg(result.exitCode)
                             .arg(QString::fromLocal8Bit(result.err).trimmed());
    }
    return result;
}

QString findSystemProgram(const QString &name)
{
    QString path = QStandardPaths::findExecutable(name);
    if (path.isEmpty()) {
        path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    }
    return path;
}

bool writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit()) {
        *error = Lab::tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    QFile::setPermissions(path, permissions);
    return true;
}

QByteArray nulJoined(const QStringList &args)
{
    QByteArray result;
    for (const QString &arg : args) {
        result += arg.toLocal8Bit() + '\0';
    }
    return result;
}

bool ensureKey(const QString &keyFile, const QString &comment, QString *error)
{
    if (QFile::exists(keyFile) && QFile::exists(keyFile + QStringLiteral(".pub"))) {
        return true;
    }
    QFile::remove(keyFile);
    QFile::remove(keyFile + QStringLiteral(".pub"));
    const ProgramResult result = runProgram(QStringLiteral("ssh-keygen"),
                                            {QStringLiteral("-q"),
                                             QStringLiteral("-t"),
                                             QStringLiteral("ed25519"),
                                             QStringLiteral("-N"),
                                             QString(),
                                             QStringLiteral("-C"),
                                             comment,
                                             QStringLiteral("-f"),
                                             keyFile});
    if (!result.failure.isEmpty()) {
        *error = result.failure;
        return false;
    }
    return true;
}

QString publicKey(const QString &keyFile)
{
    QFile file(keyFile + QStringLiteral(".pub"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QStringList fields = QString::fromLatin1(file.readAll()).split(u' ', Qt::SkipEmptyParts);
    return fields.size() >= 2 ? fields.at(0) + u' ' + fields.at(1) : QString();
}

bool portIsFree(int port)
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, quint16(port));
}

QList<int> freePorts(int count, int basePort)
{
    // Below Linux's ephemeral range (32768 and up), so that no outgoing connection takes a
    // port between this check and the server's bind.
    int port = basePort > 0 ? basePort : 10000 + int(QRandomGenerator::global()->bounded(20000));
    QList<int> ports;
    for (; ports.size() < count && port < 65535; ++port) {
        if (portIsFree(port)) {
            ports.append(port);
        }
    }
    return ports;
}

std::optional<NginxVersion> versionOf(const QString &binary, QString *error)
{
    const ProgramResult result = runProgram(binary, {QStringLiteral("-v")});
    if (!result.failure.isEmpty()) {
        *error = result.failure;
        return std::nullopt;
    }
    auto version = NginxVersion::parse(QString::fromLocal8Bit(result.err + result.out));
    if (!version) {
        *error = Lab::tr("%1 -v did not print an nginx version").arg(binary);
    }
    return version;
}

bool copyExecutable(const QString &from, const QString &to, QString *error)
{
    QFile::remove(to);
    if (!QFile::copy(from, to)) {
        *error = Lab::tr("cannot copy %1 to %2").arg(from, to);
        return false;
    }
    QFile::setPermissions(to,
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                              QFile::ReadOther | QFile::ExeOther);
    return true;
}

constexpr auto DirectoryPermissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
    QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther;

} // namespace

Lab::Lab(const QString &directory)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
{
}

QString Lab::inventoryFile() const
{
    return m_directory + QStringLiteral("/inventory.json");
}

QString Lab::knownHostsFile() const
{
    return m_directory + QStringLiteral("/known_hosts");
}

QString Lab::identityFile() const
{
    return m_directory + QStringLiteral("/id_ed25519");
}

void Lab::report(const QString &line) const
{
    if (progress) {
        progress(line);
    }
}

bool Lab::canCreatePidNamespaces()
{
    const pid_t child = fork();
    if (child == 0) {
        _exit(unshare(CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS) == 0 ? 0 : 1);
    }
    int status = 0;
    return child > 0 && waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool Lab::up(const LabOptions &options, QString *error)
{
    if (options.hosts < 1 || options.hosts > 500) {
        *error = tr("the number of hosts must be between 1 and 500");
        return false;
    }
    if (!QDir().mkpath(m_directory)) {
        *error = tr("cannot create the lab directory %1").arg(m_directory);
        return false;
    }
    QFile::setPermissions(m_directory, DirectoryPermissions);
    const int stoppedBefore = down(error);
    if (stoppedBefore < 0) {
        return false;
    }
    if (stoppedBefore > 0) {
        report(tr("stopped the processes of a previous lab in %1").arg(m_directory));
    }
    m_hosts.clear();
    m_supervisors.clear();

    const auto oldVersion = versionOf(options.oldNginx, error);
    if (!oldVersion) {
        *error = tr("the lab's nginx build (--old-nginx): %1").arg(*error);
        return false;
    }
    const auto newVersion = versionOf(options.newNginx, error);
    if (!newVersion) {
        *error = tr("the upgrade target (--new-nginx): %1").arg(*error);
        return false;
    }
    const QString sshd = findSystemProgram(QStringLiteral("sshd"));
    if (sshd.isEmpty()) {
        *error = tr("sshd was not found; install the OpenSSH server (Debian: openssh-server)");
        return false;
    }
    const bool asRoot = geteuid() == 0;
    m_pidNamespaces = options.pidNamespaces && canCreatePidNamespaces();
    report(m_pidNamespaces ? tr("each host runs in its own PID namespace")
                           : tr("hosts share this machine's process table (no PID namespaces)"));
    if (asRoot) {
        QDir().mkpath(QStringLiteral("/run/sshd")); // sshd's privilege separation directory
    }

    if (!ensureKey(identityFile(), QStringLiteral("baton-lab"), error)) {
        return false;
    }
    LabInfo info;
    info.directory = m_directory;
    info.pidNamespaces = m_pidNamespaces;
    info.oldVersion = oldVersion->version.toString();
    info.newVersion = newVersion->version.toString();
    if (asRoot && options.sudoAccount) {
        if (!ensureSudoAccount(&info.sudoPasswordFile, error)) {
            return false;
        }
        info.sudoUser = QString::fromLatin1(SudoUser);
        info.sudoNoPasswordUser = QString::fromLatin1(NoPasswordSudoUser);
    }

    const QList<int> ports = freePorts(2 * options.hosts, options.basePort);
    if (ports.size() < 2 * options.hosts) {
        *error = tr("not enough free ports on 127.0.0.1 for %1 hosts").arg(options.hosts);
        return false;
    }
    const QString loginUser = QString::fromLocal8Bit(getpwuid(geteuid())->pw_name);
    const QString targetName = QStringLiteral("nginx-") + info.newVersion;
    Inventory inventory;
    inventory.name = tr("Baton lab");
    inventory.knownHostsFile = knownHostsFile();
    inventory.lab = info;
    QString knownHosts;
    report(tr("preparing %n host(s) in %1", nullptr, options.hosts).arg(m_directory));
    for (int i = 0; i < options.hosts; ++i) {
        LabHostConfig host;
        host.name = QStringLiteral("lab-%1").arg(i + 1);
        host.directory = m_directory + QStringLiteral("/hosts/") + host.name;
        host.sshPort = ports.at(2 * i);
        host.httpPort = ports.at(2 * i + 1);
        host.asRoot = asRoot;
        if (!prepareHost(host, options, error) ||
            !copyExecutable(options.newNginx, host.stagingDirectory() + u'/' + targetName, error)) {
            return false;
        }
        const QByteArray args =
            nulJoined({sshd, QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), host.sshdConfigFile()});
        if (!writeFile(host.initDirectory() + QStringLiteral("/sshd.argv"),
                       args,
                       QFile::ReadOwner | QFile::WriteOwner,
                       error)) {
            return false;
        }
        m_hosts.append(host);
        knownHosts += QStringLiteral("[127.0.0.1]:%1 %2\n").arg(host.sshPort).arg(publicKey(host.hostKeyFile()));

        HostEntry entry;
        entry.name = host.name;
        entry.address = QStringLiteral("127.0.0.1");
        entry.port = host.sshPort;
        entry.user = loginUser;
        entry.identityFile = identityFile();
        entry.knownHostsFile = knownHostsFile();
        entry.groups = {QStringLiteral("lab")};
        entry.httpPort = host.httpPort;
        entry.nginx.binary = host.nginxBinary();
        entry.nginx.pidFile = host.nginxPidFile();
        entry.nginx.prefix = host.nginxPrefix();
        entry.nginx.configFile = host.nginxConfigFile();
        entry.nginx.targetBinary = host.stagingDirectory() + u'/' + targetName;
        entry.stagingDirectory = host.stagingDirectory(); // uploads: one directory per host, as on real hosts
        inventory.hosts.append(entry);
    }

    std::optional<LabProcess> owner;
    if (options.ownerPid > 0) {
        owner = LabProcess::current(options.ownerPid);
        if (!owner) {
            *error = tr("the owner process %1 does not exist").arg(options.ownerPid);
            return false;
        }
    }
    report(tr("starting %n host(s)", nullptr, options.hosts));
    for (const LabHostConfig &host : std::as_const(m_hosts)) {
        QProcess init;
        init.setProgram(options.initProgram);
        QStringList args{QStringLiteral("__lab-init"), host.directory};
        if (m_pidNamespaces) {
            args.append(QStringLiteral("--pid-namespace"));
        }
        if (owner) {
            args << QStringLiteral("--owner") << QStringLiteral("%1:%2").arg(owner->pid).arg(owner->startTime);
        }
        init.setArguments(args);
        init.setStandardInputFile(QProcess::nullDevice());
        init.setStandardOutputFile(host.logDirectory() + QStringLiteral("/init.log"), QIODevice::Append);
        init.setStandardErrorFile(host.logDirectory() + QStringLiteral("/init.log"), QIODevice::Append);
        qint64 pid = 0;
        if (!init.startDetached(&pid)) {
            *error = tr("cannot start %1: %2").arg(options.initProgram, init.errorString());
            down(error);
            return false;
        }
        if (const auto process = LabProcess::current(pid_t(pid))) {
            m_supervisors.append(*process);
        }
        if (!writeState(error)) {
            down(error);
            return false;
        }
    }

    const int timeout = options.readyTimeoutMs > 0 ? options.readyTimeoutMs : 10000 + 500 * options.hosts;
    QString reason;
    if (!waitUntilReady(timeout, &reason)) {
        *error = reason;
        QString ignored;
        down(&ignored);
        return false;
    }
    if (!writeFile(knownHostsFile(),
                   knownHosts.toLatin1(),
                   QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther,
                   error) ||
        !inventory.save(inventoryFile(), error)) {
        return false;
    }
    report(tr("%n host(s) up; inventory: %1", nullptr, options.hosts).arg(inventoryFile()));
    return true;
}

bool Lab::prepareHost(const LabHostConfig &host, const LabOptions &options, QString *error)
{
    for (const QString &dir : QStringList{host.sshDirectory(),
                                          host.nginxPrefix() + QStringLiteral("sbin"),
                                          host.nginxPrefix() + QStringLiteral("conf"),
                                          host.nginxPrefix() + QStringLiteral("logs"),
                                          host.nginxPrefix() + QStringLiteral("run"),
                                          host.nginxPrefix() + QStringLiteral("temp"),
                                          host.stagingDirectory(),
                                          host.initDirectory(),
                                          host.logDirectory()}) {
        if (!QDir().mkpath(dir)) {
            *error = tr("cannot create %1").arg(dir);
            return false;
        }
    }
    for (const QString &dir : QStringList{m_directory + QStringLiteral("/hosts"), host.directory}) {
        QFile::setPermissions(dir, DirectoryPermissions);
    }
    QFile::remove(host.nginxPidFile());
    QFile::remove(host.nginxPidFile() + QStringLiteral(".oldbin"));
    const auto owner = QFile::ReadOwner | QFile::WriteOwner;
    const auto readable = owner | QFile::ReadGroup | QFile::ReadOther;
    return ensureKey(host.hostKeyFile(), host.name, error) &&
        writeFile(host.sshdConfigFile(), host.sshdConfig().toUtf8(), readable, error) &&
        writeFile(host.authorizedKeysFile(),
                  (publicKey(identityFile()) + QStringLiteral(" baton-lab\n")).toLatin1(),
                  readable,
                  error) &&
        writeFile(host.nginxConfigFile(), host.nginxConfig().toUtf8(), readable, error) &&
        copyExecutable(options.oldNginx, host.nginxBinary(), error) &&
        writeFile(host.initDirectory() + QStringLiteral("/nginx.argv"),
                  nulJoined({host.nginxBinary(),
                             QStringLiteral("-p"),
                             host.nginxPrefix(),
                             QStringLiteral("-c"),
                             host.nginxConfigFile()}),
                  owner,
                  error);
}

bool Lab::ensureSudoAccount(QString *passwordFile, QString *error)
{
    // One account for every lab on this machine (hosts share /etc/passwd); its password is
    // made once and kept readable by root only.
    const QString stateDir = QStringLiteral("/var/lib/baton-lab");
    QDir().mkpath(stateDir);
    QFile::setPermissions(stateDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile lock(stateDir + QStringLiteral("/lock"));
    if (!lock.open(QIODevice::WriteOnly) || flock(lock.handle(), LOCK_EX) != 0) {
        *error = tr("cannot lock %1").arg(lock.fileName());
        return false;
    }
    const QString user = QString::fromLatin1(SudoUser);
    const QString storedPassword = stateDir + QStringLiteral("/sudo-password");
    QByteArray password;
    QFile stored(storedPassword);
    if (stored.open(QIODevice::ReadOnly)) {
        password = stored.readAll().trimmed();
    }
    const bool exists = getpwnam(SudoUser) != nullptr;
    for (const char *account : {SudoUser, NoPasswordSudoUser}) {
        if (getpwnam(account)) {
            continue;
        }
        const ProgramResult added = runProgram(findSystemProgram(QStringLiteral("useradd")),
                                               {QStringLiteral("--create-home"),
                                                QStringLiteral("--shell"),
                                                QStringLiteral("/bin/sh"),
                                                QStringLiteral("--comment"),
                                                QStringLiteral("Baton lab operator"),
                                                QString::fromLatin1(account)});
        if (!added.failure.isEmpty()) {
            *error = tr("cannot create the lab's sudo account: %1").arg(added.failure);
            return false;
        }
    }
    // No password, but not locked either: sshd refuses even key logins to a locked account.
    const ProgramResult unlocked =
        runProgram(findSystemProgram(QStringLiteral("usermod")),
                   {QStringLiteral("-p"), QStringLiteral("*"), QString::fromLatin1(NoPasswordSudoUser)});
    if (!unlocked.failure.isEmpty()) {
        *error = tr("cannot unlock the lab's sudo account: %1").arg(unlocked.failure);
        return false;
    }
    if (!exists || password.isEmpty()) {
        password.clear();
        const QByteArray alphabet("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
        for (int i = 0; i < 20; ++i) {
            password += alphabet.at(int(QRandomGenerator::system()->bounded(alphabet.size())));
        }
        const ProgramResult set = runProgram(
            findSystemProgram(QStringLiteral("chpasswd")), {}, QByteArray(user.toLatin1() + ':' + password + '\n'));
        if (!set.failure.isEmpty()) {
            *error = tr("cannot set the password of the lab's sudo account: %1").arg(set.failure);
            return false;
        }
        if (!writeFile(storedPassword, QByteArray(password + '\n'), QFile::ReadOwner | QFile::WriteOwner, error)) {
            return false;
        }
    }
    const QByteArray sudoers = "# Written by batonctl lab up: the lab's operator account needs its password.\n"
                               "batonlab ALL=(ALL:ALL) ALL\n"
                               "Defaults:batonlab timestamp_timeout=0, !lecture\n"
                               "batonlab-np ALL=(ALL:ALL) NOPASSWD: ALL\n";
    if (QDir(QStringLiteral("/etc/sudoers.d")).exists() &&
        !writeFile(QStringLiteral("/etc/sudoers.d/baton-lab"), sudoers, QFile::ReadOwner | QFile::ReadGroup, error)) {
        return false;
    }
    *passwordFile = m_directory + QStringLiteral("/sudo-password");
    return writeFile(*passwordFile, QByteArray(password + '\n'), QFile::ReadOwner | QFile::WriteOwner, error);
}

bool Lab::waitUntilReady(int timeoutMs, QString *error)
{
    QDeadlineTimer deadline(timeoutMs);
    QList<bool> sshReady(m_hosts.size(), false);
    QList<bool> httpReady(m_hosts.size(), false);
    for (;;) {
        bool allReady = true;
        for (qsizetype i = 0; i < m_hosts.size(); ++i) {
            const LabHostConfig &host = m_hosts.at(i);
            if (i < m_supervisors.size() && !m_supervisors.at(i).isAlive()) {
                *error = tr("lab host %1 stopped while starting.\n%2").arg(host.name, hostLogs(host));
                return false;
            }
            if (!sshReady[i]) {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, quint16(host.sshPort));
                sshReady[i] = socket.waitForConnected(500) && socket.waitForReadyRead(2000) &&
                    socket.readLine().startsWith("SSH-2.0-");
            }
            if (!httpReady[i] && QFile::exists(host.nginxPidFile())) {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, quint16(host.httpPort));
                if (socket.waitForConnected(500)) {
                    socket.write("GET /nginx_status HTTP/1.0\r\nHost: lab\r\n\r\n");
                    httpReady[i] = socket.waitForReadyRead(2000) && socket.readLine().contains(" 200 ");
                }
            }
            allReady = allReady && sshReady[i] && httpReady[i];
        }
        if (allReady) {
            return true;
        }
        if (deadline.hasExpired()) {
            for (qsizetype i = 0; i < m_hosts.size(); ++i) {
                if (!sshReady[i] || !httpReady[i]) {
                    *error = tr("lab host %1 was not ready within %2 s (sshd: %3, nginx: %4).\n%5")
                                 .arg(m_hosts.at(i).name)
                                 .arg(timeoutMs / 1000)
                                 .arg(sshReady[i] ? tr("ready") : tr("not answering"),
                                      httpReady[i] ? tr("ready") : tr("not answering"),
                                      hostLogs(m_hosts.at(i)));
                    break;
                }
            }
            return false;
        }
        QThread::msleep(20);
    }
}

QString Lab::hostLogs(const LabHostConfig &host) const
{
    QString text;
    for (const QString &log : QStringList{host.logDirectory() + QStringLiteral("/init.log"),
                                          host.logDirectory() + QStringLiteral("/sshd.log"),
                                          host.logDirectory() + QStringLiteral("/nginx-start.log"),
                                          host.nginxErrorLog()}) {
        QFile file(log);
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
        const auto tail = lines.mid(std::max<qsizetype>(0, lines.size() - 5));
        if (tail.join().trimmed().isEmpty()) {
            continue;
        }
        text += log + QStringLiteral(":\n");
        for (const QByteArray &line : tail) {
            text += QStringLiteral("  ") + QString::fromLocal8Bit(line) + u'\n';
        }
    }
    return text;
}

bool Lab::writeState(QString *error) const
{
    QJsonArray supervisors;
    for (const LabProcess &process : m_supervisors) {
        supervisors.append(QJsonObject{{QStringLiteral("pid"), qint64(process.pid)},
                                       {QStringLiteral("startTime"), QString::number(process.startTime)}});
    }
    const QJsonObject state{{QStringLiteral("version"), 1},
                            {QStringLiteral("pidNamespaces"), m_pidNamespaces},
                            {QStringLiteral("supervisors"), supervisors}};
    return writeFile(m_directory + QStringLiteral("/lab.json"),
                     QJsonDocument(state).toJson(),
                     QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther,
                     error);
}

QList<LabProcess> Lab::readState() const
{
    QFile file(m_directory + QStringLiteral("/lab.json"));
    QList<LabProcess> result;
    if (!file.open(QIODevice::ReadOnly)) {
        return result;
    }
    const QJsonArray supervisors = QJsonDocument::fromJson(file.readAll()).object().value(u"supervisors").toArray();
    for (const QJsonValue value : supervisors) {
        const QJsonObject object = value.toObject();
        result.append(
            LabProcess{pid_t(object.value(u"pid").toInteger()), object.value(u"startTime").toString().toULongLong()});
    }
    return result;
}

int Lab::down(QString *error)
{
    const auto waitGone = [](const QList<LabProcess> &processes, int ms) {
        QDeadlineTimer deadline(ms);
        while (std::any_of(processes.begin(), processes.end(), [](const LabProcess &p) { return p.isAlive(); })) {
            if (deadline.hasExpired()) {
                return false;
            }
            QThread::msleep(10);
        }
        return true;
    };
    int stopped = 0;
    // Ask each host's init to stop its servers; it exits when they are gone.
    QList<LabProcess> supervisors = readState();
    for (const LabProcess &process : std::as_const(supervisors)) {
        stopped += process.signal(SIGTERM) ? 1 : 0;
    }
    if (!waitGone(supervisors, 10000)) {
        for (const LabProcess &process : std::as_const(supervisors)) {
            process.signal(SIGKILL);
        }
        waitGone(supervisors, 2000);
    }
    // Then whatever is left: processes of a lab whose state file was lost, or servers that
    // escaped their init (never more than this lab's own programs).
    for (int round = 0; round < 3; ++round) {
        const QList<LabProcess> leftovers = LabProcess::underDirectory(m_directory);
        if (leftovers.isEmpty()) {
            break;
        }
        for (const LabProcess &process : leftovers) {
            stopped += process.signal(round == 0 ? SIGTERM : SIGKILL) ? 1 : 0;
        }
        waitGone(leftovers, 3000);
    }
    const QList<LabProcess> remaining = LabProcess::underDirectory(m_directory);
    if (!remaining.isEmpty()) {
        *error = tr("%n lab process(es) could not be stopped (first: pid %1)", nullptr, int(remaining.size()))
                     .arg(remaining.first().pid);
        return -1;
    }
    for (const QString &stale :
         QStringList{m_directory + QStringLiteral("/lab.json"), inventoryFile(), knownHostsFile()}) {
        QFile::remove(stale);
    }
    return stopped;
}

} // namespace Baton
