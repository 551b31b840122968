#include "samplegenerator.h"
#include "samplecorridor.h"
#include "samplelanduse.h"
#include "samplelayers.h"
#include "samplesecondyear.h"
#include "sampleterrain.h"

#include "../newprojectfile.h"

#include <filesystem>
#include <future>

namespace planlines::geodata {

using namespace sample;

SampleReport SampleGenerator::generate(const SampleOptions &o)
{
    auto say = [&](const std::string &m) {
        if (o.progress)
            o.progress(m);
    };
    if (!o.replace && std::filesystem::exists(o.outPath))
        throw Error("file already exists", o.outPath);
    const auto src = SampleSources::load();
    say("sources read");

    constexpr double kLeveeHalfWidthM = 20;
    auto segments = CorridorBuilder::build(src.levee, src.river, kLeveeHalfWidthM, o.seed);
    std::vector<Geometry> strips;
    for (const auto &s : segments)
        strips.push_back(s.geometry.clone());
    const Geometry corridor = unaryUnion(std::move(strips));
    Terrain terrain = TerrainBuilder::build(src, corridor, o.seed);
    // The corridor layer is the carved strip: inside the county, off the levee body.
    for (auto &s : segments)
        s.geometry =
            s.geometry.difference(terrain.leveeBody).intersection(src.county).toMultiPolygon();
    // Works of the segments beside the green-heart park and the swan lake.
    for (auto &s : segments)
        for (const auto &z : src.zones)
            if (z.str("kind") == "greenheart" && s.geometry.distance(z.geometry) < 150) {
                s.works = "绿心公园、林分提升";
                s.unit = "县住房城乡建设局、县自然资源局";
            }
    for (auto &s : segments)
        for (const auto &w : src.waters)
            if (w.str("name") == "天鹅湖" && s.geometry.distance(w.geometry) < 150) {
                s.works = "天鹅湖湿地修复、林分提升";
                s.unit = "县自然资源局、常家镇人民政府";
            }
    say("townships, floodplain, " + std::to_string(terrain.fixed.size()) + " fixed features, " +
        std::to_string(terrain.villages.size()) + " villages");

    LanduseContext lc;
    lc.floodplain = terrain.floodplain.clone();
    lc.levee = src.levee.clone();
    lc.seed = o.seed;
    for (const auto &z : src.zones) {
        const std::string kind = z.str("kind");
        if (kind == "urban") {
            UrbanZone u;
            u.geometry = z.geometry.clone();
            u.zone = z.str("zone");
            u.town = z.str("town");
            u.isSeat = u.town.find("田镇") != std::string::npos ||
                       u.town.find("县城") != std::string::npos ||
                       u.town.find("芦湖") != std::string::npos;
            lc.urban.push_back(std::move(u));
        } else if (kind == "chemical_park") {
            lc.chemicalPark = z.geometry.clone();
        } else if (kind == "industrial_park") {
            lc.industrialPark = z.geometry.clone();
        }
    }
    const auto parcels = buildParcels(terrain, lc, o.targetParcels, o.seed, o.progress);
    say(std::to_string(parcels.size()) + " parcels built");

    // The 2024 survey is made and encoded on another thread while the 2023 layers are written
    // (SQLite writes on one core): it then costs little more than its own insert.
    struct SecondYear
    {
        std::vector<SecondYearParcel> parcels;
        std::vector<EncodedGeometry> encoded;
        SecondYearCounts counts;
    };
    std::future<SecondYear> secondYear;
    if (o.secondYear)
        secondYear = std::async(std::launch::async, [&] {
            SecondYear y;
            y.parcels = buildSecondYear(parcels, lc, o.seed, &y.counts);
            y.encoded.reserve(y.parcels.size());
            for (const auto &p : y.parcels)
                y.encoded.push_back(LayerWriter::encode(p.geometry, "MULTIPOLYGON", kWorkingSrid));
            return y;
        });

    // Written under a temporary name and renamed when whole (newprojectfile.h): a kill at any
    // moment leaves no project at the target with some of its layers.
    SampleReport report;
    NewProjectFile file{o.outPath, kWorkingCrs, "高青县", "370322", o.replace};
    createProjectFile(file, [&](Project &project) {
        // Nothing reads the temporary file before it is closed, fsynced and renamed: no need
        // for a rollback journal while it is being filled (this halves the time of the
        // 1 M-parcel variant).
        project.db().exec("PRAGMA journal_mode = MEMORY");
        project.db().exec("PRAGMA synchronous = OFF");
        project.db().exec("PRAGMA cache_size = -262144");
        project.setSetting("synthetic", "1");
        project.setSetting("sample_seed", std::to_string(o.seed));
        SampleLayers layers(project, src, terrain, o.seed);
        layers.writeContext();
        layers.writeTownships();
        report.parcels = layers.writeLanduse(parcels);
        say("land-use parcels written");
        layers.writeRedline();
        layers.writeBasicFarmland(parcels);
        layers.writeUrbanBoundary();
        layers.writeControlUnits();
        layers.writeCorridor(segments);
        layers.writeSites();
        // The 2024 survey last: the layers above come from the 2023 parcels.
        if (o.secondYear) {
            say("2023 layers written");
            SecondYear y = secondYear.get();
            const auto &n = y.counts;
            report.secondYearParcels =
                layers.writeLanduseSecondYear(parcels, y.parcels, std::move(y.encoded));
            say("2024 land use: " + std::to_string(n.built) + " built on, " +
                std::to_string(n.planted) + " planted, " + std::to_string(n.reclaimed) +
                " reclaimed, " + std::to_string(n.split) + " split, " + std::to_string(n.merged) +
                " merged, " + std::to_string(n.redrawn) + " redrawn");
        }
        report.layers = layers.layersWritten();
        report.countyAreaM2 = src.county.area();
        project.db().exec("ANALYZE");
        // Stored in rollback-journal mode so the file can be read where it cannot be written
        // (/usr/share/planlines); Project::open switches a writable project to WAL.
        project.db().exec("PRAGMA synchronous = NORMAL");
        project.db().exec("PRAGMA journal_mode = DELETE");
    });
    say("done");
    return report;
}

} // namespace planlines::geodata
