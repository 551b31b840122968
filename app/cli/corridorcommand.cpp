// planlines corridor status|update|import-progress|locate|report: the silt-back corridor's
// construction progress from the command line.
#include "cli.h"
#include "commands.h"

#include <geodata/chainage.h>
#include <geodata/corridor/corridorstate.h>
#include <geodata/corridor/progresscsv.h>
#include <geodata/corridor/progressrecorder.h>
#include <layers/corridor/progresssheet.h>

#include <QCommandLineParser>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace planlines::cli {

namespace {

using namespace geodata::corridor;

const char *kSubcommands = R"(subcommands:
  status            the corridor on a date: length and area by status and by township
  update            record one progress entry for a segment or a chainage range
  import-progress   record progress entries from a CSV file (all rows or none)
  locate            chainage of a point, or the point at a chainage, on the levee
  report            a progress sheet (PDF): map by status, totals table, progress chart
)";

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

void addDb(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Project file (default: $PLANLINES_DB, else the sample county)."),
                 QStringLiteral("FILE")});
}

std::string dbOf(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("db")) ? p.value(QStringLiteral("db")).toStdString()
                                         : defaultDatabase();
}

// The date of --date, normalised, or today; nothing (after printing why) when it is bad.
std::optional<std::string> dateOf(const QCommandLineParser &p, const QString &cmd)
{
    if (!p.isSet(QStringLiteral("date")))
        return QDate::currentDate().toString(Qt::ISODate).toStdString();
    const auto d = normalizeDate(p.value(QStringLiteral("date")).toStdString());
    if (!d)
        fail(cmd,
             QStringLiteral("'%1' is not a date (write YYYY-MM-DD)")
                 .arg(p.value(QStringLiteral("date"))),
             2);
    return d;
}

// Parses args (args[0] is the subcommand). Returns an exit code when the caller must stop.
std::optional<int> parse(QCommandLineParser &p, const QStringList &args, const QString &cmd)
{
    p.addHelpOption();
    if (!p.parse(args))
        return fail(cmd, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, cmd);
    return std::nullopt;
}

int runStatus(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines corridor status");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "The corridor as it stood on a date: each segment's status is its last progress entry "
        "on or before the date (未记录 when it has none). Totals of length along the levee (m) "
        "and area (m², 亩, 公顷) by status and by township. JSON keys: total, by_status "
        "(planned, under_construction, completed, accepted, maintenance, none), by_township; "
        "each with segments, length_m, area_m2, area_mu, area_ha."));
    addDb(p);
    p.addOption({QStringLiteral("date"), QStringLiteral("The date (default: today)."),
                 QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of a table.")});
    p.addOption({QStringLiteral("segments"), QStringLiteral("List every segment's status too.")});
    if (auto rc = parse(p, args, cmd))
        return *rc;
    const auto date = dateOf(p, cmd);
    if (!date)
        return 2;
    try {
        auto project = geodata::Project::open(dbOf(p), /*readOnly=*/true);
        const Corridor corridor = Corridor::load(*project);
        const CorridorState state = CorridorState::on(corridor, *date);
        QTextStream out(stdout);
        if (p.isSet(QStringLiteral("json"))) {
            out << QJsonDocument(state.toJson(p.isSet(QStringLiteral("segments"))))
                       .toJson(QJsonDocument::Indented);
            return 0;
        }
        out << qs(state.toText());
        if (p.isSet(QStringLiteral("segments")))
            for (const auto &s : state.segments())
                out << QStringLiteral("  %1 %2–%3 %4 %5 %6%\n")
                           .arg(qs(s.segment->id), qs(geodata::formatChainage(s.segment->startM)),
                                qs(geodata::formatChainage(s.segment->endM)),
                                qs(s.segment->townshipName), qs(statusLabelZh(s.status)))
                           .arg(s.percent);
        return 0;
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()));
    }
}

int runUpdate(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines corridor update");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Record a progress entry for one segment, or for every segment a chainage range "
        "overlaps, in one transaction with its audit rows. Statuses: 规划 (planned), 施工中 "
        "(under_construction), 已完工 (completed), 已验收 (accepted), 养护 (maintenance). "
        "Without --percent: 100 for finished statuses, 0 for 规划, the last percent for 施工中."));
    addDb(p);
    p.addOption({QStringLiteral("segment"), QStringLiteral("Segment id (SEGID), e.g. YBQ-012."),
                 QStringLiteral("ID")});
    p.addOption({QStringLiteral("chainage"),
                 QStringLiteral("Chainage range along the levee, e.g. K1+200-K3+400."),
                 QStringLiteral("RANGE")});
    p.addOption({QStringLiteral("date"), QStringLiteral("Date of the entry."),
                 QStringLiteral("YYYY-MM-DD")});
    p.addOption({QStringLiteral("status"), QStringLiteral("Status (Chinese or English id)."),
                 QStringLiteral("S")});
    p.addOption({QStringLiteral("percent"), QStringLiteral("Percent complete, 0–100."),
                 QStringLiteral("P")});
    p.addOption({QStringLiteral("planted-area"), QStringLiteral("Planted area in m²."),
                 QStringLiteral("M2")});
    p.addOption({QStringLiteral("note"), QStringLiteral("Note."), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("photo"), QStringLiteral("Photo file (repeatable)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("corrects"),
                 QStringLiteral("Correct entry ID (of --segment): the new entry supersedes it; "
                                "both stay in the project and its audit log."),
                 QStringLiteral("ID")});
    if (auto rc = parse(p, args, cmd))
        return *rc;
    const bool bySegment = p.isSet(QStringLiteral("segment"));
    if (bySegment == p.isSet(QStringLiteral("chainage")))
        return fail(cmd, QStringLiteral("give --segment ID or --chainage RANGE (one of them)"), 2);
    if (!p.isSet(QStringLiteral("date")) || !p.isSet(QStringLiteral("status")))
        return fail(cmd, QStringLiteral("--date and --status are required"), 2);
    ProgressInput base;
    base.date = p.value(QStringLiteral("date")).toStdString();
    const auto status = statusFromText(p.value(QStringLiteral("status")).toStdString());
    if (!status)
        return fail(cmd,
                    QStringLiteral("unknown status '%1' (规划, 施工中, 已完工, 已验收, 养护)")
                        .arg(p.value(QStringLiteral("status"))),
                    2);
    base.status = *status;
    for (const auto &[opt, target] :
         {std::pair{QStringLiteral("percent"), &base.percent},
          std::pair{QStringLiteral("planted-area"), &base.plantedAreaM2}}) {
        if (!p.isSet(opt))
            continue;
        bool ok = false;
        *target = p.value(opt).toDouble(&ok);
        if (!ok)
            return fail(cmd, QStringLiteral("--%1 '%2' is not a number").arg(opt, p.value(opt)), 2);
    }
    base.note = p.value(QStringLiteral("note")).toStdString();
    for (const QString &f : p.values(QStringLiteral("photo")))
        base.photos.push_back(f.toStdString());
    if (p.isSet(QStringLiteral("corrects"))) {
        bool ok = false;
        base.supersedes = p.value(QStringLiteral("corrects")).toLongLong(&ok);
        if (!ok || !bySegment)
            return fail(cmd,
                        QStringLiteral("--corrects takes an entry id, with --segment (not %1)")
                            .arg(p.value(QStringLiteral("corrects"))),
                        2);
    }
    try {
        auto project = geodata::Project::open(dbOf(p));
        // The segments only: recordLatestProgress reads the progress of those it records.
        const std::vector<std::string> noProgress;
        const Corridor corridor = Corridor::load(*project, &noProgress);
        std::vector<ProgressInput> inputs;
        if (bySegment) {
            base.segmentId = p.value(QStringLiteral("segment")).trimmed().toStdString();
            inputs.push_back(base);
        } else {
            const QString text = p.value(QStringLiteral("chainage"));
            const auto range = geodata::parseChainageRange(text.toStdString());
            if (!range)
                return fail(cmd,
                            QStringLiteral("'%1' is not a chainage range (e.g. "
                                           "K1+200-K3+400)")
                                .arg(text),
                            2);
            for (const Segment *s : corridor.segmentsInRange(range->first, range->second)) {
                inputs.push_back(base);
                inputs.back().segmentId = s->id;
            }
            if (inputs.empty())
                return fail(cmd, QStringLiteral("chainage range %1 overlaps no segment of %2")
                                     .arg(text, qs(corridor.layerName())));
        }
        // Read, validated and recorded again when another office recorded one of the segments
        // in between (its entry may change the percent or make this one a duplicate);
        // what is printed is what was recorded.
        const auto recorded = recordLatestProgress(*project, inputs, "planlines corridor update");
        inputs = recorded.inputs;
        const auto &ids = recorded.ids;
        QTextStream out(stdout);
        for (std::size_t i = 0; i < ids.size(); ++i)
            out << QStringLiteral("%1 %2: %3 %4% (entry %5%6)\n")
                       .arg(qs(inputs[i].segmentId), qs(inputs[i].date),
                            qs(statusLabelZh(inputs[i].status)))
                       .arg(inputs[i].percent.value_or(0))
                       .arg(ids[i])
                       .arg(inputs[i].supersedes
                                ? QStringLiteral(", corrects entry %1").arg(*inputs[i].supersedes)
                                : QString());
        return 0;
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()));
    }
}

int runImportProgress(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines corridor import-progress");
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Record progress entries from a CSV file (UTF-8 or GBK, detected). The "
                       "first row names the columns; understood names:\n%1"
                       "A row gives a segment or a chainage range (every segment it overlaps), a "
                       "date and a status. The file is recorded whole or not at all: if any row "
                       "is bad, every bad row is listed with its line number and reason and "
                       "nothing is recorded (exit status 1).")
            .arg(qs(progressCsvColumnsHelp())));
    addDb(p);
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("The CSV file."));
    p.addOption({QStringLiteral("dry-run"), QStringLiteral("Check the file, record nothing.")});
    if (auto rc = parse(p, args, cmd))
        return *rc;
    if (p.positionalArguments().size() != 1)
        return fail(cmd, QStringLiteral("give one CSV FILE"), 2);
    try {
        auto project = geodata::Project::open(dbOf(p));
        const Corridor corridor = Corridor::load(*project);
        const auto result =
            importProgressCsv(*project, corridor, p.positionalArguments()[0].toStdString(),
                              p.isSet(QStringLiteral("dry-run")));
        const QString text = qs(result.toText());
        if (!result.errors.empty()) {
            QTextStream(stderr) << text;
            return 1;
        }
        QTextStream(stdout) << text;
        return 0;
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()));
    }
}

int runLocate(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines corridor locate");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Linear referencing on the levee centre line: the chainage (桩号) of a point, or the "
        "point at a chainage, with the corridor segment there. Coordinates are easting,northing "
        "in the project's working CRS (metres)."));
    addDb(p);
    p.addOption({QStringLiteral("chainage"), QStringLiteral("A chainage, e.g. K12+300."),
                 QStringLiteral("K")});
    p.addOption({QStringLiteral("point"), QStringLiteral("A point, easting,northing."),
                 QStringLiteral("E,N")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    if (auto rc = parse(p, args, cmd))
        return *rc;
    const bool byChainage = p.isSet(QStringLiteral("chainage"));
    if (byChainage == p.isSet(QStringLiteral("point")))
        return fail(cmd, QStringLiteral("give --chainage K or --point E,N (one of them)"), 2);
    try {
        auto project = geodata::Project::open(dbOf(p), /*readOnly=*/true);
        const Corridor corridor = Corridor::load(*project);
        const LeveeLine &levee = corridor.levee();
        double chainage = 0, e = 0, n = 0, offset = 0;
        if (byChainage) {
            const auto m =
                geodata::parseChainage(p.value(QStringLiteral("chainage")).toStdString());
            if (!m)
                return fail(cmd,
                            QStringLiteral("'%1' is not a chainage (e.g. K12+300)")
                                .arg(p.value(QStringLiteral("chainage"))),
                            2);
            chainage = levee.checkedChainage(*m); // a few cm past an end is that end
            const auto pt = levee.pointAt(chainage);
            e = pt.easting;
            n = pt.northing;
        } else {
            const QStringList xy = p.value(QStringLiteral("point")).split(QLatin1Char(','));
            bool okE = false, okN = false;
            const double pe = xy.size() == 2 ? xy[0].toDouble(&okE) : 0;
            const double pn = xy.size() == 2 ? xy[1].toDouble(&okN) : 0;
            if (!okE || !okN)
                return fail(cmd,
                            QStringLiteral("--point wants easting,northing in metres, not "
                                           "'%1'")
                                .arg(p.value(QStringLiteral("point"))),
                            2);
            const auto loc = levee.locate(pe, pn);
            chainage = loc.chainageM;
            e = loc.easting;
            n = loc.northing;
            offset = loc.offsetM;
        }
        const Segment *seg = corridor.segmentAt(chainage);
        QTextStream out(stdout);
        if (p.isSet(QStringLiteral("json"))) {
            QJsonObject o{{QStringLiteral("chainage"), qs(geodata::formatChainage(chainage, 1))},
                          {QStringLiteral("chainage_m"), std::round(chainage * 1000) / 1000},
                          {QStringLiteral("easting"), std::round(e * 1000) / 1000},
                          {QStringLiteral("northing"), std::round(n * 1000) / 1000},
                          {QStringLiteral("offset_m"), std::round(offset * 1000) / 1000},
                          {QStringLiteral("levee"), qs(levee.name())},
                          {QStringLiteral("segment"), seg ? qs(seg->id) : QString()}};
            out << QJsonDocument(o).toJson(QJsonDocument::Indented);
            return 0;
        }
        out << QStringLiteral("%1 on %2: easting %3, northing %4")
                   .arg(qs(geodata::formatChainage(chainage, 1)), qs(levee.name()))
                   .arg(e, 0, 'f', 3)
                   .arg(n, 0, 'f', 3);
        if (!byChainage)
            out << QStringLiteral(", %1 m from the point").arg(offset, 0, 'f', 1);
        out << QStringLiteral("\nsegment: %1\n").arg(seg ? qs(seg->id) : QStringLiteral("none"));
        return 0;
    } catch (const std::exception &ex) {
        return fail(cmd, QString::fromUtf8(ex.what()));
    }
}

int runReport(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines corridor report");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "A progress sheet (A4 landscape PDF): the corridor on the map styled by status on the "
        "date, the totals by status and by township, and the cumulative finished length against "
        "the plan. Written to a temporary file and renamed."));
    addDb(p);
    p.addOption(
        {QStringLiteral("out"), QStringLiteral("The PDF file to write."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("date"), QStringLiteral("The date (default: today)."),
                 QStringLiteral("YYYY-MM-DD")});
    if (auto rc = parse(p, args, cmd))
        return *rc;
    if (!p.isSet(QStringLiteral("out")))
        return fail(cmd, QStringLiteral("give --out FILE.pdf"), 2);
    const auto date = dateOf(p, cmd);
    if (!date)
        return 2;
    try {
        layers::corridor::writeProgressSheet(dbOf(p), *date,
                                             p.value(QStringLiteral("out")).toStdString());
        QTextStream(stdout) << p.value(QStringLiteral("out")) << "\n";
        return 0;
    } catch (const std::exception &e) {
        return fail(cmd, QString::fromUtf8(e.what()));
    }
}

} // namespace

bool corridorDraws(int argc, char **argv)
{
    return argc > 2 && QLatin1String(argv[2]) == QLatin1String("report");
}

int runCorridor(const QStringList &args)
{
    const QString cmd = QStringLiteral("planlines corridor");
    struct Sub
    {
        const char *name;
        int (*run)(const QStringList &);
    };
    static constexpr Sub kSubs[] = {{"status", runStatus},
                                    {"update", runUpdate},
                                    {"import-progress", runImportProgress},
                                    {"locate", runLocate},
                                    {"report", runReport}};
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
        QTextStream(stdout) << "Usage: planlines corridor SUBCOMMAND [options]\n\n"
                               "Construction progress of the silt-back ecological corridor "
                               "(黄河淤背区百里生态廊道), segment by segment along the levee.\n\n"
                            << kSubcommands
                            << "\nplanlines corridor SUBCOMMAND --help shows its options.\n";
        return args.size() < 2 ? 2 : 0;
    }
    for (const auto &s : kSubs)
        if (args[1] == QLatin1String(s.name))
            return s.run(args.mid(1));
    return fail(
        cmd, QStringLiteral("unknown subcommand '%1' (see planlines corridor --help)").arg(args[1]),
        2);
}

} // namespace planlines::cli
