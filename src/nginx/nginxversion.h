#pragma once

#include <QString>
#include <QVersionNumber>

#include <optional>

namespace Baton {

/**
 * @brief The product and version an nginx binary reports with `-v` or `-V`.
 *
 * The first line is `nginx version: nginx/1.22.1`; forks name themselves there
 * (`freenginx/1.27.2`, `openresty/1.25.3.1`), and some builds append a vendor note.
 */
struct NginxVersion
{
    QString product; ///< "nginx", "freenginx", "openresty", ...
    QVersionNumber version;

    /** @brief Parses the output of `nginx -v` / `nginx -V` (stderr); nullopt when absent. */
    static std::optional<NginxVersion> parse(QStringView output);

    QString toString() const;
};

} // namespace Baton
