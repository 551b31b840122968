// One of the processes of concurrencytest.cpp, each a separate program on its own connection as
// its own role, doing what an office does through the library:
//   progress URI K N   records N progress entries as `planlines corridor update` does (read the
//                      corridor, validate, record; again on a Conflict), one entry a call, on
//                      segments chosen by a fixed pseudo-random sequence; the note w<K>-<i>
//                      names each; prints "id <id>" per entry and "attempts <total>" at the end
//   checks URI N       stores N check records with their audit rows in one transaction, as a
//                      batch check does (the check's scan on PostGIS is not in this tree yet:
//                      what is written is the batch's records, the part that meets the others)
//   replace URI V      replaces layer 地类图斑 with versions 2 … V: version v has 50·v parcels,
//                      each with BB = v
//   read URI STOPFILE  until STOPFILE exists: reads 地类图斑 from the registry, then all its
//                      features; every feature must have BB = the registry's version and their
//                      number must be its feature_count (never a mix of two versions); prints
//                      "reads <n> versions <list>"
// Any error goes to stderr with exit status 1.
#include "../geodata/corridor/corridorfixture.h"
#include "geodata/corridor/progressrecorder.h"
#include "geodata/layerwriter.h"
#include "geodata/store/retry.h"

#include <QCoreApplication>
#include <QFile>
#include <QThread>

#include <cstdio>
#include <iostream>
#include <set>

using namespace planlines;
using namespace planlines::geodata;
using namespace planlines::geodata::corridor;

namespace {

int progress(Project &p, int k, int n)
{
    std::uint32_t seed = 2654435761u * static_cast<std::uint32_t>(k + 1);
    int attempts = 0;
    for (int i = 0; i < n; ++i) {
        seed = seed * 1664525u + 1013904223u;
        ProgressInput in;
        in.segmentId = testing::CorridorFixture::kSegments[(seed >> 16) % 4].id;
        // Distinct per writer and entry, so none is refused as a duplicate of another.
        in.date = "2025-" + std::to_string(1 + i % 12) + "-" + std::to_string(1 + (i / 12) % 28);
        in.status = Status::UnderConstruction;
        in.percent = k * 20 + (i % 20) * 0.5;
        in.note = "w" + std::to_string(k) + "-" + std::to_string(i);
        const auto r = recordLatestProgress(p, {in}, "concurrencytest");
        attempts += r.attempts;
        std::printf("id %lld\n", static_cast<long long>(r.ids.at(0)));
    }
    std::printf("attempts %d\n", attempts);
    return 0;
}

int checks(Project &p, int n)
{
    retryTransaction(p, [&] {
        for (int i = 0; i < n; ++i) {
            StoredCheckRecord r;
            r.siteName = "site-" + std::to_string(i);
            r.siteWkb = {1, 3, 0, 0, 0};
            r.inputsJson = "{}";
            r.layerVersionsJson = "{\"地类图斑\":1}";
            r.rulesVersion = "builtin";
            r.verdict = i % 3 == 0 ? "fail" : "pass";
            r.legacyResultJson = "{}";
            r.batchId = "batch-concurrency";
            const std::int64_t id = p.addCheckRecord(r);
            p.audit("check.record", "check_records", std::to_string(id));
        }
    });
    return 0;
}

void writeLanduse(Project &p, int version)
{
    LayerSpec spec{"地类图斑",
                   Role::Landuse,
                   "landuse",
                   "MULTIPOLYGON",
                   {{"BB", FieldType::Integer, "版本"}, {"DLBM", FieldType::Text, "地类编码"}},
                   "version " + std::to_string(version)};
    spec.replaceKeepingHistory = true;
    LayerWriter w(p, spec);
    for (int i = 0; i < 50 * version; ++i) {
        const double e = 570000 + (i % 50) * 20, n = 4114000 + (i / 50) * 20;
        w.add(Geometry::polygon(testing::CorridorFixture::rect(e, n, e + 20, n + 20)),
              std::vector<Value>{std::int64_t{version}, std::string("0101")});
    }
    w.commit();
}

int replace(Project &p, int last)
{
    for (int v = 2; v <= last; ++v) {
        writeLanduse(p, v);
        QThread::msleep(200); // let readers see each version
    }
    return 0;
}

int read(Project &p, const QString &stop)
{
    int reads = 0;
    std::set<int> versions;
    while (!QFile::exists(stop)) {
        const auto layer = p.layerNamed("地类图斑");
        if (!layer)
            throw Error("layer 地类图斑 is gone");
        auto source = p.features(*layer);
        FeatureRequest req;
        req.geometry = false;
        req.attributes = {"BB"};
        auto cur = source->query(req);
        std::int64_t rows = 0;
        while (cur->next()) {
            ++rows;
            const auto bb = std::get<std::int64_t>(cur->value(0));
            if (bb != layer->version)
                throw Error("a mix: the registry says version " + std::to_string(layer->version) +
                            " (table " + layer->table + ") but feature " +
                            std::to_string(cur->fid()) + " is of version " + std::to_string(bb));
        }
        if (rows != layer->featureCount || rows != 50 * layer->version)
            throw Error("a mix: version " + std::to_string(layer->version) + " has " +
                        std::to_string(rows) + " features, the registry says " +
                        std::to_string(layer->featureCount));
        versions.insert(layer->version);
        ++reads;
    }
    std::printf("reads %d versions", reads);
    for (int v : versions)
        std::printf(" %d", v);
    std::printf("\n");
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    try {
        if (a.size() < 4)
            throw Error("usage: progress URI K N | checks URI N | replace URI V | read URI STOP | "
                        "init URI");
        auto p = Project::open(a[2].toStdString());
        const QString mode = a[1];
        int rc = 2;
        if (mode == QLatin1String("progress"))
            rc = progress(*p, a[3].toInt(), a.value(4).toInt());
        else if (mode == QLatin1String("checks"))
            rc = checks(*p, a[3].toInt());
        else if (mode == QLatin1String("replace"))
            rc = replace(*p, a[3].toInt());
        else if (mode == QLatin1String("read"))
            rc = read(*p, a[3]);
        else if (mode == QLatin1String("landuse"))
            writeLanduse(*p, a[3].toInt()), rc = 0;
        std::fflush(stdout);
        return rc;
    } catch (const std::exception &e) {
        std::fflush(stdout);
        std::cerr << "error: " << e.what() << std::endl;
        return 1;
    }
}
