#include "localsite.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace planlines::geodata::check {

namespace {

// The polygons of GEOSClipByRect's result (it may add lines and points where the site runs
// along the box).
Geometry clipped(const Geometry &g, const Envelope &box)
{
    GEOSGeometry *c =
        GEOSClipByRect_r(geosContext(), g.get(), box.minX, box.minY, box.maxX, box.maxY);
    if (!c)
        throw GeometryError("GEOS could not clip the site to a box", "site tiles");
    return Geometry(c).toMultiPolygon();
}

Geometry cloneOf(const GEOSGeometry *g)
{
    return Geometry(GEOSGeom_clone_r(geosContext(), g));
}

// Appends the polygons of g to out.
void appendPolygons(const Geometry &g, std::vector<Geometry> &out)
{
    const Geometry m = g.toMultiPolygon();
    for (int i = 0, n = m.numGeometries(); i < n; ++i)
        out.push_back(cloneOf(m.geometryN(i)));
}

} // namespace

LocalSite::LocalSite(const Geometry &site) : m_site(site)
{
    const int vertices = site.numPoints();
    if (vertices <= kTileAbove)
        return;
    m_leafVertices = std::max(kTileVertices, vertices / 64);
    try {
        const Geometry parts = site.toMultiPolygon();
        for (int i = 0, n = parts.numGeometries(); i < n; ++i) {
            Geometry part = cloneOf(parts.geometryN(i));
            if (part.numPoints() <= m_leafVertices) {
                const Envelope e = part.envelope();
                m_tiles.push_back({e, std::move(part), -1});
                continue;
            }
            const double area = part.area();
            const std::size_t first = m_tiles.size();
            split(std::move(part), i, 0);
            // The tiles must be the part: each valid, their areas adding up to the part's.
            double sum = 0;
            for (std::size_t t = first; t < m_tiles.size(); ++t) {
                if (!m_tiles[t].geometry.isValid())
                    throw GeometryError("a tile of the site is not valid", "site tiles");
                sum += m_tiles[t].geometry.area();
            }
            if (!(std::fabs(sum - area) <= 1e-9 * area + 1e-6))
                throw GeometryError("the tiles of the site do not add up to it", "site tiles");
        }
    } catch (const Error &) {
        m_tiles.clear(); // cannot be cut: used whole
        return;
    }
    buildGrid();
}

void LocalSite::split(Geometry piece, int part, int depth)
{
    if (piece.isEmpty())
        return;
    const Envelope e = piece.envelope();
    if (piece.numPoints() <= m_leafVertices || depth >= 24 || (e.width() <= 0 && e.height() <= 0)) {
        m_tiles.push_back({e, std::move(piece), part});
        return;
    }
    // Halves of the box along its longer side; the outer sides a little outside the box, so
    // that no vertex lies on them and only the cut is new.
    const double pad = std::max(e.width(), e.height()) * 1e-6 + 1e-3;
    Envelope a{e.minX - pad, e.minY - pad, e.maxX + pad, e.maxY + pad};
    Envelope b = a;
    if (e.width() >= e.height())
        a.maxX = b.minX = (e.minX + e.maxX) / 2;
    else
        a.maxY = b.minY = (e.minY + e.maxY) / 2;
    Geometry first = clipped(piece, a);
    Geometry second = clipped(piece, b);
    piece = Geometry();
    split(std::move(first), part, depth + 1);
    split(std::move(second), part, depth + 1);
}

void LocalSite::buildGrid()
{
    if (m_tiles.empty())
        return;
    m_extent = m_tiles.front().envelope;
    for (const Tile &t : m_tiles) {
        m_extent.minX = std::min(m_extent.minX, t.envelope.minX);
        m_extent.minY = std::min(m_extent.minY, t.envelope.minY);
        m_extent.maxX = std::max(m_extent.maxX, t.envelope.maxX);
        m_extent.maxY = std::max(m_extent.maxY, t.envelope.maxY);
    }
    const double cells = std::max(1.0, static_cast<double>(m_tiles.size()));
    const double w = std::max(m_extent.width(), 1e-9), h = std::max(m_extent.height(), 1e-9);
    const double side = std::sqrt(w * h / cells);
    m_columns = static_cast<int>(std::clamp(std::ceil(w / side), 1.0, 1024.0));
    m_rows = static_cast<int>(std::clamp(std::ceil(h / side), 1.0, 1024.0));
    m_cellW = w / m_columns;
    m_cellH = h / m_rows;
    std::vector<std::uint32_t> count(static_cast<std::size_t>(m_columns) * m_rows + 1, 0);
    auto forCells = [&](const Envelope &e, auto &&f) {
        for (int r = row(e.minY), r1 = row(e.maxY); r <= r1; ++r)
            for (int c = column(e.minX), c1 = column(e.maxX); c <= c1; ++c)
                f(static_cast<std::size_t>(r) * m_columns + c);
    };
    for (const Tile &t : m_tiles)
        forCells(t.envelope, [&](std::size_t cell) { ++count[cell + 1]; });
    for (std::size_t i = 1; i < count.size(); ++i)
        count[i] += count[i - 1];
    m_cellStart = count;
    m_cellTiles.resize(count.back());
    for (std::uint32_t i = 0; i < m_tiles.size(); ++i)
        forCells(m_tiles[i].envelope, [&](std::size_t cell) { m_cellTiles[count[cell]++] = i; });
    m_seen.assign(m_tiles.size(), 0);
}

int LocalSite::column(double x) const
{
    const double c = std::floor((x - m_extent.minX) / m_cellW);
    return static_cast<int>(std::clamp(c, 0.0, static_cast<double>(m_columns - 1)));
}

int LocalSite::row(double y) const
{
    const double r = std::floor((y - m_extent.minY) / m_cellH);
    return static_cast<int>(std::clamp(r, 0.0, static_cast<double>(m_rows - 1)));
}

Geometry LocalSite::intersection(const Geometry &g) const
{
    if (m_tiles.empty())
        return m_site.intersection(g);
    const Envelope e = g.envelope();
    std::vector<Geometry> polygons;
    std::map<int, std::vector<Geometry>> cut; // pieces of a cut part, by part
    if (!m_extent.intersects(e))
        return Geometry::collect({}, GEOS_MULTIPOLYGON);
    if (++m_query == 0) {
        std::fill(m_seen.begin(), m_seen.end(), 0);
        m_query = 1;
    }
    std::unique_ptr<PreparedGeometry> holder; // g prepared, once a tile may lie inside it
    for (int r = row(e.minY), r1 = row(e.maxY); r <= r1; ++r)
        for (int c = column(e.minX), c1 = column(e.maxX); c <= c1; ++c) {
            const std::size_t cell = static_cast<std::size_t>(r) * m_columns + c;
            for (std::uint32_t k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k) {
                const std::uint32_t i = m_cellTiles[k];
                if (m_seen[i] == m_query)
                    continue;
                m_seen[i] = m_query;
                const Tile &t = m_tiles[i];
                if (!t.envelope.intersects(e))
                    continue;
                const bool boxInside = e.minX < t.envelope.minX && t.envelope.maxX < e.maxX &&
                                       e.minY < t.envelope.minY && t.envelope.maxY < e.maxY;
                if (boxInside && !holder)
                    holder = std::make_unique<PreparedGeometry>(g);
                Geometry piece = boxInside && holder->containsProperly(t.geometry)
                                     ? t.geometry.clone()
                                     : t.geometry.intersection(g);
                if (piece.isEmpty())
                    continue;
                if (t.part < 0)
                    appendPolygons(piece, polygons);
                else
                    cut[t.part].push_back(std::move(piece));
            }
        }
    // The parts of a valid multipolygon meet at points at most, so pieces of different parts
    // stand side by side; the pieces of one cut part meet along the cuts and are united.
    for (auto &[part, pieces] : cut)
        appendPolygons(pieces.size() == 1 ? std::move(pieces.front())
                                          : unaryUnion(std::move(pieces)),
                       polygons);
    return Geometry::collect(std::move(polygons), GEOS_MULTIPOLYGON);
}

} // namespace planlines::geodata::check
