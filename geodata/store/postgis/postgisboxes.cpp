// PostgisFeatureSource::queryBoxes: the boxes sent as four float8 arrays, unnested WITH
// ORDINALITY and joined to the layer's GiST index on &&, the rows ordered by (box, fid) and
// read in one binary result; each box is then a range of its rows.
#include "postgisfeatures.h"

#include "../../wkbreader.h"
#include "../featurebatch.h"

#include <charconv>

namespace planlines::geodata {

namespace {

// Columns: fid, then with geometry geom (EWKB), then the requested attributes, then the box's
// ordinal (1-based).
class PostgisBoxesCursor final : public BoxesCursor
{
public:
    PostgisBoxesCursor(PgResult result, bool geometry, std::size_t boxes)
        : m_result(std::move(result)), m_geometry(geometry), m_first(boxes + 1, 0)
    {
        // Rows come by box: m_first[i] .. m_first[i + 1] are box i's.
        const int last = m_result.columns() - 1;
        const int rows = m_result.rows();
        std::size_t box = 0;
        for (int r = 0; r < rows; ++r) {
            const auto i = static_cast<std::size_t>(m_result.int64(r, last) - 1);
            while (box < i && box < boxes)
                m_first[++box] = r;
        }
        while (box < boxes)
            m_first[++box] = rows;
    }
    void seek(std::size_t i) override
    {
        m_row = m_first.at(i) - 1;
        m_end = m_first.at(i + 1);
    }
    bool next() override { return ++m_row < m_end; }
    std::int64_t fid() const override { return m_result.int64(m_row, 0); }
    bool hasGeometry() const override { return m_geometry && !m_result.isNull(m_row, 1); }
    void readGeometry(FlatGeometry &out) override
    {
        out.clear();
        WkbReader::read(m_result.bytes(m_row, 1), out);
    }
    Geometry geometry() override { return Geometry::fromWkb(m_result.bytes(m_row, 1)); }
    Envelope box() override { return WkbReader::box(m_result.bytes(m_row, 1), m_flat); }
    Value value(int i) const override { return m_result.value(m_row, i + (m_geometry ? 2 : 1)); }

private:
    PgResult m_result;
    bool m_geometry;
    std::vector<int> m_first;
    int m_row = -1, m_end = 0;
    FlatGeometry m_flat;
};

// An array literal of doubles in their shortest exact form (the server reads back the same
// bits, so its && sees the very box a single-site query would send).
std::string doubles(const std::vector<Envelope> &boxes, double Envelope::*member)
{
    std::string out = "{";
    char buf[32];
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const auto r = std::to_chars(buf, buf + sizeof buf, boxes[i].*member);
        if (i)
            out += ',';
        out.append(buf, r.ptr);
    }
    return out + "}";
}

} // namespace

std::unique_ptr<BoxesCursor> PostgisFeatureSource::queryBoxes(const FeatureRequest &request,
                                                              const std::vector<Envelope> &boxes)
{
    PgParams params;
    params.untyped(doubles(boxes, &Envelope::minX))
        .untyped(doubles(boxes, &Envelope::minY))
        .untyped(doubles(boxes, &Envelope::maxX))
        .untyped(doubles(boxes, &Envelope::maxY));
    std::string sql = "SELECT t.fid";
    if (request.geometry)
        sql += ", t.geom";
    for (const auto &a : request.attributes)
        sql += ", t." + quoteIdentifier(a);
    sql += ", b.i FROM unnest($1::float8[], $2::float8[], $3::float8[], $4::float8[]) WITH "
           "ORDINALITY AS b(x0, y0, x1, y1, i) JOIN " +
           quoteIdentifier(m_layer.table) +
           " AS t ON t.geom && ST_MakeEnvelope(b.x0, b.y0, b.x1, " + "b.y1, " +
           std::to_string(m_srid) + ")";
    if (request.skipNullGeometry)
        sql += " WHERE t.geom IS NOT NULL";
    sql += " ORDER BY b.i, t.fid";
    PgResult result = boxes.empty() ? PgResult() : m_db.exec(sql, params);
    return std::make_unique<PostgisBoxesCursor>(std::move(result), request.geometry, boxes.size());
}

} // namespace planlines::geodata
