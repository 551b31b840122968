#include "isolatedread.h"

#include "../error.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <new>
#include <thread>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace planlines::geodata::import {

namespace {

enum ChildExit : int
{
    kRead = 0,
    kThrew = 2,
    kOutOfMemory = 3
};

// The address space the process holds now (VmSize), in bytes; 0 when unknown.
std::size_t addressSpace()
{
    std::FILE *f = std::fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    unsigned long pages = 0;
    const bool ok = std::fscanf(f, "%lu", &pages) == 1;
    std::fclose(f);
    return ok ? pages * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

int positive(const char *name, int fallback)
{
    const char *v = std::getenv(name);
    if (!v || !*v)
        return fallback;
    char *end = nullptr;
    const long n = std::strtol(v, &end, 10);
    return (*end == '\0' && n > 0 && n < 1000000) ? static_cast<int>(n) : fallback;
}

[[noreturn]] void child(int fd, const std::function<void()> &read, std::size_t memoryMiB)
{
    // No core file of a reader stopped at its limits.
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    if (const std::size_t now = addressSpace()) {
        const rlim_t cap = now + memoryMiB * (std::size_t(1) << 20);
        const rlimit as{cap, cap};
        ::setrlimit(RLIMIT_AS, &as);
    }
    int code = kRead;
    std::string message;
    try {
        read();
    } catch (const std::bad_alloc &) {
        code = kOutOfMemory;
    } catch (const std::exception &e) {
        code = kThrew;
        message = e.what();
    }
    // The pipe's buffer (64 KiB) takes it without a reader; a message is never that long.
    if (message.size() > 4000)
        message.resize(4000);
    for (std::size_t done = 0; done < message.size();) {
        const ssize_t n = ::write(fd, message.data() + done, message.size() - done);
        if (n <= 0)
            break;
        done += static_cast<std::size_t>(n);
    }
    // _exit: no destructor or atexit handler of the parent's objects runs in the copy.
    ::_exit(code);
}

} // namespace

IsolationLimits IsolationLimits::fromEnvironment()
{
    IsolationLimits l;
    l.seconds = positive("PLANLINES_DXF_SECONDS", l.seconds);
    l.memoryMiB = static_cast<std::size_t>(
        positive("PLANLINES_DXF_MEMORY_MIB", static_cast<int>(l.memoryMiB)));
    return l;
}

void runIsolated(const std::function<void()> &read, const std::string &what,
                 const IsolationLimits &limits)
{
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw Error(std::string("cannot start the guarded read: ") + std::strerror(errno), what);
    std::fflush(nullptr); // nothing buffered is written twice
    const pid_t pid = ::fork();
    if (pid < 0) {
        const int e = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        throw Error(std::string("cannot start the guarded read: ") + std::strerror(e), what);
    }
    if (pid == 0) {
        ::close(fds[0]);
        child(fds[1], read, limits.memoryMiB);
    }
    ::close(fds[1]);
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::seconds(limits.seconds);
    int status = 0;
    bool ended = false;
    while (!ended) {
        const pid_t r = ::waitpid(pid, &status, WNOHANG);
        if (r == pid || (r < 0 && errno != EINTR)) {
            ended = r == pid;
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (!ended) {
        ::kill(pid, SIGKILL);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        ::close(fds[0]);
        throw Error("reading stopped after " + std::to_string(limits.seconds) +
                        " s (the file did not finish reading in that time: nested blocks, a "
                        "huge spline or a damaged hatch can make the reader run without end); "
                        "nothing is imported",
                    what);
    }
    std::string message;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        message.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    const std::string memory = std::to_string(limits.memoryMiB) + " MiB";
    if (WIFEXITED(status)) {
        switch (WEXITSTATUS(status)) {
        case kRead:
            return;
        case kThrew:
            throw Error(message);
        case kOutOfMemory:
            throw Error("reading stopped at the memory limit of " + memory +
                            " (the file expands without bound when read); nothing is imported",
                        what);
        default:
            break;
        }
    }
    // GDAL aborts or faults when an allocation fails deep inside it: at the limit, most likely.
    const std::string how = WIFSIGNALED(status)
                                ? "signal " + std::to_string(WTERMSIG(status))
                                : "exit status " + std::to_string(WEXITSTATUS(status));
    throw Error("reading stopped: the reader failed (" + how +
                    "), most likely at the memory "
                    "limit of " +
                    memory + "; nothing is imported",
                what);
}

} // namespace planlines::geodata::import
