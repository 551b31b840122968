// The window on a small generated project, offscreen: the map's first complete frame shows the
// 0102 fill colour where that square is and white where nothing is; the title, the synthetic
// banner, the layer list and the status line; toggling a layer redraws; a pan back shows the
// frames drawn before at once; a missing project shows the error pane instead of crashing.
#include "layers/testproject.h"
#include "quickfind.h"

#include <qml/mainwindow.h>
#include <qml/mapview.h>

#include <QFont>
#include <QGuiApplication>
#include <QQuickItem>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

using namespace planlines;
using qml::MainWindow;
using qml::MapView;
using testing::TestProject;

class MainWindowTest : public QObject
{
    Q_OBJECT

private:
    static constexpr double E = TestProject::kEast;
    static constexpr double N = TestProject::kNorth;
    QTemporaryDir m_dir;
    QString m_synthetic;
    QString m_real;

    static QQuickItem *findItem(QQuickItem *item, const QString &name)
    {
        return testing::findItem(item, name);
    }
    static QQuickItem *findItem(QQuickWindow *window, const QString &name)
    {
        return findItem(window->contentItem()->parentItem() ? window->contentItem()->parentItem()
                                                            : window->contentItem(),
                        name);
    }
    static QQuickItem *findByProperty(QQuickItem *item, const char *property, const QVariant &value)
    {
        if (!item)
            return nullptr;
        if (item->property(property) == value)
            return item;
        for (QQuickItem *child : item->childItems())
            if (QQuickItem *found = findByProperty(child, property, value))
                return found;
        return nullptr;
    }
    // The window pixel showing a working-CRS point.
    static QPoint windowPixel(MapView *map, double easting, double northing)
    {
        const QPointF p = map->mapToScene(map->worldToItem(easting, northing));
        return {static_cast<int>(p.x()), static_cast<int>(p.y())};
    }
    static QColor pixel(const QImage &image, QPoint p) { return image.pixelColor(p); }

private slots:
    // Each test starts from the catalog's layer state: the panel's saved state (QSettings, in
    // the test location) is cleared.
    void init() { QSettings().clear(); }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        m_synthetic = m_dir.filePath("synthetic.sqlite");
        m_real = m_dir.filePath("real.sqlite");
        TestProject::create(m_synthetic.toStdString(), true);
        TestProject::create(m_real.toStdString(), false);
    }

    void firstFrameShowsTheLayers()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_synthetic, QSize(1000, 700), &error);
        QVERIFY2(window, qPrintable(error));
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        QCOMPARE(map->frameCount(), 1);
        QCOMPARE(window->title(), QStringLiteral("PlanLines — 高青县（synthetic.sqlite）"));

        const QImage image = window->grabWindow();
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            image.save(QString::fromLocal8Bit(out) + QStringLiteral("/mainwindow.png"));
        QCOMPARE(image.size(), QSize(1000, 700));
        // 20 m inside the 0102 (水浇地) square: its fill from landuse.json.
        QCOMPARE(pixel(image, windowPixel(map, E + 20, N + 20)).name(), QStringLiteral("#f7efa0"));
        QCOMPARE(pixel(image, windowPixel(map, E + 120, N + 20)).name(), QStringLiteral("#5db460"));
        // Empty ground inside the township, and the map's margin outside it: the background.
        QCOMPARE(pixel(image, windowPixel(map, E + 550, N - 50)), QColor(Qt::white));
        QCOMPARE(pixel(image, windowPixel(map, E + 50, N + 300)), QColor(Qt::white));
        // The map sits right of the layer panel (a fifth of the window's width): the panel's
        // pixels are not the map's.
        QVERIFY(windowPixel(map, E - 100, N).x() > 200);
    }

    void bannerLayersAndStatusLine()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_synthetic, QSize(1000, 700));
        QVERIFY(window);
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);

        QQuickItem *banner = findItem(window, QStringLiteral("syntheticBanner"));
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->height() > 10);
        QCOMPARE(banner->property("text").toString(),
                 QStringLiteral("合成示例数据（非真实规划数据）"));

        qml::ProjectSession *session = map->session();
        QVERIFY(session);
        auto *model = session->layers();
        QCOMPARE(model->rowCount(), 4);
        QStringList groups, names;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QModelIndex i = model->index(r);
            groups << i.data(qml::LayerListModel::GroupLabelRole).toString();
            names << i.data(qml::LayerListModel::NameRole).toString();
        }
        // Panel order: groups in catalog order, the topmost layer of a group first.
        QCOMPARE(groups, (QStringList{"底图与行政区", "底图与行政区", "三区三线", "项目"}));
        QCOMPARE(names, (QStringList{"乡镇行政区", "地类图斑", "生态保护红线", "项目选址"}));
        const QModelIndex landuse = model->index(model->rowOfTable("landuse"));
        QCOMPARE(landuse.data(qml::LayerListModel::RoleLabelRole).toString(),
                 QStringLiteral("地类图斑"));
        QCOMPARE(landuse.data(qml::LayerListModel::FeatureCountRole).toInt(), 4);
        QCOMPARE(landuse.data(qml::LayerListModel::SyntheticRole).toBool(), true);
        QCOMPARE(landuse.data(qml::LayerListModel::LayerVisibleRole).toBool(), true);
        QVERIFY(landuse.data(qml::LayerListModel::SwatchColorRole).value<QColor>().isValid());

        QQuickItem *crs = findItem(window, QStringLiteral("crsLabel"));
        QQuickItem *scale = findItem(window, QStringLiteral("scaleField"));
        QVERIFY(crs && scale);
        QVERIFY2(crs->property("text").toString().contains("EPSG:4548"),
                 qPrintable(crs->property("text").toString()));
        QCOMPARE(findItem(window, QStringLiteral("scaleLabel"))->property("text").toString(),
                 QStringLiteral("比例尺"));
        QVERIFY2(scale->property("text").toString().startsWith(QStringLiteral("1:")),
                 qPrintable(scale->property("text").toString()));
    }

    void togglingALayerRedraws()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_synthetic, QSize(1000, 700));
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        qml::ProjectSession *session = map->session();
        QVERIFY(session);
        auto *model = session->layers();
        const int frames = map->frameCount();
        model->setLayerVisible(model->rowOfTable("landuse"), false);
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames, 10000);
        const QImage image = window->grabWindow();
        QCOMPARE(pixel(image, windowPixel(map, E + 20, N + 20)), QColor(Qt::white));
    }

    void clickingALayerRowHidesIt()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_synthetic, QSize(1000, 700));
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        // The panel's row for 地类图斑 (a LayerDelegate, whose name property is the layer's).
        QQuickItem *row = findByProperty(window->contentItem(), "name", QStringLiteral("地类图斑"));
        QVERIFY(row);
        QVERIFY(row->property("layerVisible").toBool());
        const int frames = map->frameCount();
        const QPointF centre = row->mapToScene(QPointF(row->width() / 2, row->height() / 2));
        QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
        QTRY_VERIFY_WITH_TIMEOUT(!row->property("layerVisible").toBool(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames, 10000);
        QCOMPARE(pixel(window->grabWindow(), windowPixel(map, E + 20, N + 20)), QColor(Qt::white));
    }

    void dragPansAndWheelZooms()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_synthetic, QSize(1000, 700));
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        const QPointF before = map->worldToItem(E + 20, N + 20);
        const QPoint start = map->mapToScene(QPointF(300, 300)).toPoint();
        QTest::mousePress(window, Qt::LeftButton, {}, start);
        QTest::mouseMove(window, start + QPoint(20, 10));
        QTest::mouseMove(window, start + QPoint(50, 30));
        QTest::mouseRelease(window, Qt::LeftButton, {}, start + QPoint(50, 30));
        QVERIFY((map->worldToItem(E + 20, N + 20) - before - QPointF(50, 30)).manhattanLength() <
                1e-6);
        const double scale = map->scaleDenominator();
        const QPointF at = map->mapToScene(QPointF(200, 200)); // window coordinates
        QWheelEvent wheel(at, at, QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(window, &wheel);
        QVERIFY2(std::abs(map->scaleDenominator() - scale / 1.25) < 1e-6 * scale,
                 qPrintable(QStringLiteral("%1 -> %2").arg(scale).arg(map->scaleDenominator())));
    }

    void zoomAndPanMoveTheMap()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_synthetic, QSize(1000, 700));
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        const double scale = map->scaleDenominator();
        const QPointF anchor = map->worldToItem(E + 20, N + 20);
        int frames = map->frameCount();
        map->zoomAt(anchor.x(), anchor.y(), 2);
        QVERIFY(std::abs(map->scaleDenominator() - scale / 2) < 1e-6 * scale);
        QVERIFY((map->worldToItem(E + 20, N + 20) - anchor).manhattanLength() < 1e-6);
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames, 10000);
        frames = map->frameCount();
        map->panBy(60, -40);
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames, 10000);
        const QPointF moved = map->worldToItem(E + 20, N + 20);
        QVERIFY((moved - anchor - QPointF(60, -40)).manhattanLength() < 1e-6);
        const QImage image = window->grabWindow();
        QCOMPARE(pixel(image, windowPixel(map, E + 20, N + 20)).name(), QStringLiteral("#f7efa0"));
    }

    // The frames before the last stay under it: panning back to where the map was drawn shows
    // it at once, before any new frame is rendered (the next render waits for requests to
    // pause, and the event loop does not run here).
    void aPanBackShowsTheMapDrawnBefore()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_synthetic, QSize(1000, 700));
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        const int frames = map->frameCount();
        map->panBy(2 * map->width(), 0); // the squares leave the view and the next frame
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames, 10000);
        QVERIFY(windowPixel(map, E + 20, N + 20).x() > window->width());
        map->panBy(-2 * map->width(), 0);
        const QImage back = window->grabWindow();
        QCOMPARE(map->frameCount(), frames + 1); // no new frame yet
        QCOMPARE(pixel(back, windowPixel(map, E + 20, N + 20)).name(), QStringLiteral("#f7efa0"));
        QCOMPARE(pixel(back, windowPixel(map, E + 120, N + 20)).name(), QStringLiteral("#5db460"));
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames + 1, 10000);
    }

    void realDataShowsNoBanner()
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = MainWindow::load(engine, m_real, QSize(800, 600));
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        QQuickItem *banner = findItem(window, QStringLiteral("syntheticBanner"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
    }

    void missingProjectShowsTheErrorPane()
    {
        QQmlApplicationEngine engine;
        const QString missing = m_dir.filePath("no-such-county.sqlite");
        QQuickWindow *window = MainWindow::load(engine, missing, QSize(800, 600));
        QVERIFY(window);
        MapView *map = MainWindow::mapView(window);
        QVERIFY(map);
        qml::ProjectSession *session = map->session();
        QVERIFY(session);
        QTRY_COMPARE_WITH_TIMEOUT(session->status(), qml::ProjectSession::Error, 10000);
        QQuickItem *pane = findItem(window, QStringLiteral("errorPane"));
        QQuickItem *message = findItem(window, QStringLiteral("errorMessage"));
        QQuickItem *title = findItem(window, QStringLiteral("errorTitle"));
        QVERIFY(pane && message && title);
        QVERIFY(pane->isVisible());
        QCOMPARE(title->property("text").toString(), QStringLiteral("无法打开项目"));
        QVERIFY2(message->property("text").toString().contains(missing),
                 qPrintable(message->property("text").toString()));
        QVERIFY(!map->ready());
        QCOMPARE(window->title(), QStringLiteral("PlanLines"));
        QVERIFY(!window->grabWindow().isNull()); // it still draws
    }
};

QTEST_MAIN(MainWindowTest)
#include "mainwindowtest.moc"
