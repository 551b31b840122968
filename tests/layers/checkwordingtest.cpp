// The site check's English notes in the words of the UI and the report (checkwording.h): the
// repairs the measurer writes (made here by the real code from a bow-tie site), the notes of
// reading a site file, and text of another form left as it is.
#include <geodata/check/sitemeasurer.h>
#include <layers/checkwording.h>

#include <QTest>

using namespace planlines;
using namespace planlines::layers;

class CheckWordingTest : public QObject
{
    Q_OBJECT

private slots:
    void repairOfABowTieSite()
    {
        // A bow-tie: its two edges cross at (587050, 4116050).
        const geodata::Geometry bowTie = geodata::Geometry::fromWkt(
            "POLYGON((587000 4116000, 587100 4116100, 587100 4116000, 587000 4116100, "
            "587000 4116000))");
        std::vector<std::string> repairs;
        geodata::check::SiteMeasurer::prepareSite(bowTie, repairs);
        QCOMPARE(repairs.size(), size_t(1));
        QCOMPARE(checkRepairText(QString::fromStdString(repairs[0])),
                 QStringLiteral("选址：自相交（位于 587050, 4116050），已用 MakeValid 修复"));
    }

    void repairsOfLayerFeatures()
    {
        QCOMPARE(checkRepairText(QStringLiteral("layer 生态保护红线, feature 7: Ring "
                                                "Self-intersection[587010.5 4116020.25] "
                                                "(repaired for the check)")),
                 QStringLiteral("图层“生态保护红线”第 7 号要素：环自相交（位于 587010.5, "
                                "4116020.25），检查时已修复"));
        QCOMPARE(checkRepairText(QStringLiteral(
                     "layer 地类图斑, feature 12: TopologyException: side location conflict; "
                     "feature repaired with MakeValid")),
                 QStringLiteral("图层“地类图斑”第 12 号要素：GEOS 无法叠加（TopologyException: "
                                "side location conflict），已用 MakeValid 修复该要素"));
        QCOMPARE(checkRepairText(QStringLiteral(
                     "land-use parcels overlap each other under the site: their areas add up "
                     "to more than the site")),
                 QStringLiteral("选址内的地类图斑相互重叠：面积之和超过选址面积"));
        QCOMPARE(invalidReasonText(QStringLiteral("Hole lies outside shell[1 2]")),
                 QStringLiteral("内环在外环之外（位于 1, 2）"));
        QCOMPARE(invalidReasonText(QStringLiteral("Too few distinct points in geometry component")),
                 QStringLiteral("几何部件的不同点过少"));
    }

    void overlapsInTheUiWords()
    {
        // Made by the real code: two overlapping squares as one site.
        std::vector<geodata::Geometry> parts;
        parts.push_back(geodata::Geometry::fromWkt(
            "POLYGON((587000 4116000, 587100 4116000, 587100 4116100, 587000 4116100, "
            "587000 4116000))"));
        parts.push_back(geodata::Geometry::fromWkt(
            "POLYGON((587050 4116000, 587150 4116000, 587150 4116100, 587050 4116100, "
            "587050 4116000))"));
        std::vector<std::string> repairs;
        geodata::check::SiteMeasurer::prepareSite(
            geodata::Geometry::collect(std::move(parts), GEOS_MULTIPOLYGON), repairs);
        QCOMPARE(repairs.size(), size_t(1));
        QVERIFY(!isOverlapNote(QString::fromStdString(repairs[0])));
        QCOMPARE(
            checkRepairText(QString::fromStdString(repairs[0])),
            QStringLiteral("选址：各部分相互重叠 5000.00 m²（第 1 与 2 部分），按各部分的并集计"));
        QCOMPARE(checkRepairText(QStringLiteral("site: parts touch (1 and 2; 2 and 3); merged")),
                 QStringLiteral("选址：各部分相接（第 1 与 2 部分；第 2 与 3 部分），已合并"));
        const QString once = QStringLiteral(
            "layer 永久基本农田: features 1 (JB-1) and 2 (JB-2) overlap by 80000.00 m² under the "
            "site; the overlap is counted once (for feature 1)");
        QVERIFY(isOverlapNote(once));
        QCOMPARE(checkRepairText(once),
                 QStringLiteral("图层“永久基本农田”的要素 1 (JB-1) 与 2 (JB-2) 在选址内重叠 "
                                "80000.00 m²，重叠部分只计一次（计入要素 1）"));
        QCOMPARE(checkRepairText(QStringLiteral(
                     "layer 生态保护红线: features 1 (HX-A) and 2 (HX-B) overlap by 30000.00 m² "
                     "under the site; the eco_redline overlap counts it once")),
                 QStringLiteral("图层“生态保护红线”要素 1 (HX-A) 与 2 (HX-B) 在选址内重叠 "
                                "30000.00 m²，生态保护红线面积只计一次"));
        QCOMPARE(checkRepairText(QStringLiteral(
                     "layer 生态保护红线 feature 1 (HX-A) and layer 饮用水源 feature 4 overlap by "
                     "12.50 m² under the site; the eco_redline overlap counts it once")),
                 QStringLiteral("图层“生态保护红线”要素 1 (HX-A) 与 图层“饮用水源”要素 4 在选址内"
                                "重叠 12.50 m²，生态保护红线面积只计一次"));
    }

    void manyOverlappingPairsAreCounted()
    {
        const QString more = QStringLiteral(
            "layer 永久基本农田 and others: 17 more pairs of features overlap by more than 0.005 "
            "m² under the site; the basic_farmland overlap counts them once");
        QVERIFY(isOverlapNote(more));
        QCOMPARE(checkRepairText(more),
                 QStringLiteral("另有 17 对要素在选址内重叠，永久基本农田面积只计一次"));
    }

    void notesOfASiteFile()
    {
        QCOMPARE(
            checkNoteText(QStringLiteral("项目选址.shp, layer 项目选址: CRS EPSG:4548 "
                                         "(CGCS2000 / 3-degree Gauss-Kruger CM 120E) (source)")),
            QStringLiteral("项目选址.shp 图层“项目选址”：坐标系 EPSG:4548 (CGCS2000 / "
                           "3-degree Gauss-Kruger CM 120E)（文件自带）"));
        QCOMPARE(checkNoteText(QStringLiteral("a.kml, layer 选址: CRS EPSG:4490 (China Geodetic "
                                              "Coordinate System 2000) (inferred)")),
                 QStringLiteral("a.kml 图层“选址”：坐标系 EPSG:4490 (China Geodetic Coordinate "
                                "System 2000)（推断）"));
        QCOMPARE(checkNoteText(QStringLiteral("a.geojson, layer a, feature 3: invalid polygon "
                                              "repaired (Self-intersection[10 20])")),
                 QStringLiteral("a.geojson 图层“a”第 3 号要素：无效多边形已修复（自相交（位于 10, "
                                "20））"));
        QCOMPARE(checkNoteText(QStringLiteral("a.geojson, layer a, feature 4: no geometry")),
                 QStringLiteral("a.geojson 图层“a”第 4 号要素：no geometry"));
        QCOMPARE(featureSourceText(QStringLiteral("界址点.txt, line 12: 坐标不是数字")),
                 QStringLiteral("界址点.txt 第 12 行：坐标不是数字"));
    }

    void otherTextIsLeftAsItIs()
    {
        const QString s = QStringLiteral("界址点.txt: 坐标系=2000国家大地坐标系 → EPSG:4549");
        QCOMPARE(checkNoteText(s), s);
        QCOMPARE(checkRepairText(QStringLiteral("something new")), QStringLiteral("something new"));
        QCOMPARE(invalidReasonText(QStringLiteral("Unknown[1 2]")), QStringLiteral("Unknown[1 2]"));
    }
};

QTEST_GUILESS_MAIN(CheckWordingTest)
#include "checkwordingtest.moc"
