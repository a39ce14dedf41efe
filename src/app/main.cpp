#include "application.h"

#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Baton_CorePlugin)
Q_IMPORT_QML_PLUGIN(Baton_UiPlugin)

int main(int argc, char *argv[])
{
    if (Baton::Application::answersWithoutDisplay(argc, argv)) {
        QCoreApplication app(argc, argv);
        return Baton::Application::run(app);
    }
    QGuiApplication app(argc, argv);
    return Baton::Application::run(app);
}
