#pragma once

#include "nginxversion.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Baton {

/** @brief What `nginx -V` says about a build. */
struct NginxBuild
{
    Q_DECLARE_TR_FUNCTIONS(NginxBuild)

public:
    NginxVersion version;
    QString compiler; ///< "gcc 12.2.0 (Debian 12.2.0-14)", when the build says
    QString opensslBuilt; ///< "OpenSSL 3.0.20 7 Apr 2026"
    QString opensslRunning; ///< differs from opensslBuilt when the library was upgraded since
    bool tlsSni = false;
    QStringList configureArguments; ///< one element per argument, shell quotes removed

    /** @brief Modules compiled in (`--with-X_module`, `--add-module=PATH`). */
    QStringList staticModules() const;
    /** @brief Modules built as loadable objects (`--with-X=dynamic`, `--add-dynamic-module=PATH`). */
    QStringList dynamicModules() const;
    /** @brief Default modules switched off (`--without-X`). */
    QStringList removedModules() const;
    /** @brief The value of `--NAME=VALUE` (NAME without dashes), or a null string. */
    QString option(QStringView name) const;

    /** @brief Parses the output of `nginx -V` (stderr); @p error says what is missing. */
    static std::optional<NginxBuild> parse(QStringView output, QString *error);

    /** @brief Splits a configure line into arguments like a POSIX shell would. */
    static std::optional<QStringList> splitArguments(QStringView line);
};

/** @brief How two builds differ, for the comparison views and the preflight check. */
struct BuildDifference
{
    QStringList onlyInFirst; ///< configure arguments (without value) the second build lacks
    QStringList onlyInSecond;
    QList<QPair<QString, QPair<QString, QString>>> changedValues; ///< --name: first value, second value
    QStringList modulesDropped; ///< modules of the first build the second one lacks
    QStringList modulesAdded;

    bool isEmpty() const;
    static BuildDifference between(const NginxBuild &first, const NginxBuild &second);
};

} // namespace Baton
