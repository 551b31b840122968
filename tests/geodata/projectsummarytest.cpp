// Tests geodata/projectsummary.h: what `planlines info` and the project panel report. Run on
// both engines (the _pg twin summarises a PostGIS project).
#include "common/teststore.h"
#include "testsupport.h"

#include "geodata/area.h"
#include "geodata/layerwriter.h"
#include "geodata/migrator.h"
#include "geodata/projectsummary.h"
#include "geodata/store/postgis/pgmigrator.h"

#include <QJsonArray>
#include <QTest>

using namespace planlines::geodata;
using planlines::geodata::test::qs;
using planlines::geodata::test::TestStore;

namespace {

// Townships: a 111.111 m square (12 345.654 321 m²) and an L-shape (1 800 m²).
const char *kTownshipWkt[] = {
    "POLYGON ((566500 4118900, 566611.111 4118900, 566611.111 4119011.111, "
    "566500 4119011.111, 566500 4118900))",
    "POLYGON ((566700 4118900, 566760 4118900, 566760 4118920, 566720 4118920, "
    "566720 4118950, 566700 4118950, 566700 4118900))",
};
constexpr double kTownshipM2 = 111.111 * 111.111 + 1800.0; // 14 145.654 321 m²

// Each engine numbers its own migrations.
int latestSchema(const TestStore &store)
{
    return store.postgis() ? PgMigrator::latestVersion() : Migrator::latestVersion();
}

void writeLayers(Project &p)
{
    {
        LayerSpec s;
        s.name = "乡镇行政区";
        s.role = Role::Township;
        s.table = "township";
        s.geometryType = "MULTIPOLYGON";
        s.fields = {{"XZQMC", FieldType::Text, "行政区名称"}};
        s.source = "township.geojson";
        s.sortOrder = 1;
        LayerWriter w(p, s);
        const Value names[][1] = {{std::string("田镇街道")}, {std::string("高城镇")}};
        for (int i = 0; i < 2; ++i)
            w.add(Geometry::fromWkt(kTownshipWkt[i]), names[i]);
        w.commit();
    }
    {
        LayerSpec s;
        s.name = "黄河大堤";
        s.role = Role::Context;
        s.table = "levee";
        s.geometryType = "MULTILINESTRING";
        s.source = "levee.geojson";
        s.sortOrder = 2;
        s.synthetic = true;
        LayerWriter w(p, s);
        w.add(Geometry::fromWkt("LINESTRING (566500 4118900, 566530 4118940, 566530 4119000)"), {});
        w.commit();
    }
}

} // namespace

class ProjectSummaryTest : public QObject
{
    Q_OBJECT

    TestStore m_store{"summary"};
    std::unique_ptr<Project> m_project;
    ProjectSummary m_summary;

private slots:
    void initTestCase()
    {
        m_project = Project::create(m_store.location(), "EPSG:4548", "高青县", "370322");
        writeLayers(*m_project);
        m_summary = ProjectSummary::of(*m_project);
    }

    void summarisesTheProject()
    {
        QCOMPARE(qs(m_summary.countyName), QStringLiteral("高青县"));
        QCOMPARE(qs(m_summary.countyCode), QStringLiteral("370322"));
        QCOMPARE(qs(m_summary.workingCrs), QStringLiteral("EPSG:4548"));
        QVERIFY2(m_summary.crsName.find("CM 117E") != std::string::npos, m_summary.crsName.c_str());
        QCOMPARE(m_summary.schemaVersion, latestSchema(m_store));
        QVERIFY(m_summary.synthetic); // one layer is synthetic
        QCOMPARE(m_summary.layers.size(), size_t{2});
        PL_COMPARE_NEAR(m_summary.layers[0].areaM2, kTownshipM2, 0.01, "m²");
        PL_COMPARE_NEAR(m_summary.layers[0].lengthM, 0.0, 0.0, "m");
        PL_COMPARE_NEAR(m_summary.layers[1].areaM2, 0.0, 0.0, "m²");
        PL_COMPARE_NEAR(m_summary.layers[1].lengthM, 110.0, 0.001, "m");
    }

    void jsonHasEachLayerWithItsAreas()
    {
        const QJsonObject json = m_summary.toJson();
        QCOMPARE(json.value("county").toString(), QStringLiteral("高青县"));
        QCOMPARE(json.value("crs").toString(), QStringLiteral("EPSG:4548"));
        QCOMPARE(json.value("schema_version").toInt(), latestSchema(m_store));
        QCOMPARE(json.value("synthetic").toBool(), true);
        const QJsonArray layers = json.value("layers").toArray();
        QCOMPARE(layers.size(), 2);

        const QJsonObject township = layers[0].toObject();
        QCOMPARE(township.value("name").toString(), QStringLiteral("乡镇行政区"));
        QCOMPARE(township.value("role").toString(), QStringLiteral("township"));
        QCOMPARE(township.value("role_label").toString(), QStringLiteral("乡镇行政区"));
        QCOMPARE(township.value("table").toString(), QStringLiteral("township"));
        QCOMPARE(township.value("count").toInteger(), 2);
        QCOMPARE(township.value("crs").toString(), QStringLiteral("EPSG:4548"));
        QCOMPARE(township.value("version").toInt(), 1);
        QCOMPARE(township.value("checksum").toString().size(), 64);
        QCOMPARE(township.value("synthetic").toBool(), false);
        // Rounded to 0.01 of their unit: 14 145.65 m², 21.22 亩, 1.41 公顷.
        PL_COMPARE_NEAR(township.value("area_m2").toDouble(), 14145.65, 1e-9, "m²");
        PL_COMPARE_NEAR(township.value("area_mu").toDouble(), 21.22, 1e-9, "亩");
        PL_COMPARE_NEAR(township.value("area_ha").toDouble(), 1.41, 1e-9, "公顷");
        PL_COMPARE_NEAR(township.value("area_mu").toDouble(), m2ToMu(kTownshipM2), 0.005, "亩");
        QVERIFY(!township.contains("length_m"));

        const QJsonObject levee = layers[1].toObject();
        QCOMPARE(levee.value("role").toString(), QStringLiteral("context"));
        QCOMPARE(levee.value("table").toString(), QStringLiteral("levee"));
        QCOMPARE(levee.value("count").toInteger(), 1);
        QCOMPARE(levee.value("synthetic").toBool(), true);
        PL_COMPARE_NEAR(levee.value("area_m2").toDouble(), 0.0, 0.0, "m²");
        PL_COMPARE_NEAR(levee.value("length_m").toDouble(), 110.0, 0.001, "m");
    }

    void textListsRolesTablesAndAreas()
    {
        const QString text = qs(m_summary.toText());
        for (const char *expected :
             {"township", "context", "levee", "乡镇行政区", "黄河大堤", "高青县", "EPSG:4548",
              "14145.65", "21.22", "1.41", "亩", "公顷", "synthetic"})
            QVERIFY2(
                text.contains(QString::fromUtf8(expected)),
                qPrintable(
                    QStringLiteral("no \"%1\" in:\n%2").arg(QString::fromUtf8(expected), text)));
        // One line per layer, in sort order.
        QVERIFY(text.indexOf("township") < text.indexOf("levee"));
    }

    void emptyProjectHasNoLayers()
    {
        const TestStore store{"summaryempty"};
        auto empty = Project::create(store.location(), "EPSG:4527", "高青县", "370322");
        const ProjectSummary s = ProjectSummary::of(*empty);
        QVERIFY(s.layers.empty());
        QVERIFY(!s.synthetic);
        QCOMPARE(s.toJson().value("layers").toArray().size(), 0);
        QCOMPARE(s.toJson().value("crs").toString(), QStringLiteral("EPSG:4527"));
        QVERIFY(!qs(s.toText()).contains("synthetic"));
    }
};

QTEST_GUILESS_MAIN(ProjectSummaryTest)
#include "projectsummarytest.moc"
