// LayerData: reads a layer's features (SpatiaLite, or PostGIS in the _pg twin) with their
// categories, labels, boxes and rings (orientation normalised); viewport queries find the right
// features; 80 000 parcels load well under a second.
#include "common/teststore.h"
#include "testproject.h"

#include <layers/layercatalog.h>
#include <layers/layerdata.h>

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using layers::LayerData;
using testing::TestProject;

class LayerDataTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    planlines::geodata::test::TestStore m_store{"layerdata"}, m_big{"layerdatabig"};
    std::unique_ptr<geodata::Project> m_project;
    layers::LayerCatalog m_catalog;

    std::shared_ptr<const LayerData> load(const std::string &name)
    {
        const auto info = m_project->layer(name);
        return LayerData::load(*m_project, *info,
                               LayerData::optionsFor(*m_catalog.style(info->role)));
    }

    static double ringArea(std::span<const float> xy)
    {
        double sum = 0;
        const std::size_t n = xy.size() / 2;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t j = (i + 1) % n;
            sum += double(xy[2 * i]) * xy[2 * j + 1] - double(xy[2 * j]) * xy[2 * i + 1];
        }
        return sum / 2;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_catalog = layers::LayerCatalog::load();
        // A SpatiaLite file, or a PostGIS database in the _pg twin.
        TestProject::create(m_store.location());
        m_project = geodata::Project::open(m_store.location(), true);
    }

    void readsFeaturesWithCategoriesAndLabels()
    {
        const auto d = load("landuse");
        QCOMPARE(d->kind(), layers::GeometryKind::Polygon);
        QCOMPARE(d->featureCount(), 4u);
        QCOMPARE(d->categoryField(), std::string("DLBM"));
        QCOMPARE(d->labelField(), std::string("DLMC"));
        for (std::uint32_t f = 0; f < 4; ++f)
            QCOMPARE(d->categoryValues()[d->categoryIndex(f)],
                     std::string(TestProject::kSquareDlbm[f]));
        QCOMPARE(d->label(0).toString(), QStringLiteral("水浇地"));
        QCOMPARE(d->label(3).toString(), QStringLiteral("村庄"));
        // Extent to the centimetre (floats relative to an origin).
        const auto e = d->extent();
        QVERIFY(std::abs(e.minX - TestProject::kEast) < 0.01);
        QVERIFY(std::abs(e.maxX - (TestProject::kEast + 400)) < 0.01);
        QVERIFY(std::abs(e.minY - TestProject::kNorth) < 0.01);
        QVERIFY(std::abs(e.maxY - (TestProject::kNorth + 100)) < 0.01);
        const auto second = d->envelope(1);
        QVERIFY(std::abs(second.minX - (TestProject::kEast + 100)) < 0.01);
        // Label anchors at the squares' centres.
        QVERIFY(std::abs(d->labelAnchor(0).easting - (TestProject::kEast + 50)) < 0.01);
        QVERIFY(std::abs(d->labelAnchor(0).northing - (TestProject::kNorth + 50)) < 0.01);
    }

    void ringsAreStoredCounterClockwiseWithoutTheClosingPoint()
    {
        const auto d = load("landuse");
        const auto parts = d->parts(0);
        QCOMPARE(parts.end - parts.begin, 1u);
        const auto rings = d->rings(parts.begin);
        QCOMPARE(rings.end - rings.begin, 1u);
        const auto xy = d->ringXy(rings.begin);
        QCOMPARE(xy.size(), 8u);                        // four corners, the closing point dropped
        QVERIFY(std::abs(ringArea(xy) - 10000) < 0.01); // 100 m × 100 m, counter-clockwise
    }

    void queryFindsFeaturesInAnArea()
    {
        const auto d = load("landuse");
        std::vector<std::uint32_t> found;
        const double e = TestProject::kEast, n = TestProject::kNorth;
        d->query({e + 150, n + 10, e + 250, n + 20}, found); // the 2nd and 3rd squares
        QCOMPARE(found, (std::vector<std::uint32_t>{1, 2}));
        d->query({e + 500, n + 500, e + 600, n + 600}, found);
        QVERIFY(found.empty());
        d->query({e - 1000, n - 1000, e + 1000, n + 1000}, found);
        QCOMPARE(found, (std::vector<std::uint32_t>{0, 1, 2, 3}));
    }

    void pointLayer()
    {
        const auto d = load("site");
        QCOMPARE(d->kind(), layers::GeometryKind::Point);
        QCOMPARE(d->featureCount(), 1u);
        QCOMPARE(d->label(0).toString(), QStringLiteral("光伏项目"));
        QVERIFY(std::abs(d->labelAnchor(0).easting - (TestProject::kEast + 500)) < 0.01);
    }

    // Geometry BLOBs are read without AsBinary(); the ones that reader leaves to SpatiaLite
    // (compressed) still load, through AsBinary(), to the same coordinates.
    void compressedGeometriesLoadLikeTheOthers()
    {
        PL_SPATIALITE_ONLY("SpatiaLite's compressed geometry BLOBs");
        const auto plain = load("landuse");
        const std::string path = m_dir.filePath("compressed.sqlite").toStdString();
        TestProject::create(path);
        {
            geodata::Database db(path, geodata::Database::Mode::ReadWrite);
            db.exec("UPDATE landuse SET geom = CompressGeometry(geom) WHERE rowid IN (2, 3)");
            QCOMPARE(std::get<std::int64_t>(
                         *db.scalar("SELECT count(*) FROM landuse WHERE hex(substr(geom, 49, 4)) = "
                                    "'43420F00'")),
                     std::int64_t(2)); // first part's class 1000003: a compressed polygon
        }
        auto p = geodata::Project::open(path, true);
        const auto info = p->layer("landuse");
        const auto d =
            LayerData::load(*p, *info, LayerData::optionsFor(*m_catalog.style(info->role)));
        QCOMPARE(d->featureCount(), plain->featureCount());
        for (std::uint32_t f = 0; f < d->featureCount(); ++f) {
            QCOMPARE(d->featureId(f), plain->featureId(f));
            const auto a = d->ringXy(d->rings(d->parts(f).begin).begin);
            const auto b = plain->ringXy(plain->rings(plain->parts(f).begin).begin);
            QCOMPARE(a.size(), b.size());
            for (std::size_t i = 0; i < a.size(); ++i) // compressed vertices: float offsets, 1 mm
                QVERIFY2(std::abs(a[i] - b[i]) < 0.001, qPrintable(QString::number(f)));
        }
    }

    void missingColumnsAreLeftOut()
    {
        const auto info = m_project->layer("landuse");
        const auto d = LayerData::load(*m_project, *info, {{"NO_SUCH"}, {"NOR_THIS"}});
        QVERIFY(d->categoryField().empty());
        QVERIFY(d->labelField().empty());
        QCOMPARE(d->categoryIndex(0), LayerData::kNoCategory);
        QVERIFY(d->label(0).isEmpty());
    }

    void loads80000ParcelsWellUnderASecond()
    {
        const std::string path = m_big.location();
        {
            auto p = geodata::Project::create(path, "EPSG:4548", "高青县", "370322");
            geodata::LayerWriter w(*p, {"地类图斑",
                                        geodata::Role::Landuse,
                                        "landuse",
                                        "MULTIPOLYGON",
                                        {{"DLBM", geodata::FieldType::Text, "地类编码"},
                                         {"DLMC", geodata::FieldType::Text, "地类名称"}},
                                        "test",
                                        true,
                                        "",
                                        0});
            QRandomGenerator rng(370322);
            const char *codes[] = {"0101", "0102", "0103", "0301", "1104", "203"};
            // 400 × 200 cells of 100 m, each an octagon-ish parcel of 9 vertices.
            for (int row = 0; row < 200; ++row) {
                for (int col = 0; col < 400; ++col) {
                    const double x0 = 550000 + col * 100.0, y0 = 4105000 + row * 100.0;
                    std::vector<double> xy;
                    for (int k = 0; k < 8; ++k) {
                        const double a = k * 3.14159265358979 / 4;
                        const double r = 40 + rng.bounded(9.0);
                        xy.push_back(x0 + 50 + r * std::cos(a));
                        xy.push_back(y0 + 50 + r * std::sin(a));
                    }
                    const int c = (row * 7 + col * 3) % 6;
                    const std::vector<geodata::Value> values{std::string(codes[c]),
                                                             std::string("地类")};
                    w.add(geodata::Geometry::polygon(xy), values);
                }
            }
            w.commit();
        }
        auto p = geodata::Project::open(path, true);
        const auto info = p->layer("landuse");
        QElapsedTimer timer;
        timer.start();
        const auto d =
            LayerData::load(*p, *info, LayerData::optionsFor(*m_catalog.style(info->role)));
        const qint64 ms = timer.elapsed();
        qInfo("80 000 parcels, %zu points: loaded in %lld ms, %.1f MB", d->pointCount(), ms,
              d->memoryBytes() / 1e6);
        QCOMPARE(d->featureCount(), 80000u);
        QCOMPARE(d->categoryValues().size(), 6u);
        // Load time is logged, not asserted: speed belongs to the benchmarks (bench/).
    }
};

QTEST_GUILESS_MAIN(LayerDataTest)
#include "layerdatatest.moc"
