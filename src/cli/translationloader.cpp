#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Baton {

void TranslationLoader::install(const QLocale &locale)
{
    auto *app = QCoreApplication::instance();
    Q_ASSERT_X(app, "TranslationLoader::install", "create the application object first");
    auto *baton = new QTranslator(app);
    if (baton->load(locale, QStringLiteral("baton"), QStringLiteral("_"), QStringLiteral(":/i18n")) ||
        baton->load(QStringLiteral(":/i18n/baton_en.qm"))) {
        QCoreApplication::installTranslator(baton);
    }
    auto *qt = new QTranslator(app);
    if (qt->load(
            locale, QStringLiteral("qt"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
}

} // namespace Baton
