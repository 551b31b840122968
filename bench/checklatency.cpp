// One-site check latency with the project already open (what the GUI feels): opens the
// project and the engine once, checks one warm-up site, then times CheckEngine::check on N
// square sites of SIDE metres centred on random land-use parcels. Prints the median, 90th
// percentile and maximum in milliseconds, and the mean number of parcels under a site.
// With --file, times each site of a file instead (read once, outside the timing; the detailed
// sites of check_sites.py --shape), RUNS times, and prints each one's median.
//
//   check_latency DB [N=50] [SIDE=1000]      (DB: a project file or a postgresql:// location)
//   check_latency DB --file SITES.geojson [RUNS=5]
#include <geodata/allocator.h>
#include <geodata/check/checkengine.h>
#include <geodata/check/sitereader.h>
#include <geodata/project.h>

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

using namespace planlines::geodata;
using namespace planlines::geodata::check;

namespace {

int timeFile(const char *db, const char *file, int runs)
{
    try {
        auto project = Project::open(db, /*readOnly=*/true);
        SiteBatch batch = SiteReader::fromFile(*project, file);
        CheckEngine engine(*project, RuleSet::builtin());
        for (const auto &r : batch.sites) {
            std::vector<double> ms;
            double areaM2 = 0;
            for (int i = 0; i < std::max(1, runs); ++i) {
                const auto a = std::chrono::steady_clock::now();
                const CheckResult result = engine.check(r.site, r.inputs);
                const auto b = std::chrono::steady_clock::now();
                ms.push_back(std::chrono::duration<double, std::milli>(b - a).count());
                areaM2 = result.measurement.siteAreaM2;
            }
            std::sort(ms.begin(), ms.end());
            std::printf("%s: %d vertices, %d parts, %.2f m²: median %.1f ms of %d runs\n",
                        r.inputs.name.c_str(), r.site.numPoints(), r.site.numGeometries(), areaM2,
                        ms[ms.size() / 2], static_cast<int>(ms.size()));
        }
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "check_latency: %s\n", e.what());
        return 1;
    }
}

} // namespace

int main(int argc, char **argv)
{
    planlines::geodata::keepFreedMemory(); // as planlines does
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: check_latency DB [N] [SIDE_M]\n");
        return 2;
    }
    if (argc > 3 && std::string(argv[2]) == "--file")
        return timeFile(argv[1], argv[3], argc > 4 ? std::atoi(argv[4]) : 5);
    const int n = argc > 2 ? std::atoi(argv[2]) : 50;
    const double side = argc > 3 ? std::atof(argv[3]) : 1000;
    try {
        auto project = Project::open(argv[1], /*readOnly=*/true);
        // Through the store interface: a SpatiaLite file or a postgresql:// location.
        const LayerInfo landuse = project->layers(Role::Landuse).at(0);
        auto landuseFeatures = project->features(landuse);
        const auto maxFid = landuse.featureCount;
        std::mt19937_64 rng(1);
        std::vector<Geometry> sites;
        while (static_cast<int>(sites.size()) < n + 1) {
            FeatureRequest one;
            one.fids = {static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(maxFid)) + 1};
            auto c = landuseFeatures->query(one);
            if (!c->next())
                continue;
            const Envelope e = c->box();
            const double cx = (e.minX + e.maxX) / 2, cy = (e.minY + e.maxY) / 2, h = side / 2;
            const double xy[] = {cx - h, cy - h, cx + h, cy - h, cx + h, cy + h, cx - h, cy + h};
            sites.push_back(Geometry::polygon(xy));
        }
        const auto t0 = std::chrono::steady_clock::now();
        CheckEngine engine(*project, RuleSet::builtin());
        engine.check(sites[0], {"warm-up", "C3490", "工业用地"});
        const auto t1 = std::chrono::steady_clock::now();
        std::vector<double> ms;
        double parcels = 0;
        for (int i = 1; i <= n; ++i) {
            const auto a = std::chrono::steady_clock::now();
            const CheckResult r =
                engine.check(sites[static_cast<size_t>(i)], {"latency", "C3490", "工业用地"});
            const auto b = std::chrono::steady_clock::now();
            ms.push_back(std::chrono::duration<double, std::milli>(b - a).count());
            for (const auto &row : r.measurement.landuse)
                parcels += row.parcels;
        }
        std::sort(ms.begin(), ms.end());
        std::printf("open+first %.1f ms; %d sites of %.0f m x %.0f m: median %.2f ms, p90 %.2f ms, "
                    "max %.2f ms, %.0f parcels per site\n",
                    std::chrono::duration<double, std::milli>(t1 - t0).count(), n, side, side,
                    ms[ms.size() / 2], ms[ms.size() * 9 / 10], ms.back(), parcels / n);
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "check_latency: %s\n", e.what());
        return 1;
    }
}
