#pragma once

#include <QString>
#include <QStringList>

namespace Baton {

/**
 * @brief Quotes @p value for a POSIX shell so that it reaches the command as one word.
 *
 * The one function every path and value put into a remote command goes through
 * (DESIGN.md §4). Words made only of characters that are never special are returned
 * as they are; everything else is wrapped in single quotes.
 */
QString shellQuote(QStringView value);

/** @brief Quotes each of @p words and joins them with spaces into one command line. */
QString shellJoin(const QStringList &words);

} // namespace Baton
