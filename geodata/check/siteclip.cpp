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

void SiteClip::hullEdges(const Geometry &site)
{
    auto ctx = geosContext();
    Geometry hull(GEOSConvexHull_r(ctx, site.get()));
    if (!hull || GEOSGeomTypeId_r(ctx, hull.get()) != GEOS_POLYGON ||
        GEOSisEmpty_r(ctx, hull.get()))
        return; // degenerate: nothing is called apart
    std::vector<double> xy = ringPoints(ctx, GEOSGetExteriorRing_r(ctx, hull.get()));
    const std::size_t n = xy.size() / 2;
    if (n < 4)
        return;
    // GEOS gives the hull's shell clockwise; the planes are kept counter-clockwise (inside on
    // the left) whatever the order.
    double twiceArea = 0;
    for (std::size_t i = 0; i + 1 < n; ++i)
        twiceArea += xy[2 * i] * xy[2 * i + 3] - xy[2 * i + 2] * xy[2 * i + 1];
    const bool clockwise = twiceArea < 0;
    for (std::size_t i = 0; i + 1 < n; ++i) {
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
    hullEdges(site);
    if (rings != 1 || shell.size() < 8)
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

SiteClip::Where SiteClip::locate(const Envelope &box) const
{
    for (const Edge &e : m_edges)
        if (e.box.intersects(box))
            return Where::Boundary;
    // The box meets no edge's box, so it lies in one face; its corner decides. A ray to +x
    // from the corner: an edge whose y-range holds the corner's y lies wholly left or right
    // of it (their boxes are apart), so no intersection needs computing.
    const double px = box.minX, py = box.minY;
    bool inside = false;
    for (const Edge &e : m_edges)
        if ((e.ay > py) != (e.by > py) && px < e.box.minX)
            inside = !inside;
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
