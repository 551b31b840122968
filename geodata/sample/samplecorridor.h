// The silt-back ecological corridor (黄河淤背区百里生态廊道) of the sample county: segments of
// about 1 km on the landward side of the levee, 80–100 m wide, with chainage (桩号) from the
// upstream end, and their construction history from planning in 2020 to maintenance from 2024.
#pragma once

#include "../chainage.h"
#include "../geometry.h"

#include <string>
#include <vector>

namespace planlines::geodata::sample {

struct CorridorProgress
{
    std::string date;   // YYYY-MM-DD
    std::string status; // planned, under_construction, completed, accepted, maintenance
    double percent = 0;
    double plantedAreaM2 = 0;
    std::string note;
};

struct CorridorSegment
{
    std::string id; // YBQ-001
    double startM = 0, endM = 0;
    double widthM = 0;
    Geometry geometry; // strip polygon, EPSG:4548
    std::string works; // 林分提升, 新造林, 绿心公园 …
    std::string unit;  // responsible unit
    std::string planStart, planEnd;
    double investmentWan = 0; // 万元
    double newPlantingM2 = 0;
    std::vector<CorridorProgress> history;
};

// Chinese label of a progress status id (规划, 施工中, 已完工, 已验收, 养护).
std::string statusLabel(const std::string &status);

class CorridorBuilder
{
public:
    // Segments along `levee` (upstream first) on the side away from `river`. The levee body
    // (half width leveeHalfWidthM) is left out of the strip.
    static std::vector<CorridorSegment> build(const Geometry &levee, const Geometry &river,
                                              double leveeHalfWidthM, std::uint64_t seed);
};

} // namespace planlines::geodata::sample
