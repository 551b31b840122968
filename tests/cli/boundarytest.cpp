// `planlines boundary`: a sample site written as a 界址点坐标文件 and read back by our reader
// (the file staff send with a land-approval application).
#include "clirun.h"

#include <geodata/area.h>
#include <geodata/geometry.h>
#include <geodata/import/boundaryfile.h>
#include <geodata/project.h>

#include <QTemporaryDir>
#include <QTest>

using namespace planlines::geodata;

class BoundaryCommandTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void writesASiteThatReadsBackExactly()
    {
        auto project = Project::open(PLANLINES_SAMPLE_DB, true);
        const auto site = project->layers(Role::Site).front();
        auto st = project->db().prepare("SELECT XMMC, ST_Area(geom), AsText(geom) FROM \"" +
                                        site.table + "\" WHERE fid = 3");
        QVERIFY(st.step());
        const std::string name = st.text(0);
        const double area = std::get<double>(st.value(1));
        QCOMPARE(Geometry::fromWkt(st.text(2)).numGeometries(), 1);
        std::vector<double> xy; // the stored ring's vertices, closing one included
        auto pts = project->db().prepare(
            "WITH RECURSIVE r(g) AS (SELECT ExteriorRing(GeometryN(geom, 1)) FROM \"" + site.table +
            "\" WHERE fid = 3), i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i, r WHERE n < "
            "NumPoints(g)) SELECT X(PointN(g, n)), Y(PointN(g, n)) FROM i, r ORDER BY n");
        while (pts.step()) {
            xy.push_back(std::get<double>(pts.value(0)));
            xy.push_back(std::get<double>(pts.value(1)));
        }

        const QString out = m_dir.filePath(QStringLiteral("site.txt"));
        const CliResult r =
            runPlanlines({QStringLiteral("boundary"), QStringLiteral("--db"),
                          QStringLiteral(PLANLINES_SAMPLE_DB), QStringLiteral("--site"),
                          QString::fromStdString(name), QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QString::fromStdString(name)), qPrintable(r.out));

        const auto file = import::BoundaryFile::read(out.toStdString());
        QCOMPARE(QString::fromStdString(file.encoding.name), QStringLiteral("GBK"));
        QCOMPARE(file.parcels.size(), size_t(1));
        const auto &parcel = file.parcels.front();
        QCOMPARE(QString::fromStdString(parcel.name), QString::fromStdString(name));
        // 面积 in 公顷 with 4 decimals, as the file states it.
        QVERIFY(parcel.declaredAreaHa.has_value());
        QVERIFY(std::abs(*parcel.declaredAreaHa - m2ToHa(area)) <= 0.00005);
        // The working CRS (EPSG:4548, CM 117°E) written with the zone prefix: EPSG:4527.
        QCOMPARE(file.crs.epsg(), 4527);
        // Every vertex to the millimetre (X northing, Y = 39 000 000 + easting), and the
        // area of those millimetre coordinates by the shoelace formula to 0.01 m².
        const auto &ring = parcel.rings.front();
        QCOMPARE(ring.eastingNorthing.size() + 2, xy.size()); // the file's ring is open
        double twice = 0;
        const size_t n = ring.eastingNorthing.size() / 2;
        for (size_t i = 0; i < n; ++i) {
            QVERIFY(std::abs(ring.eastingNorthing[2 * i] - 39000000.0 - xy[2 * i]) <= 0.0005);
            QVERIFY(std::abs(ring.eastingNorthing[2 * i + 1] - xy[2 * i + 1]) <= 0.0005);
            const size_t j = (i + 1) % n;
            twice += (ring.eastingNorthing[2 * i] - 39000000.0) * ring.eastingNorthing[2 * j + 1] -
                     (ring.eastingNorthing[2 * j] - 39000000.0) * ring.eastingNorthing[2 * i + 1];
        }
        QVERIFY2(std::abs(parcel.area().areaM2 - std::abs(twice) / 2) < 0.01,
                 qPrintable(QString::number(parcel.area().areaM2 - std::abs(twice) / 2)));
        QVERIFY2(std::abs(parcel.area().areaM2 - area) < 1.0, "mm rounding moves 17 ha < 1 m²");
    }

    void unknownSiteAndMissingOptionsAreClear()
    {
        const QString out = m_dir.filePath(QStringLiteral("none.txt"));
        CliResult r = runPlanlines({QStringLiteral("boundary"), QStringLiteral("--db"),
                                    QStringLiteral(PLANLINES_SAMPLE_DB), QStringLiteral("--site"),
                                    QStringLiteral("没有这个项目"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no feature with fid or XMMC '没有这个项目'")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
        r = runPlanlines({QStringLiteral("boundary"), QStringLiteral("--db"),
                          QStringLiteral(PLANLINES_SAMPLE_DB), QStringLiteral("--site"),
                          QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--site and --out are required")),
                 qPrintable(r.err));
        r = runPlanlines({QStringLiteral("boundary"), QStringLiteral("--db"),
                          QStringLiteral(PLANLINES_SAMPLE_DB), QStringLiteral("--site"),
                          QStringLiteral("1"), QStringLiteral("--layer"), QStringLiteral("道路"),
                          QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(BoundaryCommandTest)
#include "boundarytest.moc"
