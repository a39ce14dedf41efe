#include "../unit/probefixture.h"
#include "../unit/temporarysettings.h"
#include "fleet.h"

#include <QFile>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Baton_CorePlugin)
Q_IMPORT_QML_PLUGIN(Baton_UiPlugin)

// Runs the Qt Quick Test cases tests/qml/tst_*.qml against the Baton.Ui components.
class Setup : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TemporarySettings m_settings; // the singletons QML reaches as Settings
    Baton::Fleet m_fleet{nullptr}; // and Fleet

public Q_SLOTS:
    // The pages' tests see three hosts: web-1 spawned, web-2 running, web-3 not probed yet
    // (captured probe records, no SSH: the fleet does not poll).
    void qmlEngineAvailable(QQmlEngine *)
    {
        QFile file(m_dir.filePath(QStringLiteral("inventory.json")));
        if (!file.open(QIODevice::WriteOnly)) {
            qFatal("cannot write the inventory");
        }
        file.write(R"({"version": 1, "name": "pages", "hosts": [
            {"name": "web-1", "address": "10.0.0.1", "groups": ["web"], "nginx": {"targetBinary": "/opt/nginx-new"}},
            {"name": "web-2", "address": "10.0.0.2", "groups": ["web"]},
            {"name": "db-1", "address": "10.0.0.3", "groups": ["db"]}]})");
        file.close();
        if (!m_fleet.loadInventory(file.fileName())) {
            qFatal("%s", qPrintable(m_fleet.errorString()));
        }
        m_fleet.takeSnapshot(QStringLiteral("web-1"),
                             probeSnapshot<Baton::HostSnapshot>(QStringLiteral("probe-02-spawned.txt")));
        m_fleet.takeSnapshot(QStringLiteral("web-2"),
                             probeSnapshot<Baton::HostSnapshot>(QStringLiteral("probe-01-running.txt")));
        m_fleet.hosts()->flush();
    }
};

QUICK_TEST_MAIN_WITH_SETUP(components, Setup)
#include "tst_components.moc"
