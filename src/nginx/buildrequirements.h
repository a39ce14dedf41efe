#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Baton {

/** @brief A library or tool that a set of configure arguments needs on the build host. */
struct BuildRequirement
{
    Q_DECLARE_TR_FUNCTIONS(BuildRequirement)

public:
    /** "compiler", "make", "pcre", "zlib", "openssl", "libxml2", "libxslt", "libgd", "geoip",
     *  "perl", "gperftools" or "libatomic"; stable, for code. */
    QString id;
    QString what; ///< for the user: "a C compiler (cc)", "PCRE2 (the rewrite module and regular expressions)"
    QString because; ///< for the user: the arguments, or the default module, that need it
    /**
     * One POSIX sh command, run as the login user, that exits 0 iff the requirement is met on
     * the host; it prints nothing. Tools are looked up with `command -v`, headers through the
     * preprocessor of the compiler configure will use (`cc`, or `--with-cc`) with the include
     * options of `--with-cc-opt`: run the header checks once the compiler check passed.
     */
    QString checkCommand;
    QStringList debianPackages; ///< what provides it on Debian and Ubuntu; empty when no package does
    QStringList rpmPackages; ///< on Fedora, RHEL and its rebuilds (some are in EPEL there)
};

/**
 * @brief What building nginx from source with given configure arguments needs on the host,
 * following nginx's own `auto/` scripts (1.2x): the default modules that need a library
 * (rewrite: PCRE, gzip: zlib), the `--with-` modules that add one, and the `--with-X=DIR`
 * options that build a library from its sources instead (no system headers needed then).
 */
namespace BuildRequirements {

/** @brief What `./configure` with @p configureArguments needs on the build host, compiler and make first. */
QList<BuildRequirement> forArguments(const QStringList &configureArguments);

/**
 * @brief The command that installs the packages of @p missing on a host whose /etc/os-release
 * says ID=@p osId and ID_LIKE=@p osIdLike: "apt-get install ..." for the Debian family, "dnf
 * install ..." for the Fedora/RHEL family; empty when the family is unknown or there is
 * nothing to install. Without sudo: whoever runs it decides how to become root.
 */
QString installCommand(const QList<BuildRequirement> &missing, const QString &osId, const QString &osIdLike);

} // namespace BuildRequirements
} // namespace Baton
