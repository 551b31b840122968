// The comparison on the sample county (a copy of the built database, whose 地类图斑 has 2023 as
// v1 and 2024 as v2) against a further year made from v2 by secondyear.h (v3): every matrix row
// sums to v2's area of that class, every column to v3's, the total to the county's area; the
// change polygons sum to the off-diagonal total; and the cells the rules make equal SpatiaLite
// SQL's areas on v2 (ST_Area, ST_Intersection), each to 0.01 m². (samplesecondyeartest compares
// the sample's own v1 and v2.)
#include "secondyear.h"

#include "../testsupport.h"

#include <geodata/landuse/changeanalysis.h>
#include <geodata/landuse/changetables.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <map>

using namespace planlines::geodata;
using namespace planlines::geodata::landuse;
using namespace planlines::geodata::landuse::test;

namespace {
std::map<std::string, double> areasByClass(Database &db, const std::string &sql)
{
    std::map<std::string, double> out;
    auto st = db.prepare(sql);
    while (st.step())
        out[st.text(0)] = std::get<double>(st.value(1));
    return out;
}
} // namespace

class SampleCompareTest : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    std::unique_ptr<Project> project;
    ChangeResult result;
    double seconds = 0;

private slots:
    void initTestCase()
    {
        const QString copy = dir.filePath("gaoqing.sqlite");
        QVERIFY(QFile::copy(PLANLINES_SAMPLE_DB, copy));
        project = Project::open(copy.toStdString());
        const LayerInfo v3 = writeSecondYear(*project);
        QCOMPARE(v3.version, 3);
        const auto versions = project->layerVersions(v3);
        QCOMPARE(versions.size(), 3u);
        QCOMPARE(QString::fromStdString(versions[1].table), QStringLiteral("landuse_v2"));
        auto from = project->features(versions[1]);
        auto to = project->features(versions[2]);
        auto farmland = project->features(project->layers(Role::BasicFarmland).front());
        auto townships = project->features(project->layers(Role::Township).front());
        CompareOptions o;
        o.farmland = farmland.get();
        o.townships = townships.get();
        const auto t0 = std::chrono::steady_clock::now();
        result = compareLanduse(*from, *to, "v2", "v3", o);
        seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        qInfo("compared %lld and %lld parcels in %.2f s (%lld overlaid)",
              static_cast<long long>(result.oldParcels), static_cast<long long>(result.newParcels),
              seconds, static_cast<long long>(result.overlaidOld));
    }

    void rowsAndColumnsSumToEachYear()
    {
        auto &db = project->db();
        const auto old = areasByClass(db, "SELECT DLBM, sum(ST_Area(geom)) FROM landuse_v2 "
                                          "GROUP BY DLBM");
        const auto now = areasByClass(db, "SELECT DLBM, sum(ST_Area(geom)) FROM landuse "
                                          "GROUP BY DLBM");
        std::map<std::string, double> rows, columns;
        double total = 0;
        for (const auto &c : result.matrix) {
            rows[c.fromCode] += c.areaM2;
            columns[c.toCode] += c.areaM2;
            total += c.areaM2;
        }
        QCOMPARE(rows.count(""), 0u); // the second year adds no land
        QCOMPARE(rows.size(), old.size());
        for (const auto &[code, area] : old)
            PL_COMPARE_NEAR(rows[code], area, 0.01, "m²");
        for (const auto &[code, area] : now)
            PL_COMPARE_NEAR(columns[code], area, 0.01, "m²");
        double oldTotal = 0;
        for (const auto &[code, area] : old)
            oldTotal += area;
        PL_COMPARE_NEAR(total, oldTotal, 0.01, "m²");
        // The sample's parcels themselves tile the county to 0.03 m² (SpatiaLite's sums).
        const double county = std::get<double>(*db.scalar("SELECT ST_Area(geom) FROM county"));
        PL_COMPARE_NEAR(total, county, 0.05, "m²");
    }

    void changePolygonsSumToTheOffDiagonal()
    {
        double offDiagonal = 0, pieces = 0;
        for (const auto &c : result.matrix)
            if (c.fromCode != c.toCode)
                offDiagonal += c.areaM2;
        for (const auto &p : result.pieces) {
            QVERIFY(p.fromCode != p.toCode);
            pieces += p.areaM2;
        }
        PL_COMPARE_NEAR(pieces, offDiagonal, 0.01, "m²");
        // Over a thousand on the sample at its default size (about 80 000 parcels), as many
        // in proportion on a smaller one (`make sanitize`'s 5 000).
        QVERIFY2(double(result.pieces.size()) > 1000.0 * std::min(1.0, result.oldParcels / 80000.0),
                 qPrintable(QString::number(result.pieces.size())));
    }

    void cellsEqualSqlOnTheVersionBefore()
    {
        auto &db = project->db();
        const auto cells = [&] {
            std::map<std::pair<std::string, std::string>, double> m;
            for (const auto &c : result.matrix)
                m[{c.fromCode, c.toCode}] = c.areaM2;
            return m;
        }();
        const auto built = areasByClass(
            db, "SELECT DLBM, sum(ST_Area(geom)) FROM landuse_v2 WHERE fid % 20 = 0 AND "
                "fid % 97 <> 3 AND DLBM IN ('0101', '0102', '0103') GROUP BY DLBM");
        QVERIFY(!built.empty());
        for (const auto &[code, area] : built)
            PL_COMPARE_NEAR(cells.at({code, "202"}), area, 0.01, "m²");
        const auto gone = areasByClass(db, "SELECT DLBM, sum(ST_Area(geom)) FROM landuse_v2 "
                                           "WHERE fid % 97 = 3 GROUP BY DLBM");
        for (const auto &[code, area] : gone)
            PL_COMPARE_NEAR(cells.at({code, ""}), area, 0.01, "m²");
        const auto forest = areasByClass(
            db, "SELECT DLBM, sum(ST_Area(ST_Intersection(geom, BuildMbr((MbrMinX(geom) + "
                "MbrMaxX(geom)) / 2, MbrMinY(geom) - 1, MbrMaxX(geom) + 1, MbrMaxY(geom) + 1)))) "
                "FROM landuse_v2 WHERE fid % 20 = 5 AND fid % 97 <> 3 AND "
                "DLBM IN ('0101', '0102', '0103') GROUP BY DLBM");
        QVERIFY(!forest.empty());
        for (const auto &[code, area] : forest)
            PL_COMPARE_NEAR(cells.at({code, "0301"}), area, 0.01, "m²");
        // 耕地 → 乔木林地 is the 进出平衡 outflow; nothing came back to 耕地 from those classes
        // except the east halves of split 园地/林地/草地 parcels turned 旱地.
        const Balance b = balance(result.matrix);
        double toForest = 0;
        for (const auto &[code, area] : forest)
            toForest += area;
        PL_COMPARE_NEAR(b.balanceOutM2, toForest, 0.01, "m²");
    }

    void geometryOnlyAndUnchangedAreCountedApart()
    {
        auto &db = project->db();
        const auto count = [&](const std::string &sql) {
            return std::get<std::int64_t>(*db.scalar(sql));
        };
        // Rule fid % 20 = 0 on 耕地: same coordinates, another class.
        QCOMPARE(result.reclassifiedParcels,
                 count("SELECT count(*) FROM landuse_v2 WHERE fid % 20 = 0 AND fid % 97 <> 3 AND "
                       "DLBM IN ('0101', '0102', '0103')"));
        // Split without a class change: each such old parcel counts once.
        QVERIFY(result.geometryOnlyOld >=
                count("SELECT count(*) FROM landuse_v2 WHERE fid % 20 = 10 AND fid % 97 <> 3"));
        QVERIFY(result.unchangedParcels > result.oldParcels * 3 / 4);
        QCOMPARE(result.townships.size(), 9u);
        for (const auto &t : result.townships)
            QVERIFY2(!t.name.empty(), t.code.c_str());
        QVERIFY(result.farmland.present);
        QVERIFY(result.farmland.areaM2 > 0);
    }
};

QTEST_GUILESS_MAIN(SampleCompareTest)
#include "samplecomparetest.moc"
