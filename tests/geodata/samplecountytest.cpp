// The sample county built at build time (PLANLINES_SAMPLE_DB) looks and behaves like a county:
// a true parcel coverage, parcels in one township each, basic farmland on cultivated land only,
// the corridor along the levee, and project sites with their task numbers and lead units.
#include "sampleoverlap.h"
#include "testsupport.h"

#include <geodata/area.h>
#include <geodata/coordinatetransform.h>
#include <geodata/geometry.h>
#include <geodata/project.h>

#include <QTest>

#include <map>
#include <set>
#include <thread>

using namespace planlines::geodata;
using planlines::geodata::test::qs;

class SampleCountyTest : public QObject
{
    Q_OBJECT
    std::unique_ptr<Project> m_project;
    Database &db() { return m_project->db(); }
    double real(const std::string &sql)
    {
        auto v = db().scalar(sql);
        if (!v)
            return 0;
        if (auto *d = std::get_if<double>(&*v))
            return *d;
        if (auto *i = std::get_if<std::int64_t>(&*v))
            return static_cast<double>(*i);
        return 0;
    }
    std::vector<Geometry> geometries(const std::string &table, const std::string &where = "1")
    {
        std::vector<Geometry> out;
        auto st = db().prepare("SELECT AsBinary(geom) FROM " + quoteIdentifier(table) + " WHERE " +
                               where + " ORDER BY fid");
        while (st.step())
            out.push_back(Geometry::fromWkb(st.blob(0)));
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(PLANLINES_SAMPLE_DB), "the sample county was not built");
        m_project = Project::open(PLANLINES_SAMPLE_DB, true);
    }

    void countyIsGaoqingInItsRealExtent()
    {
        const double area = real("SELECT ST_Area(geom) FROM county");
        PL_COMPARE_NEAR(area / 1e6, 831.0, 831.0 * 0.01, "km²");
        // The outline lies within 117°33′–118°04′E, 37°04′–37°19′N.
        auto st = db().prepare("SELECT MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), "
                               "MbrMaxY(geom) FROM county");
        QVERIFY(st.step());
        CoordinateTransform toGeo("EPSG:4548", "EPSG:4490");
        // The envelope corners in lon/lat.
        std::vector<double> corners{st.real(0), st.real(1), st.real(2), st.real(3)};
        toGeo.transform(corners);
        QVERIFY2(corners[0] >= 117.55 - 1e-6 && corners[2] <= 118.0667 + 1e-6,
                 qPrintable(QStringLiteral("longitude %1–%2").arg(corners[0]).arg(corners[2])));
        QVERIFY2(corners[1] >= 37.0667 - 0.01 && corners[3] <= 37.3167 + 0.01,
                 qPrintable(QStringLiteral("latitude %1–%2").arg(corners[1]).arg(corners[3])));
        QCOMPARE(qs(m_project->workingCrs()), QStringLiteral("EPSG:4548"));
    }

    void nineTownshipsWithRealNamesAndCodes()
    {
        const std::map<std::string, std::string> expected = {
            {"370322001000", "田镇街道"}, {"370322002000", "芦湖街道"}, {"370322101000", "青城镇"},
            {"370322102000", "高城镇"},   {"370322103000", "黑里寨镇"}, {"370322104000", "唐坊镇"},
            {"370322105000", "常家镇"},   {"370322106000", "花沟镇"},   {"370322108000", "木李镇"}};
        std::map<std::string, std::string> got;
        auto st = db().prepare("SELECT XZQDM, XZQMC, ST_Area(geom) FROM township");
        double sum = 0;
        while (st.step()) {
            got[st.text(0)] = st.text(1);
            sum += st.real(2);
            QVERIFY2(st.real(2) > 40e6, qPrintable(qs(st.text(1)) + " is too small"));
        }
        QCOMPARE(got, expected);
        PL_COMPARE_NEAR(sum, real("SELECT ST_Area(geom) FROM county"), 1.0, "m²");
    }

    void parcelsAreATrueCoverage()
    {
        const double county = real("SELECT ST_Area(geom) FROM county");
        const double sum = real("SELECT sum(ST_Area(geom)) FROM landuse");
        // No gaps, no overlaps: the parcels' areas add up to the county (0.1 %), and their
        // union is the county too (so the sum is not hiding overlaps behind gaps).
        PL_COMPARE_NEAR(sum, county, county * 0.001, "m²");
        std::vector<std::vector<Geometry>> byTownship(9);
        auto st = db().prepare("SELECT AsBinary(geom), substr(ZLDWDM, 1, 9) FROM landuse");
        std::map<std::string, int> index;
        while (st.step()) {
            const std::string t = st.text(1);
            if (!index.count(t))
                index[t] = static_cast<int>(index.size());
            QVERIFY2(index[t] < 9, "more than 9 township prefixes in ZLDWDM");
            byTownship[static_cast<size_t>(index[t])].push_back(Geometry::fromWkb(st.blob(0)));
        }
        std::vector<double> unionArea(9, 0);
        std::vector<std::thread> threads;
        for (size_t i = 0; i < 9; ++i)
            threads.emplace_back(
                [&, i] { unionArea[i] = unaryUnion(std::move(byTownship[i])).area(); });
        for (auto &t : threads)
            t.join();
        double total = 0;
        for (double a : unionArea)
            total += a;
        PL_COMPARE_NEAR(total, county, county * 0.001, "m²");
        PL_COMPARE_NEAR(total, sum, county * 0.0005, "m²");
    }

    void parcelsDoNotOverlap()
    {
        // Every pair of parcels whose boxes meet: none shares more than 0.01 m².
        const auto overlaps = test::overlappingParcels(PLANLINES_SAMPLE_DB);
        QVERIFY2(overlaps.empty(), qPrintable(test::describe(overlaps)));
        // So their areas add up to the county's, less the dust the generator drops.
        const double county = real("SELECT ST_Area(geom) FROM county");
        const double sum = real("SELECT sum(ST_Area(geom)) FROM landuse");
        const double n = real("SELECT count(*) FROM landuse");
        QVERIFY2(sum <= county + 0.01, qPrintable(QStringLiteral("parcels %1 m², county %2 m²")
                                                      .arg(sum, 0, 'f', 4)
                                                      .arg(county, 0, 'f', 4)));
        PL_COMPARE_NEAR(sum, county, test::dustAllowanceM2(n), "m²");
    }

    void atLeastTheConfiguredParcelCount()
    {
        const double n = real("SELECT count(*) FROM landuse");
        QVERIFY2(
            n >= PLANLINES_SAMPLE_PARCELS * 0.97,
            qPrintable(
                QStringLiteral("%1 parcels for %2 wanted").arg(n).arg(PLANLINES_SAMPLE_PARCELS)));
        // Roads, canals, villages and township edges add a few thousand parcels of their own,
        // which matter only for small samples.
        QVERIFY2(n <= PLANLINES_SAMPLE_PARCELS * 1.1 + 3000, qPrintable(QString::number(n)));
        // Parcels are irregular polygons, not a grid: vertex counts vary.
        const double minV = real("SELECT min(ST_NPoints(geom)) FROM landuse");
        const double maxV = real("SELECT max(ST_NPoints(geom)) FROM landuse");
        QVERIFY(minV >= 4);
        QVERIFY(maxV > 12);
    }

    void everyParcelLiesInOneTownship()
    {
        // Its area inside the township its ZLDWDM names is the whole parcel (to 0.01 m²).
        const double outside =
            real("SELECT count(*) FROM landuse l JOIN township t "
                 "ON substr(l.ZLDWDM, 1, 9) = substr(t.XZQDM, 1, 9) "
                 "WHERE l.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'landuse' "
                 "                  AND search_frame = t.geom) "
                 "AND NOT ST_Covers(t.geom, l.geom) "
                 "AND ST_Area(l.geom) - ST_Area(ST_Intersection(l.geom, t.geom)) > 0.01");
        QCOMPARE(outside, 0.0);
        const double matched = real("SELECT count(*) FROM landuse l JOIN township t "
                                    "ON substr(l.ZLDWDM, 1, 9) = substr(t.XZQDM, 1, 9)");
        QCOMPARE(matched, real("SELECT count(*) FROM landuse"));
        // And ZLDWDM is the 19-character 坐落单位代码.
        QCOMPARE(
            real("SELECT count(*) FROM landuse WHERE length(ZLDWDM) <> 19 OR length(BSM) <> 18"),
            0.0);
    }

    void landuseMixIsRealistic()
    {
        const double total = real("SELECT sum(TBMJ) FROM landuse");
        auto share = [&](const char *where) {
            return real(std::string("SELECT coalesce(sum(TBMJ),0) FROM landuse WHERE ") + where) /
                   total;
        };
        const double cultivated = share("DLBM IN ('0101','0102','0103')");
        QVERIFY2(cultivated > 0.50 && cultivated < 0.80, qPrintable(QString::number(cultivated)));
        const double villages = share("DLBM = '203'");
        QVERIFY2(villages > 0.05 && villages < 0.18, qPrintable(QString::number(villages)));
        QVERIFY(share("DLBM IN ('201','202','201A','202A')") > 0.03);
        QVERIFY(share("DLBM IN ('0301','0307')") > 0.01);
        for (const char *code : {"0101", "0102", "0103", "0201", "0301", "1003", "1006", "1101",
                                 "1103", "1104", "1106", "1107", "1109", "203"})
            QVERIFY2(real(std::string("SELECT count(*) FROM landuse WHERE DLBM = '") + code + "'") >
                         0,
                     code);
        // DLMC matches DLBM as in 三调.
        QCOMPARE(real("SELECT count(*) FROM landuse WHERE DLBM = '0102' AND DLMC <> '水浇地'"),
                 0.0);
        QCOMPARE(real("SELECT count(*) FROM landuse WHERE DLBM = '203' AND DLMC <> '村庄'"), 0.0);
        // TBMJ is the parcel's area.
        QVERIFY(real("SELECT max(abs(TBMJ - ST_Area(geom))) FROM landuse") <= 0.006);
    }

    void basicFarmlandLiesWithinCultivatedLand()
    {
        QVERIFY(real("SELECT count(*) FROM basic_farmland") > 1000);
        // Each farmland patch is a cultivated parcel (same unit and number, same outline) of
        // the 2023 survey it was drawn from (landuse_v1: the 2024 year builds on some of it).
        const double bad =
            real("SELECT count(*) FROM basic_farmland f LEFT JOIN landuse_v1 l "
                 "ON l.ZLDWDM = f.ZLDWDM AND l.TBBH = f.TBBH "
                 "WHERE l.fid IS NULL OR l.DLBM NOT IN ('0101','0102','0103') "
                 "OR abs(ST_Area(f.geom) - ST_Area(ST_Intersection(f.geom, l.geom))) > 0.01");
        QCOMPARE(bad, 0.0);
        const double farmland = real("SELECT sum(ST_Area(geom)) FROM basic_farmland");
        const double cultivated =
            real("SELECT sum(ST_Area(geom)) FROM landuse_v1 WHERE DLBM IN ('0101','0102','0103')");
        QVERIFY(farmland < cultivated);
        QVERIFY2(farmland > 0.6 * cultivated, "most cultivated land is basic farmland");
    }

    void controlLinesDoNotOverlap()
    {
        auto overlap = [&](const char *a, const char *b) {
            return real(
                std::string("SELECT coalesce(sum(ST_Area(ST_Intersection(x.geom, y.geom))), 0) "
                            "FROM ") +
                a + " x JOIN " + b +
                " y ON ST_Intersects(x.geom, y.geom) "
                "AND x.ROWID IN (SELECT ROWID FROM SpatialIndex WHERE f_table_name = '" +
                a + "' AND search_frame = y.geom)");
        };
        QVERIFY(overlap("basic_farmland", "eco_redline") < 1.0);
        QVERIFY(overlap("basic_farmland", "urban_boundary") < 1.0);
        QVERIFY(overlap("eco_redline", "urban_boundary") < 1.0);
        // The Yellow River's red line holds the channel.
        QVERIFY(real("SELECT count(*) FROM eco_redline WHERE HXMC = '黄河'") == 1);
        QVERIFY(real("SELECT count(*) FROM urban_boundary WHERE GHFQMC = '城镇集中建设区'") >= 5);
        QVERIFY(real("SELECT count(*) FROM urban_boundary WHERE GHFQMC = '城镇弹性发展区'") >= 1);
        QVERIFY(real("SELECT count(*) FROM urban_boundary WHERE GHFQMC = '特别用途区'") >= 1);
    }

    void controlUnitsCoverTheCountyOnce()
    {
        const double n = real("SELECT count(*) FROM control_unit");
        QVERIFY(n >= 15 && n <= 30);
        for (int cls = 1; cls <= 3; ++cls)
            QVERIFY(real("SELECT count(*) FROM control_unit WHERE ZHGKDYFL = " +
                         std::to_string(cls)) >= 1);
        QVERIFY(real("SELECT count(*) FROM control_unit WHERE ZHGKDYFL = 2 AND "
                     "HJZHGKDYMC LIKE '%化工%'") >= 1);
        QCOMPARE(real("SELECT count(*) FROM control_unit WHERE HJZHGKDYBM NOT LIKE 'ZH370322%' "
                      "OR length(KJBJYS) < 10 OR length(PWWPFGK) < 10 OR length(HJFXFK) < 10 "
                      "OR length(ZYKFXLYQ) < 10"),
                 0.0);
        const double county = real("SELECT ST_Area(geom) FROM county");
        PL_COMPARE_NEAR(real("SELECT sum(ST_Area(geom)) FROM control_unit"), county, county * 0.001,
                        "m²");
    }

    void corridorFollowsTheLeveeForItsLength()
    {
        const double levee = real("SELECT ST_Length(geom) FROM levee");
        PL_COMPARE_NEAR(levee, 46920, 46920 * 0.005, "m");
        // Segments of about 1 km, end to end from K0+000 to the levee's end.
        auto st = db().prepare("SELECT QDLC, ZDLC, KD, ST_Area(geom), QDZH, SEGID FROM corridor "
                               "ORDER BY QDLC");
        double expectStart = 0, area = 0;
        int n = 0;
        while (st.step()) {
            PL_COMPARE_NEAR(st.real(0), expectStart, 0.01, "m");
            QVERIFY(st.real(1) - st.real(0) <= 1000.01);
            QVERIFY(st.real(2) >= 80 && st.real(2) <= 100);
            // Area = length × width within 10 % (bends, the county edge).
            PL_COMPARE_NEAR(st.real(3), (st.real(1) - st.real(0)) * st.real(2),
                            0.10 * (st.real(1) - st.real(0)) * st.real(2), "m²");
            expectStart = st.real(1);
            area += st.real(3);
            ++n;
        }
        QCOMPARE(n, 47);
        PL_COMPARE_NEAR(expectStart, levee, 0.01, "m");
        PL_COMPARE_NEAR(area / 1e4, 423.3, 423.3 * 0.02, "ha");
        QCOMPARE(
            qs(std::get<std::string>(*db().scalar("SELECT QDZH FROM corridor WHERE QDLC = 0"))),
            QStringLiteral("K0+000"));
        // Every 100 m of levee has the corridor within 130 m; no segment strays from it.
        const auto leveeLines = geometries("levee");
        const Geometry &leveeLine = leveeLines.at(0);
        const auto strips = geometries("corridor");
        std::vector<Geometry> copy;
        for (const auto &s : strips)
            copy.push_back(s.clone());
        const Geometry all = unaryUnion(std::move(copy));
        for (double s = 0; s <= levee; s += 100)
            QVERIFY2(all.distance(leveeLine.interpolate(s)) < 130,
                     qPrintable(QStringLiteral("no corridor near chainage %1 m").arg(s)));
        for (const auto &s : strips)
            QVERIFY(leveeLine.distance(s) < 40);
        // History: planned in 2020, complete by the end of 2023, maintained from 2024.
        QCOMPARE(real("SELECT count(DISTINCT segment_id) FROM corridor_progress"), 47.0);
        QCOMPARE(real("SELECT count(*) FROM corridor_progress WHERE status = 'planned' AND "
                      "date LIKE '2020-%'"),
                 47.0);
        QCOMPARE(real("SELECT count(*) FROM corridor_progress WHERE status = 'completed' AND "
                      "date > '2023-12-31'"),
                 0.0);
        QCOMPARE(real("SELECT count(*) FROM corridor_progress p WHERE date = (SELECT max(date) "
                      "FROM corridor_progress q WHERE q.segment_id = p.segment_id) "
                      "AND status = 'maintenance' AND date = '2024-01-01'"),
                 47.0);
        QCOMPARE(real("SELECT count(*) FROM corridor WHERE ZT <> '养护'"), 0.0);
        PL_COMPARE_NEAR(real("SELECT sum(TZ) FROM corridor"), 8700, 1, "万元");
        // Each progress entry is an audited edit.
        QCOMPARE(real("SELECT count(*) FROM audit_log WHERE action = 'corridor.progress'"),
                 real("SELECT count(*) FROM corridor_progress"));
    }

    void sitesCarryTaskNumberAndLeadUnit()
    {
        QVERIFY(real("SELECT count(*) FROM site") >= 25);
        QCOMPARE(real("SELECT count(*) FROM site WHERE RWBH IS NULL OR RWBH < 1 OR QTDW IS NULL "
                      "OR length(QTDW) < 2 OR length(XMMC) < 2 OR HYDM IS NULL OR GHYT IS NULL"),
                 0.0);
        // Inside the county, not overlapping each other.
        QCOMPARE(real("SELECT count(*) FROM site s, county c WHERE NOT ST_Within(s.geom, c.geom)"),
                 0.0);
        QVERIFY(
            real("SELECT coalesce(sum(ST_Area(ST_Intersection(a.geom, b.geom))), 0) FROM site a "
                 "JOIN site b ON a.fid < b.fid AND ST_Intersects(a.geom, b.geom)") < 1.0);
    }

    void conflictingSitesConflict()
    {
        auto overlapOf = [&](const char *expect, const char *table) {
            return real(
                std::string("SELECT min(a) FROM (SELECT s.fid, coalesce(sum(ST_Area("
                            "ST_Intersection(s.geom, t.geom))), 0) AS a FROM site s LEFT JOIN ") +
                table + " t ON ST_Intersects(s.geom, t.geom) WHERE s.YQJG = '" + expect +
                "' GROUP BY s.fid)");
        };
        QVERIFY2(overlapOf("basic_farmland", "basic_farmland") > 100, "PV site on farmland");
        QVERIFY2(overlapOf("eco_redline", "eco_redline") > 100, "site in the red line");
        QVERIFY2(overlapOf("corridor", "corridor") > 100, "site on the corridor");
        // Clean sites touch no control line and lie in the urban development boundary.
        QVERIFY(real("SELECT count(*) FROM site WHERE YQJG = 'pass'") >= 3);
        for (const char *t : {"basic_farmland", "eco_redline", "corridor"})
            QVERIFY2(real(std::string(
                              "SELECT coalesce(sum(ST_Area(ST_Intersection(s.geom, t.geom))), 0) "
                              "FROM site s JOIN ") +
                          t + " t ON ST_Intersects(s.geom, t.geom) WHERE s.YQJG = 'pass'") < 1.0,
                     t);
        QCOMPARE(real("SELECT count(*) FROM site s WHERE YQJG = 'pass' AND (SELECT coalesce(sum("
                      "ST_Area(ST_Intersection(s.geom, u.geom))), 0) FROM urban_boundary u) < "
                      "ST_Area(s.geom) - 1"),
                 0.0);
        // The chemical site outside the park is outside the chemical park's control unit.
        QVERIFY(real("SELECT count(*) FROM site WHERE YQJG = 'chemical_outside_park'") >= 1);
        QCOMPARE(
            real("SELECT count(*) FROM site s JOIN control_unit c ON ST_Intersects(s.geom, "
                 "c.geom) WHERE s.YQJG = 'chemical_outside_park' AND c.HJZHGKDYMC LIKE '%化工%'"),
            0.0);
    }

    void everyLayerIsRegisteredAndMarkedSynthetic()
    {
        for (const auto &l : m_project->layers()) {
            QVERIFY2(l.synthetic, l.name.c_str());
            QVERIFY(l.description.find("合成示例数据") != std::string::npos);
            QCOMPARE(real("SELECT count(*) FROM " + quoteIdentifier(l.table)),
                     static_cast<double>(l.featureCount));
            QCOMPARE(l.checksum.size(), size_t{64});
            QCOMPARE(qs(l.crs), QStringLiteral("EPSG:4548"));
            QVERIFY(real("SELECT count(*) FROM audit_log WHERE action = 'layer.create' AND "
                         "target = '" +
                         l.table + "'") == 1);
        }
        std::set<Role> roles;
        for (const auto &l : m_project->layers())
            roles.insert(l.role);
        QCOMPARE(roles.size(), kAllRoles.size());
        QCOMPARE(qs(m_project->setting("synthetic").value_or("")), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(SampleCountyTest)
#include "samplecountytest.moc"
