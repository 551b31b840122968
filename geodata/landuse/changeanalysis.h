// Land-use change between two versions of a land-use layer (two survey years, or two layers of
// role landuse): where each piece of land was one class and is now another (change pieces),
// the transfer matrix (转移矩阵) for the county and per township, and what the reports derive
// from it (changetables.h). Reads both versions through FeatureSource only, so it runs on any
// engine.
//
// Parcels whose coordinates and DLBM are the same in both versions are matched by a hash and
// counted on the diagonal without GEOS; a parcel whose coordinates are unchanged but whose class
// changed is one change piece, also without GEOS. Only the rest is overlaid: a GEOS STRtree of
// the new version's remaining parcels, one intersection per pair of overlapping boxes, on all
// cores. Like the survey, this assumes each version tiles the land (a parcel overlapping a
// matched one is not overlaid with it).
#pragma once

#include "../geometry.h"
#include "../store/featuresource.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace planlines::geodata::landuse {

// A piece of land whose class changed: old DLBM → new DLBM. "" on one side: land no parcel of
// that version covers (a parcel gone, or a new one).
struct ChangePiece
{
    std::string fromCode, toCode;
    double areaM2 = 0;      // planar, working CRS
    double officialM2 = -1; // TBDLMJ allocated by area share (-1: the layers carry none)
    std::string township;   // 9-digit code (ZLDWDM's first 9 digits), "" unknown
    std::string oldBsm, oldTbbh, newBsm, newTbbh;
    std::int64_t oldFid = 0, newFid = 0;  // 0: no parcel on that side
    double farmlandM2 = 0, redlineM2 = 0; // inside 永久基本农田 / 生态保护红线
    // The MultiPolygon as WKB: a fully redrawn million-parcel county has most of a million
    // pieces, and GEOS objects of them all took the comparison past 2 GB.
    std::vector<unsigned char> wkb;
    Envelope box;
    Geometry geometry() const { return Geometry::fromWkb(wkb); }
};

// Area of land old class → new class (old == new: land that kept its class, unchanged parcels
// and geometry-only changes alike).
struct TransferCell
{
    std::string fromCode, toCode;
    double areaM2 = 0;
    double officialM2 = 0; // meaningful when ChangeResult::hasOfficial
};

struct Township
{
    std::string code; // 9 digits
    std::string name; // from the township layer (XZQMC), else ""
    std::vector<TransferCell> matrix;
};

// Change pieces inside one control layer (永久基本农田 or 生态保护红线).
struct ZoneChanges
{
    bool present = false; // the project has a layer of that role
    std::string layerName;
    double areaM2 = 0;               // of all change pieces inside the zone
    double cultivatedOutflowM2 = 0;  // of those turning 耕地 into another class
    std::vector<TransferCell> cells; // by old → new class (areaM2 only)
};

struct ChangeResult
{
    std::string fromLabel, toLabel; // "地类图斑 v1", "地类图斑 v2" or the two layer names
    std::map<std::string, std::string> classNames; // DLBM → DLMC as the layers spell it
    std::vector<TransferCell> matrix;              // county, 二级类, sorted by from, to
    std::vector<Township> townships;               // sorted by code
    std::vector<ChangePiece> pieces;               // class changes only, sorted by township
    bool hasOfficial = false;                      // both layers carry TBDLMJ and KCXS
    std::int64_t officialFallbacks = 0; // parcels without TBDLMJ: their planar area is used

    std::int64_t oldParcels = 0, newParcels = 0;
    std::int64_t unchangedParcels = 0;             // same coordinates, same class
    std::int64_t reclassifiedParcels = 0;          // same coordinates, another class
    std::int64_t overlaidOld = 0, overlaidNew = 0; // went through GEOS
    // Parcels redrawn, split or merged without a class change (all their land kept its class),
    // and the area of such land outside unchanged parcels.
    std::int64_t geometryOnlyOld = 0, geometryOnlyNew = 0;
    double geometryOnlyM2 = 0;
    double oldAreaM2 = 0, newAreaM2 = 0;

    ZoneChanges farmland, redline;
};

struct CompareOptions
{
    int threads = 0; // 0: all cores
    // Called (serialised) as parcels are overlaid: done so far, total.
    std::function<void(std::size_t done, std::size_t total)> progress;
    // Polled between parcels, from any of the comparison's threads; true stops the comparison
    // (it then throws Error "cancelled").
    std::function<bool()> cancelled;
    // The two versions are read at once on two threads: only when from and to come from
    // different connections (runComparison opens a second one), since a connection is used by
    // one thread at a time.
    bool readInParallel = false;
    // Optional: the township layer (names, and the township of parcels without ZLDWDM), the
    // permanent basic farmland and the ecological red line.
    FeatureSource *townships = nullptr;
    FeatureSource *farmland = nullptr;
    FeatureSource *redline = nullptr;
};

// Compares two versions; labels name them in the result. Throws Error naming the layer when one
// has no DLBM field.
ChangeResult compareLanduse(FeatureSource &from, FeatureSource &to, const std::string &fromLabel,
                            const std::string &toLabel, const CompareOptions &options = {});

} // namespace planlines::geodata::landuse
