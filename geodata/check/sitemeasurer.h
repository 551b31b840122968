// Measures one site against the layers of an EnginePlan, on one thread with its own read-only
// SQLite connection: large layers through their SpatiaLite R*Tree (candidates by the site's
// envelope, blobs parsed straight to GEOS, tested against the prepared site), small layers
// kept in memory, prepared. Not thread-safe: one measurer per thread.
#pragma once

#include "layerplan.h"
#include "measurement.h"

#include "../database.h"

#include <memory>

namespace planlines::geodata::check {

class SiteMeasurer
{
public:
    explicit SiteMeasurer(const EnginePlan &plan);
    ~SiteMeasurer();
    SiteMeasurer(const SiteMeasurer &) = delete;
    SiteMeasurer &operator=(const SiteMeasurer &) = delete;

    // site: polygonal, in the working CRS. Throws geodata::Error for a site that cannot be
    // checked (empty, not polygonal, non-finite coordinates); repairs an invalid one and says so.
    Measurement measure(const Geometry &site);

    // The site as it will be checked: valid and polygonal, with what was repaired appended.
    static Geometry prepareSite(const Geometry &site, std::vector<std::string> &repairs);

    // One read transaction from hold() to release(): the sites of a batch see one snapshot of
    // the layers, and SQLite does not begin and end a transaction around every query (a tenth
    // of a batch's time on a million parcels). Release before the measurer idles: an open
    // read transaction keeps the writer from checkpointing past it.
    void hold();
    void release() noexcept;

private:
    struct MemoryFeature;
    struct MemoryLayer;
    struct IndexedLayer;
    const EnginePlan &m_plan;
    Database m_db;
    std::vector<std::unique_ptr<MemoryLayer>> m_memory;
    std::vector<std::unique_ptr<IndexedLayer>> m_indexed;
    // The site being measured, for the R*Tree's box test (planlines_site_hull); null between
    // sites.
    const class SiteClip *m_clip = nullptr;
};

} // namespace planlines::geodata::check
