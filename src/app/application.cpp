#include "application.h"

#include "appsettings.h"

#include "fleet.h"
#include "inventory.h"
#include "screenshotwriter.h"
#include "translationloader.h"
#include "versioninfo.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <memory>
#include <string_view>

namespace Baton {

namespace {

// What --page shows for a page about chosen hosts: the first hosts of the inventory.
void showPageData(Fleet &fleet, const QString &page)
{
    QStringList first;
    for (const HostEntry &host : fleet.inventory().hosts) {
        if (first.size() < 3) {
            first.append(host.name);
        }
    }
    if (first.isEmpty()) {
        return;
    }
    fleet.setCurrentHost(first.constFirst());
    for (const QString &host : std::as_const(first)) {
        fleet.setSelected(host, true);
    }
    if (page == u"compare") {
        // once the hosts have been probed, so that the columns have something to show
        QObject::connect(&fleet, &Fleet::settledChanged, &fleet, [&fleet, first] {
            if (fleet.isSettled() && fleet.comparison()->hosts().isEmpty()) {
                fleet.comparison()->compare(first);
            }
        });
    } else if (page == u"rollout") {
        fleet.rollout()->setHosts(first);
    }
}

// The icon drawn at build time in every hicolor size, for when the theme has none (not installed)
QIcon builtInIcon()
{
    QIcon icon;
    const QDir sizes(QStringLiteral(":/icons"));
    for (const QString &size : sizes.entryList(QDir::Dirs)) {
        icon.addFile(sizes.filePath(size + u"/apps/" + QLatin1StringView(Application::desktopId) + u".png"));
    }
    return icon;
}

} // namespace

bool Application::answersWithoutDisplay(int argc, const char *const *argv)
{
    static constexpr std::string_view answers[] = {"-h", "-?", "--help", "--help-all", "--version"};
    for (int i = 1; i < argc; ++i) {
        if (std::ranges::find(answers, std::string_view(argv[i])) != std::end(answers)) {
            return true;
        }
    }
    return false;
}

int Application::run(QCoreApplication &app)
{
    QCoreApplication::setApplicationName(QStringLiteral("baton"));
    QCoreApplication::setOrganizationName(QStringLiteral("baton"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BATON_VERSION));

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
    const QCommandLineOption pageOption(
        QStringLiteral("page"),
        tr("The page to open: fleet, host, upgrade, rollout, compare or settings (host, upgrade and compare show "
           "the first hosts of the inventory)."),
        tr("PAGE"),
        QStringLiteral("fleet"));
    const QCommandLineOption languageOption(
        QStringList{QStringLiteral("lang"), QStringLiteral("language")},
        tr("The user interface language, e.g. en or zh_CN (default: the system's)."),
        tr("LANG"));
    parser.addOptions({versionOption, inventoryOption, screenshotOption, pageOption, languageOption});
    parser.process(app);
    if (parser.isSet(versionOption)) {
        QTextStream(stdout) << versionText(QStringLiteral("baton"));
        return 0;
    }
    if (qobject_cast<QGuiApplication *>(&app) == nullptr) {
        return 2; // answersWithoutDisplay() and the options above disagree
    }
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Baton"));
    QGuiApplication::setDesktopFileName(QLatin1StringView(desktopId));
    QGuiApplication::setWindowIcon(QIcon::fromTheme(QLatin1StringView(desktopId), builtInIcon()));

    const QStringList pages{QStringLiteral("fleet"),
                            QStringLiteral("host"),
                            QStringLiteral("upgrade"),
                            QStringLiteral("rollout"),
                            QStringLiteral("compare"),
                            QStringLiteral("settings")};
    const QString page = parser.value(pageOption);
    if (!pages.contains(page)) {
        QTextStream(stderr) << "baton: " << tr("unknown page '%1': use one of %2").arg(page, pages.join(u", "))
                            << Qt::endl;
        return 2;
    }

    AppSettings settings(nullptr);
    // the command line wins over the saved language, which wins over the system's
    const auto localeFor = [&](const QString &language) {
        return !language.isEmpty() ? QLocale(language) : QLocale::system();
    };
    const QLocale locale = localeFor(parser.isSet(languageOption) ? parser.value(languageOption) : settings.language());
    QLocale::setDefault(locale);
    TranslationLoader::install(locale);
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE")) {
        QQuickStyle::setStyle(QStringLiteral("Fusion"));
    }
    settings.applyTheme();

    Fleet fleet(nullptr);
    fleet.setPolling(true); // live status of every host, from the first frame
    QQmlApplicationEngine engine;
    QObject::connect(
        &engine,
        &QQmlApplicationEngine::objectCreationFailed,
        &app,
        [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    QObject::connect(&settings, &AppSettings::languageChanged, &engine, [&] {
        const QLocale chosen = localeFor(settings.language());
        QLocale::setDefault(chosen);
        TranslationLoader::install(chosen);
        engine.retranslate();
    });
    engine.loadFromModule("Baton.Ui", "Main");
    if (engine.rootObjects().isEmpty()) {
        return 1;
    }
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst());
    if (window) {
        window->setProperty("page", page);
    }

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

    const QString inventory = parser.isSet(inventoryOption) ? parser.value(inventoryOption) : Inventory::defaultInUse();
    if (inventory.isEmpty()) {
        fleet.setNoInventory();
    } else if (!fleet.loadInventory(inventory)) {
        QTextStream(stderr) << "baton: " << fleet.errorString() << Qt::endl;
    } else if (page != u"fleet" && page != u"settings") {
        showPageData(fleet, page);
    }
    return QCoreApplication::exec();
}

} // namespace Baton
