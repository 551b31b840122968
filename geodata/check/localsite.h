// The parts of a detailed site near a feature, so that intersecting the site with a parcel
// costs the parcel and the site's nearby outline, not the site's whole outline.
//
// GEOS's overlay clips each operand to the other's envelope, but it walks every ring of both to
// do so: a site of 100 000 vertices or 20 000 parts cost that much for every parcel along its
// outline (20 s for one site). A site of more than kTileAbove vertices is kept as tiles: each
// part of at most kTileVertices as it is, a larger part cut by halving boxes (GEOSClipByRect,
// linear in the vertices) into tiles of at most kTileVertices (or a 64th of the site's
// vertices, if more: fewer tiles for a parcel to meet on a huge outline) whose interiors are
// disjoint and whose union is the part. A feature is intersected with the tiles its envelope meets
// (a grid finds them); a tile the feature holds whole is taken as it is; the pieces of one cut part
// are united again, so the cuts do not show. A smaller site, or one whose tiles do not add up to it
// (validity or area), is used whole, exactly as before. One per site and thread.
#pragma once

#include "../geometry.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace planlines::geodata::check {

class LocalSite
{
public:
    static constexpr int kTileAbove = 8192;
    static constexpr int kTileVertices = 4096;

    // site: valid and polygonal (SiteMeasurer::prepareSite); kept by reference, alive as long
    // as this.
    explicit LocalSite(const Geometry &site);

    // site ∩ g, polygonal or empty. Throws GeometryError as Geometry::intersection does.
    Geometry intersection(const Geometry &g) const;
    // The number of tiles (0: the site is used whole).
    std::size_t tiles() const { return m_tiles.size(); }

private:
    struct Tile
    {
        Envelope envelope;
        Geometry geometry;
        int part = -1; // the site's part this tile was cut from; -1: the whole part
    };
    void split(Geometry piece, int part, int depth);
    int m_leafVertices = kTileVertices;
    void buildGrid();
    int column(double x) const;
    int row(double y) const;
    const Geometry &m_site;
    std::vector<Tile> m_tiles;
    // The tiles by cell of a grid over the site's envelope (as SiteClip's edges).
    Envelope m_extent;
    int m_columns = 1, m_rows = 1;
    double m_cellW = 1, m_cellH = 1;
    std::vector<std::uint32_t> m_cellStart, m_cellTiles;
    mutable std::vector<std::uint32_t> m_seen;
    mutable std::uint32_t m_query = 0;
};

} // namespace planlines::geodata::check
