#include "savefile.h"

#include "error.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace planlines::geodata {

namespace {

[[noreturn]] void fail(const std::string &path, const std::string &tmp, int error)
{
    if (!tmp.empty())
        ::unlink(tmp.c_str());
    throw Error("cannot write: " + std::string(std::strerror(error)), path);
}

} // namespace

void saveFile(const std::string &path, std::string_view bytes)
{
    const std::filesystem::path target(path);
    // Renaming over /dev/null or a FIFO would replace it, not write into it.
    std::error_code ec;
    if (const auto type = std::filesystem::status(target, ec).type();
        type != std::filesystem::file_type::not_found &&
        type != std::filesystem::file_type::regular)
        throw Error("cannot write: it exists and is not a regular file", path);
    const std::string dir =
        target.has_parent_path() ? target.parent_path().string() : std::string(".");
    std::string tmp = dir + "/." + target.filename().string() + ".XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        fail(path, {}, errno);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            // write() returning 0 for a non-empty buffer would loop forever: treat it as full.
            const int error = n < 0 ? errno : ENOSPC;
            ::close(fd);
            fail(path, tmp, error);
        }
        done += static_cast<std::size_t>(n);
    }
    // Space a filesystem reserved lazily may only fail here (NFS, quotas, delayed allocation).
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        fail(path, tmp, error);
    }
    // mkstemp makes 0600; a report is for others to read too (as sheet exports are).
    ::fchmod(fd, 0644);
    if (::close(fd) != 0)
        fail(path, tmp, errno);
    if (std::rename(tmp.c_str(), path.c_str()) != 0)
        fail(path, tmp, errno);
}

} // namespace planlines::geodata
