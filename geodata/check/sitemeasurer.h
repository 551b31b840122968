// Measures one site against the layers of an EnginePlan, on one thread with its own read-only
// connection to the project: large layers through their spatial index (candidates by the
// site's envelope: on SpatiaLite the R*Tree with the stored blobs parsed in place, on a server
// the GiST index through FeatureSource; featurerows.h), tested against the prepared site;
// small layers kept in memory, prepared. Not thread-safe: one measurer per thread (measure() with a
// helper runs the helper's half of the scan on a thread of its own, and the helper is not used
// elsewhere meanwhile).
#pragma once

#include "layerplan.h"
#include "measurement.h"

#include "../database.h"

#include <map>
#include <memory>
#include <utility>
#include <vector>

struct sqlite3_rtree_query_info;

namespace planlines::geodata::check {

class SiteClip;
struct PieceRef;
struct ScanAcc;
struct SiteView;

class SiteMeasurer
{
public:
    explicit SiteMeasurer(const EnginePlan &plan);
    ~SiteMeasurer();
    SiteMeasurer(const SiteMeasurer &) = delete;
    SiteMeasurer &operator=(const SiteMeasurer &) = delete;

    // site: polygonal, in the working CRS. Throws geodata::Error for a site that cannot be
    // checked (empty, not polygonal, non-finite coordinates); repairs an invalid one and says so.
    // helper: another measurer (of the same plan, holding its own read transaction) that scans
    // half of the large layers' candidates on a thread of its own: a large site in about half
    // the time. The result is the same bits either way.
    Measurement measure(const Geometry &site, SiteMeasurer *helper = nullptr);

    // The boxes (envelopes) of the sites this measurer is about to measure, in a batch: on a
    // server each large layer's candidates of all of them come in one query (featurerows.h)
    // instead of one per site. Does nothing on SpatiaLite. Replaces the previous boxes.
    void prefetch(const std::vector<Envelope> &boxes);
    bool prefetches() const { return !m_db; }

    // The site as it will be checked: valid and polygonal, with what was repaired appended.
    static Geometry prepareSite(const Geometry &site, std::vector<std::string> &repairs);

    // One read transaction from hold() to release(): the sites of a batch see one snapshot of
    // the layers, and SQLite does not begin and end a transaction around every query (a tenth
    // of a batch's time on a million parcels; on a server, the cursors of every site share
    // it). Release before the measurer idles: an open read transaction keeps the writer from
    // checkpointing past it.
    void hold();
    void release() noexcept;

private:
    struct MemoryFeature;
    struct MemoryLayer;
    struct IndexedLayer;
    // What the R*Tree's test (MATCH planlines_site_hull()) sees: the site being measured (null
    // between sites: every box passes), and which rowids this measurer takes.
    struct IndexFilter
    {
        const SiteClip *clip = nullptr;
        int part = 0, parts = 1;
    };
    static int indexQuery(sqlite3_rtree_query_info *q);
    // The candidates of the indexed layers whose rowid is `part` modulo `parts` (sitescan.cpp).
    ScanAcc scanIndexed(const SiteView &view, int part, int parts);
    // True when no two pieces overlap: their boxes are apart, or their features (of small
    // layers, in memory) do not overlap anywhere (remembered per pair for the whole batch).
    // Asked only of pieces of 20 000 vertices or more: smaller ones are united faster.
    bool piecesApart(const std::vector<PieceRef> &pieces);
    // The 地类 rows, the detailed land-use rows and the farmland summary from the scan.
    static void landuseRows(ScanAcc &acc, Measurement &m);
    std::map<std::pair<const void *, const void *>, bool> m_featuresOverlap;
    const EnginePlan &m_plan;
    std::unique_ptr<Database> m_db;     // the SpatiaLite engine's fast path
    std::unique_ptr<Project> m_project; // any other engine, through the store interface
    std::unique_ptr<ProjectTransaction> m_hold;
    std::vector<std::unique_ptr<MemoryLayer>> m_memory;
    std::vector<std::unique_ptr<IndexedLayer>> m_indexed;
    IndexFilter m_filter;
};

} // namespace planlines::geodata::check
