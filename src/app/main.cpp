#include "application.h"

#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Baton_CorePlugin)
Q_IMPORT_QML_PLUGIN(Baton_UiPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    return Baton::Application::run(app);
}
