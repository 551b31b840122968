// The batch on the sample county: one PDF page per project site titled with its name (XMMC),
// one PNG per township named from the pattern, the --extent words, progress and cancel.
#include "sheettesttools.h"

#include <geodata/error.h>
#include <layers/layercatalog.h>
#include <layers/sheet/sheetatlas.h>

#include <QDir>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using namespace planlines::layers;
using namespace planlines::layers::sheet;

class SheetAtlasTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<ProjectMap> m_map;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_map.emplace(ProjectMap::load(PLANLINES_SAMPLE_DB, LayerCatalog::load()));
    }

    void onePagePerSite()
    {
        const auto sites = namedFeatures(*m_map, geodata::Role::Site);
        QVERIFY(sites.size() >= 10);
        SheetSpec base;
        base.layout = SheetTemplate::make(Paper::A4, Orientation::Landscape);
        const auto sheets = atlasSheets(*m_map, geodata::Role::Site, base);
        QCOMPARE(sheets.size(), sites.size());
        const SheetComposer composer(*m_map);
        const SheetExporter exporter(composer);
        std::vector<std::pair<int, int>> progress;
        ExportOptions options;
        options.progress = [&](int done, int total) {
            progress.emplace_back(done, total);
            return true;
        };
        const QString pdf = m_dir.filePath(QStringLiteral("sites.pdf"));
        const auto files = writeAtlas(exporter, pdf, sheets, options);
        QCOMPARE(files, std::vector<QString>{pdf});
        QCOMPARE(planlines::testing::pdfPages(pdf), int(sites.size()));
        QCOMPARE(progress.size(), sites.size());
        QCOMPARE(progress.back(), std::make_pair(int(sites.size()), int(sites.size())));
        for (std::size_t i = 0; i < sites.size(); ++i) {
            const QString page = planlines::testing::pdfText(pdf, int(i) + 1);
            // The title is the page's first line.
            QCOMPARE(page.section(QLatin1Char('\n'), 0, 0).trimmed(), sites[i].name);
            QVERIFY(page.contains(QStringLiteral("高青县 · 项目选址")));
        }
    }

    void cancelStopsTheBatch()
    {
        SheetSpec base;
        base.layout = SheetTemplate::make(Paper::A4, Orientation::Landscape);
        const auto sheets = atlasSheets(*m_map, geodata::Role::Township, base);
        const SheetComposer composer(*m_map);
        const SheetExporter exporter(composer);
        ExportOptions options;
        options.dpi = 20;
        options.progress = [](int done, int) { return done < 3; };
        const QString pattern = m_dir.filePath(QStringLiteral("township_<name>.png"));
        const auto files = writeAtlas(exporter, pattern, sheets, options);
        QCOMPARE(files.size(), std::size_t(3));
        QCOMPARE(files[0], m_dir.filePath(QStringLiteral("township_%1.png").arg(sheets[0].title)));
        QVERIFY(!QImage(files[2]).isNull());
        // Cancelled PDF: no file at all.
        options.progress = [](int done, int) { return done < 2; };
        const QString pdf = m_dir.filePath(QStringLiteral("townships.pdf"));
        QVERIFY(writeAtlas(exporter, pdf, sheets, options).empty());
        QVERIFY(!QFile::exists(pdf));
    }

    void fileNames()
    {
        QCOMPARE(atlasFileName(QStringLiteral("out-%03d.png"), 6, QStringLiteral("x")),
                 QStringLiteral("out-007.png"));
        QCOMPARE(atlasFileName(QStringLiteral("out_<name>.svg"), 0,
                               QStringLiteral("滨莱高速 改扩建/一期")),
                 QStringLiteral("out_滨莱高速_改扩建_一期.svg"));
        QCOMPARE(atlasFileName(QStringLiteral("/tmp/a.png"), 11, QStringLiteral("x")),
                 QStringLiteral("/tmp/a-012.png"));
    }

    void extents()
    {
        const auto county = resolveExtent(*m_map, QStringLiteral("county"));
        QVERIFY(county.maxX - county.minX > 40000); // Gaoqing is about 45 km across
        const auto sites = namedFeatures(*m_map, geodata::Role::Site);
        const auto site = resolveExtent(*m_map, QStringLiteral("site:") + sites[0].name);
        QCOMPARE(site.minX, sites[0].envelope.minX);
        const auto box = resolveExtent(*m_map, QStringLiteral("570000,4110000,575000,4114000"));
        QCOMPARE(box.maxY, 4114000.0);
        try {
            resolveExtent(*m_map, QStringLiteral("township:不存在镇"));
            QFAIL("no error");
        } catch (const geodata::Error &e) {
            QCOMPARE(
                QString::fromStdString(e.what()),
                QStringLiteral("--extent township:不存在镇: no 乡镇行政区 named '不存在镇' in %1")
                    .arg(PLANLINES_SAMPLE_DB));
        }
        QVERIFY_THROWS_EXCEPTION(geodata::Error, resolveExtent(*m_map, QStringLiteral("5,5,1,1")));
    }
};

QTEST_MAIN(SheetAtlasTest)
#include "sheetatlastest.moc"
