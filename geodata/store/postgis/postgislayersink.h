// The PostGIS engine's LayerSink: every version of a layer is a table of its own (fid, the
// fields, geom geometry(<TYPE>, srid)) filled through COPY BINARY, indexed with GiST, and swapped
// into the registry in the same transaction as its version and audit rows: a reader sees the old
// version or the new one, never a mix, and the commit notifies open windows (LISTEN planlines).
#pragma once

#include "../../project.h"
#include "../layerdigest.h"
#include "../layersink.h"
#include "pgconnection.h"
#include "pgcopywriter.h"

#include <memory>

namespace planlines::geodata {

class PostgisLayerSink final : public LayerSink
{
public:
    PostgisLayerSink(Project &project, PgConnection &db, LayerSpec spec);
    ~PostgisLayerSink() override;

    GeometryEncoding encoding() const override { return GeometryEncoding::Ewkb; }
    void add(EncodedGeometry geometry, std::span<const Value> values) override;
    std::int64_t count() const override { return m_count; }
    LayerInfo commit() override;
    const std::optional<LayerInfo> &previous() const override { return m_previous; }

private:
    void checkRight(const std::string &ctx);
    void createTable(const std::string &ctx);
    std::vector<FeatureOverlap> findOverlaps();
    void storeOverlaps(const std::vector<FeatureOverlap> &pairs);
    void writeRegistry(LayerInfo &info);
    Project &m_project;
    PgConnection &m_db;
    LayerSpec m_spec;
    std::unique_ptr<PgTransaction> m_tx;
    std::unique_ptr<PgCopyWriter> m_copy;
    LayerDigest m_digest;
    FlatGeometry m_flat; // the geometry read back for the digest
    std::int64_t m_count = 0;
    int m_srid = 0;
    std::optional<LayerInfo> m_previous;
};

} // namespace planlines::geodata
