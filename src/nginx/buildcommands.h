#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace Baton {

/**
 * @brief The shell commands of building nginx from source on the host (`./configure`, then
 * `make`, never `make install`), in a work directory of its own per build:
 *
 *     WORK/.baton-build   marker: this directory is a build of Baton's (clean() checks it)
 *     WORK/src/           the unpacked source tree; the result is WORK/src/objs/nginx
 *     WORK/build.sh       configure + make, written by writeScript()
 *     WORK/log            their output, combined
 *     WORK/pid            the detached build's process (group) id
 *     WORK/rc             its exit status, once it ended (written by one rename: complete)
 *     WORK/cancelled      present when the build was cancelled
 *
 * The build runs detached (setsid, output to WORK/log): a dropped SSH link does not stop
 * it, and a new connection follows the log from where it stopped. Every path and value
 * goes through shellQuote(); each command is one POSIX sh command line.
 */
namespace BuildCommands {

/** @brief @p path as a shell word: quoted, with a leading "~/" meaning the login user's home. */
QString pathWord(const QString &path);

/**
 * @brief Makes the work directory @p id under @p root (absolute, "~/..." in the login user's
 * home, or empty for ~/.cache/baton/builds) and prints its state: "work ABSPATH", then
 * "rc N" once the build ended, or "running PID" while it runs, then "version X.Y.Z" once the
 * source is unpacked, and "free KB" of the file system.
 */
QString prepare(const QString &root, const QString &id);

/** @brief What prepare() printed. */
struct WorkState
{
    QString directory; ///< absolute
    std::optional<int> exitStatus; ///< the build ended with this status
    qint64 runningPid = 0; ///< the build runs (0: it does not)
    QString version; ///< of the unpacked source ("1.26.3"), empty before unpacking
    qint64 freeKilobytes = -1;
    bool cancelled = false;

    static WorkState parse(QStringView output);
};

/**
 * @brief Unpacks @p source (a tarball, any compression tar knows, with one top directory, or a
 * source directory, which is copied) into WORK/src, checks it is an nginx source tree
 * (`configure`, `src/core/nginx.h`) and prints its version. Exit status 20: not found; 21:
 * unpacking failed; 22: not an nginx source tree.
 */
QString unpack(const QString &work, const QString &source, bool sourceIsDirectory);

/** @brief The version a `src/core/nginx.h` defines (NGINX_VERSION), or empty. */
QString versionFromHeader(QStringView header);

/**
 * @brief The build script: `./configure` with exactly @p arguments (each one word, whatever
 * it holds), then `make -j@p jobs` (0: as many as the host has processors). It announces
 * each part on a line of its own starting with "baton: ".
 */
QString script(const QStringList &arguments, int jobs);

/** @brief Writes stdin to WORK/build.sh and the arguments, one per line, to WORK/arguments. */
QString writeScript(const QString &work);

/** @brief Starts WORK/build.sh detached; prints its pid. Exit status 23: a build runs already. */
QString start(const QString &work);

/**
 * @brief Prints WORK/log from byte @p offset on, and keeps printing what the build adds until it
 * ends (`tail -f --pid` where tail has it, else a loop of one check a second); exits once the
 * build has ended and everything is printed, with the build's exit status (126 when it ended
 * without one: killed).
 */
QString follow(const QString &work, qint64 offset);

/** @brief Prints the sha256 of WORK/src/objs/nginx, then its `-V` (2>&1). Exit status 24: no binary. */
QString result(const QString &work);

/** @brief The built binary's path. */
QString binaryPath(const QString &work);

/**
 * @brief Stops a running build: TERM to its process group, KILL after @p graceSeconds, then
 * marks it cancelled (rc 130). Nothing when it does not run.
 */
QString cancel(const QString &work, int graceSeconds);

/** @brief Removes the work directory, only if it holds Baton's marker. Exit status 25: not a build directory. */
QString clean(const QString &work);

} // namespace BuildCommands
} // namespace Baton
