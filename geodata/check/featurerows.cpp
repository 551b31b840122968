#include "featurerows.h"
#include "spatialiteblob.h"

#include "../spatialiteblob.h"
#include "../store/featurebatch.h"

#include <sqlite3.h>

#include <bit>
#include <cstdlib>
#include <cstring>

namespace planlines::geodata::check {

namespace {

std::string orNull(const std::string &field)
{
    return field.empty() ? std::string("NULL") : "t." + field;
}

// LayerPlan keeps its fields as quoted SQL identifiers ("DLBM"); the store wants the names.
std::string unquote(const std::string &quoted)
{
    if (quoted.size() < 2 || quoted.front() != '"')
        return quoted;
    std::string out;
    for (std::size_t i = 1; i + 1 < quoted.size(); ++i) {
        out += quoted[i];
        if (quoted[i] == '"' && quoted[i + 1] == '"')
            ++i;
    }
    return out;
}

// Columns: ROWID, geom, then the fields in FeatureRows::Field order.
class SpatialiteRows final : public FeatureRows
{
public:
    SpatialiteRows(Database &db, const LayerPlan &l, bool whole) : m_db(db), m_layer(l)
    {
        const std::string cols = "t.ROWID, t.geom, " + orNull(l.codeField) + ", " +
                                 orNull(l.nameField) + ", " + orNull(l.dlbmField) + ", " +
                                 orNull(l.dlmcField) + ", " + orNull(l.classField);
        std::string list;
        for (const auto &f : l.listFields)
            list += ", t." + f;
        for (const auto &f : l.parcelFields)
            list += ", " + orNull(f);
        const std::string from = " FROM " + quoteIdentifier(l.table) + " AS t";
        std::string sql = "SELECT " + cols + list + from + " WHERE t.geom IS NOT NULL";
        if (!whole && l.hasIndex) {
            // The R*Tree drives a join on ROWID; `ROWID IN (SELECT pkid …)` built and filled a
            // temporary b-tree for every query.
            sql = "SELECT " + cols + list + " FROM " + quoteIdentifier("idx_" + l.table + "_geom") +
                  " AS r JOIN " + quoteIdentifier(l.table) +
                  " AS t ON t.ROWID = r.pkid"
                  " WHERE r.xmin <= ?3 AND r.xmax >= ?1 AND r.ymin <= ?4 AND r.ymax >= ?2"
                  " AND r.pkid MATCH planlines_site_hull()";
            m_indexed = true;
        } else if (!whole) {
            sql = "SELECT " + cols + list + from;
        }
        m_st = std::make_unique<Statement>(m_db, sql);
    }
    void start(const Envelope *box, int /*part*/, int /*parts*/) override
    {
        // (The share is the R*Tree callback's: it tests the rowid's parity.)
        m_st->reset();
        if (box && m_indexed)
            m_st->bindAll(box->minX, box->minY, box->maxX, box->maxY);
    }
    bool next() override { return m_st->step(); }
    void finish() override { m_st->reset(); }
    std::int64_t fid() const override { return m_st->int64(0); }
    std::span<const unsigned char> blob() override { return m_st->blob(1); }
    Geometry geometry() override { return readGeometry(&m_db, m_st->blob(1), m_layer.name, fid()); }
    std::string text(int field) const override { return m_st->text(field + 2); }
    std::int64_t integer(int field) const override
    {
        return m_st->isNull(field + 2) ? 0 : m_st->int64(field + 2);
    }
    bool isNull(int field) const override { return m_st->isNull(field + 2); }
    bool indexSplits() const override { return m_indexed; }

private:
    Database &m_db;
    const LayerPlan &m_layer;
    std::unique_ptr<Statement> m_st;
    bool m_indexed = false;
};

// A number as SQLite's sqlite3_column_text gives it (what the SpatiaLite path reads), so that
// codes and names read the same from either engine.
std::string sqliteText(const Value &v)
{
    if (const auto *s = std::get_if<std::string>(&v))
        return *s;
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    if (const auto *d = std::get_if<double>(&v)) {
        char buf[64];
        sqlite3_snprintf(sizeof buf, buf, "%!.15g", *d);
        return buf;
    }
    if (const auto *b = std::get_if<Blob>(&v))
        return std::string(b->begin(), b->end());
    return {};
}

class StoreRows final : public FeatureRows
{
public:
    StoreRows(Project &project, const LayerPlan &l, int srid)
        : m_source(project.features(l.info)), m_layer(l), m_srid(srid),
          m_multi(l.info.geometryType.rfind("MULTI", 0) == 0)
    {
        const std::vector<std::string> fields = {l.codeField, l.nameField, l.dlbmField, l.dlmcField,
                                                 l.classField};
        auto want = [&](const std::string &quoted) {
            if (quoted.empty()) {
                m_column.push_back(-1);
                return;
            }
            m_column.push_back(static_cast<int>(m_request.attributes.size()));
            m_request.attributes.push_back(unquote(quoted));
        };
        for (const auto &f : fields)
            want(f);
        for (const auto &f : l.listFields)
            want(f);
        for (const auto &f : l.parcelFields)
            want(f);
    }
    void prefetch(const std::vector<Envelope> &boxes) override
    {
        m_batch.reset();
        m_batchBoxes.clear();
        m_active = nullptr;
        if (boxes.empty())
            return;
        FeatureRequest request = m_request;
        request.box.reset();
        request.small = false;
        request.sharePart = 0;
        request.shareCount = 1;
        m_batch = queryBoxes(*m_source, request, boxes);
        m_batchBoxes = boxes;
        m_nextBox = 0;
    }
    void start(const Envelope *box, int part, int parts) override
    {
        m_cursor.reset();
        m_active = nullptr;
        // A batch's site: its rows are already here when its box is one prefetched (the same
        // bits; a site whose repair moved its box is asked for on its own).
        if (box && parts == 1 && m_batch) {
            const std::size_t n = m_batchBoxes.size();
            for (std::size_t k = 0; k < n; ++k) {
                const std::size_t i = (m_nextBox + k) % n;
                const Envelope &b = m_batchBoxes[i];
                if (b.minX == box->minX && b.minY == box->minY && b.maxX == box->maxX &&
                    b.maxY == box->maxY) {
                    m_batch->seek(i);
                    m_active = m_batch.get();
                    m_nextBox = i + 1;
                    return;
                }
            }
        }
        m_request.box = box ? std::optional<Envelope>(*box) : std::nullopt;
        m_request.small = box != nullptr; // a site's candidates: one round trip
        // This measurer's share only, chosen by the engine (each reads half, not all).
        m_request.sharePart = box ? part : 0;
        m_request.shareCount = box ? parts : 1;
        m_cursor = m_source->query(m_request);
        m_active = m_cursor.get();
    }
    bool next() override { return m_active->next(); }
    void finish() override
    {
        m_cursor.reset();
        m_active = nullptr;
    }
    std::int64_t fid() const override { return m_active->fid(); }
    std::span<const unsigned char> blob() override
    {
        try {
            m_active->readGeometry(m_flat);
        } catch (const Error &) {
            return {}; // geometry() reports what is wrong
        }
        if (!polygonBlobFromFlat(m_flat, m_srid, m_wkb, m_blob))
            return {};
        if (!m_multi && m_flat.partCount() == 1) {
            // A POLYGON layer: the blob as SpatiaLite stores it there (class 3, one polygon).
            m_blob.clear();
            m_blob = spatialiteBlobFromWkb(singlePolygonWkb(), m_srid);
        }
        return m_blob;
    }
    Geometry geometry() override
    {
        try {
            return m_active->geometry();
        } catch (const Error &e) {
            throw Error(e.cause(), "layer " + m_layer.name + ", feature " + std::to_string(fid()));
        }
    }
    std::string text(int field) const override
    {
        const int c = column(field);
        return c < 0 ? std::string() : sqliteText(m_active->value(c));
    }
    std::int64_t integer(int field) const override
    {
        const int c = column(field);
        if (c < 0)
            return 0;
        const Value v = m_active->value(c);
        if (const auto *i = std::get_if<std::int64_t>(&v))
            return *i;
        if (const auto *d = std::get_if<double>(&v))
            return static_cast<std::int64_t>(*d);
        if (const auto *s = std::get_if<std::string>(&v))
            return std::strtoll(s->c_str(), nullptr, 10);
        return 0;
    }
    bool isNull(int field) const override
    {
        const int c = column(field);
        return c < 0 || m_active->isNull(c);
    }
    bool indexSplits() const override
    {
        return m_active == m_cursor.get() && m_request.shareCount > 1;
    }

private:
    int column(int field) const
    {
        return field >= 0 && static_cast<std::size_t>(field) < m_column.size() ? m_column[field]
                                                                               : -1;
    }
    // The one polygon of m_wkb (a MULTIPOLYGON of one part) as a POLYGON's WKB.
    std::vector<unsigned char> singlePolygonWkb() const
    {
        // MULTIPOLYGON: order(1) type(4) count(4) | POLYGON: order(1) type(4) body.
        return std::vector<unsigned char>(m_wkb.begin() + 9, m_wkb.end());
    }
    std::unique_ptr<FeatureSource> m_source;
    const LayerPlan &m_layer;
    int m_srid;
    bool m_multi;
    FeatureRequest m_request;
    std::vector<int> m_column; // FeatureRows::Field → attribute position (-1: none)
    std::unique_ptr<FeatureCursor> m_cursor;
    std::unique_ptr<BoxesCursor> m_batch; // the prefetched sites' candidates
    std::vector<Envelope> m_batchBoxes;
    std::size_t m_nextBox = 0;         // where the next site's box is looked for first
    FeatureCursor *m_active = nullptr; // m_cursor or m_batch
    FlatGeometry m_flat;
    std::vector<unsigned char> m_wkb, m_blob;
};

template <typename T> void put(std::vector<unsigned char> &out, T v)
{
    unsigned char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out.insert(out.end(), bytes, bytes + sizeof v);
}

} // namespace

std::unique_ptr<FeatureRows> spatialiteRows(Database &db, const LayerPlan &layer, bool whole)
{
    return std::make_unique<SpatialiteRows>(db, layer, whole);
}

std::unique_ptr<FeatureRows> storeRows(Project &project, const LayerPlan &layer, int srid)
{
    return std::make_unique<StoreRows>(project, layer, srid);
}

Geometry readGeometry(Database *db, std::span<const unsigned char> blob, const std::string &layer,
                      std::int64_t fid)
{
    try {
        if (Geometry g = SpatialiteBlob::toGeometry(blob))
            return g;
        if (db) {
            auto st = db->prepare("SELECT AsBinary(?)");
            st.bind(1, blob);
            if (st.step() && !st.isNull(0))
                return Geometry::fromWkb(st.blob(0));
        }
        throw Error("SpatiaLite could not read the geometry");
    } catch (const Error &e) {
        throw Error(e.cause(), "layer " + layer + ", feature " + std::to_string(fid));
    }
}

bool polygonBlobFromFlat(const FlatGeometry &flat, int srid, std::vector<unsigned char> &wkb,
                         std::vector<unsigned char> &out)
{
    static_assert(std::endian::native == std::endian::little, "WKB is written little-endian");
    const std::size_t parts = flat.partCount();
    if (parts == 0)
        return false;
    for (std::size_t p = 0; p < parts; ++p)
        if (flat.partKinds[p] != 3)
            return false;
    wkb.clear();
    wkb.push_back(1);
    put<std::uint32_t>(wkb, 6);
    put<std::uint32_t>(wkb, static_cast<std::uint32_t>(parts));
    for (std::size_t p = 0; p < parts; ++p) {
        wkb.push_back(1);
        put<std::uint32_t>(wkb, 3);
        const std::uint32_t firstRing = flat.parts[p], endRing = flat.parts[p + 1];
        put<std::uint32_t>(wkb, endRing - firstRing);
        for (std::uint32_t r = firstRing; r < endRing; ++r) {
            const std::uint32_t first = flat.rings[r], end = flat.rings[r + 1];
            put<std::uint32_t>(wkb, end - first);
            const auto *xy = reinterpret_cast<const unsigned char *>(flat.xy.data() + 2 * first);
            wkb.insert(wkb.end(), xy, xy + (end - first) * 2 * sizeof(double));
        }
    }
    out = spatialiteBlobFromWkb(wkb, srid);
    return true;
}

} // namespace planlines::geodata::check
