// Tests geodata/layerwriter.h: a layer lands whole (table, features, index, registry, version,
// audit) or not at all. Coordinates in EPSG:4548 near Gaoqing, areas in m².
#include "testsupport.h"

#include "geodata/layerwriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace planlines::geodata;
using planlines::geodata::test::qs;

namespace {

struct Feature
{
    std::string wkt;
    std::vector<Value> values;
};

LayerSpec landuseSpec(std::string name = "地类图斑", std::string table = "landuse")
{
    LayerSpec s;
    s.name = std::move(name);
    s.role = Role::Landuse;
    s.table = std::move(table);
    s.geometryType = "MULTIPOLYGON";
    s.fields = {{"DLBM", FieldType::Text, "地类编码"},
                {"DLMC", FieldType::Text, "地类名称"},
                {"QSDWMC", FieldType::Text, "权属单位名称"},
                {"TBMJ", FieldType::Real, "图斑面积"}};
    s.source = "三调/高青县_DLTB.shp";
    s.description = "第三次国土调查地类图斑";
    return s;
}

// A 100 m square given as a Polygon, an L-shape of 1800 m², and two squares (100 + 900 m²).
std::vector<Feature> landuseFeatures()
{
    return {
        {"POLYGON ((566500 4118900, 566600 4118900, 566600 4119000, 566500 4119000, "
         "566500 4118900))",
         {std::string("0101"), std::string("水田"), std::string("田镇街道"), 10000.0}},
        {"POLYGON ((566700 4118900, 566760 4118900, 566760 4118920, 566720 4118920, "
         "566720 4118950, 566700 4118950, 566700 4118900))",
         {std::string("0103"), std::string("旱地"), std::string("高城镇"), 1800.0}},
        {"MULTIPOLYGON (((566800 4118900, 566810 4118900, 566810 4118910, 566800 4118910, "
         "566800 4118900)), ((566820 4118900, 566850 4118900, 566850 4118930, 566820 4118930, "
         "566820 4118900)))",
         {std::string("0301"), std::string("乔木林地"), std::string("青城镇"), 1000.0}},
    };
}
constexpr double kAreasM2[] = {10000.0, 1800.0, 1000.0};

LayerInfo write(Project &p, LayerSpec spec, const std::vector<Feature> &features)
{
    LayerWriter w(p, std::move(spec));
    for (const auto &f : features)
        w.add(Geometry::fromWkt(f.wkt), f.values);
    return w.commit();
}

std::int64_t intOf(Database &db, const std::string &sql, const std::string &arg = {})
{
    return arg.empty() ? std::get<std::int64_t>(*db.scalar(sql))
                       : std::get<std::int64_t>(*db.scalar(sql, arg));
}

// Everything a layer leaves in the project, counted.
struct Traces
{
    bool table = false;
    std::int64_t registry = 0, fields = 0, versions = 0, audit = 0, geometryColumns = 0;
};
Traces tracesOf(Project &p, const std::string &name, const std::string &table)
{
    auto &db = p.db();
    Traces t;
    t.table = db.tableExists(table);
    t.registry = intOf(db, "SELECT count(*) FROM layers WHERE name = ?", name);
    t.fields = intOf(db, "SELECT count(*) FROM layer_fields");
    t.versions = intOf(db, "SELECT count(*) FROM layer_versions WHERE table_name = ?", table);
    t.audit = intOf(db, "SELECT count(*) FROM audit_log WHERE action = 'layer.create'");
    t.geometryColumns =
        intOf(db, "SELECT count(*) FROM geometry_columns WHERE f_table_name = lower(?)", table);
    return t;
}

} // namespace

class LayerWriterTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_files = 0;
    std::unique_ptr<Project> newProject()
    {
        return Project::create(
            m_dir.filePath(QStringLiteral("p%1.sqlite").arg(++m_files)).toStdString(), "EPSG:4548",
            "高青县", "370322");
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void writesTheRegistryRow()
    {
        auto p = newProject();
        const LayerInfo info = write(*p, landuseSpec(), landuseFeatures());
        const auto stored = p->layer("地类图斑");
        QVERIFY(stored.has_value());
        for (const LayerInfo *l : {&info, &*stored}) {
            QCOMPARE(qs(l->name), QStringLiteral("地类图斑"));
            QCOMPARE(static_cast<int>(l->role), static_cast<int>(Role::Landuse));
            QCOMPARE(qs(l->table), QStringLiteral("landuse"));
            QCOMPARE(qs(l->geometryType), QStringLiteral("MULTIPOLYGON"));
            QCOMPARE(l->featureCount, 3);
            QCOMPARE(qs(l->crs), QStringLiteral("EPSG:4548"));
            QCOMPARE(l->version, 1);
            QCOMPARE(qs(l->source), QStringLiteral("三调/高青县_DLTB.shp"));
            QCOMPARE(qs(l->description), QStringLiteral("第三次国土调查地类图斑"));
            QVERIFY2(QRegularExpression("^[0-9a-f]{64}$").match(qs(l->checksum)).hasMatch(),
                     l->checksum.c_str());
            QVERIFY(QDateTime::fromString(qs(l->importedAt), Qt::ISODate).isValid());
        }
        QCOMPARE(stored->id, info.id);
        QCOMPARE(qs(stored->checksum), qs(info.checksum));
        QCOMPARE(p->layers().size(), size_t{1});
        QCOMPARE(p->layers(Role::Landuse).size(), size_t{1});
        QVERIFY(p->layers(Role::BasicFarmland).empty());
        QCOMPARE(p->layer("landuse")->id, info.id); // found by table name too
    }

    void writesFieldsWithAliases()
    {
        auto p = newProject();
        const LayerInfo info = write(*p, landuseSpec(), landuseFeatures());
        const auto fields = p->fields(info.id);
        const auto expected = landuseSpec().fields;
        QCOMPARE(fields.size(), expected.size());
        for (size_t i = 0; i < fields.size(); ++i) {
            QCOMPARE(qs(fields[i].name), qs(expected[i].name));
            QCOMPARE(static_cast<int>(fields[i].type), static_cast<int>(expected[i].type));
            QCOMPARE(qs(fields[i].alias), qs(expected[i].alias));
        }
        QCOMPARE(qs(fields[0].alias), QStringLiteral("地类编码"));
    }

    void featuresReadBackExactly()
    {
        auto p = newProject();
        write(*p, landuseSpec(), landuseFeatures());
        auto st = p->db().prepare("SELECT DLBM, DLMC, QSDWMC, TBMJ, ST_Area(geom), "
                                  "GeometryType(geom), ST_SRID(geom), ST_NumGeometries(geom) "
                                  "FROM landuse ORDER BY fid");
        const auto features = landuseFeatures();
        const int parts[] = {1, 1, 2};
        for (size_t i = 0; i < features.size(); ++i) {
            QVERIFY(st.step());
            for (int c = 0; c < 3; ++c)
                QCOMPARE(QByteArray::fromStdString(st.text(c)),
                         QByteArray::fromStdString(std::get<std::string>(features[i].values[c])));
            QCOMPARE(st.real(3), std::get<double>(features[i].values[3]));
            PL_COMPARE_NEAR(st.real(4), kAreasM2[i], 0.01, "m²");
            // Polygon input is stored as MULTIPOLYGON, matching the column type.
            QCOMPARE(qs(st.text(5)), QStringLiteral("MULTIPOLYGON"));
            QCOMPARE(st.int64(6), 4548);
            QCOMPARE(st.int64(7), parts[i]);
        }
        QVERIFY(!st.step());
        QCOMPARE(intOf(p->db(), "SELECT geometry_type FROM geometry_columns "
                                "WHERE f_table_name = 'landuse'"),
                 6); // MULTIPOLYGON XY
    }

    void writesOneVersionRowAndOneAuditRow()
    {
        auto p = newProject();
        const LayerInfo info = write(*p, landuseSpec(), landuseFeatures());
        auto &db = p->db();

        auto v = db.prepare("SELECT layer_id, version, table_name, source, feature_count, "
                            "checksum, note FROM layer_versions");
        QVERIFY(v.step());
        QCOMPARE(v.int64(0), info.id);
        QCOMPARE(v.int64(1), 1);
        QCOMPARE(qs(v.text(2)), QStringLiteral("landuse"));
        QCOMPARE(qs(v.text(3)), qs(info.source));
        QCOMPARE(v.int64(4), 3);
        QCOMPARE(qs(v.text(5)), qs(info.checksum));
        QCOMPARE(qs(v.text(6)), QStringLiteral("created"));
        QVERIFY(!v.step());

        auto a = db.prepare("SELECT target, target_id, detail_json FROM audit_log "
                            "WHERE action = 'layer.create'");
        QVERIFY(a.step());
        QCOMPARE(qs(a.text(0)), QStringLiteral("landuse"));
        QCOMPARE(qs(a.text(1)), QString::number(info.id));
        const QJsonObject detail =
            QJsonDocument::fromJson(QByteArray::fromStdString(a.text(2))).object();
        QCOMPARE(detail.value("name").toString(), QStringLiteral("地类图斑"));
        QCOMPARE(detail.value("role").toString(), QStringLiteral("landuse"));
        QCOMPARE(detail.value("features").toInteger(), 3);
        QCOMPARE(detail.value("checksum").toString(), qs(info.checksum));
        QVERIFY2(!a.step(), "more than one layer.create audit row");
    }

    void spatialIndexFindsTheFeatures()
    {
        auto p = newProject();
        write(*p, landuseSpec(), landuseFeatures());
        auto &db = p->db();
        QCOMPARE(intOf(db, "SELECT spatial_index_enabled FROM geometry_columns "
                           "WHERE f_table_name = 'landuse'"),
                 1);
        QVERIFY(db.tableExists("idx_landuse_geom"));
        QCOMPARE(intOf(db, "SELECT count(*) FROM idx_landuse_geom"), 3);

        auto query =
            db.prepare("SELECT group_concat(fid) FROM (SELECT fid FROM landuse WHERE ROWID IN ("
                       "SELECT ROWID FROM SpatialIndex WHERE f_table_name = 'landuse' AND "
                       "search_frame = BuildMbr(?, ?, ?, ?, 4548)) ORDER BY fid)");
        struct Frame
        {
            double x0, y0, x1, y1;
            const char *fids;
        };
        const Frame frames[] = {
            {566540, 4118940, 566560, 4118960, "1"},     // inside the square
            {566590, 4118890, 566710, 4118905, "1,2"},   // across the square and the L
            {566805, 4118905, 566825, 4118915, "3"},     // the two-part feature
            {566400, 4118900, 566900, 4119000, "1,2,3"}, // all
            {560000, 4110000, 560100, 4110100, ""},      // far away
        };
        for (const auto &f : frames) {
            query.bindAll(f.x0, f.y0, f.x1, f.y1);
            QVERIFY(query.step());
            QCOMPARE(qs(query.text(0)), QString::fromUtf8(f.fids));
            query.reset();
        }
    }

    void polygonInputIsStoredAsMultiPolygon()
    {
        auto p = newProject();
        LayerWriter w(*p, landuseSpec());
        w.add(Geometry::fromWkt(landuseFeatures()[0].wkt), landuseFeatures()[0].values);
        w.commit();
        QCOMPARE(qs(std::get<std::string>(*p->db().scalar("SELECT ST_AsText(geom) FROM landuse"))),
                 QStringLiteral("MULTIPOLYGON(((566500 4118900, 566600 4118900, 566600 4119000, "
                                "566500 4119000, 566500 4118900)))"));
    }

    void lineInputIsStoredAsMultiLineString()
    {
        auto p = newProject();
        LayerSpec spec;
        spec.name = "黄河大堤";
        spec.role = Role::Context;
        spec.table = "levee";
        spec.geometryType = "MULTILINESTRING";
        spec.fields = {{"NAME", FieldType::Text, "名称"}};
        LayerWriter w(*p, spec);
        const Value name[] = {std::string("黄河左岸大堤")};
        w.add(Geometry::fromWkt("LINESTRING (566500 4118900, 566530 4118940)"), name);
        const LayerInfo info = w.commit();
        QCOMPARE(info.featureCount, 1);
        auto st = p->db().prepare("SELECT GeometryType(geom), ST_Length(geom), NAME FROM levee");
        QVERIFY(st.step());
        QCOMPARE(qs(st.text(0)), QStringLiteral("MULTILINESTRING"));
        PL_COMPARE_NEAR(st.real(1), 50.0, 0.001, "m");
        QCOMPARE(qs(st.text(2)), QStringLiteral("黄河左岸大堤"));
    }

    // The audit row must share the layer's transaction: a writer that is never committed
    // leaves no trace at all, and the name is free again afterwards.
    void writerDestroyedWithoutCommitLeavesNothing()
    {
        auto p = newProject();
        const Traces before = tracesOf(*p, "地类图斑", "landuse");
        {
            LayerWriter w(*p, landuseSpec());
            for (const auto &f : landuseFeatures())
                w.add(Geometry::fromWkt(f.wkt), f.values);
            QCOMPARE(w.count(), 3);
        }
        const Traces after = tracesOf(*p, "地类图斑", "landuse");
        QVERIFY2(!after.table, "table left behind");
        QCOMPARE(after.registry, before.registry);
        QCOMPARE(after.fields, before.fields);
        QCOMPARE(after.versions, before.versions);
        QCOMPARE(after.audit, before.audit);
        QCOMPARE(after.geometryColumns, 0);
        QVERIFY2(sqlite3_get_autocommit(p->db().handle()) != 0, "transaction left open");
        QCOMPARE(write(*p, landuseSpec(), landuseFeatures()).featureCount, 3);
    }

    // If writing the audit row fails, the layer does not exist either.
    void failedAuditUndoesTheWholeLayer()
    {
        auto p = newProject();
        p->db().exec(
            "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
            "WHEN NEW.action = 'layer.create' BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
        {
            LayerWriter w(*p, landuseSpec());
            for (const auto &f : landuseFeatures())
                w.add(Geometry::fromWkt(f.wkt), f.values);
            PL_VERIFY_THROWS_WITH(StoreError, w.commit(), "audit refused");
        }
        const Traces t = tracesOf(*p, "地类图斑", "landuse");
        QVERIFY2(!t.table, "table left behind");
        QCOMPARE(t.registry, 0);
        QCOMPARE(t.fields, 0);
        QCOMPARE(t.versions, 0);
        QCOMPARE(t.audit, 0);
        QCOMPARE(t.geometryColumns, 0);
        QVERIFY(!p->db().tableExists("idx_landuse_geom"));
    }

    void badFeatureNamesLayerAndFeature()
    {
        auto p = newProject();
        LayerWriter w(*p, landuseSpec());
        const auto features = landuseFeatures();
        w.add(Geometry::fromWkt(features[0].wkt), features[0].values);
        const std::vector<Value> three(features[1].values.begin(), features[1].values.end() - 1);
        PL_VERIFY_THROWS_WITH(Error, w.add(Geometry::fromWkt(features[1].wkt), three), "地类图斑",
                              "feature 2", "expected 4 values, got 3");
        PL_VERIFY_THROWS_WITH(Error, w.add(Geometry::fromWkt("POLYGON EMPTY"), features[1].values),
                              "地类图斑", "feature 2", "empty geometry");
        PL_VERIFY_THROWS_WITH(Error, w.add(Geometry(), features[1].values), "地类图斑", "feature 2",
                              "empty geometry");
        // The writer goes on with the good features.
        w.add(Geometry::fromWkt(features[1].wkt), features[1].values);
        QCOMPARE(w.commit().featureCount, 2);
        QCOMPARE(intOf(p->db(), "SELECT count(*) FROM landuse"), 2);
    }

    // A geometry of another kind than the layer's must be refused when it is added, naming the
    // layer and the feature — not turned into an empty or NULL geometry, not reported later as
    // an anonymous count, not reported with the SQL text alone.
    void featureOfTheWrongKindNamesLayerAndFeature_data()
    {
        QTest::addColumn<QString>("layerType");
        QTest::addColumn<QString>("wkt");
        QTest::newRow("point into a MULTIPOLYGON layer") << "MULTIPOLYGON"
                                                         << "POINT (566550 4118950)";
        QTest::newRow("line into a MULTIPOLYGON layer")
            << "MULTIPOLYGON"
            << "LINESTRING (566550 4118950, 566560 4118960)";
        QTest::newRow("two-part multipolygon into a POLYGON layer")
            << "POLYGON"
            << "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))";
    }
    void featureOfTheWrongKindNamesLayerAndFeature()
    {
        QFETCH(QString, layerType);
        QFETCH(QString, wkt);
        auto p = newProject();
        LayerSpec spec = landuseSpec();
        spec.geometryType = layerType.toStdString();
        LayerWriter w(*p, spec);
        const auto features = landuseFeatures();
        w.add(Geometry::fromWkt(features[1].wkt), features[1].values); // a Polygon: fits both
        PL_VERIFY_THROWS_WITH(Error,
                              w.add(Geometry::fromWkt(wkt.toStdString()), features[0].values),
                              "地类图斑", "feature 2");
    }

    // A refused feature is reported and skipped; the writer goes on with the next one.
    // (SpatiaLite's geometry-type trigger uses RAISE(ROLLBACK): letting such a feature reach the
    // INSERT ends the whole transaction, and every later feature fails with "no such table".)
    void writerGoesOnAfterARefusedFeature()
    {
        auto p = newProject();
        const auto features = landuseFeatures();
        LayerSpec spec = landuseSpec();
        spec.geometryType = "POLYGON";
        LayerWriter w(*p, spec);
        w.add(Geometry::fromWkt(features[0].wkt), features[0].values);
        const auto refused = test::thrown<std::exception>( // two parts do not fit a POLYGON column
            [&] { w.add(Geometry::fromWkt(features[2].wkt), features[2].values); });
        QVERIFY2(refused.asExpected, refused.message.c_str());
        const auto next = test::thrown<std::exception>(
            [&] { w.add(Geometry::fromWkt(features[1].wkt), features[1].values); });
        QVERIFY2(!next.asExpected, ("the next feature failed: " + next.message).c_str());
        QVERIFY2(sqlite3_get_autocommit(p->db().handle()) == 0, "the layer's transaction ended");
        const auto commit = test::thrown<std::exception>([&] { w.commit(); });
        QVERIFY2(!commit.asExpected, commit.message.c_str());
        QCOMPARE(intOf(p->db(), "SELECT count(*) FROM landuse"), 2);
        QCOMPARE(p->layer("地类图斑")->featureCount, 2);
    }

    // Work the caller did earlier in its own transaction survives a refused feature.
    void refusedFeatureKeepsTheCallersTransaction()
    {
        auto p = newProject();
        const auto features = landuseFeatures();
        {
            Transaction outer(p->db());
            p->setSetting("import_batch", "2024-05 三调更新");
            {
                LayerSpec spec = landuseSpec();
                spec.geometryType = "POLYGON";
                LayerWriter w(*p, spec);
                const auto t = test::thrown<std::exception>(
                    [&] { w.add(Geometry::fromWkt(features[2].wkt), features[2].values); });
                QVERIFY2(t.asExpected, t.message.c_str());
            } // the writer is abandoned: only its own work is undone
            QVERIFY2(sqlite3_get_autocommit(p->db().handle()) == 0,
                     "the caller's transaction ended");
            const auto commit = test::thrown<std::exception>([&] { outer.commit(); });
            QVERIFY2(!commit.asExpected, commit.message.c_str());
        }
        QCOMPARE(qs(p->setting("import_batch").value_or("")), QStringLiteral("2024-05 三调更新"));
        QVERIFY(!p->db().tableExists("landuse"));
    }

    // The checksum describes what is stored: a feature that was refused is not part of it.
    void refusedFeatureIsNotInTheChecksum()
    {
        auto p = newProject();
        const auto features = landuseFeatures();
        const auto reference = write(*p, landuseSpec("参照", "reference"), features);

        LayerWriter w(*p, landuseSpec());
        w.add(Geometry::fromWkt(features[0].wkt), features[0].values);
        const auto t = test::thrown<Error>(
            [&] { w.add(Geometry::fromWkt("POINT (566550 4118950)"), features[0].values); });
        QVERIFY2(t.asExpected, t.message.c_str());
        w.add(Geometry::fromWkt(features[1].wkt), features[1].values);
        w.add(Geometry::fromWkt(features[2].wkt), features[2].values);
        const auto info = w.commit();
        QCOMPARE(info.featureCount, 3);
        QCOMPARE(qs(info.checksum), qs(reference.checksum));
    }

    void sameInputGivesTheSameChecksum()
    {
        auto p = newProject();
        const auto a = write(*p, landuseSpec("地类图斑", "landuse"), landuseFeatures());
        const auto b =
            write(*p, landuseSpec("地类图斑（副本）", "landuse_copy"), landuseFeatures());
        QCOMPARE(qs(b.checksum), qs(a.checksum));
        // And in another project file.
        auto other = newProject();
        QCOMPARE(qs(write(*other, landuseSpec(), landuseFeatures()).checksum), qs(a.checksum));
    }

    void changedInputGivesAnotherChecksum_data()
    {
        QTest::addColumn<int>("feature");
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("newText"); // for text fields
        QTest::addColumn<double>("newReal");  // for TBMJ
        QTest::newRow("地类名称 水田 → 水浇地") << 0 << 1 << "水浇地" << 0.0;
        QTest::newRow("权属单位 one character") << 2 << 2 << "青城镇 " << 0.0;
        QTest::newRow("图斑面积 + 0.01 m²") << 1 << 3 << "" << 1800.01;
    }
    void changedInputGivesAnotherChecksum()
    {
        QFETCH(int, feature);
        QFETCH(int, field);
        QFETCH(QString, newText);
        QFETCH(double, newReal);
        auto p = newProject();
        const auto original = write(*p, landuseSpec(), landuseFeatures());
        auto changed = landuseFeatures();
        auto &v = changed[size_t(feature)].values[size_t(field)];
        if (std::holds_alternative<double>(v))
            v = newReal;
        else
            v = newText.toStdString();
        const auto edited = write(*p, landuseSpec("改", "changed"), changed);
        QVERIFY(edited.checksum != original.checksum);
    }

    void movedVertexGivesAnotherChecksum()
    {
        auto p = newProject();
        const auto original = write(*p, landuseSpec(), landuseFeatures());
        auto moved = landuseFeatures();
        moved[0].wkt = "POLYGON ((566500 4118900, 566600.001 4118900, 566600 4119000, "
                       "566500 4119000, 566500 4118900))"; // 1 mm
        QVERIFY(write(*p, landuseSpec("改", "moved"), moved).checksum != original.checksum);
        auto reordered = landuseFeatures();
        std::swap(reordered[0], reordered[1]);
        QVERIFY(write(*p, landuseSpec("序", "reordered"), reordered).checksum != original.checksum);
    }

    // Clearing a value (empty text → NULL) is an edit the checksum must see.
    void nullAndEmptyTextGiveDifferentChecksums()
    {
        auto p = newProject();
        auto withEmpty = landuseFeatures();
        withEmpty[0].values[2] = std::string();
        auto withNull = landuseFeatures();
        withNull[0].values[2] = std::monostate{};
        const auto a = write(*p, landuseSpec("空", "empty_text"), withEmpty);
        const auto b = write(*p, landuseSpec("无", "null_text"), withNull);
        QVERIFY2(a.checksum != b.checksum, "NULL and '' hash alike");
    }

    void refusesATakenNameOrTable()
    {
        auto p = newProject();
        const auto first = write(*p, landuseSpec(), landuseFeatures());
        PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, landuseSpec("地类图斑", "landuse2")),
                              "地类图斑", "already exists");
        PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, landuseSpec("另一图层", "landuse")),
                              "另一图层", "already exists");
        QCOMPARE(p->layers().size(), size_t{1});
        QCOMPARE(intOf(p->db(), "SELECT count(*) FROM landuse"), 3);
        QCOMPARE(qs(p->layer("地类图斑")->checksum), qs(first.checksum));
        QVERIFY(sqlite3_get_autocommit(p->db().handle()) != 0);
    }

    // 地类图斑 lives in table landuse: a layer named "landuse" is a new layer in a free table
    // (newTableName gives landuse_2), and writing it again replaces it, not 地类图斑.
    void aNameThatIsAnotherLayersTableIsANewLayer()
    {
        auto p = newProject();
        const auto first = write(*p, landuseSpec(), landuseFeatures());
        QCOMPARE(qs(newTableName(*p, "landuse", Role::Landuse)), QStringLiteral("landuse_2"));
        LayerSpec spec = landuseSpec("landuse", "landuse_2");
        spec.replaceKeepingHistory = true;
        for (int version : {1, 2}) {
            const auto info = write(*p, spec, landuseFeatures());
            QCOMPARE(qs(info.name), QStringLiteral("landuse"));
            QCOMPARE(qs(info.table), QStringLiteral("landuse_2"));
            QCOMPARE(info.version, version);
            QCOMPARE(p->layers().size(), size_t{2});
            const auto old = p->layerNamed("地类图斑");
            QCOMPARE(qs(old->table), QStringLiteral("landuse"));
            QCOMPARE(old->version, 1);
            QCOMPARE(qs(old->checksum), qs(first.checksum));
            QCOMPARE(intOf(p->db(), "SELECT count(*) FROM landuse"), 3);
            // By name first: "landuse" is the layer of that name, not 地类图斑's table.
            QCOMPARE(qs(p->layer("landuse")->name), QStringLiteral("landuse"));
            QVERIFY(!p->layerNamed("landuse_2"));
        }
        QVERIFY(p->db().tableExists("landuse_2_v1"));
        QVERIFY(!p->db().tableExists("landuse_v1"));
    }

    void refusesABadSpec()
    {
        auto p = newProject();
        PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, landuseSpec("坏", "a\"b")), "坏",
                              "invalid table name");
        PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, landuseSpec("坏", "")), "invalid table name");
        PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, landuseSpec("坏", "sqlite_x")),
                              "invalid table name");
        LayerSpec circle = landuseSpec("圆", "circle");
        circle.geometryType = "CIRCLE";
        PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, circle), "圆", "unsupported geometry type");
        QVERIFY(p->layers().empty());
        QVERIFY(sqlite3_get_autocommit(p->db().handle()) != 0);
    }

    void nullAttributesAreStoredAsNull()
    {
        auto p = newProject();
        auto features = landuseFeatures();
        features[0].values[2] = std::monostate{};
        write(*p, landuseSpec(), features);
        QCOMPARE(intOf(p->db(), "SELECT count(*) FROM landuse WHERE QSDWMC IS NULL"), 1);
    }
};

QTEST_GUILESS_MAIN(LayerWriterTest)
#include "layerwritertest.moc"
