#include "appsettings.h"

#include <QGuiApplication>
#include <QPalette>
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
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        connect(QGuiApplication::styleHints(), &QStyleHints::colorSchemeChanged, this, [this] {
            if (m_theme == SystemTheme) {
                applyTheme();
                Q_EMIT themeChanged();
            }
        });
    }
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

template<typename T>
bool AppSettings::update(T &member, const T &value, const QString &key, void (AppSettings::*changed)())
{
    if (member == value) {
        return false;
    }
    member = value;
    m_settings->setValue(key, QVariant::fromValue(value));
    Q_EMIT(this->*changed)();
    return true;
}

void AppSettings::setLanguage(const QString &language)
{
    update(m_language, language, u"language"_s, &AppSettings::languageChanged);
}

void AppSettings::setTheme(Theme theme)
{
    if (m_theme == theme) {
        return;
    }
    m_theme = theme;
    m_settings->setValue(u"theme"_s, int(theme)); // as a number, as the constructor reads it
    applyTheme();
    Q_EMIT themeChanged();
}

bool AppSettings::isDark() const
{
    if (m_theme != SystemTheme) {
        return m_theme == DarkTheme;
    }
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) &&
        QGuiApplication::styleHints()->colorScheme() == Qt::ColorScheme::Dark;
}

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31), base(0x1e, 0x1f, 0x22), text(0xe8, 0xea, 0xed);
    const QColor disabled(0x80, 0x86, 0x8b);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x3c, 0x3f, 0x44));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x52));
    p.setColor(QPalette::Midlight, QColor(0x3f, 0x42, 0x47));
    p.setColor(QPalette::Mid, QColor(0x30, 0x32, 0x36));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, QColor(0x8a, 0xb4, 0xf8));
    p.setColor(QPalette::HighlightedText, base);
    p.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, disabled);
    }
    return p;
}

} // namespace

QPalette AppSettings::palette() const
{
    return isDark() ? darkPalette() : QGuiApplication::palette();
}

QVariantMap AppSettings::colors() const
{
    const QPalette p = palette();
    const std::initializer_list<std::pair<const char *, QPalette::ColorRole>> roles{
        {"window", QPalette::Window},
        {"windowText", QPalette::WindowText},
        {"base", QPalette::Base},
        {"alternateBase", QPalette::AlternateBase},
        {"text", QPalette::Text},
        {"placeholderText", QPalette::PlaceholderText},
        {"button", QPalette::Button},
        {"buttonText", QPalette::ButtonText},
        {"brightText", QPalette::BrightText},
        {"highlight", QPalette::Highlight},
        {"highlightedText", QPalette::HighlightedText},
        {"link", QPalette::Link},
        {"light", QPalette::Light},
        {"midlight", QPalette::Midlight},
        {"mid", QPalette::Mid},
        {"dark", QPalette::Dark},
        {"shadow", QPalette::Shadow},
        {"toolTipBase", QPalette::ToolTipBase},
        {"toolTipText", QPalette::ToolTipText},
    };
    const std::initializer_list<std::pair<const char *, QPalette::ColorGroup>> groups{
        {"active", QPalette::Active}, {"inactive", QPalette::Inactive}, {"disabled", QPalette::Disabled}};
    QVariantMap map;
    for (const auto &[groupName, group] : groups) {
        QVariantMap colours;
        for (const auto &[name, role] : roles) {
            colours.insert(QString::fromLatin1(name), p.color(group, role));
        }
        map.insert(QString::fromLatin1(groupName), colours);
    }
    return map;
}

void AppSettings::applyTheme() const
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        return;
    }
    const Qt::ColorScheme scheme = m_theme == LightTheme ? Qt::ColorScheme::Light
        : m_theme == DarkTheme                           ? Qt::ColorScheme::Dark
                                                         : Qt::ColorScheme::Unknown;
    QGuiApplication::styleHints()->setColorScheme(scheme);
    // the platform's palette for its own scheme; ours where it cannot follow the choice
    QGuiApplication::setPalette(isDark() ? darkPalette() : QPalette());
}

void AppSettings::setDrainTimeoutSeconds(int seconds)
{
    update(m_drainTimeoutSeconds,
           std::clamp(seconds, 1, 86400),
           u"upgrade/drainTimeoutSeconds"_s,
           &AppSettings::drainTimeoutSecondsChanged);
}

void AppSettings::setHealthUrl(const QString &url)
{
    update(m_healthUrl, url, u"upgrade/healthUrl"_s, &AppSettings::healthUrlChanged);
}

void AppSettings::setPollIntervalMs(int ms)
{
    update(m_pollIntervalMs, std::clamp(ms, 500, 600000), u"poll/intervalMs"_s, &AppSettings::pollIntervalMsChanged);
}

void AppSettings::setParallelism(int hosts)
{
    update(m_parallelism, std::clamp(hosts, 1, 100), u"rollout/parallelism"_s, &AppSettings::parallelismChanged);
}

} // namespace Baton
