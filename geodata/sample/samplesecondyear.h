// The sample county's second survey year (2024年度国土变更调查（样例）), made from the 2023
// parcels by rules in general terms, so a new user comparing the two years sees what an annual
// change survey finds: cultivated land built on around the town centres and the chemical park,
// cultivated land turned into orchards and woods, grass and bare land brought back into
// cultivation, and a few parcels split, merged or redrawn without a class change. Every rule is
// by class, distance to the sample's own zones and a seeded hash: deterministic for a seed.
// Changes keep the tiling: class changes keep the geometry, and geometry changes only re-cut
// the land of the parcels involved, so both years cover the same land.
#pragma once

#include "samplelanduse.h"

#include <cstdint>
#include <vector>

namespace planlines::geodata::sample {

struct SecondYearParcel
{
    Geometry geometry;
    std::string dlbm;
    int township = 0;
    double x = 0, y = 0; // a point inside the parcel
    // Index of the 2023 parcel whose codes (BSM, TBBH) it keeps, -1 for a new parcel (split,
    // merged or redrawn parcels get new codes, as a survey gives them).
    std::int64_t kept = -1;
};

struct SecondYearCounts
{
    int built = 0;     // 耕地 → 201/202/202A/203
    int planted = 0;   // 耕地 → 0201/0301
    int reclaimed = 0; // 0404/1204 → 0103
    int split = 0, merged = 0, redrawn = 0;
};

std::vector<SecondYearParcel> buildSecondYear(const std::vector<Parcel> &parcels,
                                              const LanduseContext &context, std::uint64_t seed,
                                              SecondYearCounts *counts = nullptr);

} // namespace planlines::geodata::sample
