#include "attributetable.h"

#include "featuredetails.h"

#include <geodata/flatgeometry.h>

#include <algorithm>
#include <cmath>

namespace planlines::layers {

namespace {

constexpr std::size_t kCachedPages = 8;

QString areaText(double m2)
{
    return QString::number(m2, 'f', 2);
}

bool isTextColumn(const AttributeColumn &c)
{
    return c.type == geodata::FieldType::Text || c.type == geodata::FieldType::Date;
}

} // namespace

AttributeTable::AttributeTable(geodata::Project &project, geodata::LayerInfo layer)
    : m_project(project), m_layer(std::move(layer))
{
    if (!project.hasTable(m_layer.table))
        throw geodata::Error("the layer's table " + m_layer.table + " is missing",
                             "layer " + m_layer.name);
    m_source = project.features(m_layer);
    const auto registry = project.fields(m_layer.id);
    for (const auto &declared : m_source->declaredFields()) {
        AttributeColumn c;
        c.field = declared.name;
        c.label = fieldLabel(registry, declared.name);
        c.type = declared.type;
        for (const auto &f : registry)
            if (f.name == declared.name)
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
    setQuery({});
}

AttributeSchema AttributeTable::schema() const
{
    return {m_layer, m_columns, m_fieldCount};
}

void AttributeTable::setQuery(const AttributeQuery &query, bool keepIndexes)
{
    setRows(select(schema(), query, m_project, keepIndexes));
}

AttributeRows AttributeTable::select(const AttributeSchema &s, const AttributeQuery &query,
                                     geodata::Project &project, bool keepIndexes)
{
    AttributeRows out;
    AttributeQuery &q = out.query;
    q = query;
    if (q.sortColumn >= static_cast<int>(s.fieldCount))
        q.sortColumn = -1;
    if (q.textColumn >= static_cast<int>(s.fieldCount))
        q.textColumn = -1;
    geodata::FidQuery f;
    if (q.sortColumn >= 0)
        f.sortField = s.columns[static_cast<std::size_t>(q.sortColumn)].field;
    f.descending = q.descending;
    f.text = q.text.toStdString();
    if (!q.text.isEmpty()) {
        // One column as chosen (any type, compared as text), or every text column.
        for (std::size_t i = 0; i < s.fieldCount; ++i)
            if (q.textColumn < 0 ? isTextColumn(s.columns[i]) : q.textColumn == static_cast<int>(i))
                f.textFields.push_back(s.columns[i].field);
    }
    f.extent = q.extent;
    f.keepIndexes = keepIndexes;
    auto answer = project.features(s.layer)->fids(f);
    out.fids = std::move(answer.fids);
    out.dense = answer.dense;
    out.first = answer.first;
    out.count = answer.count;
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
    geodata::FeatureRequest request;
    request.geometry = m_hasArea;
    request.skipNullGeometry = false;
    for (std::size_t c = 0; c < m_fieldCount; ++c)
        request.attributes.push_back(m_columns[c].field);
    request.fids.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        request.fids.push_back(fid(first + i));
    Page p;
    p.first = first;
    p.rows.resize(count);
    // The rows come in fid order: put each in its place.
    std::vector<std::pair<std::int64_t, std::size_t>> slot(count);
    for (std::size_t i = 0; i < count; ++i)
        slot[i] = {fid(first + i), i};
    std::sort(slot.begin(), slot.end());
    geodata::FlatGeometry shape;
    for (auto cursor = m_source->query(request); cursor->next();) {
        const std::int64_t fid = cursor->fid();
        const auto at = std::lower_bound(slot.begin(), slot.end(), std::make_pair(fid, 0ul));
        if (at == slot.end() || at->first != fid)
            continue;
        auto &values = p.rows[at->second];
        values.reserve(m_columns.size());
        for (std::size_t c = 0; c < m_fieldCount; ++c)
            values.push_back(valueText(cursor->value(static_cast<int>(c))));
        if (m_hasArea) {
            if (!cursor->hasGeometry()) {
                values.emplace_back();
                values.emplace_back();
            } else {
                // The planar area (ST_Area's figure), computed alike whatever the engine.
                cursor->readGeometry(shape);
                const double m2 = geodata::planarArea(shape);
                values.push_back(areaText(m2));
                values.push_back(areaText(m2 / kSquareMetresPerMu));
            }
        }
    }
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
    if (fids.empty())
        return {};
    geodata::FeatureRequest request;
    request.fids = fids;
    for (auto cursor = m_source->query(request); cursor->next();) {
        if (!cursor->hasGeometry())
            continue;
        const geodata::Envelope e = cursor->box();
        if (!out)
            out = e;
        else
            out = geodata::Envelope{std::min(out->minX, e.minX), std::min(out->minY, e.minY),
                                    std::max(out->maxX, e.maxX), std::max(out->maxY, e.maxY)};
    }
    return out.value_or(geodata::Envelope{});
}

} // namespace planlines::layers
