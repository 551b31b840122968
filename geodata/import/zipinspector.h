// Reads a zip archive's central directory (never extracting anything) and refuses archives
// that could escape or exhaust: entries with absolute or `..` paths, encrypted entries, and
// size bombs. GDAL then reads the archive in place through /vsizip/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace planlines::geodata::import {

struct ZipEntry
{
    std::string name; // as stored, '/'-separated
    std::uint64_t compressedSize = 0;
    std::uint64_t uncompressedSize = 0;
    bool isDirectory() const { return !name.empty() && name.back() == '/'; }
};

class ZipInspector
{
public:
    static constexpr std::uint64_t kMaxTotalUncompressed = 4ull << 30; // 4 GiB
    static constexpr double kMaxRatio = 200.0;
    // Entries smaller than this are not ratio-checked alone (tiny files compress very well).
    static constexpr std::uint64_t kRatioFloor = 1ull << 20;
    static constexpr std::size_t kMaxEntries = 100000;

    // The archive's entries, after every check. Throws geodata::Error naming the file, and the
    // entry where one is at fault.
    static std::vector<ZipEntry> inspect(const std::string &path);
};

} // namespace planlines::geodata::import
