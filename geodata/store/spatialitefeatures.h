// The SpatiaLite engine's FeatureSource: a request becomes one statement over the layer's table,
// the box through its R*Tree (idx_<table>_geom), the geometry read from the stored BLOB.
#pragma once

#include "../project.h"

namespace planlines::geodata {

class SpatialiteFeatureSource final : public FeatureSource
{
public:
    SpatialiteFeatureSource(Database &db, LayerInfo layer);
    const LayerInfo &layer() const override { return m_layer; }
    std::vector<std::string> columns() override;
    std::unique_ptr<FeatureCursor> query(const FeatureRequest &request) override;
    std::int64_t count(const FeatureRequest &request) override;
    bool ensureIndex(const std::string &column) override;
    std::optional<Envelope> extent() override;
    LayerTotals totals() override;
    std::vector<FeatureOverlap> featureOverlaps() override;

private:
    // The WHERE clause and ORDER BY of a request, and the values to bind in order.
    std::string whereClause(const FeatureRequest &request, std::vector<Value> &binds);
    Database &m_db;
    LayerInfo m_layer;
    std::optional<std::string> m_rtree; // the spatial index table, looked up once
    bool m_rtreeLooked = false;
};

} // namespace planlines::geodata
