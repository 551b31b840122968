#include "spatialitefeatures.h"

#include "../check/spatialiteblob.h"
#include "../spatialiteblob.h"
#include "../wkbreader.h"

#include <algorithm>
#include <bit>

namespace planlines::geodata {

namespace {

class SpatialiteCursor final : public FeatureCursor
{
public:
    SpatialiteCursor(Database &db, const std::string &sql, std::vector<Value> binds, bool geometry,
                     std::vector<std::int64_t> fids)
        : m_db(db), m_statement(db.prepare(sql)), m_binds(std::move(binds)), m_geometry(geometry),
          m_fids(std::move(fids))
    {
        std::sort(m_fids.begin(), m_fids.end());
        m_fids.erase(std::unique(m_fids.begin(), m_fids.end()), m_fids.end());
        bindAll();
    }

    bool next() override
    {
        if (m_fids.empty())
            return m_statement.step();
        // One fid at a time through the same statement (rowid = ?, bound last).
        while (m_nextFid < m_fids.size()) {
            m_statement.reset();
            bindAll();
            m_statement.bind(static_cast<int>(m_binds.size()) + 1, m_fids[m_nextFid++]);
            if (m_statement.step())
                return true;
        }
        return false;
    }
    std::int64_t fid() const override { return m_statement.int64(0); }
    bool hasGeometry() const override { return m_geometry && !m_statement.isNull(1); }

    void readGeometry(FlatGeometry &out) override
    {
        out.clear();
        const auto blob = m_statement.blob(1);
        if (readSpatialiteBlob(blob, out) != 0)
            return;
        // Encodings the reader leaves to SpatiaLite (compressed, TinyPoint).
        WkbReader::read(asBinary(blob), out);
    }

    Geometry geometry() override
    {
        const auto blob = m_statement.blob(1);
        if (Geometry g = check::SpatialiteBlob::toGeometry(blob))
            return g;
        return Geometry::fromWkb(asBinary(blob));
    }

    Envelope box() override
    {
        if (const auto e = spatialiteBlobEnvelope(m_statement.blob(1)))
            return *e;
        return geometry().envelope();
    }

    Value value(int i) const override { return m_statement.value(i + (m_geometry ? 2 : 1)); }

private:
    void bindAll()
    {
        for (std::size_t i = 0; i < m_binds.size(); ++i)
            m_statement.bind(static_cast<int>(i) + 1, m_binds[i]);
    }
    std::span<const unsigned char> asBinary(std::span<const unsigned char> blob)
    {
        if (!m_asBinary)
            m_asBinary.emplace(m_db.prepare("SELECT AsBinary(?)"));
        m_asBinary->reset();
        m_asBinary->bind(1, blob);
        if (!m_asBinary->step() || m_asBinary->isNull(0))
            throw Error("SpatiaLite cannot read the geometry");
        return m_asBinary->blob(0);
    }

    Database &m_db;
    Statement m_statement;
    std::vector<Value> m_binds;
    bool m_geometry;
    std::vector<std::int64_t> m_fids;
    std::size_t m_nextFid = 0;
    std::optional<Statement> m_asBinary;
};

// The extent of an R*Tree (pkid, xmin, xmax, ymin, ymax; 32-bit floats) from its root node:
// the union of the root's cells is exactly min(xmin) … max(ymax) of the whole index, without
// reading every entry. nullopt for an empty index; an odd node falls back to the scan.
std::optional<Envelope> rtreeExtent(Database &db, const std::string &index)
{
    auto root =
        db.prepare("SELECT data FROM " + quoteIdentifier(index + "_node") + " WHERE nodeno = 1");
    if (root.step() && !root.isNull(0)) {
        const auto d = root.blob(0);
        auto be16 = [&](std::size_t at) { return (unsigned(d[at]) << 8) | d[at + 1]; };
        auto f32 = [&](std::size_t at) {
            const std::uint32_t u = (std::uint32_t(d[at]) << 24) |
                                    (std::uint32_t(d[at + 1]) << 16) |
                                    (std::uint32_t(d[at + 2]) << 8) | d[at + 3];
            return static_cast<double>(std::bit_cast<float>(u));
        };
        if (d.size() >= 4) {
            const unsigned cells = be16(2);
            if (cells == 0)
                return std::nullopt;
            if (4 + cells * 24u <= d.size()) {
                Envelope e{f32(12), f32(20), f32(16), f32(24)};
                for (unsigned c = 1; c < cells; ++c) {
                    const std::size_t at = 4 + c * 24u + 8;
                    e.minX = std::min(e.minX, f32(at));
                    e.maxX = std::max(e.maxX, f32(at + 4));
                    e.minY = std::min(e.minY, f32(at + 8));
                    e.maxY = std::max(e.maxY, f32(at + 12));
                }
                return e;
            }
        }
    }
    auto st = db.prepare("SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM " +
                         quoteIdentifier(index));
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    return Envelope{st.real(0), st.real(1), st.real(2), st.real(3)};
}

} // namespace

SpatialiteFeatureSource::SpatialiteFeatureSource(Database &db, LayerInfo layer,
                                                 std::function<Database *()> indexWriter)
    : m_db(db), m_layer(std::move(layer)), m_indexWriter(std::move(indexWriter))
{
}

std::vector<std::string> SpatialiteFeatureSource::columns()
{
    std::vector<std::string> out;
    auto st = m_db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    st.bind(1, m_layer.table);
    while (st.step())
        if (std::string c = st.text(0); c != "fid" && c != "geom")
            out.push_back(std::move(c));
    return out;
}

std::string SpatialiteFeatureSource::whereClause(const FeatureRequest &request,
                                                 std::vector<Value> &binds)
{
    std::vector<std::string> terms;
    if (request.skipNullGeometry)
        terms.emplace_back("geom IS NOT NULL");
    if (request.box) {
        if (!m_rtreeLooked) {
            m_rtreeLooked = true;
            auto st = m_db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                   "lower(name) = lower('idx_' || ? || '_geom')");
            st.bind(1, m_layer.table);
            if (st.step())
                m_rtree = st.text(0);
        }
        const Envelope &b = *request.box;
        if (m_rtree) {
            terms.push_back("rowid IN (SELECT pkid FROM " + quoteIdentifier(*m_rtree) +
                            " WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?)");
        } else {
            terms.emplace_back(
                "MbrMinX(geom) <= ? AND MbrMaxX(geom) >= ? AND MbrMinY(geom) <= ? AND "
                "MbrMaxY(geom) >= ?");
        }
        binds.insert(binds.end(), {Value(b.maxX), Value(b.minX), Value(b.maxY), Value(b.minY)});
    }
    if (request.match) {
        const std::string col = quoteIdentifier(request.match->column);
        terms.push_back(request.match->kind == AttributeMatch::Kind::Equals
                            ? col + " = ?"
                            : "instr(" + col + ", ?) > 0");
        binds.emplace_back(request.match->value);
    }
    if (request.shareCount > 1) {
        terms.emplace_back("rowid % ? = ?");
        binds.insert(binds.end(), {Value(std::int64_t{request.shareCount}),
                                   Value(std::int64_t{request.sharePart})});
    }
    if (!request.fids.empty())
        terms.emplace_back("rowid = ?"); // bound per fid by the cursor, after the others
    std::string sql;
    for (std::size_t i = 0; i < terms.size(); ++i)
        sql += (i ? " AND " : " WHERE ") + terms[i];
    return sql;
}

std::unique_ptr<FeatureCursor> SpatialiteFeatureSource::query(const FeatureRequest &request)
{
    std::vector<Value> binds;
    std::string sql = "SELECT rowid";
    if (request.geometry)
        sql += ", geom";
    for (const auto &a : request.attributes)
        sql += ", " + quoteIdentifier(a);
    sql += " FROM " + quoteIdentifier(m_layer.table) + whereClause(request, binds);
    if (request.match && request.shortestMatchFirst)
        sql += " ORDER BY length(" + quoteIdentifier(request.match->column) + "), rowid";
    else if (request.fids.empty())
        sql += " ORDER BY rowid";
    if (request.limit >= 0) {
        sql += " LIMIT ?";
        binds.emplace_back(request.limit);
    }
    if (!request.fids.empty() && request.limit >= 0)
        throw Error("a request by fids takes no limit", "layer " + m_layer.name);
    return std::make_unique<SpatialiteCursor>(m_db, sql, std::move(binds), request.geometry,
                                              request.fids);
}

std::int64_t SpatialiteFeatureSource::count(const FeatureRequest &request)
{
    if (!request.fids.empty()) {
        std::int64_t n = 0;
        FeatureRequest r = request;
        r.geometry = false;
        r.attributes.clear();
        for (auto cursor = query(r); cursor->next();)
            ++n;
        return n;
    }
    std::vector<Value> binds;
    std::string sql =
        "SELECT count(*) FROM " + quoteIdentifier(m_layer.table) + whereClause(request, binds);
    auto st = m_db.prepare(sql);
    for (std::size_t i = 0; i < binds.size(); ++i)
        st.bind(static_cast<int>(i) + 1, binds[i]);
    st.step();
    const std::int64_t n = st.int64(0);
    return request.limit >= 0 ? std::min(n, request.limit) : n;
}

std::optional<Envelope> SpatialiteFeatureSource::extent()
{
    const std::string index = "idx_" + m_layer.table + "_geom";
    if (!m_db.tableExists(index)) {
        auto st = m_db.prepare("SELECT min(MbrMinX(geom)), min(MbrMinY(geom)), max(MbrMaxX(geom)), "
                               "max(MbrMaxY(geom)) FROM " +
                               quoteIdentifier(m_layer.table));
        if (!st.step() || st.isNull(0))
            return std::nullopt;
        return Envelope{st.real(0), st.real(1), st.real(2), st.real(3)};
    }
    return rtreeExtent(m_db, index);
}

LayerTotals SpatialiteFeatureSource::totals()
{
    auto st = m_db.prepare("SELECT count(*), coalesce(sum(ST_Area(geom)), 0), "
                           "coalesce(sum(ST_Length(geom)), 0) FROM " +
                           quoteIdentifier(m_layer.table) + " WHERE geom IS NOT NULL");
    st.step();
    return {st.int64(0), st.real(1), st.real(2)};
}

bool SpatialiteFeatureSource::ensureIndex(const std::string &column)
{
    // The project may be open read-only (the window's): the index is written through a
    // connection of its own, and a busy file is left alone (searches then scan).
    try {
        Database writer(m_db.path(), Database::Mode::ReadWrite);
        writer.exec("PRAGMA busy_timeout = 200");
        writer.exec("CREATE INDEX IF NOT EXISTS " +
                    quoteIdentifier("search_" + m_layer.table + "_" + column) + " ON " +
                    quoteIdentifier(m_layer.table) + "(" + quoteIdentifier(column) + ")");
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

std::vector<FeatureOverlap> SpatialiteFeatureSource::featureOverlaps()
{
    auto stored = storedFeatureOverlaps(m_db, m_layer.table);
    return stored ? std::move(*stored) : findFeatureOverlaps(*this);
}

} // namespace planlines::geodata
