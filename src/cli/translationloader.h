#pragma once

#include <QLocale>

namespace Baton {

/**
 * @brief Installs Baton's and Qt's own translations for a locale, in the GUI and in
 * batonctl alike.
 *
 * Baton's catalogues are compiled into the binaries (resource prefix `/i18n`). English is
 * the source language: its catalogue only holds the plural forms, and it also serves the
 * C locale of servers and CI machines.
 */
class TranslationLoader
{
public:
    static void install(const QLocale &locale);
};

} // namespace Baton
