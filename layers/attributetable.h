// One vector layer as the attribute table (属性表) shows it: its fields under their aliases
// (and, for polygons, the area in m² and 亩), sorted by any field, filtered by text and by a
// map extent. Rows are never all loaded: the query keeps only the matching fids in order
// (FeatureSource::fids: 8 bytes a row, 8 MB for a million parcels) and reads the rows' values
// a page of 200 fids at a time (FeatureSource::query by fids), keeping the last few pages.
#pragma once

#include <geodata/geometry.h>
#include <geodata/project.h>

#include <QString>

#include <cstdint>
#include <list>
#include <memory>
#include <optional>
#include <vector>

namespace planlines::layers {

struct AttributeColumn
{
    std::string field; // DLBM; "" for the computed area columns
    QString label;     // 地类编码
    geodata::FieldType type = geodata::FieldType::Text;
    bool sortable = true; // the area columns are computed per page: not sortable
};

struct AttributeQuery
{
    int sortColumn = -1; // index in columns(); -1: by fid
    bool descending = false;
    QString text;        // rows with a value containing it (LIKE, case-insensitive for ASCII)
    int textColumn = -1; // the column searched; -1: every text column
    std::optional<geodata::Envelope> extent; // rows whose bounding box meets it
};

// What a query needs to know of the layer; a copy, so a worker thread can run the query on its
// own connection while the table stays on the GUI thread (AttributeTable::select).
struct AttributeSchema
{
    geodata::LayerInfo layer;
    std::vector<AttributeColumn> columns;
    std::size_t fieldCount = 0;
};

// A query's answer: the matching fids in order, or, unsorted and unfiltered with no gap in the
// fids, only their first and count.
struct AttributeRows
{
    AttributeQuery query; // as run (a column past the fields dropped)
    std::vector<std::int64_t> fids;
    bool dense = false;
    std::int64_t first = 0;
    std::size_t count = 0;
};

class AttributeTable
{
public:
    static constexpr std::size_t kPageRows = 200;
    // Layers above this many features keep an index on a column the first time they are sorted
    // by it, and a text index the first time they are filtered (the store decides; this is the
    // size from which asking for it is worth a writable connection).
    static constexpr std::int64_t kIndexThreshold = 20000;

    // Reads the layer's fields and their aliases. Throws geodata::Error naming the layer when
    // it has no table. Rows are read through project (FeatureSource), whatever its engine.
    AttributeTable(geodata::Project &project, geodata::LayerInfo layer);

    const geodata::LayerInfo &layer() const { return m_layer; }
    const std::vector<AttributeColumn> &columns() const { return m_columns; }
    // Columns after the fields: 面积（平方米）and 面积（亩）for polygon layers.
    bool hasArea() const { return m_hasArea; }

    // Runs the query: the matching fids in order. keepIndexes: a big layer keeps a sort index
    // and a text index in the store for the next such query (FidQuery::keepIndexes).
    void setQuery(const AttributeQuery &query, bool keepIndexes = false);
    // The same in two steps: select() runs the query on any project open on the same store, on
    // any thread (it reads only the schema); setRows() shows its answer.
    AttributeSchema schema() const;
    static AttributeRows select(const AttributeSchema &schema, const AttributeQuery &query,
                                geodata::Project &project, bool keepIndexes = false);
    void setRows(AttributeRows rows);
    const AttributeQuery &query() const { return m_query; }

    std::size_t rowCount() const { return m_dense ? m_dense->count : m_fids.size(); }
    std::int64_t fid(std::size_t row) const
    {
        if (!m_dense)
            return m_fids.at(row);
        const auto r = static_cast<std::int64_t>(row);
        return m_query.descending ? m_dense->first + m_dense->count - 1 - r : m_dense->first + r;
    }
    // The row showing this feature under the current query.
    std::optional<std::size_t> rowOfFid(std::int64_t fid) const;
    // The values of a row as shown, one per column: read with its page when not cached.
    const std::vector<QString> &row(std::size_t row);
    // The union of the features' bounding boxes.
    geodata::Envelope envelopeOf(const std::vector<std::int64_t> &fids);

    // Calls visit(values) for every row of the query in order, a page at a time (export).
    template <typename F> void forEachRow(F visit)
    {
        for (std::size_t r = 0; r < rowCount(); ++r)
            visit(row(r));
    }

    // 1 亩 = 10 000 / 15 m².
    static constexpr double kSquareMetresPerMu = 10000.0 / 15.0;

private:
    struct Page
    {
        std::size_t first = 0;
        std::vector<std::vector<QString>> rows;
    };
    const Page &page(std::size_t index);

    geodata::Project &m_project;
    geodata::LayerInfo m_layer;
    std::vector<AttributeColumn> m_columns;
    std::size_t m_fieldCount = 0;
    bool m_hasArea = false;
    AttributeQuery m_query;
    std::vector<std::int64_t> m_fids;
    // Unsorted and unfiltered, a layer whose fids run without a gap (as the importer writes
    // them) needs no list: row r is fid first + r. Reading a million fids took 0.5 s.
    struct Dense
    {
        std::int64_t first = 0;
        std::size_t count = 0;
    };
    std::optional<Dense> m_dense;
    std::list<Page> m_pages; // most recently used first
    std::unique_ptr<geodata::FeatureSource> m_source;
};

} // namespace planlines::layers
