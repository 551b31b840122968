#include "newprojectfile.h"

#include "error.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace planlines::geodata {

namespace {

namespace fs = std::filesystem;

void removeWithSidecars(const std::string &path)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(path + suffix, ec);
}

// fsync of a file or directory; the error number, or 0.
int syncPath(const std::string &path, int flags)
{
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int rc = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return rc;
}

struct RemoveTemporary
{
    std::string path;
    bool done = false;
    ~RemoveTemporary()
    {
        if (!done)
            removeWithSidecars(path);
    }
};

// Temporary files of earlier runs for the same target whose process is gone (killed): their
// name carries the pid. A live process's file is left alone.
void removeStaleTemporaries(const fs::path &dir, const std::string &name)
{
    const std::string prefix = "." + name + ".", suffix = ".partial";
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
        std::string file = entry.path().filename().string();
        for (const char *sidecar : {"-journal", "-wal", "-shm"})
            if (file.size() > std::strlen(sidecar) &&
                file.compare(file.size() - std::strlen(sidecar), std::string::npos, sidecar) == 0)
                file.resize(file.size() - std::strlen(sidecar));
        if (file.size() <= prefix.size() + suffix.size() || file.rfind(prefix, 0) != 0 ||
            file.compare(file.size() - suffix.size(), std::string::npos, suffix) != 0)
            continue;
        const std::string middle =
            file.substr(prefix.size(), file.size() - prefix.size() - suffix.size());
        const long pid = std::strtol(middle.c_str(), nullptr, 10); // "PID" or "PID-N"
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            fs::remove(entry.path(), ec);
    }
}

} // namespace

void createProjectFile(const NewProjectFile &f, const std::function<void(Project &)> &fill)
{
    const fs::path target(f.path);
    std::error_code ec;
    const auto type = fs::status(target, ec).type();
    if (type != fs::file_type::not_found && !f.replace)
        throw Error("file already exists; choose another name or remove it", f.path);
    if (type != fs::file_type::not_found && type != fs::file_type::regular)
        throw Error("it exists and is not a regular file", f.path);
    const std::string dir =
        target.has_parent_path() ? target.parent_path().string() : std::string(".");
    removeStaleTemporaries(dir, target.filename().string());
    std::string tmp;
    for (int n = 0; tmp.empty() || fs::exists(tmp, ec); ++n)
        tmp = dir + "/." + target.filename().string() + "." + std::to_string(::getpid()) +
              (n ? "-" + std::to_string(n) : "") + ".partial";
    RemoveTemporary guard{tmp};
    {
        std::unique_ptr<Project> project;
        try {
            project = Project::create(tmp, f.workingCrs, f.countyName, f.countyCode);
        } catch (const Error &e) {
            // Named after the target: the temporary name means nothing to the person.
            throw Error(e.cause(), f.path);
        }
        try {
            if (fill)
                fill(*project);
        } catch (const Error &e) {
            // A write that failed (a full disk) names the file: the target, not the temporary.
            if (e.context() == tmp)
                throw Error(e.cause(), f.path);
            throw;
        }
    } // closed: SQLite checkpoints and removes its -wal
    for (const char *suffix : {"-wal", "-journal"})
        if (fs::exists(tmp + suffix, ec))
            throw Error("cannot write: the new project did not close cleanly", f.path);
    if (const int e = syncPath(tmp, O_RDONLY))
        throw Error("cannot write: " + std::string(std::strerror(e)), f.path);
    if (f.replace)
        for (const char *suffix : {"-wal", "-shm", "-journal"})
            fs::remove(f.path + suffix, ec);
    if (std::rename(tmp.c_str(), f.path.c_str()) != 0)
        throw Error("cannot write: " + std::string(std::strerror(errno)), f.path);
    guard.done = true;
    fs::remove(tmp + "-shm", ec);
    // The rename itself is durable once the directory is.
    syncPath(dir, O_RDONLY | O_DIRECTORY);
}

} // namespace planlines::geodata
