// The county's ground plan before parcels: township territories, the floodplain between river
// and levee, and the "fixed" features that become parcels of their own (river channel, levee,
// corridor strip, lakes, rivers, canals, roads, villages), none overlapping another.
#pragma once

#include "samplesources.h"

#include <string>
#include <vector>

namespace planlines::geodata::sample {

struct Township
{
    std::string code, name;
    Geometry geometry;
    double seatX = 0, seatY = 0;
};

struct Village
{
    std::string code, name, townshipCode;
    double x = 0, y = 0;
    Geometry geometry; // the 村庄 parcel outline (empty for urban communities)
};

// A feature carved out of the parcel mesh; becomes one or more parcels of its own class.
struct FixedFeature
{
    Geometry geometry;
    std::string dlbm;
    std::string name;
    bool linear = false; // long features are split into pieces of about 1.5 km
};

struct Terrain
{
    std::vector<Township> townships;
    Geometry floodplain; // riverward of the levee
    Geometry channel;    // the Yellow River channel inside the county
    Geometry leveeBody;
    std::vector<FixedFeature> fixed;
    std::vector<Village> villages;    // rural villages (村) with outlines
    std::vector<Village> communities; // urban communities (社区), points only
};

class TerrainBuilder
{
public:
    // Townships, floodplain and the river/levee/water/road features; `corridor` is the union
    // of the corridor segments (carved right after the levee).
    static Terrain build(const SampleSources &src, const Geometry &corridor, std::uint64_t seed);
};

std::vector<Township> buildTownships(const SampleSources &src);
// Side of the levee (+1 left, -1 right of its direction) on which the land (not the river) is.
int landwardSide(const Geometry &levee, const Geometry &river);
// x,y coordinates of a (Multi)LineString / Polygon exterior, in order.
std::vector<double> coordinates(const GEOSGeometry *g);

} // namespace planlines::geodata::sample
