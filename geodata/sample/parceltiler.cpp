#include "parceltiler.h"
#include "samplerandom.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace planlines::geodata::sample {

namespace {

constexpr double kTileM = 2000;  // clipping tiles
constexpr double kMarginM = 600; // larger than any interior cell
constexpr double kDustM2 = 0.01; // smaller pieces are numerical dust, not land

Geometry box(double x0, double y0, double x1, double y1)
{
    const double xy[] = {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
    return Geometry::polygon(xy);
}

// Lattice points for one block, in the block's own field direction.
void blockPoints(double bx, double by, double size, const ParcelTilerOptions &o, Rng &rng,
                 std::vector<double> &xy)
{
    // Mostly aligned with the survey grid (0° or 90°), a few blocks skewed like old fields.
    const double skew = rng.uniform() < 0.8 ? rng.range(-6, 6) : rng.range(-30, 30);
    const double angle = ((rng.uniform() < 0.5) ? 0.0 : 90.0) + skew;
    const double th = angle * std::numbers::pi / 180.0;
    const double ratio = rng.range(2.5, 5.0); // long side / short side
    const double scale = rng.range(0.7, 1.4); // some blocks fine, some coarse
    const double area = o.cellAreaM2 * scale;
    const double along = std::sqrt(area * ratio), across = area / along;
    const double ux = std::cos(th), uy = std::sin(th), vx = -uy, vy = ux;
    const double cx = bx + size / 2, cy = by + size / 2;
    const double half = size * 0.75; // covers the rotated block
    const int ni = static_cast<int>(half / along) + 1, nj = static_cast<int>(half / across) + 1;
    for (int i = -ni; i <= ni; ++i) {
        for (int j = -nj; j <= nj; ++j) {
            const double a = (i + rng.range(-0.15, 0.15)) * along;
            const double b = (j + rng.range(-0.12, 0.12)) * across;
            const double x = cx + a * ux + b * vx, y = cy + a * uy + b * vy;
            if (x >= bx && x < bx + size && y >= by && y < by + size) {
                xy.push_back(x);
                xy.push_back(y);
            }
        }
    }
}

// The region without its parts of dust size. A region cut from a township around features
// whose edges are the same line computed twice (the corridor's inner edge and the levee
// body's) has hairline parts 1e-11 m wide and hundreds of metres long; GEOS overlay cannot cut
// a cell crossing one and gives back the whole cell, which then lies on the feature.
Geometry withoutDust(const Geometry &region)
{
    auto ctx = geosContext();
    const Geometry polys = region.toMultiPolygon();
    std::vector<Geometry> keep;
    for (int k = 0; k < polys.numGeometries(); ++k) {
        Geometry part(GEOSGeom_clone_r(ctx, polys.geometryN(k)));
        if (part.area() >= kDustM2)
            keep.push_back(std::move(part));
    }
    return Geometry::collect(std::move(keep), GEOS_MULTIPOLYGON);
}

} // namespace

std::vector<Geometry> ParcelTiler::tile(const Geometry &input, const ParcelTilerOptions &o)
{
    auto ctx = geosContext();
    const Geometry region = withoutDust(input);
    const Envelope env = region.envelope();
    const PreparedGeometry prepRegion(region);

    // 1. Points, block by block (blocks outside the region are skipped).
    std::vector<double> xy;
    const double bs = o.blockSizeM;
    for (double by = std::floor(env.minY / bs) * bs; by < env.maxY; by += bs) {
        for (double bx = std::floor(env.minX / bs) * bs; bx < env.maxX; bx += bs) {
            Rng blockRng(mix64(o.seed ^ mix64(static_cast<std::uint64_t>(bx) * 31 +
                                              static_cast<std::uint64_t>(by))));
            if (!prepRegion.intersects(box(bx, by, bx + bs, by + bs)))
                continue;
            blockPoints(bx, by, bs, o, blockRng, xy);
        }
    }
    if (xy.size() < 6) {
        std::vector<Geometry> one;
        one.push_back(region.clone());
        return one;
    }

    // 2. Voronoi cells over the expanded envelope.
    const size_t n = xy.size() / 2;
    GEOSCoordSequence *seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(n), 2);
    for (size_t i = 0; i < n; ++i)
        GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), xy[2 * i], xy[2 * i + 1]);
    Geometry points(GEOSGeom_createLineString_r(ctx, seq));
    const Geometry frame = box(env.minX - 2000, env.minY - 2000, env.maxX + 2000, env.maxY + 2000);
    Geometry cells(GEOSVoronoiDiagram_r(ctx, points.get(), frame.get(), 0.0, 0));
    if (!cells)
        throw GeometryError("Voronoi diagram failed", "sample parcels");

    // 3. Clip: cells wholly inside are kept as they are; the others are cut by the region
    //    piece of their tile (tile + margin), which is much smaller than the whole region.
    struct Tile
    {
        Geometry piece;
        std::unique_ptr<PreparedGeometry> prep;
    };
    std::map<std::pair<long, long>, Tile> tiles;
    auto tileFor = [&](long ti, long tj) -> Tile & {
        auto it = tiles.find({ti, tj});
        if (it != tiles.end())
            return it->second;
        const double x0 = ti * kTileM - kMarginM, y0 = tj * kTileM - kMarginM;
        Tile t;
        t.piece =
            region.intersection(box(x0, y0, x0 + kTileM + 2 * kMarginM,
                                    y0 + kTileM + 2 * kMarginM))
                .toMultiPolygon(); // no stray lines: overlay takes no mixed collections
        t.prep = std::make_unique<PreparedGeometry>(t.piece);
        return tiles.emplace(std::make_pair(ti, tj), std::move(t)).first->second;
    };

    std::vector<Geometry> out;
    out.reserve(n);
    const int count = cells.numGeometries();
    for (int i = 0; i < count; ++i) {
        Geometry cell(GEOSGeom_clone_r(ctx, cells.geometryN(i)));
        const Envelope ce = cell.envelope();
        if (!ce.intersects(env))
            continue;
        const double cx = (ce.minX + ce.maxX) / 2, cy = (ce.minY + ce.maxY) / 2;
        const bool small = ce.width() < kMarginM && ce.height() < kMarginM;
        if (small) {
            Tile &t = tileFor(static_cast<long>(std::floor(cx / kTileM)),
                              static_cast<long>(std::floor(cy / kTileM)));
            if (t.piece.isEmpty() || !t.prep->intersects(cell))
                continue;
            if (t.prep->containsProperly(cell)) {
                out.push_back(std::move(cell));
                continue;
            }
            Geometry cut = cell.intersection(t.piece);
            const Geometry polys = cut.toMultiPolygon();
            for (int k = 0; k < polys.numGeometries(); ++k)
                out.emplace_back(GEOSGeom_clone_r(ctx, polys.geometryN(k)));
        } else {
            if (!prepRegion.intersects(cell))
                continue;
            Geometry cut = cell.intersection(region);
            const Geometry polys = cut.toMultiPolygon();
            for (int k = 0; k < polys.numGeometries(); ++k)
                out.emplace_back(GEOSGeom_clone_r(ctx, polys.geometryN(k)));
        }
    }
    // Drop numerical dust (< 0.01 m²) left where cut lines meet.
    std::erase_if(out, [](const Geometry &g) { return g.area() < kDustM2; });
    return out;
}

} // namespace planlines::geodata::sample
