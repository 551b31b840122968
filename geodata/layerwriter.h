// Writes one layer into a project atomically, whatever the engine (store/layersink.h): its table,
// features, spatial index, registry, version and audit rows all land in one transaction, or none
// of them do. A new layer, or, with LayerSpec::replaceKeepingHistory, a new version of a layer of
// the same name and role whose previous version stays readable in <table>_v<N>.
#pragma once

#include "geometry.h"
#include "project.h"
#include "store/layersink.h"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace planlines::geodata {

// A table name for a new layer that no table or layer of the project has yet: ASCII letters,
// digits and '_' from the name, else the role id ("site", "site_2" …).
std::string newTableName(Project &project, const std::string &name, Role role);

// What callers write a layer with: the engine's LayerSink behind a small facade that also
// encodes GEOS geometries for it.
class LayerWriter
{
public:
    // Opens the transaction and creates the table. Throws if the name or table is taken (unless
    // replacing, see LayerSpec::replaceKeepingHistory).
    LayerWriter(Project &project, LayerSpec spec);
    ~LayerWriter();
    LayerWriter(const LayerWriter &) = delete;
    LayerWriter &operator=(const LayerWriter &) = delete;

    // Adds one feature; geometry in the working CRS, values in field order (monostate = NULL).
    // Polygons are promoted to MultiPolygon (lines likewise) to match the column type.
    void add(const Geometry &geometry, std::span<const Value> values);
    void add(EncodedGeometry geometry, std::span<const Value> values);
    // The stored form for a column of geometryType (MULTIPOLYGON …; polygons and lines promoted
    // to multi) and SRID, in the engine's encoding (encoding()). Any thread may call it:
    // importers encode while reading. Throws geodata::Error when the geometry is empty or of
    // another type.
    static EncodedGeometry encode(const Geometry &geometry, const std::string &geometryType,
                                  int srid,
                                  GeometryEncoding encoding = GeometryEncoding::SpatialiteBlob);
    GeometryEncoding encoding() const;
    std::int64_t count() const;
    // Builds the spatial index, writes registry, version and audit rows, and commits.
    LayerInfo commit();
    // The version being replaced, if any.
    const std::optional<LayerInfo> &previous() const;

private:
    std::string m_name, m_geometryType;
    int m_srid = 0;
    std::unique_ptr<LayerSink> m_sink;
};

} // namespace planlines::geodata
