// The SpatiaLite engine's answer to the attribute table's question (FeatureSource::fids): the
// matching fids in order, by LIKE over the text fields, the R*Tree for the extent, and, on big
// layers, indexes kept in the file — a b-tree on a sorted column and an FTS5 trigram index of
// the text columns — so that the next sort or filter is fast.
#include "likepattern.h"
#include "spatialitefeatures.h"

#include <algorithm>
#include <cstring>
#include <set>

#include <QList>
#include <QString>

namespace planlines::geodata {

namespace {

// Above this many features a sort or a text filter keeps its index (bench/attrtablebench:
// sorting the million-parcel county by an unindexed column reads the whole table, seconds;
// through the index it is a fraction of that).
constexpr std::int64_t kKeptIndexThreshold = 20000;

FieldType declaredType(const std::string &declared)
{
    std::string t = declared;
    std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::toupper(c); });
    if (t.find("INT") != std::string::npos)
        return FieldType::Integer;
    if (t.find("REAL") != std::string::npos || t.find("DOUB") != std::string::npos ||
        t.find("FLOA") != std::string::npos || t.find("NUM") != std::string::npos)
        return FieldType::Real;
    if (t.find("DATE") != std::string::npos)
        return FieldType::Date;
    return FieldType::Text;
}

bool isText(FieldType t)
{
    return t == FieldType::Text || t == FieldType::Date;
}

// Whether the text has no letter with a case. The trigram index folds case as Unicode does,
// LIKE only for ASCII: for such text both find the same rows (no other character folds to a
// character without case: a CJK character, a digit, a punctuation mark).
bool caseless(const std::string &text)
{
    const QString t = QString::fromStdString(text);
    return std::none_of(t.begin(), t.end(),
                        [](QChar c) { return c.isLower() || c.isUpper() || c.isTitleCase(); });
}

std::size_t characters(const std::string &text)
{
    return static_cast<std::size_t>(QString::fromStdString(text).toUcs4().size());
}

bool tableExists(Database &db, const std::string &name)
{
    auto st = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.step();
}

void ensureSortIndex(const std::string &table, const std::string &field, Database &db,
                     Database &writer)
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
    } catch (const Error &e) {
        if (std::strstr(e.what(), "interrupt"))
            throw;
        // A file we may not write, or one held by another writer: sorted without the index.
    }
}

// The layer's text columns as the trigram index holds them: c<i>, i the column's place among
// the table's columns (declaredFields()).
struct TextIndex
{
    std::string name; // attr_fts_<table>_v<version>_n<features>: a layer imported again gets a
                      // new one. Contentless: it keeps only the index (about a third of the
                      // table's size on the county's parcels).
    std::vector<std::pair<std::string, std::size_t>> columns; // field, i
};

TextIndex textIndexOf(const LayerInfo &layer, const std::vector<FieldDef> &fields)
{
    TextIndex out;
    out.name = "attr_fts_" + layer.table + "_v" + std::to_string(layer.version) + "_n" +
               std::to_string(layer.featureCount);
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (isText(fields[i].type))
            out.columns.emplace_back(fields[i].name, i);
    return out;
}

// Makes the index when writer is given (the layer's older ones dropped); false when there is
// none and it cannot be made (a read-only file, or the file locked: the query goes without it).
// It is written 20 000 features a transaction into <name>_part, the last fid written kept in
// attr_fts_progress, and renamed when whole: the window's readers (the map) wait only for one
// short commit at a time, never for the whole index (tens of seconds on a million parcels), and
// an index interrupted goes on where it stopped the next time.
bool ensureTextIndex(const LayerInfo &layer, const TextIndex &index, Database &db, Database *writer)
{
    if (tableExists(db, index.name))
        return true;
    if (!writer || index.columns.empty())
        return false;
    std::string columns, values;
    for (const auto &[field, i] : index.columns) {
        columns += ", c" + std::to_string(i);
        values += ", " + quoteIdentifier(field);
    }
    const std::string part = index.name + "_part";
    constexpr int kChunk = 20000;
    try {
        std::optional<std::int64_t> last;
        {
            Transaction t(*writer);
            writer->exec("CREATE TABLE IF NOT EXISTS attr_fts_progress (name TEXT PRIMARY KEY, "
                         "last_fid INTEGER NOT NULL)");
            std::vector<std::string> old;
            const std::string prefix = "attr_fts_" + layer.table + "_v";
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
            const std::string range = " FROM " + quoteIdentifier(layer.table) +
                                      (last ? " WHERE fid > ?1" : "") + " ORDER BY fid LIMIT " +
                                      std::to_string(kChunk);
            Transaction t(*writer);
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
        Transaction t(*writer);
        writer->exec("ALTER TABLE " + quoteIdentifier(part) + " RENAME TO " +
                     quoteIdentifier(index.name));
        auto done = writer->prepare("DELETE FROM attr_fts_progress WHERE name = ?");
        done.bind(1, part);
        done.step();
        t.commit();
        return true;
    } catch (const Error &e) {
        // Interrupted: the query is not wanted any more, not to be run without the index.
        if (std::strstr(e.what(), "interrupt"))
            throw;
        return false; // a file we may not write, or locked: filtered by LIKE alone, only slower
    }
}

// The query's text as an FTS5 phrase, limited to the searched columns when they are not all
// of the index's: the trigram tokenizer matches it as a substring.
std::string ftsPhrase(const std::string &text, const std::vector<std::size_t> &columns,
                      std::size_t indexed)
{
    std::string phrase;
    for (const char c : text)
        phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
    std::string out = "\"" + phrase + "\"";
    if (columns.size() < indexed) {
        std::string filter;
        for (const std::size_t i : columns)
            filter += (filter.empty() ? "" : " ") + ("c" + std::to_string(i));
        out = "{" + filter + "} : " + out;
    }
    return out;
}

} // namespace

std::vector<FieldDef> SpatialiteFeatureSource::declaredFields()
{
    std::vector<FieldDef> out;
    auto st = m_db.prepare("SELECT name, type FROM pragma_table_info(?) ORDER BY cid");
    st.bind(1, m_layer.table);
    while (st.step())
        if (std::string c = st.text(0); c != "fid" && c != "geom")
            out.push_back({std::move(c), declaredType(st.text(1)), {}});
    return out;
}

FidList SpatialiteFeatureSource::fids(const FidQuery &q)
{
    const std::string ctx = "layer " + m_layer.name;
    const std::string table = quoteIdentifier(m_layer.table);
    FidList out;
    const bool sorted = !q.sortField.empty();
    if (!sorted && q.text.empty() && !q.extent && m_layer.featureCount > 0) {
        // min and max of the primary key are two b-tree descents; with the registry's count they
        // show whether the fids have a gap.
        auto st = m_db.prepare("SELECT min(fid), max(fid) FROM " + table);
        if (st.step() && !st.isNull(0) && st.int64(1) - st.int64(0) + 1 == m_layer.featureCount) {
            out.dense = true;
            out.first = st.int64(0);
            out.count = static_cast<std::size_t>(m_layer.featureCount);
            return out;
        }
    }
    const auto fields = declaredFields();
    auto typeOf = [&](const std::string &name) -> const FieldDef & {
        for (const auto &f : fields)
            if (f.name == name)
                return f;
        throw Error("no field " + name, ctx);
    };
    if (sorted)
        typeOf(q.sortField);
    const bool big = m_layer.featureCount > kKeptIndexThreshold;
    Database *writer = q.keepIndexes && big && m_indexWriter ? m_indexWriter() : nullptr;

    // The trigram index serves text of three characters or more (the tokenizer's shortest
    // match; one or two go by LIKE alone) searched in text columns it holds.
    std::string textIndex, phrase;
    if (!q.text.empty() && big && characters(q.text) >= 3 && !q.textFields.empty()) {
        const TextIndex index = textIndexOf(m_layer, fields);
        std::vector<std::size_t> columns;
        for (const auto &f : q.textFields) {
            const auto it = std::find_if(index.columns.begin(), index.columns.end(),
                                         [&](const auto &c) { return c.first == f; });
            if (it == index.columns.end()) {
                columns.clear();
                break;
            }
            columns.push_back(it->second);
        }
        if (!columns.empty() && ensureTextIndex(m_layer, index, m_db, writer)) {
            textIndex = index.name;
            phrase = ftsPhrase(q.text, columns, index.columns.size());
        }
    }
    // With the index, LIKE decides only when the text has letters with a case (the index folds
    // them as Unicode does, LIKE for ASCII alone), so the answer is the same as without it.
    const bool like = !q.text.empty() && (textIndex.empty() || !caseless(q.text));

    std::vector<std::string> terms;
    if (!textIndex.empty())
        terms.push_back("fid IN (SELECT rowid FROM " + quoteIdentifier(textIndex) + " WHERE " +
                        quoteIdentifier(textIndex) + " MATCH ?6)");
    if (like) {
        std::string any;
        for (const auto &f : q.textFields) {
            const std::string col = isText(typeOf(f).type)
                                        ? quoteIdentifier(f)
                                        : "CAST(" + quoteIdentifier(f) + " AS TEXT)";
            any += (any.empty() ? "(" : " OR ") + col + " LIKE ?1 ESCAPE '\\'";
        }
        terms.push_back(any.empty() ? "0" : any + ")");
    }
    if (q.extent) {
        // The R*Tree answers the box test without reading the table.
        const std::string rtree = "idx_" + m_layer.table + "_geom";
        if (m_db.tableExists(rtree))
            terms.push_back("fid IN (SELECT pkid FROM " + quoteIdentifier(rtree) +
                            " WHERE xmin <= ?4 AND xmax >= ?2 AND ymin <= ?5 AND ymax >= ?3)");
        else
            terms.push_back("MbrIntersects(geom, BuildMbr(?2, ?3, ?4, ?5))");
    }
    std::string sql = "SELECT fid FROM " + table;
    for (std::size_t i = 0; i < terms.size(); ++i)
        sql += (i ? " AND " : " WHERE ") + terms[i];
    if (!textIndex.empty() && !like && !q.extent && !sorted)
        // The index alone answers: its rowids are the fids, not looked up in the table one by
        // one (650 000 parcels hold 水浇地: 0.8 s through the table, 0.1 s without).
        sql = "SELECT rowid FROM " + quoteIdentifier(textIndex) + " WHERE " +
              quoteIdentifier(textIndex) + " MATCH ?6";
    if (sorted) {
        if (writer)
            ensureSortIndex(m_layer.table, q.sortField, m_db, *writer);
        const char *dir = q.descending ? " DESC" : "";
        sql += " ORDER BY " + quoteIdentifier(q.sortField) + dir + ", fid" + dir;
    }
    // Unsorted, SQLite reads the fids from the smallest covering index (a tenth of the table's
    // pages on the county's parcels); they are put in fid order here.
    auto st = m_db.prepare(sql);
    if (like)
        st.bind(1, containsPattern(q.text));
    if (!textIndex.empty())
        st.bind(6, phrase);
    if (q.extent) {
        st.bind(2, q.extent->minX);
        st.bind(3, q.extent->minY);
        st.bind(4, q.extent->maxX);
        st.bind(5, q.extent->maxY);
    }
    auto &fids = out.fids;
    fids.reserve(q.text.empty() && !q.extent ? static_cast<std::size_t>(m_layer.featureCount) : 0);
    while (st.step())
        fids.push_back(st.int64(0));
    if (!sorted) {
        std::sort(fids.begin(), fids.end());
        if (q.descending)
            std::reverse(fids.begin(), fids.end());
    }
    return out;
}

} // namespace planlines::geodata
