#pragma once

#include <QString>

#include <optional>

namespace Baton {

/**
 * @brief Reads the process id from the content of an nginx pid file ("1234\n").
 *
 * Surrounding whitespace is allowed; anything else (an empty file, signs, other characters,
 * 0, a number beyond what a process id can be) is an error that @p error explains. An empty
 * pid file is real: `nginx -t` creates it, empty, when it does not exist.
 */
std::optional<qint64> parsePidFile(QStringView content, QString *error);

} // namespace Baton
