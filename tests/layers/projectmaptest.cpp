// ProjectMap: opens a project read-only with its layers in draw order, its county, CRS, home
// extent and synthetic flag; a missing file is an error that names it.
#include "common/teststore.h"
#include "testproject.h"

#include <layers/projectmap.h>

#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using testing::TestProject;

class ProjectMapTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    planlines::geodata::test::TestStore m_store{"projectmap"}, m_real{"projectmapreal"};
    layers::LayerCatalog m_catalog;

private slots:
    void initTestCase() { m_catalog = layers::LayerCatalog::load(); }

    void loadsTheProject()
    {
        // A SpatiaLite file, or a PostGIS database in the _pg twin.
        const std::string path = m_store.location();
        TestProject::create(path);
        const auto map = layers::ProjectMap::load(path, m_catalog);
        QCOMPARE(map.countyName(), std::string("高青县"));
        QCOMPARE(map.workingCrs(), std::string("EPSG:4548"));
        QVERIFY2(QString::fromStdString(map.crsDescription()).contains("117"),
                 map.crsDescription().c_str());
        QVERIFY(map.anySynthetic());
        std::vector<geodata::Role> roles;
        for (const auto &l : map.layers())
            roles.push_back(l.entry.info.role);
        QVERIFY(
            (roles == std::vector<geodata::Role>{geodata::Role::Landuse, geodata::Role::Township,
                                                 geodata::Role::EcoRedline, geodata::Role::Site}));
        // Home is the township's extent.
        const auto home = map.homeExtent();
        const auto t = TestProject::townshipExtent();
        QVERIFY(std::abs(home.minX - t.minX) < 0.01 && std::abs(home.maxY - t.maxY) < 0.01);
        QCOMPARE(map.renderLayers({true, false, true, false}).size(), 2u);
    }

    void realDataIsNotSynthetic()
    {
        const std::string path = m_real.location();
        TestProject::create(path, /*synthetic=*/false);
        QVERIFY(!layers::ProjectMap::load(path, m_catalog).anySynthetic());
    }

    void missingFileIsNamed()
    {
        try {
            layers::ProjectMap::load("/nonexistent/county.sqlite", m_catalog);
            QFAIL("opened a missing file");
        } catch (const geodata::Error &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains("/nonexistent/county.sqlite"),
                     e.what());
        }
    }
};

QTEST_GUILESS_MAIN(ProjectMapTest)
#include "projectmaptest.moc"
