// What SiteMeasurer gathers about one site before the overlaps are summed, shared by its two
// halves: the scan of the indexed layers (sitescan.cpp; a site can be scanned by two
// measurers at once, each taking the candidates of one parity of rowid) and the rest of the
// measuring (sitemeasurer.cpp). Internal to the site check.
#pragma once

#include "featurerows.h"
#include "measurement.h"
#include "sitemeasurer.h"

#include "../database.h"
#include "../geometry.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace planlines::geodata::check {

// An explicitly prepared geometry (GEOSPrepare) over a geometry the holder keeps alive. Used
// on the thread that made it.
class Prepared
{
public:
    explicit Prepared(const Geometry &g);
    ~Prepared();
    Prepared(const Prepared &) = delete;
    Prepared &operator=(const Prepared &) = delete;
    // 1 true, 0 false, 2 GEOS failed (invalid input).
    char containsProperly(const Geometry &g) const;
    char intersects(const Geometry &g) const;
    bool distance(const Geometry &g, double &out) const;

private:
    const GEOSPreparedGeometry *m_p;
};

// A sum of areas that does not depend on the order of its terms: each term is rounded to
// 1e-9 m² and added as an integer. The two halves of a split scan, and a scan whose index
// returns the parcels in another order, give the same bits.
class AreaSum
{
public:
    void add(double m2) { m_nano += static_cast<Nano>(std::nearbyint(m2 * 1e9)); }
    void add(const AreaSum &o) { m_nano += o.m_nano; }
    double m2() const { return static_cast<double>(m_nano) / 1e9; }

private:
    __extension__ typedef __int128 Nano;
    Nano m_nano = 0;
};

// The overlap of the site with one feature. A piece found from plain coordinates (SiteClip)
// keeps its feature's blob; GEOS builds the piece only if a union or an exclusion needs it.
struct PieceRef
{
    Geometry geometry;
    std::vector<unsigned char> blob;
    bool whole = false; // the feature lies wholly inside the site
    std::int64_t fid = 0;
    const std::string *layer = nullptr;
    const Geometry *feature = nullptr; // the whole feature, for a small layer's (in memory)
};

// One role's overlaps; pieces[i] belongs to features[i] wherever pieces are kept.
struct RoleAcc
{
    std::vector<PieceRef> pieces;
    AreaSum sum;
    bool present = false;
    std::vector<FeatureHit> features;
    // Orders features and pieces together by (layer, fid): what the unions and exclusions
    // then do does not depend on the order the index gave them in.
    void sortByFeature();
};

// A land-use row's attributes (Measurement::landuseDetail; "" for a field the layer lacks).
struct LanduseKey
{
    std::string dlbm, dlmc, qsxz, zldwmc, gddb;
    auto operator<=>(const LanduseKey &) const = default;
};

struct LanduseSum
{
    AreaSum area;
    AreaSum deducted; // area × (1 − KCXS)
    int parcels = 0;
    double twiceM2 = 0; // overlaps of parcels counted in `area` twice (taken off once)
    double twiceDeductedM2 = 0;
};

// A land-use parcel whose feature overlaps another of its layer (LayerPlan::overlaps): kept,
// so that the overlap is counted once in the land-use area and the 地类 rows.
struct FlaggedParcel
{
    PieceRef piece;
    double areaM2 = 0;
    LanduseKey key;
    double kept = 1; // 1 − KCXS
    std::string code;
};

struct ScanAcc
{
    std::vector<FlaggedParcel> landuseFlagged;
    std::map<std::string, RoleAcc> roles;
    std::map<LanduseKey, LanduseSum> landuse;
    bool kcxsKnown = false, gddbKnown = false; // a land-use layer has KCXS, GDDB
    std::vector<std::string> repairs;
    // Adds the other half of a split scan.
    void merge(ScanAcc &&other);
};

// The site as every part of the measuring sees it (each thread prepares its own).
struct SiteView
{
    const Geometry &site;
    double areaM2;
    Envelope envelope;
};

// A large layer read per site through its spatial index (featurerows.h).
struct SiteMeasurer::IndexedLayer
{
    const LayerPlan *plan = nullptr;
    std::unique_ptr<FeatureRows> candidates;
};

// A piece whose feature overlaps other features of its layer (LayerPlan::overlaps).
struct OverlapItem
{
    const std::string *layer = nullptr;
    std::int64_t fid = 0;
    std::string code;
    PieceRef *piece = nullptr;
};

// For each item (in the order given), the part of its piece that an item of a lower fid of the
// same layer, which its feature overlaps, has counted already: what a role's area and the 地类
// rows must not count twice (the common part goes to the lower fid). materialize builds a
// piece's GEOS geometry; a note names each pair that overlaps under the site.
std::vector<double> countedTwice(const std::vector<OverlapItem> &items,
                                 const std::map<std::string, const OverlapIndex *> &indexes,
                                 const std::function<void(PieceRef &)> &materialize,
                                 std::vector<std::string> &notes);
// Notes the pairs of pieces that overlap each other by more than 0.005 m² (a role whose
// features may overlap: the union counts, the table of features says so).
void noteOverlappingPieces(const std::string &role, std::vector<PieceRef> &pieces,
                           const std::vector<FeatureHit> &features,
                           const std::function<void(PieceRef &)> &materialize,
                           std::vector<std::string> &notes);

Geometry repairedPolygons(const Geometry &g);

// A parcel's KCXS (扣除地类系数) as the share of its area deducted: a fraction in [0, 1], or a
// percentage above 1 up to 100 (some county databases write 8 for 8 %); NULL, text that is no
// number, or anything else: 0 (no deduction).
double deductionShare(const std::string &kcxs);

} // namespace planlines::geodata::check
