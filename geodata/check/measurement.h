// What a site check measures before any rule is applied: the site's area, its overlap with
// each constraint role (area, share, the features involved), the land-use (地类) breakdown,
// the control units it touches with their access-list entries, and the distances the rules
// asked for. Areas are planar m² in the working CRS.
#pragma once

#include "../geometry.h"

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace planlines::geodata::check {

// Overlap roles: the constraint roles of the registry plus "cultivated" (地类 01xx of landuse).
inline constexpr const char *kOverlapRoles[] = {"basic_farmland", "eco_redline",  "urban_boundary",
                                                "corridor",       "control_unit", "cultivated",
                                                "landuse"};

// One feature of a layer that the site touches, with the area of the overlap.
struct FeatureHit
{
    std::string layer; // registry name (永久基本农田)
    std::int64_t fid = 0;
    std::string code; // BSM, HXBM, GHFQDM, HJZHGKDYBM, SEGID …
    std::string name; // DLMC, HXMC, GHFQMC (zone type), HJZHGKDYMC …
    double areaM2 = 0;
    int unitClass = 0; // control units: ZHGKDYFL (1 优先保护, 2 重点管控, 3 一般管控)
    // Control units: the access-list headings (KJBJYS, PWWPFGK, HJFXFK, ZYKFXLYQ), by field.
    std::vector<std::pair<std::string, std::string>> listEntries;
};

struct RoleOverlap
{
    std::string role;
    double areaM2 = 0;
    bool layerPresent = false;        // false: the project has no layer of this role
    std::vector<FeatureHit> features; // by layer, then fid
};

struct LanduseRow
{
    std::string dlbm, dlmc;
    double areaM2 = 0;
    int parcels = 0;
};

// The land use under the site in the terms of a 三调 parcel's attributes: one row per
// (DLBM, DLMC, QSXZ 权属性质, ZLDWMC 坐落单位名称 = 村, GDDB 耕地等别). A field the layer lacks
// reads "" (the row then just has no such attribute).
struct LanduseDetailRow
{
    std::string dlbm, dlmc, qsxz, zldwmc, gddb;
    double areaM2 = 0; // planar
    // The planar area less the 扣除 (田坎 …) part: planar × (1 − KCXS); negative when the layer
    // has no KCXS field (no deduction known).
    double deductedM2 = -1;
    int parcels = 0;
};

// What the report's 三线协调 section says of cultivated land (耕地, DLBM 01xx) under the site,
// from the land-use rows: of which 水田 (0101), parcels, by 耕地等别 (GDDB) where present.
struct FarmlandSummary
{
    double cultivatedM2 = 0;
    double paddyM2 = 0;
    double deductedM2 = -1; // cultivated less the 扣除 part; negative: no KCXS on the layer
    int parcels = 0;
    std::vector<std::pair<std::string, double>> byGrade; // GDDB → m² (empty: no GDDB field)
};

// The nearest feature of a layer the rules measure distance to (黄河大堤 …).
struct DistanceMeasure
{
    std::string target; // the rule file's target key
    std::string layer;  // the layer measured ("" when the project has none)
    double meters = std::numeric_limits<double>::infinity(); // beyond searchMeters: infinity
    double searchMeters = 0;
    std::string featureName;
    std::int64_t fid = 0;
    // How the result names the target when it is some features of a layer (the nearest one's
    // name, else the words they are picked by); "" for a whole layer.
    std::string named;
};

struct Measurement
{
    Geometry site; // as checked (repaired if it had to be), working CRS
    double siteAreaM2 = 0;
    std::vector<std::string> repairs;            // what was wrong with the site or a layer feature
    std::map<std::string, RoleOverlap> overlaps; // by role id
    std::vector<LanduseRow> landuse;             // by DLBM
    std::vector<LanduseDetailRow> landuseDetail; // by DLBM, DLMC, QSXZ, ZLDWMC, GDDB
    FarmlandSummary farmland;
    // The townships (乡镇, the project's township layers) the site lies in, with the area in
    // each; empty when the project has no township layer.
    std::vector<FeatureHit> townships;
    std::vector<DistanceMeasure> distances;
    // ExclusionSpec key → the role's overlap outside the excluded features, m².
    std::map<std::string, double> outsideOf;
    const RoleOverlap &overlap(const std::string &role) const;
    // The villages (ZLDWMC of the land-use rows) under the site with their area, by name;
    // parcels without a ZLDWMC are left out.
    std::vector<std::pair<std::string, double>> villages() const;
    // The land use under the site by QSXZ (权属性质 code; "" for parcels without one), by code.
    std::vector<std::pair<std::string, double>> ownership() const;
};

} // namespace planlines::geodata::check
