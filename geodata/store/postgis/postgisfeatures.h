// The PostGIS engine's FeatureSource: a request becomes one SELECT over the layer's table, the
// box through its GiST index (geom && ST_MakeEnvelope), streamed through a binary cursor; the
// geometry arrives as EWKB and is read by WkbReader (flat arrays) or GEOS.
#pragma once

#include "../featuresource.h"
#include "../layerinfo.h"
#include "pgconnection.h"

namespace planlines::geodata {

class BoxesCursor;

class PostgisFeatureSource final : public FeatureSource
{
public:
    PostgisFeatureSource(PgConnection &db, LayerInfo layer, int srid);
    const LayerInfo &layer() const override { return m_layer; }
    std::vector<std::string> columns() override;
    std::vector<FieldDef> declaredFields() override; // postgisfidquery.cpp
    std::unique_ptr<FeatureCursor> query(const FeatureRequest &request) override;
    std::int64_t count(const FeatureRequest &request) override;
    FidList fids(const FidQuery &query) override; // postgisfidquery.cpp
    bool ensureIndex(const std::string &column) override;
    std::optional<Envelope> extent() override;
    LayerTotals totals() override;
    std::vector<FeatureOverlap> featureOverlaps() override;
    // The features of many boxes in one query (../featurebatch.h; postgisboxes.cpp).
    std::unique_ptr<BoxesCursor> queryBoxes(const FeatureRequest &request,
                                            const std::vector<Envelope> &boxes);

private:
    // The WHERE clause of a request, its parameters appended to params.
    std::string whereClause(const FeatureRequest &request, PgParams &params);
    // A b-tree on a sorted column (key: the column with its collation), kept for next time.
    void keepSortIndex(const std::string &field, const std::string &key);
    PgConnection &m_db;
    LayerInfo m_layer;
    int m_srid;
};

// The overlapping pairs kept for a layer table, or nullopt when it was never checked.
std::optional<std::vector<FeatureOverlap>> storedFeatureOverlaps(PgConnection &db,
                                                                 const std::string &table);

} // namespace planlines::geodata
