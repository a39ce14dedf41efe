#pragma once

#include "hostupgrade.h"
#include "inventory.h"
#include "nginxbuild.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace Baton {

class RemoteHost;
class Transcript;

struct BuildSettings
{
    QString localSource; ///< an nginx source tarball on this machine, uploaded to the host
    QString remoteSource; ///< or a tarball or a source directory already on the host
    /** The configure arguments; nullopt: exactly those of the running master (its `nginx -V`). */
    std::optional<QStringList> configureArguments;
    int jobs = 0; ///< make -jN; 0: as many as the host has processors
    QString workRoot; ///< on the host; empty: ~/.cache/baton/builds
    int timeoutSeconds = 3600; ///< for configure and make together
    qint64 minimumFreeKilobytes = 300 * 1024; ///< an nginx build takes about 50 MB; leave room
    bool rebuild = false; ///< build again even when the same source and arguments were built
};

/** @brief One configure argument of an edited list, against the running build's. */
struct ArgumentChange
{
    enum class Kind { Same, Added, Dropped, Changed };
    Kind kind = Kind::Same;
    QString argument; ///< as edited (for Dropped: as it was)
    QString previous; ///< for Changed: the running build's argument of the same name

    /** @brief "same", "added", "dropped" or "changed": for JSON and QML. */
    static QString kindName(Kind kind);
};

/** @brief How a build ended. */
struct BuildReport
{
    bool ok = false;
    QString message; ///< one sentence: what was built, or why not
    QStringList details; ///< the error lines of a failed build, or the configure arguments
    QString workDirectory; ///< on the host
    QString binary; ///< the built objs/nginx: the upgrade's target (UpgradeSettings::remoteTarget)
    QString sha256;
    QString version; ///< of the source
    std::optional<NginxBuild> build; ///< what the binary's `-V` says
};

/**
 * @brief Builds nginx from source on one host, the way teams that compile nginx do it by
 * hand: the source unpacked in a work directory of its own, `./configure` with exactly the
 * running binary's arguments (or edited ones), `make`, never `make install`; the result
 * `objs/nginx` is checked (`-V`: the source's version, the same arguments) and becomes the
 * upgrade's target.
 *
 * configure and make run detached on the host (BuildCommands): a dropped link does not stop
 * them, and build() reconnects and follows the log from where it broke. The work directory
 * is named by the source and the arguments, so a build of the same again finds the running
 * build, or the finished one, instead of starting over. Blocking; cancel() is thread-safe.
 */
class HostBuild
{
    Q_DECLARE_TR_FUNCTIONS(HostBuild)

public:
    HostBuild(const HostEntry &host, RemoteHost *remote, Transcript *transcript, const BuildSettings &settings);
    ~HostBuild();

    /** @brief Baton's own lines as things happen ("unpacking nginx-1.26.3.tar.gz"). */
    std::function<void(const QString &line)> onProgress;
    /** @brief configure's and make's output, a line at a time, as the host writes it. */
    std::function<void(const QString &line)> onOutput;

    /** @brief What the running master's `nginx -V` says; nullopt with @p error when nginx does not run. */
    std::optional<NginxBuild> runningBuild(QString *error);

    /** @brief The arguments build() passes to configure: the settings', else the running build's. */
    std::optional<QStringList> configureArguments(QString *error);

    /**
     * @brief Checks the build host and changes nothing: the source is there, a compiler, make
     * and the headers the arguments need (with the packages to install where missing), and
     * free disk. ids: "source", "arguments", the BuildRequirement ids, "disk", "build".
     */
    QList<PreflightCheck> preflight();

    /** @brief Uploads and unpacks the source, runs configure and make, checks the result. */
    BuildReport build();

    /** @brief Stops the build of this source and these arguments that runs on the host (from
     * another batonctl, or one that lost its connection); @p message says what happened. */
    bool stop(QString *message);

    /** @brief Removes this build's work directory on the host. */
    bool clean(QString *error);

    /** @brief The work directory of this host, source and arguments (known once build() or preflight() ran). */
    QString workDirectory() const;

    /** @brief Stops build() soon, and the build on the host with it. */
    void cancel();

    /** @brief The work directory's name for a source (its sha256, or its path on the host) and arguments. */
    static QString workId(const QString &sourceIdentity, const QStringList &arguments);

    /**
     * @brief @p base with @p set applied (an `--NAME=VALUE` or `--NAME` replaces the argument of
     * the same NAME, else is added) and @p drop removed (an argument whose NAME, or whole
     * text, is listed): how the CLI and the GUI edit the running build's arguments.
     */
    static QStringList editArguments(const QStringList &base, const QStringList &set, const QStringList &drop);

    /** @brief @p edited against @p running, in @p edited's order, with the dropped ones after. */
    static QList<ArgumentChange> compareArguments(const QStringList &running, const QStringList &edited);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Baton
