#include "layerdata.h"
#include "labelanchor.h"
#include "layerstyle.h"

#include <geodata/error.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

namespace planlines::layers {

namespace {

// The first candidate that is a column of table (case-insensitive), as the table spells it.
std::string findColumn(const std::vector<std::string> &columns,
                       const std::vector<std::string> &candidates)
{
    for (const auto &want : candidates)
        for (const auto &have : columns)
            if (QString::fromStdString(want).compare(QString::fromStdString(have),
                                                     Qt::CaseInsensitive) == 0)
                return have;
    return {};
}

// Category values as text: integers without a decimal point, so ZHGKDYFL 2 and "2" agree.
std::optional<std::string> valueText(const geodata::Value &v)
{
    if (const auto *s = std::get_if<std::string>(&v))
        return *s;
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    if (const auto *d = std::get_if<double>(&v)) {
        if (std::floor(*d) == *d && std::abs(*d) < 1e15)
            return std::to_string(static_cast<std::int64_t>(*d));
        return QString::number(*d).toStdString();
    }
    return std::nullopt;
}

double signedArea(const FlatGeometry &g, std::size_t b, std::size_t e)
{
    double sum = 0;
    for (std::size_t i = b; i < e; ++i) {
        const std::size_t j = i + 1 < e ? i + 1 : b;
        sum += g.xy[2 * i] * g.xy[2 * j + 1] - g.xy[2 * j] * g.xy[2 * i + 1];
    }
    return sum / 2;
}

void reversePoints(FlatGeometry &g, std::size_t b, std::size_t e)
{
    for (std::size_t i = b, j = e - 1; i < j; ++i, --j) {
        std::swap(g.xy[2 * i], g.xy[2 * j]);
        std::swap(g.xy[2 * i + 1], g.xy[2 * j + 1]);
    }
}

} // namespace

class LayerData::Builder
{
public:
    // expected: the layer's feature count (0 when unknown).
    Builder(LayerData &d, std::size_t expected) : m_d(d), m_expected(expected)
    {
        m_d.m_fid.reserve(expected);
        m_d.m_boxes.reserve(expected);
        m_d.m_category.reserve(expected);
        m_d.m_featureParts.reserve(expected + 1);
        m_d.m_labelStart.reserve(expected + 1);
    }

    void add(std::int64_t fid, FlatGeometry &g, std::optional<std::string> category,
             const std::string *label)
    {
        if (g.pointCount() == 0)
            return;
        if (m_d.m_fid.empty())
            m_d.m_origin = {std::round(g.xy[0] / 1000) * 1000, std::round(g.xy[1] / 1000) * 1000};
        const double ox = m_d.m_origin.easting, oy = m_d.m_origin.northing;
        PackedRTree::Box box{INFINITY, INFINITY, -INFINITY, -INFINITY};
        for (std::size_t part = 0; part < g.partCount(); ++part) {
            for (std::size_t ring = g.parts[part]; ring < g.parts[part + 1]; ++ring) {
                std::size_t b = g.rings[ring], e = g.rings[ring + 1];
                if (m_d.m_kind == GeometryKind::Polygon) {
                    if (e - b > 1 && g.xy[2 * b] == g.xy[2 * e - 2] &&
                        g.xy[2 * b + 1] == g.xy[2 * e - 1])
                        --e; // the closing point; paths close themselves
                    if (e - b < 3)
                        continue;
                    const bool shell = ring == g.parts[part];
                    if ((signedArea(g, b, e) > 0) != shell)
                        reversePoints(g, b, e);
                }
                for (std::size_t i = b; i < e; ++i) {
                    const auto x = static_cast<float>(g.xy[2 * i] - ox);
                    const auto y = static_cast<float>(g.xy[2 * i + 1] - oy);
                    m_d.m_xy.push_back(x);
                    m_d.m_xy.push_back(y);
                    box.minX = std::min(box.minX, x);
                    box.minY = std::min(box.minY, y);
                    box.maxX = std::max(box.maxX, x);
                    box.maxY = std::max(box.maxY, y);
                }
                m_d.m_ringPoints.push_back(static_cast<std::uint32_t>(m_d.m_xy.size() / 2));
            }
            m_d.m_partRings.push_back(static_cast<std::uint32_t>(m_d.m_ringPoints.size() - 1));
        }
        m_d.m_featureParts.push_back(static_cast<std::uint32_t>(m_d.m_partRings.size() - 1));
        if (!(box.minX <= box.maxX))
            box = {0, 0, 0, 0}; // only degenerate rings: keep the feature, it draws nothing
        m_d.m_boxes.push_back(box);
        m_d.m_fid.push_back(fid);
        m_d.m_category.push_back(categoryIndex(category));
        if (label)
            m_d.m_labelText.append(QString::fromStdString(*label));
        m_d.m_labelStart.push_back(static_cast<std::uint32_t>(m_d.m_labelText.size()));
        if (m_d.m_fid.size() == kSampled)
            reserveLikeTheFirst();
    }

    void finish()
    {
        if (m_d.m_boxes.empty()) {
            m_d.m_extent = {};
            return;
        }
        PackedRTree::Box all = m_d.m_boxes.front();
        for (const auto &b : m_d.m_boxes) {
            all.minX = std::min(all.minX, b.minX);
            all.minY = std::min(all.minY, b.minY);
            all.maxX = std::max(all.maxX, b.maxX);
            all.maxY = std::max(all.maxY, b.maxY);
        }
        const double ox = m_d.m_origin.easting, oy = m_d.m_origin.northing;
        m_d.m_extent = {ox + all.minX, oy + all.minY, ox + all.maxX, oy + all.maxY};
        m_d.m_index = PackedRTree(m_d.m_boxes);
        // Reserved from an estimate: a copy to give back more than an eighth is worth it.
        if (m_d.m_xy.capacity() > m_d.m_xy.size() + m_d.m_xy.size() / 8)
            m_d.m_xy.shrink_to_fit();
    }

private:
    static constexpr std::size_t kSampled = 2048;

    // The arrays of points, rings and parts sized for the whole layer from its first features
    // (a million parcels: no doubling copies of hundreds of megabytes, no shrinking copy).
    void reserveLikeTheFirst()
    {
        if (m_expected <= kSampled)
            return;
        const double scale = 1.06 * double(m_expected) / double(kSampled);
        const auto like = [&](auto &v) { v.reserve(std::size_t(double(v.size()) * scale) + 16); };
        like(m_d.m_xy);
        like(m_d.m_ringPoints);
        like(m_d.m_partRings);
        if (!m_d.m_labelText.isEmpty())
            m_d.m_labelText.reserve(qsizetype(double(m_d.m_labelText.size()) * scale) + 16);
    }

    std::uint16_t categoryIndex(const std::optional<std::string> &value)
    {
        if (!value)
            return kNoCategory;
        const auto it = m_lookup.find(*value);
        if (it != m_lookup.end())
            return it->second;
        if (m_d.m_categoryValues.size() >= kNoCategory)
            return kNoCategory; // more distinct values than a style could tell apart
        const auto index = static_cast<std::uint16_t>(m_d.m_categoryValues.size());
        m_d.m_categoryValues.push_back(*value);
        m_lookup.emplace(*value, index);
        return index;
    }

    LayerData &m_d;
    std::size_t m_expected;
    std::unordered_map<std::string, std::uint16_t> m_lookup;
};

LayerData::LoadOptions LayerData::optionsFor(const LayerStyle &style)
{
    LoadOptions o;
    o.categoryFields = style.categoryFields();
    if (style.label())
        o.labelFields = style.label()->fields;
    return o;
}

std::shared_ptr<const LayerData> LayerData::load(geodata::Project &project,
                                                 const geodata::LayerInfo &layer,
                                                 const LoadOptions &options)
{
    std::shared_ptr<LayerData> d(new LayerData);
    d->m_table = layer.table;
    d->m_kind = geometryKindOf(layer.geometryType);
    const auto source = project.features(layer);
    const auto columns = source->columns();
    d->m_categoryField = findColumn(columns, options.categoryFields);
    d->m_labelField = findColumn(columns, options.labelFields);

    // The engine hands the geometry over as flat arrays (SpatiaLite: the stored BLOB read
    // directly, PostGIS: binary EWKB), never as a GEOS geometry or text per row.
    geodata::FeatureRequest request;
    int categoryColumn = -1, labelColumn = -1;
    if (!d->m_categoryField.empty()) {
        categoryColumn = static_cast<int>(request.attributes.size());
        request.attributes.push_back(d->m_categoryField);
    }
    if (!d->m_labelField.empty()) {
        labelColumn = static_cast<int>(request.attributes.size());
        request.attributes.push_back(d->m_labelField);
    }
    Builder builder(*d, static_cast<std::size_t>(std::max<std::int64_t>(layer.featureCount, 0)));
    FlatGeometry g;
    const auto cursor = source->query(request);
    while (cursor->next()) {
        const std::int64_t fid = cursor->fid();
        try {
            cursor->readGeometry(g);
        } catch (const geodata::Error &e) {
            throw geodata::Error(e.cause(),
                                 "layer " + layer.name + ", feature " + std::to_string(fid));
        }
        std::string label;
        if (labelColumn >= 0)
            if (const auto v = valueText(cursor->value(labelColumn)))
                label = *v;
        builder.add(fid, g,
                    categoryColumn >= 0 ? valueText(cursor->value(categoryColumn)) : std::nullopt,
                    labelColumn >= 0 ? &label : nullptr);
    }
    builder.finish();
    return d;
}

geodata::Envelope LayerData::envelope(std::uint32_t f) const
{
    const auto &b = m_boxes[f];
    return {m_origin.easting + b.minX, m_origin.northing + b.minY, m_origin.easting + b.maxX,
            m_origin.northing + b.maxY};
}

QStringView LayerData::label(std::uint32_t f) const
{
    return QStringView(m_labelText).mid(m_labelStart[f], m_labelStart[f + 1] - m_labelStart[f]);
}

// Computed when asked (only labelled features in view are), from the stored coordinates:
// cheaper for a million parcels than computing every anchor at load.
WorldPoint LayerData::labelAnchor(std::uint32_t f) const
{
    thread_local FlatGeometry g;
    g.clear();
    g.parts.push_back(0);
    g.rings.push_back(0);
    const double ox = m_origin.easting, oy = m_origin.northing;
    const auto parts = this->parts(f);
    for (auto p = parts.begin; p < parts.end; ++p) {
        for (auto r = rings(p).begin; r < rings(p).end; ++r) {
            const auto xy = ringXy(r);
            for (std::size_t i = 0; i + 1 < xy.size(); i += 2) {
                g.xy.push_back(ox + xy[i]);
                g.xy.push_back(oy + xy[i + 1]);
            }
            g.rings.push_back(static_cast<std::uint32_t>(g.xy.size() / 2));
        }
        g.parts.push_back(static_cast<std::uint32_t>(g.rings.size() - 1));
    }
    if (g.pointCount() == 0)
        return {ox, oy};
    return m_kind == GeometryKind::Polygon ? LabelAnchor::ofPolygon(g)
           : m_kind == GeometryKind::Line  ? LabelAnchor::ofLine(g)
                                           : LabelAnchor::ofPoint(g);
}

void LayerData::query(const geodata::Envelope &area, std::vector<std::uint32_t> &out) const
{
    out.clear();
    // Widen by a float step so features touching the edge are not lost to rounding.
    const PackedRTree::Box box{
        std::nextafter(static_cast<float>(area.minX - m_origin.easting), -INFINITY),
        std::nextafter(static_cast<float>(area.minY - m_origin.northing), -INFINITY),
        std::nextafter(static_cast<float>(area.maxX - m_origin.easting), INFINITY),
        std::nextafter(static_cast<float>(area.maxY - m_origin.northing), INFINITY)};
    m_index.query(box, out);
    std::sort(out.begin(), out.end());
}

std::size_t LayerData::memoryBytes() const
{
    return m_xy.capacity() * sizeof(float) + m_ringPoints.capacity() * 4 +
           m_partRings.capacity() * 4 + m_featureParts.capacity() * 4 + m_fid.capacity() * 8 +
           m_boxes.capacity() * sizeof(PackedRTree::Box) + m_category.capacity() * 2 +
           static_cast<std::size_t>(m_labelText.capacity()) * 2 + m_labelStart.capacity() * 4 +
           m_boxes.size() * (sizeof(PackedRTree::Box) + 4) * 17 / 16;
}

} // namespace planlines::layers
