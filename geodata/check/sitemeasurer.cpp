#include "sitemeasurer.h"

#include "localsite.h"
#include "siteclip.h"
#include "sitescan.h"
#include "spatialiteblob.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <future>
#include <map>
#include <numeric>
#include <optional>
#include <system_error>

namespace planlines::geodata::check {

namespace {

double envelopeDistance(const Envelope &a, const Envelope &b)
{
    const double dx = std::max({0.0, a.minX - b.maxX, b.minX - a.maxX});
    const double dy = std::max({0.0, a.minY - b.maxY, b.minY - a.maxY});
    return std::hypot(dx, dy);
}

} // namespace

struct SiteMeasurer::MemoryFeature
{
    Geometry geometry;
    std::unique_ptr<Prepared> prepared;
    Envelope envelope;
    FeatureHit hit; // areaM2 filled per site
    std::string repair;
};

struct SiteMeasurer::MemoryLayer
{
    const LayerPlan *plan = nullptr;
    std::vector<MemoryFeature> features;
};

SiteMeasurer::SiteMeasurer(const EnginePlan &plan) : m_plan(plan)
{
    int srid = 0;
    if (plan.engine == Engine::SpatiaLite) {
        m_db = std::make_unique<Database>(plan.projectPath, Database::Mode::ReadOnly);
        // Candidates are read from all over the file: map it rather than copy it page by page.
        m_db->exec("PRAGMA mmap_size = 1073741824");
        if (const int rc = sqlite3_rtree_query_callback(m_db->handle(), "planlines_site_hull",
                                                        indexQuery, &m_filter, nullptr);
            rc != SQLITE_OK)
            throw StoreError("could not register the R*Tree site test: " + m_db->lastError(),
                             plan.projectPath, rc);
    } else {
        m_project = Project::open(plan.projectPath, /*readOnly=*/true);
        srid = m_project->workingSrid();
    }
    for (const auto &l : m_plan.layers) {
        auto rows = m_db ? spatialiteRows(*m_db, l, l.inMemory) : storeRows(*m_project, l, srid);
        if (l.inMemory) {
            const DistanceTargetSpec *target = nullptr;
            for (const auto &t : m_plan.distanceTargets)
                if (!l.distanceKey.empty() && t.key == l.distanceKey)
                    target = &t;
            auto layer = std::make_unique<MemoryLayer>();
            layer->plan = &l;
            FeatureRows &st = *rows;
            st.start(nullptr);
            while (st.next()) {
                MemoryFeature f;
                const std::string ctx = "layer " + l.name + ", feature " + std::to_string(st.fid());
                f.geometry = st.geometry();
                if (f.geometry.isEmpty())
                    continue;
                if (l.polygonal && !f.geometry.isValid()) {
                    f.repair =
                        ctx + ": " + f.geometry.invalidReason() + " (repaired for the check)";
                    f.geometry = repairedPolygons(f.geometry);
                    if (f.geometry.isEmpty())
                        continue;
                }
                if (target && !target->measuresTo(l.name, st.text(FeatureRows::Name)))
                    continue; // not one of the features the distance target asks for
                f.envelope = f.geometry.envelope();
                f.prepared = std::make_unique<Prepared>(f.geometry);
                f.hit.layer = l.name;
                f.hit.fid = st.fid();
                f.hit.code = st.text(FeatureRows::Code);
                f.hit.name = st.text(FeatureRows::Name);
                f.hit.unitClass = static_cast<int>(st.integer(FeatureRows::Class));
                for (size_t i = 0; i < l.listFields.size(); ++i) {
                    std::string field = l.listFields[i];
                    field = field.substr(1, field.size() - 2); // unquote
                    f.hit.listEntries.emplace_back(
                        field, st.text(FeatureRows::FirstList + static_cast<int>(i)));
                }
                layer->features.push_back(std::move(f));
            }
            st.finish();
            m_memory.push_back(std::move(layer));
        } else {
            auto layer = std::make_unique<IndexedLayer>();
            layer->plan = &l;
            layer->candidates = std::move(rows);
            m_indexed.push_back(std::move(layer));
        }
    }
}

SiteMeasurer::~SiteMeasurer() = default;

void SiteMeasurer::prefetch(const std::vector<Envelope> &boxes)
{
    if (m_db)
        return;
    for (auto &layer : m_indexed)
        layer->candidates->prefetch(boxes);
}

void SiteMeasurer::hold()
{
    if (!m_db) {
        if (!m_hold)
            m_hold = m_project->transaction(); // rolled back at release: it only reads
        return;
    }
    if (sqlite3_get_autocommit(m_db->handle()))
        m_db->exec("BEGIN"); // deferred: the read snapshot starts with the first query
}

void SiteMeasurer::release() noexcept
{
    if (!m_db) {
        try {
            m_hold.reset();
        } catch (...) {
            // a lost connection: the next hold() says so
        }
        return;
    }
    sqlite3 *h = m_db->handle();
    if (!sqlite3_get_autocommit(h) &&
        sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        sqlite3_exec(h, "ROLLBACK", nullptr, nullptr, nullptr);
}

namespace {

bool allFinite(const GEOSGeometry *g, GEOSContextHandle_t ctx)
{
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type >= GEOS_MULTIPOINT) {
        for (int i = 0; i < GEOSGetNumGeometries_r(ctx, g); ++i)
            if (!allFinite(GEOSGetGeometryN_r(ctx, g, i), ctx))
                return false;
        return true;
    }
    auto seqFinite = [&](const GEOSGeometry *part) {
        const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, part);
        unsigned n = 0;
        if (!seq || !GEOSCoordSeq_getSize_r(ctx, seq, &n))
            return true;
        for (unsigned i = 0; i < n; ++i) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(ctx, seq, i, &x, &y);
            if (!std::isfinite(x) || !std::isfinite(y))
                return false;
        }
        return true;
    };
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx, g))
            return true;
        if (!seqFinite(GEOSGetExteriorRing_r(ctx, g)))
            return false;
        for (int i = 0; i < GEOSGetNumInteriorRings_r(ctx, g); ++i)
            if (!seqFinite(GEOSGetInteriorRingN_r(ctx, g, i)))
                return false;
        return true;
    }
    return seqFinite(g);
}

} // namespace

Geometry SiteMeasurer::prepareSite(const Geometry &site, std::vector<std::string> &repairs)
{
    if (site.isNull() || site.isEmpty())
        throw Error("the site geometry is empty");
    const Envelope e = site.envelope();
    bool finite = allFinite(site.get(), geosContext());
    for (double v : {e.minX, e.minY, e.maxX, e.maxY})
        finite = finite && std::isfinite(v);
    if (!finite)
        throw Error("the site has non-finite coordinates (NaN or infinity)");
    const int t = site.typeId();
    if (t != GEOS_POLYGON && t != GEOS_MULTIPOLYGON && t != GEOS_GEOMETRYCOLLECTION)
        throw Error("the site is a " + site.typeName() + ", not a polygon");
    Geometry g = site.toMultiPolygon();
    if (g.isEmpty())
        throw Error("the site holds no polygon");
    if (!g.isValid()) {
        const std::string why = g.invalidReason();
        PolygonRepair repaired = repairPolygons(g);
        g = std::move(repaired.geometry);
        repairs.push_back(repaired.partsMerged.empty()
                              ? "site: " + why + "; repaired with MakeValid"
                              : "site: " + repaired.partsMerged);
        if (g.isEmpty() || g.area() <= 0)
            throw Error("the site has no area after repair (" + why + ")");
    }
    if (g.area() <= 0)
        throw Error("the site has no area");
    return g;
}

bool SiteMeasurer::piecesApart(const std::vector<PieceRef> &pieces)
{
    constexpr std::size_t kMostPieces = 256; // beyond, the pairs cost more than the union
    if (pieces.size() > kMostPieces)
        return false;
    // Small pieces are cheaper to unite than their features (whole control units) to intersect.
    constexpr int kUniteBelowVertices = 20000;
    int vertices = 0;
    for (const auto &p : pieces)
        vertices += p.geometry.isNull() ? 0 : p.geometry.numPoints();
    if (vertices < kUniteBelowVertices)
        return false;
    std::vector<std::optional<Envelope>> boxes;
    boxes.reserve(pieces.size());
    for (const auto &p : pieces)
        boxes.push_back(p.geometry.isEmpty() ? std::nullopt
                                             : std::optional<Envelope>(p.geometry.envelope()));
    for (std::size_t i = 0; i < pieces.size(); ++i)
        for (std::size_t j = i + 1; j < pieces.size(); ++j) {
            if (!boxes[i] || !boxes[j] || !boxes[i]->intersects(*boxes[j]))
                continue;
            const Geometry *a = pieces[i].feature, *b = pieces[j].feature;
            if (!a || !b || a == b)
                return false;
            // Copied: std::minmax returns references, here to the converted temporaries.
            const std::pair<const void *, const void *> key = std::minmax<const void *>(a, b);
            auto known = m_featuresOverlap.find(key);
            if (known == m_featuresOverlap.end()) {
                bool overlap = true;
                try {
                    // Below a square millimetre the union's area and the sum agree to 0.01 m².
                    overlap = a->intersection(*b).area() > 1e-6;
                } catch (const Error &) {
                }
                known = m_featuresOverlap.emplace(key, overlap).first;
            }
            if (known->second)
                return false;
        }
    return true;
}

Measurement SiteMeasurer::measure(const Geometry &input, SiteMeasurer *helper)
{
    Measurement m;
    m.site = prepareSite(input, m.repairs);
    const Geometry &site = m.site;
    m.siteAreaM2 = site.area();
    const Envelope env = site.envelope();

    // The large layers: alone, or half each with the helper (which gets its own copy of the
    // site: GEOS objects are not shared between threads).
    ScanAcc acc;
    const Geometry copy = helper ? site.clone() : Geometry();
    const SiteView theirs{copy, m.siteAreaM2, env};
    std::future<ScanAcc> other;
    if (helper) {
        try {
            other =
                std::async(std::launch::async, [&] { return helper->scanIndexed(theirs, 1, 2); });
        } catch (const std::system_error &) {
            // no thread to be had: this measurer scans it all
        }
    }
    if (other.valid()) {
        try {
            acc = scanIndexed({site, m.siteAreaM2, env}, 0, 2);
        } catch (...) {
            other.wait();
            throw;
        }
        acc.merge(other.get());
    } else {
        acc = scanIndexed({site, m.siteAreaM2, env}, 0, 1);
    }
    for (auto &[role, a] : acc.roles)
        a.sortByFeature();
    std::sort(acc.repairs.begin(), acc.repairs.end());
    m.repairs.insert(m.repairs.end(), acc.repairs.begin(), acc.repairs.end());

    // Builds the GEOS pieces a union or an exclusion needs.
    const LocalSite local(site);
    const std::function<void(PieceRef &)> materializeOne = [&](PieceRef &p) {
        if (p.geometry)
            return;
        Geometry g = readGeometry(m_db.get(), p.blob, *p.layer, p.fid);
        if (p.whole) {
            p.geometry = std::move(g);
            return;
        }
        try {
            p.geometry = local.intersection(g);
        } catch (const GeometryError &e) {
            m.repairs.push_back("layer " + *p.layer + ", feature " + std::to_string(p.fid) + ": " +
                                e.cause() + "; feature repaired with MakeValid");
            p.geometry = local.intersection(repairedPolygons(g));
        }
    };
    auto materialize = [&](RoleAcc &a) {
        for (auto &p : a.pieces)
            materializeOne(p);
    };
    auto geometries = [&](RoleAcc &a) {
        materialize(a);
        std::vector<Geometry> out;
        out.reserve(a.pieces.size());
        for (auto &p : a.pieces)
            out.push_back(std::move(p.geometry));
        return out;
    };

    // The small layers, kept prepared in memory.
    for (auto &layer : m_memory) {
        const LayerPlan &l = *layer->plan;
        if (!l.distanceKey.empty())
            continue;
        auto &roleAcc = acc.roles[l.role];
        roleAcc.present = true;
        for (auto &f : layer->features) {
            if (!f.envelope.intersects(env))
                continue;
            double pieceM2 = 0;
            Geometry piece;
            const char whole = f.prepared->containsProperly(site);
            if (whole == 1) {
                pieceM2 = m.siteAreaM2;
                piece = site.clone();
            } else {
                const char touches = whole == 2 ? 1 : f.prepared->intersects(site);
                if (touches == 0)
                    continue;
                piece = site.intersection(f.geometry);
                pieceM2 = piece.area();
            }
            if (pieceM2 <= 0)
                continue;
            if (!f.repair.empty())
                m.repairs.push_back(f.repair);
            FeatureHit hit = f.hit;
            hit.areaM2 = pieceM2;
            roleAcc.features.push_back(std::move(hit));
            roleAcc.sum.add(pieceM2);
            PieceRef ref;
            ref.geometry = std::move(piece);
            ref.feature = &f.geometry;
            roleAcc.pieces.push_back(std::move(ref));
        }
    }

    // Distances the rules asked for, to the nearest feature of each target layer.
    for (const auto &t : m_plan.distanceTargets) {
        DistanceMeasure d;
        d.target = t.key;
        d.searchMeters = t.searchMeters;
        const bool someFeatures = !t.featureNameContains.empty();
        for (auto &layer : m_memory) {
            const LayerPlan &l = *layer->plan;
            if (l.distanceKey != t.key)
                continue;
            if (d.layer.empty())
                d.layer = l.name;
            for (auto &f : layer->features) {
                if (envelopeDistance(f.envelope, env) > std::min(t.searchMeters, d.meters))
                    continue;
                double dist = 0;
                if (!f.prepared->distance(site, dist))
                    dist = site.distance(f.geometry);
                if (dist <= t.searchMeters && dist < d.meters) {
                    d.meters = dist;
                    d.featureName = f.hit.name;
                    d.fid = f.hit.fid;
                }
            }
        }
        if (someFeatures)
            d.named = d.featureName.empty() ? t.featureNameContains.front() : d.featureName;
        m.distances.push_back(std::move(d));
    }

    // Overlaps outside some features of another role (cultivated land outside 城镇集中建设区).
    for (const auto &x : m_plan.exclusions) {
        auto own = acc.roles.find(x.role), minus = acc.roles.find(x.minusRole);
        if (own == acc.roles.end() || own->second.pieces.empty()) {
            m.outsideOf[x.key] = 0;
            continue;
        }
        std::vector<Geometry> taken;
        if (minus != acc.roles.end())
            materialize(minus->second);
        if (minus != acc.roles.end())
            for (size_t i = 0; i < minus->second.pieces.size(); ++i) {
                const auto &name = minus->second.features[i].name;
                if (x.minusNameContains.empty() ||
                    std::any_of(
                        x.minusNameContains.begin(), x.minusNameContains.end(),
                        [&](const std::string &n) { return name.find(n) != std::string::npos; }))
                    taken.push_back(minus->second.pieces[i].geometry.clone());
            }
        if (taken.empty()) {
            m.outsideOf[x.key] = -1; // the role's whole overlap, filled in below
            continue;
        }
        // Each piece of the role minus the excluded zones (pieces of one role do not overlap).
        const Geometry zones = unaryUnion(std::move(taken));
        const Prepared prepZones(zones);
        double outside = 0;
        materialize(own->second);
        for (const auto &ref : own->second.pieces) {
            const Geometry &p = ref.geometry;
            if (prepZones.containsProperly(p) == 1)
                continue;
            outside += prepZones.intersects(p) == 0 ? p.area() : p.difference(zones).area();
        }
        m.outsideOf[x.key] = outside;
    }

    // Features that overlap others of their layer (land use, farmland): their common part is
    // counted once, in the role's area and in the 地类 rows.
    std::map<std::string, const OverlapIndex *> overlapIndexes;
    for (const auto &l : m_plan.layers)
        if (l.overlaps && !l.overlaps->empty())
            overlapIndexes[l.name] = l.overlaps.get();
    std::map<std::string, double> twiceByRole;
    if (!overlapIndexes.empty()) {
        auto flaggedOf = [&](RoleAcc &a) {
            std::vector<OverlapItem> items;
            if (a.pieces.size() != a.features.size())
                return items;
            for (std::size_t i = 0; i < a.pieces.size(); ++i) {
                auto idx = overlapIndexes.find(a.features[i].layer);
                if (idx != overlapIndexes.end() && idx->second->has(a.features[i].fid)) {
                    a.pieces[i].layer = &idx->first;
                    a.pieces[i].fid = a.features[i].fid;
                    items.push_back(
                        {&idx->first, a.features[i].fid, a.features[i].code, &a.pieces[i]});
                }
            }
            return items;
        };
        for (const char *role : {"basic_farmland", "cultivated"}) {
            auto it = acc.roles.find(role);
            if (it == acc.roles.end())
                continue;
            const auto items = flaggedOf(it->second);
            const auto twice = countedTwice(items, overlapIndexes, materializeOne, m.repairs);
            twiceByRole[role] = std::accumulate(twice.begin(), twice.end(), 0.0);
        }
        std::vector<OverlapItem> parcels;
        for (auto &f : acc.landuseFlagged)
            parcels.push_back({f.piece.layer, f.piece.fid, f.code, &f.piece});
        std::vector<std::string> parcelNotes;
        const auto twice = countedTwice(parcels, overlapIndexes, materializeOne, parcelNotes);
        for (std::size_t i = 0; i < parcels.size(); ++i) {
            if (twice[i] <= 0)
                continue;
            twiceByRole["landuse"] += twice[i];
            const FlaggedParcel &f = acc.landuseFlagged[i];
            auto row = acc.landuse.find(f.key);
            if (row != acc.landuse.end()) {
                row->second.twiceM2 += twice[i];
                row->second.twiceDeductedM2 += twice[i] * f.kept;
            }
        }
        // Cultivated parcels are noted through their own role; the others here.
        for (auto &n : parcelNotes)
            if (std::find(m.repairs.begin(), m.repairs.end(), n) == m.repairs.end())
                m.repairs.push_back(std::move(n));
    }

    std::string landuseLayers; // the land-use layers present, when there are several
    int landuseLayerCount = 0;
    for (const auto &l : m_plan.layers)
        if (l.role == "landuse" && l.distanceKey.empty())
            landuseLayers += (landuseLayerCount++ ? ", " : "") + l.name;
    if (landuseLayerCount < 2)
        landuseLayers.clear();

    for (const char *role : kOverlapRoles) {
        RoleOverlap o;
        o.role = role;
        auto it = acc.roles.find(role);
        if (it != acc.roles.end()) {
            auto &a = it->second;
            o.layerPresent = a.present;
            // Parcels and farmland patches tile the land: their pieces add up, less the common
            // part of features found to overlap when the layer was written (twiceByRole).
            // Features of the other roles may overlap (two red-line layers, nested zones):
            // their union counts, and the pairs that overlap are named.
            const std::string r = role;
            const bool tiles = r == "landuse" || r == "cultivated" || r == "basic_farmland";
            const double sum = a.sum.m2() - twiceByRole[r];
            // Features of two layers of one role (a second farmland layer imported beside the
            // first) may overlap anywhere: such a role is measured as the union of its pieces.
            const bool severalLayers =
                a.features.size() == a.pieces.size() &&
                std::any_of(a.features.begin(), a.features.end(),
                            [&](const FeatureHit &f) { return f.layer != a.features[0].layer; });
            // Pieces of features that do not overlap (control units, zones side by side) add
            // up: no union, which on a site of many parts costs seconds.
            const bool mayOverlap = a.pieces.size() > 1 && (!tiles || severalLayers);
            if (mayOverlap)
                materialize(a);
            if (mayOverlap && !piecesApart(a.pieces)) {
                std::vector<Geometry> all;
                all.reserve(a.pieces.size());
                for (const auto &p : a.pieces)
                    all.push_back(p.geometry.clone());
                o.areaM2 = unaryUnion(std::move(all)).area();
                if (a.sum.m2() - o.areaM2 > 0.01)
                    noteOverlappingPieces(r, a.pieces, a.features, materializeOne, m.repairs);
            } else if (a.pieces.size() > 1 && sum > m.siteAreaM2 * (1 + 1e-9)) {
                // More than the site: an overlap the layer's check could not measure (GEOS
                // failed on the pair): the union of the pieces.
                o.areaM2 = unaryUnion(geometries(a)).area();
            } else {
                o.areaM2 = sum;
            }
            if (r == "landuse" && !landuseLayers.empty())
                m.repairs.push_back("several land-use layers lie under the site (" + landuseLayers +
                                    "): the land-use area and the 地类 rows "
                                    "add them up; keep one land-use layer per survey year in "
                                    "a project to check against");
            if (r == "landuse" && sum > m.siteAreaM2 * (1 + 1e-9))
                m.repairs.push_back("land-use parcels overlap each other under the site: their "
                                    "areas add up to more than the site");
            o.features = std::move(a.features);
            // The scanned roles are in order already (RoleAcc::sortByFeature); a role with
            // features of a small layer too is sorted here.
            auto byFeature = [](const FeatureHit &x, const FeatureHit &y) {
                return std::tie(x.layer, x.fid) < std::tie(y.layer, y.fid);
            };
            if (!std::is_sorted(o.features.begin(), o.features.end(), byFeature))
                std::sort(o.features.begin(), o.features.end(), byFeature);
            o.areaM2 = std::min(o.areaM2, m.siteAreaM2);
        }
        for (const auto &x : m_plan.exclusions)
            if (x.role == role && m.outsideOf[x.key] < 0)
                m.outsideOf[x.key] = o.areaM2;
        m.overlaps.emplace(role, std::move(o));
    }
    landuseRows(acc, m);
    auto township = acc.roles.find("township");
    if (township != acc.roles.end()) {
        m.townships = std::move(township->second.features);
        std::sort(m.townships.begin(), m.townships.end(),
                  [](const FeatureHit &x, const FeatureHit &y) {
                      return std::tie(x.layer, x.fid) < std::tie(y.layer, y.fid);
                  });
    }
    return m;
}

} // namespace planlines::geodata::check
