// The sample rule set on sites built to trip each rule (and the same sites where it must not
// trip), the rule file's own checks, and the exact Chinese text a reviewer reads.
#include "checkfixture.h"

#include "../testsupport.h"

#include <geodata/check/checkengine.h>
#include <geodata/layerwriter.h>

#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::check;
using namespace planlines::geodata::test;

namespace {

const RuleResult &rule(const CheckResult &r, const std::string &id)
{
    for (const auto &x : r.rules)
        if (x.id == id)
            return x;
    throw std::runtime_error("no rule " + id);
}

} // namespace

class RuleTest : public QObject
{
    Q_OBJECT
    CheckFixture fx;
    std::unique_ptr<CheckEngine> engine;

    CheckResult run(const Geometry &g, const char *industry, const char *use,
                    const char *name = "测试项目")
    {
        return engine->check(g, {name, industry, use, "", ""});
    }

private slots:
    void initTestCase() { engine = std::make_unique<CheckEngine>(*fx.project, RuleSet::builtin()); }

    void sampleRuleSetLoads()
    {
        const RuleSet rules = RuleSet::builtin();
        QCOMPARE(qs(rules.version()), QStringLiteral("2024.1-sample"));
        QCOMPARE(rules.size(), size_t(15));
        QCOMPARE(rules.checksum().size(), size_t(64));
        QVERIFY(RuleSet::industryMatches("C2614", {"C26"}));
        QVERIFY(RuleSet::industryMatches("c2651", {"C26"}));
        QVERIFY(!RuleSet::industryMatches("C3490", {"C26", "C25"}));
        QVERIFY(!RuleSet::industryMatches("", {"C"}));
    }

    void basicFarmland()
    {
        const auto r = run(rect(50, 50, 150, 150), "E4812", "交通运输用地");
        const auto &b = rule(r, "basic_farmland.occupy");
        QCOMPARE(b.status, Status::Fail);
        QCOMPARE(
            qs(b.text),
            QStringLiteral("选址占用永久基本农田 3.75 亩（2500.00 平方米，占选址面积 25.0%）。"
                           "永久基本农田经依法划定后，任何单位和个人不得擅自占用或者改变其用途；"
                           "重大建设项目选址确实难以避让的，须经国务院批准。"));
        QCOMPARE(qs(b.features.at(0).code), QStringLiteral("JBNT-1"));
        QCOMPARE(r.verdict, Status::Fail);
        // Beside the farmland: the rule passes.
        QCOMPARE(
            rule(run(rect(120, 120, 180, 180), "E4812", "交通运输用地"), "basic_farmland.occupy")
                .status,
            Status::Pass);
    }

    void redLine()
    {
        const auto fail = run(rect(350, 50, 450, 150), "G5920", "物流仓储用地");
        QCOMPARE(rule(fail, "eco_redline.construction").status, Status::Fail);
        QVERIFY(!rule(fail, "eco_redline.limited_activity").applicable);
        PL_COMPARE_NEAR(rule(fail, "eco_redline.construction").valueNumber, 7500.0, 0.01, "m²");
        // A listed activity (wetland restoration) only needs attention.
        const auto limited = run(rect(350, 50, 450, 150), "N7711", "公园绿地");
        QCOMPARE(rule(limited, "eco_redline.limited_activity").status, Status::Attention);
        QVERIFY(!rule(limited, "eco_redline.construction").applicable);
    }

    void urbanBoundary()
    {
        const auto out = run(rect(50, 50, 150, 150), "C3490", "工业用地");
        const auto &u = rule(out, "urban_boundary.outside_urban_construction");
        QCOMPARE(u.status, Status::Fail);
        PL_COMPARE_NEAR(u.valueNumber, 5000.0, 0.01, "m²");
        QVERIFY2(u.text.find("5000.00 平方米（7.50 亩，占选址面积 50.0%）") != std::string::npos,
                 u.text.c_str());
        const auto in = run(rect(10, 110, 190, 190), "C3490", "工业用地");
        QCOMPARE(rule(in, "urban_boundary.outside_urban_construction").status, Status::Pass);
        // Utilities outside: attention, except power generation (D44).
        const auto gas = run(rect(50, 50, 150, 150), "D4511", "公用设施用地");
        QCOMPARE(rule(gas, "urban_boundary.outside_utility").status, Status::Attention);
        QVERIFY(!rule(run(rect(50, 50, 150, 150), "D4416", "公用设施用地"),
                      "urban_boundary.outside_utility")
                     .applicable);
    }

    void chemicalOnlyInThePark()
    {
        const auto outside = run(rect(10, 110, 90, 190), "C2614", "工业用地");
        QCOMPARE(rule(outside, "chemical.outside_park").status, Status::Fail);
        QVERIFY2(rule(outside, "chemical.outside_park").text.find("仅占 0.0%") != std::string::npos,
                 rule(outside, "chemical.outside_park").text.c_str());
        const auto inside = run(rect(650, 50, 750, 150), "C2651", "工业用地");
        QCOMPARE(rule(inside, "chemical.outside_park").status, Status::Pass);
        // Half in the park is not in the park.
        QCOMPARE(
            rule(run(rect(550, 50, 650, 150), "C2614", "工业用地"), "chemical.outside_park").status,
            Status::Fail);
        QVERIFY(!rule(run(rect(10, 110, 90, 190), "C3490", "工业用地"), "chemical.outside_park")
                     .applicable);
    }

    void coalBoilers()
    {
        const auto r = run(rect(10, 110, 90, 190), "D4430", "公用设施用地", "某小区燃煤锅炉房");
        QCOMPARE(rule(r, "coal_boiler.dispersed").status, Status::Fail);
        QCOMPARE(rule(r, "coal_boiler.heat_supply").status, Status::Attention);
        const auto gas = run(rect(10, 110, 90, 190), "D4430", "公用设施用地", "燃气供热站");
        QVERIFY(!rule(gas, "coal_boiler.dispersed").applicable);
        QVERIFY(!rule(gas, "coal_boiler.heat_supply").applicable);
    }

    void priorityUnit()
    {
        const auto r = run(rect(420, 120, 480, 180), "C3490", "工业用地");
        const auto &p = rule(r, "priority_unit.no_industry");
        QCOMPARE(p.status, Status::Fail);
        QCOMPARE(qs(p.features.at(0).code), QStringLiteral("ZH37032210001"));
        QVERIFY(
            !rule(run(rect(420, 120, 480, 180), "N7850", "公园绿地"), "priority_unit.no_industry")
                 .applicable);
    }

    void corridor()
    {
        const auto park = run(rect(20, -40, 80, 40), "N7850", "公园绿地");
        QCOMPARE(rule(park, "corridor.occupy").status, Status::Fail);
        PL_COMPARE_NEAR(rule(park, "corridor.occupy").valueNumber, 2400.0, 0.01, "m²");
        QCOMPARE(qs(rule(park, "corridor.occupy").features.at(0).code), QStringLiteral("YB-01"));
        const auto sluice = run(rect(20, -40, 80, 40), "E4822", "水工设施用地");
        QCOMPARE(rule(sluice, "corridor.compatible").status, Status::Attention);
        QVERIFY(!rule(sluice, "corridor.occupy").applicable);
    }

    void levee()
    {
        const auto near = run(rect(10, 110, 90, 190), "C3490", "工业用地");
        const auto &l = rule(near, "levee.industry_near");
        QCOMPARE(l.status, Status::Attention);
        PL_COMPARE_NEAR(l.valueNumber, 170.0, 0.001, "m");
        QVERIFY2(l.text.find("距黄河大堤 170.0 米") != std::string::npos, l.text.c_str());
        QCOMPARE(
            rule(run(rect(10, 600, 90, 690), "C3490", "工业用地"), "levee.industry_near").status,
            Status::Pass);
    }

    // The water source zones are some features of the red line layer, picked by name; the
    // distance is to the nearest of them, and the rule names it.
    void waterSource()
    {
        const auto near = run(rect(850, 0, 950, 60), "C2614", "工业用地");
        const auto &w = rule(near, "water_source.industry_near");
        QCOMPARE(w.status, Status::Attention);
        PL_COMPARE_NEAR(w.valueNumber, 50.0, 0.001, "m");
        QCOMPARE(qs(w.value), QStringLiteral("距测试饮用水水源保护区 50.0 米"));
        QVERIFY2(w.text.find("工业项目距饮用水水源保护区 50.0 米") != std::string::npos,
                 w.text.c_str());
        // Not industry, or farther than 1 000 m: passes.
        QCOMPARE(
            rule(run(rect(850, 0, 950, 60), "D4416", "公用设施用地"), "water_source.industry_near")
                .status,
            Status::Pass);
        QCOMPARE(
            rule(run(rect(-200, 0, -100, 100), "C2614", "工业用地"), "water_source.industry_near")
                .status,
            Status::Pass);
        // The red line's other feature (测试湿地, 350 m nearer) is not a water source zone.
        DistanceTargetSpec t{"water_source", "eco_redline", {}, 3000, {"饮用水水源"}};
        QVERIFY(t.measuresTo("生态保护红线", "测试饮用水水源保护区"));
        QVERIFY(!t.measuresTo("生态保护红线", "测试湿地"));
        QVERIFY(t.measuresTo("饮用水水源保护区", "一级保护区")); // a layer of their own
        t.featureNameContains.clear();
        QVERIFY(t.measuresTo("黄河大堤", ""));
    }

    // A county without any water source zone: the distance is beyond the search, and passes.
    void noWaterSourceZone()
    {
        const QByteArray json = R"({"format": "planlines-rules/1", "version": "t1",
            "distance_targets": [{"key": "ws", "role": "eco_redline",
                                  "feature_name_contains": ["没有这种水源"], "search_m": 3000}],
            "rules": [{"id": "ws.near", "title": "水源", "applies_to": "eco_redline",
                       "condition": {"type": "distance_below", "target": "ws", "meters": 1000},
                       "outcome": "attention", "text": "近 {distance_m}", "source": "测试"}]})";
        CheckEngine own(*fx.project, RuleSet::fromJson(json, "test rules"));
        const auto r = own.check(rect(850, 0, 950, 60), {"无水源", "C2614"});
        QCOMPARE(r.rules.size(), size_t(1));
        QCOMPARE(r.rules[0].status, Status::Pass);
        QCOMPARE(qs(r.rules[0].value), QStringLiteral("距没有这种水源超过 3000 米"));
    }

    void cultivatedLand()
    {
        const auto r = run(rect(50, 50, 150, 150), "E4812", "交通运输用地");
        const auto &c = rule(r, "cultivated.occupy");
        QCOMPARE(c.status, Status::Attention);
        QCOMPARE(
            qs(c.text),
            QStringLiteral("选址占用耕地 7.50 亩，其中城镇集中建设区外 7.50 亩（5000.00 平方米，"
                           "0.5000 公顷，占选址面积 50.0%），须按“占多少、垦多少”落实耕地占补平衡，"
                           "占优补优。城镇集中建设区内的耕地已纳入城镇建设用地规划，随批次用地办理"
                           "农用地转用和补充耕地。"));
        QCOMPARE(c.features.size(), size_t(2));
    }

    void cultivatedLandInsideTheConcentratedZone()
    {
        // A field inside the 城镇集中建设区 (700..750 × 150..200) and one outside every zone.
        CheckFixture own;
        LayerSpec s;
        s.name = "地类图斑（补）";
        s.role = Role::Landuse;
        s.table = "landuse_extra";
        s.geometryType = "MULTIPOLYGON";
        s.fields = {{"DLBM", FieldType::Text, ""}, {"DLMC", FieldType::Text, ""}};
        s.source = "test";
        LayerWriter w(*own.project, s);
        const Value v[] = {std::string("0101"), std::string("水田")};
        w.add(rect(700, 150, 750, 200), v);
        w.add(rect(850, 150, 900, 200), v);
        w.commit();
        CheckEngine e(*own.project, RuleSet::builtin());
        const auto inside =
            e.check(rect(650, 150, 760, 210), {"区内", "R8850", "文化用地", "", ""});
        const auto &c = rule(inside, "cultivated.occupy");
        QCOMPARE(c.status, Status::Pass);
        PL_COMPARE_NEAR(inside.measurement.overlap("cultivated").areaM2, 2500.0, 0.01, "m²");
        QVERIFY2(c.value.find("共 3.75 亩") != std::string::npos, c.value.c_str());
        // One field inside the zone, one beyond it: only the one beyond counts.
        const auto across =
            e.check(rect(700, 150, 900, 260), {"跨区", "R8850", "文化用地", "", ""});
        PL_COMPARE_NEAR(rule(across, "cultivated.occupy").valueNumber, 2500.0, 0.01, "m²");
        QCOMPARE(rule(across, "cultivated.occupy").status, Status::Attention);
    }

    void badRuleFilesAreRefusedByName()
    {
        PL_VERIFY_THROWS_WITH(Error, RuleSet::fromJson("{", "r.json"), "r.json", "not valid JSON");
        PL_VERIFY_THROWS_WITH(Error, RuleSet::fromJson(R"({"rules":[]})", "r.json"), "version");
        PL_VERIFY_THROWS_WITH(
            Error,
            RuleSet::fromJson(R"({"version":"1","rules":[{"id":"a","condition":{"type":"near"},
                "outcome":"fail","text":"t"}]})",
                              "r.json"),
            "rule a", "unknown condition type \"near\"");
        PL_VERIFY_THROWS_WITH(
            Error,
            RuleSet::fromJson(R"({"version":"1","rules":[{"id":"a","condition":{"type":"always"},
                "outcome":"maybe","text":"t"}]})",
                              "r.json"),
            "outcome must be");
        PL_VERIFY_THROWS_WITH(Error, RuleSet::fromFile("/nonexistent/rules.json"),
                              "/nonexistent/rules.json");
    }

    void missingLayerNeedsAttention()
    {
        // A project without an urban boundary cannot say a site is inside it.
        TestStore store("empty");
        auto p = Project::create(store.location(), "EPSG:4548", "空", "0");
        CheckEngine e(*p, RuleSet::builtin());
        const auto r = e.check(rect(0, 0, 10, 10), {"无图层", "C3490", "工业用地", "", ""});
        const auto &u = rule(r, "urban_boundary.outside_urban_construction");
        QCOMPARE(u.status, Status::Attention);
        QCOMPARE(qs(u.text),
                 QStringLiteral("无法检查“城镇建设应在城镇开发边界内”：项目中没有所需图层（"
                                "urban_boundary）"));
    }
};

QTEST_GUILESS_MAIN(RuleTest)
#include "ruletest.moc"
