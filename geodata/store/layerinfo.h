// The layer registry's rows and their fields, as every engine reports them.
#pragma once

#include "../featureoverlaps.h"
#include "../role.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planlines::geodata {

enum class FieldType
{
    Text,
    Integer,
    Real,
    Date
};
std::string_view fieldTypeSql(FieldType t);

struct FieldDef
{
    std::string name; // as in the source (DLBM)
    FieldType type = FieldType::Text;
    std::string alias; // what staff read (地类编码)
};

// One row of the layer registry.
struct LayerInfo
{
    std::int64_t id = 0;
    std::string name;
    Role role = Role::Context;
    std::string table;
    std::string geometryType;
    std::string source;
    std::string importedAt;
    int version = 1;
    std::int64_t featureCount = 0;
    std::string crs;
    std::string checksum;
    bool synthetic = false;
    std::string description;
    int sortOrder = 0;
    // The layer_versions row's note ("created", "replaced version 1"); set by
    // Project::layerVersions only.
    std::string versionNote;
    // Set by LayerWriter::commit for a tiling layer (land use, farmland): the pairs of its
    // features that overlap (featureoverlaps.h). Not read back from the registry.
    std::vector<FeatureOverlap> overlaps;
};

} // namespace planlines::geodata
