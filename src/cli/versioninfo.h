#pragma once

#include <QString>

namespace Baton {

/**
 * @brief The text of `--version`: Baton's version and the Qt, libssh and
 * KSyntaxHighlighting versions in use (and built against, where they differ).
 */
QString versionText(const QString &program);

} // namespace Baton
