#pragma once

#include "appsettings.h"

#include <QSettings>
#include <QTemporaryDir>

/**
 * @brief The Settings singleton (Baton::AppSettings) on a file of its own, for a test: it
 * never reads or writes the user's settings. Create it before the QML engine, as the app does.
 */
struct TemporarySettings
{
    QTemporaryDir directory;
    QSettings file{directory.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat};
    Baton::AppSettings settings{nullptr, &file};
};
