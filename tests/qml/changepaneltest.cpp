// The 变更分析 panel in the window, driven as a person does, on a copy of the sample county with
// a further survey year written by the comparison tests' rule (tests/geodata/landuse/
// secondyear.h: by fid, so the answers come from SpatiaLite SQL on the earlier year alone).
// Opened from the tool bar it offers the two latest versions; 比对 fills the matrix, whose cells
// and totals equal SQL's areas to 0.01 m²; a cell clicked outlines its pieces on the map (the
// pixel is the overlay's magenta over the map) and names them; a township's matrix sums to that
// township's land; the 耕地流出 list adds up to the 耕地 row's changes; 导出 Excel… writes a
// workbook read back with unzip; 存为图层 stores the pieces, which the map then lists.
#include "windowdriver.h"

#include "../geodata/landuse/secondyear.h"

#include <geodata/area.h>
#include <geodata/project.h>
#include <qml/changecontroller.h>
#include <qml/changeoverlay.h>
#include <qml/mainwindow.h>
#include <qml/mapnavigator.h>
#include <qml/mapview.h>
#include <qml/projectsession.h>

#include <QApplication>
#include <QFile>
#include <QFont>
#include <QProcess>
#include <QQuickItem>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <cmath>

using namespace planlines;
using qml::MainWindow;
using qml::MapView;

namespace {

QString unzip(const QString &zip, const QString &member)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, member});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

double sqlReal(geodata::Database &db, const std::string &sql)
{
    const auto v = db.scalar(sql);
    if (!v)
        return 0;
    if (const auto *d = std::get_if<double>(&*v))
        return *d;
    if (const auto *i = std::get_if<std::int64_t>(&*v))
        return static_cast<double>(*i);
    return 0;
}

int indexOf(const std::vector<std::string> &codes, const std::string &code)
{
    const auto it = std::find(codes.begin(), codes.end(), code);
    return it == codes.end() ? -1 : static_cast<int>(it - codes.begin());
}

// Types name into the file chooser's name field, in folder, and accepts it, as a person does.
bool chooseFile(QQuickWindow *window, QObject *picker, const QString &folder, const QString &name)
{
    if (!QTest::qWaitFor([picker] { return picker->property("visible").toBool(); }))
        return false;
    picker->setProperty("currentFolder", QUrl::fromLocalFile(folder));
    QQuickItem *field = nullptr;
    if (!QTest::qWaitFor([&] {
            field = testing::findQuickItem(window, QStringLiteral("fileNameTextField"));
            return field && field->isVisible();
        }))
        return false;
    if (!testing::clickItem(window, field))
        return false;
    QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
    testing::typeText(window, name);
    QTest::keyClick(window, Qt::Key_Return);
    if (picker->property("visible").toBool())
        QMetaObject::invokeMethod(picker, "accept");
    return true;
}

bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance &&
           std::abs(a.green() - b.green()) <= tolerance &&
           std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class ChangePanelTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
    }

    void comparesTwoSurveyYearsInTheWindow()
    {
        const QString db = m_dir.filePath(QStringLiteral("sample-change.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
        // The answers, from SQL on the earlier year: cultivated parcels with fid % 20 = 0 (and
        // not gone, fid % 97 = 3) became 202 建制镇 whole.
        std::string oldTable, newVersionLabel;
        int oldVersion = 0, newVersion = 0;
        double toTown = 0, cultivatedOld = 0, oldTotal = 0, townshipOld = 0;
        std::int64_t toTownCount = 0;
        std::string townshipCode;
        QPointF inside; // inside the largest parcel that became 建制镇
        {
            auto project = geodata::Project::open(db.toStdString());
            const geodata::LayerInfo written = geodata::landuse::test::writeSecondYear(*project);
            const auto versions = project->layerVersions(written);
            QVERIFY(versions.size() >= 2);
            const auto &old = versions[versions.size() - 2];
            oldTable = old.table;
            oldVersion = old.version;
            newVersion = written.version;
            auto &d = project->db();
            const std::string rule = " FROM " + oldTable +
                                     " WHERE fid % 20 = 0 AND fid % 97 <> 3 AND "
                                     "DLBM IN ('0101', '0102', '0103')";
            toTown = sqlReal(d, "SELECT sum(ST_Area(geom))" + rule);
            toTownCount = static_cast<std::int64_t>(sqlReal(d, "SELECT count(*)" + rule));
            cultivatedOld = sqlReal(d, "SELECT sum(ST_Area(geom)) FROM " + oldTable +
                                           " WHERE DLBM IN ('0101', '0102', '0103')");
            oldTotal = sqlReal(d, "SELECT sum(ST_Area(geom)) FROM " + oldTable);
            auto st = d.prepare("SELECT ST_X(p), ST_Y(p) FROM (SELECT "
                                "ST_PointOnSurface(geom) AS p" +
                                rule + " ORDER BY ST_Area(geom) DESC LIMIT 1)");
            QVERIFY(st.step());
            inside = QPointF(st.real(0), st.real(1));
            townshipCode =
                std::get<std::string>(*d.scalar("SELECT substr(ZLDWDM, 1, 9) AS c FROM " +
                                                oldTable + " GROUP BY c ORDER BY c LIMIT 1"));
            townshipOld = sqlReal(d, "SELECT sum(ST_Area(geom)) FROM " + oldTable +
                                         " WHERE substr(ZLDWDM, 1, 9) = '" + townshipCode + "'");
        }
        QVERIFY(toTownCount > 10);

        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, db, QSize(1600, 900), &error);
        QVERIFY2(window, qPrintable(error));
        QVERIFY(testing::showReady(window));
        MapView *map = MainWindow::mapView(window);
        auto *nav = qobject_cast<qml::MapNavigator *>(
            testing::findObject(window, QStringLiteral("mapTools"))
                ->property("navigator")
                .value<QObject *>());
        QVERIFY(nav);

        // Opened from the tool bar, it offers the previous and the current survey year.
        QVERIFY(testing::clickItem(window,
                                   testing::findQuickItem(window, QStringLiteral("changeToggle"))));
        QQuickItem *panel = testing::findQuickItem(window, QStringLiteral("changePanel"));
        QTRY_VERIFY(panel->isVisible());
        auto *ctl =
            qobject_cast<qml::ChangeController *>(panel->property("controller").value<QObject *>());
        QVERIFY(ctl);
        QQuickItem *fromBox = testing::findQuickItem(window, QStringLiteral("changeFromBox"));
        QQuickItem *toBox = testing::findQuickItem(window, QStringLiteral("changeToBox"));
        // The choices are read on a worker: the suggestion is applied when they are in.
        QTRY_VERIFY2_WITH_TIMEOUT(fromBox->property("currentText")
                                      .toString()
                                      .startsWith(QStringLiteral("地类图斑 v%1").arg(oldVersion)),
                                  qPrintable(fromBox->property("currentText").toString()), 20000);
        QTRY_VERIFY2_WITH_TIMEOUT(
            toBox->property("currentText")
                .toString()
                .startsWith(
                    QStringLiteral("地类图斑 v%1（2024年度国土变更调查（测试）").arg(newVersion)),
            qPrintable(toBox->property("currentText").toString()), 20000);

        QVERIFY(testing::clickItem(
            window, testing::findQuickItem(window, QStringLiteral("compareButton"))));
        QTRY_VERIFY_WITH_TIMEOUT(ctl->ready(), 180000);
        QVERIFY2(!ctl->busy(), qPrintable(ctl->message()));
        QCOMPARE(ctl->title(),
                 QStringLiteral("地类图斑 v%1 → 地类图斑 v%2").arg(oldVersion).arg(newVersion));

        // 一级类: the 耕地 → 城镇村及工矿用地 cell is the parcels the rule turned into 202, the
        // 耕地 row the earlier year's cultivated land, the corner the county.
        qml::ChangeMatrixModel *m = ctl->matrix();
        QCOMPARE(ctl->level(), 1);
        const int r01 = indexOf(m->codes(), "01"), c20 = indexOf(m->codes(), "20");
        QVERIFY(r01 >= 0 && c20 >= 0);
        const int total = m->rowCount() - 1;
        QVERIFY2(std::abs(m->areaM2(r01, c20) - toTown) < 0.01,
                 qPrintable(QStringLiteral("%1 vs %2")
                                .arg(m->areaM2(r01, c20), 0, 'f', 3)
                                .arg(toTown, 0, 'f', 3)));
        QVERIFY(std::abs(m->areaM2(r01, total) - cultivatedOld) < 0.01);
        QVERIFY(std::abs(m->areaM2(total, total) - oldTotal) < 0.01);
        QCOMPARE(m->data(m->index(r01, c20)).toString(),
                 QString::number(geodata::m2ToMu(m->areaM2(r01, c20)), 'f', 2));
        QCOMPARE(m->headerData(r01, Qt::Vertical).toString(), QStringLiteral("01 耕地"));
        QCOMPARE(m->headerData(c20, Qt::Horizontal).toString(),
                 QStringLiteral("20 城镇村及工矿用地"));
        QCOMPARE(m->headerData(total, Qt::Horizontal).toString(), QStringLiteral("合计"));

        // 耕地流出 at 一级类 adds up to the 耕地 row's land that left 耕地.
        double outflow = 0;
        for (const QVariant &row : ctl->outflow())
            outflow += row.toMap().value(QStringLiteral("m2")).toDouble();
        QVERIFY(std::abs(outflow - (m->areaM2(r01, total) - m->areaM2(r01, r01))) < 0.01);
        QVERIFY(ctl->summary().join(QLatin1Char('\n')).contains(QStringLiteral("耕地流出 ")));

        // The cell clicked in the table: its pieces outlined and zoomed to, named under it.
        QQuickItem *view = testing::findQuickItem(window, QStringLiteral("changeMatrixView"));
        QVERIFY(view);
        // Scrolled into the table's view first. The scroll is asked for again on every poll:
        // under load the table may still be laid out (its width, its content size) when it is
        // first asked, and a scroll computed then leaves the cell out of view.
        QQuickItem *table = testing::findQuickItem(window, QStringLiteral("changeMatrixTable"));
        QQuickItem *cell = nullptr;
        const bool inView = QTest::qWaitFor(
            [&] {
                QVariant item;
                QMetaObject::invokeMethod(view, "cellItem", Q_RETURN_ARG(QVariant, item),
                                          Q_ARG(QVariant, r01), Q_ARG(QVariant, c20));
                cell = item.value<QQuickItem *>();
                return cell && cell->isVisible() && !table->property("moving").toBool() &&
                       testing::sceneRect(table)
                           .adjusted(-0.5, -0.5, 0.5, 0.5)
                           .contains(testing::sceneRect(cell));
            },
            30000);
        QVERIFY2(cell, "the 耕地 → 城镇村及工矿用地 cell was never loaded");
        QVERIFY2(inView, "the 耕地 → 城镇村及工矿用地 cell did not come into the table's view");
        QVERIFY2(testing::clickItem(window, cell),
                 qPrintable(QStringLiteral("table %1,%2 %3x%4 ")
                                .arg(testing::sceneRect(table).x())
                                .arg(testing::sceneRect(table).y())
                                .arg(table->width())
                                .arg(table->height()) +
                            QStringLiteral("cell at %1,%2 %3x%4, visible %5")
                                .arg(testing::sceneRect(cell).x())
                                .arg(testing::sceneRect(cell).y())
                                .arg(cell->width())
                                .arg(cell->height())
                                .arg(cell->isVisible())));
        QTRY_COMPARE(ctl->selectedRow(), r01);
        QCOMPARE(ctl->selectedColumn(), c20);
        QCOMPARE(ctl->highlightCount(), static_cast<int>(toTownCount));
        QCOMPARE(ctl->selectionText(),
                 QStringLiteral("01 耕地 → 20 城镇村及工矿用地：%1 个变化图斑，%2 亩")
                     .arg(toTownCount)
                     .arg(geodata::m2ToMu(toTown), 0, 'f', 2));
        nav->finish();
        // The view holds all the cell's pieces: close in on one to see its fill.
        QVERIFY(ctl->highlightExtent().size() == 4);
        const QVariantList e = ctl->highlightExtent();
        QVERIFY(e[0].toDouble() <= inside.x() && inside.x() <= e[2].toDouble() &&
                e[1].toDouble() <= inside.y() && inside.y() <= e[3].toDouble());
        QVERIFY(map->mapRectToScene(QRectF(0, 0, map->width(), map->height()))
                    .contains(map->mapToScene(map->worldToItem(inside.x(), inside.y()))));
        nav->zoomToPoint(inside.x(), inside.y(), 2000);
        nav->finish();
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        QTest::qWait(500);
        const QPointF px = map->mapToScene(map->worldToItem(inside.x(), inside.y()));
        QVERIFY(QRectF(0, 0, map->width(), map->height()).contains(map->mapFromScene(px)));
        auto *overlay = qobject_cast<qml::ChangeOverlay *>(
            testing::findQuickItem(window, QStringLiteral("changeOverlay")));
        QVERIFY(overlay);
        const QColor highlighted = window->grabWindow().pixelColor(px.toPoint());
        ctl->clearSelection();
        QTest::qWait(200);
        const QColor under = window->grabWindow().pixelColor(px.toPoint());
        const double a = 110.0 / 255.0;
        const QColor mix(qRound(under.red() * (1 - a) + overlay->color().red() * a),
                         qRound(under.green() * (1 - a) + overlay->color().green() * a),
                         qRound(under.blue() * (1 - a) + overlay->color().blue() * a));
        QVERIFY2(near(highlighted, mix, 8),
                 qPrintable(QStringLiteral("%1 over %2, expected %3")
                                .arg(highlighted.name(), under.name(), mix.name())));
        if (const QString shots = qEnvironmentVariable("PLANLINES_SHOTS"); !shots.isEmpty()) {
            ctl->selectCell(r01, c20);
            QTest::qWait(300);
            window->grabWindow().save(shots + QStringLiteral("/change-panel-1600x900.png"));
        }

        // A diagonal cell: the land kept its class, nothing to outline.
        ctl->selectCell(r01, r01);
        QCOMPARE(ctl->highlightCount(), 0);
        QCOMPARE(ctl->selectionText(), QStringLiteral("01 耕地：地类未变，没有变化图斑"));

        // A township's matrix: its corner is that township's land in the earlier year.
        int scope = -1;
        const QVariantList scopes = ctl->scopes();
        QCOMPARE(scopes.first().toMap().value(QStringLiteral("text")).toString(),
                 QStringLiteral("全县"));
        for (int i = 0; i < scopes.size(); ++i)
            if (scopes[i].toMap().value(QStringLiteral("code")).toString().toStdString() ==
                townshipCode)
                scope = i;
        QVERIFY(scope > 0);
        QVERIFY(!scopes[scope].toMap().value(QStringLiteral("name")).toString().isEmpty());
        ctl->setScope(scope);
        QVERIFY(std::abs(m->areaM2(m->rowCount() - 1, m->rowCount() - 1) - townshipOld) < 0.01);
        ctl->setScope(0);

        // 导出 Excel… through its file chooser; the workbook read back.
        QVERIFY(testing::clickItem(
            window, testing::findQuickItem(window, QStringLiteral("changeExportButton"))));
        QObject *picker = testing::findObject(window, QStringLiteral("changeXlsxPicker"));
        QVERIFY(picker);
        const QString xlsx = m_dir.filePath(QStringLiteral("变更分析.xlsx"));
        QVERIFY(chooseFile(window, picker, m_dir.path(), QStringLiteral("变更分析.xlsx")));
        QTRY_VERIFY2(QFile::exists(xlsx),
                     qPrintable(ctl->message() + QStringLiteral(" | ") +
                                testing::findObject(window, QStringLiteral("changeExportError"))
                                    ->property("text")
                                    .toString() +
                                QStringLiteral(" | ") +
                                picker->property("selectedFile").toString()));
        QCOMPARE(ctl->message(), QStringLiteral("已导出：变更分析.xlsx"));
        const QString workbook = unzip(xlsx, QStringLiteral("xl/workbook.xml"));
        QVERIFY2(workbook.contains(QStringLiteral("转移矩阵_一级类")), qPrintable(workbook));
        QVERIFY(unzip(xlsx, QStringLiteral("xl/worksheets/sheet1.xml"))
                    .contains(QStringLiteral("01 耕地")));

        // 存为图层: the pieces become a layer of the project, and the map lists it.
        QVERIFY(testing::clickItem(
            window, testing::findQuickItem(window, QStringLiteral("changeStoreButton"))));
        const QString name = QStringLiteral("地类变化_v%1_v%2").arg(oldVersion).arg(newVersion);
        int changedTownships = 0; // townships the stored pieces lie in
        QTRY_COMPARE_WITH_TIMEOUT(ctl->storedLayer(), name, 60000);
        QCOMPARE(ctl->message(), QStringLiteral("变化图斑已存为图层 %1").arg(name));
        {
            auto project = geodata::Project::open(db.toStdString(), true);
            const auto layer = project->layer(name.toStdString());
            QVERIFY(layer);
            QVERIFY(layer->featureCount > toTownCount);
            changedTownships = static_cast<int>(
                sqlReal(project->db(), "SELECT count(DISTINCT XZDM) FROM " + layer->table));
        }

        // 打印变化图… by township: one PDF page per township with class changes, titled with
        // its name, the stored layer drawn.
        QVERIFY(changedTownships > 1);
        QQuickItem *byTownship = testing::findQuickItem(window, QStringLiteral("changeByTownship"));
        QVERIFY(testing::clickItem(window, byTownship));
        QVERIFY(byTownship->property("checked").toBool());
        QVERIFY(testing::clickItem(
            window, testing::findQuickItem(window, QStringLiteral("changePrintButton"))));
        QObject *sheetPicker = testing::findObject(window, QStringLiteral("changeSheetPicker"));
        QVERIFY(sheetPicker);
        QVERIFY(chooseFile(window, sheetPicker, m_dir.path(), QStringLiteral("变化图.pdf")));
        const QString pdf = m_dir.filePath(QStringLiteral("变化图.pdf"));
        QTRY_VERIFY_WITH_TIMEOUT(!ctl->busy() && QFile::exists(pdf), 120000);
        QCOMPARE(ctl->printedFiles(), QStringList{pdf});
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {pdf});
        QVERIFY(info.waitForFinished(30000));
        const QString pages = QString::fromUtf8(info.readAllStandardOutput());
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(pages);
        QVERIFY2(match.hasMatch(), qPrintable(pages));
        const int pageCount = match.captured(1).toInt();
        QCOMPARE(ctl->message(), QStringLiteral("已打印变化图 %1 张：变化图.pdf").arg(pageCount));
        QCOMPARE(pageCount, changedTownships);
        QProcess text;
        text.start(QStringLiteral("pdftotext"),
                   {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                    QStringLiteral("1"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString first = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(first.contains(QStringLiteral("土地利用变化图")), qPrintable(first.left(300)));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const qml::ProjectSession *session = map->session();
                const auto shown = session ? session->map() : nullptr;
                if (!shown)
                    return false;
                for (const auto &l : shown->layers())
                    if (l.entry.info.name == name.toStdString())
                        return true;
                return false;
            }(),
            30000);
    }
};

QTEST_MAIN(ChangePanelTest)
#include "changepaneltest.moc"
