// SiteMeasurer's scan of the indexed layers (land use, farmland): candidates from the layer's
// spatial index (featurerows.h; on SpatiaLite pruned by the site's convex hull in the R*Tree
// and, when two measurers share a site, by the parity of their rowid); each measured from its
// blob's plain coordinates where that is exact, by GEOS otherwise. Also the helpers sitescan.h
// declares.
#include "sitescan.h"
#include "localsite.h"
#include "siteclip.h"
#include "sitemeasurer.h"
#include "spatialiteblob.h"

#include <sqlite3.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

namespace planlines::geodata::check {

Prepared::Prepared(const Geometry &g) : m_p(GEOSPrepare_r(geosContext(), g.get()))
{
    if (!m_p)
        throw GeometryError("GEOS could not prepare the geometry", "site check");
}

Prepared::~Prepared()
{
    GEOSPreparedGeom_destroy_r(geosContext(), m_p);
}

char Prepared::containsProperly(const Geometry &g) const
{
    return GEOSPreparedContainsProperly_r(geosContext(), m_p, g.get());
}

char Prepared::intersects(const Geometry &g) const
{
    return GEOSPreparedIntersects_r(geosContext(), m_p, g.get());
}

bool Prepared::distance(const Geometry &g, double &out) const
{
    return GEOSPreparedDistance_r(geosContext(), m_p, g.get(), &out) == 1;
}

void RoleAcc::sortByFeature()
{
    if (pieces.size() != features.size() || features.size() < 2)
        return;
    std::vector<std::size_t> order(features.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(features[a].layer, features[a].fid) <
               std::tie(features[b].layer, features[b].fid);
    });
    std::vector<PieceRef> p;
    std::vector<FeatureHit> f;
    p.reserve(order.size());
    f.reserve(order.size());
    for (std::size_t i : order) {
        p.push_back(std::move(pieces[i]));
        f.push_back(std::move(features[i]));
    }
    pieces.swap(p);
    features.swap(f);
}

void ScanAcc::merge(ScanAcc &&other)
{
    for (auto &[role, o] : other.roles) {
        RoleAcc &a = roles[role];
        a.present = a.present || o.present;
        a.sum.add(o.sum);
        std::move(o.pieces.begin(), o.pieces.end(), std::back_inserter(a.pieces));
        std::move(o.features.begin(), o.features.end(), std::back_inserter(a.features));
    }
    for (auto &[key, row] : other.landuse) {
        LanduseSum &mine = landuse[key];
        mine.area.add(row.area);
        mine.deducted.add(row.deducted);
        mine.parcels += row.parcels;
    }
    kcxsKnown = kcxsKnown || other.kcxsKnown;
    gddbKnown = gddbKnown || other.gddbKnown;
    std::move(other.repairs.begin(), other.repairs.end(), std::back_inserter(repairs));
    std::move(other.landuseFlagged.begin(), other.landuseFlagged.end(),
              std::back_inserter(landuseFlagged));
}

Geometry repairedPolygons(const Geometry &g)
{
    return repairPolygons(g).geometry;
}

double deductionShare(const std::string &kcxs)
{
    double v = 0;
    const char *begin = kcxs.data(), *end = kcxs.data() + kcxs.size();
    while (begin < end && *begin == ' ')
        ++begin;
    const auto r = std::from_chars(begin, end, v);
    if (r.ec != std::errc() || !std::isfinite(v) || v < 0)
        return 0;
    if (v <= 1)
        return v;
    return v <= 100 ? v / 100 : 0;
}

int SiteMeasurer::indexQuery(sqlite3_rtree_query_info *q)
{
    const IndexFilter &f = *static_cast<const IndexFilter *>(q->pContext);
    q->eWithin = PARTLY_WITHIN;
    if (!f.clip)
        return SQLITE_OK;
    if (q->iLevel == 0 && f.parts > 1 && (q->iRowid % f.parts + f.parts) % f.parts != f.part)
        q->eWithin = NOT_WITHIN; // the other measurer's candidate
    else if (f.clip->apart({q->aCoord[0], q->aCoord[2], q->aCoord[1], q->aCoord[3]}))
        q->eWithin = NOT_WITHIN;
    return SQLITE_OK;
}

ScanAcc SiteMeasurer::scanIndexed(const SiteView &view, int part, int parts)
{
    ScanAcc acc;
    const Geometry &site = view.site;
    const Envelope &env = view.envelope;
    const Prepared prepSite(site);
    const SiteClip clip(site);
    const LocalSite local(site);
    m_filter = {&clip, part, parts};
    struct Forget
    {
        IndexFilter &filter;
        ~Forget() { filter = {}; }
    } forget{m_filter};
    PolygonRings rings;
    // Below this an overlap found by clipping is the rounding of a shared edge, not area.
    const double sliver = view.areaM2 * 1e-12;

    // Overlap of the site with a polygonal feature through the prepared site; a feature GEOS
    // cannot overlay is repaired once and the repair reported.
    auto overlapWith = [&](Geometry &g, const std::string &layer, std::int64_t fid) {
        std::pair<double, Geometry> piece{0.0, Geometry()};
        const char inside = prepSite.containsProperly(g);
        if (inside == 1) {
            piece.first = g.area();
            piece.second = std::move(g);
            return piece;
        }
        const char touches = inside == 2 ? 2 : prepSite.intersects(g);
        if (touches == 0)
            return piece;
        try {
            if (touches == 2)
                throw GeometryError("GEOS predicate failed");
            piece.second = local.intersection(g);
        } catch (const GeometryError &e) {
            acc.repairs.push_back("layer " + layer + ", feature " + std::to_string(fid) + ": " +
                                  e.cause() + "; feature repaired with MakeValid");
            piece.second = local.intersection(repairedPolygons(g));
        }
        piece.first = piece.second.area();
        return piece;
    };

    for (auto &layer : m_indexed) {
        const LayerPlan &l = *layer->plan;
        const bool isLanduse = l.role == "landuse";
        auto &roleAcc = acc.roles[l.role];
        roleAcc.present = true;
        // The parcel attributes of the report's land-use rows (LayerPlan::parcelFields).
        const int parcelAt = FeatureRows::FirstList + static_cast<int>(l.listFields.size());
        auto hasParcelField = [&](int k) {
            return isLanduse && l.parcelFields.size() > static_cast<std::size_t>(k) &&
                   !l.parcelFields[static_cast<std::size_t>(k)].empty();
        };
        const bool hasKcxs = hasParcelField(LayerPlan::Kcxs);
        if (isLanduse) {
            acc.roles["cultivated"].present = true;
            acc.kcxsKnown = acc.kcxsKnown || hasKcxs;
            acc.gddbKnown = acc.gddbKnown || hasParcelField(LayerPlan::Gddb);
        }
        FeatureRows &st = *layer->candidates;
        auto parcelText = [&](int k) {
            return hasParcelField(k) ? st.text(parcelAt + k) : std::string();
        };
        st.start(&env, part, parts);
        const bool split = st.indexSplits();
        while (st.next()) {
            const std::int64_t fid = st.fid();
            // Unless the index took this measurer's parity, every row comes here: take ours.
            if (!split && parts > 1 && (fid % parts + parts) % parts != part)
                continue;
            const auto blob = st.blob();
            if (auto fe = SpatialiteBlob::envelope(blob); fe && !fe->intersects(env))
                continue;
            // Plain coordinates first: wholly inside (the parcel's own area), wholly outside,
            // or across a convex site (clipped); GEOS for the rest.
            PieceRef ref;
            double area = -1;
            if (SpatialiteBlob::polygonRings(blob, rings)) {
                if (!rings.envelope.intersects(env))
                    continue;
                const SiteClip::Where where = clip.locate(rings.envelope);
                if (where == SiteClip::Where::Outside)
                    continue;
                if (where == SiteClip::Where::Inside) {
                    area = SiteClip::area(rings);
                    ref.whole = true;
                } else if (clip.convex()) {
                    area = clip.clippedArea(rings);
                    if (area <= sliver)
                        continue;
                }
            }
            // Land use: the 地类 row, and a feature of its own only for cultivated land (01xx).
            std::string dlbm = isLanduse ? st.text(FeatureRows::Dlbm) : std::string();
            const bool cultivated = isLanduse && dlbm.rfind("01", 0) == 0;
            // A parcel that overlaps another of its layer is kept for the union (rare).
            const bool flagged = isLanduse && l.overlaps && l.overlaps->has(fid);
            double pieceM2 = 0;
            if (area >= 0) {
                pieceM2 = area;
                if (!isLanduse || cultivated || flagged) {
                    ref.blob.assign(blob.begin(), blob.end());
                    ref.fid = fid;
                    ref.layer = &l.name;
                }
            } else {
                Geometry g = st.geometry();
                if (g.isEmpty())
                    continue;
                auto [a, piece] = overlapWith(g, l.name, fid);
                pieceM2 = a;
                ref.geometry = std::move(piece);
            }
            if (pieceM2 <= 0)
                continue;
            LanduseKey key;
            double kept = 1; // 1 − KCXS
            if (isLanduse) {
                key = {dlbm, st.text(FeatureRows::Dlmc), parcelText(LayerPlan::Qsxz),
                       parcelText(LayerPlan::Zldwmc), parcelText(LayerPlan::Gddb)};
                if (hasKcxs)
                    kept = 1 - deductionShare(st.text(parcelAt + LayerPlan::Kcxs));
            }
            if (flagged) {
                FlaggedParcel f;
                f.piece.blob = ref.blob;
                f.piece.whole = ref.whole;
                f.piece.fid = fid;
                f.piece.layer = &l.name;
                if (ref.geometry)
                    f.piece.geometry = ref.geometry.clone();
                f.areaM2 = pieceM2;
                f.key = key;
                f.kept = kept;
                f.code = st.text(FeatureRows::Code);
                acc.landuseFlagged.push_back(std::move(f));
            }
            if (isLanduse) {
                auto &row = acc.landuse[std::move(key)];
                row.area.add(pieceM2);
                row.deducted.add(pieceM2 * kept);
                ++row.parcels;
                roleAcc.sum.add(pieceM2);
                if (cultivated) {
                    auto &c = acc.roles["cultivated"];
                    c.sum.add(pieceM2);
                    c.pieces.push_back(std::move(ref));
                    c.features.push_back({l.name,
                                          fid,
                                          st.text(FeatureRows::Code),
                                          st.text(FeatureRows::Name),
                                          pieceM2,
                                          0,
                                          {}});
                }
                continue;
            }
            roleAcc.features.push_back({l.name,
                                        fid,
                                        st.text(FeatureRows::Code),
                                        st.text(FeatureRows::Name),
                                        pieceM2,
                                        0,
                                        {}});
            roleAcc.sum.add(pieceM2);
            roleAcc.pieces.push_back(std::move(ref));
        }
        st.finish();
    }
    return acc;
}

} // namespace planlines::geodata::check
