#include "parcelset.h"

#include "../store/layerinfo.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace planlines::geodata::landuse {

std::uint32_t Interned::id(const std::string &code)
{
    const auto [it, added] = m_ids.try_emplace(code, static_cast<std::uint32_t>(m_codes.size()));
    if (added)
        m_codes.push_back(code);
    return it->second;
}

namespace {

std::string text(const Value &v)
{
    if (const auto *s = std::get_if<std::string>(&v)) {
        // Trimmed: files padded by fixed-width exporters ("0101 ") are the same class.
        const auto b = s->find_first_not_of(' ');
        if (b == std::string::npos)
            return {};
        return s->substr(b, s->find_last_not_of(' ') - b + 1);
    }
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    if (const auto *d = std::get_if<double>(&v))
        return std::to_string(static_cast<std::int64_t>(*d));
    return {};
}

double number(const Value &v)
{
    if (const auto *d = std::get_if<double>(&v))
        return *d;
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    if (const auto *s = std::get_if<std::string>(&v)) {
        char *end = nullptr;
        const double d = std::strtod(s->c_str(), &end);
        if (end && end != s->c_str())
            return d;
    }
    return -1;
}

// FNV-1a over the bytes: equal coordinates give equal hashes (sameGeometry confirms a match).
std::uint64_t fnv(const void *data, std::size_t n, std::uint64_t h)
{
    const auto *p = static_cast<const unsigned char *>(data);
    for (std::size_t i = 0; i < n; ++i)
        h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

} // namespace

void ParcelSet::read(FeatureSource &source, Interned &classes, Interned &townships,
                     std::unordered_map<std::string, std::string> &names,
                     const std::function<bool()> &cancelled)
{
    m_layerName = source.layer().name;
    const std::string ctx = "layer " + m_layerName;
    const std::string dlbm = source.columnNamed("DLBM");
    if (dlbm.empty())
        throw Error("no DLBM field (地类编码): not a land-use layer", ctx);
    FeatureRequest request;
    request.attributes = {dlbm};
    auto optional = [&](const char *name) {
        const std::string c = source.columnNamed(name);
        if (c.empty())
            return -1;
        request.attributes.push_back(c);
        return static_cast<int>(request.attributes.size()) - 1;
    };
    const int dlmc = optional("DLMC"), zldwdm = optional("ZLDWDM"), bsm = optional("BSM"),
              tbbh = optional("TBBH"), tbdlmj = optional("TBDLMJ");
    m_hasOfficial = tbdlmj >= 0 && !source.columnNamed("KCXS").empty();
    m_hasTownshipCodes = zldwdm >= 0;

    // Sized from the registry's count, and the coordinate pool from the first parcels' mean:
    // growing them by doubling moved hundreds of MB for a million parcels.
    const auto expected =
        static_cast<std::size_t>(std::max<std::int64_t>(0, source.layer().featureCount));
    m_parcels.reserve(expected);
    m_text.reserve(expected * 24);
    auto cursor = source.query(request);
    FlatGeometry g;
    while (cursor->next()) {
        if (m_parcels.size() == 1024 && expected > 2048)
            m_xy.reserve(m_xy.size() / 1024 * expected * 11 / 10);
        if (cancelled && (m_parcels.size() & 1023) == 0 && cancelled())
            throw Error("cancelled", ctx);
        Parcel p;
        p.fid = cursor->fid();
        try {
            cursor->readGeometry(g);
        } catch (const Error &e) {
            throw Error(e.cause(), ctx + ", feature " + std::to_string(p.fid));
        }
        const std::string code = text(cursor->value(0));
        p.cls = classes.id(code);
        if (dlmc >= 0 && !code.empty()) {
            auto &name = names[code];
            if (name.empty())
                name = text(cursor->value(dlmc));
        }
        if (zldwdm >= 0) {
            const std::string z = text(cursor->value(zldwdm));
            if (z.size() >= 9)
                p.township = townships.id(z.substr(0, 9));
        }
        auto pool = [this](const std::string &t, std::uint32_t &at, std::uint16_t &length) {
            at = static_cast<std::uint32_t>(m_text.size());
            length = static_cast<std::uint16_t>(std::min<std::size_t>(t.size(), 0xffff));
            m_text.append(t, 0, length);
        };
        if (bsm >= 0)
            pool(text(cursor->value(bsm)), p.bsmAt, p.bsmLength);
        if (tbbh >= 0)
            pool(text(cursor->value(tbbh)), p.tbbhAt, p.tbbhLength);
        if (m_hasOfficial)
            p.officialM2 = number(cursor->value(tbdlmj));

        // Only polygon parts count (a stray point or line part has no area to compare).
        p.xyBegin = static_cast<std::uint32_t>(m_xy.size() / 2);
        p.ringBegin = static_cast<std::uint32_t>(m_rings.size());
        p.partBegin = static_cast<std::uint32_t>(m_parts.size());
        std::uint32_t localRing = 0, localPoint = 0;
        p.box = {std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                 std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
        for (std::size_t part = 0; part < g.partCount(); ++part) {
            if (g.partKinds[part] != 3)
                continue;
            m_parts.push_back(localRing);
            ++p.partCount;
            for (std::uint32_t r = g.parts[part]; r < g.parts[part + 1]; ++r) {
                const std::uint32_t b = g.rings[r], e = g.rings[r + 1];
                m_rings.push_back(localPoint);
                ++localRing;
                const double a = ringArea(g.xy.data() + 2u * b, e - b);
                p.areaM2 += r == g.parts[part] ? a : -a;
                for (std::uint32_t i = b; i < e; ++i) {
                    const double x = g.xy[2u * i], y = g.xy[2u * i + 1];
                    m_xy.push_back(x);
                    m_xy.push_back(y);
                    p.box.minX = std::min(p.box.minX, x);
                    p.box.maxX = std::max(p.box.maxX, x);
                    p.box.minY = std::min(p.box.minY, y);
                    p.box.maxY = std::max(p.box.maxY, y);
                }
                localPoint += e - b;
            }
        }
        if (p.partCount == 0)
            continue; // nothing polygonal: no land to count
        m_parts.push_back(localRing);
        m_rings.push_back(localPoint);
        std::uint64_t h = 14695981039346656037ull;
        h = fnv(m_xy.data() + 2u * p.xyBegin, localPoint * 2 * sizeof(double), h);
        h = fnv(m_rings.data() + p.ringBegin, (localRing + 1) * sizeof(std::uint32_t), h);
        h = fnv(m_parts.data() + p.partBegin, (p.partCount + 1) * sizeof(std::uint32_t), h);
        p.hash = h;
        m_parcels.push_back(std::move(p));
    }
}

void ParcelSet::remap(const std::vector<std::uint32_t> &classes,
                      const std::vector<std::uint32_t> &townships)
{
    for (auto &p : m_parcels) {
        p.cls = classes[p.cls];
        p.township = townships[p.township];
    }
}

bool ParcelSet::sameGeometry(std::size_t i, const ParcelSet &other, std::size_t j) const
{
    const Parcel &a = m_parcels[i], &b = other.m_parcels[j];
    if (a.partCount != b.partCount)
        return false;
    const auto *pa = m_parts.data() + a.partBegin, *pb = other.m_parts.data() + b.partBegin;
    if (std::memcmp(pa, pb, (a.partCount + 1) * sizeof(std::uint32_t)) != 0)
        return false;
    const std::uint32_t rings = pa[a.partCount];
    const auto *ra = m_rings.data() + a.ringBegin, *rb = other.m_rings.data() + b.ringBegin;
    if (std::memcmp(ra, rb, (rings + 1) * sizeof(std::uint32_t)) != 0)
        return false;
    return std::memcmp(m_xy.data() + 2u * a.xyBegin, other.m_xy.data() + 2u * b.xyBegin,
                       ra[rings] * 2 * sizeof(double)) == 0;
}

Geometry ParcelSet::geometry(std::size_t i) const
{
    GEOSContextHandle_t ctx = geosContext();
    const Parcel &p = m_parcels[i];
    const auto *parts = m_parts.data() + p.partBegin;
    const auto *rings = m_rings.data() + p.ringBegin;
    const double *xy = m_xy.data() + 2u * p.xyBegin;
    auto ring = [&](std::uint32_t r) {
        auto *seq =
            GEOSCoordSeq_copyFromBuffer_r(ctx, xy + 2u * rings[r], rings[r + 1] - rings[r], 0, 0);
        GEOSGeometry *g = seq ? GEOSGeom_createLinearRing_r(ctx, seq) : nullptr;
        if (!g)
            throw Error("GEOS refused a ring",
                        "layer " + m_layerName + ", feature " + std::to_string(p.fid));
        return g;
    };
    std::vector<GEOSGeometry *> polygons;
    try {
        for (std::uint32_t k = 0; k < p.partCount; ++k) {
            GEOSGeometry *shell = ring(parts[k]);
            std::vector<GEOSGeometry *> holes;
            try {
                for (std::uint32_t r = parts[k] + 1; r < parts[k + 1]; ++r)
                    holes.push_back(ring(r));
            } catch (...) {
                GEOSGeom_destroy_r(ctx, shell);
                for (auto *h : holes)
                    GEOSGeom_destroy_r(ctx, h);
                throw;
            }
            polygons.push_back(GEOSGeom_createPolygon_r(ctx, shell, holes.data(),
                                                        static_cast<unsigned>(holes.size())));
        }
    } catch (...) {
        for (auto *g : polygons)
            GEOSGeom_destroy_r(ctx, g);
        throw;
    }
    return Geometry(GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polygons.data(),
                                                static_cast<unsigned>(polygons.size())));
}

} // namespace planlines::geodata::landuse
