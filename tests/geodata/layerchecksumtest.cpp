// Tests the checksum LayerWriter gives a layer (store/layerdigest.h): the same input gives the
// same checksum (in another project and on either engine), every change of a value or a vertex
// another, and a refused feature is not part of it. Run on both engines (the _pg twin).
#include "common/teststore.h"
#include "layerwriterfixtures.h"
#include "testsupport.h"

#include <QTest>

#include <memory>

using namespace planlines::geodata;
using namespace planlines::geodata::test;

class LayerChecksumTest : public QObject
{
    Q_OBJECT

    // The stores live as long as the test: a project's connection outlives its function.
    std::vector<std::unique_ptr<TestStore>> m_stores;
    std::unique_ptr<Project> newProject(std::optional<bool> onPostgis = {})
    {
        m_stores.push_back(std::make_unique<TestStore>("checksum", onPostgis));
        return Project::create(m_stores.back()->location(), "EPSG:4548", "高青县", "370322");
    }

private slots:
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
        // And in another project.
        auto other = newProject();
        QCOMPARE(qs(write(*other, landuseSpec(), landuseFeatures()).checksum), qs(a.checksum));
        // And on the other engine: the digest is the engines' common one (the _pg run has the
        // cluster; a SpatiaLite file is always at hand).
        if (testOnPostgis()) {
            auto file = newProject(/*onPostgis=*/false);
            QCOMPARE(qs(write(*file, landuseSpec(), landuseFeatures()).checksum), qs(a.checksum));
        }
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
};

QTEST_GUILESS_MAIN(LayerChecksumTest)
#include "layerchecksumtest.moc"
