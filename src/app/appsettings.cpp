#include "appsettings.h"

#include <QGuiApplication>
#include <QStyleHints>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Baton {

namespace {
AppSettings *s_instance = nullptr;
}

AppSettings::AppSettings(QObject *parent, QSettings *settings)
    : QObject(parent)
    , m_settings(settings)
{
    Q_ASSERT_X(!s_instance, "AppSettings", "there is one AppSettings per process");
    s_instance = this;
    if (!m_settings) {
        m_ownSettings = std::make_unique<QSettings>();
        m_settings = m_ownSettings.get();
    }
    m_language = m_settings->value(u"language"_s).toString();
    m_theme = Theme(std::clamp(m_settings->value(u"theme"_s, int(SystemTheme)).toInt(), 0, int(DarkTheme)));
    m_drainTimeoutSeconds = std::clamp(m_settings->value(u"upgrade/drainTimeoutSeconds"_s, 300).toInt(), 1, 86400);
    m_healthUrl = m_settings->value(u"upgrade/healthUrl"_s).toString();
    m_pollIntervalMs = std::clamp(m_settings->value(u"poll/intervalMs"_s, 8000).toInt(), 500, 600000);
    m_parallelism = std::clamp(m_settings->value(u"rollout/parallelism"_s, 5).toInt(), 1, 100);
}

AppSettings::~AppSettings()
{
    s_instance = nullptr;
}

AppSettings *AppSettings::instance()
{
    return s_instance;
}

AppSettings *AppSettings::create(QQmlEngine *qmlEngine, QJSEngine *jsEngine)
{
    Q_UNUSED(qmlEngine);
    Q_ASSERT_X(s_instance, "AppSettings::create", "create the AppSettings before loading QML");
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    Q_UNUSED(jsEngine);
    return s_instance;
}

void AppSettings::store(const QString &key, const QVariant &value)
{
    m_settings->setValue(key, value);
}

void AppSettings::setLanguage(const QString &language)
{
    if (m_language == language) {
        return;
    }
    m_language = language;
    store(u"language"_s, language);
    Q_EMIT languageChanged();
}

void AppSettings::setTheme(Theme theme)
{
    if (m_theme == theme) {
        return;
    }
    m_theme = theme;
    store(u"theme"_s, int(theme));
    applyTheme();
    Q_EMIT themeChanged();
}

void AppSettings::applyTheme() const
{
    if (auto *app = qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        const Qt::ColorScheme scheme = m_theme == LightTheme ? Qt::ColorScheme::Light
            : m_theme == DarkTheme                           ? Qt::ColorScheme::Dark
                                                             : Qt::ColorScheme::Unknown;
        app->styleHints()->setColorScheme(scheme);
    }
}

void AppSettings::setDrainTimeoutSeconds(int seconds)
{
    seconds = std::clamp(seconds, 1, 86400);
    if (m_drainTimeoutSeconds == seconds) {
        return;
    }
    m_drainTimeoutSeconds = seconds;
    store(u"upgrade/drainTimeoutSeconds"_s, seconds);
    Q_EMIT drainTimeoutSecondsChanged();
}

void AppSettings::setHealthUrl(const QString &url)
{
    if (m_healthUrl == url) {
        return;
    }
    m_healthUrl = url;
    store(u"upgrade/healthUrl"_s, url);
    Q_EMIT healthUrlChanged();
}

void AppSettings::setPollIntervalMs(int ms)
{
    ms = std::clamp(ms, 500, 600000);
    if (m_pollIntervalMs == ms) {
        return;
    }
    m_pollIntervalMs = ms;
    store(u"poll/intervalMs"_s, ms);
    Q_EMIT pollIntervalMsChanged();
}

void AppSettings::setParallelism(int hosts)
{
    hosts = std::clamp(hosts, 1, 100);
    if (m_parallelism == hosts) {
        return;
    }
    m_parallelism = hosts;
    store(u"rollout/parallelism"_s, hosts);
    Q_EMIT parallelismChanged();
}

} // namespace Baton
