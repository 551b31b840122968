// The PostGIS engine's answer to the attribute table's question (FeatureSource::fids): the
// matching fids in order, ILIKE over the text fields, the GiST index for the extent, and on big
// layers a b-tree kept on a sorted column (when the role may index the table).
#include "../likepattern.h"
#include "postgisfeatures.h"

#include <algorithm>

namespace planlines::geodata {

namespace {

constexpr std::int64_t kKeptIndexThreshold = 20000; // as the SpatiaLite engine's

FieldType pgFieldType(const std::string &type)
{
    if (type == "smallint" || type == "integer" || type == "bigint")
        return FieldType::Integer;
    if (type == "real" || type == "double precision" || type.rfind("numeric", 0) == 0)
        return FieldType::Real;
    if (type == "date")
        return FieldType::Date;
    return FieldType::Text;
}

} // namespace

void PostgisFeatureSource::keepSortIndex(const std::string &field, const std::string &key)
{
    // Only the table's owner may index it; anyone else sorts without (best effort). A
    // savepoint keeps a refusal from spoiling a caller's transaction.
    try {
        PgTransaction tx(m_db);
        m_db.exec("CREATE INDEX IF NOT EXISTS " +
                  quoteIdentifier("attr_" + m_layer.table + "_" + field) + " ON " +
                  quoteIdentifier(m_layer.table) + " (" + key + ")");
        tx.commit();
    } catch (const StoreError &) {
    }
}

std::vector<FieldDef> PostgisFeatureSource::declaredFields()
{
    const PgResult r =
        m_db.exec("SELECT attname::text, format_type(atttypid, atttypmod) FROM pg_attribute "
                  "WHERE attrelid = to_regclass($1) AND attnum > 0 AND NOT attisdropped "
                  "ORDER BY attnum",
                  PgParams::of(quoteIdentifier(m_layer.table)));
    std::vector<FieldDef> out;
    for (int i = 0; i < r.rows(); ++i)
        if (std::string c = r.text(i, 0); c != "fid" && c != "geom")
            out.push_back({std::move(c), pgFieldType(r.text(i, 1)), {}});
    return out;
}

FidList PostgisFeatureSource::fids(const FidQuery &q)
{
    const std::string ctx = "layer " + m_layer.name;
    const std::string table = quoteIdentifier(m_layer.table);
    FidList out;
    const bool sorted = !q.sortField.empty();
    if (!sorted && q.text.empty() && !q.extent && m_layer.featureCount > 0) {
        const PgResult r = m_db.exec("SELECT min(fid), max(fid) FROM " + table);
        if (!r.isNull(0, 0) && r.int64(0, 1) - r.int64(0, 0) + 1 == m_layer.featureCount) {
            out.dense = true;
            out.first = r.int64(0, 0);
            out.count = static_cast<std::size_t>(m_layer.featureCount);
            return out;
        }
    }
    const auto fields = declaredFields();
    auto find = [&](const std::string &name) -> const FieldDef * {
        const auto it = std::find_if(fields.begin(), fields.end(),
                                     [&](const FieldDef &f) { return f.name == name; });
        return it == fields.end() ? nullptr : &*it;
    };
    PgParams params;
    std::vector<std::string> terms;
    if (!q.text.empty()) {
        params.add(containsPattern(q.text));
        std::string any;
        for (const auto &f : q.textFields) {
            if (!find(f))
                throw Error("no field " + f, ctx);
            any += (any.empty() ? "(" : " OR ") + quoteIdentifier(f) + "::text ILIKE $1";
        }
        terms.push_back(any.empty() ? "false" : any + ")");
    }
    if (q.extent) {
        params.add(q.extent->minX).add(q.extent->minY).add(q.extent->maxX).add(q.extent->maxY);
        const int first = params.size() - 3;
        terms.push_back("geom && ST_MakeEnvelope($" + std::to_string(first) + ", $" +
                        std::to_string(first + 1) + ", $" + std::to_string(first + 2) + ", $" +
                        std::to_string(first + 3) + ", " + std::to_string(m_srid) + ")");
    }
    std::string sql = "SELECT fid FROM " + table;
    for (std::size_t i = 0; i < terms.size(); ++i)
        sql += (i ? " AND " : " WHERE ") + terms[i];
    const char *dir = q.descending ? " DESC" : "";
    if (sorted) {
        const FieldDef *field = find(q.sortField);
        if (!field)
            throw Error("no field " + q.sortField, ctx);
        // Text in code point order, as SQLite's BINARY sorts it: the same rows in the same
        // order on both engines, whatever collation the server's database has.
        const std::string key =
            quoteIdentifier(q.sortField) + (field->type == FieldType::Text ? " COLLATE \"C\"" : "");
        if (q.keepIndexes && m_layer.featureCount > kKeptIndexThreshold)
            keepSortIndex(q.sortField, key);
        sql += " ORDER BY " + key + dir + ", fid" + dir;
    } else {
        sql += std::string(" ORDER BY fid") + dir;
    }
    const PgResult r = m_db.exec(sql, params);
    out.fids.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i)
        out.fids.push_back(r.int64(i, 0));
    return out;
}

} // namespace planlines::geodata
