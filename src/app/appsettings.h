#pragma once

#include <QObject>
#include <QPalette>
#include <QQmlEngine>
#include <QSettings>
#include <QVariantMap>

namespace Baton {

/**
 * @brief The user's preferences (QML singleton `Settings`), kept with QSettings: language,
 * theme, and the defaults of upgrades and polling. Never holds secrets.
 *
 * C++-owned like Fleet: the application creates it before the QML engine.
 */
class AppSettings : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Settings)
    QML_SINGLETON
    /// "" follows the system; "en" or "zh_CN"
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(Theme theme READ theme WRITE setTheme NOTIFY themeChanged)
    /// the colours in use are dark: the dark theme, or the system's when it is dark
    Q_PROPERTY(bool dark READ isDark NOTIFY themeChanged)
    /// the palette of the theme in use: {active, inactive, disabled} of {role name: colour},
    /// for the window (Qt Quick Controls take theirs from the platform theme, which a bare
    /// X11 session or Xvfb does not have)
    Q_PROPERTY(QVariantMap colors READ colors NOTIFY themeChanged)
    Q_PROPERTY(
        int drainTimeoutSeconds READ drainTimeoutSeconds WRITE setDrainTimeoutSeconds NOTIFY drainTimeoutSecondsChanged)
    /// requested on the host during upgrades; empty: http://127.0.0.1:<port>/ when known
    Q_PROPERTY(QString healthUrl READ healthUrl WRITE setHealthUrl NOTIFY healthUrlChanged)
    /// the slow tick of live status, for hosts that do not change
    Q_PROPERTY(int pollIntervalMs READ pollIntervalMs WRITE setPollIntervalMs NOTIFY pollIntervalMsChanged)
    /// hosts upgraded at once in a rollout
    Q_PROPERTY(int parallelism READ parallelism WRITE setParallelism NOTIFY parallelismChanged)

public:
    enum Theme {
        SystemTheme,
        LightTheme,
        DarkTheme,
    };
    Q_ENUM(Theme)

    /** @brief Reads from @p settings (the application's QSettings when null). */
    explicit AppSettings(QObject *parent, QSettings *settings = nullptr);
    ~AppSettings() override;

    static AppSettings *instance();
    /** @brief Where the preferences are kept, for other parts' settings (never secrets). */
    QSettings *backingSettings() const { return m_settings; }
    static AppSettings *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);

    QString language() const { return m_language; }
    void setLanguage(const QString &language);
    Theme theme() const { return m_theme; }
    bool isDark() const;
    QPalette palette() const;
    QVariantMap colors() const;
    void setTheme(Theme theme);
    int drainTimeoutSeconds() const { return m_drainTimeoutSeconds; }
    void setDrainTimeoutSeconds(int seconds);
    QString healthUrl() const { return m_healthUrl; }
    void setHealthUrl(const QString &url);
    int pollIntervalMs() const { return m_pollIntervalMs; }
    void setPollIntervalMs(int ms);
    int parallelism() const { return m_parallelism; }
    void setParallelism(int hosts);

    /** @brief Applies the theme to the application: the colour scheme where the platform
     * lets an application choose it, and a palette of that scheme for the style everywhere
     * (a bare X11 session or Xvfb has no platform theme to follow). */
    void applyTheme() const;

Q_SIGNALS:
    void languageChanged();
    void themeChanged();
    void drainTimeoutSecondsChanged();
    void healthUrlChanged();
    void pollIntervalMsChanged();
    void parallelismChanged();

private:
    /// sets @p member, stores it under @p key and emits @p changed, when @p value is new
    template<typename T>
    bool update(T &member, const T &value, const QString &key, void (AppSettings::*changed)());

    QSettings *m_settings = nullptr;
    std::unique_ptr<QSettings> m_ownSettings;
    QString m_language;
    Theme m_theme = SystemTheme;
    int m_drainTimeoutSeconds = 300;
    QString m_healthUrl;
    int m_pollIntervalMs = 8000;
    int m_parallelism = 5;
};

} // namespace Baton
