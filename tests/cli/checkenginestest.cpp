// `planlines check` on the two engines (issue 17): the sample county's layers copied through the
// store interface into a fresh PostGIS database (tests/common/teststore.h) and checked there,
// beside the same county's SpatiaLite file: one site, the batch of all the project's sites, and a
// file of sites give the same JSON (verdicts, findings, areas to the last digit, features) apart
// from record ids and times. Runs only on PostGIS (registered with the cluster fixture).
#include "clirun.h"
#include "common/teststore.h"

#include <geodata/layerwriter.h>
#include <geodata/project.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines::geodata;
using planlines::geodata::test::TestStore;

namespace {

// Copies every layer of `from` into `to` through the interface, feature by feature in fid
// order, with its fields, role and source: the same data on the other engine. Every kept
// version, oldest first (the sample's 地类图斑 has 2023 as v1 and 2024 as v2), so the layer
// versions the check records are the same too.
void copyLayers(Project &from, Project &to)
{
    for (const LayerInfo &current : from.layers()) {
        const auto versions = from.layerVersions(current);
        for (std::size_t k = 0; k < versions.size(); ++k) {
            const LayerInfo &info = versions[k];
            LayerSpec spec;
            spec.name = current.name;
            spec.role = current.role;
            spec.table = current.table;
            spec.geometryType = current.geometryType;
            spec.fields = from.fields(current.id);
            spec.source = info.source;
            spec.synthetic = current.synthetic;
            spec.description = current.description;
            spec.sortOrder = current.sortOrder;
            spec.replaceKeepingHistory = k > 0;
            FeatureRequest all;
            for (const auto &f : spec.fields)
                all.attributes.push_back(f.name);
            auto source = from.features(info);
            LayerWriter w(to, spec);
            std::vector<Value> values(spec.fields.size());
            for (auto c = source->query(all); c->next();) {
                for (std::size_t i = 0; i < values.size(); ++i)
                    values[i] = c->value(static_cast<int>(i));
                w.add(c->geometry(), values);
            }
            w.commit();
        }
    }
}

// The JSON without what differs by nature between two runs: record ids, times, and the
// project's location; and a layer version's table is compared without its "_vN" (the engines
// name version tables differently: SpatiaLite keeps the current one in the plain name and
// archives version N as "<table>_vN", PostGIS gives version N > 1 "<table>_vN" from the start;
// store/transfer.cpp's baseTable).
QJsonValue normalized(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const auto &e : v.toArray())
            out.append(normalized(e));
        return out;
    }
    if (!v.isObject())
        return v;
    QJsonObject out;
    const QJsonObject o = v.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString k = it.key();
        if (k == QLatin1String("record_id") || k.endsWith(QLatin1String("_at")) ||
            k == QLatin1String("batch") || k == QLatin1String("project"))
            continue;
        if (k == QLatin1String("table") && o.contains(QLatin1String("version"))) {
            const int version = o.value(QLatin1String("version")).toInt();
            const QString suffix = QStringLiteral("_v%1").arg(version);
            QString table = it.value().toString();
            if (table.endsWith(suffix) && table.size() > suffix.size())
                table.chop(suffix.size());
            out.insert(k, table);
            continue;
        }
        out.insert(k, normalized(it.value()));
    }
    return out;
}

QJsonDocument parse(const CliResult &r)
{
    QJsonParseError e{};
    const auto doc = QJsonDocument::fromJson(r.out.toUtf8(), &e);
    if (e.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << r.out.left(300) << r.err;
    return doc;
}

// The first place two JSON values differ, for the failure message.
QString firstDifference(const QJsonValue &a, const QJsonValue &b, const QString &at = "$")
{
    if (a.type() != b.type())
        return at + ": type differs";
    if (a.isObject()) {
        const QJsonObject x = a.toObject(), y = b.toObject();
        if (x.keys() != y.keys())
            return at + ": keys " + x.keys().join(',') + " vs " + y.keys().join(',');
        for (const auto &k : x.keys())
            if (x.value(k) != y.value(k))
                return firstDifference(x.value(k), y.value(k), at + "." + k);
    }
    if (a.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return at + QStringLiteral(": %1 vs %2 items").arg(x.size()).arg(y.size());
        for (qsizetype i = 0; i < x.size(); ++i)
            if (x.at(i) != y.at(i))
                return firstDifference(x.at(i), y.at(i), at + QStringLiteral("[%1]").arg(i));
    }
    return at + ": " + QJsonDocument(QJsonArray{a}).toJson(QJsonDocument::Compact) + " vs " +
           QJsonDocument(QJsonArray{b}).toJson(QJsonDocument::Compact);
}

} // namespace

class CheckEnginesCliTest : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QString file;                      // the sample county, SpatiaLite
    std::unique_ptr<TestStore> server; // the same layers on PostGIS
    QString uri;

    // Runs the same check on both and compares; returns the SpatiaLite run's JSON.
    QJsonDocument same(const QStringList &args, int expectedExit)
    {
        const auto a = runPlanlines(QStringList{"check", "--db", file, "--json"} + args);
        const auto b = runPlanlines(QStringList{"check", "--db", uri, "--json"} + args);
        [&] {
            QVERIFY2(a.exitCode == expectedExit, qPrintable(a.err));
            QVERIFY2(b.exitCode == expectedExit, qPrintable(b.err));
        }();
        const QJsonDocument x = parse(a), y = parse(b);
        const QJsonValue nx = normalized(x.isArray() ? QJsonValue(x.array()) : x.object());
        const QJsonValue ny = normalized(y.isArray() ? QJsonValue(y.array()) : y.object());
        if (nx != ny)
            qWarning("%s", qPrintable(firstDifference(nx, ny)));
        [&] { QVERIFY2(nx == ny, "the JSON of the two engines differs (see the warning)"); }();
        return x;
    }

private slots:
    void initTestCase()
    {
        file = dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), file));
        server = std::make_unique<TestStore>("clicheck", true);
        uri = QString::fromStdString(server->location());
        auto from = Project::open(file.toStdString(), /*readOnly=*/true);
        auto to = Project::create(server->location(), from->workingCrs(), from->countyName(),
                                  from->setting("county_code").value_or("370322"));
        copyLayers(*from, *to);
        const auto a = from->layers(), b = to->layers();
        QCOMPARE(b.size(), a.size());
        // The layer checksum is the engines' common digest (geodata/store/layerdigest.h): the
        // same features written to either give the same one, so check records cite the same.
        for (std::size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].name, a[i].name);
            QCOMPARE(b[i].featureCount, a[i].featureCount);
            QCOMPARE(b[i].checksum, a[i].checksum);
            QCOMPARE(b[i].version, a[i].version);
        }
    }

    // One named site: a verdict, its findings, the 地类 rows and areas.
    void oneSite()
    {
        const auto doc = same({"--site", QStringLiteral("通威农光互补光伏发电项目")}, 4);
        QVERIFY(doc.object().value("site").toObject().value("area_m2").toDouble() > 0);
    }

    // Every site of the project as one batch (workers on two threads).
    void allSites()
    {
        const auto doc = same({"--all-sites", "--threads", "2"}, 4);
        const QJsonValue results =
            doc.isArray() ? QJsonValue(doc.array()) : doc.object().value("results");
        QVERIFY2(results.toArray().size() >= 10, qPrintable(doc.toJson().left(300)));
    }

    // A file of sites (GeoJSON in the working CRS), as the batch check reads one.
    void siteFile()
    {
        const QString path = dir.filePath(QStringLiteral("sites.geojson"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // Three squares around the county seat and one across the levee's corridor.
        // (No raw strings: moc 6.4 miscounts the braces inside them and finds no class.)
        QByteArray json = "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", "
                          "\"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::4548\"}}, "
                          "\"features\": [";
        auto square = [](double x, double y, double s) {
            return QStringLiteral("[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]")
                .arg(x, 0, 'f', 3)
                .arg(y, 0, 'f', 3)
                .arg(x + s, 0, 'f', 3)
                .arg(y + s, 0, 'f', 3)
                .toUtf8();
        };
        auto project = Project::open(file.toStdString(), true);
        const auto landuse = project->layers(Role::Landuse).at(0);
        const Envelope e = *project->features(landuse)->extent();
        const double cx = (e.minX + e.maxX) / 2, cy = (e.minY + e.maxY) / 2;
        const double offsets[][3] = {{0, 0, 300}, {-2000, 1500, 800}, {2500, -1800, 120}};
        for (int i = 0; i < 3; ++i) {
            if (i)
                json += ",";
            json += "{\"type\": \"Feature\", \"properties\": {\"XMMC\": \"对比选址" +
                    QByteArray::number(i + 1) +
                    "\"}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": " +
                    square(cx + offsets[i][0], cy + offsets[i][1], offsets[i][2]) + "}}";
        }
        json += "]}";
        QVERIFY(f.write(json) > 0);
        f.close();
        // Exit 0, 3 or 4 by the verdicts; the same on both engines.
        const auto probe = runPlanlines({"check", path, "--db", file, "--json"});
        QVERIFY2(probe.exitCode == 0 || probe.exitCode == 3 || probe.exitCode == 4,
                 qPrintable(probe.err));
        same({path}, probe.exitCode);
    }

    void cleanupTestCase() { server.reset(); }
};

QTEST_GUILESS_MAIN(CheckEnginesCliTest)
#include "checkenginestest.moc"
