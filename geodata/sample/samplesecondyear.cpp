#include "samplesecondyear.h"
#include "samplerandom.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace planlines::geodata::sample {

namespace {

double unitOf(std::uint64_t h)
{
    return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);
}

Geometry box(double x0, double y0, double x1, double y1)
{
    const double xy[] = {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
    return Geometry::polygon(xy);
}

// Fields, orchards, woods and grass outside any named feature: the land whose parcels a
// survey splits, merges or redraws (roads, rivers, villages and urban blocks are left alone).
bool reshapable(const Parcel &p)
{
    static const char *const codes[] = {"0101", "0102", "0103", "0201", "0301", "0404"};
    if (!p.name.empty())
        return false;
    for (const char *c : codes)
        if (p.dlbm == c)
            return true;
    return false;
}

// Parcels by the cells of a coarse grid their boxes touch: neighbours of the few parcels a
// rule reshapes, without a tree over the whole county.
class ParcelGrid
{
public:
    explicit ParcelGrid(const std::vector<Parcel> &parcels) : m_parcels(parcels)
    {
        for (std::size_t i = 0; i < parcels.size(); ++i) {
            const Envelope e = parcels[i].geometry.envelope();
            m_boxes.push_back(e);
            for (auto c : cells(e))
                m_cells[c].push_back(static_cast<std::int64_t>(i));
        }
    }
    // Parcels whose boxes meet i's, in index order.
    std::vector<std::int64_t> near(std::int64_t i) const
    {
        std::vector<std::int64_t> out;
        const Envelope &e = m_boxes[static_cast<std::size_t>(i)];
        for (auto c : cells(e)) {
            auto it = m_cells.find(c);
            if (it == m_cells.end())
                continue;
            for (auto j : it->second)
                if (j != i && m_boxes[static_cast<std::size_t>(j)].intersects(e))
                    out.push_back(j);
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

private:
    static constexpr double kCell = 1000;
    std::vector<std::pair<std::int64_t, std::int64_t>> cells(const Envelope &e) const
    {
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        const auto x0 = static_cast<std::int64_t>(std::floor(e.minX / kCell));
        const auto x1 = static_cast<std::int64_t>(std::floor(e.maxX / kCell));
        const auto y0 = static_cast<std::int64_t>(std::floor(e.minY / kCell));
        const auto y1 = static_cast<std::int64_t>(std::floor(e.maxY / kCell));
        for (auto x = x0; x <= x1; ++x)
            for (auto y = y0; y <= y1; ++y)
                out.emplace_back(x, y);
        return out;
    }
    const std::vector<Parcel> &m_parcels;
    std::vector<Envelope> m_boxes;
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::int64_t>> m_cells;
};

// a ∪ b as one polygon when the two share an edge (a point alone leaves two parts).
Geometry joined(const Geometry &a, const Geometry &b)
{
    Geometry u = unaryUnion([&] {
        std::vector<Geometry> v;
        v.push_back(a.clone());
        v.push_back(b.clone());
        return v;
    }());
    if (u.isEmpty() || u.toMultiPolygon().numGeometries() != 1)
        return {};
    return u;
}

SecondYearParcel make(Geometry g, const std::string &dlbm, int township, std::int64_t kept)
{
    const Geometry p = g.pointOnSurface();
    SecondYearParcel out{std::move(g), dlbm, township, p.x(), p.y(), kept};
    return out;
}

} // namespace

std::vector<SecondYearParcel> buildSecondYear(const std::vector<Parcel> &parcels,
                                              const LanduseContext &c, std::uint64_t seed,
                                              SecondYearCounts *counts)
{
    SecondYearCounts n;
    const std::uint64_t s = mix64(seed ^ 2024);
    auto hash = [&](std::size_t i, std::uint64_t salt) {
        return unitOf(mix64(s ^ mix64(i * 0x9e3779b97f4a7c15ULL + salt)));
    };

    // Rings around the chemical park and the towns' central building areas (城镇集中建设区),
    // inside them included: where the year's construction takes cultivated land.
    std::unique_ptr<PreparedGeometry> parkNear, parkFar;
    Geometry parkNearG, parkFarG;
    if (!c.chemicalPark.isEmpty()) {
        parkNearG = c.chemicalPark.buffer(400, 4);
        parkFarG = c.chemicalPark.buffer(900, 4);
        parkNear = std::make_unique<PreparedGeometry>(parkNearG);
        parkFar = std::make_unique<PreparedGeometry>(parkFarG);
    }
    struct Ring
    {
        Geometry nearG, farG;
        std::unique_ptr<PreparedGeometry> nearP, farP;
        const char *built;
    };
    std::vector<Ring> rings;
    for (const auto &z : c.urban) {
        if (z.zone != "城镇集中建设区")
            continue;
        Ring r{
            z.geometry.buffer(300, 4), z.geometry.buffer(700, 4), {}, {}, z.isSeat ? "201" : "202"};
        r.nearP = std::make_unique<PreparedGeometry>(r.nearG);
        r.farP = std::make_unique<PreparedGeometry>(r.farG);
        rings.push_back(std::move(r));
    }

    // 1. Class changes: same geometry, another class.
    std::vector<std::string> dlbm(parcels.size());
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        const Parcel &p = parcels[i];
        dlbm[i] = p.dlbm;
        const double u = hash(i, 1);
        if (isCultivated(p.dlbm)) {
            const Geometry pt = Geometry::point(p.x, p.y);
            std::string to;
            if (parkFar && parkFar->contains(pt)) {
                if (u < (parkNear->contains(pt) ? 0.30 : 0.12))
                    to = "202A"; // 独立工业用地 beside the park
            } else {
                for (const auto &r : rings)
                    if (r.farP->contains(pt)) {
                        // Mostly the town itself, sometimes a village growing into its fields.
                        if (u < (r.nearP->contains(pt) ? 0.22 : 0.08))
                            to = hash(i, 2) < 0.85 ? r.built : "203";
                        break;
                    }
            }
            if (!to.empty()) {
                ++n.built;
            } else if (patchNoise(s ^ 31, p.x, p.y, 2500) > 0.78 && u < 0.25) {
                to = "0201"; // an orchard belt
                ++n.planted;
            } else if (patchNoise(s ^ 32, p.x, p.y, 2000) > 0.80 && u < 0.20) {
                to = "0301"; // afforestation
                ++n.planted;
            }
            if (!to.empty())
                dlbm[i] = to;
        } else if ((p.dlbm == "0404" || p.dlbm == "1204") && p.name.empty() && u < 0.25) {
            dlbm[i] = "0103"; // 其他草地 / 盐碱地 brought back into cultivation
            ++n.reclaimed;
        }
    }

    // 2. Geometry changes on parcels the class rules left alone.
    std::vector<char> touched(parcels.size(), 0);
    for (std::size_t i = 0; i < parcels.size(); ++i)
        touched[i] = dlbm[i] != parcels[i].dlbm;
    std::vector<std::vector<SecondYearParcel>> replaced(parcels.size());
    std::vector<char> gone(parcels.size(), 0);
    const ParcelGrid grid(parcels);
    // Splits take parcels larger than most, whatever the sample's size.
    double totalArea = 0;
    for (const auto &p : parcels)
        totalArea += p.geometry.area();
    const double meanArea = parcels.empty() ? 0 : totalArea / static_cast<double>(parcels.size());
    // A neighbour of i sharing an edge, in the same township, of the same class, untouched.
    auto neighbour = [&](std::size_t i, Geometry &both) -> std::int64_t {
        for (auto j : grid.near(static_cast<std::int64_t>(i))) {
            const auto &q = parcels[static_cast<std::size_t>(j)];
            if (touched[static_cast<std::size_t>(j)] || !reshapable(q) ||
                q.dlbm != parcels[i].dlbm || q.township != parcels[i].township)
                continue;
            both = joined(parcels[i].geometry, q.geometry);
            if (!both.isNull())
                return j;
        }
        return -1;
    };
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        const Parcel &p = parcels[i];
        if (touched[i] || !reshapable(p))
            continue;
        const double u = hash(i, 3);
        if (u < 0.004 && p.geometry.area() > 0.8 * meanArea) {
            // Split across its longer side through the middle of its box.
            const Envelope e = p.geometry.envelope();
            const bool vertical = e.width() >= e.height();
            const double mx = (e.minX + e.maxX) / 2, my = (e.minY + e.maxY) / 2;
            const Geometry a =
                p.geometry.intersection(vertical ? box(e.minX - 1, e.minY - 1, mx, e.maxY + 1)
                                                 : box(e.minX - 1, e.minY - 1, e.maxX + 1, my));
            const Geometry b =
                p.geometry.intersection(vertical ? box(mx, e.minY - 1, e.maxX + 1, e.maxY + 1)
                                                 : box(e.minX - 1, my, e.maxX + 1, e.maxY + 1));
            if (a.isEmpty() || b.isEmpty() || a.area() < 0.1 * meanArea ||
                b.area() < 0.1 * meanArea)
                continue;
            touched[i] = 1;
            replaced[i].push_back(make(a.toMultiPolygon(), p.dlbm, p.township, -1));
            replaced[i].push_back(make(b.toMultiPolygon(), p.dlbm, p.township, -1));
            ++n.split;
        } else if (u < 0.007) {
            // Two neighbouring parcels of the same class become one.
            Geometry both;
            const auto j = neighbour(i, both);
            if (j < 0)
                continue;
            touched[i] = touched[static_cast<std::size_t>(j)] = 1;
            gone[static_cast<std::size_t>(j)] = 1;
            replaced[i].push_back(make(both.toMultiPolygon(), p.dlbm, p.township, -1));
            ++n.merged;
        } else if (u < 0.010) {
            // The edge shared with a neighbour of the same class moves 6 m into the neighbour.
            Geometry both;
            const auto j = neighbour(i, both);
            if (j < 0)
                continue;
            const Parcel &q = parcels[static_cast<std::size_t>(j)];
            const Geometry reach = p.geometry.buffer(6, 2);
            const Geometry strip = q.geometry.intersection(reach);
            const Geometry rest = q.geometry.difference(reach);
            if (strip.isEmpty() || rest.isEmpty() || rest.area() < 0.5 * q.geometry.area())
                continue;
            const Geometry grown = joined(p.geometry, strip);
            if (grown.isNull())
                continue;
            touched[i] = touched[static_cast<std::size_t>(j)] = 1;
            replaced[i].push_back(make(grown.toMultiPolygon(), p.dlbm, p.township, -1));
            replaced[static_cast<std::size_t>(j)].push_back(
                make(rest.toMultiPolygon(), q.dlbm, q.township, -1));
            ++n.redrawn;
        }
    }

    std::vector<SecondYearParcel> out;
    out.reserve(parcels.size() + static_cast<std::size_t>(n.split));
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        if (gone[i])
            continue;
        if (!replaced[i].empty()) {
            for (auto &r : replaced[i])
                out.push_back(std::move(r));
            continue;
        }
        const Parcel &p = parcels[i];
        out.push_back(
            {p.geometry.clone(), dlbm[i], p.township, p.x, p.y, static_cast<std::int64_t>(i)});
    }
    if (counts)
        *counts = n;
    return out;
}

} // namespace planlines::geodata::sample
