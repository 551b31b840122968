// The corridor panel in the window, offscreen, on the small corridor project: opening it colours
// the map's corridor by status on the panel's date (window pixels at a segment's centre on two
// dates), the totals and the segment list follow the date, the charts load (QtCharts), the form
// records an audited entry or says why not, and the chart exports as PNG and SVG.
#include "geodata/corridor/corridorfixture.h"
#include "quickfind.h"
#include "windowdriver.h"

#include <layers/layercatalog.h>
#include <qml/appsettings.h>
#include <qml/corridorcontroller.h>
#include <qml/mainwindow.h>
#include <qml/mapnavigator.h>
#include <qml/mapoverlay.h>
#include <qml/mapview.h>

#include <QApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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
        qobject_cast<qml::MapNavigator *>(
            findItem(root, QStringLiteral("mapTools"))->property("navigator").value<QObject *>())
            ->finish();
        const QPointF centre = map->worldToItem(570500, 4115000);
        QVERIFY2(std::abs(centre.x() - map->width() / 2) < 1.5 &&
                     std::abs(centre.y() - map->height() / 2) < 1.5,
                 qPrintable(QStringLiteral("%1,%2").arg(centre.x()).arg(centre.y())));

        // A click on the map, with 点击地图取桩号 on, gives the point's chainage.
        QQuickItem *pick = findItem(root, QStringLiteral("pickChainage"));
        QVERIFY(pick);
        pick->setProperty("checked", true);
        // (定位 showed 1:5 000, where a pixel is 1.3 m: the click lands on the pixel nearest
        // E 570800, N 4114960; on the levee's eastward leg the chainage is E − 570000 by hand.)
        const QPoint click = map->mapToScene(map->worldToItem(570800, 4114960)).toPoint();
        const QPointF clicked =
            map->itemToWorld(map->mapFromScene(click).x(), map->mapFromScene(click).y());
        QTest::mouseClick(window, Qt::LeftButton, Qt::NoModifier, click);
        QQuickItem *result = findItem(root, QStringLiteral("chainageResult"));
        QTRY_VERIFY2(result->property("text").toString().startsWith(
                         QStringLiteral("K0+%1，").arg(clicked.x() - 570000, 0, 'f', 1)),
                     qPrintable(result->property("text").toString() + QStringLiteral(" at E ") +
                                QString::number(clicked.x(), 'f', 2)));
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

    // The panel driven with the mouse and keys: opening it fits the corridor; 定位 shows a
    // chainage as search does (1:5 000, the marker, its segment outlined); a segment clicked in
    // the list is zoomed to; the date box and the slider agree whichever is used; the form
    // (today's date, typed percent, photos, cleared after 已记录, a correction) as the database
    // has it; both charts exported as on screen.
    void zoomDateFormAndExport()
    {
        const QString db = m_dir.filePath(QStringLiteral("driven.sqlite")); // entries are added
        CorridorFixture::create(db.toStdString());
        QString table;
        std::int64_t fid[4] = {};
        {
            auto p = geodata::Project::open(db.toStdString(), true);
            table = QString::fromStdString(std::get<std::string>(
                *p->db().scalar("SELECT table_name FROM layers WHERE role = 'corridor'")));
            for (int i = 0; i < 4; ++i)
                fid[i] = std::get<std::int64_t>(
                    *p->db().scalar("SELECT fid FROM " + table.toStdString() +
                                    " WHERE SEGID = 'T-00" + std::to_string(i + 1) + "'"));
        }
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, db, QSize(1400, 800), &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(testing::showReady(window));
        MapView *map = MainWindow::mapView(window);
        auto *nav = qobject_cast<qml::MapNavigator *>(
            testing::findObject(window, QStringLiteral("mapTools"))
                ->property("navigator")
                .value<QObject *>());
        auto *overlay = qobject_cast<qml::MapOverlay *>(
            testing::findQuickItem(window, QStringLiteral("mapOverlay")));
        QVERIFY(nav && overlay);
        auto item = [&](const char *name) {
            return testing::findQuickItem(window, QString::fromLatin1(name));
        };
        // The world rectangle the map shows once the navigator has arrived.
        auto view = [&] {
            nav->finish();
            const QPointF a = map->itemToWorld(0, map->height());
            const QPointF b = map->itemToWorld(map->width(), 0);
            return QRectF(a, b).normalized();
        };

        // Far from the corridor, then open the panel: it fits the corridor (by hand: E 570000–
        // 572120, N 4114900–4116000), not much more.
        nav->zoomToPoint(560000, 4100000, 5000);
        QVERIFY(!view().contains(QPointF(571000, 4115000)));
        QVERIFY(testing::clickItem(window, item("corridorToggle")));
        QQuickItem *panel = item("corridorPanel");
        QTRY_VERIFY(panel->isVisible());
        auto *ctl = qobject_cast<qml::CorridorController *>(
            panel->property("controller").value<QObject *>());
        QTRY_VERIFY_WITH_TIMEOUT(ctl->ready(), 10000);
        // At opening the date is today, the range's end: the handle stands at the end.
        const int today = static_cast<int>(QDate(2020, 6, 30).daysTo(QDate::currentDate()));
        QTRY_COMPARE(item("dateSlider")->property("to").toDouble(), double(today));
        QCOMPARE(item("dateSlider")->property("value").toDouble(), double(today));
        QCOMPARE(item("dateField")->property("text").toString(),
                 QDate::currentDate().toString(Qt::ISODate));
        const QRectF corridor(QPointF(570000, 4114900), QPointF(572120, 4116000));
        QTRY_VERIFY2(view().contains(corridor) && view().width() < 3 * corridor.width(),
                     qPrintable(QStringLiteral("%1 %2 %3 %4")
                                    .arg(view().left(), 0, 'f', 0)
                                    .arg(view().top(), 0, 'f', 0)
                                    .arg(view().width(), 0, 'f', 0)
                                    .arg(view().height(), 0, 'f', 0)));

        // 定位 K2+250: on the levee's northward leg at E 572000, N 4115250 (by hand), in T-003.
        QVERIFY(testing::clickItem(window, item("chainageField")));
        testing::typeText(window, QStringLiteral("K2+250"));
        QVERIFY(testing::clickItem(window, item("goToChainage")));
        nav->finish();
        QVERIFY2(std::abs(nav->scaleDenominator() / 5000 - 1) < 0.01,
                 qPrintable(QString::number(nav->scaleDenominator())));
        const QPointF centre = map->itemToWorld(map->width() / 2, map->height() / 2);
        QVERIFY2(std::abs(centre.x() - 572000) < 1 && std::abs(centre.y() - 4115250) < 1,
                 qPrintable(QStringLiteral("%1 %2").arg(centre.x()).arg(centre.y())));
        const QPointF marker = overlay->markerPoint().toPointF();
        QVERIFY(std::abs(marker.x() - 572000) < 1 && std::abs(marker.y() - 4115250) < 1);
        QCOMPARE(overlay->highlightTable(), table);
        QCOMPARE(overlay->highlightFid(), qint64(fid[2]));

        // A segment clicked in the list: the map fits it (T-002: E 571000–572000,
        // N 4114900–4114980) and outlines it.
        QQuickItem *scroll = item("corridorScroll");
        QQuickItem *list = item("segmentList");
        QVERIFY(scroll && list);
        auto row = [&](int index) {
            QQuickItem *delegate = nullptr;
            QMetaObject::invokeMethod(list, "itemAtIndex", Q_RETURN_ARG(QQuickItem *, delegate),
                                      Q_ARG(int, index));
            return delegate;
        };
        testing::scrollIntoView(scroll, list);
        QVERIFY(testing::clickItem(window, row(1)));
        const QRectF t2(QPointF(571000, 4114900), QPointF(572000, 4114980));
        QTRY_VERIFY(view().contains(t2) && view().width() < 3 * t2.width());
        QCOMPARE(overlay->highlightFid(), qint64(fid[1]));

        // The date box and the slider agree, whichever is used. 2020-06-30 (the first entry) is
        // day 0; 2021-03-05 is day 248 (by hand).
        QQuickItem *dateField = item("dateField");
        QQuickItem *slider = item("dateSlider");
        testing::scrollIntoView(scroll, dateField);
        auto typeDate = [&](const QString &text) {
            QVERIFY(testing::clickItem(window, dateField));
            QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
            testing::typeText(window, text);
            QTest::keyClick(window, Qt::Key_Return);
        };
        typeDate(QStringLiteral("2021/3/5"));
        QCOMPARE(ctl->date(), QStringLiteral("2021-03-05"));
        QTRY_COMPARE(dateField->property("text").toString(), QStringLiteral("2021-03-05"));
        QCOMPARE(slider->property("value").toDouble(), 248.0);
        // Dragged a quarter of the way: the box shows the slider's day.
        const QPointF from =
            slider->mapToScene(QPointF(slider->property("leftPadding").toDouble() +
                                           slider->property("visualPosition").toDouble() *
                                               slider->property("availableWidth").toDouble(),
                                       slider->height() / 2));
        const QPointF to =
            slider->mapToScene(QPointF(slider->property("leftPadding").toDouble() +
                                           0.25 * slider->property("availableWidth").toDouble(),
                                       slider->height() / 2));
        QTest::mousePress(window, Qt::LeftButton, {}, from.toPoint());
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(window, (from + (to - from) * i / 10.0).toPoint());
        QTest::mouseRelease(window, Qt::LeftButton, {}, to.toPoint());
        const int day = qRound(slider->property("value").toDouble());
        QVERIFY2(day != 248 && day > 0, qPrintable(QString::number(day)));
        QCOMPARE(ctl->date(), QDate(2020, 6, 30).addDays(day).toString(Qt::ISODate));
        QCOMPARE(dateField->property("text").toString(), ctl->date());
        // Past the last entry and today: the slider's end moves with it, the handle at the end.
        typeDate(QStringLiteral("2030-01-01"));
        QCOMPARE(ctl->date(), QStringLiteral("2030-01-01"));
        QCOMPARE(slider->property("to").toDouble(), 3472.0);
        QCOMPARE(slider->property("value").toDouble(), 3472.0);
        // Not a date: the box shows the date in force again.
        typeDate(QStringLiteral("2021-13-45"));
        QCOMPARE(dateField->property("text").toString(), QStringLiteral("2030-01-01"));
        QCOMPARE(slider->property("value").toDouble(), 3472.0);

        // The form, for T-004 clicked in the list: today's date, no status (记录 disabled).
        testing::scrollIntoView(scroll, list);
        QVERIFY(testing::clickItem(window, row(3)));
        QQuickItem *formDate = item("formDate");
        QQuickItem *status = item("formStatus");
        QQuickItem *percent = item("formPercent");
        QQuickItem *record = item("formRecord");
        QQuickItem *form = record->parentItem();
        QCOMPARE(item("formSegment")->property("text").toString(), QStringLiteral("T-004"));
        QCOMPARE(formDate->property("text").toString(), QDate::currentDate().toString(Qt::ISODate));
        QCOMPARE(status->property("currentIndex").toInt(), -1);
        QVERIFY(!record->isEnabled());
        testing::scrollIntoView(scroll, item("formSegment"));
        auto retype = [&](QQuickItem *field, const QString &text) {
            QVERIFY(testing::clickItem(window, field));
            QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
            testing::typeText(window, text);
        };
        retype(formDate, QStringLiteral("2022-05-01"));
        status->setProperty("currentIndex", 1); // 施工中
        QCOMPARE(status->property("currentText").toString(), QStringLiteral("施工中"));
        retype(percent, QStringLiteral("45"));
        QCOMPARE(percent->property("text").toString(), QStringLiteral("45"));
        QStringList photos;
        for (const char *name : {"a.jpg", "b.jpg"}) {
            QFile f(m_dir.filePath(QString::fromLatin1(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xFF\xD8\xFF\xE0 not really a photo");
            photos << QFileInfo(f).absoluteFilePath();
        }
        form->setProperty("photos", photos); // what the photo picker gives
        QCOMPARE(item("formPhotos")->property("text").toString(), QStringLiteral("2 张"));
        QVERIFY(testing::clickItem(window, record));
        QTRY_COMPARE(item("formResult")->property("text").toString(), QStringLiteral("已记录"));
        auto rows = [&](const std::string &where) {
            auto p = geodata::Project::open(db.toStdString(), true);
            return std::get<std::int64_t>(
                *p->db().scalar("SELECT COUNT(*) FROM corridor_progress WHERE " + where));
        };
        const std::string mine = "segment_id = 'T-004' AND date = '2022-05-01'";
        QCOMPARE(rows(mine + " AND status = 'under_construction' AND percent = 45 AND photos = '" +
                      photos.join(QLatin1Char('\n')).toStdString() + "'"),
                 std::int64_t(1));
        std::int64_t first = 0;
        {
            auto p = geodata::Project::open(db.toStdString(), true);
            first = std::get<std::int64_t>(
                *p->db().scalar("SELECT id FROM corridor_progress WHERE " + mine));
            QCOMPARE(std::get<std::int64_t>(*p->db().scalar(
                         "SELECT COUNT(*) FROM audit_log WHERE action = 'corridor.progress' AND "
                         "target_id = '" +
                         std::to_string(first) + "' AND detail_json LIKE '%b.jpg%'")),
                     std::int64_t(1));
        }
        // Cleared: the same click again cannot record the entry twice.
        QCOMPARE(status->property("currentIndex").toInt(), -1);
        QCOMPARE(percent->property("text").toString(), QString());
        QCOMPARE(form->property("photos").toStringList(), QStringList());
        QCOMPARE(formDate->property("text").toString(), QDate::currentDate().toString(Qt::ISODate));
        QVERIFY(!record->isEnabled());
        QTest::mouseClick(
            window, Qt::LeftButton, {},
            record->mapToScene(QPointF(record->width() / 2, record->height() / 2)).toPoint());
        QCOMPARE(rows(mine), std::int64_t(1));

        // 添加… opens the photo chooser (Esc closes it).
        QObject *picker = testing::findObject(window, QStringLiteral("photoPicker"));
        QVERIFY(picker && !picker->property("visible").toBool());
        QVERIFY(testing::clickItem(window, item("formAddPhoto")));
        QTRY_VERIFY(picker->property("visible").toBool());
        QTest::qWait(100);
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!picker->property("visible").toBool());

        // A correction: the entry chosen fills the form; 55 % instead of 45 % is recorded as a
        // new entry that supersedes it. Both rows stay; the corridor counts the new one.
        QQuickItem *corrects = item("formCorrects");
        QCOMPARE(corrects->property("count").toInt(), 3); // (新记录), 2022-05-01, 2020-06-30
        corrects->setProperty("currentIndex", 1);
        QMetaObject::invokeMethod(corrects, "activated", Q_ARG(int, 1));
        QCOMPARE(formDate->property("text").toString(), QStringLiteral("2022-05-01"));
        QCOMPARE(status->property("currentText").toString(), QStringLiteral("施工中"));
        QCOMPARE(percent->property("text").toString(), QStringLiteral("45"));
        QCOMPARE(form->property("photos").toStringList(), photos);
        retype(percent, QStringLiteral("55"));
        QVERIFY(testing::clickItem(window, record));
        QTRY_COMPARE(item("formResult")->property("text").toString(),
                     QStringLiteral("已记录更正（取代 2022-05-01 的记录）"));
        QCOMPARE(rows(mine), std::int64_t(2));
        QCOMPARE(rows(mine + " AND percent = 45 AND id = " + std::to_string(first)),
                 std::int64_t(1));
        QCOMPARE(rows(mine + " AND percent = 55 AND supersedes = " + std::to_string(first)),
                 std::int64_t(1));
        {
            auto p = geodata::Project::open(db.toStdString(), true);
            QCOMPARE(std::get<std::int64_t>(*p->db().scalar(
                         "SELECT COUNT(*) FROM audit_log a JOIN corridor_progress c ON "
                         "a.target_id = CAST(c.id AS TEXT) WHERE a.action = 'corridor.progress' "
                         "AND c.supersedes = " +
                         std::to_string(first) + " AND a.detail_json LIKE '%\"supersedes\":" +
                         std::to_string(first) + "%'")),
                     std::int64_t(1));
        }
        const QVariantList history = ctl->history(QStringLiteral("T-004"));
        QCOMPARE(history.size(), qsizetype(2));
        QCOMPARE(history[0].toMap()[QStringLiteral("percent")].toDouble(), 55.0);

        // Both charts as on screen, no label cut short.
        QQuickItem *progress = item("progressChart");
        QQuickItem *towns = item("townshipChart");
        QVERIFY(progress && towns);
        QVERIFY(!item("chartsLoader")
                     ->property("item")
                     .value<QQuickItem *>()
                     ->property("labelsTruncated")
                     .toBool());
        const QString png = m_dir.filePath(QStringLiteral("charts.png"));
        QQuickItem *path = item("chartExportPath");
        path->setProperty("text", png);
        testing::scrollIntoView(scroll, item("chartExportButton"));
        QVERIFY(testing::clickItem(window, item("chartExportButton")));
        QTRY_VERIFY_WITH_TIMEOUT(item("chartExportStatus")
                                     ->property("text")
                                     .toString()
                                     .startsWith(QStringLiteral("已导出")),
                                 5000);
        const QImage a(png), b(m_dir.filePath(QStringLiteral("charts_乡镇.png")));
        const qreal dpr = window->effectiveDevicePixelRatio();
        QCOMPARE(a.size(), (QSizeF(progress->width(), progress->height()) * dpr).toSize());
        QCOMPARE(b.size(), (QSizeF(towns->width(), towns->height()) * dpr).toSize());
    }
};

QTEST_MAIN(CorridorPanelTest)
#include "corridorpaneltest.moc"
