// Which layers of a project a site check reads, and which of their fields say a feature's
// code, name, 地类, control-unit class and access-list entries. Built once per open project
// from the layer registry; whatever a file called its fields, the standard 三调 and 三线一单
// codes are looked for first (case-insensitively).
#pragma once

#include "../featureoverlaps.h"
#include "../project.h"

#include <memory>
#include <string>
#include <vector>

namespace planlines::geodata::check {

// A layer the rules measure distance to: by role and a part of its registry name.
struct DistanceTargetSpec
{
    std::string key;                       // the rule file's name for it ("levee")
    std::string role;                      // "context", "eco_redline", …
    std::vector<std::string> nameContains; // any of these in the layer name (黄河大堤, 大堤 …)
    double searchMeters = 1000;            // farther than this counts as "not near"
    // Only the features whose name, or whose layer's name, contains one of these (饮用水水源:
    // the water source zones among the red line's features, or a layer of their own).
    std::vector<std::string> featureNameContains;

    // Whether a feature of layer `layerName` named `featureName` is one this target measures to.
    bool measuresTo(const std::string &layerName, const std::string &featureName) const;
};

// A role's overlap measured outside some features of another role: cultivated land outside
// the 城镇集中建设区 zones of the urban boundary, say. key is the rule's id.
struct ExclusionSpec
{
    std::string key;
    std::string role;      // whose overlap ("cultivated")
    std::string minusRole; // whose features are taken out ("urban_boundary"; never landuse)
    std::vector<std::string> minusNameContains; // those whose name contains any; all if empty
};

struct LayerPlan
{
    std::string role; // registry role id
    std::string name, table;
    int version = 1;
    std::string checksum;
    std::int64_t featureCount = 0;
    LayerInfo info; // the registry row (what FeatureSource reads)
    bool polygonal = true;
    // Small layers (control units, zones, lines) are read once and kept prepared; large ones
    // (parcels, farmland) are read per site through their R*Tree.
    bool inMemory = false;
    bool hasIndex = false;   // a SpatiaLite R*Tree (a server's GiST index is always there)
    std::string distanceKey; // non-empty: a distance target, not an overlap layer
    // Quoted SQL expressions ('' when the layer has no such field).
    std::string codeField, nameField, dlbmField, dlmcField, classField;
    std::vector<std::string> listFields; // KJBJYS, PWWPFGK, HJFXFK, ZYKFXLYQ (as present)
    // Land use: QSXZ, ZLDWMC, KCXS, GDDB in this order ('' for a field the layer lacks), read
    // after the list fields (FeatureRows::FirstList + listFields.size() + k).
    std::vector<std::string> parcelFields;
    enum ParcelField
    {
        Qsxz,
        Zldwmc,
        Kcxs,
        Gddb
    };
    // A township layer (乡镇): read whole, to say which townships the site lies in.
    bool location = false;
    // Land use and farmland: which of the layer's features overlap each other (stored when
    // the layer was written, else found when the plan is made). Null for the other roles.
    std::shared_ptr<const OverlapIndex> overlaps;
};

struct EnginePlan
{
    std::string projectPath;
    Engine engine = Engine::SpatiaLite; // each measurer opens its own connection to it
    std::vector<LayerPlan> layers;
    std::vector<DistanceTargetSpec> distanceTargets;
    std::vector<ExclusionSpec> exclusions;
    std::vector<std::string> missingRoles; // overlap roles with no layer in the project

    // Layers above this many features are read through their spatial index per site.
    static constexpr std::int64_t kInMemoryMaxFeatures = 5000;
    static EnginePlan of(Project &project, std::vector<DistanceTargetSpec> targets,
                         std::vector<ExclusionSpec> exclusions = {});
};

} // namespace planlines::geodata::check
