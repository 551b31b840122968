// planlines export: map sheets (PDF, PNG, SVG) from the fixed templates, one or a batch.
#include "cli.h"
#include "commands.h"

#include <layers/layercatalog.h>
#include <layers/sheet/checktable.h>
#include <layers/sheet/corridorsheets.h>
#include <layers/sheet/sheetatlas.h>

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QTextStream>

#include <QDir>
#include <QFile>

#include <csignal>
#include <unistd.h>

namespace planlines::cli {

namespace {

const QString kCommand = QStringLiteral("planlines export");

} // namespace

int runExportProcess(int argc, char **argv)
{
    // Fonts and painting need a QGuiApplication; the command line has no window system.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt wants a runtime folder and warns on every run without one: give it the one it would
    // make itself, quietly.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString runtime =
            QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(::getuid());
        if (QDir().mkpath(runtime) &&
            QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(runtime));
    }
    // A file-size limit then fails the write with a message instead of killing the process.
    std::signal(SIGXFSZ, SIG_IGN);
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("planlines"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    return runExport(args);
}

int runExport(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Print map sheets from the fixed templates: title and subtitle, the map at a scale or "
        "fitted to the county, a site or a township, a legend of the classes in the frame, scale "
        "bar, north arrow, km grid, county inset and the info block (制图单位, 制图日期, 坐标系, "
        "数据来源). PDF is vector with the CJK font embedded; PNG at --dpi; SVG. With --batch, one "
        "sheet per site (titled with its name, with the table of its latest check record when it "
        "was checked; --extent site:NAME too), per township or per group of corridor segments: one "
        "PDF page each, or one PNG/SVG "
        "per sheet named from --out (out-%03d.png, out_<name>.png; otherwise -001, -002, … are "
        "added). Files are written whole or not at all."));
    p.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"),
                                 QStringLiteral("Output file: .pdf, .png or .svg."),
                                 QStringLiteral("FILE"));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QStringLiteral("Project file (default: $PLANLINES_DB, else the sample county)."),
        QStringLiteral("FILE"));
    const QCommandLineOption paper(QStringLiteral("paper"),
                                   QStringLiteral("A4, A3 (default), A1 or A0."),
                                   QStringLiteral("SIZE"), QStringLiteral("A3"));
    const QCommandLineOption orientation(QStringLiteral("orientation"),
                                         QStringLiteral("landscape (default) or portrait."),
                                         QStringLiteral("O"), QStringLiteral("landscape"));
    const QCommandLineOption scale(
        QStringLiteral("scale"),
        QStringLiteral("Map scale 1:N (default: fit the extent at a round scale)."),
        QStringLiteral("N"));
    const QCommandLineOption extent(QStringLiteral("extent"),
                                    QStringLiteral("county (default), site:NAME, township:NAME or "
                                                   "xmin,ymin,xmax,ymax in the working CRS."),
                                    QStringLiteral("E"), QStringLiteral("county"));
    const QCommandLineOption layers(
        QStringLiteral("layers"),
        QStringLiteral("Roles to show, comma-separated (township, landuse, "
                       "basic_farmland, eco_redline, urban_boundary, "
                       "control_unit, corridor, site, context); default: "
                       "the catalog's visible layers."),
        QStringLiteral("ROLES"));
    const QCommandLineOption title(QStringLiteral("title"),
                                   QStringLiteral("Title (default: <county>规划图)."),
                                   QStringLiteral("T"));
    const QCommandLineOption subtitle(QStringLiteral("subtitle"), QStringLiteral("Subtitle."),
                                      QStringLiteral("T"));
    const QCommandLineOption unit(QStringLiteral("unit"),
                                  QStringLiteral("制图单位 (default: <county>自然资源局)."),
                                  QStringLiteral("T"));
    const QCommandLineOption dpi(QStringLiteral("dpi"),
                                 QStringLiteral("PNG resolution (default 300)."),
                                 QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption batch(
        QStringLiteral("batch"),
        QStringLiteral("sites or townships: one sheet per feature; segments: one sheet per "
                       "township's run of corridor segments along the levee (黑里寨镇段 "
                       "K0+000—K10+000), segments:KM one per KM km of chainage (K0+000—K5+000 "
                       "…), each with a table of its segments by status on --date."),
        QStringLiteral("KIND"));
    const QCommandLineOption date(
        QStringLiteral("date"),
        QStringLiteral("--batch segments: the date of the segments' status (default today)."),
        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QStringLiteral("No progress on stderr."));
    p.addOptions({out, db, paper, orientation, scale, extent, layers, title, subtitle, unit, dpi,
                  batch, date, quiet});
    if (!p.parse(args))
        return fail(kCommand, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, kCommand);
    if (!p.positionalArguments().isEmpty())
        return fail(kCommand,
                    QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments()[0]), 2);
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return fail(kCommand, QStringLiteral("needs a QGuiApplication (run as planlines export)"));
    if (!p.isSet(out))
        return fail(kCommand, QStringLiteral("--out FILE is required"), 2);
    const QString outPath = p.value(out);
    if (!layers::sheet::sheetFormatFor(outPath))
        return fail(kCommand,
                    QStringLiteral("%1: unknown format (use .pdf, .png or .svg)").arg(outPath), 2);
    const auto paperValue = layers::sheet::paperFromName(p.value(paper));
    if (!paperValue)
        return fail(kCommand,
                    QStringLiteral("--paper %1: expected A4, A3, A1 or A0").arg(p.value(paper)), 2);
    const auto orientationValue = layers::sheet::orientationFromName(p.value(orientation));
    if (!orientationValue)
        return fail(kCommand,
                    QStringLiteral("--orientation %1: expected landscape or portrait")
                        .arg(p.value(orientation)),
                    2);
    double scaleValue = 0;
    if (p.isSet(scale)) {
        QString s = p.value(scale);
        s.remove(QLatin1Char(' '));
        if (s.startsWith(QLatin1String("1:")))
            s = s.mid(2);
        bool ok = false;
        scaleValue = s.toDouble(&ok);
        if (!ok || scaleValue < 100 || scaleValue > 10'000'000)
            return fail(kCommand,
                        QStringLiteral("--scale %1: expected N of 1:N (100 … 10 000 000)")
                            .arg(p.value(scale)),
                        2);
    }
    bool dpiOk = false;
    const double dpiValue = p.value(dpi).toDouble(&dpiOk);
    if (!dpiOk || dpiValue < 30 || dpiValue > 1200)
        return fail(kCommand, QStringLiteral("--dpi %1: expected 30 … 1200").arg(p.value(dpi)), 2);
    std::optional<geodata::Role> batchRole;
    std::optional<double> segmentStepM; // --batch segments: 0 by township, else the range
    if (p.isSet(batch)) {
        const QString b = p.value(batch).trimmed();
        if (b == QLatin1String("sites"))
            batchRole = geodata::Role::Site;
        else if (b == QLatin1String("townships"))
            batchRole = geodata::Role::Township;
        else if (b == QLatin1String("segments"))
            segmentStepM = 0;
        else if (b.startsWith(QLatin1String("segments:"))) {
            QString km = b.mid(9);
            km.remove(QLatin1String("km"));
            bool ok = false;
            const double v = km.toDouble(&ok);
            if (!ok || v < 0.1 || v > 1000)
                return fail(
                    kCommand,
                    QStringLiteral("--batch %1: expected segments:KM with KM 0.1 … 1000").arg(b),
                    2);
            segmentStepM = v * 1000;
        } else
            return fail(kCommand,
                        QStringLiteral("--batch %1: expected sites, townships, segments or "
                                       "segments:KM")
                            .arg(b),
                        2);
    }
    std::string statusDate = QDate::currentDate().toString(Qt::ISODate).toStdString();
    if (p.isSet(date)) {
        const auto d = geodata::corridor::normalizeDate(p.value(date).toStdString());
        if (!d)
            return fail(
                kCommand,
                QStringLiteral("--date %1: expected a date like 2023-12-31").arg(p.value(date)), 2);
        statusDate = *d;
    }
    const std::string dbPath = p.isSet(db) ? p.value(db).toStdString() : defaultDatabase();
    QTextStream err(stderr);
    try {
        QElapsedTimer loadTimer;
        loadTimer.start();
        const auto catalog = layers::LayerCatalog::load();
        const auto map = layers::ProjectMap::load(dbPath, catalog);
        const double loadS = loadTimer.elapsed() / 1000.0;
        layers::sheet::SheetSpec spec;
        spec.layout = layers::sheet::SheetTemplate::make(*paperValue, *orientationValue);
        const QString county = QString::fromStdString(map.countyName());
        spec.title = p.isSet(title) ? p.value(title) : county + QStringLiteral("规划图");
        spec.subtitle = p.value(subtitle);
        spec.mapUnit = p.value(unit);
        spec.scaleDenominator = scaleValue;
        spec.extent = layers::sheet::resolveExtent(map, p.value(extent));
        if (p.isSet(layers)) {
            spec.visible.assign(map.layers().size(), false);
            for (const QString &r : p.value(layers).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const auto role = geodata::roleFromId(r.trimmed().toStdString());
                if (!role)
                    return fail(kCommand, QStringLiteral("--layers: unknown role '%1'").arg(r), 2);
                for (std::size_t i = 0; i < map.layers().size(); ++i)
                    if (map.layers()[i].entry.info.role == *role)
                        spec.visible[i] = true;
            }
        }
        const layers::sheet::SheetComposer composer(map);
        const layers::sheet::SheetExporter exporter(composer);
        layers::sheet::ExportOptions options;
        options.dpi = dpiValue;
        QElapsedTimer timer;
        timer.start();
        if (batchRole || segmentStepM) {
            if (!p.isSet(title))
                spec.title.clear();
            std::vector<layers::sheet::SheetSpec> sheets;
            if (segmentStepM) {
                const auto project = geodata::Project::open(dbPath, true);
                const auto corridor = geodata::corridor::Corridor::load(*project);
                const auto state = geodata::corridor::CorridorState::on(corridor, statusDate);
                sheets = layers::sheet::corridorSheets(
                    map, corridor, state, layers::sheet::segmentGroups(corridor, *segmentStepM),
                    spec);
            } else {
                sheets = layers::sheet::atlasSheets(map, *batchRole, spec);
            }
            if (batchRole == geodata::Role::Site) {
                // Each site's latest check result, where it was checked.
                const auto project = geodata::Project::open(dbPath, true);
                layers::sheet::attachCheckTables(*project, sheets);
            }
            if (!p.isSet(quiet))
                options.progress = [&err](int done, int total) {
                    err << "planlines export: " << done << "/" << total << " sheets\n";
                    err.flush();
                    return true;
                };
            const auto files = layers::sheet::writeAtlas(exporter, outPath, sheets, options);
            QTextStream(stdout) << QStringLiteral("%1 sheets in %2 file(s): %3 (%4 s)\n")
                                       .arg(sheets.size())
                                       .arg(files.size())
                                       .arg(files.size() == 1
                                                ? files.front()
                                                : files.front() + QStringLiteral(" …"))
                                       .arg(timer.elapsed() / 1000.0, 0, 'f', 2);
            return 0;
        }
        // One named site or township: the sheet its batch would give (its name as the title
        // unless --title, the site outlined).
        for (const auto &[prefix, role] :
             {std::pair{QStringLiteral("site:"), geodata::Role::Site},
              std::pair{QStringLiteral("township:"), geodata::Role::Township}}) {
            const QString value = p.value(extent).trimmed();
            if (!value.startsWith(prefix))
                continue;
            const QString name = value.mid(prefix.size()).trimmed();
            for (auto &one : layers::sheet::atlasSheets(map, role, spec))
                if (one.title == name) {
                    if (p.isSet(title))
                        one.title = spec.title;
                    spec = std::move(one);
                    break;
                }
        }
        if (p.value(extent).trimmed().startsWith(QLatin1String("site:"))) {
            const auto project = geodata::Project::open(dbPath, true);
            if (const auto record = layers::sheet::latestCheckRecord(
                    *project, p.value(extent).trimmed().mid(5).trimmed())) {
                auto table = layers::sheet::checkTableFrom(*record);
                spec.tableTitle = table.title;
                spec.table = std::move(table.rows);
            }
        }
        exporter.write(outPath, std::span(&spec, 1), options);
        const double sheetS = timer.elapsed() / 1000.0; // the summary's layout is not the sheet's
        const auto layout = composer.layout(spec);
        QTextStream(stdout)
            << QStringLiteral("%1: %2 %3, 1:%4, %5 legend entries (%6 s; project loaded in %7 s)\n")
                   .arg(outPath, layers::sheet::paperName(*paperValue), p.value(orientation))
                   .arg(layout.scaleDenominator, 0, 'f', 0)
                   .arg(layout.legend.size())
                   .arg(sheetS, 0, 'f', 2)
                   .arg(loadS, 0, 'f', 2);
        return 0;
    } catch (const std::exception &e) {
        return fail(kCommand, QString::fromUtf8(e.what()));
    }
}

} // namespace planlines::cli
