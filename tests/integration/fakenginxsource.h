#pragma once

#include <QString>

/**
 * @brief A small fake nginx source tree for tests of building nginx on a host.
 *
 * It honours nginx's build interface without compiling anything: `./configure ARGS`
 * accepts nginx 1.26's options (and fails on any other with nginx's
 * `./configure: error: invalid option "--foo"`), records ARGS byte for byte, one a line,
 * in objs/configure-arguments and nginx-style in objs/ngx_auto_config.h, and writes
 * objs/Makefile and a top-level Makefile; `make` (any -jN) then streams compile lines
 * and "links" objs/nginx, a copy of @ref binary. `make install` is refused. All of it is
 * POSIX sh and make, to run on a lab host as a normal user; @ref binary travels in the
 * tarball, so the host needs nothing but sh, sed, sleep, cp and make.
 *
 * --builddir=DIR is honoured like nginx does (objs/ becomes DIR/), for plain paths of
 * letters, digits, '.', '_', '-' and '/'.
 */
struct FakeNginxSource
{
    /** @brief Written to src/core/nginx.h as NGINX_VERSION and nginx_version; X.Y.Z. */
    QString version = QStringLiteral("1.26.3");

    /** @brief The file `make` copies to objs/nginx (mode 755); it must exist. */
    QString binary;

    /** @brief How long make prints a compile line every 0.2 s before linking (0 to 3600). */
    int makeSeconds = 0;

    /** @brief configure checks, then fails for want of PCRE like nginx and exits 1. */
    bool failConfigure = false;

    /** @brief make compiles for makeSeconds, then fails with a gcc error in src/core/nginx.c (exit 2). */
    bool failMake = false;

    /**
     * @brief Writes the tree into @p dir/nginx-VERSION/ (replacing what is there) and packs
     * @p dir/nginx-VERSION.tar.gz with tar czf, one top directory nginx-VERSION/.
     * @return the tarball's path, or empty with @p error set.
     */
    QString write(const QString &dir, QString *error) const;
};
