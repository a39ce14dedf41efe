#include "guiprompter.h"
#include "privatedesktop.h"
#include "secretstore.h"

#include <QDBusConnection>
#include <QDirIterator>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

#include <future>

using namespace Baton;
using namespace Qt::StringLiterals;

/**
 * @brief Remembered passwords with no session bus at all (a server, a bare X session): no
 * secret store, so they are kept in memory for the session, and nothing reaches the disk.
 */
class TestSecretStoreMemory : public QObject
{
    Q_OBJECT

private:
    PrivateDesktop m_desktop; // HOME and XDG directories only: no bus is started

    template<typename T>
    static bool ready(const std::future<T> &future)
    {
        return future.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
    }

    /// files under the test's HOME that contain @p secret
    QStringList filesContaining(const QByteArray &secret) const
    {
        QStringList found;
        QDirIterator it(m_desktop.home(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret)) {
                found.append(file.fileName());
            }
        }
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_desktop.useAsSessionEnvironment(); // unsets DBUS_SESSION_BUS_ADDRESS and DISPLAY
        QVERIFY(!QDBusConnection::sessionBus().isConnected());
    }

    void memoryOnly()
    {
        QSettings settings(m_desktop.home() + u"/.config/baton/baton.conf"_s, QSettings::IniFormat);
        settings.setValue(u"language"_s, u"en"_s); // a settings file exists, to be searched
        SecretStore store(u"baton-test"_s, &settings);
        QVERIFY(!store.isAvailable());

        GuiPrompter prompter(nullptr, &store);
        QVERIFY(!prompter.isSecretStoreAvailable());
        const QByteArray loginSecret = "login secret 7f3a";
        const QByteArray sudoSecret = "sudo secret 91c2";

        auto login = std::async(std::launch::async, [&prompter] { return prompter.password(u"deploy@web1"_s, 1); });
        QTRY_COMPARE_WITH_TIMEOUT(prompter.kind(), u"password"_s, 10000);
        QVERIFY(!prompter.rememberInSecretStore()); // the dialog says "memory only"
        prompter.answer(QString::fromUtf8(loginSecret), true);
        QTRY_VERIFY_WITH_TIMEOUT(ready(login), 10000);
        QCOMPARE(login.get(), std::optional<QByteArray>(loginSecret));

        auto sudo = std::async(std::launch::async, [&prompter] { return prompter.sudoPassword(u"deploy@web1"_s, 1); });
        QTRY_COMPARE_WITH_TIMEOUT(prompter.kind(), u"sudoPassword"_s, 10000);
        prompter.answer(QString::fromUtf8(sudoSecret), true);
        QTRY_VERIFY_WITH_TIMEOUT(ready(sudo), 10000);
        QTRY_COMPARE(prompter.rememberedCount(), 2);

        // remembered for the session: nobody is asked again
        QSignalSpy asked(&prompter, &GuiPrompter::questionChanged);
        auto again = std::async(std::launch::async, [&prompter] { return prompter.password(u"deploy@web1"_s, 1); });
        QTRY_VERIFY_WITH_TIMEOUT(ready(again), 10000);
        QCOMPARE(again.get(), std::optional<QByteArray>(loginSecret));
        QCOMPARE(asked.count(), 0);

        settings.sync();
        QVERIFY(store.names().isEmpty());
        QVERIFY(QFile::exists(settings.fileName()));
        QCOMPARE(filesContaining(loginSecret), QStringList());
        QCOMPARE(filesContaining(sudoSecret), QStringList());

        prompter.forgetAll();
        QCOMPARE(prompter.rememberedCount(), 0);
        auto forgotten = std::async(std::launch::async, [&prompter] { return prompter.password(u"deploy@web1"_s, 1); });
        QTRY_COMPARE_WITH_TIMEOUT(prompter.kind(), u"password"_s, 10000);
        prompter.decline();
        QTRY_VERIFY_WITH_TIMEOUT(ready(forgotten), 10000);
        QCOMPARE(forgotten.get(), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestSecretStoreMemory)
#include "tst_secretstorememory.moc"
