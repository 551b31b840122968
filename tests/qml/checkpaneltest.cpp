// The check panel in the window, offscreen, on a copy of the sample county, opened as
// `planlines --check-site NAME` opens it: the site is checked at start, the panel shows the
// verdict 不符合 on its colour, the area in m², 亩 and 公顷, a row per rule, overlap role and 地类;
// the map shows the site's red outline; clicking a rule row highlights its causing features
// (orange) on the map; a site picked with the identify tool is chosen in the list; the toggle
// closes the panel.
#include "quickfind.h"

#include <geodata/project.h>
#include <qml/checkcontroller.h>
#include <qml/checkoverlay.h>
#include <qml/mainwindow.h>
#include <qml/mapview.h>

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QJsonArray>
#include <QProcess>
#include <QQuickItem>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using qml::MainWindow;
using qml::MapView;
using testing::findItem;

namespace {

const QString kSite = QStringLiteral("通威农光互补光伏发电项目");

// Items a Repeater made (its visual siblings with the delegate's index).
int repeaterCount(QQuickItem *repeater)
{
    return repeater ? repeater->property("count").toInt() : -1;
}

QQuickItem *repeaterItem(QQuickItem *repeater, int index)
{
    QQuickItem *item = nullptr;
    QMetaObject::invokeMethod(repeater, "itemAt", Q_RETURN_ARG(QQuickItem *, item),
                              Q_ARG(int, index));
    return item;
}

bool near(const QColor &a, const QColor &b, int tol)
{
    return std::abs(a.red() - b.red()) <= tol && std::abs(a.green() - b.green()) <= tol &&
           std::abs(a.blue() - b.blue()) <= tol;
}

} // namespace

class CheckPanelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

private slots:
    void initTestCase()
    {
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        m_db = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_db));
    }

    void panelShowsVerdictTablesAndHighlights()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1600, 1000), &error,
                                                {{QStringLiteral("checkSite"), kSite}});
        QVERIFY2(window, qPrintable(error));
        MapView *map = MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window->property("pending").toBool(), 60000);
        QQuickItem *root = window->contentItem();
        QQuickItem *panel = findItem(root, QStringLiteral("checkPanel"));
        QVERIFY(panel && panel->isVisible());
        auto *ctl =
            qobject_cast<qml::CheckController *>(panel->property("controller").value<QObject *>());
        QVERIFY(ctl);
        QVERIFY2(ctl->hasResult(), qPrintable(ctl->errorString()));
        QCOMPARE(ctl->siteName(), kSite);

        // The verdict in words on its colour, and the area.
        QQuickItem *verdict = findItem(root, QStringLiteral("verdictLabel"));
        QVERIFY(verdict && verdict->isVisible());
        QCOMPARE(verdict->property("text").toString(), QStringLiteral("不符合"));
        QQuickItem *banner = findItem(root, QStringLiteral("verdictBanner"));
        QVERIFY(banner);
        const QImage shot = window->grabWindow();
        const QPointF bannerEdge = banner->mapToScene(QPointF(banner->width() - 6, 6));
        QVERIFY2(near(shot.pixelColor(bannerEdge.toPoint()), QColor(0xc0, 0x39, 0x2b), 4),
                 qPrintable(shot.pixelColor(bannerEdge.toPoint()).name()));
        QQuickItem *area = findItem(root, QStringLiteral("siteAreaLabel"));
        QVERIFY(area);
        const double m2 = ctl->siteAreaM2();
        QCOMPARE(area->property("text").toString(), QStringLiteral("面积：%1 m² · %2 亩 · %3 公顷")
                                                        .arg(m2, 0, 'f', 2)
                                                        .arg(m2 / (2000.0 / 3.0), 0, 'f', 2)
                                                        .arg(m2 / 10000.0, 0, 'f', 4));

        // One row per rule, per overlap role, per 地类.
        QQuickItem *rules = findItem(root, QStringLiteral("ruleRows"));
        QQuickItem *overlaps = findItem(root, QStringLiteral("overlapRows"));
        QQuickItem *landuse = findItem(root, QStringLiteral("landuseRows"));
        QVERIFY(rules && overlaps && landuse);
        QCOMPARE(repeaterCount(rules), ctl->result().value("rules").toArray().size());
        QCOMPARE(repeaterCount(overlaps), 7);
        QCOMPARE(repeaterCount(landuse), ctl->result().value("landuse").toArray().size());
        QVERIFY(repeaterCount(landuse) > 0);

        // The site's red outline on the map, at a vertex of the site.
        auto *overlay =
            qobject_cast<qml::CheckOverlay *>(findItem(root, QStringLiteral("checkOverlay")));
        QVERIFY(overlay);
        QVERIFY(overlay->isVisible());
        const auto env = ctl->siteExtent();
        QCOMPARE(env.size(), 4);
        const QPainterPath outline = ctl->sitePath();
        const QPointF vertex(outline.elementAt(0).x, outline.elementAt(0).y);
        const QPointF vertexPx = map->mapToScene(map->worldToItem(vertex.x(), vertex.y()));
        QVERIFY2(near(shot.pixelColor(vertexPx.toPoint()), overlay->siteColor(), 40),
                 qPrintable(shot.pixelColor(vertexPx.toPoint()).name()));

        // At start the first failing rule's features are highlighted; clicking another rule
        // row with features highlights that rule's.
        QVERIFY(!ctl->highlight().isEmpty());
        QCOMPARE(overlay->featureCount(), ctl->highlight().size());
        const QVariantList ruleRows = ctl->rules();
        QQuickItem *resultView = findItem(root, QStringLiteral("checkResultView"));
        QVERIFY(resultView);
        const int selected = resultView->property("selectedRule").toInt();
        QVERIFY(selected >= 0);
        QCOMPARE(ruleRows[selected].toMap()["status"].toString(), QStringLiteral("fail"));
        int other = -1; // another rule with features, else the same one
        for (int i = ruleRows.size() - 1; i >= 0; --i)
            if (ruleRows[i].toMap()["featureCount"].toInt() > 0 &&
                ruleRows[i].toMap()["applicable"].toBool() && (other < 0 || i != selected))
                other = i;
        QVERIFY(other >= 0);
        ctl->clearHighlight();
        QVERIFY(ctl->highlight().isEmpty());
        QQuickItem *row = repeaterItem(rules, other);
        QVERIFY(row && row->isVisible());
        // Scrolled into view, as a person would.
        QQuickItem *flickable = row->parentItem();
        while (flickable && !flickable->inherits("QQuickFlickable"))
            flickable = flickable->parentItem();
        QVERIFY(flickable);
        const QPointF inContent =
            row->mapToItem(flickable->property("contentItem").value<QQuickItem *>(), QPointF(0, 0));
        flickable->setProperty("contentY", std::max(0.0, inContent.y() - 100));
        QTest::qWait(50);
        const QPointF centre = row->mapToScene(QPointF(row->width() / 2, row->height() / 2));
        QVERIFY2(centre.y() < window->height(), "the rule row is on screen");
        QTest::mouseClick(window, Qt::LeftButton, {}, centre.toPoint());
        QTRY_COMPARE(ctl->highlight().size(), ruleRows[other].toMap()["featureCount"].toInt());
        QCOMPARE(overlay->featureCount(), ctl->highlight().size());
        QVERIFY(row->property("highlighted").toBool());
        QQuickItem *label = findItem(root, QStringLiteral("highlightLabel"));
        QVERIFY(label && label->isVisible());
        QVERIFY(label->property("text").toString().contains(
            ruleRows[other].toMap()["title"].toString()));
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            window->grabWindow().save(QString::fromLocal8Bit(out) +
                                      QStringLiteral("/checkpanel.png"));

        // Esc on the map clears the panel's highlight, as it clears identify's.
        QQuickItem *mapTools = findItem(root, QStringLiteral("mapTools"));
        QVERIFY(mapTools);
        mapTools->forceActiveFocus();
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(ctl->highlight().isEmpty());
        QCOMPARE(overlay->featureCount(), 0);

        // A site picked on the map with the identify tool is chosen in the panel's list.
        QQuickItem *siteBox = findItem(root, QStringLiteral("siteBox"));
        QVERIFY(siteBox);
        siteBox->setProperty("currentIndex", 0);
        int otherSite = -1;
        for (int i = 0; i < ctl->sites().size(); ++i)
            if (ctl->sites()[i].toMap()["name"] == QStringLiteral("县直幼儿园新建工程"))
                otherSite = i;
        QVERIFY(otherSite > 0);
        {
            auto project = geodata::Project::open(m_db.toStdString(), true);
            auto st = project->db().prepare(
                "SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM site "
                "WHERE XMMC = '县直幼儿园新建工程'");
            QVERIFY(st.step());
            QObject *identify =
                findItem(root, QStringLiteral("mapTools"))->property("identify").value<QObject *>();
            int found = 0;
            QVERIFY(QMetaObject::invokeMethod(identify, "identify", Q_RETURN_ARG(int, found),
                                              Q_ARG(double, st.real(0)), Q_ARG(double, st.real(1)),
                                              Q_ARG(double, 1.0)));
            QVERIFY(found > 0);
            // The topmost feature there is the site; the list follows it.
            QCOMPARE(identify->property("selectedTable").toString(), QStringLiteral("site"));
        }
        QTRY_COMPARE(siteBox->property("currentIndex").toInt(), otherSite);
        QCOMPARE(findItem(root, QStringLiteral("industryField"))->property("text").toString(),
                 ctl->sites()[otherSite].toMap()["industry"].toString());

        // The toggle closes the panel and its overlay.
        QQuickItem *toggle = findItem(root, QStringLiteral("checkToggle"));
        QVERIFY(toggle);
        toggle->setProperty("checked", false);
        QTRY_VERIFY(!panel->isVisible());
        QVERIFY(!overlay->isVisible());
    }

    // At 1 280 px the bar over the map keeps its place at the map's top left when the panel
    // opens (the panels' buttons are in the window's bar above the map, so nothing covers it);
    // it narrows its search box to stay inside the map.
    void toolBarMakesRoomForThePanel()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 800), &error);
        QVERIFY2(window, qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(MainWindow::mapView(window)->ready(), 60000);
        QQuickItem *root = window->contentItem();
        QQuickItem *bar = findItem(root, QStringLiteral("mapToolBar"));
        QQuickItem *search = findItem(root, QStringLiteral("searchBox"));
        QVERIFY(bar && search);
        const QStringList buttons{QStringLiteral("checkToggle"), QStringLiteral("printButton"),
                                  QStringLiteral("corridorToggle")};
        auto sceneRect = [](QQuickItem *item) {
            return QRectF(item->mapToScene(QPointF(0, 0)), item->size());
        };
        auto nothingCovers = [&](QQuickItem *item) {
            for (const QString &name : buttons) {
                QQuickItem *b = findItem(root, name);
                if (!b || sceneRect(b).intersects(sceneRect(item)))
                    return false;
            }
            return true;
        };
        QCOMPARE(search->width(), 300.0);
        QVERIFY(nothingCovers(bar));
        const QPointF at = sceneRect(bar).topLeft();

        QQuickItem *toggle = findItem(root, QStringLiteral("checkToggle"));
        toggle->setProperty("checked", true);
        QTRY_VERIFY(findItem(root, QStringLiteral("checkPanel"))->isVisible());
        QCOMPARE(sceneRect(bar).topLeft(), at);
        QVERIFY(nothingCovers(bar));
        QVERIFY2(search->width() >= 120, qPrintable(QString::number(search->width())));
        // The bar stays inside the map.
        QVERIFY(bar->x() + bar->width() <= bar->parentItem()->width());
    }

    // The panel opened from its button; a polygon drawn with four clicks on the map (the
    // measure tool's area mode) is checked with its area as the measure tool gives it; the
    // records dialog lists the check and reopens it.
    void drawnPolygonAndRecords()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1600, 1000), &error);
        QVERIFY2(window, qPrintable(error));
        MapView *map = MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 60000);
        QQuickItem *root = window->contentItem();
        QQuickItem *panel = findItem(root, QStringLiteral("checkPanel"));
        QVERIFY(panel && !panel->isVisible());
        auto click = [&](QQuickItem *item) {
            QVERIFY(item && item->isVisible());
            const QPointF c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
            QTest::mouseClick(window, Qt::LeftButton, {}, c.toPoint());
        };
        click(findItem(root, QStringLiteral("checkToggle")));
        QTRY_VERIFY(panel->isVisible());
        auto *ctl =
            qobject_cast<qml::CheckController *>(panel->property("controller").value<QObject *>());
        QVERIFY(ctl);
        QTRY_VERIFY_WITH_TIMEOUT(!ctl->sites().isEmpty(), 30000);

        findItem(root, QStringLiteral("checkSourceTabs"))->setProperty("currentIndex", 1);
        QQuickItem *draw = findItem(root, QStringLiteral("drawButton"));
        QTRY_VERIFY(draw->isVisible());
        click(draw);
        QQuickItem *tools = findItem(root, QStringLiteral("mapTools"));
        QCOMPARE(tools->property("tool").toString(), QStringLiteral("area"));
        // Four clicks on the map: a quadrilateral of about 200 × 150 px.
        const QPointF o = map->mapToScene(QPointF(map->width() / 2 - 100, map->height() / 2 - 75));
        for (const QPointF d :
             {QPointF(0, 0), QPointF(200, 10), QPointF(190, 150), QPointF(-10, 140)}) {
            QTest::mouseClick(window, Qt::LeftButton, {}, (o + d).toPoint());
            QTest::qWait(400); // no double click
        }
        QObject *measure = tools->property("measure").value<QObject *>();
        QVERIFY(measure);
        QCOMPARE(measure->property("count").toInt(), 4);
        const double drawnM2 = measure->property("areaM2").toDouble();
        QVERIFY(drawnM2 > 0);

        QSignalSpy checked(ctl, &qml::CheckController::checkFinished);
        click(findItem(root, QStringLiteral("runCheckButton")));
        QVERIFY(checked.wait(60000));
        QVERIFY2(checked.first().at(0).toBool(), qPrintable(ctl->errorString()));
        QCOMPARE(ctl->siteName(), QStringLiteral("绘制范围"));
        QVERIFY2(std::abs(ctl->siteAreaM2() - drawnM2) < 0.01,
                 qPrintable(QStringLiteral("%1 vs %2").arg(ctl->siteAreaM2()).arg(drawnM2)));
        QQuickItem *verdict = findItem(root, QStringLiteral("verdictLabel"));
        QVERIFY(verdict && verdict->isVisible());
        QCOMPARE(verdict->property("text").toString(), ctl->verdictText());
        const qint64 drawnRecord = ctl->recordId();
        QVERIFY(drawnRecord > 0);

        // The records dialog: the newest record first; clicking it reopens it.
        click(findItem(root, QStringLiteral("recordsButton")));
        QQuickItem *list = nullptr;
        QTRY_VERIFY((list = findItem(root, QStringLiteral("recordList"))) && list->isVisible() &&
                    list->property("count").toInt() > 0);
        QCOMPARE(ctl->records().first().toMap()["id"].toLongLong(), drawnRecord);
        QSignalSpy reopened(ctl, &qml::CheckController::checkFinished);
        QTest::qWait(300); // the dialog's opening transition
        const QPointF firstRow = list->mapToScene(QPointF(list->width() / 2, 20));
        QTest::mouseClick(window, Qt::LeftButton, {}, firstRow.toPoint());
        QVERIFY(reopened.wait(60000));
        QVERIFY2(reopened.first().at(0).toBool(), qPrintable(ctl->errorString()));
        QCOMPARE(ctl->recordId(), drawnRecord);
        QVERIFY2(ctl->detailText().contains(QStringLiteral("重新检查：结果与记录一致")),
                 qPrintable(ctl->detailText()));
    }

    // `planlines --screenshot F --check-site NAME`: the picture is taken once the check is shown
    // (the verdict banner's colour fills thousands of pixels) and the check is recorded.
    void screenshotWithCheckSite()
    {
        const QString png = m_dir.filePath(QStringLiteral("check.png"));
        QProcess p;
        p.start(QStringLiteral(PLANLINES_BIN),
                {QStringLiteral("--db"), m_db, QStringLiteral("--screenshot"), png,
                 QStringLiteral("--size"), QStringLiteral("1600x1000"),
                 QStringLiteral("--check-site"), QStringLiteral("县直幼儿园新建工程")});
        QVERIFY(p.waitForFinished(180000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1600, 1000));
        // The sample's clean site passes: the banner's green.
        int green = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = image.width() / 2; x < image.width(); ++x)
                green += image.pixelColor(x, y) == QColor(0x1e, 0x84, 0x49);
        QVERIFY2(green > 10000, qPrintable(QString::number(green)));
        auto project = geodata::Project::open(m_db.toStdString(), true);
        QCOMPARE(std::get<std::string>(*project->db().scalar(
                     "SELECT verdict FROM check_records ORDER BY id DESC LIMIT 1")),
                 std::string("pass"));
        QCOMPARE(std::get<std::string>(*project->db().scalar(
                     "SELECT site_name FROM check_records ORDER BY id DESC LIMIT 1")),
                 std::string("县直幼儿园新建工程"));
    }
};

QTEST_MAIN(CheckPanelTest)
#include "checkpaneltest.moc"
