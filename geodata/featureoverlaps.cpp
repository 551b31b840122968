#include "featureoverlaps.h"

#include "database.h"
#include "geometry.h"
#include "store/featuresource.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace planlines::geodata {

namespace {

// A layer's polygons as plain rings, packed: feature i has rings featRing[i] .. featRing[i+1],
// ring r has points ringStart[r] .. ringStart[r+1] (the closing point included).
struct PackedRings
{
    std::vector<double> xy;
    std::vector<std::uint32_t> ringStart{0};
    std::vector<std::uint32_t> featRing{0};
    std::vector<Envelope> box;
    std::vector<std::int64_t> fid;
};

struct Pt
{
    double x, y;
    bool operator==(const Pt &o) const { return x == o.x && y == o.y; }
};

inline double orient(Pt a, Pt b, Pt c)
{
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

inline bool onSegment(Pt p, Pt a, Pt b)
{
    return std::min(a.x, b.x) <= p.x && p.x <= std::max(a.x, b.x) && std::min(a.y, b.y) <= p.y &&
           p.y <= std::max(a.y, b.y) && orient(a, b, p) == 0;
}

inline bool properCross(Pt a1, Pt a2, Pt b1, Pt b2)
{
    const double o1 = orient(a1, a2, b1), o2 = orient(a1, a2, b2);
    const double o3 = orient(b1, b2, a1), o4 = orient(b1, b2, a2);
    return ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0));
}

enum class Where
{
    Inside,
    Outside,
    Boundary
};

// One feature's rings, seen through the packed arrays.
class FeatureView
{
public:
    FeatureView(const PackedRings &p, std::size_t i) : m_p(p), m_i(i) {}
    std::uint32_t firstRing() const { return m_p.featRing[m_i]; }
    std::uint32_t endRing() const { return m_p.featRing[m_i + 1]; }
    std::uint32_t first(std::uint32_t r) const { return m_p.ringStart[r]; }
    std::uint32_t end(std::uint32_t r) const { return m_p.ringStart[r + 1]; }
    Pt at(std::uint32_t k) const { return {m_p.xy[2 * k], m_p.xy[2 * k + 1]}; }
    const Envelope &box() const { return m_p.box[m_i]; }

    // Even-odd over every ring: the parts of a valid multipolygon do not overlap.
    Where locate(Pt q) const
    {
        bool inside = false;
        for (auto r = firstRing(); r < endRing(); ++r)
            for (auto k = first(r); k + 1 < end(r); ++k) {
                const Pt a = at(k), b = at(k + 1);
                if (onSegment(q, a, b))
                    return Where::Boundary;
                if ((a.y > q.y) != (b.y > q.y)) {
                    const double x = a.x + (q.y - a.y) * (b.x - a.x) / (b.y - a.y);
                    if (q.x < x)
                        inside = !inside;
                }
            }
        return inside ? Where::Inside : Where::Outside;
    }
    bool onOneEdge(Pt s, Pt t) const
    {
        for (auto r = firstRing(); r < endRing(); ++r)
            for (auto k = first(r); k + 1 < end(r); ++k)
                if (onSegment(s, at(k), at(k + 1)) && onSegment(t, at(k), at(k + 1)))
                    return true;
        return false;
    }

private:
    const PackedRings &m_p;
    std::size_t m_i;
};

bool boxesOverlap(const Envelope &a, const Envelope &b)
{
    return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

bool edgeMeetsBox(Pt a, Pt b, const Envelope &e)
{
    return std::max(a.x, b.x) >= e.minX && std::min(a.x, b.x) <= e.maxX &&
           std::max(a.y, b.y) >= e.minY && std::min(a.y, b.y) <= e.maxY;
}

// Whether a piece of A's boundary lies inside B, or a ring of A lies wholly on B's boundary.
// Each edge of A is split at B's vertices on it; between them a piece of the edge meets B's
// boundary nowhere (there is no proper crossing: the caller tested that), so it lies wholly
// inside, outside or on it, and its midpoint says which.
bool boundaryInside(const FeatureView &a, const FeatureView &b, std::vector<double> &cuts)
{
    for (auto r = a.firstRing(); r < a.endRing(); ++r) {
        bool allOnBoundary = true;
        for (auto k = a.first(r); k + 1 < a.end(r); ++k) {
            const Pt p = a.at(k), q = a.at(k + 1);
            if (!edgeMeetsBox(p, q, b.box())) {
                allOnBoundary = false;
                continue;
            }
            cuts.assign({0.0, 1.0});
            const bool alongX = std::abs(q.x - p.x) >= std::abs(q.y - p.y);
            for (auto rb = b.firstRing(); rb < b.endRing(); ++rb)
                for (auto kb = b.first(rb); kb + 1 < b.end(rb); ++kb) {
                    const Pt v = b.at(kb);
                    if (!(v == p) && !(v == q) && onSegment(v, p, q))
                        cuts.push_back(alongX ? (v.x - p.x) / (q.x - p.x)
                                              : (v.y - p.y) / (q.y - p.y));
                }
            std::sort(cuts.begin(), cuts.end());
            auto pointAt = [&](double t) {
                return t == 0.0   ? p
                       : t == 1.0 ? q
                                  : Pt{p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)};
            };
            for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
                if (cuts[c + 1] <= cuts[c])
                    continue;
                const Pt s = pointAt(cuts[c]), t = pointAt(cuts[c + 1]);
                if (b.onOneEdge(s, t))
                    continue;
                const Where w = b.locate({(s.x + t.x) / 2, (s.y + t.y) / 2});
                if (w == Where::Inside)
                    return true;
                if (w == Where::Outside)
                    allOnBoundary = false;
            }
        }
        if (allOnBoundary)
            return true; // the same ring in both, or an island filling a hole: GEOS decides
    }
    return false;
}

// True when the interiors of A and B may overlap: exact for exact arithmetic; rounding can only
// add pairs (GEOS measures each), not lose an overlap of any area.
bool mayOverlap(const FeatureView &a, const FeatureView &b, std::vector<double> &cuts)
{
    for (auto ra = a.firstRing(); ra < a.endRing(); ++ra)
        for (auto ka = a.first(ra); ka + 1 < a.end(ra); ++ka) {
            const Pt a1 = a.at(ka), a2 = a.at(ka + 1);
            if (!edgeMeetsBox(a1, a2, b.box()))
                continue;
            for (auto rb = b.firstRing(); rb < b.endRing(); ++rb)
                for (auto kb = b.first(rb); kb + 1 < b.end(rb); ++kb)
                    if (properCross(a1, a2, b.at(kb), b.at(kb + 1)))
                        return true;
        }
    return boundaryInside(a, b, cuts) || boundaryInside(b, a, cuts);
}

PackedRings readRings(FeatureSource &layer)
{
    PackedRings out;
    FlatGeometry flat;
    FeatureRequest all; // geometry only, NULL geometries skipped
    for (auto c = layer.query(all); c->next();) {
        Envelope box;
        try {
            c->readGeometry(flat);
            box = c->box();
        } catch (const Error &) {
            continue; // a damaged geometry: nothing to compare
        }
        out.fid.push_back(c->fid());
        out.box.push_back(box);
        for (std::size_t p = 0; p < flat.partCount(); ++p) {
            if (flat.partKinds[p] != 3)
                continue;
            for (auto r = flat.parts[p]; r < flat.parts[p + 1]; ++r) {
                out.xy.insert(out.xy.end(), flat.xy.begin() + 2 * flat.rings[r],
                              flat.xy.begin() + 2 * flat.rings[r + 1]);
                out.ringStart.push_back(static_cast<std::uint32_t>(out.xy.size() / 2));
            }
        }
        out.featRing.push_back(static_cast<std::uint32_t>(out.ringStart.size() - 1));
    }
    return out;
}

// Candidate pairs (i < j) whose boxes overlap with area, through a uniform grid: each pair is
// taken in the first grid cell both boxes cover.
template <typename Visit> void forEachBoxPair(const std::vector<Envelope> &boxes, Visit visit)
{
    if (boxes.size() < 2)
        return;
    Envelope all = boxes.front();
    std::vector<double> sizes;
    sizes.reserve(boxes.size());
    for (const auto &b : boxes) {
        all.minX = std::min(all.minX, b.minX);
        all.minY = std::min(all.minY, b.minY);
        all.maxX = std::max(all.maxX, b.maxX);
        all.maxY = std::max(all.maxY, b.maxY);
        sizes.push_back(std::max(b.maxX - b.minX, b.maxY - b.minY));
    }
    std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
    const double span = std::max(all.maxX - all.minX, all.maxY - all.minY);
    // At most 1 024 cells a side: a feature as large as the layer covers a million, not more.
    double cell = std::max(sizes[sizes.size() / 2] * 2, span / 1024);
    if (!(cell > 0))
        cell = 1;
    auto cellOf = [&](double v, double origin) {
        return static_cast<std::int64_t>(std::floor((v - origin) / cell));
    };
    const std::int64_t columns = cellOf(all.maxX, all.minX) + 1;
    std::vector<std::pair<std::int64_t, std::uint32_t>> entries;
    entries.reserve(boxes.size() * 2);
    for (std::uint32_t i = 0; i < boxes.size(); ++i) {
        const auto &b = boxes[i];
        for (auto cy = cellOf(b.minY, all.minY); cy <= cellOf(b.maxY, all.minY); ++cy)
            for (auto cx = cellOf(b.minX, all.minX); cx <= cellOf(b.maxX, all.minX); ++cx)
                entries.emplace_back(cy * columns + cx, i);
    }
    std::sort(entries.begin(), entries.end());
    for (std::size_t g = 0; g < entries.size();) {
        std::size_t end = g;
        while (end < entries.size() && entries[end].first == entries[g].first)
            ++end;
        const std::int64_t key = entries[g].first;
        for (std::size_t x = g; x < end; ++x)
            for (std::size_t y = x + 1; y < end; ++y) {
                const auto i = entries[x].second, j = entries[y].second;
                const auto &a = boxes[i], &b = boxes[j];
                if (!boxesOverlap(a, b))
                    continue;
                // The first cell of the boxes' common part: the pair is visited there only.
                const auto first = cellOf(std::max(a.minY, b.minY), all.minY) * columns +
                                   cellOf(std::max(a.minX, b.minX), all.minX);
                if (first == key)
                    visit(std::min(i, j), std::max(i, j));
            }
        g = end;
    }
}

} // namespace

std::vector<FeatureOverlap> findFeatureOverlaps(FeatureSource &layer)
{
    const PackedRings rings = readRings(layer);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> suspects;
    std::vector<double> cuts;
    forEachBoxPair(rings.box, [&](std::uint32_t i, std::uint32_t j) {
        if (mayOverlap(FeatureView(rings, i), FeatureView(rings, j), cuts))
            suspects.emplace_back(i, j);
    });
    std::vector<FeatureOverlap> out;
    if (suspects.empty())
        return out;
    // The suspects' geometries, read once each (they are few: most neighbours only touch).
    FeatureRequest wanted;
    for (const auto &[i, j] : suspects) {
        wanted.fids.push_back(rings.fid[i]);
        wanted.fids.push_back(rings.fid[j]);
    }
    std::sort(wanted.fids.begin(), wanted.fids.end());
    wanted.fids.erase(std::unique(wanted.fids.begin(), wanted.fids.end()), wanted.fids.end());
    std::unordered_map<std::int64_t, Geometry> geometries;
    for (auto c = layer.query(wanted); c->next();) {
        try {
            Geometry g = c->geometry();
            if (g && !g.isValid())
                g = g.makeValid().toMultiPolygon();
            geometries.emplace(c->fid(), std::move(g));
        } catch (const Error &) {
            // unreadable or beyond repair: the check will say so per site
        }
    }
    for (const auto &[i, j] : suspects) {
        try {
            const auto a = geometries.find(rings.fid[i]), b = geometries.find(rings.fid[j]);
            if (a == geometries.end() || b == geometries.end() || !a->second || !b->second)
                continue;
            const double area = a->second.intersection(b->second).area();
            if (area > kOverlapMinM2)
                out.push_back({std::min(rings.fid[i], rings.fid[j]),
                               std::max(rings.fid[i], rings.fid[j]), area});
        } catch (const Error &) {
            // GEOS cannot overlay the pair even after repair: the check will say so per site
        }
    }
    std::sort(out.begin(), out.end(), [](const FeatureOverlap &x, const FeatureOverlap &y) {
        return std::tie(x.fid, x.otherFid) < std::tie(y.fid, y.otherFid);
    });
    return out;
}

bool tilingRole(const std::string &roleId)
{
    return roleId == "landuse" || roleId == "basic_farmland";
}

void storeFeatureOverlaps(Database &db, const std::string &table,
                          const std::vector<FeatureOverlap> &pairs)
{
    db.prepare("DELETE FROM layer_overlaps WHERE table_name = ?").bind(1, table).run();
    auto insert = db.prepare(
        "INSERT INTO layer_overlaps (table_name, fid, other_fid, area_m2) VALUES (?, ?, ?, ?)");
    for (const auto &p : pairs) {
        insert.bindAll(table, p.fid, p.otherFid, p.areaM2);
        insert.run();
        insert.reset();
    }
    db.prepare("INSERT OR REPLACE INTO layer_overlap_checks (table_name, checked_at, pairs) "
               "VALUES (?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)")
        .bindAll(table, static_cast<std::int64_t>(pairs.size()))
        .run();
}

std::optional<std::vector<FeatureOverlap>> storedFeatureOverlaps(Database &db,
                                                                 const std::string &table)
{
    if (!db.tableExists("layer_overlap_checks") ||
        !db.scalar("SELECT 1 FROM layer_overlap_checks WHERE table_name = ?", table))
        return std::nullopt;
    std::vector<FeatureOverlap> out;
    auto st = db.prepare("SELECT fid, other_fid, area_m2 FROM layer_overlaps WHERE table_name = ? "
                         "ORDER BY fid, other_fid");
    st.bind(1, table);
    while (st.step())
        out.push_back({st.int64(0), st.int64(1), st.real(2)});
    return out;
}

void renameFeatureOverlaps(Database &db, const std::string &from, const std::string &to)
{
    if (!db.tableExists("layer_overlap_checks"))
        return;
    db.prepare("UPDATE layer_overlaps SET table_name = ? WHERE table_name = ?")
        .bindAll(to, from)
        .run();
    db.prepare("UPDATE layer_overlap_checks SET table_name = ? WHERE table_name = ?")
        .bindAll(to, from)
        .run();
}

OverlapIndex::OverlapIndex(const std::vector<FeatureOverlap> &pairs) : m_pairs(pairs.size())
{
    for (const auto &p : pairs) {
        m_partners[p.fid].push_back(p.otherFid);
        m_partners[p.otherFid].push_back(p.fid);
    }
}

const std::vector<std::int64_t> *OverlapIndex::partners(std::int64_t fid) const
{
    auto it = m_partners.find(fid);
    return it == m_partners.end() ? nullptr : &it->second;
}

} // namespace planlines::geodata
