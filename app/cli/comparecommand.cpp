#include "checkprogress.h"
#include "cli.h"
#include "commands.h"
#include "comparesheet.h"

#include <geodata/landuse/changelayer.h>
#include <geodata/landuse/comparison.h>
#include <geodata/project.h>
#include <layers/changexlsx.h>

#include <QCommandLineParser>
#include <QDir>
#include <QJsonDocument>
#include <QTextStream>

#include <chrono>
#include <cstdio>
#include <unistd.h>

namespace planlines::cli {

namespace {

using namespace geodata::landuse;
const QString kCommand = QStringLiteral("planlines compare");

// A usage mistake (exit status 2) rather than a failure of the comparison.
struct UsageError
{
    QString message;
};

// "v2" or "2" → 2.
int versionNumber(const QString &text, const char *option)
{
    QString t = text.trimmed();
    if (t.startsWith(QLatin1Char('v')) || t.startsWith(QLatin1Char('V')))
        t = t.mid(1);
    bool ok = false;
    const int v = t.toInt(&ok);
    if (!ok || v < 1)
        throw UsageError{
            QStringLiteral("%1 '%2' is not a version (v1, v2 …)").arg(QLatin1String(option), text)};
    return v;
}

// "比对 1200/3400 (35%)" on stderr: in place on a terminal, a line at a time with --progress.
class Progress
{
public:
    explicit Progress(bool forced) : m_terminal(isatty(2)), m_enabled(forced || m_terminal) {}
    void update(std::size_t done, std::size_t total)
    {
        const auto now = std::chrono::steady_clock::now();
        if (!m_enabled ||
            (done < total && now - m_last < std::chrono::milliseconds(m_terminal ? 200 : 2000)))
            return;
        m_last = now;
        std::fprintf(stderr, m_terminal ? "\r比对 %zu/%zu (%d%%)…" : "比对 %zu/%zu (%d%%)\n", done,
                     total, total ? static_cast<int>(done * 100 / total) : 100);
        std::fflush(stderr);
        m_printed = true;
    }
    ~Progress()
    {
        if (m_printed && m_terminal)
            std::fputc('\n', stderr);
    }

private:
    bool m_terminal, m_enabled, m_printed = false;
    std::chrono::steady_clock::time_point m_last;
};

void printSummary(const ChangeResult &r, const std::string &stored)
{
    QTextStream out(stdout);
    for (const auto &line : summaryLines(r))
        out << QString::fromStdString(line) << "\n";
    out << "面积：工作坐标系平面面积"
        << (r.hasOfficial ? "；图斑地类面积（TBDLMJ）按面积比例分摊见 --json / --xlsx" : "")
        << "\n";
    if (!stored.empty())
        out << "变化图斑已存为图层 " << QString::fromStdString(stored) << "\n";
}

} // namespace

int runCompare(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Compare two versions of a land-use layer (two survey years: --layer with --from and "
        "--to), or two land-use layers (--from-layer, --to-layer): the transfer matrix "
        "(转移矩阵) by 二级类 and 一级类 for the county and each township, 耕地流出/流入, the "
        "进出平衡 summary, changes inside 永久基本农田 and 生态保护红线, and geometry-only "
        "changes (split, merge, redraw) counted apart. Areas are planar in the working CRS; "
        "where both layers carry TBDLMJ and KCXS the official figure allocated by area share is "
        "given beside them (official_m2)."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Project (default: $PLANLINES_DB, else the sample county)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("layer"),
                 QStringLiteral("The land-use layer whose versions to "
                                "compare (name or table)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("from"), QStringLiteral("The earlier version (v1)."),
                 QStringLiteral("VERSION")});
    p.addOption({QStringLiteral("to"), QStringLiteral("The later version (v2)."),
                 QStringLiteral("VERSION")});
    p.addOption({QStringLiteral("from-layer"), QStringLiteral("The earlier land-use layer."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("to-layer"), QStringLiteral("The later land-use layer."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of the summary.")});
    p.addOption({QStringLiteral("csv"),
                 QStringLiteral("Write the tables as CSV files (UTF-8) into DIR."),
                 QStringLiteral("DIR")});
    p.addOption({QStringLiteral("xlsx"), QStringLiteral("Write the tables as sheets of F.xlsx."),
                 QStringLiteral("F.xlsx")});
    p.addOption({QStringLiteral("store"),
                 QStringLiteral("Store the change polygons as layer 地类变化_<from>_<to> "
                                "(a new version of it when it exists).")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Threads (default: all cores)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("progress"),
                 QStringLiteral("Show progress on stderr even when it is not a terminal.")});
    addCompareSheetOptions(p);
    if (!p.parse(args))
        return fail(kCommand, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, kCommand);
    if (!p.positionalArguments().isEmpty())
        return fail(kCommand,
                    QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments()[0]), 2);
    const bool byVersion = p.isSet(QStringLiteral("layer"));
    const bool byLayer =
        p.isSet(QStringLiteral("from-layer")) || p.isSet(QStringLiteral("to-layer"));
    if (byVersion == byLayer ||
        (byVersion && (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")))) ||
        (byLayer &&
         (!p.isSet(QStringLiteral("from-layer")) || !p.isSet(QStringLiteral("to-layer")))))
        return fail(kCommand,
                    QStringLiteral("give --layer NAME --from v1 --to v2, or --from-layer A "
                                   "--to-layer B (see --help)"),
                    2);
    int threads = 0;
    if (p.isSet(QStringLiteral("threads"))) {
        bool ok = false;
        threads = p.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || threads < 1)
            return fail(kCommand, QStringLiteral("--threads wants a number of threads ≥ 1"), 2);
    }
    const CompareSheetRequest sheet = compareSheetRequest(p);
    if (!sheet.error.isEmpty())
        return fail(kCommand, sheet.error, 2);
    const std::string db = p.isSet(QStringLiteral("db"))
                               ? p.value(QStringLiteral("db")).toStdString()
                               : defaultDatabase();
    const bool store = p.isSet(QStringLiteral("store")) || sheet.wanted;
    try {
        auto project = geodata::Project::open(db, /*readOnly=*/!store);
        LayerVersionRef fromRef, toRef;
        if (byVersion) {
            fromRef = {p.value(QStringLiteral("layer")).toStdString(),
                       versionNumber(p.value(QStringLiteral("from")), "--from")};
            toRef = {fromRef.layer, versionNumber(p.value(QStringLiteral("to")), "--to")};
        } else {
            fromRef = {p.value(QStringLiteral("from-layer")).toStdString(), 0};
            toRef = {p.value(QStringLiteral("to-layer")).toStdString(), 0};
        }
        const ResolvedComparison comparison = resolveComparison(*project, fromRef, toRef);
        CompareOptions options;
        options.threads = threads;
        Interruption interruption;
        Progress progress(p.isSet(QStringLiteral("progress")));
        options.progress = [&](std::size_t done, std::size_t total) {
            progress.update(done, total);
        };
        options.cancelled = [] { return Interruption::requested(); };
        ChangeResult result;
        try {
            result = runComparison(*project, comparison, options);
        } catch (const geodata::Error &e) {
            if (Interruption::requested())
                return fail(kCommand, QStringLiteral("interrupted: nothing written"),
                            128 + Interruption::signalNumber());
            throw;
        }

        if (p.isSet(QStringLiteral("csv")) || p.isSet(QStringLiteral("xlsx"))) {
            const auto tables = changeTables(result);
            if (p.isSet(QStringLiteral("csv"))) {
                const QString dir = p.value(QStringLiteral("csv"));
                if (!QDir().mkpath(dir))
                    throw geodata::Error("cannot create the directory", dir.toStdString());
                writeCsvTables(tables, dir.toStdString());
            }
            if (p.isSet(QStringLiteral("xlsx")))
                layers::writeXlsxTables(tables, p.value(QStringLiteral("xlsx")).toStdString());
        }
        std::string stored;
        std::optional<geodata::LayerInfo> storedLayer;
        if (store) {
            if (result.pieces.empty())
                std::fprintf(stderr, "planlines compare: no class changes: no layer stored\n");
            else
                stored =
                    (storedLayer = writeChangeLayer(*project, result, comparison.storeName))->name;
        }
        if (p.isSet(QStringLiteral("json"))) {
            QJsonObject o = changeJson(result);
            if (!stored.empty())
                o.insert("stored_layer", QString::fromStdString(stored));
            QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Indented);
        } else {
            printSummary(result, stored);
        }
        if (sheet.wanted)
            QTextStream(p.isSet(QStringLiteral("json")) ? stderr : stdout)
                << writeCompareSheets(sheet, db, result, storedLayer) << "\n";
        return 0;
    } catch (const UsageError &e) {
        return fail(kCommand, e.message, 2);
    } catch (const std::exception &e) {
        return fail(kCommand, QString::fromUtf8(e.what()));
    }
}

} // namespace planlines::cli
