// LayerCatalog and the style files: every role has a style in the right group, the standard
// codes have categories with the colours staff expect, the draw order, and errors that name
// the file.
#include <layers/layercatalog.h>

#include <geodata/error.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using geodata::Role;
using layers::LayerCatalog;

class LayerCatalogTest : public QObject
{
    Q_OBJECT

private:
    LayerCatalog m_catalog;

    static bool isYellowish(const QColor &c)
    {
        return c.red() > 200 && c.green() > 200 && c.blue() < 210;
    }
    static bool isGreen(const QColor &c)
    {
        return c.green() > c.red() + 30 && c.green() > c.blue() + 30;
    }
    static bool isBlue(const QColor &c) { return c.blue() > c.red() + 40 && c.blue() >= c.green(); }
    static bool isGrey(const QColor &c)
    {
        return std::abs(c.red() - c.green()) < 8 && std::abs(c.green() - c.blue()) < 8;
    }
    static bool isReddish(const QColor &c)
    {
        return c.red() > c.green() + 40 && c.red() > c.blue() + 40;
    }

private slots:
    void initTestCase() { m_catalog = LayerCatalog::load(); }

    void everyRoleHasAStyleInItsGroup_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<QString>("group");
        QTest::newRow("township") << int(Role::Township) << "底图与行政区";
        QTest::newRow("landuse") << int(Role::Landuse) << "底图与行政区";
        QTest::newRow("context") << int(Role::Context) << "底图与行政区";
        QTest::newRow("basic_farmland") << int(Role::BasicFarmland) << "三区三线";
        QTest::newRow("eco_redline") << int(Role::EcoRedline) << "三区三线";
        QTest::newRow("urban_boundary") << int(Role::UrbanBoundary) << "三区三线";
        QTest::newRow("control_unit") << int(Role::ControlUnit) << "三线一单";
        QTest::newRow("corridor") << int(Role::Corridor) << "生态廊道";
        QTest::newRow("site") << int(Role::Site) << "项目";
    }
    void everyRoleHasAStyleInItsGroup()
    {
        QFETCH(int, role);
        QFETCH(QString, group);
        const auto style = m_catalog.style(static_cast<Role>(role));
        QVERIFY(style);
        QCOMPARE(int(style->role()), role);
        QCOMPARE(m_catalog.group(style->groupId()).label, group);
        QVERIFY(style->swatchColor().isValid());
    }

    void fiveGroupsInPanelOrder()
    {
        QStringList labels;
        for (const auto &g : m_catalog.groups())
            labels << g.label;
        QCOMPARE(labels, (QStringList{"底图与行政区", "三区三线", "三线一单", "生态廊道", "项目"}));
    }

    void landuseCategoriesByDlbm()
    {
        const auto style = m_catalog.style(Role::Landuse);
        QCOMPARE(style->categoryFields(), std::vector<std::string>{"DLBM"});
        for (const char *code :
             {"0101", "0102", "0103", "0201", "0204", "0301", "0305",  "0307", "0404",
              "1001", "1003", "1006", "1101", "1103", "1104", "1104A", "1106", "1107",
              "1109", "1202", "1204", "201",  "202",  "203",  "201A",  "202A"})
            QVERIFY2(style->category(code), code);
        QCOMPARE(style->category("0102")->label, QStringLiteral("水浇地"));
        QCOMPARE(style->category("0102")->symbol.fill, QColor(0xF7, 0xEF, 0xA0));
        for (const char *code : {"0101", "0102", "0103"})
            QVERIFY2(isYellowish(style->symbolFor(code).fill), code);
        QVERIFY(isGreen(style->symbolFor("0301").fill));
        for (const char *code : {"1101", "1103", "1104", "1104A", "1107"})
            QVERIFY2(isBlue(style->symbolFor(code).fill), code);
        for (const char *code : {"1003", "1006"})
            QVERIFY2(isGrey(style->symbolFor(code).fill), code);
        for (const char *code : {"201", "202", "203", "201A", "202A"})
            QVERIFY2(isReddish(style->symbolFor(code).fill), code);
        // An unknown code falls back to the layer's symbol, and categories inherit its outline.
        QCOMPARE(&style->symbolFor("9999"), &style->symbol());
        QCOMPARE(style->symbolFor("0301").outline, style->symbol().outline);
    }

    void redLineIsRedHatchWithRedOutline()
    {
        const auto &s = m_catalog.style(Role::EcoRedline)->symbol();
        QVERIFY(!s.hasFill());
        QVERIFY(s.hatch);
        QCOMPARE(s.hatch->color, QColor(0xE6, 0x00, 0x00));
        QCOMPARE(s.hatch->angleDeg, 45.0);
        QCOMPARE(s.outline, QColor(0xE6, 0x00, 0x00));
    }

    void controlUnitsByClass()
    {
        const auto style = m_catalog.style(Role::ControlUnit);
        QVERIFY(!style->visibleByDefault());
        QVERIFY(isGreen(style->symbolFor("1").fill));
        QCOMPARE(style->category("1")->label, QStringLiteral("优先保护单元"));
        QVERIFY(isReddish(style->symbolFor("2").fill));
        QCOMPARE(style->category("2"), style->category("重点管控单元"));
        QVERIFY(style->category("3"));
    }

    void corridorByStatusAndUrbanBoundaryByZone()
    {
        const auto corridor = m_catalog.style(Role::Corridor);
        for (const char *status :
             {"planned", "under_construction", "completed", "accepted", "maintenance"})
            QVERIFY2(corridor->category(status), status);
        QCOMPARE(corridor->category("在建"), corridor->category("under_construction"));
        const auto urban = m_catalog.style(Role::UrbanBoundary);
        for (const char *zone : {"城镇集中建设区", "城镇弹性发展区", "特别用途区"})
            QVERIFY2(urban->category(zone), zone);
    }

    void pointSitesHaveAMarkerAndLabels()
    {
        const auto site = m_catalog.style(Role::Site);
        QCOMPARE(site->symbol().marker.shape, layers::MarkerShape::Star);
        QVERIFY(site->label());
        const auto township = m_catalog.style(Role::Township);
        QVERIFY(township->label());
        QVERIFY(township->label()->maxScale >= 500000); // names readable at county scale
    }

    void contextIsRefinedPerTableAndGeometry()
    {
        auto info = [](const char *table, const char *type) {
            geodata::LayerInfo i;
            i.role = Role::Context;
            i.table = table;
            i.geometryType = type;
            return i;
        };
        // The county line: outline only, no label, drawn over the other context layers.
        const auto county = m_catalog.styleFor(info("county", "MULTIPOLYGON"));
        QVERIFY(!county->symbol().hasFill());
        QCOMPARE(county->symbol().outline, QColor("#263238"));
        QVERIFY(!county->label());
        QVERIFY(county->categories().empty());
        // Any line layer gets line symbols by kind: roads by grade, rivers blue.
        const auto lines = m_catalog.styleFor(info("some_roads", "MULTILINESTRING"));
        QVERIFY(!lines->symbol().hasFill());
        QCOMPARE(lines->symbolFor("expressway").outline, QColor("#E07B39"));
        QCOMPARE(lines->symbolFor("river").outline, QColor("#3D85C6"));
        // Places: villages labelled only from 1:30 000 in, the seat from 1:500 000.
        const auto places = m_catalog.styleFor(info("place", "POINT"));
        QCOMPARE(places->category("village")->labelMaxScale, 30000.0);
        QCOMPARE(places->category("seat")->symbol.marker.shape, layers::MarkerShape::Square);
        // A water-area table refines the polygon base: categories by LX survive.
        const auto water = m_catalog.styleFor(info("water_area", "MULTIPOLYGON"));
        QVERIFY(water->category("reservoir"));
        QVERIFY(water->drawOrder() < county->drawOrder());
        // Other roles are not refined.
        geodata::LayerInfo landuse = info("landuse", "MULTIPOLYGON");
        landuse.role = Role::Landuse;
        QCOMPARE(m_catalog.styleFor(landuse), m_catalog.style(Role::Landuse));
    }

    void entriesAreStackedInDrawOrder()
    {
        std::vector<geodata::LayerInfo> infos;
        std::int64_t id = 1;
        // Given in the registry's (arbitrary) order.
        for (const Role r :
             {Role::Site, Role::Context, Role::Corridor, Role::ControlUnit, Role::UrbanBoundary,
              Role::EcoRedline, Role::BasicFarmland, Role::Township, Role::Landuse}) {
            geodata::LayerInfo info;
            info.id = id++;
            info.role = r;
            info.name = std::string(geodata::roleId(r));
            infos.push_back(info);
        }
        std::vector<Role> order;
        for (const auto &e : m_catalog.entries(infos))
            order.push_back(e.info.role);
        const std::vector<Role> expected{Role::Landuse,    Role::Township,      Role::BasicFarmland,
                                         Role::EcoRedline, Role::UrbanBoundary, Role::ControlUnit,
                                         Role::Corridor,   Role::Context,       Role::Site};
        QVERIFY(order == expected);
        const auto entries = m_catalog.entries(infos);
        QCOMPARE(entries[5].visibleByDefault, false); // control units start hidden
        QCOMPARE(entries[5].group.label, QStringLiteral("三线一单"));
        QCOMPARE(entries[0].visibleByDefault, true);
    }

    void aBrokenStyleFileIsNamedInTheError()
    {
        QTemporaryDir dir;
        for (const auto &name : QDir(LayerCatalog::builtinStyleDirectory()).entryList())
            QVERIFY(QFile::copy(LayerCatalog::builtinStyleDirectory() + u'/' + name,
                                dir.filePath(name)));
        QFile corridor(dir.filePath("corridor.json"));
        corridor.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        QVERIFY(corridor.open(QIODevice::WriteOnly | QIODevice::Truncate));
        corridor.write(
            R"({"role": "corridor", "group": "corridor", "symbol": {"fill": "greenish"}})");
        corridor.close();
        try {
            LayerCatalog::load(dir.path());
            QFAIL("a bad colour was accepted");
        } catch (const geodata::Error &e) {
            const QString msg = QString::fromStdString(e.what());
            QVERIFY2(msg.contains("corridor.json") && msg.contains("'fill' is not a colour"),
                     qPrintable(msg));
        }
        QFile::remove(dir.filePath("corridor.json"));
        QVERIFY(QFile::copy(LayerCatalog::builtinStyleDirectory() + "/corridor.json",
                            dir.filePath("corridor.json")));
        QVERIFY(QFile::remove(dir.filePath("site.json")));
        try {
            LayerCatalog::load(dir.path());
            QFAIL("a missing style file was accepted");
        } catch (const geodata::Error &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains("site.json"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(LayerCatalogTest)
#include "layercatalogtest.moc"
