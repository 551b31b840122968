#include "changezones.h"

#include "landuseclasses.h"
#include "overlaytree.h"
#include "parallel.h"
#include "parcelset.h"

#include "../store/layerinfo.h"

#include <map>
#include <optional>
#include <thread>

namespace planlines::geodata::landuse {

namespace {
std::string text(const Value &v)
{
    if (const auto *s = std::get_if<std::string>(&v))
        return *s;
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return std::to_string(*i);
    return {};
}

struct NoState
{
};
} // namespace

ZoneChanges measureZone(FeatureSource &zone, ChangeResult &result, const ZoneContext &context,
                        double ChangePiece::*field)
{
    ZoneChanges out;
    out.present = true;
    out.layerName = zone.layer().name;
    std::vector<Geometry> polygons;
    std::vector<Envelope> boxes;
    FeatureRequest request;
    auto cursor = zone.query(request);
    while (cursor->next()) {
        Geometry g = cursor->geometry();
        if (g.isNull() || g.isEmpty())
            continue;
        boxes.push_back(g.envelope());
        polygons.push_back(std::move(g));
    }
    const BoxTree tree(boxes);
    const int threads = context.threads > 0
                            ? context.threads
                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    std::vector<NoState> workers(static_cast<std::size_t>(threads));
    // The zone's polygons are only read by the workers (GEOS computes their envelopes when it
    // makes them), each piece is written by one worker.
    parallelFor(
        result.pieces.size(), workers,
        [&](std::size_t k, NoState &) {
            ChangePiece &p = result.pieces[k];
            const Envelope &box = p.box;
            std::vector<Geometry> inside;
            std::optional<Geometry> piece; // decoded when a zone polygon's box meets it
            tree.query(box, [&](std::size_t c) {
                if (!boxesOverlap(box, boxes[c]))
                    return;
                if (!piece)
                    piece = p.geometry();
                Geometry g = piece->intersection(polygons[c]).toMultiPolygon();
                if (g.area() > 0)
                    inside.push_back(std::move(g));
            });
            if (inside.size() == 1)
                p.*field = inside.front().area();
            else if (inside.size() > 1)
                p.*field = unaryUnion(std::move(inside)).area();
        },
        {}, context.cancelled);
    if (context.cancelled && context.cancelled())
        throw Error("cancelled", "layer " + out.layerName);
    std::map<std::pair<std::string, std::string>, double> cells;
    for (const auto &p : result.pieces) {
        const double a = p.*field;
        if (a <= 0)
            continue;
        out.areaM2 += a;
        if (isCultivated(p.fromCode) && !isCultivated(p.toCode))
            out.cultivatedOutflowM2 += a;
        cells[{p.fromCode, p.toCode}] += a;
    }
    for (const auto &[k, a] : cells)
        out.cells.push_back({k.first, k.second, a, a});
    return out;
}

void nameTownships(FeatureSource &townships, ChangeResult &result)
{
    const std::string code = townships.columnNamed("XZQDM"), name = townships.columnNamed("XZQMC");
    if (code.empty() || name.empty())
        return;
    FeatureRequest request;
    request.geometry = false;
    request.attributes = {code, name};
    std::map<std::string, std::string> names;
    auto cursor = townships.query(request);
    while (cursor->next()) {
        const std::string c = text(cursor->value(0));
        if (c.size() >= 9)
            names.emplace(c.substr(0, 9), text(cursor->value(1)));
    }
    for (auto &t : result.townships)
        if (const auto it = names.find(t.code); it != names.end())
            t.name = it->second;
}

void locateTownships(FeatureSource &townships, ParcelSet &parcels, Interned &codes)
{
    bool missing = false;
    for (std::size_t i = 0; i < parcels.size() && !missing; ++i)
        missing = parcels[i].township == 0;
    const std::string code = townships.columnNamed("XZQDM");
    if (!missing || code.empty())
        return;
    struct Area
    {
        Geometry g;
        Envelope box;
        std::uint32_t id;
    };
    std::vector<Area> areas;
    FeatureRequest request;
    request.attributes = {code};
    auto cursor = townships.query(request);
    while (cursor->next()) {
        const std::string c = text(cursor->value(0));
        if (c.size() < 9)
            continue;
        Geometry g = cursor->geometry();
        const Envelope box = g.envelope();
        areas.push_back({std::move(g), box, codes.id(c.substr(0, 9))});
    }
    std::vector<std::unique_ptr<PreparedGeometry>> prepared;
    for (const auto &a : areas)
        prepared.push_back(std::make_unique<PreparedGeometry>(a.g));
    for (std::size_t i = 0; i < parcels.size(); ++i) {
        if (parcels[i].township)
            continue;
        const Geometry pt = parcels.pointOnSurface(i);
        const Envelope b = pt.envelope();
        for (std::size_t k = 0; k < areas.size(); ++k)
            if (areas[k].box.intersects(b) && prepared[k]->contains(pt)) {
                parcels[i].township = areas[k].id;
                break;
            }
    }
}

} // namespace planlines::geodata::landuse
