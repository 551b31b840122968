#include "samplelanduse.h"
#include "parceltiler.h"
#include "samplerandom.h"

#include <QThread>

#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
#include <thread>

namespace planlines::geodata::sample {

namespace {

constexpr double kSplitM = 1500; // long features are cut into pieces of this size

Geometry box(double x0, double y0, double x1, double y1)
{
    const double xy[] = {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0};
    return Geometry::polygon(xy);
}

void addParts(const Geometry &g, const std::string &dlbm, const std::string &name, int township,
              std::vector<Parcel> &out)
{
    auto ctx = geosContext();
    const Geometry polys = g.toMultiPolygon();
    for (int k = 0; k < polys.numGeometries(); ++k) {
        Geometry part(GEOSGeom_clone_r(ctx, polys.geometryN(k)));
        if (part.area() < 0.01)
            continue;
        Geometry p = part.pointOnSurface();
        out.push_back({std::move(part), dlbm, name, township, p.x(), p.y()});
    }
}

std::vector<Parcel> township(const Terrain &t, size_t ti, const LanduseContext &ctx,
                             double cellArea, std::uint64_t seed)
{
    const auto &tw = t.townships[ti];
    const PreparedGeometry prep(tw.geometry);
    std::vector<Parcel> out;
    std::vector<Geometry> taken;
    const int twIndex = static_cast<int>(ti);

    // Fixed features: the part inside this township, long ones cut every 1.5 km.
    for (const auto &f : t.fixed) {
        if (!f.geometry.envelope().intersects(tw.geometry.envelope()) ||
            !prep.intersects(f.geometry))
            continue;
        Geometry piece =
            prep.contains(f.geometry) ? f.geometry.clone() : f.geometry.intersection(tw.geometry);
        if (piece.isEmpty())
            continue;
        taken.push_back(piece.clone());
        const Envelope e = piece.envelope();
        if (!f.linear || (e.width() < kSplitM && e.height() < kSplitM)) {
            addParts(piece, f.dlbm, f.name, twIndex, out);
            continue;
        }
        for (double y = std::floor(e.minY / kSplitM) * kSplitM; y < e.maxY; y += kSplitM)
            for (double x = std::floor(e.minX / kSplitM) * kSplitM; x < e.maxX; x += kSplitM) {
                Geometry b = box(x, y, x + kSplitM, y + kSplitM);
                if (piece.intersects(b))
                    addParts(piece.intersection(b), f.dlbm, f.name, twIndex, out);
            }
    }

    // The rest: fields.
    Geometry region =
        taken.empty() ? tw.geometry.clone() : tw.geometry.difference(unaryUnion(std::move(taken)));
    if (!region.isValid())
        region = region.makeValid().toMultiPolygon();
    ParcelTilerOptions opt;
    opt.cellAreaM2 = cellArea;
    opt.seed = mix64(seed ^ (ti + 1) * 0x1234567ULL);
    std::vector<Geometry> cells = ParcelTiler::tile(region, opt);

    const LanduseClassifier classifier(ctx);
    std::map<std::string, std::vector<Geometry>> merged;
    std::map<std::string, std::string> mergedCode;
    for (size_t i = 0; i < cells.size(); ++i) {
        Geometry p = cells[i].pointOnSurface();
        const double area = cells[i].area();
        const auto d = classifier.classify(p.x(), p.y(), area, mix64(opt.seed ^ i));
        if (!d.mergeKey.empty()) {
            const std::string key = d.mergeKey + "/" + d.dlbm;
            merged[key].push_back(std::move(cells[i]));
            mergedCode[key] = d.dlbm;
            continue;
        }
        out.push_back({std::move(cells[i]), d.dlbm, "", twIndex, p.x(), p.y()});
    }
    for (auto &[key, parts] : merged)
        addParts(unaryUnion(std::move(parts)), mergedCode[key], "", twIndex, out);
    return out;
}

} // namespace

std::vector<Parcel> buildParcels(const Terrain &terrain, const LanduseContext &landuse,
                                 int targetParcels, std::uint64_t seed,
                                 const std::function<void(const std::string &)> &progress)
{
    // Cell size from the area left for fields and the wanted count (fixed features and
    // merged urban blocks make up a few per cent of the parcels).
    double countyArea = 0, fixedArea = 0;
    for (const auto &t : terrain.townships)
        countyArea += t.geometry.area();
    for (const auto &f : terrain.fixed)
        fixedArea += f.geometry.area();
    const double cellArea = (countyArea - fixedArea) / targetParcels;

    const size_t n = terrain.townships.size();
    std::vector<std::vector<Parcel>> results(n);
    std::atomic<size_t> next{0};
    std::mutex progressMutex;
    auto worker = [&]() {
        for (size_t i = next++; i < n; i = next++) {
            // Cut lines (roads, canals, township edges) add parcels and urban blocks merge
            // them: measure, and tile once more with the cell size corrected.
            const double want = targetParcels * terrain.townships[i].geometry.area() / countyArea;
            results[i] = township(terrain, i, landuse, cellArea, seed);
            const double ratio = static_cast<double>(results[i].size()) / want;
            if (ratio < 0.98 || ratio > 1.02)
                results[i] = township(terrain, i, landuse, cellArea * ratio, seed);
            if (progress) {
                std::lock_guard lock(progressMutex);
                progress(terrain.townships[i].name + ": " + std::to_string(results[i].size()) +
                         " parcels");
            }
        }
    };
    const unsigned threads = std::max(
        1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(n)));
    std::vector<std::thread> pool;
    std::exception_ptr error;
    std::mutex errorMutex;
    for (unsigned i = 0; i < threads; ++i)
        pool.emplace_back([&]() {
            try {
                worker();
            } catch (...) {
                std::lock_guard lock(errorMutex);
                error = std::current_exception();
                next = n;
            }
        });
    for (auto &th : pool)
        th.join();
    if (error)
        std::rethrow_exception(error);

    std::vector<Parcel> all;
    for (auto &r : results)
        for (auto &p : r)
            all.push_back(std::move(p));
    return all;
}

} // namespace planlines::geodata::sample
