// The print dialog's controller on a real project: the preview is the sheet drawn small, export
// writes the sheet with the title typed, and a failure shows the exporter's message.
#include "../layers/testproject.h"
#include "windowdriver.h"

#include <qml/mainwindow.h>
#include <qml/mapview.h>
#include <qml/printcontroller.h>
#include <qml/projectsession.h>

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using planlines::testing::TestProject;

class PrintControllerTest : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    static QObject *findObject(QObject *root, const QString &name)
    {
        if (!root)
            return nullptr;
        if (root->objectName() == name)
            return root;
        for (QObject *child : root->children())
            if (QObject *found = findObject(child, name))
                return found;
        if (auto *item = qobject_cast<QQuickItem *>(root))
            for (QQuickItem *child : item->childItems())
                if (QObject *found = findObject(child, name))
                    return found;
        return nullptr;
    }

    // pdftotext's text of a PDF (args: more options).
    static QString pdfText(const QString &pdf, const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral("pdftotext"), args + QStringList{pdf, QStringLiteral("-")});
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    // Every word of the first page with its box (points), from pdftotext -bbox.
    static std::vector<std::pair<QString, QRectF>> pdfWords(const QString &pdf)
    {
        std::vector<std::pair<QString, QRectF>> out;
        static const QRegularExpression word(
            QStringLiteral("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" "
                           "yMax=\"([\\d.]+)\">([^<]*)</word>"));
        const QString xml = pdfText(pdf, {QStringLiteral("-bbox")});
        for (auto it = word.globalMatch(xml); it.hasNext();) {
            const auto m = it.next();
            out.emplace_back(m.captured(5),
                             QRectF(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()),
                                    QPointF(m.captured(3).toDouble(), m.captured(4).toDouble())));
        }
        return out;
    }
    // Pixels of the township outline's colour (SheetComposer::townshipOutlineColor, #6A1B9A).
    static int purplePixels(const QImage &image)
    {
        int n = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                n += std::abs(c.red() - 0x6A) <= 12 && std::abs(c.green() - 0x1B) <= 12 &&
                     std::abs(c.blue() - 0x9A) <= 12;
            }
        return n;
    }

private slots:
    void initTestCase()
    {
        QGuiApplication::setFont(QFont(QStringLiteral("Noto Sans CJK SC"), 10));
        qml::MainWindow::prepare();
    }

    // The 打印 button on the map opens the dialog on the map's current extent, with the preview.
    void dialogFromTheWindow()
    {
        const QString db = m_dir.filePath(QStringLiteral("w.sqlite"));
        TestProject::create(db.toStdString());
        QQmlApplicationEngine engine;
        QString error;
        QQuickWindow *window = qml::MainWindow::load(engine, db, QSize(1200, 800), &error);
        QVERIFY2(window, qPrintable(error));
        qml::MapView *map = qml::MainWindow::mapView(window);
        QTRY_VERIFY_WITH_TIMEOUT(map->ready(), 30000);
        QObject *button = findObject(window->contentItem(), QStringLiteral("printButton"));
        QVERIFY(button);
        QVERIFY(QMetaObject::invokeMethod(button, "clicked"));
        QObject *dialog = findObject(window, QStringLiteral("printDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->property("opened").toBool(), 5000);
        auto *controller = qobject_cast<qml::PrintController *>(
            findObject(dialog, QStringLiteral("printController")));
        QVERIFY(controller);
        QTRY_VERIFY_WITH_TIMEOUT(!controller->previewUrl().isEmpty(), 10000);
        // The sheet's extent is what the map shows.
        const QRectF e = controller->extent();
        const QPointF centre = map->itemToWorld(map->width() / 2, map->height() / 2);
        QVERIFY(qAbs(e.center().x() - centre.x()) < 1 && qAbs(e.center().y() - centre.y()) < 1);
        QObject *preview = findObject(dialog->property("contentItem").value<QQuickItem *>(),
                                      QStringLiteral("preview"));
        QVERIFY(preview);
        QTRY_COMPARE_WITH_TIMEOUT(preview->property("status").toInt(), 1, 10000); // Image.Ready
        const QImage shot = window->grabWindow();
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            shot.save(QString::fromLocal8Bit(out) + QStringLiteral("/printdialog.png"));
        QCOMPARE(shot.size(), QSize(1200, 800));
    }

    void previewAndExport()
    {
        const QString db = m_dir.filePath(QStringLiteral("p.sqlite"));
        TestProject::create(db.toStdString());
        qml::ProjectSession session;
        session.setPath(db);
        QTRY_COMPARE_WITH_TIMEOUT(session.status(), qml::ProjectSession::Ready, 30000);
        qml::PrintController c;
        c.setSession(&session);
        c.setTitle(QStringLiteral("田镇街道光伏项目位置图"));
        c.setPaper(QStringLiteral("A4"));
        c.setLandscape(false);
        c.setScaleDenominator(5000);
        c.updatePreview(40);
        QVERIFY(c.previewUrl().startsWith(QStringLiteral("data:image/png;base64,")));
        const QImage preview =
            QImage::fromData(QByteArray::fromBase64(c.previewUrl().mid(22).toLatin1()), "PNG");
        QCOMPARE(preview.size(), QSize(331, 468)); // A4 portrait at 40 dpi

        const QString pdf = m_dir.filePath(QStringLiteral("sheet.pdf"));
        QVERIFY(c.exportTo(QUrl::fromLocalFile(pdf)));
        QCOMPARE(c.message(), QStringLiteral("已导出：sheet.pdf"));
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        p.waitForFinished();
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY(text.contains(QStringLiteral("田镇街道光伏项目位置图")));
        QVERIFY(text.contains(QStringLiteral("比例尺 1:5 000")));

        QVERIFY(!c.exportTo(QUrl::fromLocalFile(QStringLiteral("/proc/sheet.pdf"))));
        QVERIFY(c.message().startsWith(QStringLiteral("/proc/sheet.pdf: cannot write: ")));
    }

    // On the sample county, in the window at 1280×720: 打印 opens a side panel beside the map,
    // not a popup over it; the map is dragged with the panel open and the sheet's extent and
    // preview follow; a scale is typed; the exported PDF lists each layer under its own heading
    // (its registry name, not its table); a township sheet outlines the township.
    void panelBesideTheMap()
    {
        const QString db = m_dir.filePath(QStringLiteral("sample.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        QQmlApplicationEngine engine;
        QQuickWindow *window = qml::MainWindow::load(engine, db, QSize(1280, 720));
        QVERIFY(window);
        QVERIFY(testing::showReady(window));
        qml::MapView *map = qml::MainWindow::mapView(window);
        QVERIFY(testing::clickItem(window, testing::findQuickItem(window, "printButton")));
        QQuickItem *panel = testing::findQuickItem(window, QStringLiteral("printDialog"));
        QVERIFY(panel);
        QTRY_VERIFY(panel->isVisible());
        QVERIFY(!panel->inherits("QQuickPopup"));
        const QRectF mapRect = testing::sceneRect(map), panelRect = testing::sceneRect(panel);
        QVERIFY2(!mapRect.intersects(panelRect) && mapRect.width() >= 640 &&
                     panelRect.right() <= 1280.5 && panelRect.width() >= 300,
                 qPrintable(QStringLiteral("map %1+%2, panel %3+%4")
                                .arg(mapRect.left())
                                .arg(mapRect.width())
                                .arg(panelRect.left())
                                .arg(panelRect.width())));
        auto *c = qobject_cast<qml::PrintController *>(
            testing::findObject(window, QStringLiteral("printController")));
        QVERIFY(c);
        QTRY_VERIFY_WITH_TIMEOUT(!c->previewUrl().isEmpty(), 20000);

        // Dragged 200 px right and 100 px down: the sheet shows what the map shows.
        const QString firstPreview = c->previewUrl();
        const QPointF before = c->extent().center();
        const double mpp = map->metresPerPixel();
        const QPointF start = map->mapToScene(QPointF(map->width() / 2, map->height() / 2));
        QTest::mousePress(window, Qt::LeftButton, {}, start.toPoint());
        for (int i = 1; i <= 10; ++i)
            QTest::mouseMove(window, (start + QPointF(20 * i, 10 * i)).toPoint());
        QTest::mouseRelease(window, Qt::LeftButton, {}, (start + QPointF(200, 100)).toPoint());
        QTRY_VERIFY2_WITH_TIMEOUT(
            std::abs(c->extent().center().x() - (before.x() - 200 * mpp)) < 3 * mpp &&
                std::abs(c->extent().center().y() - (before.y() + 100 * mpp)) < 3 * mpp,
            qPrintable(QStringLiteral("%1 %2 → %3 %4")
                           .arg(before.x())
                           .arg(before.y())
                           .arg(c->extent().center().x())
                           .arg(c->extent().center().y())),
            5000);
        QTRY_VERIFY_WITH_TIMEOUT(c->previewUrl() != firstPreview, 20000);
        QVERIFY(panel->isVisible());

        // A typed scale (Enter); a word that is no scale says so and changes nothing.
        QQuickItem *scaleBox = testing::findQuickItem(window, QStringLiteral("scaleBox"));
        QQuickItem *editor = scaleBox->property("contentItem").value<QQuickItem *>();
        auto typeScale = [&](const QString &text) {
            QVERIFY(testing::clickItem(window, editor));
            QTest::keyClick(window, Qt::Key_A, Qt::ControlModifier);
            testing::typeText(window, text);
            QTest::keyClick(window, Qt::Key_Return);
        };
        typeScale(QStringLiteral("1:7500"));
        QTRY_COMPARE(c->scaleDenominator(), 7500.0);
        typeScale(QStringLiteral("abc"));
        QTRY_COMPARE(testing::findQuickItem(window, QStringLiteral("scaleError"))
                         ->property("text")
                         .toString(),
                     QStringLiteral("“abc”不是比例尺（例如 1:5000）"));
        QCOMPARE(c->scaleDenominator(), 7500.0);
        const QString at7500 = m_dir.filePath(QStringLiteral("view.pdf"));
        QVERIFY2(c->exportTo(QUrl::fromLocalFile(at7500)), qPrintable(c->message()));
        QVERIFY(pdfText(at7500, {}).contains(QStringLiteral("比例尺 1:7 500")));

        // The county, fitted: each layer under its own heading.
        typeScale(QStringLiteral("适合范围"));
        QTRY_COMPARE(c->scaleDenominator(), 0.0);
        QQuickItem *extentBox = testing::findQuickItem(window, QStringLiteral("extentBox"));
        extentBox->setProperty("currentIndex", 1); // 全县
        QMetaObject::invokeMethod(extentBox, "activated", Q_ARG(int, 1));
        QTRY_VERIFY(c->extent().isEmpty());
        const QString county = m_dir.filePath(QStringLiteral("county.pdf"));
        QVERIFY2(c->exportTo(QUrl::fromLocalFile(county)), qPrintable(c->message()));
        const auto words = pdfWords(county);
        auto word = [&](const QString &w) {
            for (const auto &[text, box] : words)
                if (text == w)
                    return box;
            return QRectF();
        };
        const QRectF urban = word(QStringLiteral("城镇开发边界")),
                     urbanClass = word(QStringLiteral("城镇集中建设区")),
                     redline = word(QStringLiteral("生态保护红线")),
                     farmland = word(QStringLiteral("永久基本农田"));
        for (const QRectF &r : {urban, urbanClass, redline, farmland})
            QVERIFY2(!r.isNull(), qPrintable(pdfText(county, {})));
        // Top to bottom in one column, as the map stacks them (城镇开发边界 over 生态保护红线 over
        // 永久基本农田); the red line and the farmland are not indented like 城镇开发边界's class.
        QVERIFY(urban.top() < urbanClass.top() && urbanClass.top() < redline.top() &&
                redline.top() < farmland.top());
        QVERIFY2(std::abs(redline.left() - urbanClass.left()) < 40,
                 "not in one column of the legend");
        QVERIFY2(redline.left() < urbanClass.left() - 3 && farmland.left() < urbanClass.left() - 3,
                 qPrintable(QStringLiteral("class at %1 pt, 生态保护红线 at %2, 永久基本农田 at %3")
                                .arg(urbanClass.left())
                                .arg(redline.left())
                                .arg(farmland.left())));
        // Registry names, never table names.
        const QString text = pdfText(county, {});
        for (const char *table : {"eco_redline", "basic_farmland", "urban_boundary", "landuse"})
            QVERIFY2(!text.contains(QString::fromLatin1(table)), table);

        // A township sheet: the frame fits 黑里寨镇 and outlines it (its colour on the PNG).
        c->setPaper(QStringLiteral("A4"));
        extentBox->setProperty("currentIndex", 2); // 乡镇
        QMetaObject::invokeMethod(extentBox, "activated", Q_ARG(int, 2));
        QQuickItem *townshipBox = testing::findQuickItem(window, QStringLiteral("townshipBox"));
        QTRY_VERIFY(townshipBox->isVisible());
        int index = -1;
        QMetaObject::invokeMethod(townshipBox, "find", Q_RETURN_ARG(int, index),
                                  Q_ARG(QString, QStringLiteral("黑里寨镇")));
        QVERIFY(index >= 0);
        townshipBox->setProperty("currentIndex", index);
        QMetaObject::invokeMethod(townshipBox, "activated", Q_ARG(int, index));
        QTRY_COMPARE(c->township(), QStringLiteral("黑里寨镇"));
        const QString townPng = m_dir.filePath(QStringLiteral("town.png"));
        QVERIFY2(c->exportTo(QUrl::fromLocalFile(townPng)), qPrintable(c->message()));
        c->setTownship({});
        const QString plainPng = m_dir.filePath(QStringLiteral("plain.png"));
        c->setExtent(QRectF(QPointF(0, 0), QPointF(0, 0)));
        QVERIFY2(c->exportTo(QUrl::fromLocalFile(plainPng)), qPrintable(c->message()));
        const int outlined = purplePixels(QImage(townPng)), plain = purplePixels(QImage(plainPng));
        // The outline is 0.6 mm (7 px at 300 dpi) along a township some 30 km round on the sheet.
        QVERIFY2(outlined > 20000 && plain < outlined / 20,
                 qPrintable(QStringLiteral("%1 with, %2 without").arg(outlined).arg(plain)));
        if (const QByteArray out = qgetenv("PLANLINES_TEST_OUTPUT"); !out.isEmpty())
            QFile::copy(townPng, QString::fromLocal8Bit(out) + QStringLiteral("/township.png"));

        // Esc (the panel has the keys after 打印) closes it; the map has the keys again.
        QVERIFY(testing::clickItem(window, testing::findQuickItem(window, "printButton")));
        QTRY_VERIFY(!panel->isVisible());
        QTest::keyClick(window, Qt::Key_P, Qt::ControlModifier);
        QTRY_VERIFY(panel->isVisible());
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!panel->isVisible());
    }

    // PLANLINES_SHOTS=dir: the print panel on the sample county at 1280×720 and 1920×1080 (the
    // map's view, then a township's sheet).
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("PLANLINES_SHOTS");
        if (dir.isEmpty())
            QSKIP("PLANLINES_SHOTS not set");
        QDir().mkpath(dir);
        for (const QSize size : {QSize(1280, 720), QSize(1920, 1080)}) {
            QQmlApplicationEngine engine;
            QQuickWindow *window =
                qml::MainWindow::load(engine, QStringLiteral(PLANLINES_SAMPLE_DB), size);
            QVERIFY(window);
            QVERIFY(testing::showReady(window));
            QVERIFY(testing::clickItem(window, testing::findQuickItem(window, "printButton")));
            auto *c = qobject_cast<qml::PrintController *>(
                testing::findObject(window, QStringLiteral("printController")));
            QTRY_VERIFY_WITH_TIMEOUT(!c->previewUrl().isEmpty(), 20000);
            // The map narrows as the panel opens: the preview is redrawn for its new view.
            QQuickItem *preview = testing::findQuickItem(window, QStringLiteral("preview"));
            QTest::qWait(1500);
            QTRY_COMPARE_WITH_TIMEOUT(preview->property("status").toInt(), 1, 20000);
            window->grabWindow().save(
                QStringLiteral("%1/print-%2x%3.png").arg(dir).arg(size.width()).arg(size.height()));
            QQuickItem *extentBox = testing::findQuickItem(window, QStringLiteral("extentBox"));
            extentBox->setProperty("currentIndex", 2);
            QMetaObject::invokeMethod(extentBox, "activated", Q_ARG(int, 2));
            QQuickItem *townshipBox = testing::findQuickItem(window, QStringLiteral("townshipBox"));
            int index = -1;
            QMetaObject::invokeMethod(townshipBox, "find", Q_RETURN_ARG(int, index),
                                      Q_ARG(QString, QStringLiteral("黑里寨镇")));
            townshipBox->setProperty("currentIndex", index);
            QMetaObject::invokeMethod(townshipBox, "activated", Q_ARG(int, index));
            const QString url = c->previewUrl();
            QTRY_VERIFY_WITH_TIMEOUT(c->previewUrl() != url, 20000);
            QTest::qWait(500);
            QTRY_COMPARE_WITH_TIMEOUT(preview->property("status").toInt(), 1, 20000);
            window->grabWindow().save(QStringLiteral("%1/print-township-%2x%3.png")
                                          .arg(dir)
                                          .arg(size.width())
                                          .arg(size.height()));
        }
    }
};

QTEST_MAIN(PrintControllerTest)
#include "printcontrollertest.moc"
