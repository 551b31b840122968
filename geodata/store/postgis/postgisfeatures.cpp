#include "postgisfeatures.h"

#include "../../wkbreader.h"
#include "pgcursor.h"

#include <algorithm>
#include <cmath>

namespace planlines::geodata {

namespace {

// Columns: fid, then with geometry geom (EWKB), then the requested attributes. The box is
// worked out here from the EWKB: ST_XMin … ST_YMax on the server doubled a site query's time.
class PostgisCursor final : public FeatureCursor
{
public:
    PostgisCursor(PgConnection &db, const std::string &sql, const PgParams &params, bool geometry,
                  int batchRows)
        : m_cursor(db, sql, params, batchRows), m_geometry(geometry)
    {
    }
    bool next() override { return m_cursor.next(); }
    std::int64_t fid() const override { return m_cursor.int64(0); }
    bool hasGeometry() const override { return m_geometry && !m_cursor.isNull(1); }
    void readGeometry(FlatGeometry &out) override
    {
        out.clear();
        WkbReader::read(m_cursor.bytes(1), out);
    }
    Geometry geometry() override { return Geometry::fromWkb(m_cursor.bytes(1)); }
    Envelope box() override { return WkbReader::box(m_cursor.bytes(1), m_flat); }
    Value value(int i) const override { return m_cursor.value(i + (m_geometry ? 2 : 1)); }

private:
    PgCursor m_cursor;
    bool m_geometry;
    FlatGeometry m_flat;
};

std::string fidArray(std::vector<std::int64_t> fids)
{
    std::sort(fids.begin(), fids.end());
    fids.erase(std::unique(fids.begin(), fids.end()), fids.end());
    std::string out = "{";
    for (std::size_t i = 0; i < fids.size(); ++i)
        out += (i ? "," : "") + std::to_string(fids[i]);
    return out + "}";
}

} // namespace

PostgisFeatureSource::PostgisFeatureSource(PgConnection &db, LayerInfo layer, int srid)
    : m_db(db), m_layer(std::move(layer)), m_srid(srid)
{
}

std::vector<std::string> PostgisFeatureSource::columns()
{
    const PgResult r = m_db.exec("SELECT attname::text FROM pg_attribute WHERE attrelid = "
                                 "to_regclass($1) AND attnum > 0 AND NOT attisdropped "
                                 "ORDER BY attnum",
                                 PgParams::of(quoteIdentifier(m_layer.table)));
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        if (std::string c = r.text(i, 0); c != "fid" && c != "geom")
            out.push_back(std::move(c));
    return out;
}

std::string PostgisFeatureSource::whereClause(const FeatureRequest &request, PgParams &params)
{
    std::vector<std::string> terms;
    const auto next = [&params] { return "$" + std::to_string(params.size()); };
    if (request.skipNullGeometry)
        terms.emplace_back("geom IS NOT NULL");
    if (request.box) {
        // && on the GiST index; boxTest is only an optional pruning hint (the caller tests
        // exactly), so it is not sent to the server.
        const Envelope &b = *request.box;
        params.add(b.minX).add(b.minY).add(b.maxX).add(b.maxY);
        const int first = params.size() - 3;
        terms.push_back("geom && ST_MakeEnvelope($" + std::to_string(first) + ", $" +
                        std::to_string(first + 1) + ", $" + std::to_string(first + 2) + ", $" +
                        std::to_string(first + 3) + ", " + std::to_string(m_srid) + ")");
    }
    if (request.match) {
        const std::string col = quoteIdentifier(request.match->column);
        if (request.match->kind == AttributeMatch::Kind::Equals) {
            params.untyped(request.match->value); // compared in the column's own type
            terms.push_back(col + " = " + next());
        } else {
            params.add(request.match->value);
            terms.push_back("strpos(" + col + "::text, " + next() + ") > 0");
        }
    }
    if (request.shareCount > 1) {
        params.add(std::int64_t{request.shareCount});
        const std::string count = next();
        params.add(std::int64_t{request.sharePart});
        terms.push_back("fid % " + count + " = " + next());
    }
    if (!request.fids.empty()) {
        params.untyped(fidArray(request.fids));
        terms.push_back("fid = ANY(" + next() + "::int8[])");
    }
    std::string sql;
    for (std::size_t i = 0; i < terms.size(); ++i)
        sql += (i ? " AND " : " WHERE ") + terms[i];
    return sql;
}

std::unique_ptr<FeatureCursor> PostgisFeatureSource::query(const FeatureRequest &request)
{
    if (!request.fids.empty() && request.limit >= 0)
        throw Error("a request by fids takes no limit", "layer " + m_layer.name);
    PgParams params;
    std::string sql = "SELECT fid";
    if (request.geometry)
        sql += ", geom";
    for (const auto &a : request.attributes)
        sql += ", " + quoteIdentifier(a);
    sql += " FROM " + quoteIdentifier(m_layer.table) + whereClause(request, params);
    if (request.match && request.shortestMatchFirst)
        sql += " ORDER BY length(" + quoteIdentifier(request.match->column) + "::text), fid";
    else
        sql += " ORDER BY fid";
    if (request.limit >= 0) {
        params.add(request.limit);
        sql += " LIMIT $" + std::to_string(params.size());
    }
    return std::make_unique<PostgisCursor>(m_db, sql, params, request.geometry,
                                           request.small ? PgCursor::kWhole : 10000);
}

std::int64_t PostgisFeatureSource::count(const FeatureRequest &request)
{
    PgParams params;
    std::string sql =
        "SELECT count(*) FROM " + quoteIdentifier(m_layer.table) + whereClause(request, params);
    const std::int64_t n = m_db.exec(sql, params).int64(0, 0);
    return request.limit >= 0 ? std::min(n, request.limit) : n;
}

std::optional<Envelope> PostgisFeatureSource::extent()
{
    // Exact, without reading the table (a million parcels took 2 s, and the check's site reader
    // asks every layer): the GiST index's root box B holds every feature's box, rounded outward
    // to float. Each side's exact value is the extreme among the features whose box reaches
    // within d of that side of B (a few, through the index). It is the layer's own extreme when
    // it lies within d of B's side: any feature beyond it would lie in that strip too. Else (a
    // root box left wide by deleted rows: GiST keys do not shrink) the table is read.
    const std::string table = quoteIdentifier(m_layer.table);
    const PgResult root = m_db.exec("SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM "
                                    "_postgis_index_extent(to_regclass($1), 'geom') AS b",
                                    PgParams::of(table));
    if (root.rows() == 1 && !root.isNull(0, 0)) {
        const Envelope b{root.real(0, 0), root.real(0, 1), root.real(0, 2), root.real(0, 3)};
        const double big =
            std::max({std::abs(b.minX), std::abs(b.minY), std::abs(b.maxX), std::abs(b.maxY)});
        const double d = std::max(1.0, big * 1e-6); // above float's rounding (2^-23 relative)
        const auto strip = [&](double x0, double y0, double x1, double y1) {
            PgParams p;
            p.add(x0).add(y0).add(x1).add(y1);
            return p;
        };
        const auto side = [&](const char *agg, const char *fn, const PgParams &p) {
            return m_db.exec(std::string("SELECT ") + agg + "(" + fn + "(geom)) FROM " + table +
                                 " WHERE geom && ST_MakeEnvelope($1, $2, $3, $4, " +
                                 std::to_string(m_srid) + ")",
                             p);
        };
        const PgResult x0 =
            side("min", "ST_XMin", strip(b.minX - d, b.minY - d, b.minX + d, b.maxY + d));
        const PgResult y0 =
            side("min", "ST_YMin", strip(b.minX - d, b.minY - d, b.maxX + d, b.minY + d));
        const PgResult x1 =
            side("max", "ST_XMax", strip(b.maxX - d, b.minY - d, b.maxX + d, b.maxY + d));
        const PgResult y1 =
            side("max", "ST_YMax", strip(b.minX - d, b.maxY - d, b.maxX + d, b.maxY + d));
        if (!x0.isNull(0, 0) && !y0.isNull(0, 0) && !x1.isNull(0, 0) && !y1.isNull(0, 0)) {
            const Envelope e{x0.real(0, 0), y0.real(0, 0), x1.real(0, 0), y1.real(0, 0)};
            if (e.minX <= b.minX + d && e.minY <= b.minY + d && e.maxX >= b.maxX - d &&
                e.maxY >= b.maxY - d)
                return e;
        }
    }
    const PgResult r = m_db.exec("SELECT min(ST_XMin(geom)), min(ST_YMin(geom)), "
                                 "max(ST_XMax(geom)), max(ST_YMax(geom)) FROM " +
                                 table);
    if (r.isNull(0, 0))
        return std::nullopt;
    return Envelope{r.real(0, 0), r.real(0, 1), r.real(0, 2), r.real(0, 3)};
}

LayerTotals PostgisFeatureSource::totals()
{
    const PgResult r = m_db.exec("SELECT count(*), coalesce(sum(ST_Area(geom)), 0), "
                                 "coalesce(sum(ST_Length(geom)), 0) FROM " +
                                 quoteIdentifier(m_layer.table) + " WHERE geom IS NOT NULL");
    return {r.int64(0, 0), r.real(0, 1), r.real(0, 2)};
}

bool PostgisFeatureSource::ensureIndex(const std::string &column)
{
    // Only the table's owner may index it, and not in a read-only session; anyone else's
    // searches scan (best effort, as the interface says). A savepoint keeps a refusal from
    // spoiling the caller's transaction.
    const std::string index = "search_" + m_layer.table + "_" + column;
    try {
        PgTransaction tx(m_db);
        m_db.exec("CREATE INDEX IF NOT EXISTS " + quoteIdentifier(index) + " ON " +
                  quoteIdentifier(m_layer.table) + " (" + quoteIdentifier(column) + ")");
        tx.commit();
        return true;
    } catch (const StoreError &) {
        // Refused even when the index is there (a read-only session refuses the statement
        // before looking): say whether it exists, as the interface promises.
        return m_db
            .scalar("SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() AND "
                    "tablename = $1 AND indexname = $2",
                    m_layer.table, index)
            .has_value();
    }
}

std::optional<std::vector<FeatureOverlap>> storedFeatureOverlaps(PgConnection &db,
                                                                 const std::string &table)
{
    if (!db.scalar("SELECT 1 FROM layer_overlap_checks WHERE table_name = $1", table))
        return std::nullopt;
    const PgResult r = db.exec("SELECT fid, other_fid, area_m2 FROM layer_overlaps WHERE "
                               "table_name = $1 ORDER BY fid, other_fid",
                               PgParams::of(table));
    std::vector<FeatureOverlap> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.push_back({r.int64(i, 0), r.int64(i, 1), r.real(i, 2)});
    return out;
}

std::vector<FeatureOverlap> PostgisFeatureSource::featureOverlaps()
{
    // Never checked (written before the project kept the pairs): found now, as the layer sink
    // finds them, and not stored (a reader may not write).
    auto stored = storedFeatureOverlaps(m_db, m_layer.table);
    return stored ? std::move(*stored) : findFeatureOverlaps(*this);
}

} // namespace planlines::geodata
