// The window learns what others change in its project (ProjectSession's StoreWatcher over
// Project::pollChanges), driven offscreen on a copy of the sample county: a layer written by
// another connection appears in the layer panel without a reload, the map shown meanwhile;
// progress recorded elsewhere reaches the corridor panel; and 连接服务器数据库… opens a server
// location typed as --db takes it, the password never shown, saved or kept in the recent list.
#include "windowdriver.h"

#include <qml/appsettings.h>
#include <qml/corridorcontroller.h>
#include <qml/layerlistmodel.h>
#include <qml/projectsession.h>

#include <geodata/layerwriter.h>
#include <geodata/project.h>

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QQmlApplicationEngine>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace planlines;
using qml::MainWindow;
using qml::ProjectSession;
using testing::clickItem;
using testing::findObject;
using testing::findQuickItem;

class StoreWatchTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_path;

    static ProjectSession *session(QQuickWindow *window)
    {
        return MainWindow::mapView(window)->session();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        m_path = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_path));
    }

    void othersChangesAppear()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_path, QSize(1280, 720), &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(testing::showReady(window));
        ProjectSession *s = session(window);
        const int before = s->layers()->count();
        QSignalSpy refreshed(s, &ProjectSession::layersRefreshed);
        QSignalSpy progress(s, &ProjectSession::progressChanged);

        // Another connection (another window, a command) adds a site layer.
        {
            auto other = geodata::Project::open(m_path.toStdString());
            geodata::LayerSpec spec;
            spec.name = "拟建项目（他处导入）";
            spec.role = geodata::Role::Site;
            spec.table = "site_elsewhere";
            spec.geometryType = "MULTIPOLYGON";
            spec.fields = {{"XMMC", geodata::FieldType::Text, "项目名称"}};
            spec.source = "another window";
            geodata::LayerWriter w(*other, std::move(spec));
            const double xy[] = {522000, 4110000, 522100, 4110000,
                                 522100, 4110100, 522000, 4110000};
            const geodata::Value v[] = {std::string("污水处理站")};
            w.add(geodata::Geometry::polygon(xy), v);
            w.commit();
        }
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 15000);
        QCOMPARE(s->layers()->count(), before + 1);
        QCOMPARE(s->status(), ProjectSession::Ready);
        QVERIFY(MainWindow::mapView(window)->ready());
        QCOMPARE(progress.count(), 0);

        // Progress recorded elsewhere reaches the corridor panel.
        QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("corridorToggle"))));
        QQuickItem *panel = findQuickItem(window, QStringLiteral("corridorPanel"));
        auto *ctl = qobject_cast<qml::CorridorController *>(
            panel->property("controller").value<QObject *>());
        QTRY_VERIFY_WITH_TIMEOUT(ctl->ready(), 20000);
        QSignalSpy corridorReloaded(ctl, SIGNAL(loaded()));
        std::string segment;
        {
            auto other = geodata::Project::open(m_path.toStdString());
            segment = std::get<std::string>(
                *other->db().scalar("SELECT SEGID FROM corridor ORDER BY fid LIMIT 1"));
            geodata::StoredProgress e;
            e.segmentId = segment;
            e.date = "2026-12-07";
            e.status = "completed";
            e.percent = 100;
            e.note = "他处录入";
            other->addProgress(e);
        }
        QTRY_COMPARE_WITH_TIMEOUT(progress.count(), 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(corridorReloaded.count() >= 1, 15000);
        QCOMPARE(refreshed.count(), 1); // progress is not a layer change
    }

    // 项目 → 连接服务器数据库…: a location with a password typed into it is opened as given, but
    // what the window shows and keeps of it has no password.
    void connectDialogKeepsNoPassword()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_path, QSize(1280, 720), &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(testing::showReady(window));
        QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("projectMenuButton"))));
        QQuickItem *item = nullptr;
        QTRY_VERIFY((item = findQuickItem(window, QStringLiteral("connectServerItem"))) &&
                    item->isVisible());
        QVERIFY(clickItem(window, item));
        QObject *dialog = findObject(window, QStringLiteral("connectDialog"));
        QTRY_VERIFY(dialog->property("visible").toBool());
        QQuickItem *location = findQuickItem(window, QStringLiteral("connectLocation"));
        QTRY_VERIFY(location->hasActiveFocus());
        // No server listens in this folder: the connection is refused at once.
        const QString uri =
            QStringLiteral("postgresql://wang_li:秘密口令@/gaoqing?host=%1").arg(m_dir.path());
        location->setProperty("text", uri);
        QVERIFY(clickItem(window, findQuickItem(window, QStringLiteral("connectButton"))));
        QObject *failed = findObject(window, QStringLiteral("openErrorDialog"));
        QTRY_VERIFY_WITH_TIMEOUT(failed->property("visible").toBool(), 20000);
        const QString file =
            findObject(window, QStringLiteral("openErrorFile"))->property("text").toString();
        const QString message =
            findObject(window, QStringLiteral("openErrorMessage"))->property("text").toString();
        QVERIFY2(file.contains(QStringLiteral("wang_li@")), qPrintable(file));
        QVERIFY2(!file.contains(QStringLiteral("秘密口令")), qPrintable(file));
        QVERIFY2(!message.contains(QStringLiteral("秘密口令")), qPrintable(message));
        QVERIFY2(file.contains(QStringLiteral("gaoqing")), qPrintable(file));
        // The project in use stays; nothing of the password is in the settings.
        QCOMPARE(session(window)->path(), m_path);
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(QStringLiteral("秘密口令")),
                     qPrintable(key));
    }
};

QTEST_MAIN(StoreWatchTest)
#include "storewatchtest.moc"
