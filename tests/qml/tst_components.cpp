#include "fleet.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Baton_CorePlugin)
Q_IMPORT_QML_PLUGIN(Baton_UiPlugin)

// Runs the Qt Quick Test cases tests/qml/tst_*.qml against the Baton.Ui components.
class Setup : public QObject
{
    Q_OBJECT

    Baton::Fleet m_fleet{nullptr}; // the C++-owned singleton QML reaches as Fleet
};

QUICK_TEST_MAIN_WITH_SETUP(components, Setup)
#include "tst_components.moc"
