// The attribute table in the real window (offscreen) on a copy of the sample county: opened
// from 地类图斑's row in the layer panel, a header click sorts, typed text filters, a click on a
// row highlights its parcel and zooms the map to it, a parcel picked on the map (识别) selects
// its row, and the rows shown are exported to CSV and XLSX and read back (XLSX: `unzip -p`).
// PLANLINES_ATTR_SHOTS=DIR saves the window with the table at 1280×720 and 1920×1080 there.
#include "quickfind.h"

#include <geodata/project.h>
#include <layers/sheet/sheetcomposer.h>
#include <qml/layerlistmodel.h>
#include <qml/mainwindow.h>
#include <qml/mapview.h>

#include <algorithm>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFont>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace planlines;
using qml::MainWindow;
using qml::MapView;
using testing::findItem;

namespace {

void findAll(QQuickItem *item, const QString &name, QList<QQuickItem *> &out)
{
    if (!item)
        return;
    if (item->objectName() == name)
        out << item;
    for (QQuickItem *child : item->childItems())
        findAll(child, name, out);
}

// The visible delegate under item whose property is value (a header cell, a table cell).
QQuickItem *cellWith(QQuickItem *item, const char *property, const QVariant &value,
                     const char *property2 = nullptr, const QVariant &value2 = {})
{
    if (!item)
        return nullptr;
    if (item->isVisible() && item->property(property) == value &&
        (!property2 || item->property(property2) == value2))
        return item;
    for (QQuickItem *child : item->childItems())
        if (QQuickItem *found = cellWith(child, property, value, property2, value2))
            return found;
    return nullptr;
}

} // namespace

class AttributeTableWindowTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<geodata::Project> m_project;

    std::int64_t count(const std::string &sql)
    {
        return std::get<std::int64_t>(*m_project->db().scalar(sql));
    }
    static void click(QQuickWindow *w, QQuickItem *item)
    {
        QVERIFY(item && item->isVisible());
        const QPointF c = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QVERIFY2(QRectF(0, 0, w->width(), w->height()).contains(c), qPrintable(item->objectName()));
        QTest::mouseClick(w, Qt::LeftButton, {}, c.toPoint());
    }

private slots:
    void initTestCase()
    {
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        MainWindow::prepare();
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_db));
        m_project = geodata::Project::open(m_db.toStdString(), true);
    }

    void sortFilterSelectExport()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720), &error);
        QVERIFY2(window, qPrintable(error));
        MapView *map = MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 60000);
        QQuickItem *root = window->contentItem();

        // 地类图斑's row in the layer panel, and its 属性表 button.
        QList<QQuickItem *> buttons;
        findAll(root, QStringLiteral("attributeTableButton"), buttons);
        QQuickItem *button = nullptr;
        for (QQuickItem *b : buttons)
            for (QQuickItem *p = b; p; p = p->parentItem())
                if (p->property("tableName").toString() == QStringLiteral("landuse"))
                    button = b;
        QVERIFY2(button, qPrintable(QString::number(buttons.size())));
        click(window, button);
        QObject *dock = window->findChild<QObject *>(QStringLiteral("attributeTable"));
        QVERIFY(dock);
        QTRY_VERIFY(dock->property("opened").toBool());
        auto *model = qvariant_cast<QObject *>(dock->property("model"));
        QVERIFY(model);
        QCOMPARE(model->property("layerName").toString(), QStringLiteral("地类图斑"));
        QCOMPARE(model->property("rows").toLongLong(), count("SELECT count(*) FROM landuse"));

        // A click on 地类名称's header sorts by it: 地类名称 in byte order, the first the least.
        QQuickItem *header = findItem(root, QStringLiteral("attributeHeader"));
        QVERIFY(header);
        const int dlmc = 4; // BSM, YSDM, TBBH, DLBM, DLMC
        QTRY_VERIFY(cellWith(header, "display", QStringLiteral("地类名称")));
        click(window, cellWith(header, "display", QStringLiteral("地类名称")));
        QTRY_COMPARE(model->property("sortColumn").toInt(), dlmc);
        QString least;
        QVERIFY(QMetaObject::invokeMethod(model, "cell", Q_RETURN_ARG(QString, least),
                                          Q_ARG(int, 0), Q_ARG(int, dlmc)));
        {
            // A statement left stepped keeps the file's read lock: ended here, as the window's
            // own readers end theirs, so that the filter below can write its index.
            auto st = m_project->db().prepare("SELECT min(DLMC) FROM landuse");
            QVERIFY(st.step());
            QCOMPARE(least, QString::fromStdString(st.text(0)));
        }
        QTRY_VERIFY(cellWith(header, "display", QStringLiteral("地类名称 ▲")));

        // Typed text filters (after Return): the parcels of 房家洼村 by any text field.
        QQuickItem *filter = findItem(root, QStringLiteral("attributeFilter"));
        click(window, filter);
        for (const QChar c : QStringLiteral("房家洼")) // as an input method commits text
            QTest::sendKeyEvent(QTest::Click, window, Qt::Key_unknown, QString(c), {});
        QTRY_COMPARE(filter->property("text").toString(), QStringLiteral("房家洼"));
        QTest::keyClick(window, Qt::Key_Return);
        std::string any = "SELECT count(*) FROM landuse WHERE 0";
        for (const char *c : {"BSM", "YSDM", "TBBH", "DLBM", "DLMC", "QSXZ", "QSDWDM", "QSDWMC",
                              "ZLDWDM", "ZLDWMC", "KCDLBM", "GDLX", "GDPDJB"})
            any += std::string(" OR instr(\"") + c + "\", '房家洼') > 0";
        QTRY_COMPARE(model->property("rows").toLongLong(), count(any));
        QCOMPARE(model->property("sortColumn").toInt(), dlmc); // the sort stays

        // A click on the first row: its parcel highlighted, the map zoomed onto it.
        QQuickItem *rows = findItem(root, QStringLiteral("attributeRows"));
        QVERIFY(rows);
        QTRY_VERIFY(cellWith(rows, "row", 0, "column", dlmc));
        qint64 fid = -1;
        QVERIFY(
            QMetaObject::invokeMethod(model, "fidAt", Q_RETURN_ARG(qint64, fid), Q_ARG(int, 0)));
        click(window, cellWith(rows, "row", 0, "column", dlmc));
        QTRY_COMPARE(dock->property("selectedRow").toInt(), 0);
        QObject *overlay = window->findChild<QObject *>(QStringLiteral("mapOverlay"));
        QVERIFY(overlay);
        QCOMPARE(overlay->property("highlightTable").toString(), QStringLiteral("landuse"));
        QCOMPARE(overlay->property("highlightFid").toLongLong(), fid);
        auto env = m_project->db().prepare(
            "SELECT MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom), "
            "X(ST_PointOnSurface(geom)), Y(ST_PointOnSurface(geom)) FROM landuse WHERE fid = ?");
        env.bind(1, static_cast<std::int64_t>(fid));
        QVERIFY(env.step());
        const double minE = env.real(0), minN = env.real(1), maxE = env.real(2), maxN = env.real(3);
        // The parcel fills the map above the table: whole within the map, its box at least a
        // fifth of the map's width or height, and above the table's top edge.
        const auto fits = [&] {
            const QPointF a = map->worldToItem(minE, maxN), b = map->worldToItem(maxE, minN);
            const double tableTop = map->mapFromScene(QPointF(0, window->height() * 0.6)).y();
            return a.x() >= 0 && a.y() >= 0 && b.x() <= map->width() && b.y() <= tableTop + 1 &&
                   (b.x() - a.x() >= map->width() / 5 || b.y() - a.y() >= map->height() / 5);
        };
        QTRY_VERIFY_WITH_TIMEOUT(fits(), 5000);
        QTRY_VERIFY(overlay->property("hasHighlight").toBool());

        // 识别 on the map at a point inside that parcel selects its row.
        dock->setProperty("selectedRow", -1);
        const QPointF inside = map->mapToScene(map->worldToItem(env.real(4), env.real(5)));
        QTest::mouseClick(window, Qt::LeftButton, {}, inside.toPoint());
        QObject *tools = window->findChild<QObject *>(QStringLiteral("mapTools"));
        auto *identify = qvariant_cast<QObject *>(tools->property("identify"));
        QTRY_VERIFY(!identify->property("candidates").toList().isEmpty());
        const auto candidates = identify->property("candidates").toList();
        int landuse = -1;
        for (int i = 0; i < candidates.size(); ++i)
            if (candidates[i].toMap().value(QStringLiteral("table")).toString() == "landuse")
                landuse = i;
        QVERIFY(landuse >= 0);
        identify->setProperty("currentIndex", landuse); // the user's choice in the list
        QTRY_COMPARE(dock->property("selectedRow").toInt(), 0);

        if (const QString shots = qEnvironmentVariable("PLANLINES_ATTR_SHOTS"); !shots.isEmpty()) {
            QTest::qWait(300);
            QVERIFY(
                window->grabWindow().save(shots + QStringLiteral("/attribute-table-1280x720.png")));
            window->resize(1920, 1080);
            QTest::qWait(800);
            QVERIFY(window->grabWindow().save(shots +
                                              QStringLiteral("/attribute-table-1920x1080.png")));
            window->resize(1280, 720);
        }

        // The rows shown exported: CSV (BOM, sorted by 地类名称) and XLSX.
        const qlonglong shown = model->property("rows").toLongLong();
        const QString csv = m_dir.filePath(QStringLiteral("房家洼.csv"));
        QVariant result;
        QVERIFY(QMetaObject::invokeMethod(dock, "exportFile", Q_RETURN_ARG(QVariant, result),
                                          Q_ARG(QVariant, csv)));
        QCOMPARE(result.toString(), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF标识码,"));
        const QList<QByteArray> lines = bytes.mid(3).split('\n');
        QCOMPARE(lines.size(), shown + 2);
        for (qsizetype i = 2; i + 1 < lines.size(); ++i)
            QVERIFY(QString::fromUtf8(lines[i - 1]).split(u',')[dlmc].toUtf8() <=
                    QString::fromUtf8(lines[i]).split(u',')[dlmc].toUtf8());
        QVERIFY(bytes.contains("房家洼"));

        const QString xlsx = m_dir.filePath(QStringLiteral("房家洼.xlsx"));
        QVERIFY(QMetaObject::invokeMethod(dock, "exportFile", Q_RETURN_ARG(QVariant, result),
                                          Q_ARG(QVariant, xlsx)));
        QCOMPARE(result.toString(), QString());
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"),
                    {QStringLiteral("-p"), xlsx, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY(unzip.waitForFinished(30000));
        const QString sheet = QString::fromUtf8(unzip.readAllStandardOutput());
        QVERIFY2(sheet.contains(QStringLiteral("<dimension ref=\"A1:U%1\"/>").arg(shown + 1)),
                 qPrintable(sheet.left(400)));
        QVERIFY(sheet.contains(QStringLiteral("<t>地类名称</t>")));
        QVERIFY(sheet.contains(QStringLiteral("<t>房家洼村</t>")));
        const QString firstName = QString::fromUtf8(lines[1]).split(u',')[dlmc];
        QVERIFY(sheet.contains(
            QStringLiteral("<c r=\"E2\" t=\"inlineStr\"><is><t>%1</t></is></c>").arg(firstName)));

        // Esc closes the table and its highlight.
        QMetaObject::invokeMethod(dock, "close");
        QTRY_VERIFY(!dock->property("opened").toBool());
        QCOMPARE(overlay->property("highlightTable").toString(), QString());
    }

    // The table leaves the status bar visible; a filter runs off the GUI thread (a timer keeps
    // firing while it runs), and a newer filter replaces one still running.
    void filterLeavesTheWindowLive()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720), &error);
        QVERIFY2(window, qPrintable(error));
        MapView *map = MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 60000);
        QObject *dock = window->findChild<QObject *>(QStringLiteral("attributeTable"));
        QVERIFY(dock);
        QMetaObject::invokeMethod(dock, "openLayer", Q_ARG(QVariant, QStringLiteral("landuse")));
        QTRY_VERIFY(dock->property("opened").toBool());
        QTest::qWait(300); // the opening transition
        QQuickItem *status =
            findItem(window->contentItem()->parentItem(), QStringLiteral("statusLine"));
        if (!status)
            status = window->findChild<QQuickItem *>(QStringLiteral("statusLine"));
        QVERIFY(status && status->isVisible());
        auto *popupItem = qvariant_cast<QQuickItem *>(dock->property("contentItem"))->parentItem();
        const QRectF table =
            popupItem->mapRectToScene(QRectF(0, 0, popupItem->width(), popupItem->height()));
        const QRectF bar = status->mapRectToScene(QRectF(0, 0, status->width(), status->height()));
        QVERIFY2(table.bottom() <= bar.top() + 0.5,
                 qPrintable(QStringLiteral("table bottom %1, status bar top %2")
                                .arg(table.bottom())
                                .arg(bar.top())));
        QVERIFY(bar.bottom() <= window->height() + 0.5);

        auto *model = qvariant_cast<QObject *>(dock->property("model"));
        QSignalSpy answers(model, SIGNAL(queryChanged()));
        // The GUI thread stays live while a filter runs: the longest gap between two ticks of
        // a 2 ms timer while busy stays well below the filter's own time. (A filter the kept
        // trigram index answers in a few ms may end before the first tick; then there is no
        // busy time to judge and only the call's quick return is asserted.)
        int ticks = 0, ticksWhileBusy = 0;
        qint64 longestBusyGap = 0, lastTick = -1;
        QElapsedTimer sinceStart;
        QTimer timer;
        timer.setInterval(2);
        connect(&timer, &QTimer::timeout, [&] {
            ++ticks;
            const qint64 now = sinceStart.elapsed();
            if (model->property("busy").toBool()) {
                ++ticksWhileBusy;
                if (lastTick >= 0)
                    longestBusyGap = std::max(longestBusyGap, now - lastTick);
            }
            lastTick = now;
        });
        sinceStart.start();
        timer.start();
        // A text no parcel has: every text field of every parcel is read. Then, before it
        // ends, another filter: only its answer is shown.
        QElapsedTimer clock;
        clock.start();
        QMetaObject::invokeMethod(model, "setFilter", Q_ARG(QString, QStringLiteral("无此文字")),
                                  Q_ARG(int, -1));
        const qint64 callMs = clock.elapsed();
        QVERIFY(model->property("busy").toBool());
        QMetaObject::invokeMethod(model, "setFilter", Q_ARG(QString, QStringLiteral("房家洼")),
                                  Q_ARG(int, -1));
        QTRY_VERIFY_WITH_TIMEOUT(!model->property("busy").toBool(), 30000);
        const qint64 busyMs = clock.elapsed();
        timer.stop();
        QVERIFY2(callMs < 100, qPrintable(QString::number(callMs)));
        // A filter on the GUI thread would stall it for its whole time; a loaded machine
        // stalls it now and then for shorter spells.
        if (busyMs >= 1000) {
            QVERIFY2(ticksWhileBusy >= 1,
                     qPrintable(QStringLiteral("%1 ticks in %2 ms busy").arg(ticks).arg(busyMs)));
            QVERIFY2(
                longestBusyGap < busyMs / 2,
                qPrintable(
                    QStringLiteral("GUI stalled %1 ms of %2 ms").arg(longestBusyGap).arg(busyMs)));
        }
        QCOMPARE(answers.count(), 1);
        std::string any = "SELECT count(*) FROM landuse WHERE 0";
        for (const char *c : {"BSM", "YSDM", "TBBH", "DLBM", "DLMC", "QSXZ", "QSDWDM", "QSDWMC",
                              "ZLDWDM", "ZLDWMC", "KCDLBM", "GDLX", "GDPDJB"})
            any += std::string(" OR instr(\"") + c + "\", '房家洼') > 0";
        QCOMPARE(model->property("rows").toLongLong(), count(any));
        QMetaObject::invokeMethod(dock, "close");
    }

    // 12: the layer row's legend (▸) lists the classes the sheet's legend gives the layer when
    // the frame holds the whole county; a layer of one symbol has no ▸.
    void layerLegendIsTheSheetsClasses()
    {
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = MainWindow::load(engine, m_db, QSize(1280, 720), &error);
        QVERIFY2(window, qPrintable(error));
        MapView *map = MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 60000);
        auto *model = map->session()->layers();
        const auto &project = *map->session()->map();
        geodata::Envelope county{1e300, 1e300, -1e300, -1e300};
        for (const auto &l : project.layers()) {
            const auto e = l.data->extent();
            county = {std::min(county.minX, e.minX), std::min(county.minY, e.minY),
                      std::max(county.maxX, e.maxX), std::max(county.maxY, e.maxY)};
        }
        int checked = 0;
        for (const auto &l : project.layers()) {
            const int row = model->rowOfTable(QString::fromStdString(l.entry.info.table));
            QStringList sheet;
            const auto items = layers::sheet::SheetComposer::layerLegend(l, &county);
            for (const auto &item : items)
                if (!item.heading && items.size() > 1)
                    sheet << item.label;
            QStringList panel;
            for (const QVariant &c :
                 model->index(row).data(qml::LayerListModel::LegendRole).toList())
                panel << c.toMap().value(QStringLiteral("label")).toString();
            QCOMPARE(panel, sheet);
            checked += !sheet.isEmpty();
        }
        QVERIFY(checked >= 3);
        // 地类图斑 lists its land classes, among them 水浇地 and 农村宅基地.
        const QVariantList landuse = model->index(model->rowOfTable(QStringLiteral("landuse")))
                                         .data(qml::LayerListModel::LegendRole)
                                         .toList();
        QStringList labels;
        for (const QVariant &c : landuse)
            labels << c.toMap().value(QStringLiteral("label")).toString();
        QVERIFY2(labels.contains(QStringLiteral("水浇地")), qPrintable(labels.join(u' ')));

        // In the panel: ▸ on 地类图斑's row opens the list under it.
        QList<QQuickItem *> toggles;
        findAll(window->contentItem(), QStringLiteral("legendToggle"), toggles);
        QQuickItem *toggle = nullptr;
        for (QQuickItem *t : toggles)
            for (QQuickItem *p = t; p; p = p->parentItem())
                if (p->property("tableName").toString() == QStringLiteral("landuse"))
                    toggle = t;
        QVERIFY(toggle);
        click(window, toggle);
        QList<QQuickItem *> shown;
        QTRY_VERIFY((shown.clear(),
                     findAll(window->contentItem(), QStringLiteral("legendClassLabel"), shown),
                     shown.size() == labels.size()));
        QStringList texts;
        for (QQuickItem *l : shown)
            texts << l->property("text").toString();
        QCOMPARE(texts, labels);
        // Each class's swatch is drawn in its colour (over white, as the swatch paints it): the
        // middle pixel of the window's image.
        // The list scrolled so that 地类图斑's row is at the top: its legend in view.
        QQuickItem *layerList = findItem(window->contentItem(), QStringLiteral("layerList"));
        QVERIFY(layerList);
        QMetaObject::invokeMethod(layerList, "positionViewAtIndex",
                                  Q_ARG(int, model->rowOfTable(QStringLiteral("landuse"))),
                                  Q_ARG(int, 0 /* ListView.Beginning */));
        QList<QQuickItem *> swatches;
        findAll(window->contentItem(), QStringLiteral("legendClassSwatch"), swatches);
        QCOMPARE(swatches.size(), landuse.size());
        QTest::qWait(200);
        const QImage image = window->grabWindow();
        int compared = 0;
        for (int i = 0; i < swatches.size(); ++i) {
            const QPointF c = swatches[i]->mapToScene(
                QPointF(swatches[i]->width() / 2, swatches[i]->height() / 2));
            if (c.y() >= window->height() - 30) // below the panel's visible part
                continue;
            const QColor fill =
                landuse[i].toMap().value(QStringLiteral("fillColor")).value<QColor>();
            const double a = fill.alphaF();
            const QColor want = QColor::fromRgbF(
                fill.redF() * a + (1 - a), fill.greenF() * a + (1 - a), fill.blueF() * a + (1 - a));
            const QColor got = image.pixelColor(c.toPoint());
            QVERIFY2(
                std::abs(got.red() - want.red()) <= 2 &&
                    std::abs(got.green() - want.green()) <= 2 &&
                    std::abs(got.blue() - want.blue()) <= 2,
                qPrintable(
                    QStringLiteral("%1: %2, drawn %3").arg(labels[i], want.name(), got.name())));
            ++compared;
        }
        QVERIFY2(compared >= 5, qPrintable(QString::number(compared)));
        if (const QString shots = qEnvironmentVariable("PLANLINES_ATTR_SHOTS"); !shots.isEmpty())
            QVERIFY(
                window->grabWindow().save(shots + QStringLiteral("/layer-legend-1280x720.png")));
    }
};

QTEST_MAIN(AttributeTableWindowTest)
#include "attributetabletest.moc"
