// MapView.imagery in the real window: a GeoTIFF in EPSG:4490 shows under the layers of an
// EPSG:4548 project at the right place and colour, imageryOpacity blends it over the background,
// and a file that cannot be used leaves the map without imagery and says why in imageryError.
#include "layers/testimagery.h"
#include "layers/testproject.h"

#include <qml/mainwindow.h>
#include <qml/mapview.h>

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace planlines;
using qml::MainWindow;
using qml::MapView;
using testing::TestProject;

class MapViewImageryTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db, m_tif;

    static QColor pixel(QQuickWindow *window, MapView *map, double e, double n)
    {
        const QPointF p = map->mapToScene(map->worldToItem(e, n));
        return window->grabWindow().pixelColor(int(p.x()), int(p.y()));
    }
    static bool near(const QColor &a, const QColor &b)
    {
        return std::abs(a.red() - b.red()) <= 4 && std::abs(a.green() - b.green()) <= 4 &&
               std::abs(a.blue() - b.blue()) <= 4;
    }
    // Waits for the next complete frame after a change.
    static bool nextFrame(MapView *map, int before)
    {
        return QTest::qWaitFor([&] { return map->frameCount() > before; }, 30000);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        MainWindow::prepare();
        m_db = m_dir.filePath(QStringLiteral("t.sqlite"));
        TestProject::create(m_db.toStdString());
        m_tif = m_dir.filePath(QStringLiteral("imagery.tif"));
        testing::writeGeoTiff(m_tif.toStdString());
    }

    void imageryShowsUnderTheLayers()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1000, 700));
        QVERIFY(window);
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        constexpr double E = TestProject::kEast, N = TestProject::kNorth;
        // Inside the township, where no layer fills: white before the imagery.
        QCOMPARE(pixel(window, map, E - 50, N + 450), QColor(Qt::white));

        int frames = map->frameCount();
        map->setImagery(QUrl::fromLocalFile(m_tif).toString()); // QML passes file URLs
        QVERIFY(map->imageryError().isEmpty());
        QVERIFY(nextFrame(map, frames));
        QVERIFY2(near(pixel(window, map, E - 50, N + 450), testing::kWest),
                 qPrintable(pixel(window, map, E - 50, N + 450).name()));
        QVERIFY2(near(pixel(window, map, E + 550, N + 50), testing::kEastColour),
                 qPrintable(pixel(window, map, E + 550, N + 50).name()));
        // The land-use squares stay on top.
        QCOMPARE(pixel(window, map, E + 20, N + 20).name(), QStringLiteral("#f7efa0"));

        frames = map->frameCount();
        map->setImageryOpacity(0.5);
        QVERIFY(nextFrame(map, frames));
        // Half of (200, 30, 30) over white: (227, 142, 142).
        QVERIFY2(near(pixel(window, map, E - 50, N + 450), QColor(227, 142, 142)),
                 qPrintable(pixel(window, map, E - 50, N + 450).name()));

        frames = map->frameCount();
        const QString bad = m_dir.filePath(QStringLiteral("missing.tif"));
        map->setImagery(bad);
        QVERIFY2(map->imageryError().contains(bad), qPrintable(map->imageryError()));
        QVERIFY(nextFrame(map, frames));
        QCOMPARE(pixel(window, map, E - 50, N + 450), QColor(Qt::white));
    }
};

QTEST_MAIN(MapViewImageryTest)
#include "mapviewimagerytest.moc"
