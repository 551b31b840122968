// The sample county's second survey year (PLANLINES_SAMPLE_DB as built): 地类图斑 v1 is the
// 2023 survey, v2 the 2024 change survey; both tile the same land; a few per cent of the parcels
// change in the ways a change survey finds them; and compareLanduse on v1 → v2 agrees with
// SpatiaLite's own sums on the two tables (areas by class, and each class change as the parcels
// that kept their 标识码 but not their class), each to 0.01 m².
#include "sampleoverlap.h"
#include "testsupport.h"

#include <geodata/geometry.h>
#include <geodata/landuse/changeanalysis.h>
#include <geodata/project.h>
#include <geodata/projectsummary.h>

#include <QTest>

#include <map>
#include <set>

using namespace planlines::geodata;
using namespace planlines::geodata::landuse;
using planlines::geodata::test::qs;

namespace {
bool cultivated(const std::string &c)
{
    return c == "0101" || c == "0102" || c == "0103";
}
} // namespace

class SampleSecondYearTest : public QObject
{
    Q_OBJECT
    std::unique_ptr<Project> m_project;
    std::vector<LayerInfo> m_versions;
    ChangeResult m_result;
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
    std::map<std::string, double> byClass(const std::string &table)
    {
        std::map<std::string, double> out;
        auto st = db().prepare("SELECT DLBM, sum(ST_Area(geom)) FROM " + table + " GROUP BY DLBM");
        while (st.step())
            out[st.text(0)] = st.real(1);
        return out;
    }
    // Union of the first year's parcels of these classes.
    Geometry firstYear(const std::string &codes)
    {
        std::vector<Geometry> parts;
        auto st =
            db().prepare("SELECT AsBinary(geom) FROM landuse_v1 WHERE DLBM IN (" + codes + ")");
        while (st.step())
            parts.push_back(Geometry::fromWkb(st.blob(0)));
        return unaryUnion(std::move(parts));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(PLANLINES_SAMPLE_DB), "the sample county was not built");
        m_project = Project::open(PLANLINES_SAMPLE_DB, true);
        const auto layer = m_project->layer("地类图斑");
        QVERIFY(layer);
        m_versions = m_project->layerVersions(*layer);
        QCOMPARE(m_versions.size(), 2u);
        auto from = m_project->features(m_versions[0]);
        auto to = m_project->features(m_versions[1]);
        auto farmland = m_project->features(m_project->layers(Role::BasicFarmland).front());
        auto townships = m_project->features(m_project->layers(Role::Township).front());
        CompareOptions o;
        o.farmland = farmland.get();
        o.townships = townships.get();
        m_result = compareLanduse(*from, *to, "v1", "v2", o);
    }

    void twoVersionsEachSayingItsYear()
    {
        QCOMPARE(m_versions[0].version, 1);
        QCOMPARE(m_versions[1].version, 2);
        QCOMPARE(QString::fromStdString(m_versions[0].table), QStringLiteral("landuse_v1"));
        QCOMPARE(QString::fromStdString(m_versions[1].table), QStringLiteral("landuse"));
        QVERIFY2(m_versions[0].source.find("2023年度国土变更调查（样例）") != std::string::npos,
                 m_versions[0].source.c_str());
        QVERIFY2(m_versions[1].source.find("2024年度国土变更调查（样例）") != std::string::npos,
                 m_versions[1].source.c_str());
        const auto current = *m_project->layer("地类图斑");
        QVERIFY2(current.description.find("2024年度") != std::string::npos,
                 current.description.c_str());
        // `planlines info` lists both.
        const QString info = qs(ProjectSummary::of(*m_project).toText());
        QVERIFY2(info.contains(QStringLiteral("地类图斑 的版本 (versions):\n  v1   landuse_v1")) &&
                     info.contains(QStringLiteral("\n  v2   landuse ")) &&
                     info.contains(QStringLiteral("2023年度国土变更调查（样例）")) &&
                     info.contains(QStringLiteral("2024年度国土变更调查（样例）")),
                 qPrintable(info));
        QCOMPARE(real("SELECT count(*) FROM landuse_v1 WHERE SJNF <> 2023"), 0.0);
        QCOMPARE(real("SELECT count(*) FROM landuse WHERE SJNF <> 2024"), 0.0);
        // The layers derived from 地类图斑 stay those of 2023: each farmland patch is a 2023
        // cultivated parcel (samplecountytest checks it in full).
        QCOMPARE(real("SELECT count(*) FROM basic_farmland WHERE SJNF <> 2023"), 0.0);
    }

    void theSecondYearTilesTheSameLand()
    {
        const double v1 = real("SELECT sum(ST_Area(geom)) FROM landuse_v1");
        const double v2 = real("SELECT sum(ST_Area(geom)) FROM landuse");
        PL_COMPARE_NEAR(v2, v1, 0.01, "m²");
        const double county = real("SELECT ST_Area(geom) FROM county");
        PL_COMPARE_NEAR(v2, county, test::dustAllowanceM2(real("SELECT count(*) FROM landuse")),
                        "m²");
        // samplecountytest checks the current table (2024); the first year here.
        const auto overlaps = test::overlappingParcels(PLANLINES_SAMPLE_DB, 2, "landuse_v1");
        QVERIFY2(overlaps.empty(), qPrintable(test::describe(overlaps)));
        // samplecountytest checks that every current parcel lies in one township.
    }

    void aFewPerCentOfTheParcelsChange()
    {
        const double n1 = real("SELECT count(*) FROM landuse_v1");
        const double reclassified = real("SELECT count(*) FROM landuse_v1 o JOIN landuse n "
                                         "ON n.BSM = o.BSM WHERE n.DLBM <> o.DLBM");
        const double gone = real("SELECT count(*) FROM landuse_v1 WHERE BSM NOT IN "
                                 "(SELECT BSM FROM landuse)");
        const double fresh = real("SELECT count(*) FROM landuse WHERE BSM NOT IN "
                                  "(SELECT BSM FROM landuse_v1)");
        qInfo("%.0f parcels: %.0f reclassified, %.0f gone, %.0f new", n1, reclassified, gone,
              fresh);
        QVERIFY2(reclassified > 0.01 * n1 && reclassified < 0.06 * n1,
                 qPrintable(QString::number(reclassified)));
        QVERIFY(gone > 0.001 * n1 && gone < 0.03 * n1);
        QVERIFY(fresh > 0.001 * n1 && fresh < 0.03 * n1);
        // Kept parcels keep their codes and unit; new ones get new, unique codes.
        QCOMPARE(real("SELECT count(*) FROM landuse_v1 o JOIN landuse n ON n.BSM = o.BSM "
                      "WHERE n.TBBH <> o.TBBH OR n.ZLDWDM <> o.ZLDWDM"),
                 0.0);
        QCOMPARE(real("SELECT count(*) FROM landuse WHERE BSM NOT IN (SELECT BSM FROM landuse_v1) "
                      "AND BSM <= (SELECT max(BSM) FROM landuse_v1)"),
                 0.0);
        QCOMPARE(real("SELECT count(*) - count(DISTINCT BSM) FROM landuse"), 0.0);
        QCOMPARE(real("SELECT count(*) - count(DISTINCT ZLDWDM || '/' || TBBH) FROM landuse"), 0.0);
        // Names and areas as the survey's tables have them.
        // No class the sample did not have; each named as 2023 named it.
        QCOMPARE(real("SELECT count(*) FROM landuse WHERE DLBM NOT IN "
                      "(SELECT DLBM FROM landuse_v1)"),
                 0.0);
        QCOMPARE(real("SELECT count(*) FROM landuse n WHERE n.DLMC IS NULL OR "
                      "n.DLMC <> (SELECT DLMC FROM landuse_v1 o WHERE o.DLBM = n.DLBM LIMIT 1)"),
                 0.0);
        QCOMPARE(real("SELECT count(*) FROM landuse WHERE DLBM = '202A' AND DLMC <> "
                      "'建制镇独立工业用地'"),
                 0.0);
        QVERIFY(real("SELECT max(abs(TBMJ - ST_Area(geom))) FROM landuse") <= 0.006);
        QVERIFY(real("SELECT max(abs(TBDLMJ - TBMJ + coalesce(KCMJ, 0))) FROM landuse") <= 0.006);
    }

    void constructionLiesNearTheParkAndTheTowns()
    {
        // 独立工业用地 taken from cultivated land lies within 900 m of the 2023 chemical park's
        // (202A) land; town and village land within 700 m of a town's central building area
        // (城镇集中建设区 of the urban development boundary), at any size of the sample.
        const Geometry park = firstYear("'202A'");
        std::vector<Geometry> zones;
        auto z = db().prepare(
            "SELECT AsBinary(geom) FROM urban_boundary WHERE GHFQMC = '城镇集中建设区'");
        while (z.step())
            zones.push_back(Geometry::fromWkb(z.blob(0)));
        QVERIFY(!zones.empty());
        const Geometry towns = unaryUnion(std::move(zones));
        auto st = db().prepare(
            "SELECT n.DLBM, AsBinary(n.geom) FROM landuse_v1 o JOIN landuse n ON n.BSM = o.BSM "
            "WHERE o.DLBM IN ('0101', '0102', '0103') AND n.DLBM IN ('201', '202', '202A')");
        int built = 0, industrial = 0;
        while (st.step()) {
            const Geometry g = Geometry::fromWkb(st.blob(1));
            const bool isPark = st.text(0) == "202A";
            const double d = (isPark ? park : towns).distance(g);
            QVERIFY2(d <= (isPark ? 900 : 700) + 1,
                     qPrintable(QStringLiteral("%1 at %2 m").arg(qs(st.text(0))).arg(d)));
            ++(isPark ? industrial : built);
        }
        QVERIFY(industrial > 0);
        QVERIFY(built > 0);
    }

    void theComparisonAgreesWithSql()
    {
        const auto old = byClass("landuse_v1");
        const auto now = byClass("landuse");
        std::map<std::string, double> rows, columns;
        for (const auto &c : m_result.matrix) {
            rows[c.fromCode] += c.areaM2;
            columns[c.toCode] += c.areaM2;
        }
        QCOMPARE(rows.size(), old.size());
        QCOMPARE(columns.size(), now.size());
        for (const auto &[code, area] : old)
            PL_COMPARE_NEAR(rows[code], area, 0.01, "m²");
        for (const auto &[code, area] : now)
            PL_COMPARE_NEAR(columns[code], area, 0.01, "m²");
        // Every class change is a parcel that kept its 标识码 and outline but not its class (the
        // split, merged and redrawn parcels keep theirs): each off-diagonal cell is SQL's sum.
        std::map<std::pair<std::string, std::string>, double> sql;
        auto st = db().prepare(
            "SELECT o.DLBM, n.DLBM, sum(ST_Area(o.geom)) FROM landuse_v1 o JOIN landuse n "
            "ON n.BSM = o.BSM WHERE n.DLBM <> o.DLBM GROUP BY o.DLBM, n.DLBM");
        while (st.step())
            sql[{st.text(0), st.text(1)}] = st.real(2);
        std::map<std::pair<std::string, std::string>, double> cells;
        for (const auto &c : m_result.matrix)
            if (c.fromCode != c.toCode)
                cells[{c.fromCode, c.toCode}] = c.areaM2;
        QCOMPARE(cells.size(), sql.size());
        for (const auto &[key, area] : sql)
            PL_COMPARE_NEAR(cells[key], area, 0.01, "m²");
        QCOMPARE(m_result.reclassifiedParcels,
                 static_cast<std::int64_t>(real("SELECT count(*) FROM landuse_v1 o JOIN landuse "
                                                "n ON n.BSM = o.BSM WHERE n.DLBM <> o.DLBM")));
    }

    void theChangesANewUserShouldSee()
    {
        double toConstruction = 0, toOrchard = 0, toForest = 0, intoCultivated = 0;
        for (const auto &c : m_result.matrix) {
            if (cultivated(c.fromCode) &&
                (c.toCode == "201" || c.toCode == "202" || c.toCode == "202A" || c.toCode == "203"))
                toConstruction += c.areaM2;
            if (cultivated(c.fromCode) && c.toCode == "0201")
                toOrchard += c.areaM2;
            if (cultivated(c.fromCode) && c.toCode == "0301")
                toForest += c.areaM2;
            if (!cultivated(c.fromCode) && cultivated(c.toCode))
                intoCultivated += c.areaM2;
        }
        qInfo("耕地 → construction %.0f m², → 0201 %.0f m², → 0301 %.0f m²; into 耕地 %.0f m²; "
              "geometry only %lld → %lld parcels",
              toConstruction, toOrchard, toForest, intoCultivated,
              static_cast<long long>(m_result.geometryOnlyOld),
              static_cast<long long>(m_result.geometryOnlyNew));
        QVERIFY(toConstruction > 0);
        QVERIFY(toOrchard > 0);
        QVERIFY(toForest > 0);
        QVERIFY(intoCultivated > 0);
        QVERIFY(m_result.geometryOnlyOld > 0);
        QVERIFY(m_result.geometryOnlyNew > 0);
        // Merges make fewer new parcels than old, splits more.
        QVERIFY(m_result.geometryOnlyOld != m_result.geometryOnlyNew);
        QVERIFY(m_result.farmland.present);
        QVERIFY(m_result.farmland.cultivatedOutflowM2 > 0);
        // A few per cent of the cultivated land, not more.
        double cultivatedV1 = 0;
        for (const auto &[code, area] : byClass("landuse_v1"))
            if (cultivated(code))
                cultivatedV1 += area;
        QVERIFY(toConstruction + toOrchard + toForest < 0.08 * cultivatedV1);
    }
};

QTEST_GUILESS_MAIN(SampleSecondYearTest)
#include "samplesecondyeartest.moc"
