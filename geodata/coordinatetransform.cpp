#include "coordinatetransform.h"

#include <proj.h>

#include <cmath>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace planlines::geodata {

namespace {

// One PROJ context per thread, network disabled: nothing may reach out from here.
PJ_CONTEXT *projContext()
{
    struct Holder
    {
        PJ_CONTEXT *ctx;
        Holder() : ctx(proj_context_create())
        {
            proj_context_set_enable_network(ctx, 0);
            proj_log_level(ctx, PJ_LOG_NONE);
        }
        ~Holder() { proj_context_destroy(ctx); }
    };
    thread_local Holder h;
    return h.ctx;
}

std::string projError(PJ_CONTEXT *ctx)
{
    const int e = proj_context_errno(ctx);
    const char *s = proj_context_errno_string(ctx, e);
    return s ? s : "unknown PROJ error";
}

} // namespace

namespace {

// The operation from source to target, normalised to (x, y) = (easting or longitude, northing or
// latitude), made in ctx; null on failure (projError(ctx) says why).
PJ *createOperation(PJ_CONTEXT *ctx, const std::string &source, const std::string &target)
{
    PJ *raw = proj_create_crs_to_crs(ctx, source.c_str(), target.c_str(), nullptr);
    if (!raw)
        return nullptr;
    PJ *pj = proj_normalize_for_visualization(ctx, raw);
    proj_destroy(raw);
    return pj;
}

// Operations made once per process and pair of CRSs: proj_create_crs_to_crs searches PROJ's
// database (0.1–0.35 s), and an import made one per layer and thread (a KML of 40 folders spent
// 7 s of CPU on 80 of them). A transform takes a clone in its own thread's context (0.3 ms).
struct SharedOperations
{
    std::mutex mutex;
    PJ_CONTEXT *ctx = nullptr; // used under the mutex only
    std::map<std::pair<std::string, std::string>, PJ *> operations;
    SharedOperations() : ctx(proj_context_create())
    {
        proj_context_set_enable_network(ctx, 0);
        proj_log_level(ctx, PJ_LOG_NONE);
    }
    ~SharedOperations()
    {
        for (auto &[key, pj] : operations)
            proj_destroy(pj);
        proj_context_destroy(ctx);
    }
};

// A clone, in ctx, of the shared operation (made now if need be); null when it cannot be made
// or cloned (the caller then makes its own, and reports PROJ's reason).
PJ *sharedOperation(PJ_CONTEXT *ctx, const std::string &source, const std::string &target)
{
    static SharedOperations shared;
    constexpr std::size_t kMostKept = 64; // pairs of CRSs
    const std::lock_guard lock(shared.mutex);
    const auto key = std::make_pair(source, target);
    auto it = shared.operations.find(key);
    if (it == shared.operations.end()) {
        if (shared.operations.size() >= kMostKept)
            return nullptr;
        PJ *pj = createOperation(shared.ctx, source, target);
        if (!pj)
            return nullptr;
        it = shared.operations.emplace(key, pj).first;
    }
    return proj_clone(ctx, it->second);
}

} // namespace

struct CoordinateTransform::Impl
{
    PJ_CONTEXT *ctx = nullptr;
    PJ *pj = nullptr;
    std::string source, target;
};

CoordinateTransform::CoordinateTransform(const std::string &sourceCrs, const std::string &targetCrs)
    : d(std::make_unique<Impl>())
{
    d->ctx = projContext();
    d->source = sourceCrs;
    d->target = targetCrs;
    d->pj = sharedOperation(d->ctx, sourceCrs, targetCrs);
    if (d->pj)
        return;
    d->pj = createOperation(d->ctx, sourceCrs, targetCrs);
    if (!d->pj)
        throw GeometryError(projError(d->ctx), "PROJ " + sourceCrs + " -> " + targetCrs);
}

CoordinateTransform::~CoordinateTransform()
{
    if (d && d->pj)
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
