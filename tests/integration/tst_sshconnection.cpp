#include "labfixture.h"
#include "shellquote.h"
#include "sshconnection.h"
#include "sshprompter.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Baton;
using namespace Qt::StringLiterals;

namespace {

// Answers like a user would, and counts what was asked.
class TestPrompter : public SshPrompter
{
public:
    bool approve = false;
    int hostKeyQuestions = 0;
    HostKeyInfo lastKey;
    QByteArray passwordAnswer;
    int passwordQuestions = 0;
    QByteArray passphraseAnswer;
    int passphraseQuestions = 0;
    QByteArray keyboardAnswer;
    QList<KeyboardInteractivePrompt> keyboardPrompts;

    std::optional<QList<QByteArray>>
    keyboardInteractive(const QString &, const QString &, const QList<KeyboardInteractivePrompt> &prompts) override
    {
        keyboardPrompts += prompts;
        if (keyboardAnswer.isEmpty()) {
            return std::nullopt;
        }
        return QList<QByteArray>(prompts.size(), keyboardAnswer);
    }
    QList<QByteArray> sudoAnswers; // one per attempt

    std::optional<QByteArray> passphrase(const QString &) override
    {
        ++passphraseQuestions;
        if (passphraseAnswer.isEmpty()) {
            return std::nullopt;
        }
        return passphraseAnswer;
    }

    int sudoQuestions = 0;

    std::optional<QByteArray> sudoPassword(const QString &, int attempt) override
    {
        ++sudoQuestions;
        if (attempt > sudoAnswers.size()) {
            return std::nullopt;
        }
        return sudoAnswers.at(attempt - 1);
    }

    bool approveHostKey(const HostKeyInfo &key) override
    {
        ++hostKeyQuestions;
        lastKey = key;
        return approve;
    }

    std::optional<QByteArray> password(const QString &, int) override
    {
        ++passwordQuestions;
        if (passwordAnswer.isEmpty()) {
            return std::nullopt;
        }
        return passwordAnswer;
    }
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
        qFatal("cannot write %s", qPrintable(path));
    }
}

} // namespace

// SshConnection against the lab's real sshd: host keys, logins, commands, failures.
class TestSshConnection : public QObject
{
    Q_OBJECT

    LabFixture m_lab;
    Inventory m_inventory;
    QTemporaryDir m_temp;

    SshHostConfig hostConfig(int index = 0) const
    {
        SshHostConfig config = m_inventory.hosts.at(index).sshConfig();
        config.sshConfigFile = u"none"_s;
        return config;
    }

    // Callbacks that append what a command prints to @p out and @p err (either may be null).
    static ExecCallbacks collect(QByteArray *out, QByteArray *err)
    {
        ExecCallbacks callbacks;
        callbacks.stdoutData = [out](const QByteArray &chunk) {
            if (out) {
                out->append(chunk);
            }
        };
        callbacks.stderrData = [err](const QByteArray &chunk) {
            if (err) {
                err->append(chunk);
            }
        };
        return callbacks;
    }

    // Like run(), in the connection's persistent shell.
    static ExecResult inShell(SshConnection &connection,
                              const QString &command,
                              QByteArray *out = nullptr,
                              QByteArray *err = nullptr,
                              int timeoutMs = 60000)
    {
        return connection.execInShell({command, {}, timeoutMs}, collect(out, err));
    }

    static ExecResult run(SshConnection &connection,
                          const QString &command,
                          QByteArray *out = nullptr,
                          QByteArray *err = nullptr,
                          const QByteArray &input = {})
    {
        return connection.exec({command, input, 60000}, collect(out, err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString missing = LabFixture::missingPrerequisite(); !missing.isEmpty()) {
            QSKIP(qPrintable(missing));
        }
        qunsetenv("SSH_AUTH_SOCK"); // only the agent a test starts itself
        const auto inventory = m_lab.up(u"ssh"_s, 2);
        QVERIFY2(inventory, qPrintable(m_lab.lastError()));
        m_inventory = *inventory;
    }

    void keyLoginAndStreams()
    {
        SshConnection connection(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QCOMPARE(connection.authenticationMethod(), u"publickey"_s);
        QByteArray out, err;
        const ExecResult result = run(connection, u"echo out; echo err >&2; exit 3"_s, &out, &err);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.exitStatus, std::optional<int>(3));
        QCOMPARE(out, QByteArray("out\n"));
        QCOMPARE(err, QByteArray("err\n"));
        QVERIFY(!result.succeeded());
    }

    void exitStatuses_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("signal");
        QTest::newRow("0") << u"true"_s << 0 << QString();
        QTest::newRow("1") << u"false"_s << 1 << QString();
        QTest::newRow("255") << u"exit 255"_s << 255 << QString();
        QTest::newRow("killed") << u"kill -KILL $$"_s << -1 << u"KILL"_s;
        QTest::newRow("terminated") << u"kill -TERM $$"_s << -1 << u"TERM"_s;
    }

    void exitStatuses()
    {
        QFETCH(QString, command);
        QFETCH(int, status);
        QFETCH(QString, signal);
        SshConnection connection(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        const ExecResult result = run(connection, command);
        QVERIFY2(!result.error, qPrintable(result.error.message));
        QCOMPARE(result.exitStatus, status >= 0 ? std::optional<int>(status) : std::nullopt);
        QCOMPARE(result.exitSignal, signal);
        QCOMPARE(result.succeeded(), status == 0);
    }

    void fiftyMegabytesInterleaved()
    {
        SshConnection connection(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QByteArray out, err;
        out.reserve(26 * 1024 * 1024);
        err.reserve(26 * 1024 * 1024);
        // Both streams at once, in many small writes that interleave on the wire.
        const ExecResult result = run(connection,
                                      u"(head -c 26214400 /dev/zero | tr '\\0' o) & "
                                      "(head -c 26214400 /dev/zero | tr '\\0' e >&2) & wait"_s,
                                      &out,
                                      &err);
        QVERIFY2(result.succeeded(), qPrintable(result.error.message));
        QCOMPARE(out.size(), 26214400);
        QCOMPARE(err.size(), 26214400);
        QCOMPARE(out.count('o'), out.size());
        QCOMPARE(err.count('e'), err.size());
        qInfo("50 MB in %lld ms", result.durationMs);
    }

    void inputReachesStdin()
    {
        SshConnection connection(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QByteArray input(3 * 1024 * 1024, 'x');
        input.append("end\n");
        QByteArray out;
        const ExecResult result = run(connection, u"sha256sum"_s, &out, nullptr, input);
        QVERIFY2(result.succeeded(), qPrintable(result.error.message));
        QCOMPARE(out.left(64), QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
    }

    void unknownKeyDeclinedChangesNothing()
    {
        const QString knownHosts = m_temp.filePath(u"declined_known_hosts"_s);
        writeFile(knownHosts, "# nothing known yet\n");
        SshHostConfig config = hostConfig();
        config.knownHostsFile = knownHosts;
        TestPrompter prompter;
        SshConnection connection(config, &prompter);
        SshError error;
        QVERIFY(!connection.open(&error));
        QCOMPARE(error.code, SshError::Code::HostKeyUnknown);
        QCOMPARE(prompter.hostKeyQuestions, 1);
        QVERIFY(prompter.lastKey.fingerprint.startsWith(u"SHA256:"_s));
        QCOMPARE(prompter.lastKey.keyType, u"ssh-ed25519"_s);
        QCOMPARE(prompter.lastKey.port, config.port);
        QVERIFY2(error.message.contains(prompter.lastKey.fingerprint), qPrintable(error.message));
        QCOMPARE(readFile(knownHosts), QByteArray("# nothing known yet\n"));
        QVERIFY(!connection.isOpen());
    }

    void unknownKeyApprovedIsRecorded()
    {
        const QString knownHosts = m_temp.filePath(u"sub/dir/approved_known_hosts"_s);
        SshHostConfig config = hostConfig();
        config.knownHostsFile = knownHosts;
        TestPrompter prompter;
        prompter.approve = true;
        {
            SshConnection connection(config, &prompter);
            SshError error;
            QVERIFY2(connection.open(&error), qPrintable(error.message));
            QCOMPARE(prompter.hostKeyQuestions, 1);
        }
        QVERIFY(readFile(knownHosts).contains("ssh-ed25519"));
        // The OpenSSH client agrees with what was recorded.
        const QString fingerprint = prompter.lastKey.fingerprint;
        QProcess keygen;
        keygen.start(u"ssh-keygen"_s, {u"-l"_s, u"-f"_s, knownHosts});
        QVERIFY(keygen.waitForFinished(10000));
        QVERIFY2(keygen.readAllStandardOutput().contains(fingerprint.toLatin1()), qPrintable(fingerprint));
        SshConnection again(config, &prompter);
        SshError error;
        QVERIFY2(again.open(&error), qPrintable(error.message));
        QCOMPARE(prompter.hostKeyQuestions, 1); // known now: not asked again
    }

    // The user's config tries to switch checking off; Baton checks anyway and refuses.
    void changedKeyRefusedWhateverTheConfigSays()
    {
        const HostEntry &target = m_inventory.hosts.at(0);
        const HostEntry &other = m_inventory.hosts.at(1);
        // known_hosts records lab-2's key under lab-1's address and port.
        const QByteArray lab = readFile(m_inventory.knownHostsFile);
        QByteArray otherLine;
        for (const QByteArray &line : lab.split('\n')) {
            if (line.startsWith(QByteArray("[127.0.0.1]:" + QByteArray::number(other.port) + ' '))) {
                otherLine = line;
            }
        }
        QVERIFY(!otherLine.isEmpty());
        const QByteArray forged = otherLine.replace(QByteArray("]:" + QByteArray::number(other.port)),
                                                    QByteArray("]:" + QByteArray::number(target.port))) +
            '\n';
        const QString knownHosts = m_temp.filePath(u"forged_known_hosts"_s);
        writeFile(knownHosts, forged);
        const QString sshConfig = m_temp.filePath(u"ssh_config"_s);
        writeFile(sshConfig,
                  "Host web\n"
                  "    HostName 127.0.0.1\n"
                  "    Port " +
                      QByteArray::number(target.port) + "\n    User " + target.user.toUtf8() + "\n    IdentityFile " +
                      target.identityFile.toUtf8() +
                      "\n    StrictHostKeyChecking no\n    UserKnownHostsFile /dev/null\n");
        SshHostConfig config;
        config.host = u"web"_s;
        config.sshConfigFile = sshConfig;
        config.knownHostsFile = knownHosts;
        TestPrompter prompter;
        prompter.approve = true; // would accept anything it were asked
        SshConnection connection(config, &prompter);
        SshError error;
        QVERIFY(!connection.open(&error));
        QCOMPARE(error.code, SshError::Code::HostKeyChanged);
        QCOMPARE(prompter.hostKeyQuestions, 0);
        QVERIFY2(error.message.contains(u"CHANGED"_s) && error.message.contains(u"ssh-keygen -R"_s),
                 qPrintable(error.message));
        QCOMPARE(readFile(knownHosts), forged);

        // The same alias with the right known_hosts: the config supplies address, port,
        // user and key.
        config.knownHostsFile = m_inventory.knownHostsFile;
        SshConnection right(config, &prompter);
        QVERIFY2(right.open(&error), qPrintable(error.message));
        QByteArray out;
        QVERIFY(run(right, u"hostname"_s, &out).succeeded());
        if (m_inventory.lab->pidNamespaces) {
            QCOMPARE(out.trimmed(), target.name.toUtf8());
        }
    }

    void explicitSettingsWinOverTheConfig()
    {
        const HostEntry &target = m_inventory.hosts.at(1);
        const QString sshConfig = m_temp.filePath(u"ssh_config_wrong_port"_s);
        writeFile(sshConfig, "Host 127.0.0.1\n    Port 1\n    User nobody-here\n");
        SshHostConfig config = target.sshConfig();
        config.sshConfigFile = sshConfig;
        SshConnection connection(config);
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QByteArray out;
        QVERIFY(run(connection, u"id -un"_s, &out).succeeded());
        QCOMPARE(out.trimmed(), target.user.toUtf8());
    }

    void agentLogin()
    {
        const QString agent = QStandardPaths::findExecutable(u"ssh-agent"_s);
        if (agent.isEmpty()) {
            QSKIP("ssh-agent is not installed (Debian: openssh-client)");
        }
        const QString socket = m_temp.filePath(u"agent.sock"_s);
        QProcess agentProcess;
        agentProcess.start(agent, {u"-D"_s, u"-a"_s, socket});
        QVERIFY(agentProcess.waitForStarted());
        QTRY_VERIFY(QFile::exists(socket));
        const auto cleanup = qScopeGuard([&] {
            agentProcess.kill();
            agentProcess.waitForFinished();
            qunsetenv("SSH_AUTH_SOCK");
        });
        QProcess add;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"SSH_AUTH_SOCK"_s, socket);
        add.setProcessEnvironment(env);
        add.start(u"ssh-add"_s, {m_inventory.hosts.at(0).identityFile});
        QVERIFY(add.waitForFinished(10000));
        QCOMPARE(add.exitCode(), 0);

        SshHostConfig config = hostConfig();
        config.identityFiles.clear(); // only the agent holds the key
        qputenv("SSH_AUTH_SOCK", socket.toLocal8Bit());
        SshConnection connection(config);
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QCOMPARE(connection.authenticationMethod(), u"publickey"_s);

        // Without the agent the same settings fail, and say what was tried.
        qunsetenv("SSH_AUTH_SOCK");
        SshConnection without(config);
        QVERIFY(!without.open(&error));
        QCOMPARE(error.code, SshError::Code::AuthenticationFailed);
        QVERIFY2(error.message.contains(u"publickey (agent and key files)"_s), qPrintable(error.message));
    }

    void passphraseProtectedKey()
    {
        const QString key = m_temp.filePath(u"id_protected"_s);
        QProcess keygen;
        keygen.start(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, u"open sesame"_s, u"-f"_s, key});
        QVERIFY(keygen.waitForFinished(10000));
        QCOMPARE(keygen.exitCode(), 0);
        // authorize it on lab-2 only
        const QString authorized = m_lab.directory(u"ssh"_s) + u"/hosts/lab-2/ssh/authorized_keys"_s;
        QFile file(authorized);
        QVERIFY(file.open(QIODevice::Append));
        file.write(readFile(key + u".pub"_s));
        file.close();

        SshHostConfig config = hostConfig(1);
        config.identityFiles = {key};
        TestPrompter prompter;
        prompter.passphraseAnswer = "open sesame";
        SshConnection connection(config, &prompter);
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QVERIFY(prompter.passphraseQuestions >= 1);

        TestPrompter declining;
        SshConnection declined(config, &declining);
        QVERIFY(!declined.open(&error));
        QCOMPARE(error.code, SshError::Code::AuthenticationFailed);
        QVERIFY(declining.passphraseQuestions >= 1);
    }

    // ProxyCommand from the config file: lab-2 reached through lab-1.
    void proxyCommandFromTheConfig()
    {
        const HostEntry &jump = m_inventory.hosts.at(0);
        const HostEntry &target = m_inventory.hosts.at(1);
        const QString sshConfig = m_temp.filePath(u"ssh_config_proxy"_s);
        const QString marker = m_temp.filePath(u"proxy-command-ran"_s);
        writeFile(sshConfig,
                  QString(u"Host behind\n    HostName 127.0.0.1\n    Port %1\n    User %2\n"
                          "    IdentityFile %3\n"
                          "    ProxyCommand sh -c 'touch %6; exec ssh -F /dev/null -i %3 -o IdentitiesOnly=yes "
                          "-o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=%4 -p %5 "
                          "-W %h:%p %2@127.0.0.1'\n"_s)
                      .arg(QString::number(target.port),
                           target.user,
                           target.identityFile,
                           m_inventory.knownHostsFile,
                           QString::number(jump.port),
                           marker)
                      .toUtf8());
        SshHostConfig config;
        config.host = u"behind"_s;
        config.sshConfigFile = sshConfig;
        config.knownHostsFile = m_inventory.knownHostsFile;
        SshConnection connection(config);
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QByteArray out;
        QVERIFY(run(connection, u"hostname; echo $SSH_CONNECTION"_s, &out).succeeded());
        if (m_inventory.lab->pidNamespaces) {
            QVERIFY2(out.startsWith(QByteArray(target.name.toUtf8() + '\n')), out.constData());
        }
        QVERIFY2(out.trimmed().endsWith(QByteArray::number(target.port)), out.constData());
        QVERIFY(QFile::exists(marker)); // it went through the proxy, not straight to the port
    }

    void passwordLogin()
    {
        if (!m_inventory.lab || m_inventory.lab->sudoUser.isEmpty()) {
            QSKIP("the lab has a password account only when run as root");
        }
        QByteArray password = readFile(m_inventory.lab->sudoPasswordFile).trimmed();
        SshHostConfig config = hostConfig();
        config.user = m_inventory.lab->sudoUser;
        config.identityFiles.clear();
        TestPrompter prompter;
        prompter.passwordAnswer = password;
        SshConnection connection(config, &prompter);
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QCOMPARE(connection.authenticationMethod(), u"password"_s);
        QCOMPARE(prompter.passwordQuestions, 1);
        QByteArray out;
        QVERIFY(run(connection, u"id -un"_s, &out).succeeded());
        QCOMPARE(out.trimmed(), m_inventory.lab->sudoUser.toUtf8());
    }

    void keyboardInteractiveLogin()
    {
        if (!m_inventory.lab || m_inventory.lab->sudoUser.isEmpty()) {
            QSKIP("the lab has a password account only when run as root");
        }
        SshHostConfig config = hostConfig();
        config.user = m_inventory.lab->sudoUser;
        config.identityFiles.clear();
        TestPrompter prompter;
        prompter.keyboardAnswer = readFile(m_inventory.lab->sudoPasswordFile).trimmed();
        SshConnection connection(config, &prompter);
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QCOMPARE(connection.authenticationMethod(), u"keyboard-interactive"_s);
        QCOMPARE(prompter.passwordQuestions, 0);
        QVERIFY(!prompter.keyboardPrompts.isEmpty());
        QVERIFY(prompter.keyboardPrompts.first().text.contains(u"assword"_s));
        QVERIFY(!prompter.keyboardPrompts.first().echo);
    }

    void wrongPasswordFailsClearly()
    {
        if (!m_inventory.lab || m_inventory.lab->sudoUser.isEmpty()) {
            QSKIP("the lab has a password account only when run as root");
        }
        SshHostConfig config = hostConfig();
        config.user = m_inventory.lab->sudoUser;
        config.identityFiles.clear();
        config.maxPasswordAttempts = 2;
        TestPrompter prompter;
        prompter.passwordAnswer = "not-the-password";
        SshConnection connection(config, &prompter);
        SshError error;
        QVERIFY(!connection.open(&error));
        QCOMPARE(error.code, SshError::Code::AuthenticationFailed);
        QCOMPARE(prompter.passwordQuestions, 2);
        QVERIFY2(error.message.contains(u"offers: publickey, keyboard-interactive, password"_s),
                 qPrintable(error.message));
        QVERIFY2(error.message.contains(u"keyboard-interactive;"_s), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"password (attempts: 2)"_s), qPrintable(error.message));
    }

    SshHostConfig sudoAccount(const QString &user) const
    {
        SshHostConfig config = hostConfig();
        config.user = user;
        return config;
    }

    void sudoWithPassword()
    {
        if (!m_inventory.lab || m_inventory.lab->sudoUser.isEmpty()) {
            QSKIP("the lab has sudo accounts only when run as root");
        }
        const QByteArray password = readFile(m_inventory.lab->sudoPasswordFile).trimmed();
        TestPrompter prompter;
        prompter.sudoAnswers = {password};
        SshConnection connection(sudoAccount(m_inventory.lab->sudoUser), &prompter);
        SshConnection observer(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error) && observer.open(&error), qPrintable(error.message));

        QByteArray out, err, processes;
        ExecCallbacks callbacks;
        callbacks.stdoutData = [&](const QByteArray &chunk) {
            out += chunk;
            if (chunk.contains("running")) {
                run(observer, u"ps -eo args"_s, &processes); // what anyone on the host can see
            }
        };
        callbacks.stderrData = [&](const QByteArray &chunk) { err += chunk; };
        const ExecResult result = connection.exec(
            {u"id -u; echo running; sleep 1; echo warning >&2; cat"_s, "payload", 30000, true}, callbacks);
        QVERIFY2(result.succeeded(), qPrintable(result.error.message + QString::fromUtf8(err)));
        QCOMPARE(prompter.sudoQuestions, 1);
        QCOMPARE(out, QByteArray("0\nrunning\npayload"));
        QCOMPARE(err, QByteArray("warning\n")); // neither sudo's prompt nor Baton's marker
        QVERIFY(processes.contains("sudo -S -p [baton-sudo-"));
        QVERIFY(!processes.contains(password));
        QVERIFY(!out.contains(password) && !err.contains(password));
    }

    void sudoWithoutPasswordSendsNone()
    {
        if (!m_inventory.lab || m_inventory.lab->sudoNoPasswordUser.isEmpty()) {
            QSKIP("the lab has sudo accounts only when run as root");
        }
        TestPrompter prompter;
        prompter.sudoAnswers = {"would-be-sent"};
        SshConnection connection(sudoAccount(m_inventory.lab->sudoNoPasswordUser), &prompter);
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QByteArray out;
        ExecCallbacks callbacks;
        callbacks.stdoutData = [&](const QByteArray &chunk) { out += chunk; };
        const ExecResult result = connection.exec({u"id -u; cat"_s, "only this", 30000, true}, callbacks);
        QVERIFY2(result.succeeded(), qPrintable(result.error.message));
        QCOMPARE(prompter.sudoQuestions, 0);
        QCOMPARE(out, QByteArray("0\nonly this")); // stdin held nothing else
    }

    void sudoRefusesWrongPassword()
    {
        if (!m_inventory.lab || m_inventory.lab->sudoUser.isEmpty()) {
            QSKIP("the lab has sudo accounts only when run as root");
        }
        TestPrompter prompter;
        prompter.sudoAnswers = {"wrong"}; // and nothing for the second prompt
        SshConnection connection(sudoAccount(m_inventory.lab->sudoUser), &prompter);
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QByteArray out;
        const ExecResult result = run(connection, u"echo never"_s, &out);
        QVERIFY(result.succeeded()); // without sudo: fine
        ExecCallbacks callbacks;
        callbacks.stdoutData = [&](const QByteArray &chunk) { out += chunk; };
        const ExecResult sudo = connection.exec({u"echo ran"_s, {}, 30000, true}, callbacks);
        QCOMPARE(sudo.error.code, SshError::Code::AuthenticationFailed);
        QVERIFY2(sudo.error.message.contains(u"refused the password"_s), qPrintable(sudo.error.message));
        QCOMPARE(prompter.sudoQuestions, 2);
        QVERIFY(!out.contains("ran"));
    }

    QString randomFile(const QString &name, qint64 size)
    {
        const QString path = m_temp.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            qFatal("cannot write %s", qPrintable(path));
        }
        QByteArray block(1024 * 1024, Qt::Uninitialized);
        for (qint64 left = size; left > 0; left -= block.size()) {
            for (qsizetype i = 0; i < block.size(); i += 8) {
                const quint64 value = QRandomGenerator::global()->generate64();
                std::memcpy(block.data() + i, &value, 8);
            }
            file.write(block.constData(), std::min<qint64>(left, block.size()));
        }
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                            QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
        return path;
    }

    static QByteArray sha256Of(const QString &path)
    {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !hash.addData(&file)) {
            return {};
        }
        return hash.result().toHex();
    }

    void upload_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::newRow("0 B") << qint64(0);
        QTest::newRow("1 MB") << qint64(1024 * 1024);
        QTest::newRow("50 MB") << qint64(50 * 1024 * 1024 + 123);
    }

    void upload()
    {
        QFETCH(qint64, size);
        const QString local = randomFile(u"upload-%1"_s.arg(size), size);
        const HostEntry &host = m_inventory.hosts.first();
        const QString remote = host.nginx.prefix + u"upload dir/nginx 'new' %1"_s.arg(size);
        SshConnection connection(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QVERIFY(run(connection, u"mkdir -p "_s + shellQuote(QFileInfo(remote).path())).succeeded());
        QList<qint64> reported;
        QElapsedTimer timer;
        timer.start();
        const bool ok = connection.upload(
            local,
            remote,
            [&](qint64 sent, qint64 total) {
                QCOMPARE(total, size);
                reported.append(sent);
            },
            &error);
        QVERIFY2(ok, qPrintable(error.message));
        qInfo("%lld bytes in %lld ms", size, timer.elapsed());
        QVERIFY(!reported.isEmpty());
        QCOMPARE(reported.last(), size);
        QVERIFY(std::is_sorted(reported.begin(), reported.end()));
        QByteArray out;
        QVERIFY(run(connection,
                    u"sha256sum < "_s + shellQuote(remote) + u"; stat -c %a "_s + shellQuote(remote) + u"; ls -a "_s +
                        shellQuote(QFileInfo(remote).path()),
                    &out)
                    .succeeded());
        const QList<QByteArray> lines = out.split('\n');
        QCOMPARE(lines.value(0).left(64), sha256Of(local));
        QCOMPARE(lines.value(1), QByteArray("755"));
        QVERIFY2(!out.contains(".baton-"), out.constData()); // no temporary file left
    }

    // Interrupted midway, by the caller or by a broken connection: the final path keeps its
    // old content, and no partial file takes its place.
    void interruptedUploadLeavesTheTargetAlone_data()
    {
        QTest::addColumn<bool>("killConnection");
        QTest::newRow("cancelled") << false;
        QTest::newRow("connection killed") << true;
    }

    void interruptedUploadLeavesTheTargetAlone()
    {
        QFETCH(bool, killConnection);
        const QString local = randomFile(u"interrupted"_s, 20 * 1024 * 1024);
        const QString remote = m_inventory.hosts.first().nginx.prefix + u"interrupted-target"_s;
        SshConnection connection(hostConfig());
        SshConnection observer(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error) && observer.open(&error), qPrintable(error.message));
        QVERIFY(run(observer, u"printf old > "_s + shellQuote(remote)).succeeded());
        QByteArray sessionPid;
        if (killConnection) {
            QVERIFY(run(connection, u"echo $PPID"_s, &sessionPid).succeeded());
        }
        bool interrupted = false;
        const bool ok = connection.upload(
            local,
            remote,
            [&](qint64 sent, qint64 total) {
                if (!interrupted && sent > total / 2) {
                    interrupted = true;
                    if (killConnection) {
                        run(observer, u"kill -KILL "_s + QString::fromLatin1(sessionPid.trimmed()));
                    } else {
                        connection.cancel();
                    }
                }
            },
            &error);
        QVERIFY(!ok);
        QCOMPARE(error.code, killConnection ? SshError::Code::Disconnected : SshError::Code::Cancelled);
        QByteArray out;
        QVERIFY(run(observer, u"cat "_s + shellQuote(remote)).succeeded());
        QVERIFY(run(observer, u"cat "_s + shellQuote(remote), &out).succeeded());
        QCOMPARE(out, QByteArray("old"));
        if (!killConnection) {
            QByteArray listing;
            QVERIFY(run(observer, u"ls -a "_s + shellQuote(QFileInfo(remote).path()), &listing).succeeded());
            QVERIFY2(!listing.contains(".interrupted-target.baton-"), listing.constData());
        }
    }

    // One sh per connection: each command in a subshell of it, its output, stderr and exit
    // status apart, and a shell that breaks replaced by a new one.
    void persistentShell()
    {
        SshConnection connection(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QByteArray first, second;
        QVERIFY(inShell(connection, u"echo $$"_s, &first).succeeded());
        QVERIFY(inShell(connection, u"echo $$; x=changed; cd /; exit 0"_s, &second).succeeded());
        QCOMPARE(second, first); // the same shell
        QByteArray out, err;
        // nothing leaks from one command to the next, stdin is /dev/null (the shell's own
        // input is not eaten), and an exit ends only the command
        ExecResult result =
            inShell(connection,
                    u"echo \"[${x:-unset}]\" \"$(pwd)\"; cat; printf 'no newline'; echo oops >&2; exit 3"_s,
                    &out,
                    &err);
        QCOMPARE(result.exitStatus, 3);
        QVERIFY(!result.error);
        QVERIFY2(out.startsWith("[unset] ") && out.endsWith("no newline") && !out.contains("[changed]"),
                 out.constData());
        QCOMPARE(err, QByteArray("oops\n"));
        // output that looks like the protocol's markers is only output
        out.clear();
        QVERIFY(
            inShell(connection, u"printf '\\nbaton-end-x-1\\n'; printf '\\nbaton-end-x-1 0\\n' >&2; echo after"_s, &out)
                .succeeded());
        QCOMPARE(out, QByteArray("\nbaton-end-x-1\nafter\n"));
        // 5 MB of output, intact
        out.clear();
        QVERIFY(inShell(connection, u"head -c 5000000 /dev/zero | tr '\\000' x; echo"_s, &out).succeeded());
        QCOMPARE(out.size(), 5000001);
        QCOMPARE(out.count('x'), 5000000);
        // a timeout ends the shell; the next command gets a new one
        result = inShell(connection, u"sleep 5"_s, nullptr, nullptr, 500);
        QCOMPARE(result.error.code, SshError::Code::Timeout);
        QByteArray third;
        QVERIFY(inShell(connection, u"echo $$"_s, &third).succeeded());
        QVERIFY(third != first);
        // the shell killed under a command: its result is unknown, and the next works
        result = inShell(connection, u"kill -KILL $$"_s);
        QCOMPARE(result.error.code, SshError::Code::Disconnected);
        QVERIFY2(result.error.message.contains(u"result is unknown"_s), qPrintable(result.error.message));
        QByteArray fourth;
        QVERIFY(inShell(connection, u"echo $$"_s, &fourth).succeeded());
        QVERIFY(fourth != third);
        // requests with input still get a channel of their own
        out.clear();
        QVERIFY(connection.execInShell({u"cat"_s, "from stdin", 60000}, {[&out](const QByteArray &c) { out += c; }, {}})
                    .succeeded());
        QCOMPARE(out, QByteArray("from stdin"));
    }

    // A GET through the connection (a direct-tcpip channel): sshd connects, no process on the host.
    void httpThroughTheConnection()
    {
        const HostEntry &host = m_inventory.hosts.first();
        SshConnection connection(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        bool refused = true;
        const QString hostHeader = u"127.0.0.1:"_s + QString::number(host.httpPort);
        QCOMPARE(connection.httpStatus(u"127.0.0.1"_s, host.httpPort, u"/"_s, hostHeader, 10000, &refused, &error),
                 200);
        QVERIFY(!refused);
        QCOMPARE(connection.httpStatus(
                     u"127.0.0.1"_s, host.httpPort, u"/no-such-page"_s, hostHeader, 10000, &refused, &error),
                 404);
        // nothing listens there: a failed request, not a server that refuses tunnels
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        QCOMPARE(connection.httpStatus(u"127.0.0.1"_s, port, u"/"_s, u"x"_s, 10000, &refused, &error), 0);
        QVERIFY(!refused);
        QCOMPARE(error.code, SshError::Code::ChannelFailed);
        // and the connection goes on
        QVERIFY(inShell(connection, u"true"_s).succeeded());
    }

    void timeoutAndCancel()
    {
        SshConnection connection(hostConfig());
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QElapsedTimer timer;
        timer.start();
        ExecResult result = connection.exec({u"sleep 30"_s, {}, 500});
        QCOMPARE(result.error.code, SshError::Code::Timeout);
        QVERIFY(!result.exitStatus);
        QVERIFY(timer.elapsed() < 10000);

        ExecCallbacks callbacks;
        callbacks.stdoutData = [&connection](const QByteArray &) { connection.cancel(); };
        timer.restart();
        result = connection.exec({u"echo started; sleep 30"_s, {}, 0}, callbacks);
        QCOMPARE(result.error.code, SshError::Code::Cancelled);
        QVERIFY(timer.elapsed() < 10000);
        // The connection stays usable.
        QVERIFY(run(connection, u"true"_s).succeeded());
    }

    // The server side of a running command is killed: an error, not a hang; the session
    // reconnects; another host is not affected.
    void sessionKilledMidCommand()
    {
        SshConnection victim(hostConfig(0));
        SshConnection killer(hostConfig(0));
        SshConnection bystander(hostConfig(1));
        SshError error;
        QVERIFY2(victim.open(&error) && killer.open(&error) && bystander.open(&error), qPrintable(error.message));

        QElapsedTimer timer;
        timer.start();
        ExecCallbacks callbacks;
        callbacks.stdoutData = [&killer](const QByteArray &chunk) {
            // $PPID is the sshd process that serves this command on the host.
            run(killer, u"kill -KILL "_s + QString::fromLatin1(chunk.trimmed()));
        };
        const ExecResult result = victim.exec({u"echo $PPID; sleep 60"_s, {}, 0}, callbacks);
        QCOMPARE(result.error.code, SshError::Code::Disconnected);
        QVERIFY(!result.exitStatus);
        QVERIFY(timer.elapsed() < 20000);
        QVERIFY(!victim.isOpen());
        QVERIFY(run(bystander, u"true"_s).succeeded());
        QVERIFY2(victim.open(&error), qPrintable(error.message));
        QVERIFY(run(victim, u"true"_s).succeeded());
    }

    // A peer that stops answering (its sshd stopped with SIGSTOP) is declared dead within 30 s.
    void silentPeerDeclaredDead()
    {
        SshConnection victim(hostConfig(0));
        SshConnection killer(hostConfig(0));
        SshError error;
        QVERIFY2(victim.open(&error) && killer.open(&error), qPrintable(error.message));
        QString sshdPid;
        ExecCallbacks callbacks;
        callbacks.stdoutData = [&](const QByteArray &chunk) {
            sshdPid = QString::fromLatin1(chunk.trimmed());
            run(killer, u"kill -STOP "_s + sshdPid);
        };
        QElapsedTimer timer;
        timer.start();
        const ExecResult result = victim.exec({u"echo $PPID; sleep 120"_s, {}, 0}, callbacks);
        const qint64 elapsed = timer.elapsed();
        run(killer, u"kill -KILL "_s + sshdPid);
        QCOMPARE(result.error.code, SshError::Code::Disconnected);
        QVERIFY2(elapsed < 30000, qPrintable(u"declared dead after %1 ms"_s.arg(elapsed)));
        QVERIFY2(result.error.message.contains(u"the connection is dead"_s), qPrintable(result.error.message));
        qInfo("silent peer declared dead after %lld ms", elapsed);
    }

    // The other side of the coin: a command that prints nothing for longer than that, on a
    // live host, is not declared dead (drains can be long and silent).
    void quietCommandOnALiveHostRuns()
    {
        SshConnection connection(hostConfig(1));
        SshError error;
        QVERIFY2(connection.open(&error), qPrintable(error.message));
        QByteArray out;
        const ExecResult result =
            connection.exec({u"sleep 32; echo done"_s, {}, 60000}, {[&out](const QByteArray &d) { out += d; }, {}});
        QVERIFY2(result.succeeded(), qPrintable(result.error.message));
        QCOMPARE(out, QByteArray("done\n"));
    }

    void clearConnectErrors()
    {
        SshHostConfig config = hostConfig();
        config.port = 1; // nothing listens there
        SshConnection refused(config);
        SshError error;
        QVERIFY(!refused.open(&error));
        QCOMPARE(error.code, SshError::Code::ConnectFailed);
        QVERIFY2(error.message.contains(u"127.0.0.1:1"_s), qPrintable(error.message));

        config = hostConfig();
        config.sshConfigFile = m_temp.filePath(u"no-such-config"_s);
        SshConnection badConfig(config);
        QVERIFY(!badConfig.open(&error));
        QCOMPARE(error.code, SshError::Code::InvalidSettings);
        QVERIFY(error.message.contains(u"no-such-config"_s));

        SshConnection notOpen(hostConfig());
        QCOMPARE(notOpen.exec({u"true"_s, {}, 0}).error.code, SshError::Code::Disconnected);
    }
};

QTEST_GUILESS_MAIN(TestSshConnection)
#include "tst_sshconnection.moc"
