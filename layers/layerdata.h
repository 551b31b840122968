// One layer's features read once from the project (any engine) into compact arrays for drawing:
// float coordinates relative to an origin, part/ring offsets, per-feature boxes, the category
// value and label text, and a packed R-tree for viewport queries. Immutable once loaded, so
// render threads share it through shared_ptr<const LayerData>.
#pragma once

#include "geometrykind.h"
#include "hugepages.h"
#include "mapviewport.h"
#include "packedrtree.h"

#include <geodata/project.h>

#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace planlines::layers {

class LayerStyle;

class LayerData
{
public:
    struct LoadOptions
    {
        std::vector<std::string> categoryFields; // the first column the table has is read
        std::vector<std::string> labelFields;
    };
    static constexpr std::uint16_t kNoCategory = 0xFFFF;

    // The columns a style asks for.
    static LoadOptions optionsFor(const LayerStyle &style);
    // Reads every feature with a geometry from layer.table (column geom). Polygon rings are
    // stored shells counter-clockwise, holes clockwise, without the repeated closing point.
    // Throws geodata::Error naming the layer and feature on unreadable geometry.
    static std::shared_ptr<const LayerData>
    load(geodata::Project &project, const geodata::LayerInfo &layer, const LoadOptions &options);

    struct Range
    {
        std::uint32_t begin = 0, end = 0;
    };

    const std::string &table() const { return m_table; }
    GeometryKind kind() const { return m_kind; }
    std::uint32_t featureCount() const { return static_cast<std::uint32_t>(m_fid.size()); }
    // All features' bounding box, in the working CRS.
    const geodata::Envelope &extent() const { return m_extent; }
    // Coordinates and boxes are stored as float offsets (metres) from this point.
    WorldPoint origin() const { return m_origin; }
    // The columns actually read; empty when the table has none of the candidates.
    const std::string &categoryField() const { return m_categoryField; }
    const std::string &labelField() const { return m_labelField; }

    std::int64_t featureId(std::uint32_t f) const { return m_fid[f]; }
    Range parts(std::uint32_t f) const { return {m_featureParts[f], m_featureParts[f + 1]}; }
    Range rings(std::uint32_t part) const { return {m_partRings[part], m_partRings[part + 1]}; }
    // A ring's (or line's, or point's) coordinates: x, y pairs relative to origin().
    std::span<const float> ringXy(std::uint32_t ring) const
    {
        return {m_xy.data() + 2 * std::size_t(m_ringPoints[ring]),
                2 * std::size_t(m_ringPoints[ring + 1] - m_ringPoints[ring])};
    }
    // The feature's box relative to origin().
    const PackedRTree::Box &box(std::uint32_t f) const { return m_boxes[f]; }
    geodata::Envelope envelope(std::uint32_t f) const;

    // Index into categoryValues(), or kNoCategory when the value is NULL.
    std::uint16_t categoryIndex(std::uint32_t f) const { return m_category[f]; }
    const std::vector<std::string> &categoryValues() const { return m_categoryValues; }
    // The label text; empty when the layer has no label column.
    QStringView label(std::uint32_t f) const;
    WorldPoint labelAnchor(std::uint32_t f) const;

    // The features whose boxes intersect area (working CRS), ascending (the table's order).
    void query(const geodata::Envelope &area, std::vector<std::uint32_t> &out) const;

    // A copy whose category value is valueOf(featureId) for every feature (nothing: NULL), so a
    // layer can be drawn by values its table does not hold, such as a corridor segment's status
    // on a date. Geometry, labels and index are shared by value. (layerdatacategories.cpp)
    std::shared_ptr<const LayerData> withCategories(
        const std::function<std::optional<std::string>(std::int64_t featureId)> &valueOf) const;

    std::size_t pointCount() const { return m_xy.size() / 2; }
    std::size_t memoryBytes() const;

private:
    LayerData() = default;
    class Builder;

    std::string m_table;
    GeometryKind m_kind = GeometryKind::Polygon;
    geodata::Envelope m_extent;
    WorldPoint m_origin;
    std::string m_categoryField;
    std::string m_labelField;

    HugeVector<float> m_xy;
    HugeVector<std::uint32_t> m_ringPoints{0};
    HugeVector<std::uint32_t> m_partRings{0};
    HugeVector<std::uint32_t> m_featureParts{0};
    HugeVector<std::int64_t> m_fid;
    HugeVector<PackedRTree::Box> m_boxes;
    HugeVector<std::uint16_t> m_category;
    std::vector<std::string> m_categoryValues;
    QString m_labelText;
    std::vector<std::uint32_t> m_labelStart{0};
    PackedRTree m_index;
};

} // namespace planlines::layers
