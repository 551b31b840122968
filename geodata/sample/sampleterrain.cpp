#include "sampleterrain.h"
#include "samplerandom.h"
#include "villagenames.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace planlines::geodata::sample {

namespace {

Geometry flatBuffer(const Geometry &line, double halfWidth)
{
    auto ctx = geosContext();
    GEOSGeometry *g = GEOSBufferWithStyle_r(ctx, line.get(), halfWidth, 6, GEOSBUF_CAP_FLAT,
                                            GEOSBUF_JOIN_ROUND, 5.0);
    if (!g)
        throw GeometryError("buffer failed", "sample terrain");
    return Geometry(g);
}

// The line extended by `extra` metres at both ends along its end directions.
Geometry extended(const Geometry &line, double extra)
{
    auto xy = coordinates(line.get());
    const size_t n = xy.size() / 2;
    auto push = [&](size_t a, size_t b, bool front) {
        const double dx = xy[2 * a] - xy[2 * b], dy = xy[2 * a + 1] - xy[2 * b + 1];
        const double len = std::hypot(dx, dy);
        const double x = xy[2 * a] + dx / len * extra, y = xy[2 * a + 1] + dy / len * extra;
        if (front)
            xy.insert(xy.begin(), {x, y});
        else
            xy.insert(xy.end(), {x, y});
    };
    push(n - 1, n - 2, false);
    push(0, 1, true);
    return Geometry::lineString(xy);
}

Geometry floodplainOf(const Geometry &county, const Geometry &levee, const Geometry &river)
{
    auto ctx = geosContext();
    Geometry boundary(GEOSBoundary_r(ctx, county.get()));
    Geometry noded = boundary.unite(extended(levee, 4000));
    const GEOSGeometry *arr[] = {noded.get()};
    Geometry faces(GEOSPolygonize_r(ctx, arr, 1));
    const Geometry riverZone = river.buffer(400);
    const PreparedGeometry inCounty(county);
    std::vector<Geometry> parts;
    double largest = 0;
    int largestIndex = -1;
    std::vector<Geometry> inside;
    for (int i = 0; i < faces.numGeometries(); ++i) {
        Geometry f(GEOSGeom_clone_r(ctx, faces.geometryN(i)));
        if (!inCounty.contains(f.pointOnSurface()))
            continue;
        inside.push_back(std::move(f));
    }
    for (size_t i = 0; i < inside.size(); ++i)
        if (inside[i].area() > largest) {
            largest = inside[i].area();
            largestIndex = static_cast<int>(i);
        }
    for (size_t i = 0; i < inside.size(); ++i)
        if (static_cast<int>(i) != largestIndex && inside[i].intersects(riverZone))
            parts.push_back(std::move(inside[i]));
    if (parts.empty()) // the levee does not cut the county: take a band along the river
        return river.buffer(900).intersection(county);
    return unaryUnion(std::move(parts));
}

} // namespace

std::vector<double> coordinates(const GEOSGeometry *g)
{
    auto ctx = geosContext();
    std::vector<double> xy;
    const int t = GEOSGeomTypeId_r(ctx, g);
    if (t == GEOS_POLYGON)
        g = GEOSGetExteriorRing_r(ctx, g);
    else if (t == GEOS_MULTILINESTRING || t == GEOS_MULTIPOLYGON) {
        for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g); ++i) {
            auto part = coordinates(GEOSGetGeometryN_r(ctx, g, i));
            xy.insert(xy.end(), part.begin(), part.end());
        }
        return xy;
    }
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx, seq, &n);
    xy.resize(2 * n);
    for (unsigned i = 0; i < n; ++i)
        GEOSCoordSeq_getXY_r(ctx, seq, i, &xy[2 * i], &xy[2 * i + 1]);
    return xy;
}

int landwardSide(const Geometry &levee, const Geometry &river)
{
    // Probe at several places along the levee: the side farther from the river is land.
    const double len = levee.length();
    int vote = 0;
    for (double f : {0.2, 0.4, 0.5, 0.6, 0.8}) {
        const double s = f * len;
        Geometry a = levee.interpolate(std::max(0.0, s - 20));
        Geometry b = levee.interpolate(std::min(len, s + 20));
        const double dx = b.x() - a.x(), dy = b.y() - a.y(), l = std::hypot(dx, dy);
        const double nx = -dy / l, ny = dx / l; // left normal
        Geometry mid = levee.interpolate(s);
        const double dl = river.distance(Geometry::point(mid.x() + 300 * nx, mid.y() + 300 * ny));
        const double dr = river.distance(Geometry::point(mid.x() - 300 * nx, mid.y() - 300 * ny));
        vote += dl > dr ? 1 : -1;
    }
    return vote >= 0 ? 1 : -1;
}

std::vector<Township> buildTownships(const SampleSources &src)
{
    auto ctx = geosContext();
    std::vector<double> xy;
    for (const auto &s : src.townshipSeeds) {
        xy.push_back(s.x);
        xy.push_back(s.y);
    }
    const size_t n = xy.size() / 2;
    std::vector<GEOSGeometry *> pts;
    for (size_t i = 0; i < n; ++i)
        pts.push_back(GEOSGeom_createPointFromXY_r(ctx, xy[2 * i], xy[2 * i + 1]));
    Geometry multi(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOINT, pts.data(),
                                               static_cast<unsigned>(pts.size())));
    const Geometry frame = src.county.buffer(20000);
    Geometry cells(GEOSVoronoiDiagram_r(ctx, multi.get(), frame.get(), 0.0, 0));
    std::map<std::string, std::vector<Geometry>> byCode;
    for (int i = 0; i < cells.numGeometries(); ++i) {
        Geometry cell(GEOSGeom_clone_r(ctx, cells.geometryN(i)));
        const PreparedGeometry prep(cell);
        for (const auto &s : src.townshipSeeds)
            if (prep.contains(Geometry::point(s.x, s.y))) {
                byCode[s.code].push_back(cell.clone());
                break;
            }
    }
    std::vector<Township> out;
    for (const auto &s : src.townshipSeeds) {
        if (!s.seat)
            continue;
        Township t;
        t.code = s.code;
        t.name = s.name;
        t.seatX = s.x;
        t.seatY = s.y;
        t.geometry =
            unaryUnion(std::move(byCode[s.code])).intersection(src.county).toMultiPolygon();
        out.push_back(std::move(t));
    }
    std::sort(out.begin(), out.end(),
              [](const Township &a, const Township &b) { return a.code < b.code; });
    return out;
}

Terrain TerrainBuilder::build(const SampleSources &src, const Geometry &corridor,
                              std::uint64_t seed)
{
    Terrain t;
    t.townships = buildTownships(src);
    t.floodplain = floodplainOf(src.county, src.levee, src.river);
    t.channel = src.river.buffer(230).intersection(src.county);
    t.leveeBody = flatBuffer(src.levee, 20).intersection(src.county);

    std::vector<Geometry> taken; // what earlier features already hold
    auto addFixed = [&](Geometry g, std::string dlbm, std::string name, bool linear) {
        for (const auto &prev : taken)
            if (g.envelope().intersects(prev.envelope()) && g.intersects(prev))
                g = g.difference(prev);
        g = g.intersection(src.county).toMultiPolygon();
        if (g.isEmpty())
            return;
        taken.push_back(g.clone());
        t.fixed.push_back({std::move(g), std::move(dlbm), std::move(name), linear});
    };
    addFixed(t.channel.clone(), "1101", "黄河", true);
    addFixed(t.leveeBody.clone(), "1109", "黄河大堤", true);
    addFixed(corridor.clone(), "0301", "黄河淤背区生态廊道", true);
    for (const auto &w : src.waters) {
        const std::string kind = w.str("kind");
        if (w.geometry.typeId() == GEOS_POLYGON || w.geometry.typeId() == GEOS_MULTIPOLYGON)
            addFixed(w.geometry.clone(), kind == "reservoir" ? "1103" : "1104", w.str("name"),
                     false);
    }
    for (const auto &w : src.waters) {
        if (w.geometry.typeId() != GEOS_LINESTRING && w.geometry.typeId() != GEOS_MULTILINESTRING)
            continue;
        const double width = w.num("width_m", w.str("kind") == "river" ? 40 : 15);
        addFixed(flatBuffer(w.geometry, width / 2), w.str("kind") == "river" ? "1101" : "1107",
                 w.str("name"), true);
    }
    for (const auto &r : src.roads)
        addFixed(flatBuffer(r.geometry, r.num("width_m", 20) / 2), "1003", r.str("name"), true);

    // Villages: a jittered lattice of about 1 km, kept away from towns, water, roads, levee.
    // (copies: t.fixed grows below, so pointers into it would dangle)
    std::vector<Geometry> avoidLines;
    std::vector<Envelope> avoidEnv;
    std::vector<double> avoidDist;
    for (const auto &f : t.fixed) {
        avoidLines.push_back(f.geometry.clone());
        avoidEnv.push_back(f.geometry.envelope());
        avoidDist.push_back(f.dlbm == "1103" || f.dlbm == "1104" ? 300 : 280);
    }
    std::vector<std::unique_ptr<PreparedGeometry>> blocked;
    std::vector<Geometry> blockedGeoms;
    blockedGeoms.push_back(t.floodplain.buffer(400));
    for (const auto &z : src.zones)
        blockedGeoms.push_back(z.geometry.buffer(300));
    for (const auto &g : blockedGeoms)
        blocked.push_back(std::make_unique<PreparedGeometry>(g));
    std::vector<std::unique_ptr<PreparedGeometry>> townshipPrep;
    for (const auto &tw : t.townships)
        townshipPrep.push_back(std::make_unique<PreparedGeometry>(tw.geometry));

    Rng rng(seed ^ 0x7f4a7c15);
    const Envelope env = src.county.envelope();
    const double spacing = 1000;
    std::map<std::string, int> perTownship;
    VillageNamer namer(seed);
    for (double y = env.minY + spacing / 2; y < env.maxY; y += spacing) {
        for (double x = env.minX + spacing / 2; x < env.maxX; x += spacing) {
            const double vx = x + rng.range(-320, 320), vy = y + rng.range(-320, 320);
            const double radius = rng.range(190, 330);
            const int shape = rng.below(1000);
            if (rng.uniform() < 0.12) // open fields here
                continue;
            Geometry centre = Geometry::point(vx, vy);
            int ti = -1;
            for (size_t i = 0; i < townshipPrep.size(); ++i)
                if (townshipPrep[i]->contains(centre))
                    ti = static_cast<int>(i);
            if (ti < 0)
                continue;
            bool ok = true;
            for (const auto &b : blocked)
                if (b->contains(centre))
                    ok = false;
            for (size_t i = 0; ok && i < avoidLines.size(); ++i)
                if (avoidEnv[i].intersects({vx - 600, vy - 600, vx + 600, vy + 600}) &&
                    avoidLines[i].distance(centre) < radius + avoidDist[i] - 150)
                    ok = false;
            if (!ok)
                continue;
            // Outline: hull of a few house clusters, softened.
            Rng vr(mix64(seed ^ static_cast<std::uint64_t>(shape) ^
                         static_cast<std::uint64_t>(vx * 7 + vy)));
            std::vector<GEOSGeometry *> pts;
            auto ctx = geosContext();
            const int k = 5 + vr.below(5);
            for (int i = 0; i < k; ++i) {
                const double a = vr.range(0, 6.283185307), r = radius * std::sqrt(vr.uniform());
                pts.push_back(GEOSGeom_createPointFromXY_r(ctx, vx + r * std::cos(a) * 1.3,
                                                           vy + r * std::sin(a) * 0.8));
            }
            Geometry mp(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOINT, pts.data(),
                                                    static_cast<unsigned>(pts.size())));
            Geometry hull(GEOSConvexHull_r(ctx, mp.get()));
            Geometry outline = hull.buffer(45, 3).intersection(t.townships[ti].geometry);
            for (const auto &prev : taken)
                if (outline.envelope().intersects(prev.envelope()) && outline.intersects(prev))
                    outline = outline.difference(prev);
            outline = outline.toMultiPolygon();
            if (outline.isEmpty() || outline.area() < 20000)
                continue;
            const auto &tw = t.townships[ti];
            const int seq = 200 + ++perTownship[tw.code];
            Village v;
            v.townshipCode = tw.code;
            v.code = tw.code.substr(0, 9) + std::to_string(seq);
            v.name = namer.next();
            v.x = vx;
            v.y = vy;
            v.geometry = outline.clone();
            taken.push_back(outline.clone());
            t.fixed.push_back({std::move(outline), "203", v.name, false});
            t.villages.push_back(std::move(v));
        }
    }

    // Urban communities (社区): one per ~1 km of the built-up zones, for 坐落单位 of town parcels.
    std::map<std::string, int> communitySeq;
    for (const auto &z : src.zones) {
        if (z.str("kind") != "urban")
            continue;
        const Envelope ze = z.geometry.envelope();
        const PreparedGeometry zp(z.geometry);
        for (double y = ze.minY + 500; y < ze.maxY; y += 1000)
            for (double x = ze.minX + 500; x < ze.maxX; x += 1000) {
                Geometry c = Geometry::point(x, y);
                if (!zp.contains(c))
                    continue;
                for (size_t i = 0; i < townshipPrep.size(); ++i)
                    if (townshipPrep[i]->contains(c)) {
                        const auto &tw = t.townships[i];
                        const int seq = ++communitySeq[tw.code];
                        char code[16];
                        std::snprintf(code, sizeof code, "%03d", seq);
                        Village v;
                        v.townshipCode = tw.code;
                        v.code = tw.code.substr(0, 9) + code;
                        v.name = namer.community(tw.name, seq);
                        v.x = x;
                        v.y = y;
                        t.communities.push_back(std::move(v));
                    }
            }
    }
    return t;
}

} // namespace planlines::geodata::sample
