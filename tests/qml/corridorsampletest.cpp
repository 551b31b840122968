// The corridor panel on the sample county (the generated Gaoqing-like county): 定位 by a
// chainage lands on the levee's point at that chainage, corridor statuses follow the UI
// language, and the charts' labels fit at 1280×720 and 1920×1080.
#include "quickfind.h"
#include "windowdriver.h"

#include <geodata/project.h>
#include <qml/appsettings.h>
#include <qml/corridorcontroller.h>
#include <qml/mainwindow.h>
#include <qml/mapnavigator.h>
#include <qml/mapoverlay.h>
#include <qml/mapview.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QQuickItem>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace planlines;
using qml::MainWindow;
using qml::MapView;

class CorridorSampleTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
    }

    // 定位 on the sample county's corridor (a copy: nothing is written, the file stays as built):
    // the middle segment's middle chainage, from the data. The map goes to 1:5 000 on the point
    // of the levee at that chainage, found here by walking the levee's vertices (chainage 0 at
    // its first vertex), puts the marker there and outlines the segment whose QDLC–ZDLC holds it.
    void locateOnSampleCounty()
    {
        const QString db = m_dir.filePath(QStringLiteral("sample-locate.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        QString table, segId;
        std::int64_t segFid = 0;
        double chainage = 0, segMinE = 0, segMinN = 0, segMaxE = 0, segMaxN = 0;
        std::vector<QPointF> levee;
        {
            auto p = geodata::Project::open(db.toStdString(), true);
            auto &d = p->db();
            table = QString::fromStdString(std::get<std::string>(
                *d.scalar("SELECT table_name FROM layers WHERE role = 'corridor'")));
            const std::string t = table.toStdString();
            const auto count = std::get<std::int64_t>(*d.scalar("SELECT count(*) FROM " + t));
            auto seg = d.prepare("SELECT fid, SEGID, QDLC, ZDLC, MbrMinX(geom), MbrMinY(geom), "
                                 "MbrMaxX(geom), MbrMaxY(geom) FROM " +
                                 t + " ORDER BY QDLC LIMIT 1 OFFSET ?");
            seg.bind(1, count / 2);
            QVERIFY(seg.step());
            segFid = seg.int64(0);
            segId = QString::fromStdString(seg.text(1));
            chainage = std::round((seg.real(2) + seg.real(3)) / 2);
            segMinE = seg.real(4), segMinN = seg.real(5), segMaxE = seg.real(6),
            segMaxN = seg.real(7);
            // The levee: the context line layer named 堤 (as the corridor finds it).
            const std::string leveeTable = std::get<std::string>(*d.scalar(
                "SELECT table_name FROM layers WHERE role = 'context' AND name LIKE '%堤%'"));
            auto pts = d.prepare("SELECT ST_X(ST_PointN(geom, n.i)), ST_Y(ST_PointN(geom, n.i)) "
                                 "FROM " +
                                 leveeTable +
                                 ", (WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                 "FROM c WHERE i < 100000) SELECT i FROM c) AS n "
                                 "WHERE n.i <= ST_NPoints(geom) ORDER BY n.i");
            while (pts.step())
                levee.emplace_back(pts.real(0), pts.real(1));
        }
        QVERIFY(levee.size() > 2);
        // The point at `chainage` along the levee, by hand.
        QPointF expected;
        {
            double walked = 0;
            bool found = false;
            for (std::size_t i = 1; i < levee.size() && !found; ++i) {
                const QPointF a = levee[i - 1], b = levee[i];
                const double len = std::hypot(b.x() - a.x(), b.y() - a.y());
                if (walked + len >= chainage) {
                    const double f = (chainage - walked) / len;
                    expected = a + (b - a) * f;
                    found = true;
                }
                walked += len;
            }
            QVERIFY2(found, "the chainage is past the levee's end");
        }
        // The point is in the segment's box (the band along the levee, about 90 m wide).
        QVERIFY(expected.x() >= segMinE - 1 && expected.x() <= segMaxE + 1 &&
                expected.y() >= segMinN - 1 && expected.y() <= segMaxN + 1);
        const int km = static_cast<int>(chainage) / 1000, m = static_cast<int>(chainage) % 1000;
        const QString text = QStringLiteral("K%1+%2").arg(km).arg(m, 3, 10, QLatin1Char('0'));

        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, db, QSize(1280, 720), &error);
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
        QVERIFY(testing::clickItem(
            window, testing::findQuickItem(window, QStringLiteral("corridorToggle"))));
        QQuickItem *panel = testing::findQuickItem(window, QStringLiteral("corridorPanel"));
        QTRY_VERIFY(panel->isVisible());
        auto *ctl = qobject_cast<qml::CorridorController *>(
            panel->property("controller").value<QObject *>());
        QTRY_VERIFY_WITH_TIMEOUT(ctl->ready(), 20000);
        QVERIFY(testing::clickItem(
            window, testing::findQuickItem(window, QStringLiteral("chainageField"))));
        testing::typeText(window, text);
        QVERIFY(testing::clickItem(window,
                                   testing::findQuickItem(window, QStringLiteral("goToChainage"))));
        nav->finish();
        QVERIFY2(std::abs(nav->scaleDenominator() / 5000 - 1) < 0.01,
                 qPrintable(QString::number(nav->scaleDenominator())));
        const QPointF centre = map->itemToWorld(map->width() / 2, map->height() / 2);
        QVERIFY2(std::hypot(centre.x() - expected.x(), centre.y() - expected.y()) < 1,
                 qPrintable(QStringLiteral("%1 at %2 %3, expected %4 %5")
                                .arg(text)
                                .arg(centre.x(), 0, 'f', 2)
                                .arg(centre.y(), 0, 'f', 2)
                                .arg(expected.x(), 0, 'f', 2)
                                .arg(expected.y(), 0, 'f', 2)));
        const QPointF marker = overlay->markerPoint().toPointF();
        QVERIFY2(std::hypot(marker.x() - expected.x(), marker.y() - expected.y()) < 1,
                 qPrintable(QStringLiteral("marker %1 %2").arg(marker.x()).arg(marker.y())));
        QCOMPARE(overlay->highlightTable(), table);
        QCOMPARE(overlay->highlightFid(), qint64(segFid));
        QVERIFY2(ctl->pointAt(text).value(QStringLiteral("segment")).toString() == segId,
                 qPrintable(segId));
        if (const QString dir = qEnvironmentVariable("PLANLINES_SHOTS"); !dir.isEmpty())
            window->grabWindow().save(dir + QStringLiteral("/corridor-locate-1280x720.png"));

        // The statuses in the UI's language, re-worded by a switch (the totals' rows, the
        // form's choices).
        const auto labels = [&] {
            QStringList out;
            for (const QVariant &t : ctl->totals())
                out << t.toMap().value(QStringLiteral("label")).toString();
            return out;
        };
        const QStringList zh{QStringLiteral("规划"),   QStringLiteral("施工中"),
                             QStringLiteral("已完工"), QStringLiteral("已验收"),
                             QStringLiteral("养护"),   QStringLiteral("未记录")};
        QCOMPARE(labels(), zh);
        qml::AppSettings::applyLanguage(QStringLiteral("en"));
        QTRY_COMPARE(labels(),
                     (QStringList{QStringLiteral("Planned"), QStringLiteral("Under construction"),
                                  QStringLiteral("Completed"), QStringLiteral("Accepted"),
                                  QStringLiteral("Maintenance"), QStringLiteral("Not recorded")}));
        QVERIFY(ctl->statusLabels().contains(QStringLiteral("Maintenance")));
        qml::AppSettings::applyLanguage(QStringLiteral("zh"));
        QTRY_COMPARE(labels(), zh);
    }

    // The panel on the sample county at 1280×720 and 1920×1080: no chart label is cut short
    // (township names, years, round km ticks). PLANLINES_SHOTS=dir: screenshots there.
    void sampleCountyCharts()
    {
        const QString dir = qEnvironmentVariable("PLANLINES_SHOTS");
        if (!dir.isEmpty())
            QDir().mkpath(dir);
        for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
            QQmlApplicationEngine engine;
            QQuickWindow *window =
                MainWindow::load(engine, QStringLiteral(PLANLINES_SAMPLE_DB), size);
            QVERIFY(window);
            QVERIFY(testing::showReady(window));
            MapView *map = MainWindow::mapView(window);
            QVERIFY(testing::clickItem(
                window, testing::findQuickItem(window, QStringLiteral("corridorToggle"))));
            QQuickItem *panel = testing::findQuickItem(window, QStringLiteral("corridorPanel"));
            auto *ctl = qobject_cast<qml::CorridorController *>(
                panel->property("controller").value<QObject *>());
            QTRY_VERIFY_WITH_TIMEOUT(ctl->ready(), 20000);
            QTRY_VERIFY_WITH_TIMEOUT(testing::findQuickItem(window, "townshipChart"), 10000);
            QTest::qWait(1500);
            QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
            QQuickItem *charts = testing::findQuickItem(window, QStringLiteral("chartsLoader"))
                                     ->property("item")
                                     .value<QQuickItem *>();
            QVERIFY(charts);
            QTRY_VERIFY2(
                !charts->property("labelsTruncated").toBool(),
                qPrintable(
                    QStringLiteral("labels cut at %1×%2").arg(size.width()).arg(size.height())));
            if (dir.isEmpty())
                continue;
            window->grabWindow().save(QStringLiteral("%1/corridor-%2x%3.png")
                                          .arg(dir)
                                          .arg(size.width())
                                          .arg(size.height()));
            // Scrolled down: the charts and the list.
            testing::scrollIntoView(
                testing::findQuickItem(window, QStringLiteral("corridorScroll")),
                testing::findQuickItem(window, QStringLiteral("townshipChart")));
            QTest::qWait(300);
            window->grabWindow().save(QStringLiteral("%1/corridor-charts-%2x%3.png")
                                          .arg(dir)
                                          .arg(size.width())
                                          .arg(size.height()));
        }
    }
};

QTEST_MAIN(CorridorSampleTest)
#include "corridorsampletest.moc"
