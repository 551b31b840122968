// Tests geodata/import/fileimporter.h end to end on fixtures the test writes with GDAL: GBK
// without .cpg, no .prj, GeoJSON in EPSG:4490, GeoPackage with repairs and rejections, a zipped
// Shapefile, versioned re-import, cancel, and bad inputs that must leave the database as it was
// without touching the network. Run on both engines (the _pg twin imports into PostGIS): the
// stored features are read back through FeatureSource.
#include "../storedfeature.h"
#include "../storeprobe.h"
#include "../testsupport.h"
#include "common/teststore.h"
#include "importfixtures.h"

#include <geodata/coordinatetransform.h>
#include <geodata/geometry.h>
#include <geodata/import/fileimporter.h>
#include <geodata/import/gdalenvironment.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>

#include <cmath>
#include <limits>

using namespace planlines::geodata;
using namespace planlines::geodata::import;
using namespace planlines::geodata::test;

namespace {

const std::vector<std::pair<std::string, OGRFieldType>> kDltbFields = {
    {"BSM", OFTString},    {"DLBM", OFTString},   {"DLMC", OFTString},
    {"ZLDWMC", OFTString}, {"QSDWMC", OFTString}, {"TBMJ", OFTReal}};

std::string square(double x, double y, double side)
{
    auto p = [](double a, double b) { return std::to_string(a) + " " + std::to_string(b); };
    return "POLYGON((" + p(x, y) + "," + p(x + side, y) + "," + p(x + side, y + side) + "," +
           p(x, y + side) + "," + p(x, y) + "))";
}

// DLTB in CGCS2000 3° zone 39 with prefixed eastings, GBK text, no .cpg, no .prj.
std::string writeGbkDltb(const QString &dir)
{
    FixtureLayer l;
    l.layerName = "DLTB";
    l.fields = kDltbFields;
    l.layerOptions = {"ENCODING=CP936"};
    l.features = {
        {square(39571000, 4115600, 100), {"1", "0102", "水浇地", "田镇街道", "高青县", "10000"}},
        {square(39571200, 4115600, 50), {"2", "0101", "水田", "芦湖街道", "高青县", "2500"}}};
    const std::string path = (dir + "/DLTB.shp").toStdString();
    std::string error;
    if (!writeFixture(path, l, &error))
        qFatal("fixture: %s", error.c_str());
    QFile::remove(dir + "/DLTB.cpg");
    QFile dbf(dir + "/DLTB.dbf"); // no language-driver id either: the bytes must tell
    if (!dbf.open(QIODevice::ReadWrite) || !dbf.seek(29) || dbf.write("\0", 1) != 1)
        qFatal("fixture: cannot clear the LDID");
    return path;
}

// What an import may change, as text: the store's tables and indexes, the registry with each
// layer's versions and fields, the number of audit rows.
QString dump(Project &p)
{
    QString out;
    for (const auto &o : storeObjects(p))
        out += qs(o) + "\n";
    // Every column of the registry, its versions and its fields.
    for (const auto &l : p.layers()) {
        out += qs(std::to_string(l.id) + "|" + l.name + "|" + std::string(roleId(l.role)) + "|" +
                  l.table + "|" + l.geometryType + "|" + l.source + "|" + l.importedAt + "|" +
                  std::to_string(l.version) + "|" + std::to_string(l.featureCount) + "|" + l.crs +
                  "|" + l.checksum + "|" + std::to_string(l.synthetic) + "|" + l.description + "|" +
                  std::to_string(l.sortOrder) + "\n");
        for (const auto &v : p.layerVersions(l))
            out += qs(std::to_string(v.version) + "|" + v.table + "|" + v.source + "|" +
                      v.importedAt + "|" + std::to_string(v.featureCount) + "|" + v.checksum + "|" +
                      v.versionNote + "\n");
        for (const auto &f : p.fields(l.id))
            out += qs(f.name + "|" + std::string(fieldTypeSql(f.type)) + "|" + f.alias + "\n");
    }
    out += QString::number(p.auditLog().size());
    return out;
}

} // namespace

class FileImporterTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<TestStore> m_store;
    std::unique_ptr<Project> m_project;
    int m_n = 0;

    QString sub()
    {
        const QString d = m_dir.filePath(QString::number(++m_n));
        QDir().mkpath(d);
        return d;
    }
    FileReport run(const std::string &path, ImportOptions options = {})
    {
        return FileImporter(*m_project, std::move(options)).import(path);
    }
    // Runs an import that must fail, naming the file and every fragment, changing nothing.
    void expectFailure(const std::string &path, std::initializer_list<std::string> fragments,
                       ImportOptions options = {})
    {
        const QString before = dump(*m_project);
        const FileReport r = run(path, std::move(options));
        QVERIFY2(!r.ok, "the import should have failed");
        for (const auto &f : fragments)
            QVERIFY2(
                r.error.find(f) != std::string::npos,
                qPrintable(QStringLiteral("error \"%1\" lacks \"%2\"").arg(qs(r.error), qs(f))));
        const std::string name = QFileInfo(qs(path)).fileName().toStdString();
        QVERIFY2(r.error.find(name) != std::string::npos, r.error.c_str());
        QCOMPARE(dump(*m_project), before);
    }

private slots:
    void init()
    {
        m_project.reset();
        m_store = std::make_unique<TestStore>("importer");
        m_project = Project::create(m_store->location(), "EPSG:4548", "高青县", "370322");
    }

    void gbkShapefileWithoutCpgOrPrj()
    {
        const std::string shp = writeGbkDltb(sub());
        const FileReport r = run(shp);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.layers.size(), size_t(1));
        const LayerReport &l = r.layers[0];
        QCOMPARE(qs(l.role), QStringLiteral("landuse"));
        QCOMPARE(qs(l.roleReason), QStringLiteral("recognised from layer name DLTB"));
        QCOMPARE(qs(l.encoding), QStringLiteral("CP936"));
        QCOMPARE(qs(l.encodingHow), QStringLiteral("detected"));
        QCOMPARE(qs(l.crsHow), QStringLiteral("inferred"));
        QVERIFY(l.sourceCrs.rfind("EPSG:4527", 0) == 0);
        QVERIFY(l.crsDetail.rfind("CRS inferred from coordinate ranges: ", 0) == 0);
        QCOMPARE(l.written, std::int64_t(2));
        QCOMPARE(l.version, 1);

        const auto f = featureWhere(*m_project, "dltb", {"DLMC", "ZLDWMC", "QSDWMC"}, "BSM", "1");
        QCOMPARE(qs(f.text(0)), QStringLiteral("水浇地"));
        QCOMPARE(qs(f.text(1)), QStringLiteral("田镇街道"));
        QCOMPARE(qs(f.text(2)), QStringLiteral("高青县"));
        double xy[2] = {39571000, 4115600};
        CoordinateTransform("EPSG:4527", "EPSG:4548").transform(xy);
        PL_COMPARE_NEAR(f.geometry.envelope().minX, xy[0], 0.001, "m");
        PL_COMPARE_NEAR(f.geometry.envelope().minY, xy[1], 0.001, "m");
        PL_COMPARE_NEAR(f.geometry.area(), 10000.0, 0.01, "m²");
        QString alias;
        for (const auto &field : m_project->fields(m_project->layer("dltb")->id))
            if (field.name == "DLBM")
                alias = qs(field.alias);
        QCOMPARE(alias, QStringLiteral("地类编码"));
    }

    void encodingOverride()
    {
        const std::string shp = writeGbkDltb(sub());
        ImportOptions o;
        o.encoding = "GBK";
        const FileReport r = run(shp, o);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(qs(r.layers[0].encodingHow), QStringLiteral("override"));
        QCOMPARE(qs(featureWhere(*m_project, "dltb", {"DLMC"}, "BSM", "2").text(0)),
                 QStringLiteral("水田"));
    }

    void geojsonIn4490()
    {
        const double lon = 117.8, lat = 37.2, d = 0.01;
        FixtureLayer l;
        l.driver = "GeoJSON";
        l.layerName = "towns";
        l.epsg = 4490;
        l.fields = {{"XZQDM", OFTString}, {"XZQMC", OFTString}};
        char wkt[256];
        std::snprintf(wkt, sizeof wkt,
                      "POLYGON((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))", lon, lat,
                      lon + d, lat, lon + d, lat + d, lon, lat + d, lon, lat);
        l.features = {{wkt, {"370322001000", "田镇街道"}}};
        const std::string path = (sub() + "/towns.geojson").toStdString();
        std::string error;
        QVERIFY2(writeFixture(path, l, &error), error.c_str());
        const FileReport r = run(path);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(qs(r.layers[0].role), QStringLiteral("township"));
        QCOMPARE(qs(r.layers[0].crsHow), QStringLiteral("source"));
        QVERIFY(r.layers[0].sourceCrs.rfind("EPSG:4490", 0) == 0);

        std::vector<double> ring = {lon, lat, lon + d, lat, lon + d, lat + d, lon, lat + d};
        CoordinateTransform("EPSG:4490", "EPSG:4548").transform(ring);
        const auto town = featureWhere(*m_project, "towns", {"XZQMC"});
        // The first point of the first part's outer ring.
        PL_COMPARE_NEAR(town.flat.xy.at(0), ring[0], 0.001, "m");
        PL_COMPARE_NEAR(town.flat.xy.at(1), ring[1], 0.001, "m");
        const double expectedArea = Geometry::polygon(ring).area();
        PL_COMPARE_NEAR(town.geometry.area(), expectedArea, 0.01, "m²");
        QCOMPARE(qs(town.text(0)), QStringLiteral("田镇街道"));
    }

    void geopackageRepairsAndRejects()
    {
        FixtureLayer l;
        l.driver = "GPKG";
        l.layerName = "STBHHX";
        l.epsg = 4548;
        l.fields = {{"HXMC", OFTString}};
        OGRGeometryH nanRing = OGR_G_CreateGeometry(wkbLinearRing);
        OGR_G_AddPoint_2D(nanRing, 571000, 4115600);
        OGR_G_AddPoint_2D(nanRing, std::numeric_limits<double>::quiet_NaN(), 4115600);
        OGR_G_AddPoint_2D(nanRing, 571100, 4115700);
        OGR_G_AddPoint_2D(nanRing, 571000, 4115600);
        OGRGeometryH nanPoly = OGR_G_CreateGeometry(wkbPolygon);
        OGR_G_AddGeometryDirectly(nanPoly, nanRing);
        l.features = {{square(571000, 4115600, 100), {"黄河湿地"}},
                      {"POLYGON((571200 4115600,571300 4115700,571300 4115600,571200 "
                       "4115700,571200 4115600))",
                       {"蝴蝶"}},
                      {"", {"坏点"}, nanPoly},
                      {"", {"无图形"}}};
        const std::string path = (sub() + "/redline.gpkg").toStdString();
        std::string error;
        QVERIFY2(writeFixture(path, l, &error), error.c_str());
        const FileReport r = run(path);
        QVERIFY2(r.ok, r.error.c_str());
        const LayerReport &lr = r.layers[0];
        QCOMPARE(qs(lr.role), QStringLiteral("eco_redline"));
        QCOMPARE(lr.read, std::int64_t(4));
        QCOMPARE(lr.written, std::int64_t(2));
        QCOMPARE(lr.repaired.size(), size_t(1));
        QCOMPARE(lr.repaired[0].fid, std::int64_t(2));
        QCOMPARE(lr.rejected.size(), size_t(2));
        QCOMPARE(lr.rejected[0].fid, std::int64_t(3));
        QVERIFY2(lr.rejected[0].reason.find("NaN") != std::string::npos,
                 lr.rejected[0].reason.c_str());
        QCOMPARE(lr.rejected[1].fid, std::int64_t(4));
        QCOMPARE(qs(lr.rejected[1].reason), QStringLiteral("no geometry"));
        QVERIFY(!ImportReport{{r}}.clean());
        // The bow-tie's two triangles: 2 × ¼ of the 100 m square.
        PL_COMPARE_NEAR(featureWhere(*m_project, "stbhhx", {}, "HXMC", "蝴蝶").geometry.area(),
                        5000.0, 0.01, "m²");
        const QString text = qs(ImportReport{{r}}.toText());
        QVERIFY(text.contains(QStringLiteral("rejected feature 3:")));
    }

    void zippedShapefileWithCpgAndPrj()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("zip")).isEmpty())
            QSKIP("the zip program is not installed");
        const QString d = sub();
        FixtureLayer l;
        l.layerName = "YJJBNTTB";
        l.epsg = 4527;
        l.fields = {{"YJJBNTTBBH", OFTString}, {"ZLDWMC", OFTString}};
        l.layerOptions = {"ENCODING=UTF-8"};
        l.features = {{square(39571000, 4115600, 100), {"0001", "田镇街道"}}};
        std::string error;
        QVERIFY2(writeFixture((d + "/YJJBNTTB.shp").toStdString(), l, &error), error.c_str());
        QProcess zip;
        zip.setWorkingDirectory(d);
        zip.start(QStringLiteral("zip"),
                  {QStringLiteral("-q"), QStringLiteral("farm.zip"), QStringLiteral("YJJBNTTB.shp"),
                   QStringLiteral("YJJBNTTB.shx"), QStringLiteral("YJJBNTTB.dbf"),
                   QStringLiteral("YJJBNTTB.prj"), QStringLiteral("YJJBNTTB.cpg")});
        QVERIFY(zip.waitForFinished() && zip.exitCode() == 0);
        const FileReport r = run((d + "/farm.zip").toStdString());
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(qs(r.layers[0].role), QStringLiteral("basic_farmland"));
        QCOMPARE(qs(r.layers[0].encodingHow), QStringLiteral("cpg"));
        QCOMPARE(qs(r.layers[0].crsHow), QStringLiteral("source"));
        QVERIFY(r.layers[0].sourceCrs.rfind("EPSG:4527", 0) == 0);
        const auto farm = featureWhere(*m_project, "yjjbnttb", {"ZLDWMC"});
        QCOMPARE(qs(farm.text(0)), QStringLiteral("田镇街道"));
        PL_COMPARE_NEAR(farm.geometry.envelope().minX, 571000.0, 0.001, "m");
    }

    void reimportKeepsVersions()
    {
        const std::string shp = writeGbkDltb(sub());
        QVERIFY(run(shp).ok);
        const FileReport r = run(shp);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.layers[0].version, 2);
        const auto layer = m_project->layer("DLTB");
        QVERIFY(layer);
        QCOMPARE(layer->version, 2);
        // SpatiaLite moves version 1 to dltb_v1; PostGIS writes version 2 as dltb_v2.
        QCOMPARE(qs(layer->table),
                 m_store->postgis() ? QStringLiteral("dltb_v2") : QStringLiteral("dltb"));
        QString versions;
        for (const auto &v : m_project->layerVersions(*layer))
            versions += QString::number(v.version) + ":" + qs(v.table) + " ";
        QCOMPARE(versions, m_store->postgis() ? QStringLiteral("1:dltb 2:dltb_v2 ")
                                              : QStringLiteral("1:dltb_v1 2:dltb "));
        FeatureRequest all;
        all.geometry = false;
        QCOMPARE(m_project->features(m_project->layerVersions(*layer).front())->count(all),
                 std::int64_t(2));
        int replaced = 0;
        for (const auto &a : m_project->auditLog())
            replaced += a.action == "layer.replace";
        QCOMPARE(replaced, 1);
        if (!m_store->postgis())
            QCOMPARE(qs(std::get<std::string>(*m_project->db().scalar("PRAGMA integrity_check"))),
                     QStringLiteral("ok"));
    }

    void cancelLeavesNothing()
    {
        const std::string shp = writeGbkDltb(sub());
        ImportOptions o;
        o.cancelled = [] { return true; };
        o.cancelCheckEvery = 1;
        expectFailure(shp, {"cancelled"}, o);
    }

    void progressIsToldAndCancelStopsMidway()
    {
        const std::string shp = writeGbkDltb(sub()); // two features
        std::vector<std::pair<std::int64_t, std::int64_t>> told;
        ImportOptions o;
        o.progress = [&](const std::string &layer, std::int64_t read, std::int64_t total) {
            QCOMPARE(layer, std::string("DLTB"));
            told.emplace_back(read, total);
        };
        o.cancelled = [&] { return told.size() == 2; };
        o.cancelCheckEvery = 1;
        const FileReport r = run(shp, o);
        QVERIFY(!r.ok);
        QCOMPARE(told.size(), size_t(2));
        QCOMPARE(told[0], std::make_pair(std::int64_t(1), std::int64_t(2)));
        QCOMPARE(told[1], std::make_pair(std::int64_t(2), std::int64_t(2)));
        QVERIFY(!m_project->layer("DLTB"));
        QVERIFY(!m_project->hasTable("dltb"));
    }

    void badInputs()
    {
        // Truncated .shp.
        {
            const QString d = sub();
            writeGbkDltb(d);
            QFile shp(d + "/DLTB.shp");
            QVERIFY(shp.resize(130));
            expectFailure((d + "/DLTB.shp").toStdString(), {"DLTB"});
        }
        // Missing .dbf.
        {
            const QString d = sub();
            writeGbkDltb(d);
            QFile::remove(d + "/DLTB.dbf");
            expectFailure((d + "/DLTB.shp").toStdString(), {"no .dbf"});
        }
        // Empty file.
        {
            const QString path = sub() + "/empty.geojson";
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.close();
            expectFailure(path.toStdString(), {"empty"});
        }
        // A zip with ../ entries.
        {
            const QString path = sub() + "/evil.zip";
            QVERIFY(writeStoredZip(path, {{"x.shp", "1"}, {"../../x.dbf", "2"}}));
            expectFailure(path.toStdString(), {"unsafe path", "../../x.dbf"});
        }
        // A VRT pointing at /etc/passwd: refused by extension, and as content of a .geojson.
        {
            const QString d = sub();
            const QByteArray vrt = "<OGRVRTDataSource><OGRVRTLayer name=\"p\"><SrcDataSource>"
                                   "/etc/passwd</SrcDataSource></OGRVRTLayer></OGRVRTDataSource>";
            for (const QString &name : {QStringLiteral("p.vrt"), QStringLiteral("p.geojson")}) {
                QFile f(d + "/" + name);
                QVERIFY(f.open(QIODevice::WriteOnly));
                f.write(vrt);
                f.close();
            }
            expectFailure((d + "/p.vrt").toStdString(), {"unsupported format '.vrt'"});
            expectFailure((d + "/p.geojson").toStdString(), {"cannot be read as GeoJSON"});
        }
    }

    void nothingReachesTheNetwork()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(server.serverPort());
        const int fetchesBefore = GdalEnvironment::refusedFetches();
        // A .prj that is a URL.
        {
            const QString d = sub();
            writeGbkDltb(d);
            QFile prj(d + "/DLTB.prj");
            QVERIFY(prj.open(QIODevice::WriteOnly));
            prj.write((url + "crs.prj").toUtf8());
            prj.close();
            expectFailure((d + "/DLTB.shp").toStdString(), {".prj holds a URL"});
        }
        // A KML whose only content is a NetworkLink to the local server.
        {
            const QString path = sub() + "/link.kml";
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml "
                     "xmlns=\"http://www.opengis.net/kml/2.2\">"
                     "<Document><NetworkLink><name>n</name><Link><href>" +
                     url +
                     "doc.kml</href>"
                     "</Link></NetworkLink></Document></kml>")
                        .toUtf8());
            f.close();
            ImportOptions o;
            o.role = Role::Context;
            expectFailure(path.toStdString(), {"link.kml"}, o);
        }
        // A GeoJSON whose "crs" is a link.
        {
            const QString path = sub() + "/linked.geojson";
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"link\",\"properties\":{"
                     "\"href\":\"" +
                     url +
                     "crs\",\"type\":\"proj4\"}},\"features\":[{\"type\":\"Feature\","
                     "\"properties\":{\"XMMC\":\"x\"},"
                     "\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.8,37.2]}}]}")
                        .toUtf8());
            f.close();
            run(path.toStdString()); // whatever it decides, it must not connect
        }
        QTest::qWait(200);
        QVERIFY2(!server.hasPendingConnections() && !server.waitForNewConnection(100),
                 "an import connected to the local server");
        Q_UNUSED(fetchesBefore);
    }
};

QTEST_GUILESS_MAIN(FileImporterTest)
#include "fileimportertest.moc"
