#include "siteclip.h"

#include <algorithm>
#include <cmath>

namespace planlines::geodata::check {

namespace {

std::vector<double> ringPoints(GEOSContextHandle_t ctx, const GEOSGeometry *ring)
{
    std::vector<double> xy;
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned n = 0;
    if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n))
        return xy;
    xy.reserve(2u * n);
    for (unsigned i = 0; i < n; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
        xy.push_back(x);
        xy.push_back(y);
    }
    return xy;
}

// geos::algorithm::Area::ofRingSigned (GEOS 3.11), term for term.
double ofRingSigned(const double *xy, std::size_t n)
{
    if (n < 3)
        return 0.0;
    double p0y = 0, p1x = 0, p1y = xy[1];
    const double x0 = xy[0];
    double p2x = xy[2] - x0, p2y = xy[3];
    double sum = 0.0;
    for (std::size_t i = 1; i < n - 1; ++i) {
        p0y = p1y;
        p1x = p2x;
        p1y = p2y;
        p2x = xy[2 * (i + 1)] - x0;
        p2y = xy[2 * (i + 1) + 1];
        sum += p1x * (p0y - p2y);
    }
    return sum / 2.0;
}

// Shoelace of an open ring (no closing point) of n points.
double openRingArea(const std::vector<double> &p)
{
    const std::size_t n = p.size() / 2;
    double sum = 0;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++)
        sum += p[2 * j] * p[2 * i + 1] - p[2 * i] * p[2 * j + 1];
    return sum / 2;
}

} // namespace

void SiteClip::hullEdges()
{
    // Andrew's monotone chain over the rings' vertices (GEOS's hull took a fifth of the check
    // of a site of 100 000 vertices). The closed ring comes out counter-clockwise.
    std::vector<std::pair<double, double>> pts;
    pts.reserve(m_edges.size());
    for (const Edge &e : m_edges)
        pts.emplace_back(e.ax, e.ay);
    std::sort(pts.begin(), pts.end());
    pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
    if (pts.size() < 3)
        return; // degenerate: nothing is called apart
    auto cross = [](const auto &o, const auto &a, const auto &b) {
        return (a.first - o.first) * (b.second - o.second) -
               (a.second - o.second) * (b.first - o.first);
    };
    std::vector<std::pair<double, double>> h(2 * pts.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        while (k >= 2 && cross(h[k - 2], h[k - 1], pts[i]) <= 0)
            --k;
        h[k++] = pts[i];
    }
    for (std::size_t i = pts.size() - 1, t = k + 1; i-- > 0;) {
        while (k >= t && cross(h[k - 2], h[k - 1], pts[i]) <= 0)
            --k;
        h[k++] = pts[i];
    }
    std::vector<double> xy;
    xy.reserve(2 * k);
    for (std::size_t i = 0; i < k; ++i) {
        xy.push_back(h[i].first);
        xy.push_back(h[i].second);
    }
    const std::size_t n = xy.size() / 2;
    if (n < 4)
        return;
    // The planes are kept counter-clockwise (inside on the left) whatever the order.
    double twiceArea = 0;
    for (std::size_t i = 0; i + 1 < n; ++i)
        twiceArea += xy[2 * i] * xy[2 * i + 3] - xy[2 * i + 2] * xy[2 * i + 1];
    const bool clockwise = twiceArea < 0;
    const std::size_t stride = (n - 1 + kHullPlanes - 1) / kHullPlanes;
    for (std::size_t i = 0; i + 1 < n; i += stride) {
        const std::size_t a = clockwise ? i + 1 : i, b = clockwise ? i : i + 1;
        HalfPlane h{xy[2 * a], xy[2 * a + 1], xy[2 * b] - xy[2 * a], xy[2 * b + 1] - xy[2 * a + 1],
                    0};
        h.length = std::hypot(h.dx, h.dy);
        if (h.length > 0)
            m_hullEdges.push_back(h);
    }
}

bool SiteClip::apart(const Envelope &box) const
{
    for (const HalfPlane &h : m_hullEdges) {
        // The corner of the box farthest to the left of the edge (inside is on the left).
        const double x = h.dy < 0 ? box.maxX : box.minX;
        const double y = h.dx > 0 ? box.maxY : box.minY;
        if (h.dx * (y - h.ay) - h.dy * (x - h.ax) < -1e-6 * h.length)
            return true;
    }
    return false;
}

SiteClip::SiteClip(const Geometry &site)
{
    auto ctx = geosContext();
    const int parts = GEOSGetNumGeometries_r(ctx, site.get());
    std::vector<double> shell;
    int rings = 0;
    for (int i = 0; i < parts; ++i) {
        const GEOSGeometry *poly = GEOSGetGeometryN_r(ctx, site.get(), i);
        if (GEOSGeomTypeId_r(ctx, poly) != GEOS_POLYGON || GEOSisEmpty_r(ctx, poly))
            continue;
        std::vector<const GEOSGeometry *> ringList{GEOSGetExteriorRing_r(ctx, poly)};
        for (int h = 0; h < GEOSGetNumInteriorRings_r(ctx, poly); ++h)
            ringList.push_back(GEOSGetInteriorRingN_r(ctx, poly, h));
        for (const GEOSGeometry *ring : ringList) {
            const std::vector<double> xy = ringPoints(ctx, ring);
            if (rings++ == 0)
                shell = xy;
            for (std::size_t k = 0; k + 3 < xy.size(); k += 2) {
                Edge e{xy[k], xy[k + 1], xy[k + 2], xy[k + 3], {}};
                e.box = {std::min(e.ax, e.bx), std::min(e.ay, e.by), std::max(e.ax, e.bx),
                         std::max(e.ay, e.by)};
                m_edges.push_back(e);
            }
        }
    }
    hullEdges();
    buildGrid();
    if (rings != 1 || shell.size() < 8 || shell.size() / 2 > kConvexVertices + 1)
        return;
    // One ring: convex when every turn goes the same way (a valid ring cannot wind twice).
    m_ox = shell[0];
    m_oy = shell[1];
    std::vector<double> p;
    for (std::size_t k = 0; k + 2 < shell.size(); k += 2) { // the closing point left out
        const double x = shell[k] - m_ox, y = shell[k + 1] - m_oy;
        if (p.empty() || x != p[p.size() - 2] || y != p.back()) {
            p.push_back(x);
            p.push_back(y);
        }
    }
    const std::size_t n = p.size() / 2;
    if (n < 3)
        return;
    int left = 0, right = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i + 1) % n, k = (i + 2) % n;
        const double c = (p[2 * j] - p[2 * i]) * (p[2 * k + 1] - p[2 * j + 1]) -
                         (p[2 * j + 1] - p[2 * i + 1]) * (p[2 * k] - p[2 * j]);
        left += c > 0;
        right += c < 0;
    }
    if ((left > 0) == (right > 0))
        return;
    if (right > 0) { // clockwise: turn it round
        std::vector<double> r;
        for (std::size_t i = n; i-- > 0;) {
            r.push_back(p[2 * i]);
            r.push_back(p[2 * i + 1]);
        }
        p.swap(r);
    }
    m_hull = std::move(p);
    m_convex = true;
}

void SiteClip::buildGrid()
{
    if (m_edges.empty())
        return;
    m_extent = m_edges.front().box;
    for (const Edge &e : m_edges) {
        m_extent.minX = std::min(m_extent.minX, e.box.minX);
        m_extent.minY = std::min(m_extent.minY, e.box.minY);
        m_extent.maxX = std::max(m_extent.maxX, e.box.maxX);
        m_extent.maxY = std::max(m_extent.maxY, e.box.maxY);
    }
    // About four edges a cell, the cells near square, at most 1 024 a side.
    const double cells = std::max(1.0, static_cast<double>(m_edges.size()) / 4);
    const double w = std::max(m_extent.width(), 1e-9), h = std::max(m_extent.height(), 1e-9);
    const double side = std::sqrt(w * h / cells);
    m_columns = static_cast<int>(std::clamp(std::ceil(w / side), 1.0, 1024.0));
    m_rows = static_cast<int>(std::clamp(std::ceil(h / side), 1.0, 1024.0));
    m_cellW = w / m_columns;
    m_cellH = h / m_rows;
    std::vector<std::uint32_t> count(static_cast<std::size_t>(m_columns) * m_rows + 1, 0);
    auto forCells = [&](const Edge &e, auto &&f) {
        for (int r = row(e.box.minY), r1 = row(e.box.maxY); r <= r1; ++r)
            for (int c = column(e.box.minX), c1 = column(e.box.maxX); c <= c1; ++c)
                f(static_cast<std::size_t>(r) * m_columns + c);
    };
    for (const Edge &e : m_edges)
        forCells(e, [&](std::size_t cell) { ++count[cell + 1]; });
    for (std::size_t i = 1; i < count.size(); ++i)
        count[i] += count[i - 1];
    m_cellStart = count;
    m_cellEdges.resize(count.back());
    for (std::uint32_t i = 0; i < m_edges.size(); ++i)
        forCells(m_edges[i], [&](std::size_t cell) { m_cellEdges[count[cell]++] = i; });
    m_seen.assign(m_edges.size(), 0);
}

int SiteClip::column(double x) const
{
    const double c = std::floor((x - m_extent.minX) / m_cellW);
    return static_cast<int>(std::clamp(c, 0.0, static_cast<double>(m_columns - 1)));
}

int SiteClip::row(double y) const
{
    const double r = std::floor((y - m_extent.minY) / m_cellH);
    return static_cast<int>(std::clamp(r, 0.0, static_cast<double>(m_rows - 1)));
}

SiteClip::Where SiteClip::locate(const Envelope &box) const
{
    if (m_edges.empty() || !m_extent.intersects(box))
        return Where::Outside;
    for (int r = row(box.minY), r1 = row(box.maxY); r <= r1; ++r)
        for (int c = column(box.minX), c1 = column(box.maxX); c <= c1; ++c) {
            const std::size_t cell = static_cast<std::size_t>(r) * m_columns + c;
            for (std::uint32_t k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k)
                if (m_edges[m_cellEdges[k]].box.intersects(box))
                    return Where::Boundary;
        }
    // The box meets no edge's box, so it lies in one face; its corner decides. A ray to +x
    // from the corner: an edge whose y-range holds the corner's y lies wholly left or right
    // of it (their boxes are apart), so no intersection needs computing. Such an edge to the
    // right has a box over the corner's row at or right of its column: only those cells are
    // read, each edge counted once.
    const double px = box.minX, py = box.minY;
    if (++m_query == 0) {
        std::fill(m_seen.begin(), m_seen.end(), 0);
        m_query = 1;
    }
    bool inside = false;
    const std::size_t r = static_cast<std::size_t>(row(py));
    for (int c = column(px); c < m_columns; ++c) {
        const std::size_t cell = r * m_columns + c;
        for (std::uint32_t k = m_cellStart[cell]; k < m_cellStart[cell + 1]; ++k) {
            const std::uint32_t i = m_cellEdges[k];
            if (m_seen[i] == m_query)
                continue;
            m_seen[i] = m_query;
            const Edge &e = m_edges[i];
            if ((e.ay > py) != (e.by > py) && px < e.box.minX)
                inside = !inside;
        }
    }
    return inside ? Where::Inside : Where::Outside;
}

double SiteClip::clipRing(const double *xy, std::size_t n) const
{
    // The ring without its closing point, relative to the hull's origin.
    m_a.clear();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        m_a.push_back(xy[2 * i] - m_ox);
        m_a.push_back(xy[2 * i + 1] - m_oy);
    }
    const std::size_t h = m_hull.size() / 2;
    for (std::size_t e = 0; e < h && !m_a.empty(); ++e) {
        const double ax = m_hull[2 * e], ay = m_hull[2 * e + 1];
        const double dx = m_hull[2 * ((e + 1) % h)] - ax, dy = m_hull[2 * ((e + 1) % h) + 1] - ay;
        m_b.clear();
        const std::size_t m = m_a.size() / 2;
        for (std::size_t i = 0; i < m; ++i) {
            const std::size_t j = (i + 1) % m;
            const double px = m_a[2 * i], py = m_a[2 * i + 1];
            const double qx = m_a[2 * j], qy = m_a[2 * j + 1];
            const double cp = dx * (py - ay) - dy * (px - ax);
            const double cq = dx * (qy - ay) - dy * (qx - ax);
            if (cp >= 0) {
                m_b.push_back(px);
                m_b.push_back(py);
            }
            if ((cp >= 0) != (cq >= 0)) {
                const double t = cp / (cp - cq);
                m_b.push_back(px + (qx - px) * t);
                m_b.push_back(py + (qy - py) * t);
            }
        }
        m_a.swap(m_b);
    }
    return m_a.size() < 6 ? 0.0 : std::abs(openRingArea(m_a));
}

double SiteClip::clippedArea(const PolygonRings &r) const
{
    double total = 0, polygon = 0;
    for (std::size_t i = 0; i < r.rings.size(); ++i) {
        const auto &ring = r.rings[i];
        const double a = clipRing(r.xy.data() + 2 * ring.first, ring.count);
        const bool shell = i == 0 || r.rings[i - 1].polygon != ring.polygon;
        if (shell) {
            total += std::max(0.0, polygon);
            polygon = a;
        } else {
            polygon -= a;
        }
    }
    return total + std::max(0.0, polygon);
}

double SiteClip::area(const PolygonRings &r)
{
    double total = 0, polygon = 0;
    for (std::size_t i = 0; i < r.rings.size(); ++i) {
        const auto &ring = r.rings[i];
        const double a = std::fabs(ofRingSigned(r.xy.data() + 2 * ring.first, ring.count));
        const bool shell = i == 0 || r.rings[i - 1].polygon != ring.polygon;
        if (shell) {
            if (i > 0)
                total += polygon;
            polygon = a;
        } else {
            polygon -= a;
        }
    }
    return r.rings.empty() ? 0.0 : total + polygon;
}

} // namespace planlines::geodata::check
