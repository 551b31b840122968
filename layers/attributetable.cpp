#include "attributetable.h"

#include "featuredetails.h"

#include <algorithm>
#include <cmath>

namespace planlines::layers {

using geodata::quoteIdentifier;

namespace {

constexpr std::size_t kCachedPages = 8;

geodata::FieldType declaredType(const std::string &declared)
{
    std::string t = declared;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::toupper(c); });
    if (t.find("INT") != std::string::npos)
        return geodata::FieldType::Integer;
    if (t.find("REAL") != std::string::npos || t.find("DOUB") != std::string::npos ||
        t.find("FLOA") != std::string::npos || t.find("NUM") != std::string::npos)
        return geodata::FieldType::Real;
    if (t.find("DATE") != std::string::npos)
        return geodata::FieldType::Date;
    return geodata::FieldType::Text;
}

// LIKE's wildcards in the user's text match themselves.
std::string likePattern(const QString &text)
{
    QString escaped;
    for (const QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped += u'\\';
        escaped += c;
    }
    return ("%" + escaped + "%").toStdString();
}

QString areaText(double m2)
{
    return QString::number(m2, 'f', 2);
}

} // namespace

AttributeTable::AttributeTable(geodata::Project &project, geodata::LayerInfo layer)
    : m_project(project), m_layer(std::move(layer))
{
    auto &db = project.db();
    if (!db.tableExists(m_layer.table))
        throw geodata::Error("the layer's table " + m_layer.table + " is missing",
                             "layer " + m_layer.name);
    const auto registry = project.fields(m_layer.id);
    auto st = db.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid");
    st.bind(1, m_layer.table);
    while (st.step()) {
        const std::string name = st.text(0);
        if (name == "fid" || name == "geom")
            continue;
        AttributeColumn c;
        c.field = name;
        c.label = fieldLabel(registry, name);
        c.type = declaredType(st.text(1));
        for (const auto &f : registry)
            if (f.name == name)
                c.type = f.type;
        m_columns.push_back(std::move(c));
    }
    m_fieldCount = m_columns.size();
    m_hasArea = m_layer.geometryType.find("POLYGON") != std::string::npos;
    if (m_hasArea) {
        m_columns.push_back(
            {"", QStringLiteral("面积（平方米）"), geodata::FieldType::Real, false});
        m_columns.push_back({"", QStringLiteral("面积（亩）"), geodata::FieldType::Real, false});
    }
    m_hasRtree = db.tableExists("idx_" + m_layer.table + "_geom");

    // One statement reads a page: its fids bound, unused places bound to NULL.
    std::string sql = "SELECT fid";
    for (std::size_t i = 0; i < m_fieldCount; ++i)
        sql += ", " + quoteIdentifier(m_columns[i].field);
    if (m_hasArea)
        sql += ", ST_Area(geom)";
    sql += " FROM " + quoteIdentifier(m_layer.table) + " WHERE fid IN (";
    for (std::size_t i = 0; i < kPageRows; ++i)
        sql += i ? ",?" : "?";
    sql += ")";
    m_pageStatement.emplace(db, sql);
    setQuery({});
}

namespace {

std::string whereClause(const AttributeSchema &s, const AttributeQuery &q)
{
    std::vector<std::string> terms;
    if (!q.text.isEmpty()) {
        std::vector<std::string> likes;
        for (std::size_t i = 0; i < s.fieldCount; ++i) {
            const auto &c = s.columns[i];
            const bool chosen = q.textColumn == static_cast<int>(i);
            const bool text =
                c.type == geodata::FieldType::Text || c.type == geodata::FieldType::Date;
            if (q.textColumn < 0 ? text : chosen)
                likes.push_back((text ? quoteIdentifier(c.field)
                                      : "CAST(" + quoteIdentifier(c.field) + " AS TEXT)") +
                                " LIKE ?1 ESCAPE '\\'");
        }
        if (likes.empty())
            likes.push_back("0");
        std::string any;
        for (const auto &l : likes)
            any += (any.empty() ? "(" : " OR ") + l;
        terms.push_back(any + ")");
    }
    if (q.extent) {
        // The R*Tree answers the box test without reading the table.
        if (s.hasRtree)
            terms.push_back("fid IN (SELECT pkid FROM " +
                            quoteIdentifier("idx_" + s.layer.table + "_geom") +
                            " WHERE xmin <= ?4 AND xmax >= ?2 AND ymin <= ?5 AND ymax >= ?3)");
        else
            terms.push_back("MbrIntersects(geom, BuildMbr(?2, ?3, ?4, ?5))");
    }
    std::string where;
    for (const auto &t : terms)
        where += (where.empty() ? " WHERE " : " AND ") + t;
    return where;
}

void ensureSortIndex(const std::string &table, const std::string &field, geodata::Database &db,
                     geodata::Database &writer)
{
    // Any index whose first column is the field serves ORDER BY field, fid.
    auto st = db.prepare("SELECT 1 FROM pragma_index_list(?) AS l, pragma_index_info(l.name) AS i "
                         "WHERE i.seqno = 0 AND i.name = ?");
    st.bindAll(table, field);
    if (st.step())
        return;
    try {
        writer.exec("CREATE INDEX IF NOT EXISTS " + quoteIdentifier("attr_" + table + "_" + field) +
                    " ON " + quoteIdentifier(table) + " (" + quoteIdentifier(field) + ")");
    } catch (const geodata::Error &) {
        // A file we may not write (read-only medium): sort without the index, only slower.
    }
}

} // namespace

AttributeSchema AttributeTable::schema() const
{
    return {m_layer, m_columns, m_fieldCount, m_hasRtree};
}

void AttributeTable::setQuery(const AttributeQuery &query, geodata::Database *indexWriter)
{
    setRows(select(schema(), query, m_project.db(), indexWriter));
}

AttributeRows AttributeTable::select(const AttributeSchema &s, const AttributeQuery &query,
                                     geodata::Database &db, geodata::Database *indexWriter)
{
    AttributeRows out;
    AttributeQuery &q = out.query;
    q = query;
    if (q.sortColumn >= static_cast<int>(s.fieldCount))
        q.sortColumn = -1;
    if (q.textColumn >= static_cast<int>(s.fieldCount))
        q.textColumn = -1;
    const bool sorted = q.sortColumn >= 0;
    if (!sorted && q.text.isEmpty() && !q.extent && s.layer.featureCount > 0) {
        // min and max of the primary key are two b-tree descents; with the registry's count they
        // show whether the fids have a gap.
        auto st = db.prepare("SELECT min(fid), max(fid) FROM " + quoteIdentifier(s.layer.table));
        if (st.step() && !st.isNull(0) && st.int64(1) - st.int64(0) + 1 == s.layer.featureCount) {
            out.dense = true;
            out.first = st.int64(0);
            out.count = static_cast<std::size_t>(s.layer.featureCount);
            return out;
        }
    }
    std::string sql = "SELECT fid FROM " + quoteIdentifier(s.layer.table) + whereClause(s, q);
    if (sorted) {
        const std::string &field = s.columns[static_cast<std::size_t>(q.sortColumn)].field;
        if (indexWriter && s.layer.featureCount > kIndexThreshold)
            ensureSortIndex(s.layer.table, field, db, *indexWriter);
        const char *dir = q.descending ? " DESC" : "";
        sql += " ORDER BY " + quoteIdentifier(field) + dir + ", fid" + dir;
    }
    // Unsorted, SQLite reads the fids from the smallest covering index (a tenth of the table's
    // pages on the county's parcels); they are put in fid order here.
    auto st = db.prepare(sql);
    if (!q.text.isEmpty())
        st.bind(1, likePattern(q.text));
    if (q.extent) {
        st.bind(2, q.extent->minX);
        st.bind(3, q.extent->minY);
        st.bind(4, q.extent->maxX);
        st.bind(5, q.extent->maxY);
    }
    auto &fids = out.fids;
    fids.reserve(q.text.isEmpty() && !q.extent ? static_cast<std::size_t>(s.layer.featureCount)
                                               : 0);
    while (st.step())
        fids.push_back(st.int64(0));
    if (!sorted) {
        std::sort(fids.begin(), fids.end());
        if (q.descending)
            std::reverse(fids.begin(), fids.end());
    }
    return out;
}

void AttributeTable::setRows(AttributeRows rows)
{
    m_pages.clear();
    m_dense.reset();
    m_query = std::move(rows.query);
    m_fids = std::move(rows.fids);
    if (rows.dense)
        m_dense = Dense{rows.first, rows.count};
}

std::optional<std::size_t> AttributeTable::rowOfFid(std::int64_t fid) const
{
    if (m_dense) {
        const std::int64_t r =
            m_query.descending
                ? m_dense->first + static_cast<std::int64_t>(m_dense->count) - 1 - fid
                : fid - m_dense->first;
        if (r < 0 || r >= static_cast<std::int64_t>(m_dense->count))
            return std::nullopt;
        return static_cast<std::size_t>(r);
    }
    if (m_query.sortColumn < 0) { // fids in order: a binary search
        const auto it = m_query.descending
                            ? std::lower_bound(m_fids.begin(), m_fids.end(), fid, std::greater<>())
                            : std::lower_bound(m_fids.begin(), m_fids.end(), fid);
        if (it != m_fids.end() && *it == fid)
            return static_cast<std::size_t>(it - m_fids.begin());
        return std::nullopt;
    }
    const auto it = std::find(m_fids.begin(), m_fids.end(), fid);
    if (it == m_fids.end())
        return std::nullopt;
    return static_cast<std::size_t>(it - m_fids.begin());
}

const AttributeTable::Page &AttributeTable::page(std::size_t index)
{
    const std::size_t first = index * kPageRows;
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it)
        if (it->first == first) {
            m_pages.splice(m_pages.begin(), m_pages, it);
            return m_pages.front();
        }
    const std::size_t count = std::min(kPageRows, rowCount() - first);
    auto &st = *m_pageStatement;
    st.reset();
    for (std::size_t i = 0; i < kPageRows; ++i) {
        if (i < count)
            st.bind(static_cast<int>(i) + 1, fid(first + i));
        else
            st.bind(static_cast<int>(i) + 1, nullptr);
    }
    Page p;
    p.first = first;
    p.rows.resize(count);
    // The rows come in table order: put each in its place by fid.
    std::vector<std::pair<std::int64_t, std::size_t>> slot(count);
    for (std::size_t i = 0; i < count; ++i)
        slot[i] = {fid(first + i), i};
    std::sort(slot.begin(), slot.end());
    while (st.step()) {
        const std::int64_t fid = st.int64(0);
        const auto at = std::lower_bound(slot.begin(), slot.end(), std::make_pair(fid, 0ul));
        if (at == slot.end() || at->first != fid)
            continue;
        auto &values = p.rows[at->second];
        values.reserve(m_columns.size());
        for (std::size_t c = 0; c < m_fieldCount; ++c)
            values.push_back(valueText(st.value(static_cast<int>(c) + 1)));
        if (m_hasArea) {
            const int ac = static_cast<int>(m_fieldCount) + 1;
            if (st.isNull(ac)) {
                values.emplace_back();
                values.emplace_back();
            } else {
                const double m2 = st.real(ac);
                values.push_back(areaText(m2));
                values.push_back(areaText(m2 / kSquareMetresPerMu));
            }
        }
    }
    st.reset();
    for (auto &values : p.rows) // a row deleted meanwhile shows empty
        values.resize(m_columns.size());
    m_pages.push_front(std::move(p));
    if (m_pages.size() > kCachedPages)
        m_pages.pop_back();
    return m_pages.front();
}

const std::vector<QString> &AttributeTable::row(std::size_t row)
{
    if (row >= rowCount())
        throw geodata::Error("row " + std::to_string(row) + " is past the table's " +
                                 std::to_string(rowCount()) + " rows",
                             "layer " + m_layer.name);
    const Page &p = page(row / kPageRows);
    return p.rows[row - p.first];
}

geodata::Envelope AttributeTable::envelopeOf(const std::vector<std::int64_t> &fids)
{
    std::optional<geodata::Envelope> out;
    const std::string sql =
        m_hasRtree ? "SELECT xmin, ymin, xmax, ymax FROM " +
                         quoteIdentifier("idx_" + m_layer.table + "_geom") + " WHERE pkid = ?"
                   : "SELECT MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom) FROM " +
                         quoteIdentifier(m_layer.table) + " WHERE fid = ?";
    auto st = m_project.db().prepare(sql);
    for (const std::int64_t fid : fids) {
        st.reset();
        st.bind(1, fid);
        if (!st.step() || st.isNull(0))
            continue;
        const geodata::Envelope e{st.real(0), st.real(1), st.real(2), st.real(3)};
        if (!out)
            out = e;
        else
            out = geodata::Envelope{std::min(out->minX, e.minX), std::min(out->minY, e.minY),
                                    std::max(out->maxX, e.maxX), std::max(out->maxY, e.maxY)};
    }
    return out.value_or(geodata::Envelope{});
}

} // namespace planlines::layers
