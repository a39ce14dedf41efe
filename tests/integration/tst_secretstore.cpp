#include "guiprompter.h"
#include "privatedesktop.h"
#include "secretstore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <future>

using namespace Baton;
using namespace Qt::StringLiterals;

/**
 * @brief Remembered passwords in a real Secret Service: gnome-keyring-daemon on a private
 * session bus, its login keyring unlocked with a password given on stdin, all in a
 * temporary HOME. What Baton stores is read back by Baton and by secret-tool.
 */
class TestSecretStore : public QObject
{
    Q_OBJECT

private:
    PrivateDesktop m_desktop;
    std::unique_ptr<QSettings> m_settings;
    const QString m_service = u"baton-test"_s;

    /// what secret-tool finds under @p name; nullopt: nothing
    std::optional<QByteArray> lookUpWithSecretTool(const QString &name)
    {
        QProcess tool;
        tool.setProcessEnvironment(m_desktop.environment());
        tool.start(u"secret-tool"_s, {u"lookup"_s, u"server"_s, m_service, u"user"_s, name});
        if (!tool.waitForFinished(10000) || tool.exitStatus() != QProcess::NormalExit || tool.exitCode() != 0) {
            return std::nullopt;
        }
        return tool.readAllStandardOutput();
    }

    /// runs @p call on a thread of its own, as the SSH layer does
    template<typename Call>
    static auto onEngineThread(Call call)
    {
        return std::async(std::launch::async, call);
    }

    template<typename T>
    static bool ready(const std::future<T> &future)
    {
        return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *program : {"dbus-daemon", "gnome-keyring-daemon", "secret-tool"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty()) {
                QSKIP(
                    qPrintable(u"%1 is not installed (installer/packages.txt lists it)"_s.arg(QLatin1String(program))));
            }
        }
        QVERIFY(!m_desktop.startBus().isEmpty());
        m_desktop.useAsSessionEnvironment(); // before anything connects to the session bus
        QVERIFY(m_desktop.start(u"gnome-keyring-daemon"_s,
                                {u"--foreground"_s, u"--components=secrets"_s, u"--unlock"_s},
                                "keyring password of the test"));
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(
            QDBusConnection::sessionBus().interface()->isServiceRegistered(u"org.freedesktop.secrets"_s), 10000);
        m_settings = std::make_unique<QSettings>(m_desktop.home() + u"/settings.ini"_s, QSettings::IniFormat);
    }

    void cleanupTestCase() { m_desktop.stop(); }

    void storeReadAndForget()
    {
        SecretStore store(m_service, m_settings.get());
        QVERIFY(store.isAvailable());
        const QString name = u"password deploy@web1"_s;
        const QByteArray secret = "correct horse battery staple ☃";

        QSignalSpy stored(&store, &SecretStore::namesChanged);
        std::optional<bool> written;
        store.write(name, secret, [&written](bool ok) { written = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 10000);
        QVERIFY(*written);
        QCOMPARE(stored.count(), 1);
        QCOMPARE(store.names(), QStringList{name});
        m_settings->sync();
        QFile settingsFile(m_settings->fileName());
        QVERIFY(settingsFile.open(QIODevice::ReadOnly));
        QVERIFY(!settingsFile.readAll().contains(secret)); // only the name is kept there

        std::optional<std::optional<QByteArray>> read;
        store.read(name, this, [&read](std::optional<QByteArray> value) { read = value; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
        QCOMPARE(*read, std::optional<QByteArray>(secret));
        QCOMPARE(lookUpWithSecretTool(name), std::optional<QByteArray>(secret));

        std::optional<bool> removed;
        store.remove(name, [&removed](bool ok) { removed = ok; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 10000);
        QVERIFY(*removed);
        QVERIFY(store.names().isEmpty());
        QCOMPARE(lookUpWithSecretTool(name), std::nullopt);
        read.reset();
        store.read(name, this, [&read](std::optional<QByteArray> value) { read = value; });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
        QCOMPARE(*read, std::nullopt);
    }

    void prompterRemembersInTheStore()
    {
        SecretStore store(m_service, m_settings.get());
        const QString name = u"sudoPassword deploy@web2"_s;
        {
            GuiPrompter prompter(nullptr, &store);
            QVERIFY(prompter.isSecretStoreAvailable());
            QSignalSpy asked(&prompter, &GuiPrompter::questionChanged);
            auto answer = onEngineThread([&prompter] { return prompter.sudoPassword(u"deploy@web2"_s, 1); });
            QTRY_COMPARE_WITH_TIMEOUT(prompter.kind(), u"sudoPassword"_s, 10000);
            QVERIFY(prompter.rememberInSecretStore());
            prompter.answer(u"sudo secret"_s, true);
            QTRY_VERIFY_WITH_TIMEOUT(ready(answer), 10000);
            QCOMPARE(answer.get(), std::optional<QByteArray>("sudo secret"));
            QTRY_COMPARE_WITH_TIMEOUT(lookUpWithSecretTool(name), std::optional<QByteArray>("sudo secret"), 10000);
            QCOMPARE(store.names(), QStringList{name});
            QCOMPARE(prompter.rememberedCount(), 1);
        }
        {
            // a new session: read from the store, nobody asked
            GuiPrompter prompter(nullptr, &store);
            QSignalSpy asked(&prompter, &GuiPrompter::questionChanged);
            auto answer = onEngineThread([&prompter] { return prompter.sudoPassword(u"deploy@web2"_s, 1); });
            QTRY_VERIFY_WITH_TIMEOUT(ready(answer), 10000);
            QCOMPARE(answer.get(), std::optional<QByteArray>("sudo secret"));
            QCOMPARE(asked.count(), 0);

            // refused: forgotten in the store, and the user is asked again
            auto again = onEngineThread([&prompter] { return prompter.sudoPassword(u"deploy@web2"_s, 2); });
            QTRY_COMPARE_WITH_TIMEOUT(prompter.kind(), u"sudoPassword"_s, 10000);
            QCOMPARE(prompter.attempt(), 2);
            QTRY_COMPARE_WITH_TIMEOUT(lookUpWithSecretTool(name), std::nullopt, 10000);
            QVERIFY(store.names().isEmpty());
            prompter.decline();
            QTRY_VERIFY_WITH_TIMEOUT(ready(again), 10000);
            QCOMPARE(again.get(), std::nullopt);
            QCOMPARE(prompter.rememberedCount(), 0);
        }
    }

    void passphrasesStayInMemory()
    {
        SecretStore store(m_service, m_settings.get());
        GuiPrompter prompter(nullptr, &store);
        auto answer = onEngineThread([&prompter] { return prompter.passphrase(u"/home/deploy/.ssh/id_ed25519"_s); });
        QTRY_COMPARE_WITH_TIMEOUT(prompter.kind(), u"passphrase"_s, 10000);
        QVERIFY(!prompter.rememberInSecretStore());
        prompter.answer(u"key passphrase"_s, true);
        QTRY_VERIFY_WITH_TIMEOUT(ready(answer), 10000);
        QCOMPARE(answer.get(), std::optional<QByteArray>("key passphrase"));
        QTRY_COMPARE(prompter.rememberedCount(), 1);
        QVERIFY(store.names().isEmpty());
        QCOMPARE(lookUpWithSecretTool(u"passphrase /home/deploy/.ssh/id_ed25519"_s), std::nullopt);
    }

    void forgetAll()
    {
        SecretStore store(m_service, m_settings.get());
        GuiPrompter prompter(nullptr, &store);
        for (const QString &host : {u"deploy@web3"_s, u"deploy@web4"_s}) {
            auto answer = onEngineThread([&prompter, host] { return prompter.password(host, 1); });
            QTRY_COMPARE_WITH_TIMEOUT(prompter.kind(), u"password"_s, 10000);
            prompter.answer(u"secret of "_s + host, true);
            QTRY_VERIFY_WITH_TIMEOUT(ready(answer), 10000);
        }
        QTRY_COMPARE_WITH_TIMEOUT(store.names().size(), 2, 10000);
        QCOMPARE(lookUpWithSecretTool(u"password deploy@web3"_s), std::optional<QByteArray>("secret of deploy@web3"));
        QCOMPARE(prompter.rememberedCount(), 2);

        prompter.forgetAll();
        QTRY_VERIFY_WITH_TIMEOUT(store.names().isEmpty(), 10000);
        QCOMPARE(prompter.rememberedCount(), 0);
        QCOMPARE(lookUpWithSecretTool(u"password deploy@web3"_s), std::nullopt);
        QCOMPARE(lookUpWithSecretTool(u"password deploy@web4"_s), std::nullopt);

        // and asked again
        auto answer = onEngineThread([&prompter] { return prompter.password(u"deploy@web3"_s, 1); });
        QTRY_COMPARE_WITH_TIMEOUT(prompter.kind(), u"password"_s, 10000);
        prompter.decline();
        QTRY_VERIFY_WITH_TIMEOUT(ready(answer), 10000);
    }

    void shutdownWakesAWaitingThread()
    {
        SecretStore store(m_service, m_settings.get());
        auto prompter = std::make_unique<GuiPrompter>(nullptr, &store);
        auto answer = onEngineThread([&prompter] { return prompter->password(u"deploy@web5"_s, 1); });
        QTRY_COMPARE_WITH_TIMEOUT(prompter->kind(), u"password"_s, 10000);
        prompter->shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(ready(answer), 10000);
        QCOMPARE(answer.get(), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
