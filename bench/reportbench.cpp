// The review report's writers and maps (layers/report/) on a county: for one site, the time to
// draw the location map and the detail map at 200 dpi, and to write a report holding both and
// a 60-row table as PDF (with its page fixes), ODT, HTML and XLSX — medians of RUNS, and the
// slowest. The project is loaded once, as the window and `check --report` hold it.
//
//   report_bench DB [SITE_NAME] [RUNS=5]   (SITE_NAME: a 项目选址 XMMC; default the largest)
#include <geodata/geometry.h>
#include <layers/layercatalog.h>
#include <layers/report/reportmaps.h>
#include <layers/report/reportwriter.h>
#include <layers/sheet/sheetatlas.h>

#include <QDir>
#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>

using namespace planlines;
using namespace planlines::layers;

namespace {

double ms(const std::function<void()> &f)
{
    const auto a = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
}

void print(const char *what, std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    std::printf("  %-28s median %8.1f ms  max %8.1f ms\n", what, v[v.size() / 2], v.back());
}

report::Document document(const QString &name, const QImage &location, const QImage &detail)
{
    report::Document d;
    d.title = QStringLiteral("建设项目用地预审与选址合规性分析报告");
    d.subtitle = name;
    d.unit = QStringLiteral("高青县自然资源局");
    d.footerLeft = QStringLiteral("检查记录 #1");
    d.heading(QStringLiteral("一、项目概况"));
    d.fields({{QStringLiteral("项目名称"), name},
              {QStringLiteral("用地面积"), QStringLiteral("1 000 000.00 平方米")}});
    d.verdict({QStringLiteral("需关注"), QStringLiteral("#d68910"), {QStringLiteral("占用耕地")}});
    d.heading(QStringLiteral("二、选址位置"));
    d.figure({location, 170, QStringLiteral("图 1 项目区位图")});
    d.figure({detail, 170, QStringLiteral("图 2 项目选址与三区三线关系图")});
    d.heading(QStringLiteral("三、用地现状"));
    report::Table t;
    t.caption = QStringLiteral("表 1 地类构成");
    t.header = {{QStringLiteral("地类编码"), QStringLiteral("地类名称"),
                 QStringLiteral("面积（平方米）"), QStringLiteral("亩")}};
    for (int i = 0; i < 60; ++i)
        t.rows.push_back({QStringLiteral("01%1").arg(i % 10, 2, 10, QLatin1Char('0')),
                          QStringLiteral("水浇地"), QStringLiteral("12 345.67"),
                          QStringLiteral("18.52")});
    t.total = {QStringLiteral("合计"), QString(), QStringLiteral("740 740.20"),
               QStringLiteral("1 111.11")};
    t.numeric = {false, false, true, true};
    d.table(std::move(t));
    d.signatures({QStringLiteral("审查人"), QStringLiteral("审核人"), QStringLiteral("日期")});
    return d;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv); // fonts
    if (argc < 2) {
        std::fprintf(stderr, "usage: report_bench DB [SITE_NAME] [RUNS]\n");
        return 2;
    }
    const QString wanted = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QString();
    const int runs = std::max(1, argc > 3 ? std::atoi(argv[3]) : 5);
    try {
        const auto map = ProjectMap::load(argv[1], LayerCatalog::load());
        const auto sites = sheet::namedFeatures(map, geodata::Role::Site);
        const sheet::NamedFeature *site = nullptr;
        auto area = [](const sheet::NamedFeature &f) {
            return (f.envelope.maxX - f.envelope.minX) * (f.envelope.maxY - f.envelope.minY);
        };
        for (const auto &s : sites)
            if (!s.rings.empty() &&
                (wanted.isEmpty() ? !site || area(s) > area(*site) : s.name == wanted))
                site = &s;
        if (!site) {
            std::fprintf(stderr, "report_bench: no site %s\n", qPrintable(wanted));
            return 1;
        }
        std::vector<double> xy;
        for (const QPointF &p : site->rings.front())
            xy.insert(xy.end(), {p.x(), p.y()});
        const geodata::Geometry geometry = geodata::Geometry::polygon(xy);
        std::printf("site %s, %.1f ha (first ring)\n", qPrintable(site->name),
                    geometry.area() / 1e4);
        QTemporaryDir dir;
        std::vector<double> location, detail, pdf, odt, html, xlsx;
        QImage l, d;
        for (int i = 0; i < runs; ++i) {
            location.push_back(ms([&] { l = report::locationMap(map, geometry); }));
            detail.push_back(ms([&] { d = report::detailMap(map, geometry); }));
            const report::Document doc = document(site->name, l, d);
            pdf.push_back(
                ms([&] { report::writeReport(doc, dir.filePath(QStringLiteral("r.pdf"))); }));
            odt.push_back(
                ms([&] { report::writeReport(doc, dir.filePath(QStringLiteral("r.odt"))); }));
            html.push_back(
                ms([&] { report::writeReport(doc, dir.filePath(QStringLiteral("r.html"))); }));
            xlsx.push_back(
                ms([&] { report::writeReport(doc, dir.filePath(QStringLiteral("r.xlsx"))); }));
        }
        print("location map (200 dpi)", location);
        print("detail map (200 dpi)", detail);
        print("PDF", pdf);
        print("ODT", odt);
        print("HTML", html);
        print("XLSX", xlsx);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "report_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
