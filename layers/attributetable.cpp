#include "attributetable.h"

#include "featuredetails.h"

#include <QList>

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

// The query's text as an FTS5 phrase: the trigram tokenizer matches it as a substring.
std::string ftsPhrase(const QString &text, int column)
{
    QString phrase = text;
    phrase.replace(u'"', QStringLiteral("\"\""));
    std::string out = "\"" + phrase.toStdString() + "\"";
    if (column >= 0)
        out = "c" + std::to_string(column) + " : " + out;
    return out;
}

// Whether the text has no letter with a case. The trigram index folds case as Unicode does,
// LIKE only for ASCII: for such text both find the same rows (no other character folds to a
// character without case: a CJK character, a digit, a punctuation mark).
bool caseless(const QString &text)
{
    return std::none_of(text.begin(), text.end(),
                        [](QChar c) { return c.isLower() || c.isUpper() || c.isTitleCase(); });
}

// textIndex: the layer's trigram index (textIndexName), when it serves the query: it finds the
// rows holding the text in a column, case folded. When the text has letters with a case, LIKE
// then decides among them as it does without the index, so the answer is the same.
std::string whereClause(const AttributeSchema &s, const AttributeQuery &q,
                        const std::string &textIndex = {})
{
    std::vector<std::string> terms;
    if (!textIndex.empty())
        terms.push_back("fid IN (SELECT rowid FROM " + quoteIdentifier(textIndex) + " WHERE " +
                        quoteIdentifier(textIndex) + " MATCH ?6)");
    if (!q.text.isEmpty() && (textIndex.empty() || !caseless(q.text))) {
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

bool isTextColumn(const AttributeColumn &c)
{
    return c.type == geodata::FieldType::Text || c.type == geodata::FieldType::Date;
}

// The trigram index of a layer's text columns, named for the layer's version and count so that a
// layer imported again gets a new one: attr_fts_<table>_v<version>_n<features>. Its columns are
// c<i>, i the field's index in the schema's columns. Contentless: it keeps only the index (about
// a third of the table's size on the county's parcels).
std::string textIndexName(const AttributeSchema &s)
{
    return "attr_fts_" + s.layer.table + "_v" + std::to_string(s.layer.version) + "_n" +
           std::to_string(s.layer.featureCount);
}

bool tableExists(geodata::Database &db, const std::string &name)
{
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.step();
}

// Makes the index when writer is given (the layer's older ones dropped); false when there is
// none and it cannot be made (a read-only file, or the file locked: the query goes without it).
// It is written 20 000 features a transaction into <name>_part, the last fid written kept in
// attr_fts_progress, and renamed when whole: the window's readers (the map) wait only for one
// short commit at a time, never for the whole index (tens of seconds on a million parcels), and
// an index interrupted goes on where it stopped the next time.
bool ensureTextIndex(const AttributeSchema &s, const std::string &name, geodata::Database &db,
                     geodata::Database *writer)
{
    if (tableExists(db, name))
        return true;
    if (!writer)
        return false;
    std::string columns, values;
    for (std::size_t i = 0; i < s.fieldCount; ++i)
        if (isTextColumn(s.columns[i])) {
            columns += ", c" + std::to_string(i);
            values += ", " + quoteIdentifier(s.columns[i].field);
        }
    if (columns.empty())
        return false;
    const std::string part = name + "_part";
    constexpr int kChunk = 20000;
    try {
        std::optional<std::int64_t> last;
        {
            geodata::Transaction t(*writer);
            writer->exec("CREATE TABLE IF NOT EXISTS attr_fts_progress (name TEXT PRIMARY KEY, "
                         "last_fid INTEGER NOT NULL)");
            std::vector<std::string> old;
            const std::string prefix = "attr_fts_" + s.layer.table + "_v";
            auto st =
                writer->prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                "sql LIKE 'CREATE VIRTUAL TABLE%' AND substr(name, 1, ?) = ?");
            st.bindAll(static_cast<std::int64_t>(prefix.size()), prefix);
            while (st.step())
                if (st.text(0) != part)
                    old.push_back(st.text(0));
            st.reset();
            for (const auto &o : old) {
                writer->exec("DROP TABLE " + quoteIdentifier(o));
                auto del = writer->prepare("DELETE FROM attr_fts_progress WHERE name = ?");
                del.bind(1, o);
                del.step();
            }
            if (tableExists(*writer, part)) {
                auto at = writer->prepare("SELECT last_fid FROM attr_fts_progress WHERE name = ?");
                at.bind(1, part);
                if (at.step())
                    last = at.int64(0);
            } else {
                writer->exec("CREATE VIRTUAL TABLE " + quoteIdentifier(part) + " USING fts5(" +
                             columns.substr(2) +
                             ", content='', columnsize=0, detail=full, tokenize='trigram')");
            }
            t.commit();
        }
        for (;;) {
            const std::string range = " FROM " + quoteIdentifier(s.layer.table) +
                                      (last ? " WHERE fid > ?1" : "") + " ORDER BY fid LIMIT " +
                                      std::to_string(kChunk);
            geodata::Transaction t(*writer);
            auto upTo = writer->prepare("SELECT max(fid) FROM (SELECT fid" + range + ")");
            if (last)
                upTo.bind(1, *last);
            if (!upTo.step() || upTo.isNull(0))
                break;
            const std::int64_t to = upTo.int64(0);
            upTo.reset();
            auto add = writer->prepare("INSERT INTO " + quoteIdentifier(part) + "(rowid" + columns +
                                       ") SELECT fid" + values + range);
            if (last)
                add.bind(1, *last);
            add.step();
            auto note = writer->prepare(
                "INSERT OR REPLACE INTO attr_fts_progress (name, last_fid) VALUES (?, ?)");
            note.bindAll(part, to);
            note.step();
            t.commit();
            last = to;
        }
        geodata::Transaction t(*writer);
        writer->exec("ALTER TABLE " + quoteIdentifier(part) + " RENAME TO " +
                     quoteIdentifier(name));
        auto done = writer->prepare("DELETE FROM attr_fts_progress WHERE name = ?");
        done.bind(1, part);
        done.step();
        t.commit();
        return true;
    } catch (const geodata::Error &e) {
        // Interrupted: the query is not wanted any more, not to be run without the index.
        if (std::string_view(e.what()).find("interrupt") != std::string_view::npos)
            throw;
        return false; // a file we may not write, or locked: filtered by LIKE alone, only slower
    }
}

// Whether the trigram index can narrow this query: text of three characters or more (the
// tokenizer's shortest match; one or two go by LIKE alone) searched in text columns.
bool textIndexServes(const AttributeSchema &s, const AttributeQuery &q)
{
    if (q.text.toUcs4().size() < 3 || s.layer.featureCount <= AttributeTable::kIndexThreshold)
        return false;
    if (q.textColumn >= 0)
        return isTextColumn(s.columns[static_cast<std::size_t>(q.textColumn)]);
    return true;
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
    std::string textIndex;
    if (textIndexServes(s, q) && ensureTextIndex(s, textIndexName(s), db, indexWriter))
        textIndex = textIndexName(s);
    std::string sql =
        "SELECT fid FROM " + quoteIdentifier(s.layer.table) + whereClause(s, q, textIndex);
    if (!textIndex.empty() && caseless(q.text) && !q.extent && !sorted)
        // The index alone answers: its rowids are the fids, not looked up in the table one by
        // one (650 000 parcels hold 水浇地: 0.8 s through the table, 0.1 s without).
        sql = "SELECT rowid FROM " + quoteIdentifier(textIndex) + " WHERE " +
              quoteIdentifier(textIndex) + " MATCH ?6";
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
    if (!q.text.isEmpty() && (textIndex.empty() || !caseless(q.text)))
        st.bind(1, likePattern(q.text));
    if (!textIndex.empty())
        st.bind(6, ftsPhrase(q.text, q.textColumn));
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
