#include "application.h"

#include "fleet.h"
#include "screenshotwriter.h"
#include "translationloader.h"
#include "versioninfo.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTextStream>

#include <memory>

namespace Baton {

namespace {

QString defaultInventory()
{
    const QString env = qEnvironmentVariable("BATON_INVENTORY");
    if (!env.isEmpty()) {
        return env;
    }
    const QString path =
        QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation) + QStringLiteral("/inventory.json");
    return QFile::exists(path) ? path : QString();
}

} // namespace

int Application::run(QGuiApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("baton"));
    QCoreApplication::setOrganizationName(QStringLiteral("baton"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Baton"));
    QGuiApplication::setDesktopFileName(QStringLiteral("baton"));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Hot binary upgrades of nginx over SSH."));
    parser.addHelpOption();
    const QCommandLineOption versionOption(QStringLiteral("version"),
                                           tr("Show the versions of Baton and its libraries."));
    const QCommandLineOption inventoryOption(
        QStringLiteral("inventory"), tr("The inventory file to open."), tr("FILE"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              tr("Write a PNG of the main window once its data is loaded, then quit."),
                                              tr("FILE"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        tr("The user interface language, e.g. en or zh_CN (default: the system's)."),
        tr("LANG"));
    parser.addOptions({versionOption, inventoryOption, screenshotOption, languageOption});
    parser.process(app);
    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << versionText(QStringLiteral("baton"));
        return 0;
    }

    const QLocale locale = parser.isSet(languageOption) ? QLocale(parser.value(languageOption)) : QLocale();
    QLocale::setDefault(locale);
    TranslationLoader::install(locale);
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE")) {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }

    Fleet fleet(nullptr);
    fleet.setPolling(true); // live status of every host, from the first frame
    QQmlApplicationEngine engine;
    QObject::connect(
        &engine,
        &QQmlApplicationEngine::objectCreationFailed,
        &app,
        [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.loadFromModule("Baton.Ui", "Main");
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());

    std::unique_ptr<ScreenshotWriter> screenshot;
    if (parser.isSet(screenshotOption) && window) {
        screenshot = std::make_unique<ScreenshotWriter>(window, parser.value(screenshotOption));
        QObject::connect(screenshot.get(), &ScreenshotWriter::finished, &app, [&screenshot](bool ok) {
            if (!ok) {
                QTextStream(stderr) << "baton: " << screenshot->errorString() << Qt::endl;
            }
            QCoreApplication::exit(ok ? 0 : 1);
        });
    }

    const QString inventory = parser.isSet(inventoryOption) ? parser.value(inventoryOption) : defaultInventory();
    if (inventory.isEmpty()) {
        fleet.setNoInventory();
    } else if (!fleet.loadInventory(inventory)) {
        QTextStream(stderr) << "baton: " << fleet.errorString() << Qt::endl;
    }
    return QCoreApplication::exec();
}

} // namespace Baton
