// What every fuzz target shares: a per-process folder on tmpfs, one template project made once
// per process, the container format that carries a multi-file dataset (a Shapefile set, a
// MapInfo table) in one input, and the import that runs `planlines import`'s whole reading path
// and rolls it back. Used by the libFuzzer targets (make fuzz) and by the plain replay
// executables of `make test` alike.
#pragma once

#include <geodata/project.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planlines::fuzz {

// This process's folder on tmpfs (/dev/shm/planlines-fuzz-<pid>), made on first use and
// removed at exit; folders left by processes that died are removed on the way.
const std::string &workDir();

// The project every input is read into: created once per process in workDir(), working CRS
// EPSG:4548 (CGCS2000 3° zone 39 without prefix, the sample county's).
geodata::Project &templateProject();

// Splits an input into parts: for each of `count` parts a 4-byte little-endian length then that
// many bytes. A length past the end takes what is left; parts past the end are empty.
std::vector<std::string_view> splitParts(const std::uint8_t *data, std::size_t size,
                                         std::size_t count);
// The inverse (used to write seed files): the parts joined with their lengths.
std::string joinParts(const std::vector<std::string> &parts);

// Empties the input folder (workDir()/in) and writes the files named base + extension, one per
// non-empty part (or every part when keepEmpty). Returns the folder.
std::string writeInputs(const std::vector<std::string_view> &parts,
                        const std::vector<std::string> &extensions, bool keepEmpty = false);

// Imports path into templateProject() through FileImporter (as `planlines import --role
// context` does: SourceLocator, the source guards, the CRS resolver, feature reading, text
// decoding, geometry cleaning, the layer writer) inside an outer transaction that is rolled
// back, so the project stays the template. Bad input only ever gives a failed report.
void importAndRollBack(const std::string &path);

// Times one input (put one at the top of LLVMFuzzerTestOneInput). At exit the process prints
// "planlines-fuzz: N inputs, slowest M ms wall, C ms CPU" to stderr for `make fuzz`'s table.
class InputTimer
{
public:
    InputTimer();
    ~InputTimer();
    InputTimer(const InputTimer &) = delete;
    InputTimer &operator=(const InputTimer &) = delete;

private:
    std::int64_t m_start;
    std::int64_t m_startCpu;
};

} // namespace planlines::fuzz
