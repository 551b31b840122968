// Decides the land-use class (三调 DLBM) of a generated parcel from where it lies: the Yellow
// River floodplain, the urban zones and parks, the strip behind the levee, or open country
// where smooth noise makes the patchwork of irrigated fields, orchards, ponds and woods.
#pragma once

#include "../geometry.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace planlines::geodata::sample {

// DLBM → DLMC for the codes of DOMAIN.md; empty if unknown.
std::string_view landuseName(std::string_view dlbm);
bool isCultivated(std::string_view dlbm); // 耕地: 0101–0103

struct UrbanZone
{
    Geometry geometry;
    std::string zone; // 城镇集中建设区 / 城镇弹性发展区 / 特别用途区
    std::string town;
    bool isSeat = false;
};

struct LanduseContext
{
    Geometry floodplain;          // riverward of the levee, inside the county
    std::vector<UrbanZone> urban; // the urban development boundary pieces
    Geometry chemicalPark, industrialPark;
    Geometry levee;
    std::uint64_t seed = 0;
};

struct LanduseDecision
{
    std::string dlbm;
    std::string mergeKey; // parcels with the same non-empty key are merged (urban blocks)
};

class LanduseClassifier
{
public:
    explicit LanduseClassifier(const LanduseContext &context);
    ~LanduseClassifier();
    // x, y: a point inside the parcel (EPSG:4548); cellHash: a per-parcel random number.
    LanduseDecision classify(double x, double y, double areaM2, std::uint64_t cellHash) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace planlines::geodata::sample
