// `planlines boundary`: a sample site written as a 界址点坐标文件 and read back by our reader
// (the file staff send with a land-approval application).
#include "clirun.h"

#include <geodata/area.h>
#include <geodata/geometry.h>
#include <geodata/import/boundaryfile.h>
#include <geodata/project.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>
#include <vector>

using namespace planlines::geodata;

namespace {

// The area of a parcel's rings as a person would compute it from the file: the shoelace formula
// per ring (relative to its first point, in long double), a ring whose first point lies inside
// an odd number of the other rings being a hole.
double areaOfRings(const std::map<int, std::vector<std::pair<double, double>>> &rings)
{
    const auto inside = [](std::pair<double, double> p,
                           const std::vector<std::pair<double, double>> &ring) {
        bool in = false;
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            if ((ring[i].second > p.second) != (ring[j].second > p.second) &&
                p.first < (ring[j].first - ring[i].first) * (p.second - ring[i].second) /
                                  (ring[j].second - ring[i].second) +
                              ring[i].first)
                in = !in;
        return in;
    };
    long double total = 0;
    for (const auto &[number, ring] : rings) {
        long double twice = 0;
        const auto [x0, y0] = ring.front();
        for (size_t i = 0; i + 1 < ring.size(); ++i) // the ring is closed: last = first
            twice += (static_cast<long double>(ring[i].first) - x0) * (ring[i + 1].second - y0) -
                     (static_cast<long double>(ring[i + 1].first) - x0) * (ring[i].second - y0);
        int around = 0;
        for (const auto &[other, otherRing] : rings)
            if (other != number && inside(ring.front(), otherRing))
                ++around;
        total += (around % 2 ? -1 : 1) * std::abs(twice) / 2;
    }
    return static_cast<double>(total);
}

} // namespace

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
        QVERIFY(parcel.declaredAreaHa.has_value());
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
        // 面积 in 公顷 with 4 decimals: that of the millimetre coordinates, to half a unit.
        QVERIFY2(std::abs(*parcel.declaredAreaHa * 10000 - std::abs(twice) / 2) <= 0.5 + 1e-6,
                 qPrintable(QString::number(*parcel.declaredAreaHa, 'f', 4)));
    }

    // Every sample site: the 面积 on the parcel line is the area of the coordinates the file
    // holds, recomputed here from its own lines (shoelace per ring; a ring inside an odd number
    // of other rings is a hole) to the half 公顷 unit of its 4th decimal (0.5 m²).
    void declaredAreaIsThatOfTheCoordinatesWritten()
    {
        auto project = Project::open(PLANLINES_SAMPLE_DB, true);
        const auto site = project->layers(Role::Site).front();
        auto st = project->db().prepare("SELECT fid FROM \"" + site.table + "\" ORDER BY fid");
        std::vector<std::int64_t> fids;
        while (st.step())
            fids.push_back(st.int64(0));
        QVERIFY(fids.size() >= 10);
        for (const std::int64_t fid : fids) {
            const QString out = m_dir.filePath(QStringLiteral("area%1.txt").arg(fid));
            const CliResult r =
                runPlanlines({QStringLiteral("boundary"), QStringLiteral("--db"),
                              QStringLiteral(PLANLINES_SAMPLE_DB), QStringLiteral("--site"),
                              QString::number(fid), QStringLiteral("--out"), out});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QFile file(out);
            QVERIFY(file.open(QIODevice::ReadOnly));
            // GBK trail bytes are never ',' (0x2C): the numeric fields split safely as bytes.
            const QList<QByteArray> lines = file.readAll().split('\n');
            QByteArray declared;
            std::map<int, std::vector<std::pair<double, double>>> rings; // 圈号 → (X, Y)
            bool coordinates = false;
            for (QByteArray line : lines) {
                line = line.trimmed();
                if (line == "[\xb5\xd8\xbf\xe9\xd7\xf8\xb1\xea]") { // [地块坐标] in GBK
                    coordinates = true;
                    continue;
                }
                if (!coordinates || line.isEmpty())
                    continue;
                const QList<QByteArray> f = line.split(',');
                if (line.endsWith(",@")) {
                    QVERIFY2(declared.isEmpty(), "one parcel");
                    declared = f[1];
                    continue;
                }
                QCOMPARE(f.size(), 4);
                rings[f[1].toInt()].emplace_back(f[2].toDouble(), f[3].toDouble());
            }
            QVERIFY2(declared.size() > 5 && declared[declared.size() - 5] == '.',
                     declared.constData()); // 4 decimals
            QVERIFY(!rings.empty());
            const double areaM2 = areaOfRings(rings);
            QVERIFY2(std::abs(declared.toDouble() * 10000 - areaM2) <= 0.5 + 1e-6,
                     qPrintable(QStringLiteral("fid %1: declared %2 公顷, the coordinates "
                                               "enclose %3 m²")
                                    .arg(fid)
                                    .arg(QString::fromLatin1(declared))
                                    .arg(areaM2, 0, 'f', 4)));
            // The summary states the same 公顷.
            QVERIFY2(r.out.contains(QStringLiteral("= %1 公顷").arg(QString::fromLatin1(declared))),
                     qPrintable(r.out));
        }
    }

    // The format's Y always carries the zone prefix: asked for EPSG:4548 (CM 117°E, no
    // prefix), the file is in EPSG:4527 and the summary says so.
    void summaryNamesTheCrsWritten()
    {
        for (const QString &epsg : {QString(), QStringLiteral("4527"), QStringLiteral("4548")}) {
            const QString out = m_dir.filePath(QStringLiteral("crs%1.txt").arg(epsg));
            QStringList args{QStringLiteral("boundary"),
                             QStringLiteral("--db"),
                             QStringLiteral(PLANLINES_SAMPLE_DB),
                             QStringLiteral("--site"),
                             QStringLiteral("3"),
                             QStringLiteral("--out"),
                             out};
            if (!epsg.isEmpty())
                args << QStringLiteral("--epsg") << epsg;
            const CliResult r = runPlanlines(args);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
            QVERIFY2(r.out.contains(QStringLiteral(
                         ", EPSG:4527 (CGCS2000 3° zone 39, eastings prefixed), GBK\n")),
                     qPrintable(r.out));
            const QString note = QStringLiteral("note: EPSG:4548 has no zone prefix; a boundary "
                                                "file's eastings carry it, so the file is in "
                                                "EPSG:4527\n");
            QCOMPARE(r.out.contains(note), epsg == QStringLiteral("4548"));
            QFile file(out);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            QVERIFY(text.contains("\r\n\xb4\xf8\xba\xc5=39\r\n")); // 带号=39 in GBK
            QVERIFY(text.contains("\r\nJ1,1,41"));                 // X: a northing of 4 1xx xxx m
            const auto file4527 = import::BoundaryFile::read(out.toStdString());
            QCOMPARE(file4527.crs.epsg(), 4527);
            QVERIFY(file4527.parcels.front().rings.front().eastingNorthing[0] > 39000000.0);
        }
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
