#include "changeanalysis.h"

#include "changezones.h"
#include "landuseclasses.h"
#include "overlaytree.h"
#include "parallel.h"
#include "parcelset.h"

#include "../store/layerinfo.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <unordered_map>

namespace planlines::geodata::landuse {

namespace {

// Land left over when a parcel's pieces are taken away: below this it is rounding of the
// overlay (about 10⁻⁷ m² at county coordinates), not land.
constexpr double kRemainderM2 = 1e-3;
// An overlap of two parcels below this is the same rounding where neighbours' shared edges were
// computed apart (the sample county has ~10⁻⁹ m² of it), not land that changed class: dropped,
// as a row then still sums to the parcel's area within 10⁻⁷ m².
constexpr double kSliverM2 = 1e-4;

struct Acc
{
    double areaM2 = 0, officialM2 = 0;
};

std::uint64_t key(std::uint32_t township, std::uint32_t from, std::uint32_t to)
{
    return (std::uint64_t(township) << 42) | (std::uint64_t(from) << 21) | to;
}

struct Worker
{
    std::unordered_map<std::uint64_t, Acc> cells;
    std::vector<ChangePiece> pieces;
    std::vector<double> newCovered;   // per overlaid new parcel: area of its pieces
    std::vector<char> newClassChange; // per overlaid new parcel: some piece changed class
    double sameClassM2 = 0;
    std::int64_t geometryOnlyOld = 0, fallbacks = 0;
};

class Analysis
{
public:
    Analysis(const CompareOptions &options) : m_options(options) {}

    ChangeResult run(FeatureSource &from, FeatureSource &to);

private:
    void match();
    void overlayOld(std::size_t k, Worker &w);
    void remainderNew(std::size_t k, Worker &w);
    double official(const ParcelSet &set, std::size_t i, double areaM2, Worker &w) const;
    void add(Worker &w, std::uint32_t township, std::uint32_t from, std::uint32_t to, double areaM2,
             double officialM2) const
    {
        auto &acc = w.cells[key(township, from, to)];
        acc.areaM2 += areaM2;
        acc.officialM2 += officialM2;
    }
    ChangePiece piece(std::size_t oldIndex, std::size_t newIndex, Geometry g, double areaM2,
                      double officialM2) const;
    void collect(ChangeResult &r);

    static constexpr std::size_t kNone = std::size_t(-1);
    const CompareOptions &m_options;
    Interned m_classes, m_townships;
    std::unordered_map<std::string, std::string> m_names;
    ParcelSet m_old, m_new;
    std::vector<std::size_t> m_oldOverlaid, m_newOverlaid; // parcel indices
    std::vector<Worker> m_workers;
    std::unique_ptr<BoxTree> m_newTree, m_oldTree;
    std::vector<double> m_newCovered; // per overlaid new parcel, summed over workers
    std::int64_t m_unchanged = 0, m_reclassified = 0;
    std::size_t m_total = 0, m_doneBefore = 0;
};

void Analysis::match()
{
    // The new version's parcels by hash; an old parcel with the same coordinates (confirmed
    // ring for ring) is unchanged or only reclassified, and is never overlaid.
    std::unordered_multimap<std::uint64_t, std::size_t> byHash;
    byHash.reserve(m_new.size());
    for (std::size_t j = 0; j < m_new.size(); ++j)
        byHash.emplace(m_new[j].hash, j);
    std::vector<char> newMatched(m_new.size(), 0);
    Worker &w = m_workers[0];
    for (std::size_t i = 0; i < m_old.size(); ++i) {
        std::size_t found = kNone;
        const auto [b, e] = byHash.equal_range(m_old[i].hash);
        for (auto it = b; it != e && found == kNone; ++it)
            if (!newMatched[it->second] && m_old.sameGeometry(i, m_new, it->second))
                found = it->second;
        if (found == kNone) {
            m_oldOverlaid.push_back(i);
            continue;
        }
        newMatched[found] = 1;
        const Parcel &o = m_old[i], &n = m_new[found];
        const double off = official(m_old, i, o.areaM2, w);
        add(w, o.township ? o.township : n.township, o.cls, n.cls, o.areaM2, off);
        if (o.cls == n.cls) {
            ++m_unchanged;
        } else {
            ++m_reclassified;
            w.pieces.push_back(piece(i, found, m_old.geometry(i), o.areaM2, off));
        }
    }
    for (std::size_t j = 0; j < m_new.size(); ++j)
        if (!newMatched[j])
            m_newOverlaid.push_back(j);
}

double Analysis::official(const ParcelSet &set, std::size_t i, double areaM2, Worker &w) const
{
    if (!set.hasOfficial())
        return areaM2;
    const Parcel &p = set[i];
    if (p.officialM2 < 0 || p.areaM2 <= 0) {
        ++w.fallbacks;
        return areaM2;
    }
    return p.officialM2 * (areaM2 / p.areaM2);
}

ChangePiece Analysis::piece(std::size_t oldIndex, std::size_t newIndex, Geometry g, double areaM2,
                            double officialM2) const
{
    ChangePiece p;
    p.areaM2 = areaM2;
    p.officialM2 = m_old.hasOfficial() && m_new.hasOfficial() ? officialM2 : -1;
    p.box = g.envelope();
    p.wkb = g.wkb();
    std::uint32_t township = 0;
    if (oldIndex != kNone) {
        const Parcel &o = m_old[oldIndex];
        p.fromCode = m_classes.code(o.cls);
        p.oldBsm = m_old.bsm(oldIndex);
        p.oldTbbh = m_old.tbbh(oldIndex);
        p.oldFid = o.fid;
        township = o.township;
    }
    if (newIndex != kNone) {
        const Parcel &n = m_new[newIndex];
        p.toCode = m_classes.code(n.cls);
        p.newBsm = m_new.bsm(newIndex);
        p.newTbbh = m_new.tbbh(newIndex);
        p.newFid = n.fid;
        if (!township)
            township = n.township;
    }
    p.township = m_townships.code(township);
    return p;
}

void Analysis::overlayOld(std::size_t k, Worker &w)
{
    const std::size_t i = m_oldOverlaid[k];
    const Parcel &o = m_old[i];
    const Geometry og = m_old.geometry(i);
    std::vector<Geometry> covering;
    double covered = 0;
    bool classChange = false;
    m_newTree->query(o.box, [&](std::size_t c) {
        const std::size_t j = m_newOverlaid[c];
        const Parcel &n = m_new[j];
        if (!boxesOverlap(o.box, n.box))
            return;
        Geometry ng = m_new.geometry(j);
        Geometry inter = og.intersection(ng).toMultiPolygon();
        const double a = inter.area();
        if (a <= kSliverM2)
            return;
        covered += a;
        w.newCovered[c] += a;
        const double off = official(m_old, i, a, w);
        add(w, o.township ? o.township : n.township, o.cls, n.cls, a, off);
        if (o.cls != n.cls) {
            classChange = true;
            w.newClassChange[c] = 1;
            w.pieces.push_back(piece(i, j, std::move(inter), a, off));
        } else {
            w.sameClassM2 += a;
        }
        covering.push_back(std::move(ng));
    });
    // Land of this parcel no new parcel covers: gone from the survey (old class → none).
    if (o.areaM2 - covered > kRemainderM2) {
        Geometry rest =
            covering.empty() ? og.clone() : og.difference(unaryUnion(std::move(covering)));
        rest = rest.toMultiPolygon();
        const double a = rest.area();
        if (a > 0) {
            classChange = true;
            const double off = official(m_old, i, a, w);
            add(w, o.township, o.cls, 0, a, off);
            w.pieces.push_back(piece(i, kNone, std::move(rest), a, off));
        }
    }
    if (!classChange)
        ++w.geometryOnlyOld;
}

void Analysis::remainderNew(std::size_t k, Worker &w)
{
    // The new parcel's land no old parcel covered: none → new class.
    const double covered = m_newCovered[k];
    const std::size_t j = m_newOverlaid[k];
    const Parcel &n = m_new[j];
    if (n.areaM2 - covered <= kRemainderM2)
        return;
    const Geometry ng = m_new.geometry(j);
    std::vector<Geometry> covering;
    m_oldTree->query(n.box, [&](std::size_t c) {
        if (boxesOverlap(n.box, m_old[m_oldOverlaid[c]].box))
            covering.push_back(m_old.geometry(m_oldOverlaid[c]));
    });
    Geometry rest = covering.empty() ? ng.clone() : ng.difference(unaryUnion(std::move(covering)));
    rest = rest.toMultiPolygon();
    const double a = rest.area();
    if (a <= 0)
        return;
    const double off = official(m_new, j, a, w);
    add(w, n.township, 0, n.cls, a, off);
    w.pieces.push_back(piece(kNone, j, std::move(rest), a, off));
    w.newClassChange[k] = 1;
}

ChangeResult Analysis::run(FeatureSource &from, FeatureSource &to)
{
    if (m_options.readInParallel) {
        // The later version against interning tables of its own, mapped onto the shared ones
        // once both are read.
        Interned classes, townships;
        std::unordered_map<std::string, std::string> names;
        std::exception_ptr failed;
        std::thread reader([&] {
            try {
                m_new.read(to, classes, townships, names, m_options.cancelled);
            } catch (...) {
                failed = std::current_exception();
            }
        });
        try {
            m_old.read(from, m_classes, m_townships, m_names, m_options.cancelled);
        } catch (...) {
            reader.join();
            throw;
        }
        reader.join();
        if (failed)
            std::rethrow_exception(failed);
        std::vector<std::uint32_t> classMap(classes.size()), townshipMap(townships.size());
        for (std::uint32_t i = 0; i < classes.size(); ++i)
            classMap[i] = m_classes.id(classes.code(i));
        for (std::uint32_t i = 0; i < townships.size(); ++i)
            townshipMap[i] = m_townships.id(townships.code(i));
        m_new.remap(classMap, townshipMap);
        for (auto &[code, name] : names)
            if (auto &known = m_names[code]; known.empty())
                known = name;
    } else {
        m_old.read(from, m_classes, m_townships, m_names, m_options.cancelled);
        m_new.read(to, m_classes, m_townships, m_names, m_options.cancelled);
    }
    if (m_options.townships) {
        locateTownships(*m_options.townships, m_old, m_townships);
        locateTownships(*m_options.townships, m_new, m_townships);
    }
    const int threads = m_options.threads > 0
                            ? m_options.threads
                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    m_workers.resize(static_cast<std::size_t>(threads));
    match();
    for (auto &w : m_workers) {
        w.newCovered.assign(m_newOverlaid.size(), 0);
        w.newClassChange.assign(m_newOverlaid.size(), 0);
    }
    m_total = m_oldOverlaid.size() + m_newOverlaid.size();
    auto progress = [this](std::size_t done) {
        if (m_options.progress)
            m_options.progress(m_doneBefore + done, m_total);
    };
    {
        std::vector<Envelope> boxes;
        for (std::size_t j : m_newOverlaid)
            boxes.push_back(m_new[j].box);
        m_newTree = std::make_unique<BoxTree>(boxes);
        boxes.clear();
        for (std::size_t i : m_oldOverlaid)
            boxes.push_back(m_old[i].box);
        m_oldTree = std::make_unique<BoxTree>(boxes);
    }
    parallelFor(
        m_oldOverlaid.size(), m_workers, [this](std::size_t k, Worker &w) { overlayOld(k, w); },
        progress, m_options.cancelled);
    if (m_options.cancelled && m_options.cancelled())
        throw Error("cancelled", "comparing " + m_old.layerName());
    m_doneBefore = m_oldOverlaid.size();
    m_newCovered.assign(m_newOverlaid.size(), 0);
    std::vector<char> changed(m_newOverlaid.size(), 0);
    for (auto &w : m_workers) {
        for (std::size_t k = 0; k < m_newCovered.size(); ++k) {
            m_newCovered[k] += w.newCovered[k];
            changed[k] |= w.newClassChange[k];
        }
        w.newCovered = {};
        w.newClassChange.assign(m_newOverlaid.size(), 0);
    }
    parallelFor(
        m_newOverlaid.size(), m_workers, [this](std::size_t k, Worker &w) { remainderNew(k, w); },
        progress, m_options.cancelled);
    if (m_options.cancelled && m_options.cancelled())
        throw Error("cancelled", "comparing " + m_old.layerName());
    for (auto &w : m_workers)
        for (std::size_t k = 0; k < changed.size(); ++k)
            changed[k] |= w.newClassChange[k];

    ChangeResult r;
    r.hasOfficial = m_old.hasOfficial() && m_new.hasOfficial();
    r.oldParcels = static_cast<std::int64_t>(m_old.size());
    r.newParcels = static_cast<std::int64_t>(m_new.size());
    r.unchangedParcels = m_unchanged;
    r.reclassifiedParcels = m_reclassified;
    r.overlaidOld = static_cast<std::int64_t>(m_oldOverlaid.size());
    r.overlaidNew = static_cast<std::int64_t>(m_newOverlaid.size());
    for (std::size_t k = 0; k < changed.size(); ++k)
        r.geometryOnlyNew += !changed[k] && m_newCovered[k] > 0;
    for (std::size_t i = 0; i < m_old.size(); ++i)
        r.oldAreaM2 += m_old[i].areaM2;
    for (std::size_t j = 0; j < m_new.size(); ++j)
        r.newAreaM2 += m_new[j].areaM2;
    collect(r);
    return r;
}

void Analysis::collect(ChangeResult &r)
{
    std::map<std::tuple<std::string, std::string, std::string>, Acc> cells;
    for (auto &w : m_workers) {
        for (const auto &[k, acc] : w.cells) {
            auto &c = cells[{m_townships.code(static_cast<std::uint32_t>(k >> 42)),
                             m_classes.code(static_cast<std::uint32_t>((k >> 21) & 0x1fffff)),
                             m_classes.code(static_cast<std::uint32_t>(k & 0x1fffff))}];
            c.areaM2 += acc.areaM2;
            c.officialM2 += acc.officialM2;
        }
        r.geometryOnlyOld += w.geometryOnlyOld;
        r.geometryOnlyM2 += w.sameClassM2;
        r.officialFallbacks += w.fallbacks;
        for (auto &p : w.pieces)
            r.pieces.push_back(std::move(p));
        w = Worker{};
    }
    std::map<std::pair<std::string, std::string>, Acc> county;
    std::map<std::string, Township> townships;
    for (const auto &[k, acc] : cells) {
        const auto &[township, from, to] = k;
        auto &c = county[{from, to}];
        c.areaM2 += acc.areaM2;
        c.officialM2 += acc.officialM2;
        auto &t = townships[township];
        t.code = township;
        t.matrix.push_back({from, to, acc.areaM2, acc.officialM2});
    }
    for (const auto &[k, acc] : county)
        r.matrix.push_back({k.first, k.second, acc.areaM2, acc.officialM2});
    for (auto &[code, t] : townships)
        r.townships.push_back(std::move(t));
    std::sort(r.pieces.begin(), r.pieces.end(), [](const ChangePiece &a, const ChangePiece &b) {
        return std::tie(a.township, a.fromCode, a.toCode, a.oldFid, a.newFid) <
               std::tie(b.township, b.fromCode, b.toCode, b.oldFid, b.newFid);
    });
    for (const auto &[code, name] : m_names)
        r.classNames[code] = name;
}

} // namespace

ChangeResult compareLanduse(FeatureSource &from, FeatureSource &to, const std::string &fromLabel,
                            const std::string &toLabel, const CompareOptions &options)
{
    Analysis analysis(options);
    ChangeResult r = analysis.run(from, to);
    r.fromLabel = fromLabel;
    r.toLabel = toLabel;
    ZoneContext zones{options.threads, options.cancelled};
    if (options.townships)
        nameTownships(*options.townships, r);
    if (options.farmland)
        r.farmland = measureZone(*options.farmland, r, zones, &ChangePiece::farmlandM2);
    if (options.redline)
        r.redline = measureZone(*options.redline, r, zones, &ChangePiece::redlineM2);
    return r;
}

} // namespace planlines::geodata::landuse
