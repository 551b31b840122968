// The corridor batch on the sample county: one sheet per township's run of segments along the
// levee, or per chainage range; one PDF page each with its title, its segments' range and the
// status table; progress and cancel as the other batches.
#include "sheettesttools.h"

#include <geodata/area.h>
#include <geodata/chainage.h>
#include <layers/layercatalog.h>
#include <layers/sheet/corridorsheets.h>
#include <layers/sheet/sheetatlas.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace planlines;
using namespace planlines::layers;
using namespace planlines::layers::sheet;
namespace corridor = planlines::geodata::corridor;

class SheetCorridorTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<ProjectMap> m_map;
    std::unique_ptr<geodata::Project> m_project;
    std::optional<corridor::Corridor> m_corridor;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_map.emplace(ProjectMap::load(PLANLINES_SAMPLE_DB, LayerCatalog::load()));
        m_project = geodata::Project::open(PLANLINES_SAMPLE_DB, true);
        m_corridor.emplace(corridor::Corridor::load(*m_project));
        QVERIFY(m_corridor->segments().size() >= 10);
    }

    void groupsByTownship()
    {
        const auto groups = segmentGroups(*m_corridor);
        // The township runs along the levee, counted independently.
        std::vector<std::string> runs;
        for (const auto &s : m_corridor->segments())
            if (runs.empty() || runs.back() != s.townshipName)
                runs.push_back(s.townshipName);
        QCOMPARE(groups.size(), runs.size());
        std::size_t segments = 0;
        for (std::size_t i = 0; i < groups.size(); ++i) {
            QVERIFY(
                groups[i].name.startsWith(QString::fromStdString(runs[i]) + QStringLiteral("段")));
            for (const auto *s : groups[i].segments)
                QCOMPARE(s->townshipName, runs[i]);
            QCOMPARE(groups[i].startM, groups[i].segments.front()->startM);
            QCOMPARE(groups[i].endM, groups[i].segments.back()->endM);
            segments += groups[i].segments.size();
        }
        QCOMPARE(segments, m_corridor->segments().size());
    }

    void groupsByChainage()
    {
        const auto groups = segmentGroups(*m_corridor, 5000);
        const double last = m_corridor->segments().back().startM;
        QCOMPARE(groups.size(), std::size_t(std::floor(last / 5000) + 1));
        QCOMPARE(groups[0].name, QStringLiteral("K0+000—K5+000"));
        QCOMPARE(groups[1].name, QStringLiteral("K5+000—K10+000"));
        for (const auto &g : groups)
            for (const auto *s : g.segments)
                QVERIFY(s->startM >= g.segments.front()->startM);
    }

    void onePagePerGroup()
    {
        const auto state = corridor::CorridorState::on(*m_corridor, "2026-01-01");
        const auto groups = segmentGroups(*m_corridor);
        SheetSpec base;
        base.layout = SheetTemplate::make(Paper::A4, Orientation::Landscape);
        const auto sheets = corridorSheets(*m_map, *m_corridor, state, groups, base);
        QCOMPARE(sheets.size(), groups.size());
        const SheetComposer composer(*m_map);
        const SheetExporter exporter(composer);
        std::vector<int> done;
        ExportOptions options;
        options.progress = [&](int n, int) {
            done.push_back(n);
            return true;
        };
        const QString pdf = m_dir.filePath(QStringLiteral("segments.pdf"));
        QCOMPARE(writeAtlas(exporter, pdf, sheets, options), std::vector<QString>{pdf});
        QCOMPARE(planlines::testing::pdfPages(pdf), int(groups.size()));
        QCOMPARE(done.back(), int(groups.size()));
        for (std::size_t i = 0; i < groups.size(); ++i) {
            const QString page = planlines::testing::pdfText(pdf, int(i) + 1);
            const QString title =
                QString::fromStdString(m_corridor->layerName()) + QLatin1Char(' ') + groups[i].name;
            QCOMPARE(page.section(QLatin1Char('\n'), 0, 0).trimmed(), title);
            const QString range =
                QString::fromStdString(geodata::formatChainage(groups[i].startM)) +
                QStringLiteral("—") +
                QString::fromStdString(geodata::formatChainage(groups[i].endM));
            QVERIFY2(page.contains(range), qPrintable(page));
            QVERIFY(page.contains(QStringLiteral("建设进度（截至2026-01-01）")));
            // The 合计 row: segments, km and 亩 of the group, summed here from the segments.
            double lengthM = 0, areaM2 = 0;
            for (const auto *s : groups[i].segments) {
                lengthM += s->lengthM();
                areaM2 += s->areaM2;
            }
            const QStringList total = sheets[i].table.back();
            QCOMPARE(total, (QStringList{QStringLiteral("合计"),
                                         QString::number(groups[i].segments.size()),
                                         QString::number(lengthM / 1000, 'f', 2),
                                         QString::number(geodata::m2ToMu(areaM2), 'f', 2)}));
            for (const QString &cell : total)
                QVERIFY2(page.contains(cell), qPrintable(cell));
        }
        // Cancelled after the second sheet: no file.
        options.progress = [](int n, int) { return n < 2; };
        const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        QVERIFY(writeAtlas(exporter, cancelled, sheets, options).empty());
        QVERIFY(!QFile::exists(cancelled));
    }

    // The command line: --batch segments:5 gives one page per 5 km of chainage, titled; a bad
    // kind or date is refused with the reason and exit status 2.
    void commandLine()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("cli_segments.pdf"));
        auto run = [](const QStringList &args, QString *err = nullptr) {
            QProcess p;
            p.start(QStringLiteral(PLANLINES_BIN), QStringList{QStringLiteral("export")} + args);
            p.waitForFinished(300000);
            if (err)
                *err = QString::fromUtf8(p.readAllStandardError());
            return p.exitCode();
        };
        QCOMPARE(
            run({QStringLiteral("--db"), QStringLiteral(PLANLINES_SAMPLE_DB),
                 QStringLiteral("--batch"), QStringLiteral("segments:5"), QStringLiteral("--date"),
                 QStringLiteral("2023-06-01"), QStringLiteral("--paper"), QStringLiteral("A4"),
                 QStringLiteral("--quiet"), QStringLiteral("--out"), pdf}),
            0);
        const auto groups = segmentGroups(*m_corridor, 5000);
        QCOMPARE(planlines::testing::pdfPages(pdf), int(groups.size()));
        for (std::size_t i = 0; i < groups.size(); ++i) {
            const QString page = planlines::testing::pdfText(pdf, int(i) + 1);
            QCOMPARE(page.section(QLatin1Char('\n'), 0, 0).trimmed(),
                     QString::fromStdString(m_corridor->layerName()) + QLatin1Char(' ') +
                         groups[i].name);
            QVERIFY(page.contains(QStringLiteral("建设进度（截至2023-06-01）")));
        }
        QString err;
        QCOMPARE(run({QStringLiteral("--batch"), QStringLiteral("segments:x"),
                      QStringLiteral("--out"), pdf},
                     &err),
                 2);
        QCOMPARE(err.trimmed(), QStringLiteral("planlines export: --batch segments:x: expected "
                                               "segments:KM with KM 0.1 … 1000"));
        QCOMPARE(
            run({QStringLiteral("--batch"), QStringLiteral("segments"), QStringLiteral("--date"),
                 QStringLiteral("2023-13-01"), QStringLiteral("--out"), pdf},
                &err),
            2);
        QCOMPARE(err.trimmed(),
                 QStringLiteral("planlines export: --date 2023-13-01: expected a date like "
                                "2023-12-31"));
    }
};

QTEST_MAIN(SheetCorridorTest)
#include "sheetcorridortest.moc"
