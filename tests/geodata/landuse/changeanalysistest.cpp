// Tests geodata/landuse/changeanalysis.h on hand-made version pairs whose matrices are worked
// out by hand from rectangle sides (changefixture.h): a split, a merge, a class change, a
// redraw, a parcel gone, a parcel new, edges that run along each other; the official figure
// allocated by area share; changes inside basic farmland and the red line; townships; errors,
// progress and cancel.
#include "changefixture.h"

#include <geodata/landuse/changetables.h>

#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::landuse;
using namespace planlines::geodata::landuse::test;
using planlines::geodata::test::qs;

namespace {
using Cells = std::map<std::pair<std::string, std::string>, double>;

void compareCells(const std::vector<TransferCell> &actual, const Cells &expected)
{
    const Cells got = cellMap(actual);
    QString list;
    for (const auto &[k, a] : got)
        list += QStringLiteral("%1→%2 %3; ").arg(qs(k.first), qs(k.second)).arg(a, 0, 'f', 4);
    QVERIFY2(got.size() == expected.size(), qPrintable(QStringLiteral("cells: ") + list));
    for (const auto &[k, want] : expected) {
        const auto it = got.find(k);
        QVERIFY2(
            it != got.end(),
            qPrintable(QStringLiteral("missing %1→%2 in %3").arg(qs(k.first), qs(k.second), list)));
        PL_COMPARE_NEAR(it->second, want, 0.01, "m²");
    }
}

double pieceSum(const ChangeResult &r)
{
    double s = 0;
    for (const auto &p : r.pieces)
        s += p.areaM2;
    return s;
}
} // namespace

class ChangeAnalysisTest : public QObject
{
    Q_OBJECT
    std::unique_ptr<ChangeFixture> fixture;

private slots:
    void initTestCase() { fixture = std::make_unique<ChangeFixture>(); }
    void cleanupTestCase() { fixture.reset(); }

    void split()
    {
        ChangeFixture &f = *fixture;
        const auto a = f.layer(
            "2023", {{rect(0, 0, 100, 100), "0101", "A"}, {rect(100, 0, 200, 100), "0103", "B"}});
        const auto b = f.layer("2024", {{rect(0, 0, 40, 100), "0101", "A1"},
                                        {rect(40, 0, 100, 100), "0101", "A2"},
                                        {rect(100, 0, 200, 100), "0103", "B"}});
        const auto r = f.compare(a, b);
        compareCells(r.matrix, {{{"0101", "0101"}, 10000}, {{"0103", "0103"}, 10000}});
        QCOMPARE(r.pieces.size(), 0u);
        QCOMPARE(r.unchangedParcels, 1);
        QCOMPARE(r.overlaidOld, 1);
        QCOMPARE(r.overlaidNew, 2);
        QCOMPARE(r.geometryOnlyOld, 1);
        QCOMPARE(r.geometryOnlyNew, 2);
        PL_COMPARE_NEAR(r.geometryOnlyM2, 10000, 0.01, "m²");
    }

    void merge()
    {
        ChangeFixture &f = *fixture;
        const auto a = f.layer(
            "2023", {{rect(0, 0, 40, 100), "0102", "A1"}, {rect(40, 0, 100, 100), "0102", "A2"}});
        const auto b = f.layer("2024", {{rect(0, 0, 100, 100), "0102", "A"}});
        const auto r = f.compare(a, b);
        compareCells(r.matrix, {{{"0102", "0102"}, 10000}});
        QCOMPARE(r.pieces.size(), 0u);
        QCOMPARE(r.geometryOnlyOld, 2);
        QCOMPARE(r.geometryOnlyNew, 1);
    }

    void classChange()
    {
        ChangeFixture &f = *fixture;
        const auto a = f.layer(
            "2023", {{rect(0, 0, 100, 100), "0101", "A"}, {rect(100, 0, 200, 100), "0201", "B"}});
        const auto b = f.layer(
            "2024", {{rect(0, 0, 100, 100), "203", "A"}, {rect(100, 0, 200, 100), "0201", "B"}});
        const auto r = f.compare(a, b);
        compareCells(r.matrix, {{{"0101", "203"}, 10000}, {{"0201", "0201"}, 10000}});
        QCOMPARE(r.reclassifiedParcels, 1);
        QCOMPARE(r.overlaidOld, 0); // found by the hash, never overlaid
        QCOMPARE(r.pieces.size(), 1u);
        const auto &p = r.pieces[0];
        QCOMPARE(p.fromCode, std::string("0101"));
        QCOMPARE(p.toCode, std::string("203"));
        QCOMPARE(p.oldBsm, std::string("A"));
        QCOMPARE(p.township, std::string("370322101"));
        PL_COMPARE_NEAR(p.geometry().area(), 10000, 0.01, "m²");
        // 10000 m² = 15 亩 out of cultivated land, into a village: no 进出平衡 class.
        const auto out = cultivatedOutflow(r.matrix);
        QCOMPARE(out.size(), 1u);
        PL_COMPARE_NEAR(out[0].areaM2 * 3 / 2000, 15, 1e-9, "亩");
        const Balance bal = balance(r.matrix);
        PL_COMPARE_NEAR(bal.outflowM2, 10000, 0.01, "m²");
        PL_COMPARE_NEAR(bal.balanceOutM2, 0, 0.01, "m²");
        QVERIFY(bal.balanced());
    }

    void redraw()
    {
        // The boundary between A (旱地) and B (乔木林地) moves 30 m east: 30 × 100 m of forest
        // becomes 旱地 (an inflow from a 进出平衡 class), and B keeps 70 × 100.
        ChangeFixture &f = *fixture;
        const auto a = f.layer(
            "2023", {{rect(0, 0, 100, 100), "0103", "A"}, {rect(100, 0, 200, 100), "0301", "B"}});
        const auto b = f.layer(
            "2024", {{rect(0, 0, 130, 100), "0103", "A"}, {rect(130, 0, 200, 100), "0301", "B"}});
        const auto r = f.compare(a, b);
        compareCells(
            r.matrix,
            {{{"0103", "0103"}, 10000}, {{"0301", "0103"}, 3000}, {{"0301", "0301"}, 7000}});
        QCOMPARE(r.pieces.size(), 1u);
        PL_COMPARE_NEAR(r.pieces[0].areaM2, 3000, 0.01, "m²");
        QCOMPARE(r.geometryOnlyOld, 1); // A: all its land stays 旱地
        const Balance bal = balance(r.matrix);
        PL_COMPARE_NEAR(bal.inflowM2, 3000, 0.01, "m²");
        PL_COMPARE_NEAR(bal.balanceInM2, 3000, 0.01, "m²");
        PL_COMPARE_NEAR(bal.netM2(), 3000, 0.01, "m²");
    }

    void parcelGoneAndParcelNew()
    {
        ChangeFixture &f = *fixture;
        const auto a = f.layer(
            "2023", {{rect(0, 0, 100, 100), "0101", "A"}, {rect(100, 0, 200, 100), "1104", "B"}});
        const auto b = f.layer(
            "2024", {{rect(0, 0, 100, 100), "0101", "A"}, {rect(0, 100, 100, 150), "0201", "C"}});
        const auto r = f.compare(a, b);
        compareCells(r.matrix,
                     {{{"0101", "0101"}, 10000}, {{"1104", ""}, 10000}, {{"", "0201"}, 5000}});
        QCOMPARE(r.pieces.size(), 2u);
        PL_COMPARE_NEAR(pieceSum(r), 15000, 0.01, "m²");
        for (const auto &p : r.pieces) {
            PL_COMPARE_NEAR(p.geometry().area(), p.areaM2, 0.01, "m²");
            QVERIFY(p.fromCode.empty() ? p.oldFid == 0 && p.newBsm == "C"
                                       : p.newFid == 0 && p.oldBsm == "B");
        }
    }

    void edgesAlongEachOther()
    {
        // Old: A 0101 [0,100]², B 0204 [100,200]×[0,100]. New: P 0101 [0,100]×[0,60] and R,
        // an L of 0204 ([100,200]×[0,60] ∪ [150,200]×[60,100]), both with edges along A's and
        // B's; Q 202 [0,150]×[60,100] across the old boundary. A∩R and B∩P are lines only.
        ChangeFixture &f = *fixture;
        const auto a = f.layer(
            "2023", {{rect(0, 0, 100, 100), "0101", "A"}, {rect(100, 0, 200, 100), "0204", "B"}});
        const std::string l =
            "POLYGON ((580100 4110000, 580200 4110000, 580200 4110100, 580150 4110100, "
            "580150 4110060, 580100 4110060, 580100 4110000))";
        const auto b = f.layer("2024", {{rect(0, 0, 100, 60), "0101", "P"},
                                        {rect(0, 60, 150, 100), "202", "Q"},
                                        {l, "0204", "R"}});
        const auto r = f.compare(a, b);
        compareCells(r.matrix, {{{"0101", "0101"}, 6000},
                                {{"0101", "202"}, 4000},
                                {{"0204", "202"}, 2000},
                                {{"0204", "0204"}, 8000}});
        QCOMPARE(r.pieces.size(), 2u);
        PL_COMPARE_NEAR(pieceSum(r), 6000, 0.01, "m²");
        const auto level1 = cellMap(firstLevelMatrix(r.matrix));
        PL_COMPARE_NEAR((level1.at({"01", "20"})), 4000, 0.01, "m²");
        PL_COMPARE_NEAR((level1.at({"02", "20"})), 2000, 0.01, "m²");
    }

    void officialFigureByAreaShare()
    {
        // A: 10000 m² planar, TBDLMJ 9000; split 4000 水田 + 6000 村庄: 3600 and 5400.
        ChangeFixture &f = *fixture;
        const auto a = f.layer("2023", {{rect(0, 0, 100, 100), "0101", "A", "", 9000}}, true);
        const auto b = f.layer("2024",
                               {{rect(0, 0, 40, 100), "0101", "A1", "", 3600},
                                {rect(40, 0, 100, 100), "203", "A2", "", 6000}},
                               true);
        const auto r = f.compare(a, b);
        QVERIFY(r.hasOfficial);
        for (const auto &c : r.matrix)
            PL_COMPARE_NEAR(c.officialM2, c.toCode == "203" ? 5400 : 3600, 0.01, "m²");
        QCOMPARE(r.pieces.size(), 1u);
        PL_COMPARE_NEAR(r.pieces[0].officialM2, 5400, 0.01, "m²");
    }

    void zonesAndTownships()
    {
        // The piece 0101 → 203 is [40,100]×[0,100]. Farmland [0,50]×[0,100]: 10 × 100 inside.
        // Red line: two overlapping parts [90,100] and [95,110]: 10 × 100 inside, once.
        // The parcels have no ZLDWDM: their township is the one their land lies in.
        ChangeFixture &f = *fixture;
        f.zone("乡镇", Role::Township, {rect(-50, -50, 300, 300)},
               {{"XZQDM", FieldType::Text, ""}, {"XZQMC", FieldType::Text, ""}},
               {{std::string("370322104000"), std::string("唐坊镇")}});
        const auto farm = f.zone("永久基本农田", Role::BasicFarmland, {rect(0, 0, 50, 100)});
        const auto red = f.zone("生态保护红线", Role::EcoRedline,
                                {rect(90, 0, 100, 100), rect(95, 0, 110, 100)});
        const auto a = f.layer("2023", {{rect(0, 0, 100, 100), "0101", "A", ""}});
        const auto b = f.layer("2024", {{rect(0, 0, 40, 100), "0101", "A1", ""},
                                        {rect(40, 0, 100, 100), "203", "A2", ""}});
        auto townships = f.project->features(*f.project->layer(ChangeFixture::scoped("乡镇")));
        auto farmland = f.project->features(farm);
        auto redline = f.project->features(red);
        CompareOptions o;
        o.townships = townships.get();
        o.farmland = farmland.get();
        o.redline = redline.get();
        const auto r = f.compare(a, b, o);
        QVERIFY(r.farmland.present && r.redline.present);
        PL_COMPARE_NEAR(r.farmland.areaM2, 1000, 0.01, "m²");
        PL_COMPARE_NEAR(r.farmland.cultivatedOutflowM2, 1000, 0.01, "m²");
        PL_COMPARE_NEAR(r.redline.areaM2, 1000, 0.01, "m²");
        QCOMPARE(r.pieces.size(), 1u);
        PL_COMPARE_NEAR(r.pieces[0].farmlandM2, 1000, 0.01, "m²");
        QCOMPARE(r.townships.size(), 1u);
        QCOMPARE(r.townships[0].code, std::string("370322104"));
        QCOMPARE(r.townships[0].name, std::string("唐坊镇"));
        compareCells(r.townships[0].matrix, {{{"0101", "0101"}, 4000}, {{"0101", "203"}, 6000}});
    }

    void tablesHaveChineseHeaders()
    {
        ChangeFixture &f = *fixture;
        const auto a = f.layer("2023", {{rect(0, 0, 100, 100), "0101", "A"}});
        const auto b = f.layer("2024", {{rect(0, 0, 100, 100), "0301", "A"}});
        const auto tables = changeTables(f.compare(a, b));
        QCOMPARE(tables.size(), 9u);
        QCOMPARE(tables[1].sheet, std::string("转移矩阵_二级类"));
        QCOMPARE(tables[1].headers, (std::vector<std::string>{"原地类＼现地类（亩）", "0101 水田",
                                                              "0301 乔木林地", "合计"}));
        // 10000 m² = 15 亩 in row 0101, column 0301.
        QCOMPARE(std::get<double>(tables[1].rows[0][2].value), 15.0);
    }

    void layerWithoutDlbmIsRefused()
    {
        ChangeFixture &f = *fixture;
        const auto a = f.layer("2023", {{rect(0, 0, 100, 100), "0101", "A"}});
        const auto b = f.zone("道路", Role::Context, {rect(0, 0, 10, 10)});
        PL_VERIFY_THROWS_WITH(Error, f.compare(a, b), "道路", "no DLBM field (地类编码)");
    }

    void progressAndCancel()
    {
        ChangeFixture &f = *fixture;
        std::vector<TestParcel> old, now;
        for (int i = 0; i < 100; ++i) {
            old.push_back({rect(i * 10, 0, i * 10 + 10, 10), "0101", std::to_string(i)});
            now.push_back({rect(i * 10, 0, i * 10 + 10, 5), "0101", std::to_string(i)});
            now.push_back({rect(i * 10, 5, i * 10 + 10, 10), "0103", std::to_string(i)});
        }
        const auto a = f.layer("2023", old), b = f.layer("2024", now);
        std::size_t last = 0, total = 0;
        CompareOptions o;
        o.threads = 2;
        o.progress = [&](std::size_t d, std::size_t t) {
            QVERIFY(d >= last);
            last = d;
            total = t;
        };
        const auto r = f.compare(a, b, o);
        QCOMPARE(total, 300u);
        QCOMPARE(last, total);
        compareCells(r.matrix, {{{"0101", "0101"}, 5000}, {{"0101", "0103"}, 5000}});
        QCOMPARE(r.pieces.size(), 100u);
        CompareOptions stop;
        stop.cancelled = [] { return true; };
        PL_VERIFY_THROWS_WITH(Error, f.compare(a, b, stop), "cancelled");
    }
};

QTEST_GUILESS_MAIN(ChangeAnalysisTest)
#include "changeanalysistest.moc"
