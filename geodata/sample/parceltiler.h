// Tiles a region into irregular field-like polygons: a jittered, anisotropic lattice of points
// per 1 km block (each block with its own field direction, as fields follow roads and ditches)
// turned into Voronoi cells and clipped to the region. The cells cover the region exactly:
// no gaps, no overlaps.
#pragma once

#include "../geometry.h"

#include <cstdint>
#include <vector>

namespace planlines::geodata::sample {

struct ParcelTilerOptions
{
    double cellAreaM2 = 10000; // mean parcel size
    double blockSizeM = 1000;  // blocks that share a field direction
    std::uint64_t seed = 1;
};

class ParcelTiler
{
public:
    // Returns polygons (each a Polygon) covering `region` (Polygon or MultiPolygon).
    static std::vector<Geometry> tile(const Geometry &region, const ParcelTilerOptions &options);
};

} // namespace planlines::geodata::sample
