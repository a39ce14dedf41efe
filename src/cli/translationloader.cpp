#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Baton {

void TranslationLoader::install(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();
    Q_ASSERT_X(app, "TranslationLoader::install", "create the application object first");
    // a second call (the language changed in Settings) replaces the first one's catalogues
    static QTranslator *installed[2] = {nullptr, nullptr};
    for (QTranslator *&old : installed) {
        if (old) {
            QCoreApplication::removeTranslator(old);
            delete old;
            old = nullptr;
        }
    }
    auto *baton = new QTranslator(app);
    installed[0] = baton;
    if (baton->load(locale, QStringLiteral("baton"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        baton->load(QStringLiteral(":/i18n/baton_en.qm"))) {
        QCoreApplication::installTranslator(baton);
    }
    auto *qt = new QTranslator(app);
    installed[1] = qt;
    if (qt->load(
            locale, QStringLiteral("qt"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
}

} // namespace Baton
