// The SpatiaLite engine's LayerSink: a table with AddGeometryColumn, rows inserted with the
// stored BLOB bound (SpatiaLite's per-row triggers dropped during the bulk insert and restored
// at commit), the R*Tree bulk-loaded, the overlaps of a tiling layer found once and kept.
#pragma once

#include "../project.h"
#include "../rtreebulkload.h"
#include "layerdigest.h"
#include "layersink.h"

#include <memory>

namespace planlines::geodata {

class SpatialiteLayerSink final : public LayerSink
{
public:
    SpatialiteLayerSink(Project &project, Database &db, LayerSpec spec);
    ~SpatialiteLayerSink() override;

    GeometryEncoding encoding() const override { return GeometryEncoding::SpatialiteBlob; }
    void add(EncodedGeometry geometry, std::span<const Value> values) override;
    std::int64_t count() const override { return m_count; }
    LayerInfo commit() override;
    const std::optional<LayerInfo> &previous() const override { return m_previous; }

private:
    void archivePrevious(const std::string &ctx);
    void writeRegistry(LayerInfo &info);
    Project &m_project;
    Database &m_db;
    LayerSpec m_spec;
    std::unique_ptr<Transaction> m_tx;
    std::unique_ptr<Statement> m_insert;
    LayerDigest m_digest;
    FlatGeometry m_flat; // the geometry read back for the digest
    std::int64_t m_count = 0;
    // SpatiaLite's per-row insert triggers (geometry constraint, last-insert time), dropped
    // during the bulk insert (add() checks type and SRID itself) and restored by commit().
    std::vector<std::string> m_deferredTriggers;
    std::vector<RTreeEntry> m_boxes; // fid and MBR of each row, for the spatial index
    int m_srid = 0;
    std::optional<LayerInfo> m_previous;
};

} // namespace planlines::geodata
