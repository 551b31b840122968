#include "plausiblearea.h"

#include "../coordinatetransform.h"

#include <proj.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

namespace planlines::geodata::import {

namespace {

struct ContextDeleter
{
    void operator()(PJ_CONTEXT *c) const { proj_context_destroy(c); }
};
struct PjDeleter
{
    void operator()(PJ *p) const { proj_destroy(p); }
};

// The area of use in degrees, or nullopt when PROJ does not know it.
std::optional<Envelope> areaOfUseDegrees(const std::string &crs)
{
    std::unique_ptr<PJ_CONTEXT, ContextDeleter> ctx(proj_context_create());
    proj_context_set_enable_network(ctx.get(), 0);
    proj_log_level(ctx.get(), PJ_LOG_NONE);
    std::unique_ptr<PJ, PjDeleter> pj(proj_create(ctx.get(), crs.c_str()));
    double w = 0, s = 0, e = 0, n = 0;
    if (!pj || !proj_get_area_of_use(ctx.get(), pj.get(), &w, &s, &e, &n, nullptr) || w < -180 ||
        e < w)
        return std::nullopt;
    return Envelope{w, s, e, n};
}

// The extent of an R*Tree (pkid, xmin, xmax, ymin, ymax; 32-bit floats) from its root node:
// the union of the root's cells is exactly min(xmin) … max(ymax) of the whole index, without
// reading every entry. nullopt for an empty index; an odd node falls back to the scan.
std::optional<Envelope> rtreeExtent(Database &db, const std::string &index)
{
    auto root =
        db.prepare("SELECT data FROM " + quoteIdentifier(index + "_node") + " WHERE nodeno = 1");
    if (root.step() && !root.isNull(0)) {
        const auto d = root.blob(0);
        auto be16 = [&](std::size_t at) { return (unsigned(d[at]) << 8) | d[at + 1]; };
        auto f32 = [&](std::size_t at) {
            const std::uint32_t u = (std::uint32_t(d[at]) << 24) |
                                    (std::uint32_t(d[at + 1]) << 16) |
                                    (std::uint32_t(d[at + 2]) << 8) | d[at + 3];
            return static_cast<double>(std::bit_cast<float>(u));
        };
        if (d.size() >= 4) {
            const unsigned cells = be16(2);
            if (cells == 0)
                return std::nullopt;
            if (4 + cells * 24u <= d.size()) {
                Envelope e{f32(12), f32(20), f32(16), f32(24)};
                for (unsigned c = 1; c < cells; ++c) {
                    const std::size_t at = 4 + c * 24u + 8;
                    e.minX = std::min(e.minX, f32(at));
                    e.maxX = std::max(e.maxX, f32(at + 4));
                    e.minY = std::min(e.minY, f32(at + 8));
                    e.maxY = std::max(e.maxY, f32(at + 12));
                }
                return e;
            }
        }
    }
    auto st = db.prepare("SELECT min(xmin), min(ymin), max(xmax), max(ymax) FROM " +
                         quoteIdentifier(index));
    if (!st.step() || st.isNull(0))
        return std::nullopt;
    return Envelope{st.real(0), st.real(1), st.real(2), st.real(3)};
}

} // namespace

PlausibleArea PlausibleArea::of(Project &project)
{
    PlausibleArea area;
    constexpr double big = 1e9;
    area.areaOfUse = {-big, -big, big, big};
    const std::string working = project.workingCrs();
    if (auto deg = areaOfUseDegrees(working)) {
        // Widen by a degree, then sample the box's edges in the working CRS.
        Envelope d{deg->minX - 1, std::max(-89.0, deg->minY - 1), deg->maxX + 1,
                   std::min(89.0, deg->maxY + 1)};
        std::vector<double> xy;
        constexpr int steps = 16;
        for (int i = 0; i <= steps; ++i)
            for (int j = 0; j <= steps; ++j)
                xy.insert(xy.end(),
                          {d.minX + d.width() * i / steps, d.minY + d.height() * j / steps});
        try {
            CoordinateTransform(std::string("EPSG:4490"), working).transform(xy);
            Envelope e{big, big, -big, -big};
            for (size_t k = 0; k + 1 < xy.size(); k += 2) {
                e.minX = std::min(e.minX, xy[k]);
                e.maxX = std::max(e.maxX, xy[k]);
                e.minY = std::min(e.minY, xy[k + 1]);
                e.maxY = std::max(e.maxY, xy[k + 1]);
            }
            area.areaOfUse = e;
        } catch (const Error &) {
            // Keep the unbounded box: the per-feature transform still refuses the impossible.
        }
    }
    auto &db = project.db();
    for (const auto &layer : project.layers()) {
        const std::string index = "idx_" + layer.table + "_geom";
        if (!db.tableExists(index))
            continue;
        const auto extent = rtreeExtent(db, index);
        if (!extent)
            continue;
        const Envelope e{extent->minX - kExistingMarginM, extent->minY - kExistingMarginM,
                         extent->maxX + kExistingMarginM, extent->maxY + kExistingMarginM};
        if (!area.existing)
            area.existing = e;
        else
            area.existing = Envelope{
                std::min(area.existing->minX, e.minX), std::min(area.existing->minY, e.minY),
                std::max(area.existing->maxX, e.maxX), std::max(area.existing->maxY, e.maxY)};
    }
    return area;
}

bool PlausibleArea::contains(const Envelope &e) const
{
    return e.minX >= areaOfUse.minX && e.maxX <= areaOfUse.maxX && e.minY >= areaOfUse.minY &&
           e.maxY <= areaOfUse.maxY;
}

bool PlausibleArea::nearExisting(const Envelope &e) const
{
    return !existing || existing->intersects(e);
}

} // namespace planlines::geodata::import
