// One feature as the identify panel shows it: every attribute under its Chinese name (the
// registry's alias, else the standard code's alias, else the column name), its area (m²) or
// length, and its bounding box for "zoom to feature".
#pragma once

#include <geodata/geometry.h>
#include <geodata/project.h>

#include <QString>

#include <optional>
#include <vector>

namespace planlines::layers {

struct FeatureAttribute
{
    QString field; // DLBM
    QString alias; // 地类编码
    QString value; // as text; empty for NULL
};

struct FeatureDetails
{
    std::int64_t fid = -1;
    std::vector<FeatureAttribute> attributes;
    std::optional<double> areaM2;  // polygons
    std::optional<double> lengthM; // lines
    geodata::Envelope envelope;
};

// Reads feature fid of layer from the project. Throws geodata::Error naming the layer and the
// feature when it does not exist or its geometry cannot be read.
FeatureDetails readFeatureDetails(geodata::Project &project, const geodata::LayerInfo &layer,
                                  std::int64_t fid);

// A value as identify and the attribute table show it: a whole REAL without decimals, else two.
QString valueText(const geodata::Value &v);

// The alias staff read for a field of a layer (registry alias, standard code alias, the name).
QString fieldLabel(const std::vector<geodata::FieldDef> &registry, const std::string &field);

} // namespace planlines::layers
