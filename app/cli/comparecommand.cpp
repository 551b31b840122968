#include "comparecommand.h"

#include "checkprogress.h"
#include "cli.h"
#include "commands.h"
#include "comparesheet.h"

#include <geodata/area.h>
#include <geodata/landuse/changelayer.h>
#include <geodata/project.h>
#include <geodata/savefile.h>

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

#include <xlsxwriter.h>

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

geodata::LayerInfo versionOf(geodata::Project &project, const geodata::LayerInfo &layer,
                             int version)
{
    const auto versions = project.layerVersions(layer);
    std::string kept;
    for (const auto &v : versions) {
        if (v.version == version)
            return v;
        kept += (kept.empty() ? "v" : ", v") + std::to_string(v.version);
    }
    throw geodata::Error("no version v" + std::to_string(version) + " (kept: " + kept + ")",
                         "layer " + layer.name);
}

geodata::LayerInfo layerNamed(geodata::Project &project, const QString &name)
{
    const auto layer = project.layer(name.toStdString());
    if (!layer)
        throw geodata::Error("no such layer (planlines info lists them)",
                             "layer " + name.toStdString());
    return *layer;
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

QString mu(double m2)
{
    return QString::number(geodata::m2ToMu(m2), 'f', 2) + QStringLiteral(" 亩");
}

void printSummary(const ChangeResult &r, const std::string &stored)
{
    QTextStream out(stdout);
    const Balance b = balance(r.matrix);
    double changed = 0;
    for (const auto &p : r.pieces)
        changed += p.areaM2;
    out << "比对 " << QString::fromStdString(r.fromLabel) << " → "
        << QString::fromStdString(r.toLabel) << "\n";
    out << "图斑：原 " << r.oldParcels << "，现 " << r.newParcels << "；未变 " << r.unchangedParcels
        << "，仅地类变化 " << r.reclassifiedParcels << "，叠加分析 原 " << r.overlaidOld << " / 现 "
        << r.overlaidNew << "\n";
    out << "地类变化：" << r.pieces.size() << " 个变化图斑，" << mu(changed) << "（"
        << QString::number(changed, 'f', 2) << " 平方米）\n";
    out << "仅图形变化（分割、合并、重绘，地类未变）：原 " << r.geometryOnlyOld << " / 现 "
        << r.geometryOnlyNew << " 个图斑，" << mu(r.geometryOnlyM2) << "\n";
    out << "耕地流出 " << mu(b.outflowM2) << "，流入 " << mu(b.inflowM2) << "，净增减 "
        << mu(b.netM2()) << "\n";
    out << "进出平衡：转为园地、林地、草地等 " << mu(b.balanceOutM2) << "，转回耕地 "
        << mu(b.balanceInM2) << "，" << (b.balanced() ? "已落实" : "未落实") << "\n";
    for (const auto *z : {&r.farmland, &r.redline})
        if (z->present)
            out << (z == &r.farmland ? "永久基本农田" : "生态保护红线") << "内地类变化 "
                << mu(z->areaM2) << "，其中耕地流出 " << mu(z->cultivatedOutflowM2) << "\n";
    out << "面积：工作坐标系平面面积"
        << (r.hasOfficial ? "；图斑地类面积（TBDLMJ）按面积比例分摊见 --json / --xlsx" : "")
        << "\n";
    if (!stored.empty())
        out << "变化图斑已存为图层 " << QString::fromStdString(stored) << "\n";
}

} // namespace

void writeXlsxTables(const std::vector<Table> &tables, const std::string &path)
{
    // libxlsxwriter writes a file of its own: built in a temporary directory, then saved over
    // the target whole.
    QTemporaryDir dir;
    if (!dir.isValid())
        throw geodata::Error(
            "cannot make a temporary directory: " + dir.errorString().toStdString(), path);
    const std::string work = dir.filePath(QStringLiteral("compare.xlsx")).toStdString();
    const std::string tmp = dir.path().toStdString();
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = const_cast<char *>(tmp.c_str());
    lxw_workbook *book = workbook_new_opt(work.c_str(), &options);
    if (!book)
        throw geodata::Error("cannot create the workbook", path);
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    for (const auto &t : tables) {
        if (t.rows.size() >= 1048576)
            throw geodata::Error("sheet " + t.sheet + " has " + std::to_string(t.rows.size()) +
                                     " rows, more than an Excel sheet holds: use --csv",
                                 path);
        lxw_worksheet *sheet = workbook_add_worksheet(book, t.sheet.c_str());
        for (std::size_t c = 0; c < t.headers.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_write_string(sheet, 0, col, t.headers[c].c_str(), bold);
            worksheet_set_column(sheet, col, col,
                                 std::max(10.0, static_cast<double>(t.headers[c].size()) * 0.8),
                                 nullptr);
        }
        worksheet_freeze_panes(sheet, 1, 1);
        lxw_row_t r = 1;
        for (const auto &row : t.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                const auto col = static_cast<lxw_col_t>(c);
                const auto &v = row[c].value;
                if (const auto *s = std::get_if<std::string>(&v)) {
                    if (!s->empty())
                        worksheet_write_string(sheet, r, col, s->c_str(), nullptr);
                } else if (const auto *i = std::get_if<std::int64_t>(&v)) {
                    worksheet_write_number(sheet, r, col, static_cast<double>(*i), nullptr);
                } else {
                    worksheet_write_number(sheet, r, col, std::get<double>(v), nullptr);
                }
            }
            ++r;
        }
    }
    if (const lxw_error e = workbook_close(book); e != LXW_NO_ERROR)
        throw geodata::Error(std::string("cannot write the workbook: ") + lxw_strerror(e), path);
    QFile f(QString::fromStdString(work));
    if (!f.open(QIODevice::ReadOnly))
        throw geodata::Error("cannot read the workbook back: " + f.errorString().toStdString(),
                             path);
    const QByteArray bytes = f.readAll();
    geodata::saveFile(path, std::string_view(bytes.constData(), static_cast<size_t>(bytes.size())));
}

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
        geodata::LayerInfo from, to;
        std::string fromLabel, toLabel, storeName;
        if (byVersion) {
            const auto layer = layerNamed(*project, p.value(QStringLiteral("layer")));
            const int v1 = versionNumber(p.value(QStringLiteral("from")), "--from");
            const int v2 = versionNumber(p.value(QStringLiteral("to")), "--to");
            from = versionOf(*project, layer, v1);
            to = versionOf(*project, layer, v2);
            fromLabel = layer.name + " v" + std::to_string(v1);
            toLabel = layer.name + " v" + std::to_string(v2);
            storeName = "地类变化_v" + std::to_string(v1) + "_v" + std::to_string(v2);
        } else {
            from = layerNamed(*project, p.value(QStringLiteral("from-layer")));
            to = layerNamed(*project, p.value(QStringLiteral("to-layer")));
            if (from.role != to.role)
                throw geodata::Error(
                    "layer " + from.name + " is " + std::string(geodata::roleLabelZh(from.role)) +
                    " (" + std::string(geodata::roleId(from.role)) + "), layer " + to.name +
                    " is " + std::string(geodata::roleLabelZh(to.role)) + " (" +
                    std::string(geodata::roleId(to.role)) + "): compare two land-use layers");
            fromLabel = from.name;
            toLabel = to.name;
            storeName = "地类变化_" + from.name + "_" + to.name;
        }
        auto fromSource = project->features(from);
        auto toSource = project->features(to);
        CompareOptions options;
        options.threads = threads;
        std::unique_ptr<geodata::FeatureSource> townships, farmland, redline;
        auto first = [&](geodata::Role role) -> std::unique_ptr<geodata::FeatureSource> {
            const auto layers = project->layers(role);
            return layers.empty() ? nullptr : project->features(layers.front());
        };
        townships = first(geodata::Role::Township);
        farmland = first(geodata::Role::BasicFarmland);
        redline = first(geodata::Role::EcoRedline);
        options.townships = townships.get();
        options.farmland = farmland.get();
        options.redline = redline.get();
        Interruption interruption;
        Progress progress(p.isSet(QStringLiteral("progress")));
        options.progress = [&](std::size_t done, std::size_t total) {
            progress.update(done, total);
        };
        options.cancelled = [] { return Interruption::requested(); };
        ChangeResult result;
        try {
            result = compareLanduse(*fromSource, *toSource, fromLabel, toLabel, options);
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
                writeXlsxTables(tables, p.value(QStringLiteral("xlsx")).toStdString());
        }
        std::string stored;
        std::optional<geodata::LayerInfo> storedLayer;
        if (store) {
            if (result.pieces.empty())
                std::fprintf(stderr, "planlines compare: no class changes: no layer stored\n");
            else
                stored = (storedLayer = writeChangeLayer(*project, result, storeName))->name;
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
