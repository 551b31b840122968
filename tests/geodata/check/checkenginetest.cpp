// CheckEngine on hand-made layers: overlap areas of squares and L-shapes against answers worked
// out by hand (to 0.01 m²), the area arithmetic of every role, the blob reader against
// SpatiaLite's own WKB, bad sites, and batches on several threads.
#include "checkfixture.h"

#include "../testsupport.h"

#include <geodata/check/checkengine.h>
#include <geodata/check/checkrecords.h>
#include <geodata/check/sitemeasurer.h>
#include <geodata/check/spatialiteblob.h>

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>

using namespace planlines::geodata;
using namespace planlines::geodata::check;
using namespace planlines::geodata::test;

namespace {

double landuseArea(const Measurement &m, const std::string &dlbm)
{
    for (const auto &row : m.landuse)
        if (row.dlbm == dlbm)
            return row.areaM2;
    return 0;
}

} // namespace

class CheckEngineTest : public QObject
{
    Q_OBJECT
    CheckFixture fx;
    std::unique_ptr<CheckEngine> engine;

private slots:
    void initTestCase() { engine = std::make_unique<CheckEngine>(*fx.project, RuleSet::builtin()); }

    void squareOverThreeParcelsAndTwoZones()
    {
        // [50,150]²: a quarter of each of A (0101), B (0103), C (201), D (1104).
        const auto r = engine->check(rect(50, 50, 150, 150), {"方块", "C3490", "工业用地"});
        const Measurement &m = r.measurement;
        PL_COMPARE_NEAR(m.siteAreaM2, 10000.0, 0.01, "m²");
        PL_COMPARE_NEAR(landuseArea(m, "0101"), 2500.0, 0.01, "m²");
        PL_COMPARE_NEAR(landuseArea(m, "0103"), 2500.0, 0.01, "m²");
        PL_COMPARE_NEAR(landuseArea(m, "201"), 2500.0, 0.01, "m²");
        PL_COMPARE_NEAR(landuseArea(m, "1104"), 2500.0, 0.01, "m²");
        QCOMPARE(m.landuse.size(), size_t(4));
        PL_COMPARE_NEAR(m.overlap("cultivated").areaM2, 5000.0, 0.01, "m²");
        QCOMPARE(m.overlap("cultivated").features.size(), size_t(2));
        QCOMPARE(qs(m.overlap("cultivated").features[0].code), QStringLiteral("A"));
        QCOMPARE(qs(m.overlap("cultivated").features[1].name), QStringLiteral("旱地"));
        PL_COMPARE_NEAR(m.overlap("basic_farmland").areaM2, 2500.0, 0.01, "m²");
        QCOMPARE(qs(m.overlap("basic_farmland").features.at(0).code), QStringLiteral("JBNT-1"));
        // Two zones of the urban boundary, each a quarter; their union half the site.
        const auto &urban = m.overlap("urban_boundary");
        PL_COMPARE_NEAR(urban.areaM2, 5000.0, 0.01, "m²");
        QCOMPARE(urban.features.size(), size_t(2));
        QCOMPARE(qs(urban.features[0].name), QStringLiteral("城镇集中建设区"));
        QCOMPARE(qs(urban.features[1].name), QStringLiteral("城镇弹性发展区"));
        PL_COMPARE_NEAR(m.overlap("eco_redline").areaM2, 0.0, 0.01, "m²");
        PL_COMPARE_NEAR(m.overlap("corridor").areaM2, 0.0, 0.01, "m²");
        const auto &units = m.overlap("control_unit");
        QCOMPARE(units.features.size(), size_t(1));
        QCOMPARE(units.features[0].unitClass, 3);
        QCOMPARE(qs(units.features[0].listEntries.at(0).first), QStringLiteral("KJBJYS"));
        QCOMPARE(qs(units.features[0].listEntries.at(0).second), QStringLiteral("一般要求"));
        // The levee runs 110 m below the site; the water source zone is 850 m east (within
        // the 3 000 m the rule file searches).
        QCOMPARE(m.distances.size(), size_t(2));
        PL_COMPARE_NEAR(m.distances[0].meters, 110.0, 0.001, "m");
        QCOMPARE(qs(m.distances[0].layer), QStringLiteral("黄河大堤"));
        QCOMPARE(qs(m.distances[0].named), QString());
        QCOMPARE(qs(m.distances[1].target), QStringLiteral("water_source"));
        PL_COMPARE_NEAR(m.distances[1].meters, 850.0, 0.001, "m");
        QCOMPARE(qs(m.distances[1].layer), QStringLiteral("生态保护红线"));
        QCOMPARE(qs(m.distances[1].named), QStringLiteral("测试饮用水水源保护区"));
    }

    void lShapes()
    {
        // An L-shaped site over A, B and C (not D): 30 000 m², 20 000 of it cultivated.
        const auto r =
            engine->check(poly({0, 0, 200, 0, 200, 100, 100, 100, 100, 200, 0, 200}), {"L"});
        PL_COMPARE_NEAR(r.measurement.siteAreaM2, 30000.0, 0.01, "m²");
        PL_COMPARE_NEAR(r.measurement.overlap("cultivated").areaM2, 20000.0, 0.01, "m²");
        PL_COMPARE_NEAR(landuseArea(r.measurement, "201"), 10000.0, 0.01, "m²");
        PL_COMPARE_NEAR(landuseArea(r.measurement, "1104"), 0.0, 0.01, "m²");
        PL_COMPARE_NEAR(r.measurement.overlap("basic_farmland").areaM2, 10000.0, 0.01, "m²");
        // A square across the L-shaped red line: 100×50 + 50×50 inside it.
        const auto red = engine->check(rect(350, 50, 450, 150), {"红线"});
        PL_COMPARE_NEAR(red.measurement.overlap("eco_redline").areaM2, 7500.0, 0.01, "m²");
        QCOMPARE(qs(red.measurement.overlap("eco_redline").features.at(0).name),
                 QStringLiteral("测试湿地"));
        PL_COMPARE_NEAR(red.measurement.overlap("eco_redline").features.at(0).areaM2, 7500.0, 0.01,
                        "m²");
    }

    void overlapPlusRemainderIsTheSite_data()
    {
        QTest::addColumn<QString>("wkt");
        QTest::newRow("square") << QString::fromStdString(rect(50, 50, 150, 150).wkt(6));
        QTest::newRow("L") << QString::fromStdString(
            poly({0, 0, 200, 0, 200, 100, 100, 100, 100, 200, 0, 200}).wkt(6));
        QTest::newRow("skew") << QString::fromStdString(
            poly({-13.7, -40.2, 433.1, 12.9, 390.4, 187.3, 12.2, 150.1}).wkt(6));
        // Tilted: the parcels in the corners of its box are pruned by the spatial index.
        QTest::newRow("diamond") << QString::fromStdString(
            poly({100, -40, 240, 100, 100, 240, -40, 100}).wkt(6));
        QTest::newRow("with hole") << QString::fromStdString(
            rect(20, -80, 780, 180).difference(rect(120.5, 20.25, 650.75, 140.125)).wkt(6));
    }
    void overlapPlusRemainderIsTheSite()
    {
        QFETCH(QString, wkt);
        const Geometry site = Geometry::fromWkt(wkt.toStdString());
        const auto r = engine->check(site, {"算术"});
        const double siteM2 = r.measurement.siteAreaM2;
        PL_COMPARE_NEAR(siteM2, site.area(), 1e-6, "m²");
        for (const char *role : {"basic_farmland", "eco_redline", "urban_boundary", "corridor",
                                 "control_unit", "landuse"}) {
            // The remainder, computed apart: the site minus the union of the role's layer.
            std::vector<Geometry> all;
            auto features = fx.project->features(fx.project->layers(*roleFromId(role)).at(0));
            for (auto c = features->query({}); c->next();)
                all.push_back(c->geometry());
            const double remainder = site.difference(unaryUnion(std::move(all))).area();
            const double overlap = r.measurement.overlap(role).areaM2;
            QVERIFY2(std::abs(overlap + remainder - siteM2) <= 1e-6 * siteM2,
                     qPrintable(QStringLiteral("%1: %2 + %3 vs %4")
                                    .arg(role)
                                    .arg(overlap, 0, 'f', 6)
                                    .arg(remainder, 0, 'f', 6)
                                    .arg(siteM2, 0, 'f', 6)));
        }
    }

    void blobReaderMatchesSpatialite()
    {
        PL_SPATIALITE_ONLY("compares the stored BLOBs with SpatiaLite's AsBinary");
        auto st = fx.project->db().prepare(
            "SELECT geom, AsBinary(geom) FROM landuse UNION ALL SELECT geom, AsBinary(geom) "
            "FROM levee UNION ALL SELECT geom, AsBinary(geom) FROM eco_redline");
        int n = 0;
        while (st.step()) {
            const Geometry ours = SpatialiteBlob::toGeometry(st.blob(0));
            const Geometry theirs = Geometry::fromWkb(st.blob(1));
            QCOMPARE(qs(ours.wkt(6)), qs(theirs.wkt(6)));
            const auto env = SpatialiteBlob::envelope(st.blob(0));
            QVERIFY(env);
            PL_COMPARE_NEAR(env->minX, theirs.envelope().minX, 1e-9, "m");
            ++n;
        }
        QCOMPARE(n, 10);
        // Damaged blobs are refused with a reason, never read past their end.
        auto blob = fx.project->db().scalar("SELECT geom FROM landuse WHERE fid = 1");
        Blob b = std::get<Blob>(*blob);
        b.resize(b.size() - 20);
        b.back() = 0xFE;
        PL_VERIFY_THROWS_WITH(Error, SpatialiteBlob::toGeometry(b),
                              "malformed SpatiaLite geometry");
        QVERIFY(!SpatialiteBlob::envelope(Blob{1, 2, 3}));
    }

    // A project whose working CRS is geographic would measure degrees: the check refuses it.
    void geographicProjectIsRefused()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("geo.sqlite")).toStdString();
        auto project = Project::create(path, "EPSG:4490", "高青县", "370322");
        PL_VERIFY_THROWS_WITH(Error, CheckEngine(*project, RuleSet::builtin()), path,
                              "working CRS EPSG:4490", "is not projected in metres",
                              "--project-srs EPSG:4548");
    }

    void badSites()
    {
        // A bow-tie over A and B: repaired into its two triangles, and said so.
        const auto bow = engine->check(poly({0, 0, 200, 100, 200, 0, 0, 100}), {"蝴蝶结"});
        QCOMPARE(bow.measurement.repairs.size(), size_t(1));
        QVERIFY2(bow.measurement.repairs[0].find("Self-intersection") != std::string::npos,
                 bow.measurement.repairs[0].c_str());
        PL_COMPARE_NEAR(bow.measurement.siteAreaM2, 10000.0, 0.01, "m²");
        PL_COMPARE_NEAR(bow.measurement.overlap("cultivated").areaM2, 10000.0, 0.01, "m²");

        PL_VERIFY_THROWS_WITH(Error, engine->check(Geometry::fromWkt("POLYGON EMPTY"), {"空"}),
                              "site 空", "empty");
        PL_VERIFY_THROWS_WITH(Error, engine->check(Geometry::point(kX0, kY0), {"点"}),
                              "not a polygon");
        // Far away: nothing overlaps, and the coverage rule says the site lies off the data.
        const auto far = engine->check(rect(50000, 50000, 50100, 50100), {"远处"});
        QCOMPARE(far.measurement.landuse.size(), size_t(0));
        QCOMPARE(far.verdict, Status::Attention);
        bool coverage = false;
        for (const auto &rule : far.rules)
            coverage |= rule.id == "data.coverage" && rule.status == Status::Attention;
        QVERIFY(coverage);
    }

    void nonFiniteSite()
    {
        // GEOS builds a polygon with a NaN vertex from WKT; the engine refuses it by name.
        const Geometry g = Geometry::fromWkt("POLYGON((570000 4115000, 570100 4115000, "
                                             "570100 NaN, 570000 4115000))");
        PL_VERIFY_THROWS_WITH(Error, engine->check(g, {"坏点"}), "non-finite");
    }

    void invalidLayerFeatureDoesNotStopTheCheck()
    {
        CheckFixture bad;
        {
            LayerSpec s;
            s.name = "坏图斑";
            s.role = Role::Landuse;
            s.table = "bad_landuse";
            s.geometryType = "MULTIPOLYGON";
            s.fields = {{"DLBM", FieldType::Text, ""}};
            s.source = "test";
            LayerWriter w(*bad.project, s);
            const Value v[] = {std::string("0101")};
            w.add(poly({1000, 0, 1200, 100, 1200, 0, 1000, 100}), v); // bow-tie
            w.commit();
        }
        CheckEngine e(*bad.project, RuleSet::builtin());
        const auto r = e.check(rect(1050, 20, 1250, 80), {"跨坏图斑"});
        QVERIFY(r.measurement.siteAreaM2 > 0);
        QVERIFY(r.measurement.overlap("cultivated").areaM2 >= 0);
    }

    // Text that is not UTF-8 (GBK bytes) matches no rule and would make the result's JSON
    // unreadable: a site's inputs are refused, a layer's text stops the result being written,
    // and a result that does not parse is an error, never an empty object.
    void textThatIsNotUtf8()
    {
        const std::string gbk = "\xB9\xF8\xC2\xAF"; // 锅炉
        PL_VERIFY_THROWS_WITH(Error, engine->check(rect(50, 50, 150, 150), {gbk + "房"}),
                              "the site's name is not UTF-8 text (invalid UTF-8 byte sequence "
                              "at byte offset 0)");
        SiteInputs use{"方块", "C3490", gbk, "", "f.shp, layer f, feature 3"};
        PL_VERIFY_THROWS_WITH(Error, engine->check(rect(50, 50, 150, 150), use),
                              "f.shp, layer f, feature 3: the site's use is not UTF-8 text");
        std::vector<CheckRequest> sites;
        sites.push_back({rect(50, 50, 150, 150), {"好"}});
        sites.push_back({rect(50, 50, 150, 150), {"坏", "", "", gbk}});
        const auto batch = engine->checkAll(sites);
        QVERIFY(batch[0].ok());
        QVERIFY2(batch[1].error.find("the site's description is not UTF-8 text") !=
                     std::string::npos,
                 batch[1].error.c_str());

        CheckFixture bad;
        {
            LayerSpec s;
            s.name = "乱码图斑";
            s.role = Role::Landuse;
            s.table = "gbk_landuse";
            s.geometryType = "MULTIPOLYGON";
            s.fields = {{"DLBM", FieldType::Text, ""}, {"DLMC", FieldType::Text, ""}};
            s.source = "test";
            LayerWriter w(*bad.project, s);
            const Value v[] = {std::string("0101"), std::string("\xBA\xB5\xB5\xD8")}; // 旱地
            if (bad.project->engine() == Engine::PostGIS) {
                // A server keeps UTF-8 only: such a layer is refused when written, by name.
                PL_VERIFY_THROWS_WITH(Error, w.add(rect(1000, 0, 1200, 100), v),
                                      "layer 乱码图斑, feature 1: field DLMC: the text is not "
                                      "UTF-8 (invalid UTF-8 byte sequence at byte offset 0), "
                                      "and a PostgreSQL project stores UTF-8 text only");
                return;
            }
            w.add(rect(1000, 0, 1200, 100), v);
            w.commit();
        }
        CheckEngine e(*bad.project, RuleSet::builtin());
        PL_VERIFY_THROWS_WITH(Error, e.check(rect(1050, 20, 1150, 80), {"跨乱码图斑"}),
                              "a text of the result is not valid UTF-8 (byte offset 0");

        CheckResult unreadable;
        unreadable.inputs.name = "坏结果";
        unreadable.jsonText = "{\"site\":{\"name\":\"" + gbk + "\"}}";
        PL_VERIFY_THROWS_WITH(Error, unreadable.jsonObject({}), "site 坏结果",
                              "the check result cannot be read as JSON");
    }

    void batchOnAllCoresMatchesOneByOne()
    {
        std::vector<CheckRequest> sites;
        for (int i = 0; i < 120; ++i) {
            CheckRequest r;
            r.site = rect(i * 6.5 - 50, -70 + i, i * 6.5 + 30, 40 + i);
            r.inputs.name = "批量 " + std::to_string(i);
            r.inputs.industry = i % 2 ? "C2614" : "D4416";
            r.inputs.use = "工业用地";
            sites.push_back(std::move(r));
        }
        sites[7].site = Geometry::fromWkt("POLYGON EMPTY");
        std::atomic<int> calls{0};
        BatchOptions o;
        o.threads = 3;
        o.progress = [&](std::size_t done, std::size_t total) {
            QCOMPARE(total, size_t(120));
            QVERIFY(done >= 1 && done <= 120);
            ++calls;
        };
        const auto results = engine->checkAll(sites, o);
        QCOMPARE(calls.load(), 120);
        QVERIFY(!results[7].ok());
        QVERIFY2(results[7].error.find("empty") != std::string::npos, results[7].error.c_str());
        const QJsonObject prov = engine->provenance();
        for (size_t i = 0; i < sites.size(); ++i) {
            if (i == 7)
                continue;
            const auto one = engine->check(sites[i].site, sites[i].inputs);
            QCOMPARE(results[i].toJson(prov), one.toJson(prov));
            QCOMPARE(results[i].jsonText, one.jsonText);
            // The text the engine writes is the document toJson builds.
            QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(one.jsonText)).object(),
                     QJsonDocument::fromJson(QJsonDocument(one.toJson(prov)).toJson()).object());
        }
        // Cancelled at once: nothing is checked, and every site says why.
        BatchOptions stop;
        stop.cancelled = [] { return true; };
        const auto none = engine->checkAll(sites, stop);
        for (const auto &r : none)
            QCOMPARE(qs(r.error), QStringLiteral("cancelled before this site was checked"));
    }

    // One site measured by two measurers at once (each taking the candidates of one parity of
    // rowid, as CheckEngine::check does on two cores) gives the same bits as one measurer.
    void splitScanGivesTheSameBits()
    {
        const RuleSet rules = RuleSet::builtin();
        const EnginePlan plan =
            EnginePlan::of(*fx.project, rules.distanceTargets(), rules.exclusions());
        SiteMeasurer one(plan), two(plan);
        const std::vector<Geometry> sites = [] {
            std::vector<Geometry> v;
            v.push_back(rect(50, 50, 150, 150));
            v.push_back(poly({0, 0, 200, 0, 200, 100, 100, 100, 100, 200, 0, 200}));
            v.push_back(poly({100, -40, 240, 100, 100, 240, -40, 100}));
            v.push_back(rect(-20, -80, 780, 220)); // every parcel, wholly or in part
            return v;
        }();
        for (const Geometry &site : sites) {
            const Measurement a = one.measure(site);
            const Measurement b = one.measure(site, &two);
            QCOMPARE(b.siteAreaM2, a.siteAreaM2);
            for (const char *role : kOverlapRoles) {
                const RoleOverlap &x = a.overlap(role), &y = b.overlap(role);
                QCOMPARE(y.areaM2, x.areaM2); // bit for bit
                QCOMPARE(y.features.size(), x.features.size());
                for (size_t i = 0; i < x.features.size(); ++i) {
                    QCOMPARE(y.features[i].fid, x.features[i].fid);
                    QCOMPARE(y.features[i].areaM2, x.features[i].areaM2);
                }
            }
            QCOMPARE(b.landuse.size(), a.landuse.size());
            for (size_t i = 0; i < a.landuse.size(); ++i) {
                QCOMPARE(qs(b.landuse[i].dlbm), qs(a.landuse[i].dlbm));
                QCOMPARE(b.landuse[i].areaM2, a.landuse[i].areaM2);
                QCOMPARE(b.landuse[i].parcels, a.landuse[i].parcels);
            }
            QCOMPARE(b.outsideOf, a.outsideOf);
            QCOMPARE(b.repairs, a.repairs);
        }
        // The whole fixture: all seven parcels, split between the two.
        const Measurement all = one.measure(sites.back(), &two);
        int parcels = 0;
        for (const auto &row : all.landuse)
            parcels += row.parcels;
        QCOMPARE(parcels, 7);
    }

    // keepDetail = false: the same packed text and areas, without the feature lists or the
    // text itself in memory; jsonObject() unpacks the stored form.
    void batchWithoutDetail()
    {
        std::vector<CheckRequest> sites(3);
        sites[0].site = rect(50, 50, 150, 150);
        sites[1].site = rect(-20, -20, 260, 120);
        sites[2].site = rect(650, 50, 700, 100);
        for (int i = 0; i < 3; ++i)
            sites[i].inputs = {"精简 " + std::to_string(i), "C2614", "工业用地"};
        const auto full = engine->checkAll(sites);
        BatchOptions lean;
        lean.keepDetail = false;
        const auto reduced = engine->checkAll(sites, lean);
        for (int i = 0; i < 3; ++i) {
            QVERIFY(reduced[i].jsonText.empty());
            QVERIFY(!full[i].jsonText.empty());
            QCOMPARE(CheckRecords::unpack(reduced[i].packedJson), full[i].jsonText);
            QCOMPARE(reduced[i].packedJson, full[i].packedJson);
            QCOMPARE(reduced[i].verdict, full[i].verdict);
            PL_COMPARE_NEAR(reduced[i].measurement.overlap("cultivated").areaM2,
                            full[i].measurement.overlap("cultivated").areaM2, 1e-9, "m²");
            QVERIFY(reduced[i].measurement.landuse.empty());
            for (const auto &[role, o] : reduced[i].measurement.overlaps)
                QVERIFY2(o.features.empty(), role.c_str());
            QCOMPARE(reduced[i].jsonObject(engine->provenance()),
                     full[i].jsonObject(engine->provenance()));
        }
        QVERIFY(!full[0].measurement.overlap("cultivated").features.empty());
    }

    // A batch reads one snapshot per worker, and gives it up when done: the idle engine keeps
    // no read transaction, so the project's writer checkpoints the whole WAL afterwards.
    void idleEngineHoldsNoSnapshot()
    {
        PL_SPATIALITE_ONLY("checkpoints the file's WAL");
        std::vector<CheckRequest> sites(6);
        for (int i = 0; i < 6; ++i) {
            sites[i].site = rect(i * 20, 0, i * 20 + 15, 15);
            sites[i].inputs.name = "快照 " + std::to_string(i);
        }
        BatchOptions o;
        o.threads = 2;
        QCOMPARE(engine->checkAll(sites, o).size(), size_t(6));
        fx.project->audit("test.write", "audit_log", "1", "{}");
        auto st = fx.project->db().prepare("PRAGMA wal_checkpoint(TRUNCATE)");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), std::int64_t{0}); // 1 would mean a reader blocked it
        QCOMPARE(st.int64(1), std::int64_t{0}); // the WAL was emptied
    }
};

QTEST_GUILESS_MAIN(CheckEngineTest)
#include "checkenginetest.moc"
