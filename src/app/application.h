#pragma once

#include <QCoreApplication>

class QGuiApplication;

namespace Baton {

/**
 * @brief Runs the desktop app in a QGuiApplication: options, translation, the QML engine, and
 * `--screenshot`. Returns the exit code. The Baton.Core and Baton.Ui QML plugins must be
 * imported by the executable (Q_IMPORT_QML_PLUGIN).
 */
class Application
{
    Q_DECLARE_TR_FUNCTIONS(Application)

public:
    static int run(QGuiApplication &app);
};

} // namespace Baton
