// The map window's tools, driven as a person would (clicks, keys) on a small project under the
// offscreen platform: identify on overlapping parcels lists both with Chinese field names and
// areas and highlights the chosen one on the map; keys and buttons zoom and pan; double-click
// zooms about the cursor; round scales; zoom to layer; search for a chainage shows the corridor
// segment; the area tool measures an L-shape in 亩; the status bar shows X/Y and lon/lat.
#include "layers/hitproject.h"
#include "quickfind.h"

#include <qml/cursorreadout.h>
#include <qml/identifymodel.h>
#include <qml/importcontroller.h>
#include <qml/mainwindow.h>
#include <qml/mapnavigator.h>
#include <qml/mapoverlay.h>
#include <qml/mapview.h>
#include <qml/measuretool.h>
#include <qml/searchmodel.h>

#include <geodata/coordinatetransform.h>
#include <layers/measure.h>
#include <layers/navigation.h>

#include <QFile>
#include <QFont>
#include <QGuiApplication>
#include <QQuickItem>
#include <QSettings>
#include <QStandardPaths>
#include <QStyleHints>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using qml::MainWindow;
using qml::MapView;
using testing::findItem;
using testing::HitProject;

class MapToolsTest : public QObject
{
    Q_OBJECT

private:
    static constexpr double E = HitProject::E;
    static constexpr double N = HitProject::N;
    QTemporaryDir m_dir;
    QString m_path;

    struct Window
    {
        QQmlApplicationEngine engine;
        QQuickWindow *window = nullptr;
        MapView *map = nullptr;
        QQuickItem *tools = nullptr;
        qml::MapNavigator *navigator = nullptr;
        qml::IdentifyModel *identify = nullptr;
        qml::MapOverlay *overlay = nullptr;
        qml::MeasureTool *measure = nullptr;
        qml::CursorReadout *cursor = nullptr;
    };

    template <typename T> static T *child(QQuickItem *tools, const char *property)
    {
        return qobject_cast<T *>(tools->property(property).value<QObject *>());
    }
    bool open(Window &w, QSize size = QSize(1000, 700), const QString &path = {})
    {
        QString error;
        w.window = MainWindow::load(w.engine, path.isEmpty() ? m_path : path, size, &error);
        if (!w.window)
            qWarning() << error;
        w.map = MainWindow::mapView(w.window);
        if (!w.map)
            return false;
        if (!QTest::qWaitFor([&] { return w.map->ready(); }, 30000))
            return false;
        w.tools = findItem(w.window->contentItem(), QStringLiteral("mapTools"));
        if (!w.tools)
            return false;
        w.navigator = child<qml::MapNavigator>(w.tools, "navigator");
        w.identify = child<qml::IdentifyModel>(w.tools, "identify");
        w.overlay = child<qml::MapOverlay>(w.tools, "overlay");
        w.measure = child<qml::MeasureTool>(w.tools, "measure");
        w.cursor = child<qml::CursorReadout>(w.tools, "cursor");
        return w.navigator && w.identify && w.overlay && w.measure && w.cursor;
    }
    static QPoint windowPixel(MapView *map, double easting, double northing)
    {
        const QPointF p = map->mapToScene(map->worldToItem(easting, northing));
        return {static_cast<int>(std::floor(p.x())), static_cast<int>(std::floor(p.y()))};
    }
    static void click(Window &w, double easting, double northing)
    {
        QTest::mouseClick(w.window, Qt::LeftButton, {}, windowPixel(w.map, easting, northing));
        // A second click on the same spot within the double-click time would be a double tap.
        QTest::qWait(QGuiApplication::styleHints()->mouseDoubleClickInterval() + 50);
    }

private slots:
    void init() { QSettings().clear(); }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        m_path = m_dir.filePath("tools.sqlite");
        HitProject::create(m_path.toStdString());
    }

    void identifyListsOverlapsAndHighlights()
    {
        Window w;
        QVERIFY(open(w));
        // Parcel A (with its hole) and parcel B overlap at (70, 70); the township lies under both.
        click(w, E + 70, N + 70);
        const QVariantList candidates = w.identify->candidates();
        QStringList layers;
        for (const QVariant &c : candidates)
            layers << c.toMap().value("layer").toString();
        // Points and lines first, then polygons from the smallest: the parcels before the
        // township that holds them.
        QCOMPARE(layers, (QStringList{"地类图斑", "地类图斑", "乡镇行政区"}));
        QCOMPARE(w.identify->currentIndex(), 0);
        QCOMPARE(w.identify->selectedTable(), QStringLiteral("landuse"));
        QCOMPARE(w.identify->selectedFid(), 1);
        QCOMPARE(w.identify->areaText(), QStringLiteral("9600.00 m² · 14.40 亩 · 0.96 公顷"));
        const QModelIndex dlbm = w.identify->index(2);
        QCOMPARE(dlbm.data(qml::IdentifyModel::AliasRole).toString(), QStringLiteral("地类编码"));
        QCOMPARE(dlbm.data(qml::IdentifyModel::ValueRole).toString(), QStringLiteral("0101"));
        QQuickItem *panel = findItem(w.window->contentItem(), QStringLiteral("identifyPanel"));
        QVERIFY(panel && panel->isVisible());
        QQuickItem *count = findItem(w.window->contentItem(), QStringLiteral("candidateCount"));
        QCOMPARE(count->property("text").toString(), QStringLiteral("此处有 3 个要素，请选择："));

        // The chosen parcel is outlined in the highlight colour on its west edge, 20 m up.
        QVERIFY(w.overlay->hasHighlight());
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QImage image = w.window->grabWindow();
                const QColor c = image.pixelColor(windowPixel(w.map, E, N + 20));
                return std::abs(c.red() - 0) < 40 && std::abs(c.green() - 229) < 40 &&
                       std::abs(c.blue() - 255) < 40;
            }(),
            5000);
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            w.window->grabWindow().save(QString::fromLocal8Bit(out) + "/identify.png");

        // Choosing the second: parcel B, 1 公顷.
        w.identify->choose(1);
        QCOMPARE(w.identify->selectedFid(), 2);
        QCOMPARE(w.identify->areaText(), QStringLiteral("10000.00 m² · 15.00 亩 · 1.00 公顷"));
        QCOMPARE(w.overlay->highlightFid(), 2);

        // In A's hole, outside B: only the township.
        click(w, E + 45, N + 45);
        QCOMPARE(w.identify->candidates().size(), 1);
        QCOMPARE(w.identify->layerName(), QStringLiteral("乡镇行政区"));
    }

    void keysAndButtonsZoomAndPan()
    {
        Window w;
        QVERIFY(open(w));
        w.tools->forceActiveFocus();
        const double mpp = w.map->metresPerPixel();
        QTest::keyClick(w.window, Qt::Key_Plus);
        QVERIFY(w.navigator->animating());
        QTRY_VERIFY_WITH_TIMEOUT(!w.navigator->animating(), 5000);
        QVERIFY(std::abs(w.map->metresPerPixel() - mpp / 2) < 1e-9 * mpp);
        const auto centre = w.map->viewport().centre();
        QTest::keyClick(w.window, Qt::Key_Right);
        w.navigator->finish();
        // One arrow press moves an eighth of the view's width east.
        QVERIFY(std::abs(w.map->viewport().centre().easting -
                         (centre.easting + w.map->width() / 8 * w.map->metresPerPixel())) < 1e-6);
        QTest::keyClick(w.window, Qt::Key_Minus);
        w.navigator->finish();
        QVERIFY(std::abs(w.map->metresPerPixel() - mpp) < 1e-9 * mpp);

        // The − button.
        QQuickItem *out = findItem(w.window->contentItem(), QStringLiteral("zoomOutButton"));
        QVERIFY(out);
        QTest::mouseClick(w.window, Qt::LeftButton, {},
                          out->mapToScene(QPointF(out->width() / 2, out->height() / 2)).toPoint());
        w.navigator->finish();
        QVERIFY(std::abs(w.map->metresPerPixel() - 2 * mpp) < 1e-9 * mpp);
    }

    void doubleClickZoomsAboutTheCursor()
    {
        Window w;
        QVERIFY(open(w));
        w.navigator->setDurationMs(0);
        const double mpp = w.map->metresPerPixel();
        const QPoint at = windowPixel(w.map, E + 130, N + 120);
        const QPointF item = w.map->mapFromScene(QPointF(at));
        const QPointF world = w.map->itemToWorld(item.x(), item.y());
        QTest::mouseDClick(w.window, Qt::LeftButton, {}, at);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(w.map->metresPerPixel() - mpp / 2) < 1e-9 * mpp, 3000);
        const QPointF after = w.map->itemToWorld(item.x(), item.y());
        QVERIFY(std::abs(after.x() - world.x()) < 1e-6 && std::abs(after.y() - world.y()) < 1e-6);
    }

    void roundScalesAndZoomToLayer()
    {
        Window w;
        QVERIFY(open(w));
        w.navigator->setDurationMs(0);
        w.navigator->setRoundScales(true);
        // The sample project's view is about 1:5 000 here: it lands on a round scale.
        const double s = w.navigator->scaleDenominator();
        QVERIFY2(std::find_if(layers::navigation::kRoundScales.begin(),
                              layers::navigation::kRoundScales.end(),
                              [&](double r) { return std::abs(r - s) < 1e-6 * r; }) !=
                     layers::navigation::kRoundScales.end(),
                 qPrintable(QString::number(s)));
        const double before = s;
        w.navigator->zoomIn();
        QVERIFY(std::abs(w.navigator->scaleDenominator() -
                         layers::navigation::nextRoundScale(before, 1)) < 1e-3);
        // The shown scale is that of the screen's DPI.
        QVERIFY(std::abs(w.navigator->scaleDenominator() -
                         layers::navigation::scaleDenominatorAt(
                             w.map->metresPerPixel(), w.navigator->dotsPerInch())) < 1e-6);
        w.navigator->setRoundScales(false);
        QVERIFY(w.navigator->zoomToLayer(QStringLiteral("site")));
        // Two points 3 m apart: shown at the closest zoom, centred between them.
        QVERIFY(std::abs(w.map->viewport().centre().easting - (E + 201.5)) < 1e-6);
        QVERIFY(!w.navigator->zoomToLayer(QStringLiteral("no_such_layer")));
        w.navigator->zoomToFullCounty();
        // The townships' extent, [-100, 1100] m: centred on 500 m.
        QVERIFY(std::abs(w.map->viewport().centre().easting - (E + 500)) < 1e-6);
    }

    void searchShowsTheChainageSegment()
    {
        Window w;
        QVERIFY(open(w));
        w.navigator->setDurationMs(0);
        auto *box = findItem(w.window->contentItem(), QStringLiteral("searchBox"));
        QVERIFY(box);
        auto *search =
            qobject_cast<qml::SearchModel *>(box->property("results").value<QObject *>());
        QVERIFY(search);
        box->setProperty("text", QStringLiteral("K1+300"));
        QMetaObject::invokeMethod(box, "accepted");
        QTRY_VERIFY(!search->busy());
        QCOMPARE(search->count(), 1);
        QCOMPARE(search->kind(), QStringLiteral("chainage"));
        QCOMPARE(w.overlay->highlightTable(), QStringLiteral("corridor"));
        QCOMPARE(w.overlay->highlightFid(), 2);
        const QPointF marker = w.overlay->markerPoint().toPointF();
        QVERIFY(std::abs(marker.x() - (E + 1000)) < 0.001);
        QVERIFY(std::abs(marker.y() - (N + 300)) < 0.001);
        // The view went there.
        const QPointF p = w.map->worldToItem(E + 1000, N + 300);
        QVERIFY(p.x() > 0 && p.x() < w.map->width() && p.y() > 0 && p.y() < w.map->height());
    }

    void areaToolMeasuresAnLShape()
    {
        Window w;
        QVERIFY(open(w));
        w.navigator->setDurationMs(0);
        w.tools->setProperty("tool", QStringLiteral("area"));
        QCOMPARE(w.measure->mode(), qml::MeasureTool::Area);
        // The L: 300 × 100 plus 100 × 200, clicked at its corners (to the pixel: the area is
        // compared with that of the clicked points, and with 50 000 m² within a pixel's slack).
        const double l[][2] = {{0, 0}, {300, 0}, {300, 100}, {100, 100}, {100, 300}, {0, 300}};
        w.navigator->zoomToExtent(E - 50, N - 50, E + 350, N + 350);
        std::vector<layers::WorldPoint> clicked;
        for (const auto &c : l) {
            const QPoint px = windowPixel(w.map, E + c[0], N + c[1]);
            click(w, E + c[0], N + c[1]);
            const QPointF item = w.map->mapFromScene(QPointF(px));
            const QPointF world = w.map->itemToWorld(item.x(), item.y());
            clicked.push_back({world.x(), world.y()});
        }
        QCOMPARE(w.measure->count(), 6);
        QVERIFY(std::abs(w.measure->areaM2() - layers::polygonAreaM2(clicked)) < 0.01);
        const double slack = 1200 * w.map->metresPerPixel() * 1.5;
        QVERIFY2(std::abs(w.measure->areaM2() - 50000) < slack,
                 qPrintable(QString::number(w.measure->areaM2())));
        QVERIFY(w.measure->resultText().startsWith(QStringLiteral("面积 ")));
        QVERIFY(w.measure->resultText().contains(QStringLiteral(" 亩 · ")));
        QQuickItem *result = findItem(w.window->contentItem(), QStringLiteral("measureResult"));
        QCOMPARE(result->property("text").toString(), w.measure->resultText());
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            w.window->grabWindow().save(QString::fromLocal8Bit(out) + "/measure.png");
    }

    void sampleCountySiteSearchAndIdentify()
    {
        if (!QFile::exists(QStringLiteral(PLANLINES_SAMPLE_DB)))
            QSKIP("the sample county is not built");
        // A copy: search may build an index in the file it opens, and other tests copy the
        // built sample while this one runs.
        const QString db = m_dir.filePath(QStringLiteral("sample-search.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
        Window w;
        QVERIFY(open(w, QSize(1600, 1000), db));
        w.navigator->setDurationMs(0);
        auto *box = findItem(w.window->contentItem(), QStringLiteral("searchBox"));
        auto *search =
            qobject_cast<qml::SearchModel *>(box->property("results").value<QObject *>());
        QVERIFY(search);
        box->setProperty("text", QStringLiteral("通威农光互补"));
        QMetaObject::invokeMethod(box, "accepted");
        QTRY_VERIFY_WITH_TIMEOUT(!search->busy(), 10000);
        QCOMPARE(search->count(), 1);
        QCOMPARE(w.overlay->highlightTable(), QStringLiteral("site"));
        QVERIFY(w.overlay->hasHighlight());
        // Identify at the centre of the view (the site): the site is listed first.
        click(w, w.map->viewport().centre().easting, w.map->viewport().centre().northing);
        QVERIFY(w.identify->candidates().size() >= 2);
        QCOMPARE(w.identify->layerName(), QStringLiteral("项目选址"));
        QVERIFY(w.identify->featureTitle().startsWith(QStringLiteral("通威农光互补")));
        QVERIFY(w.identify->areaText().contains(QStringLiteral(" 亩 · ")));
        QTRY_VERIFY_WITH_TIMEOUT(w.map->ready(), 10000);
        QTest::qWait(500);
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            w.window->grabWindow().save(QString::fromLocal8Bit(out) + "/sample-identify.png");
    }

    void statusBarShowsTheCursorPosition()
    {
        Window w;
        QVERIFY(open(w));
        QTest::mouseMove(w.window, windowPixel(w.map, E + 20, N + 20));
        QTRY_VERIFY_WITH_TIMEOUT(!w.cursor->projectedText().isEmpty(), 3000);
        QQuickItem *position = findItem(w.window->contentItem(), QStringLiteral("positionLabel"));
        QVERIFY(position);
        QVERIFY2(position->property("text").toString().startsWith(QStringLiteral("X 41150")),
                 qPrintable(position->property("text").toString()));
        // Direct: a known point, and its longitude/latitude as PROJ gives them.
        w.cursor->setPosition(571000, 4115600);
        QCOMPARE(w.cursor->projectedText(), QStringLiteral("X 4115600.00  Y 571000.00"));
        double lonLat[2] = {571000, 4115600};
        geodata::CoordinateTransform("EPSG:4548", "EPSG:4490").transform(lonLat);
        QVERIFY(std::abs(w.cursor->longitude() - lonLat[0]) < 1e-9);
        QVERIFY(std::abs(w.cursor->latitude() - lonLat[1]) < 1e-9);
        QCOMPARE(qml::CursorReadout::dms(117.5533333333, true), QStringLiteral("117°33′12.00″E"));
        QCOMPARE(qml::CursorReadout::dms(37.2083333333, false), QStringLiteral("37°12′30.00″N"));
        QQuickItem *lonLatLabel = findItem(w.window->contentItem(), QStringLiteral("lonLatLabel"));
        QVERIFY(lonLatLabel->property("text").toString().contains(u'E'));
    }

    // Last: it writes a layer into the shared test project.
    void droppedFileIsImported()
    {
        Window w;
        QVERIFY(open(w));
        const int layersBefore = w.map->session()->layers()->rowCount();
        const QString file = m_dir.filePath(QStringLiteral("dropped.geojson"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                R"("properties":{"ABC":"测试"},"geometry":{"type":"Polygon","coordinates":)"
                R"([[[117.7,37.15],[117.701,37.15],[117.701,37.151],[117.7,37.151],)"
                R"([117.7,37.15]]]}}]})");
        f.close();
        QObject *dialog = w.window->findChild<QObject *>(QStringLiteral("importDialog"));
        QVERIFY(dialog);
        // What the DropArea does with dropped URLs.
        QVERIFY(QMetaObject::invokeMethod(
            dialog, "importFiles", Q_ARG(QVariant, QVariantList{QUrl::fromLocalFile(file)})));
        QVERIFY(dialog->property("visible").toBool());
        auto *controller = qobject_cast<qml::ImportController *>(
            dialog->property("controller").value<QObject *>());
        QVERIFY(controller);
        QTRY_VERIFY_WITH_TIMEOUT(!controller->busy(), 30000);
        // Field ABC says nothing of the role: the dialog asks, nothing was written.
        QVERIFY(controller->needsRole());
        QCOMPARE(w.map->session()->layers()->rowCount(), layersBefore);
        QVERIFY(controller->start(QVariantList{file}, QStringLiteral("context")));
        QTRY_VERIFY_WITH_TIMEOUT(!controller->busy(), 30000);
        QVERIFY2(controller->succeeded(), qPrintable(controller->reportText()));
        QTRY_COMPARE_WITH_TIMEOUT(w.map->session()->layers()->rowCount(), layersBefore + 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(w.map->ready(), 30000);
    }
};

QTEST_MAIN(MapToolsTest)
#include "maptoolstest.moc"
