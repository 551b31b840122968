#include "fuzzsupport.h"

#include <geodata/database.h>
#include <geodata/import/fileimporter.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include <time.h>

#include <unistd.h>

namespace fs = std::filesystem;

namespace planlines::fuzz {

namespace {

constexpr std::string_view kPrefix = "planlines-fuzz-";

// Folders of earlier processes that ended without cleaning up (a crash, a kill at timeout).
void removeStaleDirs()
{
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator("/dev/shm", ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(kPrefix, 0) != 0)
            continue;
        const long pid = std::strtol(name.c_str() + kPrefix.size(), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH)
            fs::remove_all(entry.path(), ec);
    }
}

struct WorkDir
{
    std::string path;
    WorkDir()
    {
        removeStaleDirs();
        path = "/dev/shm/" + std::string(kPrefix) + std::to_string(::getpid());
        fs::remove_all(path);
        fs::create_directories(path + "/in");
    }
    ~WorkDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

} // namespace

const std::string &workDir()
{
    static WorkDir dir;
    return dir.path;
}

geodata::Project &templateProject()
{
    static std::unique_ptr<geodata::Project> project =
        geodata::Project::create(workDir() + "/project.sqlite", "EPSG:4548", "fuzz", "000000");
    return *project;
}

std::vector<std::string_view> splitParts(const std::uint8_t *data, std::size_t size,
                                         std::size_t count)
{
    std::vector<std::string_view> parts;
    const char *p = reinterpret_cast<const char *>(data);
    std::size_t left = size;
    for (std::size_t i = 0; i < count; ++i) {
        if (left < 4) {
            parts.emplace_back();
            left = 0;
            continue;
        }
        std::uint32_t len = 0;
        for (int b = 3; b >= 0; --b)
            len = (len << 8) | static_cast<unsigned char>(p[b]);
        p += 4;
        left -= 4;
        const std::size_t take = std::min<std::size_t>(len, left);
        parts.emplace_back(p, take);
        p += take;
        left -= take;
    }
    return parts;
}

std::string joinParts(const std::vector<std::string> &parts)
{
    std::string out;
    for (const auto &part : parts) {
        const auto len = static_cast<std::uint32_t>(part.size());
        for (int b = 0; b < 4; ++b)
            out.push_back(static_cast<char>((len >> (8 * b)) & 0xff));
        out += part;
    }
    return out;
}

std::string writeInputs(const std::vector<std::string_view> &parts,
                        const std::vector<std::string> &extensions, bool keepEmpty)
{
    const std::string dir = workDir() + "/in";
    // GDAL may leave files beside the input (.qix, .aux.xml): start from nothing each time.
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);
    for (std::size_t i = 0; i < parts.size() && i < extensions.size(); ++i) {
        if (parts[i].empty() && !keepEmpty)
            continue;
        std::ofstream out(dir + "/fuzz" + extensions[i], std::ios::binary);
        out.write(parts[i].data(), static_cast<std::streamsize>(parts[i].size()));
    }
    return dir;
}

void importAndRollBack(const std::string &path)
{
    geodata::Project &project = templateProject();
    // The importer's own transaction becomes a savepoint inside this one; nothing is committed.
    geodata::Transaction outer(project.db());
    geodata::import::ImportOptions options;
    // Unrecognised layers are read too (a role is needed before any feature is read).
    options.role = geodata::Role::Context;
    geodata::import::FileImporter importer(project, options);
    const geodata::import::FileReport report = importer.import(path);
    // PLANLINES_FUZZ_VERBOSE=1: what each input gave (to see that seeds reach the features).
    if (std::getenv("PLANLINES_FUZZ_VERBOSE")) {
        geodata::import::ImportReport all;
        all.files.push_back(report);
        std::fprintf(stderr, "%s\n", all.toText().c_str());
    }
}

namespace {

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::int64_t cpuNs()
{
    timespec t{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return std::int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

struct Slowest
{
    std::int64_t inputs = 0;
    std::int64_t ns = 0;
    std::int64_t cpuNs = 0;
    ~Slowest()
    {
        if (inputs > 0)
            std::fprintf(stderr, "planlines-fuzz: %lld inputs, slowest %.1f ms wall, %.1f ms CPU\n",
                         static_cast<long long>(inputs), static_cast<double>(ns) / 1e6,
                         static_cast<double>(cpuNs) / 1e6);
    }
};

Slowest &slowest()
{
    static Slowest s;
    return s;
}

} // namespace

InputTimer::InputTimer() : m_start(nowNs()), m_startCpu(cpuNs())
{
    (void)slowest(); // constructed before the first input's statics: destroyed after them
}

InputTimer::~InputTimer()
{
    Slowest &s = slowest();
    ++s.inputs;
    s.ns = std::max(s.ns, nowNs() - m_start);
    s.cpuNs = std::max(s.cpuNs, cpuNs() - m_startCpu);
}

} // namespace planlines::fuzz

// libFuzzer calls this once before the first input, outside its -timeout: the process's one-time
// costs (GDAL's drivers, PROJ's database, the template project, a first transformation) would
// otherwise land on the first input, and on a loaded machine pass 5 s.
extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    namespace fs = std::filesystem;
    const std::string path = planlines::fuzz::workDir() + "/warmup.geojson";
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                           R"("properties":{"MC":"a"},"geometry":{"type":"Polygon","coordinates":)"
                           R"([[[117.8,37.17],[117.81,37.17],[117.81,37.18],[117.8,37.17]]]}}]})";
    planlines::fuzz::importAndRollBack(path);
    fs::remove(path);
    return 0;
}
