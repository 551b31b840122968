#include "plausiblearea.h"

#include "../coordinatetransform.h"

#include <proj.h>

#include <algorithm>
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
    for (const auto &layer : project.layers()) {
        const auto extent = project.features(layer)->extent();
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
