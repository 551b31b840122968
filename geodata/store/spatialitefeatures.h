// The SpatiaLite engine's FeatureSource: a request becomes one statement over the layer's table,
// the box through its R*Tree (idx_<table>_geom), the geometry read from the stored BLOB.
#pragma once

#include "../project.h"

namespace planlines::geodata {

class SpatialiteFeatureSource final : public FeatureSource
{
public:
    // indexWriter: a connection that may write kept indexes (the project's, or one opened for
    // it when the project is read-only), nullptr when the file cannot be written; may be empty.
    SpatialiteFeatureSource(Database &db, LayerInfo layer,
                            std::function<Database *()> indexWriter = {});
    const LayerInfo &layer() const override { return m_layer; }
    std::vector<std::string> columns() override;
    std::vector<FieldDef> declaredFields() override; // spatialitefidquery.cpp
    std::unique_ptr<FeatureCursor> query(const FeatureRequest &request) override;
    std::int64_t count(const FeatureRequest &request) override;
    FidList fids(const FidQuery &query) override; // spatialitefidquery.cpp
    bool ensureIndex(const std::string &column) override;
    std::optional<Envelope> extent() override;
    LayerTotals totals() override;
    std::vector<FeatureOverlap> featureOverlaps() override;

private:
    // The WHERE clause and ORDER BY of a request, and the values to bind in order.
    std::string whereClause(const FeatureRequest &request, std::vector<Value> &binds);
    Database &m_db;
    LayerInfo m_layer;
    std::function<Database *()> m_indexWriter;
    std::optional<std::string> m_rtree; // the spatial index table, looked up once
    bool m_rtreeLooked = false;
};

} // namespace planlines::geodata
