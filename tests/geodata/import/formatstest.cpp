// Tests that every format of the import issue really comes in, on fixtures the test writes with
// the OGR C API: a 三调 File Geodatabase (folder, --layer, zipped), DXF split into polygons and
// lines (with and without --srs), MapInfo TAB and MIF in GBK, KML and KMZ, CSV with WKT and with
// X/Y columns in either order, and multi-layer SpatiaLite and GeoPackage files. Coordinates are
// checked within 1 mm of a direct PROJ transform, areas within 0.01 m², Chinese text exactly.
// Run on both engines (the _pg twin imports into PostGIS): the stored features are read back
// through FeatureSource.
#include "../storedfeature.h"
#include "../testsupport.h"
#include "common/teststore.h"
#include "formatsfixtures.h"
#include "importfixtures.h"

#include <geodata/coordinatetransform.h>
#include <geodata/geometry.h>
#include <geodata/import/fileimporter.h>
#include <geodata/import/textencoding.h>

#include <cpl_conv.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <fstream>

using namespace planlines::geodata;
using namespace planlines::geodata::import;
using namespace planlines::geodata::test;

namespace {

// Attribute column of feature fid (the first one, unless told) of a layer (name or table).
std::string text(Project &p, const std::string &layer, const std::string &column,
                 std::int64_t fid = 1)
{
    return featureWhere(p, layer, {column}, {}, {}, fid).text(0);
}

const LayerReport *layerNamed(const FileReport &r, const std::string &source)
{
    for (const auto &l : r.layers)
        if (l.sourceLayer == source)
            return &l;
    return nullptr;
}

bool runZip(const QString &dir, const QStringList &args)
{
    QProcess zip;
    zip.setWorkingDirectory(dir);
    zip.start(QStringLiteral("zip"), QStringList{QStringLiteral("-qr")} + args);
    return zip.waitForFinished() && zip.exitCode() == 0;
}

std::string multi(double x, double y, double side)
{
    return "MULTIPOLYGON(((" + ring(squareXY(x, y, side)) + ")))";
}

} // namespace

class FormatsTest : public QObject
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
    // The feature's bounding box and area equal those of the source polygon `xy` (in `crs`)
    // transformed by PROJ to the working CRS: within 1 mm and 0.01 m².
    // The feature: fid 1 of the layer in table, or the one whose column equals value.
    void checkPolygon(const std::string &table, const std::string &column, const std::string &value,
                      const std::string &crs, std::vector<double> xy)
    {
        if (crs != "EPSG:4548")
            CoordinateTransform(crs, "EPSG:4548").transform(xy);
        double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
        for (size_t i = 0; i + 1 < xy.size(); i += 2) {
            minX = std::min(minX, xy[i]);
            maxX = std::max(maxX, xy[i]);
            minY = std::min(minY, xy[i + 1]);
            maxY = std::max(maxY, xy[i + 1]);
        }
        const auto f = featureWhere(*m_project, table, {}, column, value, column.empty() ? 1 : 0);
        const Envelope box = f.geometry.envelope();
        PL_COMPARE_NEAR(box.minX, minX, 0.001, "m");
        PL_COMPARE_NEAR(box.minY, minY, 0.001, "m");
        PL_COMPARE_NEAR(box.maxX, maxX, 0.001, "m");
        PL_COMPARE_NEAR(box.maxY, maxY, 0.001, "m");
        PL_COMPARE_NEAR(f.geometry.area(), Geometry::polygon(xy).area(), 0.01, "m²");
    }
    void checkPoint(const std::string &table, const std::string &crs, double x, double y)
    {
        double xy[2] = {x, y};
        CoordinateTransform(crs, "EPSG:4548").transform(xy);
        const auto f = featureWhere(*m_project, table, {}, {}, {}, 1);
        PL_COMPARE_NEAR(f.geometry.x(), xy[0], 0.001, "m");
        PL_COMPARE_NEAR(f.geometry.y(), xy[1], 0.001, "m");
    }
    void checkSandiao(const FileReport &r)
    {
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.layers.size(), size_t(3));
        const std::pair<const char *, const char *> roles[] = {
            {"DLTB", "landuse"}, {"XZQ", "township"}, {"YJJBNTTB", "basic_farmland"}};
        for (const auto &[layer, role] : roles) {
            const LayerReport *l = layerNamed(r, layer);
            QVERIFY2(l, layer);
            QCOMPARE(qs(l->role), qs(role));
            QVERIFY(l->sourceCrs.rfind("EPSG:4527", 0) == 0);
        }
        const auto bsm1 = featureWhere(*m_project, "dltb", {"DLMC", "ZLDWMC"}, "BSM", "1");
        QCOMPARE(qs(bsm1.text(0)), QStringLiteral("水浇地"));
        QCOMPARE(qs(bsm1.text(1)), QStringLiteral("田镇街道"));
        QCOMPARE(qs(text(*m_project, "xzq", "XZQMC")), QStringLiteral("高青县"));
        QCOMPARE(qs(text(*m_project, "yjjbnttb", "ZLDWMC")), QStringLiteral("田镇街道"));
        checkPolygon("dltb", "BSM", "1", "EPSG:4527", squareXY(39571000, 4115600, 100));
        checkPolygon("dltb", "BSM", "2", "EPSG:4527", squareXY(39571200, 4115600, 50));
        checkPolygon("xzq", {}, {}, "EPSG:4527", squareXY(39570000, 4115000, 3000));
    }
    std::string writeGdb(const QString &dir)
    {
        const std::string path = (dir + "/sandiao.gdb").toStdString();
        std::string error;
        if (!writeFixtureLayers(path, "OpenFileGDB", sandiaoLayers(), {}, &error))
            qFatal("fixture: %s", error.c_str());
        return path;
    }

private slots:
    void init()
    {
        m_project.reset();
        m_store = std::make_unique<TestStore>("formats");
        m_project = Project::create(m_store->location(), "EPSG:4548", "高青县", "370322");
    }

    void fileGeodatabaseAllLayers() { checkSandiao(run(writeGdb(sub()))); }

    void fileGeodatabaseChosenLayer()
    {
        ImportOptions o;
        o.layers = {"XZQ"};
        const FileReport r = run(writeGdb(sub()), o);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.layers.size(), size_t(1));
        QCOMPARE(qs(r.layers[0].role), QStringLiteral("township"));
        QVERIFY(!m_project->layer("DLTB"));
        QCOMPARE(qs(text(*m_project, "xzq", "XZQMC")), QStringLiteral("高青县"));
    }

    void fileGeodatabaseZipped()
    {
        const QString d = sub();
        writeGdb(d);
        if (!QStandardPaths::findExecutable(QStringLiteral("zip")).isEmpty()) {
            QVERIFY(runZip(d, {QStringLiteral("sandiao.gdb.zip"), QStringLiteral("sandiao.gdb")}));
        } else {
            std::vector<std::pair<std::string, QByteArray>> entries;
            for (const QString &f : QDir(d + "/sandiao.gdb").entryList(QDir::Files)) {
                QFile in(d + "/sandiao.gdb/" + f);
                QVERIFY(in.open(QIODevice::ReadOnly));
                entries.emplace_back("sandiao.gdb/" + f.toStdString(), in.readAll());
            }
            QVERIFY(writeStoredZip(d + "/sandiao.gdb.zip", entries));
        }
        checkSandiao(run((d + "/sandiao.gdb.zip").toStdString()));
    }

    // closed LWPOLYLINE + open LWPOLYLINE (site.dxf, DXF_WRITE_HATCH=NO), or a HATCH (hatch.dxf).
    std::string writeDxf(const QString &dir, bool hatch)
    {
        FixtureLayer l{"", "entities", 0, wkbUnknown, {}, {}, {}};
        if (hatch)
            l.features = {{square(39571200, 4115600, 50), {}}};
        else
            l.features = {{square(39571000, 4115600, 100), {}},
                          {"LINESTRING(39571000 4115800,39571100 4115800,39571100 4115900)", {}}};
        const std::string path = (dir + (hatch ? "/hatch.dxf" : "/site.dxf")).toStdString();
        std::string error;
        CPLSetThreadLocalConfigOption("DXF_WRITE_HATCH", hatch ? "YES" : "NO");
        const bool ok = writeFixtureLayers(path, "DXF", {{l, {}}}, {}, &error);
        CPLSetThreadLocalConfigOption("DXF_WRITE_HATCH", nullptr);
        if (!ok)
            qFatal("fixture: %s", error.c_str());
        QFile f(qs(path));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("fixture: no DXF");
        const QByteArray all = f.readAll();
        const QByteArray dxf = all.mid(all.indexOf("ENTITIES"));
        const int polylines = int(dxf.count("\nLWPOLYLINE")), hatches = int(dxf.count("\nHATCH"));
        // The closed one carries flag 70 = 1 (closed), the open one 70 = 0.
        if (polylines != (hatch ? 0 : 2) || hatches != (hatch ? 1 : 0) ||
            (!hatch && !dxf.contains(" 70\n1\n")))
            qFatal("fixture: the DXF holds %d LWPOLYLINE and %d HATCH", polylines, hatches);
        return path;
    }
    void checkDxf(const FileReport &r)
    {
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.layers.size(), size_t(2));
        const LayerReport *polys = layerNamed(r, "site");
        const LayerReport *lines = layerNamed(r, "lines_site");
        QVERIFY(polys && lines);
        QCOMPARE(qs(polys->geometryType), QStringLiteral("MULTIPOLYGON"));
        QCOMPARE(polys->written, std::int64_t(1));
        QCOMPARE(qs(lines->geometryType), QStringLiteral("MULTILINESTRING"));
        QCOMPARE(lines->written, std::int64_t(1));
        QCOMPARE(qs(polys->role), QStringLiteral("site"));
        QVERIFY(polys->sourceCrs.rfind("EPSG:4527", 0) == 0);
        checkPolygon(polys->table, {}, {}, "EPSG:4527", squareXY(39571000, 4115600, 100));
        double xy[2] = {39571000, 4115800};
        CoordinateTransform("EPSG:4527", "EPSG:4548").transform(xy);
        const auto line = featureWhere(*m_project, lines->table, {});
        PL_COMPARE_NEAR(line.geometry.envelope().minX, xy[0], 0.001, "m");
        PL_COMPARE_NEAR(line.geometry.envelope().minY, xy[1], 0.001, "m");
        PL_COMPARE_NEAR(line.geometry.length(), 200.0, 0.001, "m");
    }

    void dxfWithSrsOverride()
    {
        ImportOptions o;
        o.role = Role::Site;
        o.srs = "EPSG:4527";
        const FileReport r = run(writeDxf(sub(), false), o);
        checkDxf(r);
        QCOMPARE(qs(r.layers[0].crsHow), QStringLiteral("override"));
    }

    void dxfWithInferredCrs()
    {
        ImportOptions o;
        o.role = Role::Site;
        const FileReport r = run(writeDxf(sub(), false), o);
        checkDxf(r);
        QCOMPARE(qs(r.layers[0].crsHow), QStringLiteral("inferred"));
    }

    void dxfHatch()
    {
        ImportOptions o;
        o.role = Role::Site;
        o.srs = "EPSG:4527";
        const FileReport r = run(writeDxf(sub(), true), o);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.layers.size(), size_t(1));
        QCOMPARE(qs(r.layers[0].sourceLayer), QStringLiteral("hatch"));
        QCOMPARE(qs(r.layers[0].geometryType), QStringLiteral("MULTIPOLYGON"));
        checkPolygon(r.layers[0].table, {}, {}, "EPSG:4527", squareXY(39571200, 4115600, 50));
    }

    void mapinfoTabAndMif_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::newRow("TAB") << QStringLiteral("DLTB.tab") << QString();
        QTest::newRow("MIF") << QStringLiteral("DLTB.mif") << QStringLiteral("FORMAT=MIF");
    }
    void mapinfoTabAndMif()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        FixtureLayer l{"",
                       "DLTB",
                       4490,
                       wkbPolygon,
                       {{"DLBM", OFTString},
                        {"DLMC", OFTString},
                        {"ZLDWMC", OFTString},
                        {"QSDWMC", OFTString},
                        {"TBMJ", OFTReal}},
                       {"ENCODING=CP936"},
                       {}};
        const auto xy = squareXY(117.8, 37.2, 0.001);
        l.features = {
            {"POLYGON((" + ring(xy) + "))", {"0102", "水浇地", "田镇街道", "高青县", "10000"}}};
        const QString d = sub();
        const std::string path = (d + "/" + file).toStdString();
        std::string error;
        QVERIFY2(writeFixtureLayers(path, "MapInfo File", {{l, {}}},
                                    format.isEmpty()
                                        ? std::vector<std::string>{}
                                        : std::vector<std::string>{format.toStdString()},
                                    &error),
                 error.c_str());
        // MapInfo stores the charset in the header: the bytes are GBK, not UTF-8.
        QFile header(d + (format.isEmpty() ? "/DLTB.tab" : "/DLTB.mif"));
        QVERIFY(header.open(QIODevice::ReadOnly));
        QVERIFY(header.readAll().contains("WindowsSimpChinese"));
        const FileReport r = run(path);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(qs(r.layers[0].role), QStringLiteral("landuse"));
        QCOMPARE(qs(text(*m_project, "dltb", "DLMC")), QStringLiteral("水浇地"));
        QCOMPARE(qs(text(*m_project, "dltb", "ZLDWMC")), QStringLiteral("田镇街道"));
        QCOMPARE(qs(text(*m_project, "dltb", "QSDWMC")), QStringLiteral("高青县"));
        checkPolygon("dltb", {}, {}, "EPSG:4490", xy);
    }

    std::string writeKml(const QString &dir, const std::vector<double> &xy)
    {
        FixtureLayer l{"", "XZQ", 4326, wkbPolygon, {{"Name", OFTString}, {"XZQDM", OFTString}},
                       {}, {}};
        l.features = {{"POLYGON((" + ring(xy) + "))", {"田镇街道", "370322001000"}}};
        const std::string path = (dir + "/doc.kml").toStdString();
        std::string error;
        // The KML driver (LIBKML is never used: it follows links) reads <name> and
        // <description>, not ExtendedData: the township name travels as the placemark name.
        if (!writeFixtureLayers(path, "KML", {{l, {}}}, {}, &error))
            qFatal("fixture: %s", error.c_str());
        return path;
    }
    void checkKml(const FileReport &r, const std::vector<double> &xy)
    {
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.layers.size(), size_t(1));
        QCOMPARE(qs(r.layers[0].role), QStringLiteral("township"));
        QVERIFY(r.layers[0].sourceCrs.rfind("EPSG:4326", 0) == 0);
        QCOMPARE(qs(text(*m_project, "xzq", "Name")), QStringLiteral("田镇街道"));
        checkPolygon("xzq", {}, {}, "EPSG:4326", xy);
    }

    void kml()
    {
        const auto xy = squareXY(117.8, 37.2, 0.01);
        checkKml(run(writeKml(sub(), xy)), xy);
    }

    void kmz()
    {
        const QString d = sub();
        const auto xy = squareXY(117.8, 37.2, 0.01);
        QFile kml(qs(writeKml(d, xy)));
        QVERIFY(kml.open(QIODevice::ReadOnly));
        QVERIFY(writeStoredZip(d + "/towns.kmz", {{"doc.kml", kml.readAll()}}));
        checkKml(run((d + "/towns.kmz").toStdString()), xy);
    }

    void kmlExtendedDataIsKept()
    {
        // Both forms Google Earth and survey software write: typed <SchemaData> and <Data>.
        const QByteArray kml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document><name>选址</name>\n"
            "<Schema name=\"s\" id=\"s\"><SimpleField name=\"XMMC\" type=\"string\"/><SimpleField "
            "name=\"MJ\" type=\"float\"/></Schema>\n"
            "<Placemark><name>项目一</name><ExtendedData><SchemaData schemaUrl=\"#s\">\n"
            "  <SimpleData name=\"XMMC\">高青县渔光互补项目</SimpleData><SimpleData "
            "name=\"MJ\">12.5</SimpleData>\n"
            "</SchemaData></ExtendedData>\n"
            "<Polygon><outerBoundaryIs><LinearRing><coordinates>117.80,37.10 117.81,37.10 "
            "117.81,37.11 "
            "117.80,37.10</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n"
            "<Placemark><name>项目二</name><ExtendedData><Data "
            "name=\"JSDW\"><displayName>建设单位</displayName><value>高青县发展和改革局</value></"
            "Data></ExtendedData>\n"
            "<Polygon><outerBoundaryIs><LinearRing><coordinates>117.82,37.10 117.83,37.10 "
            "117.83,37.11 "
            "117.82,37.10</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>\n"
            "</Document></kml>\n";
        const QString d = sub();
        QFile f(d + "/选址.kml");
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kml);
        f.close();
        QVERIFY(writeStoredZip(d + "/选址.kmz", {{"doc.kml", kml}}));
        for (const QString name : {QStringLiteral("选址.kml"), QStringLiteral("选址.kmz")}) {
            ImportOptions o;
            o.role = Role::Site;
            o.name = name.toStdString();
            const FileReport r = run((d + "/" + name).toStdString(), o);
            QVERIFY2(r.ok, r.error.c_str());
            QVERIFY2(r.layers[0].warnings.empty(),
                     r.layers[0].warnings.empty() ? "" : r.layers[0].warnings[0].reason.c_str());
            const std::string t = r.layers[0].table;
            // Joined with | and NULL written '-'.
            const auto joined = [&](std::int64_t fid) {
                const auto f =
                    featureWhere(*m_project, t, {"Name", "XMMC", "MJ", "JSDW"}, {}, {}, fid);
                std::string out;
                for (int i = 0; i < 4; ++i)
                    if (i != 2 || fid == 1) // feature 2: its name, XMMC and JSDW
                        out += (i ? "|" : "") + (f.isNull(i) ? std::string("-") : f.text(i));
                return qs(out);
            };
            QCOMPARE(joined(1), QStringLiteral("项目一|高青县渔光互补项目|12.5|-"));
            QCOMPARE(joined(2), QStringLiteral("项目二|-|高青县发展和改革局"));
        }
    }

    void csvWithWkt()
    {
        FixtureLayer l{"CSV",
                       "sites",
                       0,
                       wkbPolygon,
                       {{"XMMC", OFTString}, {"DLMC", OFTString}},
                       {"GEOMETRY=AS_WKT"},
                       {}};
        l.features = {{square(39571000, 4115600, 100), {"高青县田镇街道项目", "水浇地"}}};
        const std::string path = (sub() + "/sites.csv").toStdString();
        std::string error;
        QVERIFY2(writeFixtureLayers(path, "CSV", {{l, {}}}, {}, &error), error.c_str());
        const FileReport r = run(path);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(qs(r.layers[0].role), QStringLiteral("site"));
        QCOMPARE(qs(r.layers[0].crsHow), QStringLiteral("inferred"));
        QCOMPARE(qs(text(*m_project, "sites", "XMMC")), QStringLiteral("高青县田镇街道项目"));
        QCOMPARE(qs(text(*m_project, "sites", "DLMC")), QStringLiteral("水浇地"));
        checkPolygon("sites", {}, {}, "EPSG:4527", squareXY(39571000, 4115600, 100));
    }

    void csvWithXYColumns_data()
    {
        QTest::addColumn<QString>("xName");
        QTest::addColumn<QString>("yName");
        QTest::addColumn<double>("xValue");
        QTest::addColumn<double>("yValue");
        QTest::addColumn<QString>("crs");
        QTest::addColumn<QString>("easting");
        // Survey convention: X northing, Y prefixed easting.
        QTest::newRow("X/Y survey")
            << QStringLiteral("X") << QStringLiteral("Y") << 4115600.0 << 39571000.0
            << QStringLiteral("EPSG:4527") << QStringLiteral("Y");
        QTest::newRow("横/纵 unprefixed")
            << QStringLiteral("横坐标") << QStringLiteral("纵坐标") << 571000.0 << 4115600.0
            << QStringLiteral("EPSG:4548") << QStringLiteral("横坐标");
        QTest::newRow("东/北 swapped")
            << QStringLiteral("东坐标") << QStringLiteral("北坐标") << 4115600.0 << 571000.0
            << QStringLiteral("EPSG:4548") << QStringLiteral("北坐标");
        QTest::newRow("经度/纬度") << QStringLiteral("经度") << QStringLiteral("纬度") << 117.8
                                   << 37.2 << QStringLiteral("EPSG:4490") << QStringLiteral("经度");
        QTest::newRow("lon/lat swapped")
            << QStringLiteral("lon") << QStringLiteral("lat") << 37.2 << 117.8
            << QStringLiteral("EPSG:4490") << QStringLiteral("lat");
    }
    void csvWithXYColumns()
    {
        QFETCH(QString, xName);
        QFETCH(QString, yName);
        QFETCH(double, xValue);
        QFETCH(double, yValue);
        QFETCH(QString, crs);
        QFETCH(QString, easting);
        FixtureLayer l{
            "CSV",
            "points",
            0,
            wkbNone,
            {{"XMMC", OFTString}, {xName.toStdString(), OFTReal}, {yName.toStdString(), OFTReal}},
            {},
            {}};
        char xs[32], ys[32];
        std::snprintf(xs, sizeof xs, "%.7f", xValue);
        std::snprintf(ys, sizeof ys, "%.7f", yValue);
        l.features = {{"", {"华电渔光互补", xs, ys}}};
        const std::string path = (sub() + "/points.csv").toStdString();
        std::string error;
        QVERIFY2(writeFixtureLayers(path, "CSV", {{l, {}}}, {}, &error), error.c_str());
        const FileReport r = run(path);
        QVERIFY2(r.ok, r.error.c_str());
        const LayerReport &lr = r.layers[0];
        QCOMPARE(qs(lr.role), QStringLiteral("site"));
        QCOMPARE(qs(lr.geometryType), QStringLiteral("POINT"));
        QVERIFY2(lr.sourceCrs.rfind(crs.toStdString(), 0) == 0, lr.sourceCrs.c_str());
        QVERIFY2(qs(lr.crsDetail).contains(QStringLiteral("axis order decided from the values")),
                 lr.crsDetail.c_str());
        QVERIFY2(
            qs(lr.crsDetail).contains(QStringLiteral("so ") + easting + " is read as the easting"),
            lr.crsDetail.c_str());
        QCOMPARE(qs(text(*m_project, "points", "XMMC")), QStringLiteral("华电渔光互补"));
        const bool swapped = easting == yName;
        checkPoint("points", crs.toStdString(), swapped ? yValue : xValue,
                   swapped ? xValue : yValue);
    }

    void csvInGbkWithoutDeclaration()
    {
        // As Excel on a Chinese Windows saves it: GBK, Chinese headers, no BOM.
        const std::string utf8 = "项目名称,横坐标,纵坐标,备注\n"
                                 "华电渔光互补,571000.5,4115600.25,黄河淤背区东侧\n"
                                 "田镇街道光伏,571200,4115800,\n";
        const std::string path = (sub() + "/点位.csv").toStdString();
        {
            std::ofstream out(path, std::ios::binary);
            out << fromUtf8(utf8, "GBK");
        }
        ImportOptions o;
        o.role = Role::Site;
        const FileReport r = run(path, o);
        QVERIFY2(r.ok, r.error.c_str());
        const LayerReport &lr = r.layers[0];
        QCOMPARE(qs(lr.encoding), QStringLiteral("CP936"));
        QCOMPARE(qs(lr.encodingHow), QStringLiteral("detected"));
        QVERIFY2(lr.encodingCertain, lr.encodingDetail.c_str());
        QVERIFY2(qs(lr.crsDetail).contains(QStringLiteral("so 横坐标 is read as the easting")),
                 lr.crsDetail.c_str());
        const std::string table = lr.table;
        QString names;
        for (const auto &f : m_project->fields(m_project->layer(table)->id))
            names += (names.isEmpty() ? "" : ",") + qs(f.name);
        QCOMPARE(names, QStringLiteral("项目名称,横坐标,纵坐标,备注"));
        const auto row = featureWhere(*m_project, table, {"项目名称", "备注"}, {}, {}, 1);
        QCOMPARE(qs(row.text(0) + "|" + row.text(1)),
                 QStringLiteral("华电渔光互补|黄河淤背区东侧"));
        checkPoint(table, "EPSG:4548", 571000.5, 4115600.25);
    }

    void multiLayerDatabases_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("driver");
        QTest::addColumn<QString>("option");
        QTest::newRow("SpatiaLite") << QStringLiteral("multi.sqlite") << QStringLiteral("SQLite")
                                    << QStringLiteral("SPATIALITE=YES");
        QTest::newRow("GeoPackage")
            << QStringLiteral("multi.gpkg") << QStringLiteral("GPKG") << QStringLiteral("");
    }
    void multiLayerDatabases()
    {
        QFETCH(QString, file);
        QFETCH(QString, driver);
        QFETCH(QString, option);
        FixtureLayer red{"", "stbhhx", 4548, wkbMultiPolygon, {{"HXMC", OFTString}}, {}, {}};
        red.features = {{multi(571000, 4115600, 100), {"黄河湿地生态保护红线"}}};
        FixtureLayer urban{"", "czkfbj", 4548, wkbMultiPolygon, {{"GHFQMC", OFTString}}, {}, {}};
        urban.features = {{multi(572000, 4116000, 200), {"城镇集中建设区"}}};
        FixtureLayer other{"", "notes", 4548, wkbMultiPolygon, {{"remark", OFTString}}, {}, {}};
        other.features = {{multi(573000, 4116000, 10), {"不导入"}}};
        const std::string path = (sub() + "/" + file).toStdString();
        std::string error;
        std::vector<std::string> options;
        if (!option.isEmpty())
            options.push_back(option.toStdString());
        QVERIFY2(writeFixtureLayers(path, driver.toStdString(),
                                    {{red, {}}, {urban, {}}, {other, {}}}, options, &error),
                 error.c_str());
        const FileReport r = run(path);
        QVERIFY2(r.ok, r.error.c_str());
        QCOMPARE(r.layers.size(), size_t(2)); // "notes" has no recognised role: left out
        QCOMPARE(qs(layerNamed(r, "stbhhx")->role), QStringLiteral("eco_redline"));
        QCOMPARE(qs(layerNamed(r, "czkfbj")->role), QStringLiteral("urban_boundary"));
        QCOMPARE(qs(text(*m_project, "stbhhx", "HXMC")), QStringLiteral("黄河湿地生态保护红线"));
        QCOMPARE(qs(text(*m_project, "czkfbj", "GHFQMC")), QStringLiteral("城镇集中建设区"));
        checkPolygon("stbhhx", {}, {}, "EPSG:4548", squareXY(571000, 4115600, 100));
        checkPolygon("czkfbj", {}, {}, "EPSG:4548", squareXY(572000, 4116000, 200));
    }
};

QTEST_GUILESS_MAIN(FormatsTest)
#include "formatstest.moc"
