// The attribute table (属性表) on a county's land-use parcels: time to the first rows (the
// fid list and the first page) unsorted, sorted by 地类名称 (the first sort of a big layer
// makes its index: timed apart), filtered by text (by LIKE, then through the trigram index the
// first filter makes: timed apart) and by a 2 km extent, and the time to show a
// row anywhere (a page not cached) — medians of RUNS, and the slowest.
//
//   attrtable_bench DB [RUNS=7]   (DB is copied by the caller if it must stay untouched:
//                                  the sort index is written into it)
#include <geodata/allocator.h>
#include <geodata/project.h>
#include <layers/attributetable.h>

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <random>

using namespace planlines;

namespace {

double ms(const std::function<void()> &f)
{
    const auto a = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count();
}

void report(const char *what, std::vector<double> v, std::size_t rows)
{
    std::sort(v.begin(), v.end());
    std::printf("  %-44s median %8.1f ms  max %8.1f ms  (%zu rows)\n", what, v[v.size() / 2],
                v.back(), rows);
}

} // namespace

int main(int argc, char **argv)
{
    geodata::keepFreedMemory();
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: attrtable_bench DB [RUNS]\n");
        return 2;
    }
    const int runs = argc > 2 ? std::atoi(argv[2]) : 7;
    try {
        auto project = geodata::Project::open(argv[1], true);
        const auto layer = project->layers(geodata::Role::Landuse).at(0);
        std::printf("attribute table of %s: %lld features, %d runs\n", layer.name.c_str(),
                    static_cast<long long>(layer.featureCount), runs);
        std::unique_ptr<layers::AttributeTable> table;
        std::vector<double> t;
        for (int i = 0; i < runs; ++i)
            t.push_back(ms([&] {
                table = std::make_unique<layers::AttributeTable>(*project, layer);
                (void)table->row(0);
            }));
        report("open, first rows (fid order)", t, table->rowCount());

        std::mt19937_64 rng(1);
        t.clear();
        for (int i = 0; i < runs * 5; ++i) {
            const std::size_t r = rng() % table->rowCount();
            t.push_back(ms([&] { (void)table->row(r); }));
        }
        report("a row anywhere (page of 200 read)", t, table->rowCount());

        int dlmc = 0;
        for (std::size_t c = 0; c < table->columns().size(); ++c)
            if (table->columns()[c].field == "DLMC")
                dlmc = static_cast<int>(c);
        layers::AttributeQuery q;
        q.sortColumn = dlmc;
        const double indexMs = ms([&] { table->setQuery(q, true); });
        std::printf("  %-44s %8.1f ms (once per file; 0 when it exists)\n",
                    "first sort by 地类名称 (makes the index)", indexMs);
        t.clear();
        for (int i = 0; i < runs; ++i)
            t.push_back(ms([&] {
                q.descending = i % 2;
                table->setQuery(q, true);
                (void)table->row(0);
            }));
        report("sorted by 地类名称, first rows", t, table->rowCount());
        t.clear();
        for (int i = 0; i < runs * 5; ++i) {
            const std::size_t r = rng() % table->rowCount();
            t.push_back(ms([&] { (void)table->row(r); }));
        }
        report("sorted, a row anywhere", t, table->rowCount());

        q = {};
        q.text = QStringLiteral("房家洼");
        t.clear();
        for (int i = 0; i < runs; ++i)
            t.push_back(ms([&] {
                table->setQuery(q);
                if (table->rowCount())
                    (void)table->row(0);
            }));
        report("filter 房家洼 by LIKE (no text index yet)", t, table->rowCount());
        // The first filter of three characters or more makes the layer's trigram index.
        const double textIndexMs = ms([&] { table->setQuery(q, true); });
        std::printf("  %-44s %8.1f ms (once per file and layer version; 0 when it exists)\n",
                    "first filter 房家洼 (makes the text index)", textIndexMs);
        const QString needles[] = {QStringLiteral("房家洼"), QStringLiteral("水浇地"),
                                   QStringLiteral("3703220012150")};
        for (const QString &needle : needles) {
            q.text = needle;
            t.clear();
            for (int i = 0; i < runs; ++i)
                t.push_back(ms([&] {
                    table->setQuery(q, true);
                    if (table->rowCount())
                        (void)table->row(0);
                }));
            report(qPrintable(QStringLiteral("filter %1 (text index), first rows").arg(needle)), t,
                   table->rowCount());
        }
        q.text = QStringLiteral("水田"); // two characters: LIKE alone
        t.clear();
        for (int i = 0; i < runs; ++i)
            t.push_back(ms([&] {
                table->setQuery(q, true);
                if (table->rowCount())
                    (void)table->row(0);
            }));
        report("filter 水田 (two characters: LIKE), first rows", t, table->rowCount());

        q = {};
        const auto e = table->envelopeOf({1});
        const double cx = (e.minX + e.maxX) / 2, cy = (e.minY + e.maxY) / 2;
        q.extent = geodata::Envelope{cx - 1000, cy - 1000, cx + 1000, cy + 1000};
        t.clear();
        for (int i = 0; i < runs; ++i)
            t.push_back(ms([&] {
                table->setQuery(q);
                (void)table->row(0);
            }));
        report("extent 2 km × 2 km, first rows", t, table->rowCount());
        return 0;
    } catch (const std::exception &ex) {
        std::fprintf(stderr, "attrtable_bench: %s\n", ex.what());
        return 1;
    }
}
