// Overlaps the check must count once (issue 14): a site whose parts overlap is their union;
// features of one role that overlap each other count once in the role's area, whether the
// layer is read through its R*Tree or kept in memory; the 地类 rows never add up to more than
// the land the parcels cover; the result names the features that overlap. Answers worked out
// by hand from the fixture's rectangles (overlapfixture.h), to 0.01 m².
#include "overlapfixture.h"

#include "../testsupport.h"

#include <geodata/check/checkengine.h>
#include <geodata/check/sitemeasurer.h>

#include <QTest>

#include <algorithm>

using namespace planlines::geodata;
using namespace planlines::geodata::check;
using namespace planlines::geodata::test;

namespace {

double landuseRowSum(const Measurement &m)
{
    double sum = 0;
    for (const auto &row : m.landuse)
        sum += row.areaM2;
    return sum;
}

double landuseRow(const Measurement &m, const std::string &dlbm)
{
    for (const auto &row : m.landuse)
        if (row.dlbm == dlbm)
            return row.areaM2;
    return -1;
}

bool anyRepairContains(const Measurement &m, const std::string &text)
{
    return std::any_of(m.repairs.begin(), m.repairs.end(),
                       [&](const std::string &r) { return r.find(text) != std::string::npos; });
}

const RuleResult *rule(const CheckResult &r, const std::string &id)
{
    for (const auto &x : r.rules)
        if (x.id == id)
            return &x;
    return nullptr;
}

QString repairsText(const Measurement &m)
{
    QString all;
    for (const auto &r : m.repairs)
        all += qs(r) + QLatin1Char('\n');
    return all;
}

} // namespace

class CheckOverlapsTest : public QObject
{
    Q_OBJECT

private slots:
    void sitePartsThatOverlapCountAsTheirUnion()
    {
        // Two 1000 × 800 rectangles overlapping by 300 × 800: union 1 360 000 m² (MakeValid's
        // default would keep the symmetric difference, 1 120 000).
        std::vector<Geometry> parts;
        parts.push_back(orect(0, 0, 1000, 800));
        parts.push_back(orect(700, 0, 1700, 800));
        const Geometry site = Geometry::collect(std::move(parts), GEOS_MULTIPOLYGON);
        std::vector<std::string> repairs;
        const Geometry checked = SiteMeasurer::prepareSite(site, repairs);
        PL_COMPARE_NEAR(checked.area(), 1360000.0, 0.01, "m²");
        QCOMPARE(repairs.size(), size_t(1));
        QCOMPARE(qs(repairs[0]),
                 QStringLiteral("site: parts overlap by 240000.00 m² (1 and 2); the union of the "
                                "parts is kept"));
    }

    void bowTieStillRepairedBothLobes()
    {
        // A bow-tie of two 100 × 50 triangles (5 000 m² in all) keeps both lobes.
        const double xy[] = {kOX, kOY, kOX + 100, kOY + 100, kOX + 100,
                             kOY, kOX, kOY + 100, kOX,       kOY};
        std::vector<std::string> repairs;
        const Geometry checked = SiteMeasurer::prepareSite(Geometry::polygon(xy), repairs);
        PL_COMPARE_NEAR(checked.area(), 5000.0, 0.01, "m²");
        QCOMPARE(repairs.size(), size_t(1));
        QVERIFY2(qs(repairs[0]).endsWith(QStringLiteral("; repaired with MakeValid")),
                 qPrintable(qs(repairs[0])));
    }

    void overlappingFeaturesCountOnce_data()
    {
        QTest::addColumn<bool>("farmlandIndexed");
        QTest::newRow("farmland through its R*Tree") << true;
        QTest::newRow("farmland kept in memory") << false;
    }
    void overlappingFeaturesCountOnce()
    {
        QFETCH(bool, farmlandIndexed);
        OverlapFixture fx(farmlandIndexed);
        CheckEngine engine(*fx.project, RuleSet::builtin());
        const CheckResult r = engine.check(orect(0, 0, 1000, 1000), {"覆盖全部", "", ""});
        const Measurement &m = r.measurement;
        PL_COMPARE_NEAR(m.siteAreaM2, 1000000.0, 0.01, "m²");

        // Farmland: two patches of 160 000 m² sharing 80 000: 240 000 m² (360 亩), not 320 000.
        const auto &farm = m.overlap("basic_farmland");
        PL_COMPARE_NEAR(farm.areaM2, 240000.0, 0.01, "m²");
        QCOMPARE(farm.features.size(), size_t(2));
        PL_COMPARE_NEAR(farm.features[0].areaM2, 160000.0, 0.01, "m²"); // each row its own
        PL_COMPARE_NEAR(farm.features[1].areaM2, 160000.0, 0.01, "m²");
        QVERIFY2(anyRepairContains(m, "layer 永久基本农田: features 1 (JB-1) and 2 (JB-2) overlap "
                                      "by 80000.00 m² under the site; the overlap is counted once "
                                      "(for feature 1)"),
                 qPrintable(repairsText(m)));

        // The red line: two zones of 90 000 m² sharing 30 000: 150 000 m², and named.
        PL_COMPARE_NEAR(m.overlap("eco_redline").areaM2, 150000.0, 0.01, "m²");
        QVERIFY2(anyRepairContains(m, "layer 生态保护红线: features 1 (HX-A) and 2 (HX-B) overlap "
                                      "by 30000.00 m² under the site; the eco_redline overlap "
                                      "counts it once"),
                 qPrintable(repairsText(m)));

        // Land use: the parcels cover 950 000 m² (95 %); parcel 101 lies wholly over the top
        // rows (500 + 4 000 m² a column), so the coverage stays 95 % and the coverage rule needs
        // attention.
        PL_COMPARE_NEAR(m.overlap("landuse").areaM2, 950000.0, 0.01, "m²");
        const RuleResult *coverage = rule(r, "data.coverage");
        QVERIFY(coverage);
        QCOMPARE(coverage->status, Status::Attention);
        // Cultivated land (0101 and 0102): the union, 950 000 m².
        PL_COMPARE_NEAR(m.overlap("cultivated").areaM2, 950000.0, 0.01, "m²");
        // 地类: the overlap goes to the lower fid (the 0101 parcels); the rows add up to the
        // land covered, never more.
        PL_COMPARE_NEAR(landuseRow(m, "0101"), 950000.0, 0.01, "m²");
        PL_COMPARE_NEAR(landuseRow(m, "0102"), 0.0, 0.01, "m²");
        PL_COMPARE_NEAR(landuseRowSum(m), 950000.0, 0.01, "m²");
        QVERIFY2(anyRepairContains(m, "layer 地类图斑: features 91 (T91) and 101 (X101) overlap "
                                      "by 4000.00 m² under the site; the overlap is counted once "
                                      "(for feature 91)"),
                 qPrintable(repairsText(m)));
        QVERIFY2(anyRepairContains(m, "layer 地类图斑: features 81 (T81) and 101 (X101) overlap "
                                      "by 500.00 m² under the site"),
                 qPrintable(repairsText(m)));
    }

    void siteOverPartOfTheOverlap()
    {
        // [300,1000]×[0,1000]: farmland JB-1 gives [300,400]×[0,400] (40 000), JB-2
        // [300,600]×[0,400] (120 000), which holds JB-1's piece: the union is 120 000 m².
        OverlapFixture fx;
        CheckEngine engine(*fx.project, RuleSet::builtin());
        const Measurement m = engine.check(orect(300, 0, 1000, 1000), {"部分", "", ""}).measurement;
        PL_COMPARE_NEAR(m.overlap("basic_farmland").areaM2, 120000.0, 0.01, "m²");
        // Land use: parcels cover [300,1000]×[0,950] = 665 000; parcel 101's piece lies over
        // them.
        PL_COMPARE_NEAR(m.overlap("landuse").areaM2, 665000.0, 0.01, "m²");
        PL_COMPARE_NEAR(landuseRowSum(m), 665000.0, 0.01, "m²");
    }

    void aSecondLayerOfTheSameRoleCountsOnce()
    {
        // A second farmland layer repeating JB-1: the farmland is still the union, 240 000 m².
        OverlapFixture fx(false);
        auto layer = [&](const char *name, Role role, const char *table) {
            LayerSpec s;
            s.name = name;
            s.role = role;
            s.table = table;
            s.geometryType = "MULTIPOLYGON";
            s.fields = {{"DLBM", FieldType::Text, ""}};
            return std::make_unique<LayerWriter>(*fx.project, s);
        };
        const Value v[] = {std::string("0101")};
        auto farm = layer("补充永久基本农田", Role::BasicFarmland, "basic_farmland_2");
        farm->add(orect(0, 0, 400, 400), v);
        farm->commit();
        auto landuse = layer("地类图斑2024", Role::Landuse, "landuse_2024");
        landuse->add(orect(0, 0, 100, 100), v);
        landuse->commit();
        CheckEngine engine(*fx.project, RuleSet::builtin());
        const Measurement m = engine.check(orect(0, 0, 1000, 1000), {"两层", "", ""}).measurement;
        PL_COMPARE_NEAR(m.overlap("basic_farmland").areaM2, 240000.0, 0.01, "m²");
        QCOMPARE(m.overlap("basic_farmland").features.size(), size_t(3));
        // Two land-use layers: said, not silently added up.
        QVERIFY2(anyRepairContains(m, "several land-use layers lie under the site (地类图斑, "
                                      "地类图斑2024)"),
                 qPrintable(repairsText(m)));
    }

    void overlapOutsideTheSiteIsNoNote()
    {
        // [600,1000]×[0,400]: only JB-2's [600,600]… nothing of JB-1; no farmland at all here
        // but the edge; parcels below y 400: 160 000 m², no overlap under the site.
        OverlapFixture fx;
        CheckEngine engine(*fx.project, RuleSet::builtin());
        const Measurement m = engine.check(orect(600, 0, 1000, 400), {"东侧", "", ""}).measurement;
        PL_COMPARE_NEAR(m.overlap("basic_farmland").areaM2, 0.0, 0.01, "m²");
        PL_COMPARE_NEAR(m.overlap("landuse").areaM2, 160000.0, 0.01, "m²");
        QVERIFY2(!anyRepairContains(m, "overlap by"), qPrintable(repairsText(m)));
    }
};

QTEST_GUILESS_MAIN(CheckOverlapsTest)
#include "overlapstest.moc"
