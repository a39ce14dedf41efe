#include "labinit.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <sched.h>
#include <sstream>
#include <string>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace Baton {

namespace {

constexpr int ShutdownGraceMs = 5000;

void ignoreSignal(int) { }

sigset_t handledSignals()
{
    sigset_t set;
    sigemptyset(&set);
    for (int signal : {SIGCHLD, SIGTERM, SIGINT, SIGHUP}) {
        sigaddset(&set, signal);
    }
    return set;
}

// A real handler, not SIG_DFL: the kernel drops default-disposition signals sent to a
// namespace's PID 1, and blocked signals are then collected with sigwait.
void blockHandledSignals()
{
    struct sigaction action{};
    action.sa_handler = ignoreSignal;
    sigemptyset(&action.sa_mask);
    const sigset_t set = handledSignals();
    for (int signal : {SIGCHLD, SIGTERM, SIGINT, SIGHUP}) {
        sigaction(signal, &action, nullptr);
    }
    sigprocmask(SIG_BLOCK, &set, nullptr);
}

std::vector<std::string> readArgv(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    const std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::vector<std::string> args;
    std::string current;
    for (char c : content) {
        if (c == '\0') {
            args.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    return args;
}

pid_t spawn(const std::vector<std::string> &args, const std::string &logFile)
{
    if (args.empty()) {
        return -1;
    }
    const pid_t pid = fork();
    if (pid != 0) {
        return pid;
    }
    const sigset_t set = handledSignals();
    sigprocmask(SIG_UNBLOCK, &set, nullptr);
    const int devNull = open("/dev/null", O_RDONLY);
    const int log = open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (devNull >= 0) {
        dup2(devNull, STDIN_FILENO);
    }
    if (log >= 0) {
        dup2(log, STDOUT_FILENO);
        dup2(log, STDERR_FILENO);
    }
    std::vector<char *> argv;
    for (const std::string &arg : args) {
        argv.push_back(const_cast<char *>(arg.c_str()));
    }
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    std::fprintf(stderr, "lab init: cannot run %s: %s\n", argv[0], std::strerror(errno));
    _exit(127);
}

struct Owner
{
    long pid = 0;
    unsigned long long startTime = 0;
};

bool ownerAlive(const Owner &owner)
{
    std::ifstream stat("/proc/" + std::to_string(owner.pid) + "/stat");
    std::string line;
    std::getline(stat, line);
    const auto close = line.rfind(')');
    if (close == std::string::npos) {
        return false;
    }
    // fields after the command: state (3) ... starttime (22)
    std::istringstream fields(line.substr(close + 2));
    std::string field;
    for (int index = 3; fields >> field; ++index) {
        if (index == 3 && field == "Z") {
            return false;
        }
        if (index == 22) {
            return std::stoull(field) == owner.startTime;
        }
    }
    return false;
}

// Waits for a handled signal; with an owner, a dead owner counts as SIGTERM.
int waitSignal(const Owner &owner)
{
    const sigset_t set = handledSignals();
    for (;;) {
        if (owner.pid <= 0) {
            int signal = 0;
            if (sigwait(&set, &signal) == 0) {
                return signal;
            }
            continue;
        }
        timespec timeout{1, 0};
        const int signal = sigtimedwait(&set, nullptr, &timeout);
        if (signal > 0) {
            return signal;
        }
        if (!ownerAlive(owner)) {
            return SIGTERM;
        }
    }
}

void reapAll()
{
    while (waitpid(-1, nullptr, WNOHANG) > 0) { }
}

std::vector<pid_t> childrenOf(pid_t parent)
{
    std::vector<pid_t> children;
    DIR *proc = opendir("/proc");
    if (!proc) {
        return children;
    }
    while (dirent *entry = readdir(proc)) {
        char *end = nullptr;
        const long pid = std::strtol(entry->d_name, &end, 10);
        if (*end != '\0' || pid <= 0) {
            continue;
        }
        std::ifstream stat("/proc/" + std::string(entry->d_name) + "/stat");
        std::string line;
        std::getline(stat, line);
        const auto close = line.rfind(')');
        if (close == std::string::npos) {
            continue;
        }
        char state = 0;
        long ppid = 0;
        if (std::sscanf(line.c_str() + close + 1, " %c %ld", &state, &ppid) == 2 && ppid == parent && state != 'Z') {
            children.push_back(pid_t(pid));
        }
    }
    closedir(proc);
    return children;
}

// Waits up to @p ms for SIGCHLD (or any handled signal), then reaps.
void waitForChildren(int ms)
{
    const sigset_t set = handledSignals();
    timespec timeout{ms / 1000, (ms % 1000) * 1000000L};
    sigtimedwait(&set, nullptr, &timeout);
    reapAll();
}

// TERM every child (masters take their workers with them) until none is left; KILL
// whatever ignores TERM for longer than the grace period.
void stopChildren()
{
    const pid_t self = getpid();
    for (int elapsed = 0;; elapsed += 100) {
        reapAll();
        const std::vector<pid_t> children = childrenOf(self);
        if (children.empty()) {
            return;
        }
        const int signal = elapsed < ShutdownGraceMs ? SIGTERM : SIGKILL;
        for (pid_t child : children) {
            kill(child, signal);
        }
        if (elapsed > ShutdownGraceMs + 2000) {
            return;
        }
        waitForChildren(100);
    }
}

int runHost(const std::string &hostDir, bool pidNamespace, const Owner &owner)
{
    if (pidNamespace) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (unshare(CLONE_NEWNS | CLONE_NEWUTS) != 0) {
            std::fprintf(stderr, "lab init: cannot create mount and UTS namespaces: %s\n", std::strerror(errno));
            return 1;
        }
        // Our own /proc, seen only in this mount namespace. Make the tree private first so
        // the mount cannot propagate out (it may already be, e.g. inside the build root).
        mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr);
        // The host's own name, as `hostname` on a separate server would print it.
        const std::string name = hostDir.substr(hostDir.find_last_of('/') + 1);
        sethostname(name.c_str(), name.size());
        if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, nullptr) != 0) {
            std::fprintf(stderr, "lab init: cannot mount /proc: %s\n", std::strerror(errno));
            return 1;
        }
    }
    const std::string logs = hostDir + "/log/";
    spawn(readArgv(hostDir + "/init/sshd.argv"), logs + "sshd.log");
    spawn(readArgv(hostDir + "/init/nginx.argv"), logs + "nginx-start.log");

    for (;;) {
        if (waitSignal(owner) == SIGCHLD) {
            reapAll();
            continue;
        }
        stopChildren();
        return 0;
    }
}

} // namespace

int runLabInit(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s __lab-init HOSTDIR [--pid-namespace] [--owner PID:STARTTIME]\n", argv[0]);
        return 2;
    }
    const std::string hostDir = argv[2];
    bool pidNamespace = false;
    Owner owner;
    for (int i = 3; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pid-namespace") == 0) {
            pidNamespace = true;
        } else if (std::strcmp(argv[i], "--owner") == 0 && i + 1 < argc) {
            std::sscanf(argv[++i], "%ld:%llu", &owner.pid, &owner.startTime);
        }
    }
    setsid();
    blockHandledSignals();

    if (!pidNamespace) {
        prctl(PR_SET_CHILD_SUBREAPER, 1);
        return runHost(hostDir, false, owner);
    }
    // Only the child enters the new mount and UTS namespaces: this supervisor must keep
    // seeing the machine's /proc to watch its owner.
    if (unshare(CLONE_NEWPID) != 0) {
        std::fprintf(stderr, "lab init: cannot create a PID namespace: %s\n", std::strerror(errno));
        return 1;
    }
    const pid_t init = fork();
    if (init < 0) {
        std::perror("lab init: fork");
        return 1;
    }
    if (init == 0) {
        _exit(runHost(hostDir, true, Owner{}));
    }
    // The supervisor outside the namespace: forwards a stop request to the namespace's
    // init and exits once the namespace is empty (its init is reaped only then).
    for (;;) {
        if (waitSignal(owner) != SIGCHLD) {
            kill(init, SIGTERM);
            continue;
        }
        int status = 0;
        const pid_t reaped = waitpid(init, &status, WNOHANG);
        if (reaped == init) {
            return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
        }
    }
}

} // namespace Baton
