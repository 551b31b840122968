// The check on the sample county: every conflicting sample site is caught by the rule it was
// built to trip (YQJG, read here and never by the engine), every clean one passes, and the
// land-use figures equal SpatiaLite SQL's ST_Area(ST_Intersection(…)) grouped by DLBM, for the
// sample sites and for detailed ones (an outline of 20 000 vertices, a site of 3 000 parts,
// measured through their tiles), whose farmland and control-unit areas equal SQL's too.
#include "../testsupport.h"

#include <geodata/check/checkengine.h>
#include <geodata/check/sitereader.h>

#include <QTest>

#include <cmath>
#include <map>
#include <numbers>
#include <tuple>

using namespace planlines::geodata;
using namespace planlines::geodata::check;
using namespace planlines::geodata::test;

class SampleCheckTest : public QObject
{
    Q_OBJECT
    std::unique_ptr<Project> project;
    std::unique_ptr<CheckEngine> engine;

private slots:
    void initTestCase()
    {
        project = Project::open(PLANLINES_SAMPLE_DB, /*readOnly=*/true);
        engine = std::make_unique<CheckEngine>(*project, RuleSet::builtin());
    }

    void everySampleSiteIsCaughtByItsRule()
    {
        // What each expectation means: a rule of this family must not pass.
        const std::map<QString, QString> family{{"basic_farmland", "basic_farmland."},
                                                {"eco_redline", "eco_redline."},
                                                {"chemical_outside_park", "chemical.outside_park"},
                                                {"corridor", "corridor."},
                                                {"outside_urban", "urban_boundary.outside"},
                                                {"cultivated", "cultivated.occupy"}};
        std::map<std::string, QString> expected;
        auto st = project->db().prepare("SELECT XMMC, YQJG FROM site");
        while (st.step())
            expected[st.text(0)] = qs(st.text(1));
        const SiteBatch batch = SiteReader::fromProject(*project);
        QCOMPARE(batch.sites.size(), expected.size());
        QVERIFY(batch.sites.size() >= 30);
        const auto results = engine->checkAll(batch.sites);
        int clean = 0, conflicts = 0;
        for (const auto &r : results) {
            QVERIFY2(r.ok(), r.error.c_str());
            const QString want = expected.at(r.inputs.name);
            const QString name = qs(r.inputs.name);
            if (want == QLatin1String("pass")) {
                ++clean;
                QStringList notPassed;
                for (const auto &rule : r.rules)
                    if (rule.status != Status::Pass)
                        notPassed << qs(rule.id + ": " + rule.text);
                QVERIFY2(r.verdict == Status::Pass,
                         qPrintable(name + " should pass: " + notPassed.join("; ")));
                continue;
            }
            ++conflicts;
            QVERIFY2(family.count(want), qPrintable(name + ": unknown YQJG " + want));
            bool caught = false;
            for (const auto &rule : r.rules)
                caught |= rule.status != Status::Pass && qs(rule.id).startsWith(family.at(want));
            QVERIFY2(caught, qPrintable(name + " was not caught by " + family.at(want)));
            QVERIFY(r.verdict != Status::Pass);
        }
        QVERIFY(clean >= 5);
        QVERIFY(conflicts >= 10);
    }

    void landuseEqualsSpatialiteSql_data()
    {
        QTest::addColumn<QString>("site");
        QTest::newRow("cultivated") << QStringLiteral("高苑新能源汇集站");
        QTest::newRow("farmland") << QStringLiteral("通威农光互补光伏发电项目");
        QTest::newRow("wetland") << QStringLiteral("李官湿地提升改造工程");
        QTest::newRow("urban") << QStringLiteral("规划纵二路建设工程");
    }
    void landuseEqualsSpatialiteSql()
    {
        QFETCH(QString, site);
        const SiteBatch batch = SiteReader::fromProject(*project, site.toStdString());
        QCOMPARE(batch.sites.size(), size_t(1));
        const auto r = engine->check(batch.sites[0].site, batch.sites[0].inputs);
        auto st = project->db().prepare(
            "SELECT p.DLBM, SUM(ST_Area(ST_Intersection(s.geom, p.geom))) FROM site AS s "
            "JOIN landuse AS p ON p.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE "
            "f_table_name = 'landuse' AND f_geometry_column = 'geom' AND search_frame = s.geom) "
            "WHERE s.XMMC = ? AND ST_Intersects(s.geom, p.geom) GROUP BY p.DLBM "
            "HAVING SUM(ST_Area(ST_Intersection(s.geom, p.geom))) > 0 ORDER BY p.DLBM");
        st.bind(1, site.toStdString());
        std::map<std::string, double> sql;
        double cultivated = 0;
        while (st.step()) {
            sql[st.text(0)] = st.real(1);
            if (st.text(0).rfind("01", 0) == 0)
                cultivated += st.real(1);
        }
        QVERIFY(!sql.empty());
        QCOMPARE(r.measurement.landuse.size(), sql.size());
        for (const auto &row : r.measurement.landuse)
            PL_COMPARE_NEAR(row.areaM2, sql.at(row.dlbm), 0.01, "m²");
        PL_COMPARE_NEAR(r.measurement.overlap("cultivated").areaM2, cultivated, 0.01, "m²");
        const double siteM2 = std::get<double>(*project->db().scalar(
            "SELECT ST_Area(geom) FROM site WHERE XMMC = ?", site.toStdString()));
        PL_COMPARE_NEAR(r.measurement.siteAreaM2, siteM2, 0.01, "m²");
    }

    // The report's land-use rows (issue 19): by DLBM, QSXZ, ZLDWMC and GDDB, the villages, the
    // 耕地 by 等别 and the townships, each against SpatiaLite's own overlay of the site.
    void landuseDetailEqualsSpatialiteSql_data() { landuseEqualsSpatialiteSql_data(); }
    void landuseDetailEqualsSpatialiteSql()
    {
        QFETCH(QString, site);
        const SiteBatch batch = SiteReader::fromProject(*project, site.toStdString());
        const auto r = engine->check(batch.sites[0].site, batch.sites[0].inputs);
        const Measurement &m = r.measurement;
        auto st = project->db().prepare(
            "SELECT p.DLBM, p.QSXZ, p.ZLDWMC, COALESCE(CAST(p.GDDB AS TEXT), ''), "
            "SUM(ST_Area(ST_Intersection(s.geom, p.geom))), "
            "SUM(ST_Area(ST_Intersection(s.geom, p.geom)) * (1 - COALESCE(p.KCXS, 0))) "
            "FROM site AS s JOIN landuse AS p ON p.ROWID IN (SELECT ROWID FROM SpatialIndex "
            "WHERE f_table_name = 'landuse' AND f_geometry_column = 'geom' AND search_frame = "
            "s.geom) WHERE s.XMMC = ? AND ST_Intersects(s.geom, p.geom) "
            "GROUP BY 1, 2, 3, 4 HAVING SUM(ST_Area(ST_Intersection(s.geom, p.geom))) > 0");
        st.bind(1, site.toStdString());
        std::map<std::tuple<std::string, std::string, std::string, std::string>,
                 std::pair<double, double>>
            sql;
        std::map<std::string, double> villages, grades, owners;
        while (st.step()) {
            sql[{st.text(0), st.text(1), st.text(2), st.text(3)}] = {st.real(4), st.real(5)};
            villages[st.text(2)] += st.real(4);
            owners[st.text(1)] += st.real(4);
            if (st.text(0).rfind("01", 0) == 0)
                grades[st.text(3)] += st.real(4);
        }
        QCOMPARE(m.landuseDetail.size(), sql.size());
        for (const auto &row : m.landuseDetail) {
            const auto it = sql.find({row.dlbm, row.qsxz, row.zldwmc, row.gddb});
            QVERIFY2(it != sql.end(), (row.dlbm + " " + row.zldwmc + " " + row.gddb).c_str());
            PL_COMPARE_NEAR(row.areaM2, it->second.first, 0.01, "m²");
            PL_COMPARE_NEAR(row.deductedM2, it->second.second, 0.01, "m²");
            QVERIFY(!row.qsxz.empty() && !row.zldwmc.empty());
        }
        const auto mv = m.villages();
        QCOMPARE(mv.size(), villages.size());
        for (const auto &[name, a] : mv)
            PL_COMPARE_NEAR(a, villages.at(name), 0.01, "m²");
        const auto mo = m.ownership();
        QCOMPARE(mo.size(), owners.size());
        for (const auto &[code, a] : mo)
            PL_COMPARE_NEAR(a, owners.at(code), 0.01, "m²");
        QCOMPARE(m.farmland.byGrade.size(), grades.size());
        for (const auto &[grade, a] : m.farmland.byGrade)
            PL_COMPARE_NEAR(a, grades.at(grade), 0.01, "m²");
        PL_COMPARE_NEAR(m.farmland.cultivatedM2, m.overlap("cultivated").areaM2, 0.001, "m²");
        // The townships: the site's area in each, adding up to the site.
        QVERIFY(!m.townships.empty());
        double inTownships = 0;
        for (const auto &t : m.townships) {
            const double sqlM2 = std::get<double>(*project->db().scalar(
                "SELECT ST_Area(ST_Intersection(s.geom, t.geom)) FROM site AS s, township AS t "
                "WHERE s.XMMC = ? AND t.ROWID = ?",
                site.toStdString(), t.fid));
            PL_COMPARE_NEAR(t.areaM2, sqlM2, 0.01, "m²");
            QVERIFY(!t.name.empty());
            inTownships += t.areaM2;
        }
        PL_COMPARE_NEAR(inTownships, m.siteAreaM2, 0.05, "m²");
    }

    void detailedSitesEqualSpatialiteSql_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("outline of 20 000 vertices") << 0;
        QTest::newRow("3 000 parts") << 1;
    }
    void detailedSitesEqualSpatialiteSql()
    {
        QFETCH(int, kind);
        // On the land of a sample site, so that farmland and several control units lie under it.
        auto centre = project->db().prepare(
            "SELECT ST_X(ST_Centroid(geom)), ST_Y(ST_Centroid(geom)) FROM site WHERE XMMC = ?");
        centre.bind(1, std::string("通威农光互补光伏发电项目"));
        QVERIFY(centre.step());
        const double cx = centre.real(0), cy = centre.real(1);
        Geometry site;
        if (kind == 0) {
            std::vector<double> xy;
            for (int k = 0; k < 20000; ++k) {
                const double a = 2 * std::numbers::pi * k / 20000;
                const double r = 700 + 6 * std::sin(a * 301) + 4 * std::sin(a * 47);
                xy.push_back(cx + r * std::cos(a));
                xy.push_back(cy + r * std::sin(a));
            }
            site = Geometry::polygon(xy);
        } else {
            std::vector<Geometry> parts;
            for (int k = 0; k < 3000; ++k) {
                const double x = cx - 450 + (k % 60) * 15.0, y = cy - 375 + (k / 60) * 15.0;
                const double xy[] = {x, y, x + 10, y, x + 10, y + 10, x, y + 10};
                parts.push_back(Geometry::polygon(xy));
            }
            site = Geometry::collect(std::move(parts), GEOS_MULTIPOLYGON);
        }
        QVERIFY(site.isValid());
        const auto r = engine->check(site, {"细部选址", "C3490", "工业用地"});
        QVERIFY2(r.ok(), r.error.c_str());
        const std::vector<unsigned char> wkb = site.wkb();
        const Blob siteBlob(wkb.begin(), wkb.end());
        auto st = project->db().prepare(
            "SELECT p.DLBM, SUM(ST_Area(ST_Intersection(GeomFromWKB(?1, 4548), p.geom))) "
            "FROM landuse AS p WHERE p.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE "
            "f_table_name = 'landuse' AND f_geometry_column = 'geom' AND "
            "search_frame = GeomFromWKB(?1, 4548)) GROUP BY p.DLBM "
            "HAVING SUM(ST_Area(ST_Intersection(GeomFromWKB(?1, 4548), p.geom))) > 0");
        st.bind(1, siteBlob);
        std::map<std::string, double> sql;
        while (st.step())
            sql[st.text(0)] = st.real(1);
        QVERIFY(sql.size() >= 2);
        QCOMPARE(r.measurement.landuse.size(), sql.size());
        for (const auto &row : r.measurement.landuse)
            PL_COMPARE_NEAR(row.areaM2, sql.at(row.dlbm), 0.01, "m²");
        // Farmland patches tile; control units are unioned (they may nest): both by SQL.
        auto sqlArea = [&](const std::string &sql) {
            auto q = project->db().prepare(sql);
            q.bind(1, siteBlob);
            return q.step() && !q.isNull(0) ? q.real(0) : 0.0;
        };
        const double farmland =
            sqlArea("SELECT SUM(ST_Area(ST_Intersection(GeomFromWKB(?1, 4548), geom))) FROM "
                    "basic_farmland WHERE ROWID IN (SELECT ROWID FROM SpatialIndex WHERE "
                    "f_table_name = 'basic_farmland' AND search_frame = GeomFromWKB(?1, 4548))");
        QVERIFY(farmland > 1000);
        PL_COMPARE_NEAR(r.measurement.overlap("basic_farmland").areaM2, farmland, 0.01, "m²");
        const double units = sqlArea("SELECT ST_Area(ST_Intersection(GeomFromWKB(?1, 4548), "
                                     "ST_Union(geom))) FROM control_unit WHERE "
                                     "ST_Intersects(geom, GeomFromWKB(?1, 4548))");
        PL_COMPARE_NEAR(r.measurement.overlap("control_unit").areaM2, units, 0.01, "m²");
        PL_COMPARE_NEAR(r.measurement.siteAreaM2, site.area(), 0.01, "m²");
    }
};

QTEST_GUILESS_MAIN(SampleCheckTest)
#include "samplechecktest.moc"
