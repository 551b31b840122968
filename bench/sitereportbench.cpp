// One review report (issue 19) for a site of about 100 ha on a county: a 1000 m square at the
// middle of the land-use layer's extent, checked once (outside the timing), then the report
// built and written RUNS times as PDF: the two maps, the content from the record and the
// writer, what `check --report` adds to a check. Prints each phase's median; the goal is under
// 1 s for the whole report.
//
//   site_report_bench DB [RUNS=5] [OUT=site_report_bench.pdf]
#include <geodata/check/checkengine.h>
#include <geodata/project.h>
#include <layers/layercatalog.h>
#include <layers/projectmap.h>
#include <layers/report/sitereport.h>

#include <QGuiApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>

using namespace planlines;
using namespace planlines::geodata;

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: site_report_bench DB [RUNS] [OUT.pdf]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const QString out =
        argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("site_report_bench.pdf");
    try {
        auto project = Project::open(argv[1], /*readOnly=*/true);
        Envelope e;
        bool first = true;
        for (const auto &l : project->layers(Role::Landuse)) {
            const auto ext = project->features(l)->extent();
            if (!ext)
                continue;
            const Envelope le = *ext;
            e = first ? le
                      : Envelope{std::min(e.minX, le.minX), std::min(e.minY, le.minY),
                                 std::max(e.maxX, le.maxX), std::max(e.maxY, le.maxY)};
            first = false;
        }
        const double cx = (e.minX + e.maxX) / 2, cy = (e.minY + e.maxY) / 2, h = 500;
        const double xy[] = {cx - h, cy - h, cx + h, cy - h, cx + h, cy + h, cx - h, cy + h};
        const Geometry site = Geometry::polygon(xy);
        check::CheckEngine engine(*project, check::RuleSet::builtin());
        check::SiteInputs in;
        in.name = "报告基准选址";
        in.industry = "C3490";
        in.use = "工业用地";
        const auto c0 = std::chrono::steady_clock::now();
        const check::CheckResult r = engine.check(site, in);
        const auto c1 = std::chrono::steady_clock::now();
        QJsonObject record = r.jsonObject(engine.provenance());
        record.insert("record_id", 1);

        const auto m0 = std::chrono::steady_clock::now();
        const auto map = layers::ProjectMap::load(project->path(), layers::LayerCatalog::load());
        const auto m1 = std::chrono::steady_clock::now();
        layers::report::SiteReportJob job;
        job.map = &map;
        job.records = {record};
        job.sites = {&r.measurement.site};
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            const auto a = std::chrono::steady_clock::now();
            layers::report::writeReportFile(job, out);
            const auto b = std::chrono::steady_clock::now();
            ms.push_back(std::chrono::duration<double, std::milli>(b - a).count());
        }
        std::sort(ms.begin(), ms.end());
        auto msOf = [](auto a, auto b) {
            return std::chrono::duration<double, std::milli>(b - a).count();
        };
        std::printf("site %.2f ha (%zu 地类 rows): check %.0f ms; map load %.0f ms (once per "
                    "session); report (map, content, PDF) median %.0f ms, max %.0f ms of %d "
                    "runs: %s (goal < 1000 ms)\n",
                    r.measurement.siteAreaM2 / 10000, r.measurement.landuseDetail.size(),
                    msOf(c0, c1), msOf(m0, m1), ms[ms.size() / 2], ms.back(), runs,
                    ms[ms.size() / 2] < 1000 ? "ok" : "SLOW");
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "site_report_bench: %s\n", e.what());
        return 1;
    }
}
