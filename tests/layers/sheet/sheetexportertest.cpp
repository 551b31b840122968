// Sheets as files, read back as a person would: page size, the Chinese text of the title,
// legend and info block (pdftotext), the embedded CJK fonts (pdffonts), the map's scale and the
// scale bar measured in the PNG's pixels, a control image, and failures that leave no file.
#include "../testproject.h"
#include "common/teststore.h"
#include "sheettesttools.h"

#include <geodata/error.h>
#include <layers/layercatalog.h>
#include <layers/sheet/pngencoder.h>
#include <layers/sheet/sheetexporter.h>

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRect>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using namespace planlines::layers;
using namespace planlines::layers::sheet;
using planlines::testing::TestProject;

class SheetExporterTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    planlines::geodata::test::TestStore m_store{"sheetexporter"};
    std::optional<ProjectMap> m_map;

    SheetSpec spec(Paper paper, Orientation o, double scale) const
    {
        SheetSpec s;
        s.layout = SheetTemplate::make(paper, o);
        s.title = QStringLiteral("高青县土地利用现状图");
        s.subtitle = QStringLiteral("田镇街道 测试图幅 1号");
        s.extent = {TestProject::kEast, TestProject::kNorth, TestProject::kEast + 400,
                    TestProject::kNorth + 100};
        s.scaleDenominator = scale;
        s.date = QDate(2024, 5, 20);
        return s;
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A SpatiaLite file, or a PostGIS database in the _pg twin: the same sheets.
        const std::string db = TestProject::create(m_store.location());
        m_map.emplace(ProjectMap::load(db, LayerCatalog::load()));
    }

    void eachTemplateToPdfAndPng_data()
    {
        QTest::addColumn<int>("paper");
        QTest::addColumn<int>("orientation");
        for (const Paper p : {Paper::A4, Paper::A3, Paper::A1, Paper::A0})
            for (const Orientation o : {Orientation::Landscape, Orientation::Portrait})
                QTest::newRow(qPrintable(
                    paperName(p) + (o == Orientation::Landscape ? " landscape" : " portrait")))
                    << int(p) << int(o);
    }
    void eachTemplateToPdfAndPng()
    {
        QFETCH(int, paper);
        QFETCH(int, orientation);
        const SheetSpec s = spec(Paper(paper), Orientation(orientation), 2000);
        const SheetComposer composer(*m_map);
        const SheetExporter exporter(composer);
        const QString pdf = path(QStringLiteral("sheet_%1_%2.pdf").arg(paper).arg(orientation));
        QVERIFY(exporter.write(pdf, std::span(&s, 1)));
        const QSizeF mm = planlines::testing::pdfPageSizeMm(pdf);
        QVERIFY2(qAbs(mm.width() - s.layout.paperMm.width()) < 0.5 &&
                     qAbs(mm.height() - s.layout.paperMm.height()) < 0.5,
                 qPrintable(QStringLiteral("page %1 x %2 mm").arg(mm.width()).arg(mm.height())));
        const QString text = planlines::testing::pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("高青县土地利用现状图")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("田镇街道 测试图幅 1号")));
        QVERIFY(text.contains(QStringLiteral("图例")));
        QVERIFY(text.contains(QStringLiteral("地类图斑")));
        QVERIFY(text.contains(QStringLiteral("水浇地")));
        QVERIFY(text.contains(QStringLiteral("比例尺 1:2 000")));
        QVERIFY(text.contains(QStringLiteral("制图单位：高青县自然资源局")));
        QVERIFY(text.contains(QStringLiteral("制图日期：2024年5月20日")));
        QVERIFY(text.contains(
            QStringLiteral("CGCS2000 3度带高斯-克吕格投影 中央经线117°E（EPSG:4548）")));
        QVERIFY(text.contains(QStringLiteral("合成数据")));
        // Both CJK faces embedded (emb = yes) with a Unicode map.
        const QStringList fonts = planlines::testing::pdfFonts(pdf);
        for (const char *face : {"NotoSansCJKsc-Regular", "NotoSansCJKsc-Bold"}) {
            const QStringList row = fonts.filter(QLatin1String(face));
            QVERIFY2(row.size() == 1, qPrintable(fonts.join(QLatin1Char('\n'))));
            const QStringList cols = row[0].split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QVERIFY(cols.size() >= 7);
            QCOMPARE(cols[cols.size() - 5], QStringLiteral("yes")); // emb
            QCOMPARE(cols[cols.size() - 3], QStringLiteral("yes")); // uni
        }
        // The PNG at 40 dpi: the paper's size in pixels, resolution stored.
        const QString png = path(QStringLiteral("sheet_%1_%2.png").arg(paper).arg(orientation));
        ExportOptions options;
        options.dpi = 40;
        QVERIFY(exporter.write(png, std::span(&s, 1), options));
        const QImage image(png);
        QCOMPARE(image.width(), int(std::lround(s.layout.paperMm.width() / 25.4 * 40)));
        QCOMPARE(image.height(), int(std::lround(s.layout.paperMm.height() / 25.4 * 40)));
        QCOMPARE(image.dotsPerMeterX(), int(std::lround(40 / 0.0254)));
    }

    // At 1:2 000 a 100 m parcel is 50 mm on paper: measured between its colour edges in a
    // 254 dpi PNG (10 px per mm), and the scale bar's drawn length against its label's metres.
    void mapScaleAndScaleBarMeasured()
    {
        const SheetSpec s = spec(Paper::A4, Orientation::Landscape, 2000);
        const SheetComposer composer(*m_map);
        const SheetLayout layout = composer.layout(s);
        const QImage image = SheetExporter(composer).renderImage(s, 254);
        // A row through the parcels, 10 m above their south edge (clear of their labels).
        const double rowMm =
            s.layout.frameMm.top() +
            (layout.frameExtent.maxY - (TestProject::kNorth + 10)) / layout.metresPerMm();
        const int y = int(std::lround(rowMm * 10));
        const QRgb forest = qRgb(0x5D, 0xB4, 0x60); // 0301 乔木林地, the second parcel
        const auto [first, last] = planlines::testing::colourRun(image, y, forest);
        QVERIFY2(first > 0, "the forest parcel is not on the row");
        // Its edges carry a 0.1 mm outline (1 px) drawn over the fill on both sides.
        const double widthMm = (last - first + 1 + 1) / 10.0;
        QVERIFY2(qAbs(widthMm - 50.0) <= 0.5,
                 qPrintable(QStringLiteral("parcel is %1 mm wide").arg(widthMm)));

        const ScaleBar &bar = layout.scaleBar;
        QVERIFY(bar.groundM > 0);
        const double drawnMm = planlines::testing::scaleBarDrawnMm(image, 10, s.layout, bar);
        QVERIFY(drawnMm > 0);
        const double expectedMm = bar.groundM * 1000 / layout.scaleDenominator;
        QVERIFY2(qAbs(drawnMm - expectedMm) <= 0.5,
                 qPrintable(QStringLiteral("bar %1 mm drawn, %2 m at 1:%3 is %4 mm")
                                .arg(drawnMm)
                                .arg(bar.groundM)
                                .arg(layout.scaleDenominator)
                                .arg(expectedMm)));
        QVERIFY(qAbs(bar.groundM / std::pow(10, std::floor(std::log10(bar.groundM))) - 1) < 1e-9 ||
                qAbs(bar.groundM / std::pow(10, std::floor(std::log10(bar.groundM))) - 2) < 1e-9 ||
                qAbs(bar.groundM / std::pow(10, std::floor(std::log10(bar.groundM))) - 5) < 1e-9);
    }

    // The legend lists only classes in the frame: at 1:500 around the first parcel the frame
    // holds 水浇地 and 乔木林地, not 河流水面 or 村庄 further east.
    void legendOnlyClassesInFrame()
    {
        SheetSpec s = spec(Paper::A4, Orientation::Landscape, 500);
        s.extent = {TestProject::kEast, TestProject::kNorth, TestProject::kEast + 100,
                    TestProject::kNorth + 100};
        const SheetComposer composer(*m_map);
        const SheetLayout layout = composer.layout(s);
        QVERIFY(layout.frameExtent.maxX < TestProject::kEast + 200); // the third parcel is outside
        QStringList labels;
        for (const auto &item : layout.legend)
            labels << item.label;
        QVERIFY2(labels.contains(QStringLiteral("水浇地")) &&
                     labels.contains(QStringLiteral("乔木林地")),
                 qPrintable(labels.join(QLatin1Char(','))));
        QVERIFY(!labels.contains(QStringLiteral("河流水面")));
        QVERIFY(!labels.contains(QStringLiteral("村庄")));
        const QString pdf = path(QStringLiteral("legend.pdf"));
        QVERIFY(SheetExporter(composer).write(pdf, std::span(&s, 1)));
        const QString text = planlines::testing::pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("乔木林地")));
        QVERIFY(!text.contains(QStringLiteral("河流水面")));
    }

    // The whole A4 sheet at 50 dpi against the committed control image.
    void controlImage()
    {
        const SheetSpec s = spec(Paper::A4, Orientation::Landscape, 2000);
        const SheetComposer composer(*m_map);
        const QImage image =
            SheetExporter(composer).renderImage(s, 50).convertToFormat(QImage::Format_RGB32);
        const QString control = QStringLiteral(SHEET_TEST_DATA "/control_a4_landscape_50dpi.png");
        if (qEnvironmentVariableIsSet("PLANLINES_UPDATE_CONTROL"))
            QVERIFY(image.save(control));
        const QImage want = QImage(control).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), want.size());
        qint64 differing = 0;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QRgb a = image.pixel(x, y), b = want.pixel(x, y);
                if (qAbs(qRed(a) - qRed(b)) > 48 || qAbs(qGreen(a) - qGreen(b)) > 48 ||
                    qAbs(qBlue(a) - qBlue(b)) > 48)
                    ++differing;
            }
        const double share = double(differing) / (image.width() * image.height());
        QVERIFY2(share < 0.01,
                 qPrintable(QStringLiteral("%1 % of the pixels differ").arg(share * 100)));
    }

    // The vector PDF, rasterised by poppler at 50 dpi, matches the control image: fills,
    // the red line's hatch and the township's dash-dot line survive the vector path.
    void pdfLooksLikeThePng()
    {
        const SheetSpec s = spec(Paper::A4, Orientation::Landscape, 2000);
        const SheetComposer composer(*m_map);
        const QString pdf = path(QStringLiteral("raster.pdf"));
        QVERIFY(SheetExporter(composer).write(pdf, std::span(&s, 1)));
        const QString prefix = path(QStringLiteral("raster"));
        QProcess p;
        p.start(QStringLiteral("pdftoppm"),
                {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"),
                 QStringLiteral("-singlefile"), pdf, prefix});
        QVERIFY(p.waitForFinished(60000));
        const QImage got =
            QImage(prefix + QStringLiteral(".png")).convertToFormat(QImage::Format_RGB32);
        const QImage want =
            QImage(QStringLiteral(SHEET_TEST_DATA "/control_a4_landscape_50dpi.png"))
                .convertToFormat(QImage::Format_RGB32);
        // poppler rounds the page up to whole pixels, we round to the nearest.
        QVERIFY(qAbs(got.width() - want.width()) <= 1 && qAbs(got.height() - want.height()) <= 1);
        qint64 differing = 0;
        for (int y = 0; y < std::min(got.height(), want.height()); ++y)
            for (int x = 0; x < std::min(got.width(), want.width()); ++x) {
                const QRgb a = got.pixel(x, y), b = want.pixel(x, y);
                if (qAbs(qRed(a) - qRed(b)) > 64 || qAbs(qGreen(a) - qGreen(b)) > 64 ||
                    qAbs(qBlue(a) - qBlue(b)) > 64)
                    ++differing;
            }
        const double share = double(differing) / (got.width() * got.height());
        // Thin hatch lines antialias differently in poppler and Qt: most of the difference.
        QVERIFY2(share < 0.06,
                 qPrintable(QStringLiteral("%1 % of the pixels differ").arg(share * 100)));
        // The hatch itself: red pixels inside the red line's rectangle (north of the parcels).
        const SheetLayout layout = composer.layout(s);
        auto px = [&](double e, double n) {
            return QPoint(int((s.layout.frameMm.left() +
                               (e - layout.frameExtent.minX) / layout.metresPerMm()) *
                              50 / 25.4),
                          int((s.layout.frameMm.top() +
                               (layout.frameExtent.maxY - n) / layout.metresPerMm()) *
                              50 / 25.4));
        };
        const QRect redline(px(TestProject::kEast + 110, TestProject::kNorth + 340),
                            px(TestProject::kEast + 390, TestProject::kNorth + 160));
        int red = 0, white = 0;
        for (int y = redline.top(); y <= redline.bottom(); ++y)
            for (int x = redline.left(); x <= redline.right(); ++x) {
                const QRgb c = got.pixel(x, y);
                if (qRed(c) > 160 && qGreen(c) < 120 && qBlue(c) < 120)
                    ++red;
                else if (qGray(c) > 230)
                    ++white;
            }
        QVERIFY2(red > 50 && white > red,
                 qPrintable(QStringLiteral("%1 red, %2 white").arg(red).arg(white)));
    }

    // The optional table block (a check result): its cells are text on the sheet.
    void tableBlock()
    {
        SheetSpec s = spec(Paper::A3, Orientation::Landscape, 2000);
        s.tableTitle = QStringLiteral("选址检查结果");
        s.table = {
            {QStringLiteral("控制线"), QStringLiteral("面积（亩）"), QStringLiteral("结论")},
            {QStringLiteral("永久基本农田"), QStringLiteral("12.35"), QStringLiteral("占用")},
            {QStringLiteral("生态保护红线"), QStringLiteral("0.00"), QStringLiteral("不涉及")}};
        const SheetComposer composer(*m_map);
        const QString pdf = path(QStringLiteral("table.pdf"));
        QVERIFY(SheetExporter(composer).write(pdf, std::span(&s, 1)));
        const QString text = planlines::testing::pdfText(pdf);
        for (const QString &cell :
             {QStringLiteral("选址检查结果"), QStringLiteral("面积（亩）"),
              QStringLiteral("永久基本农田"), QStringLiteral("12.35"), QStringLiteral("不涉及")})
            QVERIFY2(text.contains(cell), qPrintable(cell));
        QVERIFY(text.contains(QStringLiteral("水浇地"))); // the legend still has its room
    }

    // Our PNG encoder (parallel strips in one zlib stream) decodes to the very pixels drawn.
    void pngEncoderIsLossless()
    {
        const SheetSpec s = spec(Paper::A4, Orientation::Portrait, 2000);
        const SheetComposer composer(*m_map);
        const QImage drawn =
            SheetExporter(composer).renderImage(s, 72).convertToFormat(QImage::Format_RGB32);
        for (const int threads : {1, 2, 5}) {
            const QImage decoded = QImage::fromData(encodePng(drawn, threads), "PNG")
                                       .convertToFormat(QImage::Format_RGB32);
            QCOMPARE(decoded.size(), drawn.size());
            QVERIFY2(decoded == drawn, qPrintable(QStringLiteral("%1 threads").arg(threads)));
            QCOMPARE(decoded.dotsPerMeterX(), drawn.dotsPerMeterX());
        }
    }

    void svgKeepsTextAndPaperSize()
    {
        const SheetSpec s = spec(Paper::A3, Orientation::Portrait, 2000);
        const SheetComposer composer(*m_map);
        const QString svg = path(QStringLiteral("sheet.svg"));
        QVERIFY(SheetExporter(composer).write(svg, std::span(&s, 1)));
        QFile f(svg);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("width=\"297mm\"")));
        QVERIFY(text.contains(QStringLiteral("height=\"420mm\"")));
        QVERIFY(text.contains(QStringLiteral(">高青县土地利用现状图<")));
    }

    // Failures name the file and the cause, and leave nothing behind.
    void failuresLeaveNoFile()
    {
        const SheetSpec s = spec(Paper::A4, Orientation::Landscape, 2000);
        const SheetComposer composer(*m_map);
        const SheetExporter exporter(composer);
        auto message = [&](const QString &target) {
            try {
                exporter.write(target, std::span(&s, 1));
            } catch (const geodata::Error &e) {
                return QString::fromStdString(e.what());
            }
            return QString();
        };
        const QString missing = path(QStringLiteral("no/such/folder/sheet.pdf"));
        QVERIFY(
            message(missing).startsWith(QStringLiteral("%1: cannot write: folder ").arg(missing)));
        QVERIFY(message(missing).contains(QStringLiteral("does not exist")));
        // A folder no one may create files in (/proc: even root cannot).
        const QString proc = QStringLiteral("/proc/planlines_sheet.pdf");
        QVERIFY2(message(proc).startsWith(QStringLiteral(
                     "/proc/planlines_sheet.pdf: cannot write: cannot create a file in /proc")),
                 qPrintable(message(proc)));
        QVERIFY(!QFile::exists(proc));
        // A device is never replaced by a sheet (full.pdf -> /dev/full).
        const QString device = path(QStringLiteral("full.pdf"));
        QVERIFY(QFile::link(QStringLiteral("/dev/full"), device));
        QCOMPARE(
            message(device),
            QStringLiteral("%1: cannot write: it exists and is not a regular file").arg(device));
        QVERIFY(QFile::remove(device));
        QVERIFY(
            message(path(QStringLiteral("sheet.tiff"))).contains(QStringLiteral("unknown format")));
        // An existing sheet survives a failed rewrite untouched.
        const QString keep = path(QStringLiteral("keep.pdf"));
        QVERIFY(exporter.write(keep, std::span(&s, 1)));
        const QByteArray before = [&] {
            QFile f(keep);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        std::atomic<bool> cancel{true};
        ExportOptions cancelled;
        cancelled.cancel = &cancel;
        QVERIFY(!exporter.write(keep, std::span(&s, 1), cancelled));
        QFile f(keep);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        // Nothing but the finished files in the folder: no temporary files left.
        QDir dir(m_dir.path());
        QCOMPARE(dir.entryList(QStringList{QStringLiteral(".*.XXXXXX"), QStringLiteral(".*pdf.*")},
                               QDir::Files | QDir::Hidden),
                 QStringList());
    }
};

QTEST_MAIN(SheetExporterTest)
#include "sheetexportertest.moc"
