// The window on a PostGIS project, offscreen, as a person uses it: --db names the server, the
// map draws the layer's polygons (a pixel at a parcel's centre), the title shows the server
// without a password, the attribute table filters on the server, and what another office
// writes — a new layer, corridor progress — reaches the open window through NOTIFY.
#include "../qml/windowdriver.h"
#include "geodata/layerwriter.h"
#include "geodata/project.h"
#include "pgtestsupport.h"

#include <qml/layerlistmodel.h>
#include <qml/projectsession.h>

#include <QApplication>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace planlines;
using namespace planlines::geodata;
using namespace planlines::geodata::test;
using qml::MainWindow;
using qml::ProjectSession;

namespace {

// Six 200 m × 200 m parcels in two rows from (520000, 4100000).
void writeParcels(Project &p)
{
    LayerSpec s;
    s.name = "地类图斑";
    s.role = Role::Landuse;
    s.table = "landuse";
    s.geometryType = "MULTIPOLYGON";
    s.fields = {{"DLBM", FieldType::Text, "地类编码"}, {"DLMC", FieldType::Text, "地类名称"}};
    s.source = "hand-made";
    LayerWriter w(p, std::move(s));
    const char *codes[] = {"0101", "0103", "0201", "0101", "0301", "0103"};
    const char *names[] = {"水田", "旱地", "果园", "水田", "乔木林地", "旱地"};
    for (int i = 0; i < 6; ++i) {
        const double e = 520000 + 200.0 * (i % 3), n = 4100000 + 200.0 * (i / 3);
        const double xy[] = {e, n, e + 200, n, e + 200, n + 200, e, n + 200, e, n};
        const Value v[] = {std::string(codes[i]), std::string(names[i])};
        w.add(Geometry::polygon(xy), v);
    }
    w.commit();
}

} // namespace

class PostgisWindowTest : public QObject
{
    Q_OBJECT
    std::string m_uri;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        try {
            m_uri = freshDatabase("t_window");
            auto p = Project::create(m_uri, "EPSG:4548", "高青县", "370322");
            writeParcels(*p);
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
    }

    void theWindowWorksOnTheServer()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window =
            MainWindow::load(engine, QString::fromStdString(m_uri), QSize(1280, 720), &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(testing::showReady(window));
        ProjectSession *session = MainWindow::mapView(window)->session();
        QCOMPARE(session->status(), ProjectSession::Ready);
        QCOMPARE(session->layers()->count(), 1);
        QVERIFY2(window->title().startsWith(QStringLiteral("PlanLines — 高青县（")),
                 qPrintable(window->title()));
        QVERIFY2(window->title().contains(QStringLiteral("t_window")), qPrintable(window->title()));

        // The map drew the parcels: the middle parcel of the lower row is not the background.
        qml::MapView *map = MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        QTest::qWait(300);
        const QImage shot = window->grabWindow();
        const QPointF inside = map->mapToScene(map->worldToItem(520300, 4100100));
        const QPointF outside = map->mapToScene(map->worldToItem(520300, 4100600));
        const QColor in = shot.pixelColor(inside.toPoint());
        const QColor out = shot.pixelColor(outside.toPoint());
        QVERIFY2(in != out,
                 qPrintable(QStringLiteral("inside %1, outside %2").arg(in.name(), out.name())));

        // The attribute table reads and filters on the server.
        QObject *dock = window->findChild<QObject *>(QStringLiteral("attributeTable"));
        QVERIFY(dock);
        QMetaObject::invokeMethod(dock, "openLayer", Q_ARG(QVariant, QStringLiteral("landuse")));
        QTRY_VERIFY(dock->property("opened").toBool());
        auto *model = qvariant_cast<QObject *>(dock->property("model"));
        QTRY_COMPARE(model->property("rows").toInt(), 6);
        QMetaObject::invokeMethod(model, "setFilter", Q_ARG(QString, QStringLiteral("旱地")),
                                  Q_ARG(int, -1));
        QTRY_VERIFY(!model->property("busy").toBool());
        QTRY_COMPARE(model->property("rows").toInt(), 2);
        QString cell;
        QMetaObject::invokeMethod(model, "cell", Q_RETURN_ARG(QString, cell), Q_ARG(int, 0),
                                  Q_ARG(int, 2));
        QCOMPARE(cell, QStringLiteral("40000.00")); // 200 m × 200 m
        QMetaObject::invokeMethod(dock, "close");

        // Another office adds a layer and records progress: the window learns both.
        QSignalSpy refreshed(session, &ProjectSession::layersRefreshed);
        QSignalSpy progress(session, &ProjectSession::progressChanged);
        {
            auto other = Project::open(m_uri);
            LayerSpec s;
            s.name = "项目选址";
            s.role = Role::Site;
            s.table = "site";
            s.geometryType = "MULTIPOLYGON";
            s.fields = {{"XMMC", FieldType::Text, "项目名称"}};
            s.source = "另一科室";
            LayerWriter w(*other, std::move(s));
            const double xy[] = {520050, 4100050, 520150, 4100050,
                                 520150, 4100150, 520050, 4100050};
            const Value v[] = {std::string("污水处理站")};
            w.add(Geometry::polygon(xy), v);
            w.commit();
        }
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 15000);
        QCOMPARE(session->layers()->count(), 2);
        {
            auto other = Project::open(m_uri);
            StoredProgress e;
            e.segmentId = "K1+000-K1+500";
            e.date = "2026-12-07";
            e.status = "under_construction";
            e.percent = 30;
            other->addProgress(e);
        }
        QTRY_COMPARE_WITH_TIMEOUT(progress.count(), 1, 15000);
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(session->storeNotice(), QString());
    }
};

QTEST_MAIN(PostgisWindowTest)
#include "windowtest.moc"
