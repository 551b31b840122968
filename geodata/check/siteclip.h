// Measures parcels against a site from their plain coordinates, without GEOS objects, where
// that is exact:
//  - a parcel whose box meets the box of no edge of the site lies wholly inside the site or
//    wholly outside it, and one point says which (locate);
//  - the part of a polygon inside a convex site is each ring clipped by the site's edges in
//    turn (Sutherland–Hodgman): for a convex clip region the clipped ring's area is the area
//    of the ring's part inside it, holes subtracted (clippedArea);
//  - a box wholly beyond one edge of the site's convex hull cannot touch the site (apart):
//    the spatial index asks this of its boxes, so such parcels are never read.
// Everything else (a non-convex site across a parcel's edge) stays with GEOS. One per site and
// thread. Each answer costs the site's edges near the box, not all of them (a grid of the
// edges), so a site of 100 000 vertices is measured as fast per parcel as a small one.
#pragma once

#include "spatialiteblob.h"

#include "../geometry.h"

#include <cstdint>
#include <vector>

namespace planlines::geodata::check {

class SiteClip
{
public:
    // site: valid and polygonal (SiteMeasurer::prepareSite).
    explicit SiteClip(const Geometry &site);

    enum class Where
    {
        Inside,
        Outside,
        Boundary
    };
    // Where a box lies: in the site's interior, in its exterior, or touching its boundary (an
    // edge's box meets it: the box may cross the site's outline).
    Where locate(const Envelope &box) const;
    // True when the box lies wholly outside the site's convex hull, by more than a micrometre
    // (so a box that merely touches the site is never called apart). The R*Tree asks it of every
    // node, so a hull of many edges is tested on at most kHullPlanes of them, spread round it:
    // each half-plane holds the whole hull, so fewer of them still never call a touching box
    // apart; they only let a few more boxes through.
    bool apart(const Envelope &box) const;
    // One ring, convex, of at most kConvexVertices vertices (clipping by more edges costs more
    // than GEOS on the site's nearby tiles).
    bool convex() const { return m_convex; }
    static constexpr std::size_t kHullPlanes = 64, kConvexVertices = 256;
    // The area of the polygon(s) inside the site; convex sites only.
    double clippedArea(const PolygonRings &rings) const;
    // The polygon(s)' own area exactly as GEOS computes it (Polygon::getArea: |shell| minus
    // |holes|, the shoelace formula of geos::algorithm::Area::ofRingSigned), bit for bit.
    static double area(const PolygonRings &rings);

private:
    struct Edge
    {
        double ax, ay, bx, by;
        Envelope box;
    };
    double clipRing(const double *xy, std::size_t n) const;
    void hullEdges();
    // An edge of the convex hull, counter-clockwise: its start, its direction and its length.
    struct HalfPlane
    {
        double ax, ay, dx, dy, length;
    };
    void buildGrid();
    // The grid cell columns and rows a box covers, clamped to the grid.
    int column(double x) const;
    int row(double y) const;
    std::vector<Edge> m_edges;
    // The edges by grid cell over the site's envelope (cell c's edges are
    // m_cellEdges[m_cellStart[c] .. m_cellStart[c + 1])); an edge is in every cell its box meets.
    Envelope m_extent;
    int m_columns = 1, m_rows = 1;
    double m_cellW = 1, m_cellH = 1;
    std::vector<std::uint32_t> m_cellStart, m_cellEdges;
    mutable std::vector<std::uint32_t> m_seen; // per edge: the query that last counted it
    mutable std::uint32_t m_query = 0;
    std::vector<HalfPlane> m_hullEdges;
    bool m_convex = false;
    double m_ox = 0, m_oy = 0;  // origin of the hull's coordinates (a site vertex)
    std::vector<double> m_hull; // convex site, counter-clockwise, relative to the origin
    mutable std::vector<double> m_a, m_b;
};

} // namespace planlines::geodata::check
