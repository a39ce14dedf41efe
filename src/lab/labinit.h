#pragma once

namespace Baton {

/**
 * @brief The init process of one lab host:
 * `batonctl __lab-init HOSTDIR [--pid-namespace] [--owner PID:STARTTIME]`.
 *
 * Starts the host's sshd and nginx from the NUL-separated argument lists in
 * `HOSTDIR/init/sshd.argv` and `HOSTDIR/init/nginx.argv`, reaps every child at once (a
 * master that has quit must not linger as a zombie and look alive) and, on SIGTERM, stops
 * everything it started before it exits.
 *
 * With `--pid-namespace` it first enters a new PID and mount namespace: its child is PID 1
 * there, with a /proc of its own, so `ps` on the host shows only that host's processes; if
 * this process dies, the kernel ends the whole namespace. Without it, the process becomes a
 * child subreaper so that daemonised nginx masters stay its descendants.
 *
 * With `--owner`, the host also stops when that process (identified by pid and start time)
 * ends: tests and `installer/env.sh run` tie their lab to themselves this way, so a crash
 * leaves nothing running.
 *
 * Runs before any Qt object exists (it forks), and returns the process exit code.
 */
int runLabInit(int argc, char **argv);

} // namespace Baton
