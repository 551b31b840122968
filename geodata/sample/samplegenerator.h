// Builds the synthetic sample county (高青县, Gaoqing) as a new project file from the small
// hand-drawn sources in geodata/sample/data/ (compiled in as resources) and a seeded random
// generator: the same options always give the same database.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace planlines::geodata {

struct SampleOptions
{
    std::string outPath;
    bool replace = false;      // replace outPath if it exists (only once the new file is whole)
    int targetParcels = 80000; // land-use parcels, approximately
    std::uint64_t seed = 370322;
    // Also write 地类图斑's second survey year (2024, version 2 over 2023's version 1).
    bool secondYear = true;
    std::function<void(const std::string &)> progress; // optional step messages
};

struct SampleReport
{
    std::int64_t parcels = 0;           // 地类图斑 2023 (version 1)
    std::int64_t secondYearParcels = 0; // 地类图斑 2024 (version 2), 0 if not written
    int layers = 0;
    double countyAreaM2 = 0;
};

class SampleGenerator
{
public:
    // Writes a new project at options.outPath (which must not exist unless options.replace),
    // under a temporary name renamed when whole. Throws Error on failure, leaving the target as
    // it was and no temporary file behind.
    static SampleReport generate(const SampleOptions &options);
};

} // namespace planlines::geodata
