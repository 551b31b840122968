#include "coordinatetransform.h"

#include <proj.h>

#include <cmath>
#include <map>
#include <utility>
#include <vector>

namespace planlines::geodata {

namespace {

// One PROJ context per thread, network disabled: nothing may reach out from here.
// One PROJ context per thread, and the operations made on it: proj_create_crs_to_crs searches
// PROJ's database (about 0.1 s), so an operation is made once per thread and pair of CRSs and
// shared by the transforms of that thread (a KML of 40 folders made 80 of them, 7 s).
struct ProjThread
{
    PJ_CONTEXT *ctx;
    std::map<std::pair<std::string, std::string>, PJ *> operations;
    ProjThread() : ctx(proj_context_create())
    {
        proj_context_set_enable_network(ctx, 0);
        proj_log_level(ctx, PJ_LOG_NONE);
    }
    ~ProjThread()
    {
        for (auto &[key, pj] : operations)
            proj_destroy(pj);
        proj_context_destroy(ctx);
    }
};

ProjThread &projThread()
{
    thread_local ProjThread t;
    return t;
}

PJ_CONTEXT *projContext()
{
    return projThread().ctx;
}

std::string projError(PJ_CONTEXT *ctx)
{
    const int e = proj_context_errno(ctx);
    const char *s = proj_context_errno_string(ctx, e);
    return s ? s : "unknown PROJ error";
}

} // namespace

struct CoordinateTransform::Impl
{
    PJ_CONTEXT *ctx = nullptr;
    PJ *pj = nullptr; // the thread's (ProjThread::operations) unless owned
    bool owned = false;
    std::string source, target;
};

CoordinateTransform::CoordinateTransform(const std::string &sourceCrs, const std::string &targetCrs)
    : d(std::make_unique<Impl>())
{
    ProjThread &thread = projThread();
    d->ctx = thread.ctx;
    d->source = sourceCrs;
    d->target = targetCrs;
    const auto key = std::make_pair(sourceCrs, targetCrs);
    if (auto it = thread.operations.find(key); it != thread.operations.end()) {
        d->pj = it->second;
        return;
    }
    PJ *raw = proj_create_crs_to_crs(d->ctx, sourceCrs.c_str(), targetCrs.c_str(), nullptr);
    if (!raw)
        throw GeometryError(projError(d->ctx), "PROJ " + sourceCrs + " -> " + targetCrs);
    d->pj = proj_normalize_for_visualization(d->ctx, raw);
    proj_destroy(raw);
    if (!d->pj)
        throw GeometryError(projError(d->ctx), "PROJ " + sourceCrs + " -> " + targetCrs);
    constexpr std::size_t kMostKept = 64; // pairs of CRSs a thread keeps made
    if (thread.operations.size() < kMostKept)
        thread.operations.emplace(key, d->pj);
    else
        d->owned = true;
}

CoordinateTransform::~CoordinateTransform()
{
    if (d && d->pj && d->owned)
        proj_destroy(d->pj);
}

static void run(PJ *pj, PJ_DIRECTION dir, std::span<double> xy, const std::string &what)
{
    const size_t n = xy.size() / 2;
    if (n == 0)
        return;
    const size_t done = proj_trans_generic(pj, dir, xy.data(), 2 * sizeof(double), n, xy.data() + 1,
                                           2 * sizeof(double), n, nullptr, 0, 0, nullptr, 0, 0);
    if (done != n)
        throw GeometryError("PROJ transformed " + std::to_string(done) + " of " +
                                std::to_string(n) + " points",
                            what);
    for (double v : xy)
        if (!std::isfinite(v))
            throw GeometryError("coordinate outside the CRS's domain", what);
}

void CoordinateTransform::transform(std::span<double> xy) const
{
    run(d->pj, PJ_FWD, xy, d->source + " -> " + d->target);
}

void CoordinateTransform::transformInverse(std::span<double> xy) const
{
    run(d->pj, PJ_INV, xy, d->target + " -> " + d->source);
}

std::string CoordinateTransform::description() const
{
    PJ_PROJ_INFO info = proj_pj_info(d->pj);
    return info.description ? info.description : "";
}

std::string crsName(const std::string &crs)
{
    PJ_CONTEXT *ctx = projContext();
    PJ *pj = proj_create(ctx, crs.c_str());
    if (!pj)
        return crs;
    const char *name = proj_get_name(pj);
    std::string out = name ? name : crs;
    proj_destroy(pj);
    return out;
}

bool crsIsProjectedInMetres(const std::string &crs)
{
    PJ_CONTEXT *ctx = projContext();
    PJ *pj = proj_create(ctx, crs.c_str());
    if (!pj)
        return false;
    bool metres = proj_get_type(pj) == PJ_TYPE_PROJECTED_CRS;
    if (metres) {
        PJ *cs = proj_crs_get_coordinate_system(ctx, pj);
        const int axes = cs ? proj_cs_get_axis_count(ctx, cs) : 0;
        metres = axes >= 2;
        for (int i = 0; metres && i < 2; ++i) {
            double factor = 0;
            metres = proj_cs_get_axis_info(ctx, cs, i, nullptr, nullptr, nullptr, &factor, nullptr,
                                           nullptr, nullptr) &&
                     factor == 1.0;
        }
        proj_destroy(cs);
    }
    proj_destroy(pj);
    return metres;
}

} // namespace planlines::geodata
