// Tests geodata/layerwriter.h: a layer lands whole (table, features, index, registry, version,
// audit) or not at all. Coordinates in EPSG:4548 near Gaoqing, areas in m². Run on both engines
// (the _pg twin writes into PostGIS); features are read back through FeatureSource, and what
// only the store shows (orphaned rows, the index, an open transaction) with storeprobe.h.
#include "common/teststore.h"
#include "layerwriterfixtures.h"
#include "storeprobe.h"
#include "testsupport.h"

#include "geodata/layerwriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

namespace {

// How many features the layer has (its current version), read through the store.
std::int64_t featureCount(Project &p, const std::string &layerName)
{
    FeatureRequest all;
    all.geometry = false;
    return p.features(*p.layerNamed(layerName))->count(all);
}

// Everything a layer leaves in the project, counted.
struct Traces
{
    bool table = false;
    std::int64_t registry = 0, fields = 0, versions = 0, audit = 0, geometryColumns = 0;
};
Traces tracesOf(Project &p, const std::string &name, const std::string &table)
{
    Traces t;
    t.table = p.hasTable(table);
    t.registry = storeCount(p, "SELECT count(*) FROM layers WHERE name = ?", name);
    t.fields = storeCount(p, "SELECT count(*) FROM layer_fields");
    t.versions = storeCount(p, "SELECT count(*) FROM layer_versions WHERE table_name = ?", table);
    t.audit = storeCount(p, "SELECT count(*) FROM audit_log WHERE action = 'layer.create'");
    t.geometryColumns =
        storeCount(p, "SELECT count(*) FROM geometry_columns WHERE f_table_name = lower(?)", table);
    return t;
}

} // namespace

class LayerWriterTest : public QObject
{
    Q_OBJECT

    // The stores live as long as the test: a project's connection outlives its function.
    std::vector<std::unique_ptr<TestStore>> m_stores;
    bool postgis() const { return planlines::geodata::test::testOnPostgis(); }
    std::unique_ptr<Project> newProject()
    {
        m_stores.push_back(std::make_unique<TestStore>("writer"));
        return Project::create(m_stores.back()->location(), "EPSG:4548", "高青县", "370322");
    }

private slots:

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
        const LayerInfo info = write(*p, landuseSpec(), landuseFeatures());
        FeatureRequest r;
        r.attributes = {"DLBM", "DLMC", "QSDWMC", "TBMJ"};
        const auto row = p->features(info)->query(r);
        const auto features = landuseFeatures();
        const int parts[] = {1, 1, 2};
        for (size_t i = 0; i < features.size(); ++i) {
            QVERIFY(row->next());
            QCOMPARE(row->fid(), std::int64_t(i + 1));
            for (int c = 0; c < 3; ++c)
                QCOMPARE(QByteArray::fromStdString(std::get<std::string>(row->value(c))),
                         QByteArray::fromStdString(std::get<std::string>(features[i].values[c])));
            QCOMPARE(std::get<double>(row->value(3)), std::get<double>(features[i].values[3]));
            const Geometry g = row->geometry();
            PL_COMPARE_NEAR(g.area(), kAreasM2[i], 0.01, "m²");
            // Polygon input is stored as MULTIPOLYGON, matching the column type.
            QCOMPARE(qs(g.typeName()), QStringLiteral("MultiPolygon"));
            QCOMPARE(g.numGeometries(), parts[i]);
        }
        QVERIFY(!row->next());
        // The column itself: MULTIPOLYGON in the working CRS (SpatiaLite's code 6 is
        // MULTIPOLYGON XY).
        if (postgis()) {
            QCOMPARE(storeCount(*p, "SELECT count(*) FROM geometry_columns WHERE f_table_name = "
                                    "'landuse' AND type = 'MULTIPOLYGON' AND srid = 4548"),
                     1);
        } else {
            QCOMPARE(storeCount(*p, "SELECT geometry_type FROM geometry_columns "
                                    "WHERE f_table_name = 'landuse'"),
                     6);
            QCOMPARE(storeCount(*p, "SELECT srid FROM geometry_columns "
                                    "WHERE f_table_name = 'landuse'"),
                     4548);
        }
    }

    void writesOneVersionRowAndOneAuditRow()
    {
        auto p = newProject();
        const LayerInfo info = write(*p, landuseSpec(), landuseFeatures());

        const auto versions = p->layerVersions(info);
        QCOMPARE(versions.size(), size_t{1});
        QCOMPARE(versions[0].id, info.id);
        QCOMPARE(versions[0].version, 1);
        QCOMPARE(qs(versions[0].table), QStringLiteral("landuse"));
        QCOMPARE(qs(versions[0].source), qs(info.source));
        QCOMPARE(versions[0].featureCount, 3);
        QCOMPARE(qs(versions[0].checksum), qs(info.checksum));
        QCOMPARE(qs(versions[0].versionNote), QStringLiteral("created"));
        QCOMPARE(storeCount(*p, "SELECT count(*) FROM layer_versions"), 1);

        std::vector<AuditRow> created;
        for (const auto &row : p->auditLog())
            if (row.action == "layer.create")
                created.push_back(row);
        QCOMPARE(created.size(), size_t{1}); // not more than one layer.create audit row
        QCOMPARE(qs(created[0].target), QStringLiteral("landuse"));
        QCOMPARE(qs(created[0].targetId), QString::number(info.id));
        const QJsonObject detail =
            QJsonDocument::fromJson(QByteArray::fromStdString(created[0].detailJson)).object();
        QCOMPARE(detail.value("name").toString(), QStringLiteral("地类图斑"));
        QCOMPARE(detail.value("role").toString(), QStringLiteral("landuse"));
        QCOMPARE(detail.value("features").toInteger(), 3);
        QCOMPARE(detail.value("checksum").toString(), qs(info.checksum));
    }

    void spatialIndexFindsTheFeatures()
    {
        auto p = newProject();
        const LayerInfo info = write(*p, landuseSpec(), landuseFeatures());
        // The index itself: SpatiaLite's R*Tree with a box per feature, PostGIS's GiST.
        if (postgis()) {
            QCOMPARE(storeCount(*p, "SELECT count(*) FROM pg_indexes WHERE tablename = 'landuse' "
                                    "AND indexdef LIKE '%USING gist (geom)%'"),
                     1);
        } else {
            QCOMPARE(storeCount(*p, "SELECT spatial_index_enabled FROM geometry_columns "
                                    "WHERE f_table_name = 'landuse'"),
                     1);
            QVERIFY(p->hasTable("idx_landuse_geom"));
            QCOMPARE(storeCount(*p, "SELECT count(*) FROM idx_landuse_geom"), 3);
        }

        const auto source = p->features(info);
        struct Frame
        {
            double x0, y0, x1, y1;
            std::vector<std::int64_t> fids;
        };
        const Frame frames[] = {
            {566540, 4118940, 566560, 4118960, {1}},       // inside the square
            {566590, 4118890, 566710, 4118905, {1, 2}},    // across the square and the L
            {566805, 4118905, 566825, 4118915, {3}},       // the two-part feature
            {566400, 4118900, 566900, 4119000, {1, 2, 3}}, // all
            {560000, 4110000, 560100, 4110100, {}},        // far away
        };
        for (const auto &f : frames) {
            FeatureRequest r;
            r.geometry = false;
            r.box = Envelope{f.x0, f.y0, f.x1, f.y1};
            std::vector<std::int64_t> fids;
            for (auto row = source->query(r); row->next();)
                fids.push_back(row->fid());
            std::sort(fids.begin(), fids.end());
            QCOMPARE(fids, f.fids);
        }
    }

    void polygonInputIsStoredAsMultiPolygon()
    {
        auto p = newProject();
        LayerWriter w(*p, landuseSpec());
        w.add(Geometry::fromWkt(landuseFeatures()[0].wkt), landuseFeatures()[0].values);
        const LayerInfo info = w.commit();
        FeatureRequest r;
        const auto row = p->features(info)->query(r);
        QVERIFY(row->next());
        QCOMPARE(qs(row->geometry().wkt(0)),
                 QStringLiteral("MULTIPOLYGON (((566500 4118900, 566600 4118900, 566600 4119000, "
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
        FeatureRequest r;
        r.attributes = {"NAME"};
        const auto row = p->features(info)->query(r);
        QVERIFY(row->next());
        const Geometry g = row->geometry();
        QCOMPARE(qs(g.typeName()), QStringLiteral("MultiLineString"));
        PL_COMPARE_NEAR(g.length(), 50.0, 0.001, "m");
        QCOMPARE(qs(std::get<std::string>(row->value(0))), QStringLiteral("黄河左岸大堤"));
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
        QVERIFY2(!transactionOpen(*p), "transaction left open");
        QCOMPARE(write(*p, landuseSpec(), landuseFeatures()).featureCount, 3);
    }

    // If writing the audit row fails, the layer does not exist either.
    void failedAuditUndoesTheWholeLayer()
    {
        auto p = newProject();
        if (postgis())
            planlines::geodata::test::pgConnectionOf(*p).execScript(
                "CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.action = 'layer.create' THEN RAISE EXCEPTION 'audit refused'; END IF; "
                "RETURN NEW; END $$; CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log "
                "FOR EACH ROW EXECUTE FUNCTION refuse_audit()");
        else
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
        QVERIFY(!p->hasTable("idx_landuse_geom"));
        QVERIFY(!transactionOpen(*p));
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
        QCOMPARE(featureCount(*p, "地类图斑"), 2);
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
        QVERIFY2(transactionOpen(*p), "the layer's transaction ended");
        const auto commit = test::thrown<std::exception>([&] { w.commit(); });
        QVERIFY2(!commit.asExpected, commit.message.c_str());
        QCOMPARE(featureCount(*p, "地类图斑"), 2);
        QCOMPARE(p->layer("地类图斑")->featureCount, 2);
    }

    // Work the caller did earlier in its own transaction survives a refused feature.
    void refusedFeatureKeepsTheCallersTransaction()
    {
        auto p = newProject();
        const auto features = landuseFeatures();
        {
            const auto outer = p->transaction();
            p->setSetting("import_batch", "2024-05 三调更新");
            {
                LayerSpec spec = landuseSpec();
                spec.geometryType = "POLYGON";
                LayerWriter w(*p, spec);
                const auto t = test::thrown<std::exception>(
                    [&] { w.add(Geometry::fromWkt(features[2].wkt), features[2].values); });
                QVERIFY2(t.asExpected, t.message.c_str());
            } // the writer is abandoned: only its own work is undone
            QVERIFY2(transactionOpen(*p), "the caller's transaction ended");
            const auto commit = test::thrown<std::exception>([&] { outer->commit(); });
            QVERIFY2(!commit.asExpected, commit.message.c_str());
        }
        QCOMPARE(qs(p->setting("import_batch").value_or("")), QStringLiteral("2024-05 三调更新"));
        QVERIFY(!p->hasTable("landuse"));
        QVERIFY(!p->layer("地类图斑"));
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
        QCOMPARE(featureCount(*p, "地类图斑"), 3);
        QCOMPARE(qs(p->layer("地类图斑")->checksum), qs(first.checksum));
        QVERIFY(!transactionOpen(*p));
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
            // SpatiaLite keeps the current version in landuse_2 (version 1 moves to
            // landuse_2_v1); PostGIS writes version 2 as landuse_2_v2.
            QCOMPARE(qs(info.table), postgis() && version == 2 ? QStringLiteral("landuse_2_v2")
                                                               : QStringLiteral("landuse_2"));
            QCOMPARE(info.version, version);
            QCOMPARE(p->layers().size(), size_t{2});
            const auto old = p->layerNamed("地类图斑");
            QCOMPARE(qs(old->table), QStringLiteral("landuse"));
            QCOMPARE(old->version, 1);
            QCOMPARE(qs(old->checksum), qs(first.checksum));
            QCOMPARE(featureCount(*p, "地类图斑"), 3);
            // By name first: "landuse" is the layer of that name, not 地类图斑's table.
            QCOMPARE(qs(p->layer("landuse")->name), QStringLiteral("landuse"));
            QVERIFY(!p->layerNamed("landuse_2"));
        }
        const auto versions = p->layerVersions(*p->layerNamed("landuse"));
        QCOMPARE(versions.size(), size_t{2});
        QCOMPARE(qs(versions[0].table),
                 postgis() ? QStringLiteral("landuse_2") : QStringLiteral("landuse_2_v1"));
        QVERIFY(p->hasTable(versions[0].table));
        QVERIFY(!p->hasTable("landuse_v1"));
        QVERIFY(!p->hasTable("landuse_v2"));
    }

    void refusesABadSpec()
    {
        auto p = newProject();
        PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, landuseSpec("坏", "a\"b")), "坏",
                              "invalid table name");
        PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, landuseSpec("坏", "")), "invalid table name");
        if (!postgis()) // SQLite reserves the prefix for its own tables
            PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, landuseSpec("坏", "sqlite_x")),
                                  "invalid table name");
        LayerSpec circle = landuseSpec("圆", "circle");
        circle.geometryType = "CIRCLE";
        PL_VERIFY_THROWS_WITH(Error, LayerWriter(*p, circle), "圆", "unsupported geometry type");
        QVERIFY(p->layers().empty());
        QVERIFY(!transactionOpen(*p));
    }

    void nullAttributesAreStoredAsNull()
    {
        auto p = newProject();
        auto features = landuseFeatures();
        features[0].values[2] = std::monostate{};
        const LayerInfo info = write(*p, landuseSpec(), features);
        FeatureRequest r;
        r.geometry = false;
        r.attributes = {"QSDWMC"};
        std::vector<bool> nulls;
        for (auto row = p->features(info)->query(r); row->next();)
            nulls.push_back(row->isNull(0)); // NULL, not '' or "NULL"
        QCOMPARE(nulls, (std::vector<bool>{true, false, false}));
    }
};

QTEST_GUILESS_MAIN(LayerWriterTest)
#include "layerwritertest.moc"
