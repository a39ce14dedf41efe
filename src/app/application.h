#pragma once

#include <QCoreApplication>

class QGuiApplication;

namespace Baton {

/**
 * @brief Runs the desktop app: options, translation, the QML engine, and `--screenshot`.
 * Returns the exit code. The Baton.Core and Baton.Ui QML plugins must be imported by the
 * executable (Q_IMPORT_QML_PLUGIN).
 */
class Application
{
    Q_DECLARE_TR_FUNCTIONS(Application)

public:
    /// The app's identity: the desktop file, the AppStream component and the icon are named so.
    static constexpr auto desktopId = "dev.baton.baton";

    /**
     * True when the command line asks only for `--help` or `--version`, which need no display:
     * main() then runs with a QCoreApplication, so that packaging tools (help2man) and users
     * on a server can ask without an X or Wayland session.
     */
    static bool answersWithoutDisplay(int argc, const char *const *argv);

    /// Runs with a QGuiApplication, or with a QCoreApplication when answersWithoutDisplay().
    static int run(QCoreApplication &app);
};

} // namespace Baton
