// `planlines import` of a boundary coordinate file (界址点坐标文件): recognised by content, read
// in GBK, its CRS taken from the header, written as a site layer; bad input fails with the
// file and line and leaves the project as it was.
#include "clirun.h"

#include <geodata/import/textencoding.h>
#include <geodata/project.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines::geodata;

namespace {

// The example of DOMAIN.md: one 100 m × 100 m parcel (1 公顷) in CGCS2000 3° zone 39.
const std::string kExample = "[属性描述]\n"
                             "格式版本号=1.00版本\n"
                             "数据产生单位=高青县自然资源局\n"
                             "数据产生日期=2024-05-20\n"
                             "坐标系=2000国家大地坐标系\n"
                             "几度分带=3\n"
                             "投影类型=高斯克吕格\n"
                             "计量单位=米\n"
                             "带号=39\n"
                             "精度=0.001\n"
                             "转换参数=,,,,,,\n"
                             "[地块坐标]\n"
                             "5,1.0000,1,地块1,面,,工业用地,,@\n"
                             "J1,1,4115600.000,39571000.000\n"
                             "J2,1,4115600.000,39571100.000\n"
                             "J3,1,4115700.000,39571100.000\n"
                             "J4,1,4115700.000,39571000.000\n"
                             "J1,1,4115600.000,39571000.000\n";

// Writes text (UTF-8 here) to path in encoding, CRLF line ends as Windows tools write them.
bool writeText(const QString &path, const std::string &utf8, const std::string &encoding)
{
    std::string crlf;
    for (char c : utf8) {
        if (c == '\n')
            crlf += '\r';
        crlf += c;
    }
    const std::string bytes = planlines::geodata::import::fromUtf8(crlf, encoding);
    QFile f(path);
    return f.open(QIODevice::WriteOnly) &&
           f.write(bytes.data(), static_cast<qint64>(bytes.size())) ==
               static_cast<qint64>(bytes.size());
}

QJsonObject parse(const QString &out)
{
    QJsonParseError err{};
    const auto doc = QJsonDocument::fromJson(out.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError)
        qWarning("not JSON (%s): %s", qPrintable(err.errorString()), qPrintable(out));
    return doc.object();
}

// What an import may change: the registry, the audit log and the tables.
QString state(const QString &db)
{
    auto project = Project::open(db.toStdString(), true);
    QString s;
    auto rows = [&](const std::string &sql) {
        auto st = project->db().prepare(sql);
        while (st.step()) {
            for (int i = 0; i < st.columnCount(); ++i)
                s += QString::fromStdString(st.text(i)) + '|';
            s += '\n';
        }
    };
    rows("SELECT id, name, role, table_name, version, feature_count, checksum FROM layers "
         "ORDER BY id");
    rows("SELECT id, action, target FROM audit_log ORDER BY id");
    rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    return s;
}

// The 项目选址 layer's registry row and the rows of its table, to see that nothing moved.
QString siteLayerState(Project &project)
{
    QString s;
    auto layer =
        project.db().prepare("SELECT id, name, role, table_name, version, "
                             "feature_count, checksum FROM layers WHERE name = '项目选址'");
    while (layer.step())
        for (int i = 0; i < layer.columnCount(); ++i)
            s += QString::fromStdString(layer.text(i)) + '|';
    auto rows = project.db().prepare("SELECT fid, XMMC, AsText(geom) FROM site ORDER BY fid");
    while (rows.step())
        s += '\n' + QString::fromStdString(rows.text(0) + "|" + rows.text(1) + "|" + rows.text(2));
    return s;
}

} // namespace

class ImportTest : public QObject
{
    Q_OBJECT
private slots:
    void boundaryFileBecomesASiteLayer()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("site_boundary.txt");
        QVERIFY(writeText(file, kExample, "GBK"));
        const QString db = dir.filePath("county.sqlite");
        auto r = runPlanlines({"import", file, "--db", db, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));

        // The report: GBK detected, EPSG:4527 from the header, one parcel written.
        const QJsonObject report = parse(r.out);
        QCOMPARE(report.value("ok").toBool(), true);
        const auto files = report.value("files").toArray();
        QCOMPARE(files.size(), 1);
        const auto f = files[0].toObject();
        QCOMPARE(f.value("ok").toBool(), true);
        QVERIFY2(f.value("driver").toString().contains(QStringLiteral("界址点坐标文件")),
                 qPrintable(f.value("driver").toString()));
        const auto layers = f.value("layers").toArray();
        QCOMPARE(layers.size(), 1);
        const auto l = layers[0].toObject();
        QCOMPARE(l.value("encoding").toObject().value("name").toString(), QStringLiteral("GBK"));
        QCOMPARE(l.value("encoding").toObject().value("how").toString(),
                 QStringLiteral("detected"));
        QVERIFY2(l.value("crs").toObject().value("source").toString().startsWith(
                     QStringLiteral("EPSG:4527")),
                 qPrintable(l.value("crs").toObject().value("source").toString()));
        QCOMPARE(l.value("crs").toObject().value("how").toString(), QStringLiteral("source"));
        QVERIFY(!l.value("crs").toObject().value("transformation").toString().isEmpty());
        QCOMPARE(l.value("role").toString(), QStringLiteral("site"));
        QCOMPARE(l.value("read").toInt(), 1);
        QCOMPARE(l.value("written").toInt(), 1);
        QCOMPARE(l.value("version").toInt(), 1);
        QCOMPARE(l.value("rejected").toArray().size(), 0);
        QCOMPARE(l.value("warnings").toArray().size(), 0); // 1.0000 公顷 is right

        // planlines info: the new layer, role site, 10 000 m² in EPSG:4548.
        r = runPlanlines({"info", "--db", db, "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject info = parse(r.out);
        QCOMPARE(info.value("crs").toString(), QStringLiteral("EPSG:4548"));
        bool found = false;
        for (const auto &v : info.value("layers").toArray()) {
            const auto o = v.toObject();
            if (o.value("name").toString() != QStringLiteral("site_boundary"))
                continue;
            found = true;
            QCOMPARE(o.value("role").toString(), QStringLiteral("site"));
            QCOMPARE(o.value("count").toInt(), 1);
            QVERIFY2(std::abs(o.value("area_m2").toDouble() - 10000.00) <= 0.005,
                     qPrintable(QString::number(o.value("area_m2").toDouble(), 'f', 4)));
        }
        QVERIFY2(found, qPrintable(r.out));

        // The parcel line's attributes arrive exact, with their Chinese aliases.
        auto project = Project::open(db.toStdString(), true);
        const auto layer = project->layer("site_boundary");
        QVERIFY(layer);
        QStringList aliases;
        for (const auto &fd : project->fields(layer->id))
            aliases << QString::fromStdString(fd.name + "=" + fd.alias);
        QCOMPARE(aliases,
                 QStringList({"DKBH=地块编号", "DKMC=地块名称", "TXSX=图形属性", "TFH=图幅号",
                              "DKYT=地块用途", "DLBM=地类编码", "MJ=面积(公顷)"}));
        auto st = project->db().prepare("SELECT DKBH, DKMC, TXSX, TFH, DKYT, DLBM, MJ, "
                                        "ST_Area(geom), ST_X(ST_Centroid(geom)), "
                                        "ST_Y(ST_Centroid(geom)) FROM " +
                                        quoteIdentifier(layer->table));
        QVERIFY(st.step());
        QCOMPARE(QString::fromStdString(st.text(0)), QStringLiteral("1"));
        QCOMPARE(QString::fromStdString(st.text(1)), QStringLiteral("地块1"));
        QCOMPARE(QString::fromStdString(st.text(2)), QStringLiteral("面"));
        QVERIFY(st.isNull(3));
        QCOMPARE(QString::fromStdString(st.text(4)), QStringLiteral("工业用地"));
        QVERIFY(st.isNull(5));
        QCOMPARE(st.real(6), 1.0);
        QVERIFY(std::abs(st.real(7) - 10000.0) <= 0.01);
        // Zone 39 prefixed (EPSG:4527) and EPSG:4548 share CM 117°E: only the prefix goes.
        QVERIFY2(std::abs(st.real(8) - 571050.0) <= 0.001,
                 qPrintable(QString::number(st.real(8), 'f', 4)));
        QVERIFY(std::abs(st.real(9) - 4115650.0) <= 0.001);
    }

    void utf8FileAndRoleOverride()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("boundary_utf8.txt");
        QVERIFY(writeText(file, kExample, "UTF-8"));
        const QString db = dir.filePath("county.sqlite");
        const auto r = runPlanlines({"import", file, "--db", db, "--json", "--role", "context"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const auto l = parse(r.out)["files"][0]["layers"][0].toObject();
        QCOMPARE(l.value("encoding").toObject().value("name").toString(), QStringLiteral("UTF-8"));
        QCOMPARE(l.value("role").toString(), QStringLiteral("context"));
    }

    void badCoordinateFailsAndChangesNothing()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath("site_boundary.txt");
        QVERIFY(writeText(good, kExample, "GBK"));
        const QString db = dir.filePath("county.sqlite");
        auto r = runPlanlines({"import", good, "--db", db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QString before = state(db);

        // J3's Y on line 16 holds the letter O instead of a zero.
        std::string bad = kExample;
        const std::string j3 = "J3,1,4115700.000,39571100.000";
        bad.replace(bad.find(j3), j3.size(), "J3,1,4115700.000,3957110O.000");
        const QString badFile = dir.filePath("bad_boundary.txt");
        QVERIFY(writeText(badFile, bad, "GBK"));
        r = runPlanlines({"import", badFile, "--db", db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(badFile), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("line 16")), qPrintable(r.err));
        QCOMPARE(state(db), before);
    }

    void failureAfterWritingRowsChangesNothing()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath("site_boundary.txt");
        QVERIFY(writeText(good, kExample, "GBK"));
        const QString db = dir.filePath("county.sqlite");
        auto r = runPlanlines({"import", good, "--db", db});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QString before = state(db);

        // 171 km west of the first layer: written, then refused as a probably wrong CRS.
        std::string far = kExample;
        for (std::size_t at; (at = far.find(",39571")) != std::string::npos;)
            far.replace(at, 6, ",39400");
        const QString farFile = dir.filePath("far_boundary.txt");
        QVERIFY(writeText(farFile, far, "GBK"));
        r = runPlanlines({"import", farFile, "--db", db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(farFile) && r.err.contains(QStringLiteral("100 km")),
                 qPrintable(r.err));
        QCOMPARE(state(db), before);
    }

    // 项目选址 lives in table site: a file named site.geojson is a new layer "site" in a free
    // table, not a clash and not a new version of 项目选址; importing it again versions it.
    void aFileNamedLikeAnotherLayersTableIsANewLayer()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath("county.sqlite");
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
        QString sites; // 项目选址 as the sample holds it: registry row and rows of its table
        {
            auto project = Project::open(db.toStdString(), true);
            const auto old = project->layerNamed("项目选址");
            QVERIFY(old);
            QCOMPARE(QString::fromStdString(old->table), QStringLiteral("site"));
            QVERIFY(!project->layerNamed("site"));
            sites = siteLayerState(*project);
        }
        // A 200 m × 50 m plot (1 公顷) in EPSG:4548, the sample's working CRS.
        const QString file = dir.filePath("site.geojson");
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4548"}},
 "features": [{"type": "Feature", "properties": {"XMMC": "新增地块"},
  "geometry": {"type": "Polygon", "coordinates": [[[571000, 4115600], [571200, 4115600],
   [571200, 4115650], [571000, 4115650], [571000, 4115600]]]}}]})");
        f.close();

        for (int version : {1, 2}) {
            const auto r = runPlanlines({"import", file, "--db", db, "--role", "site", "--json"});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
            const auto l = parse(r.out)["files"][0]["layers"][0].toObject();
            QCOMPARE(l.value("name").toString(), QStringLiteral("site"));
            QCOMPARE(l.value("table").toString(), QStringLiteral("site_2"));
            QCOMPARE(l.value("version").toInt(), version);

            auto project = Project::open(db.toStdString(), true);
            const auto added = project->layerNamed("site");
            QVERIFY(added);
            QCOMPARE(QString::fromStdString(std::string(roleId(added->role))),
                     QStringLiteral("site"));
            QCOMPARE(QString::fromStdString(added->table), QStringLiteral("site_2"));
            QCOMPARE(added->version, version);
            QCOMPARE(added->featureCount, std::int64_t{1});
            auto area = project->db().prepare("SELECT count(*), sum(ST_Area(geom)) FROM site_2");
            QVERIFY(area.step());
            QCOMPARE(area.int64(0), std::int64_t{1});
            QVERIFY2(std::abs(area.real(1) - 10000.0) <= 0.01,
                     qPrintable(QString::number(area.real(1), 'f', 3)));
            // The name a person types finds the layer of that name, not 项目选址's table.
            QCOMPARE(QString::fromStdString(project->layer("site")->name), QStringLiteral("site"));
            QCOMPARE(siteLayerState(*project), sites);
        }
        auto project = Project::open(db.toStdString(), true);
        QVERIFY(project->db().tableExists("site_2_v1")); // version 1, kept
        QVERIFY(!project->db().tableExists("site_v1"));
    }

    void missingFileIsNamed()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath("no_such_boundary.txt");
        const auto r = runPlanlines({"import", missing, "--db", dir.filePath("county.sqlite")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(missing), qPrintable(r.err));
    }

    void unknownRoleIsAUsageError()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath("site_boundary.txt");
        QVERIFY(writeText(file, kExample, "GBK"));
        const QString db = dir.filePath("county.sqlite");
        const auto r = runPlanlines({"import", file, "--db", db, "--role", "nonsense"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("nonsense")), qPrintable(r.err));
        QVERIFY(!QFile::exists(db));
    }
};

QTEST_GUILESS_MAIN(ImportTest)
#include "importtest.moc"
