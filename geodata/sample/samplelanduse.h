// The land-use parcels (DLTB) of the sample county: the fixed features cut into parcels, and
// the rest of each township tiled into fields and classified. Together they cover the county
// exactly; each parcel lies in one township.
#pragma once

#include "landuseclassifier.h"
#include "sampleterrain.h"

#include <functional>

namespace planlines::geodata::sample {

struct Parcel
{
    Geometry geometry;
    std::string dlbm;
    std::string name;    // for fixed features: the river, road or village it belongs to
    int township = 0;    // index into Terrain::townships
    double x = 0, y = 0; // a point inside the parcel
};

// Builds the parcels township by township on all cores; deterministic for a seed.
std::vector<Parcel> buildParcels(const Terrain &terrain, const LanduseContext &landuse,
                                 int targetParcels, std::uint64_t seed,
                                 const std::function<void(const std::string &)> &progress);

} // namespace planlines::geodata::sample
