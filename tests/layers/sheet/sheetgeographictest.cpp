// A project whose working CRS is geographic (CGCS2000, EPSG:4490, degrees): the sheet's scale
// is true in metres east–west at the frame's centre latitude. A land-use square 0.001° of
// longitude wide is measured in a 254 dpi PNG against its length on the ground from PROJ
// (CGCS2000 → 3° Gauss-Krüger), and the scale bar against its label, each to 0.5 mm.
#include "../testproject.h"
#include "sheettesttools.h"

#include <geodata/coordinatetransform.h>
#include <layers/layercatalog.h>
#include <layers/sheet/sheetexporter.h>

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace planlines;
using namespace planlines::layers;
using namespace planlines::layers::sheet;

namespace {

constexpr double kLon = 117.80, kLat = 37.20, kSide = 0.001; // the square, degrees

} // namespace

class SheetGeographicTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<ProjectMap> m_map;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const std::string path = m_dir.filePath(QStringLiteral("geo.sqlite")).toStdString();
        {
            auto project = geodata::Project::create(path, "EPSG:4490", "高青县", "370322");
            geodata::LayerWriter landuse(*project,
                                         {"地类图斑",
                                          geodata::Role::Landuse,
                                          "landuse",
                                          "MULTIPOLYGON",
                                          {{"DLBM", geodata::FieldType::Text, "地类编码"},
                                           {"DLMC", geodata::FieldType::Text, "地类名称"}},
                                          "test",
                                          true,
                                          "",
                                          0});
            landuse.add(geodata::Geometry::polygon(planlines::testing::TestProject::rect(
                            kLon, kLat, kLon + kSide, kLat + kSide)),
                        std::vector<geodata::Value>{std::string("0301"), std::string("乔木林地")});
            landuse.commit();
        }
        m_map.emplace(ProjectMap::load(path, LayerCatalog::load()));
    }

    void scaleIsTrueInMetres()
    {
        SheetSpec s;
        s.layout = SheetTemplate::make(Paper::A4, Orientation::Landscape);
        s.title = QStringLiteral("地理坐标系测试图");
        s.extent = {kLon - kSide, kLat - kSide, kLon + 2 * kSide, kLat + 2 * kSide};
        s.scaleDenominator = 2000;
        const SheetComposer composer(*m_map);
        const SheetLayout layout = composer.layout(s);
        QVERIFY(layout.geographic);
        // The square's south–north middle, on the ground in metres (PROJ, not our formula).
        const double midLat = kLat + kSide / 2;
        double xy[4] = {kLon, midLat, kLon + kSide, midLat};
        geodata::CoordinateTransform("EPSG:4490", "EPSG:4548").transform(xy);
        const double groundM = std::hypot(xy[2] - xy[0], xy[3] - xy[1]);
        QVERIFY(groundM > 85 && groundM < 92); // about 88.8 m at 37.2°N
        const double expectedMm = groundM * 1000 / 2000;

        const QImage image = SheetExporter(composer).renderImage(s, 254);
        const double rowMm =
            s.layout.frameMm.top() + (layout.frameExtent.maxY - midLat) / layout.unitsPerMm();
        const int y = int(std::lround(rowMm * 10));
        const auto [first, last] =
            planlines::testing::colourRun(image, y, qRgb(0x5D, 0xB4, 0x60)); // 乔木林地
        QVERIFY2(first > 0, "the square is not on the row");
        const double widthMm = (last - first + 1 + 1) / 10.0; // + its 1 px outline
        QVERIFY2(qAbs(widthMm - expectedMm) <= 0.5,
                 qPrintable(QStringLiteral("square %1 mm, %2 m at 1:2000 is %3 mm")
                                .arg(widthMm)
                                .arg(groundM)
                                .arg(expectedMm)));

        // The bar: its drawn length is its label's metres at the scale.
        const ScaleBar &bar = layout.scaleBar;
        QVERIFY(bar.groundM > 0);
        const double drawnMm = planlines::testing::scaleBarDrawnMm(image, 10, s.layout, bar);
        QVERIFY(drawnMm > 0);
        QVERIFY2(
            qAbs(drawnMm - bar.groundM * 1000 / 2000) <= 0.5,
            qPrintable(QStringLiteral("bar %1 mm drawn for %2 m").arg(drawnMm).arg(bar.groundM)));
        // And the bar's metres on the map: that many metres of the square's row span the same.
        QVERIFY(qAbs(drawnMm / bar.groundM - widthMm / groundM) * bar.groundM <= 0.5);
    }
};

QTEST_MAIN(SheetGeographicTest)
#include "sheetgeographictest.moc"
