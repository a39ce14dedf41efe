#include "appsettings.h"
#include "fleet.h"

#include <QSettings>
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
    QSettings m_settings{m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
    Baton::AppSettings m_appSettings{nullptr, &m_settings}; // the singletons QML reaches as Settings
    Baton::Fleet m_fleet{nullptr}; // and Fleet
};

QUICK_TEST_MAIN_WITH_SETUP(components, Setup)
#include "tst_components.moc"
