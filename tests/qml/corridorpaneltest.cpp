// The corridor panel in the window, offscreen, on the small corridor project: opening it colours
// the map's corridor by status on the panel's date (window pixels at a segment's centre on two
// dates), the totals and the segment list follow the date, the charts load (QtCharts), the form
// records an audited entry or says why not, and the chart exports as PNG and SVG.
#include "geodata/corridor/corridorfixture.h"
#include "quickfind.h"

#include <layers/layercatalog.h>
#include <qml/corridorcontroller.h>
#include <qml/mainwindow.h>
#include <qml/mapview.h>

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QQuickItem>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using testing::findItem;
using namespace planlines::geodata::corridor;
using qml::MainWindow;
using qml::MapView;
using testing::CorridorFixture;

class CorridorPanelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;

    static QColor expected(Status s)
    {
        const auto catalog = layers::LayerCatalog::load();
        const QColor fill = catalog.style(geodata::Role::Corridor)->symbolFor(statusId(s)).fill;
        const double a = fill.alphaF();
        auto mix = [&](int c) { return static_cast<int>(std::lround(c * a + 255 * (1 - a))); };
        return QColor(mix(fill.red()), mix(fill.green()), mix(fill.blue()));
    }
    static bool near(const QColor &a, const QColor &b, int tol = 3)
    {
        return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol &&
               std::abs(a.blue() - b.blue()) <= tol;
    }
    static QColor at(QQuickWindow *window, MapView *map, const CorridorFixture::Seg &s)
    {
        const QPointF p = map->mapToScene(map->worldToItem(s.centreE(), s.centreN()));
        return window->grabWindow().pixelColor(static_cast<int>(p.x()), static_cast<int>(p.y()));
    }

private slots:
    void initTestCase()
    {
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        m_path = m_dir.filePath(QStringLiteral("corridor.sqlite"));
        CorridorFixture::create(m_path.toStdString());
    }

    void panelDrivesMapTotalsChartsAndForm()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_path, QSize(1400, 800), &error);
        QVERIFY2(window, qPrintable(error));
        MapView *map = MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        QQuickItem *root = window->contentItem();
        QQuickItem *toggle = findItem(root, QStringLiteral("corridorToggle"));
        QQuickItem *panel = findItem(root, QStringLiteral("corridorPanel"));
        QVERIFY(toggle && panel);
        QVERIFY(!panel->isVisible());
        toggle->setProperty("checked", true);
        QTRY_VERIFY(panel->isVisible());
        auto *ctl = qobject_cast<qml::CorridorController *>(
            panel->property("controller").value<QObject *>());
        QVERIFY(ctl);
        QTRY_VERIFY_WITH_TIMEOUT(ctl->ready(), 10000);
        QCOMPARE(ctl->firstDate(), QStringLiteral("2020-06-30"));
        QCOMPARE(ctl->segments()->rowCount(), 4);

        // 2021-01-01: T-001 施工中 on the map; 2021-06-30: 已完工.
        ctl->setDate(QStringLiteral("2021-01-01"));
        int frames = map->frameCount();
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames && map->ready(), 10000);
        const auto &t1 = CorridorFixture::kSegments[0];
        QTRY_VERIFY2_WITH_TIMEOUT(near(at(window, map, t1), expected(Status::UnderConstruction)),
                                  qPrintable(at(window, map, t1).name()), 5000);
        const QImage before = window->grabWindow();
        ctl->setDate(QStringLiteral("2021-06-30"));
        frames = map->frameCount();
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames && map->ready(), 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(near(at(window, map, t1), expected(Status::Completed)),
                                  qPrintable(at(window, map, t1).name()), 5000);
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty()) {
            before.save(QString::fromLocal8Bit(out) + QStringLiteral("/panel_2021-01-01.png"));
            window->grabWindow().save(QString::fromLocal8Bit(out) +
                                      QStringLiteral("/panel_2021-06-30.png"));
        }

        // Totals and list on 2021-06-30.
        QVariantMap completed;
        for (const QVariant &t : ctl->totals())
            if (t.toMap()[QStringLiteral("status")] == QStringLiteral("completed"))
                completed = t.toMap();
        QCOMPARE(completed[QStringLiteral("lengthM")].toDouble(), 1000.0);
        QCOMPARE(completed[QStringLiteral("areaM2")].toDouble(), 80000.0);
        const QModelIndex t2 = ctl->segments()->index(1);
        QCOMPARE(t2.data(qml::CorridorSegmentModel::StatusLabelRole).toString(),
                 QStringLiteral("施工中"));
        QCOMPARE(t2.data(qml::CorridorSegmentModel::RangeRole).toString(),
                 QStringLiteral("K1+000–K2+000"));
        // The charts are there (QtCharts under the QApplication).
        QQuickItem *charts = findItem(root, QStringLiteral("chartsLoader"));
        QVERIFY(charts);
        QTRY_COMPARE(charts->property("status").toInt(), 1); // Loader.Ready
        QVERIFY(findItem(root, QStringLiteral("progressChart")));
        // The actual series steps to 1 km on 2021-05-01 and holds to the date.
        const QVariantList actual = ctl->actualSeries();
        QVERIFY(!actual.isEmpty());
        QCOMPARE(actual.last().toMap()[QStringLiteral("y")].toDouble(), 1.0);

        // The form: a good entry is recorded (with its audit row), a bad one says why.
        QCOMPARE(ctl->record(QStringLiteral("T-004"), QStringLiteral("2022-05-01"),
                             QStringLiteral("施工中"), 40, -1, QStringLiteral("开工")),
                 QString());
        {
            auto p = geodata::Project::open(m_path.toStdString(), true);
            QCOMPARE(std::get<std::int64_t>(*p->db().scalar(
                         "SELECT COUNT(*) FROM corridor_progress p JOIN audit_log a ON "
                         "a.target_id = CAST(p.id AS TEXT) AND a.action = 'corridor.progress' "
                         "WHERE p.segment_id = 'T-004' AND p.date = '2022-05-01' AND p.percent = "
                         "40 AND a.detail_json LIKE '%planlines GUI%'")),
                     std::int64_t(1));
        }
        QCOMPARE(ctl->record(QStringLiteral("T-004"), QStringLiteral("2022-05-01"),
                             QStringLiteral("已完工"), 60, -1, {}),
                 QStringLiteral("status 已完工 means the works are finished, so percent must be "
                                "100, not 60"));

        // Linear referencing: K2+250 is on the levee's northward leg, in T-003.
        const QVariantMap p = ctl->pointAt(QStringLiteral("K2+250"));
        QCOMPARE(p[QStringLiteral("easting")].toDouble(), 572000.0);
        QCOMPARE(p[QStringLiteral("northing")].toDouble(), 4115250.0);
        QCOMPARE(p[QStringLiteral("segment")].toString(), QStringLiteral("T-003"));
        const QVariantMap loc = ctl->locate(571500, 4114950);
        QCOMPARE(loc[QStringLiteral("chainage")].toString(), QStringLiteral("K1+500.0"));
        QCOMPARE(loc[QStringLiteral("offsetM")].toDouble(), 50.0);
        QCOMPARE(ctl->pointAt(QStringLiteral("K9+000"))[QStringLiteral("error")].toString(),
                 QStringLiteral("levee layer 黄河大堤: chainage 9000.0 m is outside the levee, "
                                "which is 3000.00 m long (K0+000 to K3+000.0)"));
        // "定位" centres the map on the chainage.
        QQuickItem *field = findItem(root, QStringLiteral("chainageField"));
        QQuickItem *go = findItem(root, QStringLiteral("goToChainage"));
        QVERIFY(field && go);
        field->setProperty("text", QStringLiteral("K0+500"));
        QMetaObject::invokeMethod(go, "clicked");
        const QPointF centre = map->worldToItem(570500, 4115000);
        QVERIFY2(std::abs(centre.x() - map->width() / 2) < 1.5 &&
                     std::abs(centre.y() - map->height() / 2) < 1.5,
                 qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));

        // A click on the map, with 点击地图取桩号 on, gives the point's chainage.
        QQuickItem *pick = findItem(root, QStringLiteral("pickChainage"));
        QVERIFY(pick);
        pick->setProperty("checked", true);
        const QPointF click = map->mapToScene(map->worldToItem(570800, 4114960));
        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, click.toPoint());
        QQuickItem *result = findItem(root, QStringLiteral("chainageResult"));
        QTRY_VERIFY2(result->property("text").toString().startsWith(QStringLiteral("K0+800")),
                     qPrintable(result->property("text").toString()));
        QVERIFY2(result->property("text").toString().contains(QStringLiteral("T-001")),
                 qPrintable(result->property("text").toString()));

        // The click also identified the segment (the map tools' highlight): Esc clears it so
        // the map shows the corridor's own colours again.
        QTest::keyClick(window, Qt::Key_Escape);

        // Chart export.
        const QString png = m_dir.filePath(QStringLiteral("chart.png"));
        const QString svg = m_dir.filePath(QStringLiteral("chart.svg"));
        QCOMPARE(ctl->exportChart(png, 1200, 700), QString());
        QCOMPARE(ctl->exportChart(svg, 1200, 700), QString());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1200, 700));
        int green = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                if (near(image.pixelColor(x, y), QColor(0x2E, 0x7D, 0x32), 10))
                    ++green;
        QVERIFY2(green > 50, qPrintable(QString::number(green))); // the actual line
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray svgText = f.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("<path") || svgText.contains("<polyline"));
        QVERIFY(ctl->exportChart(m_dir.filePath(QStringLiteral("no/dir/c.png")))
                    .contains(QStringLiteral("c.png")));

        // Closing the panel gives the map back its own colours (ZT 规划: planned grey).
        toggle->setProperty("checked", false);
        frames = map->frameCount();
        QTRY_VERIFY_WITH_TIMEOUT(map->frameCount() > frames && map->ready(), 10000);
        QTRY_VERIFY2_WITH_TIMEOUT(near(at(window, map, t1), expected(Status::Planned)),
                                  qPrintable(at(window, map, t1).name()), 5000);
    }
};

QTEST_MAIN(CorridorPanelTest)
#include "corridorpaneltest.moc"
