// `planlines compare --sheet OUT`: the map sheet of the changes (layers/sheet/changesheets.h),
// one for the county or, with --batch townships, one per township with changes. The options
// are read here so comparecommand.cpp only adds them and calls writeCompareSheets.
#include "comparesheet.h"

#include <layers/layercatalog.h>
#include <layers/sheet/changesheets.h>
#include <layers/sheet/sheetatlas.h>

#include <geodata/error.h>

#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <cstring>

namespace planlines::cli {

namespace {

const QString kSheet = QStringLiteral("sheet");
const QString kBatch = QStringLiteral("batch");
const QString kPaper = QStringLiteral("paper");
const QString kOrientation = QStringLiteral("orientation");
const QString kDpi = QStringLiteral("dpi");

} // namespace

bool compareDraws(int argc, char **argv)
{
    for (int i = 2; i < argc; ++i)
        if (!std::strncmp(argv[i], "--sheet", 7))
            return true;
    return false;
}

void addCompareSheetOptions(QCommandLineParser &p)
{
    p.addOption({kSheet,
                 QStringLiteral("Print the map sheet of the changes (.pdf, .png or .svg): the "
                                "change polygons by type over the current land use, the "
                                "一级类 transfer matrix in 亩 and 耕地流出/流入. Stores the "
                                "change layer (as --store)."),
                 QStringLiteral("OUT")});
    p.addOption({kBatch,
                 QStringLiteral("With --sheet: townships, one sheet per township with changes "
                                "(its own matrix; one PDF page each, or OUT-001.png …)."),
                 QStringLiteral("townships")});
    p.addOption({kPaper, QStringLiteral("With --sheet: A4, A3 (default), A1 or A0."),
                 QStringLiteral("SIZE"), QStringLiteral("A3")});
    p.addOption({kOrientation, QStringLiteral("With --sheet: landscape (default) or portrait."),
                 QStringLiteral("O"), QStringLiteral("landscape")});
    p.addOption({kDpi, QStringLiteral("With --sheet: PNG resolution (default 300)."),
                 QStringLiteral("N"), QStringLiteral("300")});
}

CompareSheetRequest compareSheetRequest(const QCommandLineParser &p)
{
    CompareSheetRequest r;
    const bool sheetOnly =
        p.isSet(kBatch) || p.isSet(kPaper) || p.isSet(kOrientation) || p.isSet(kDpi);
    if (!p.isSet(kSheet)) {
        if (sheetOnly)
            r.error = QStringLiteral("--batch, --paper, --orientation and --dpi go with --sheet");
        return r;
    }
    r.wanted = true;
    r.out = p.value(kSheet);
    if (!layers::sheet::sheetFormatFor(r.out)) {
        r.error = QStringLiteral("--sheet %1: unknown format (use .pdf, .png or .svg)").arg(r.out);
        return r;
    }
    // Checked before the comparison runs and the change layer is stored.
    const QFileInfo folder(QFileInfo(r.out).absolutePath());
    if (!folder.isDir() || !folder.isWritable()) {
        r.error = QStringLiteral("--sheet %1: the folder %2 %3")
                      .arg(r.out, folder.filePath(),
                           folder.isDir() ? QStringLiteral("cannot be written")
                                          : QStringLiteral("does not exist"));
        return r;
    }
    if (p.isSet(kBatch)) {
        if (p.value(kBatch).trimmed() != QLatin1String("townships")) {
            r.error = QStringLiteral("--batch %1: expected townships").arg(p.value(kBatch));
            return r;
        }
        r.byTownship = true;
    }
    const auto paper = layers::sheet::paperFromName(p.value(kPaper));
    const auto orientation = layers::sheet::orientationFromName(p.value(kOrientation));
    if (!paper) {
        r.error = QStringLiteral("--paper %1: expected A4, A3, A1 or A0").arg(p.value(kPaper));
        return r;
    }
    if (!orientation) {
        r.error = QStringLiteral("--orientation %1: expected landscape or portrait")
                      .arg(p.value(kOrientation));
        return r;
    }
    r.layout = layers::sheet::SheetTemplate::make(*paper, *orientation);
    bool ok = false;
    r.dpi = p.value(kDpi).toDouble(&ok);
    if (!ok || r.dpi < 30 || r.dpi > 1200)
        r.error = QStringLiteral("--dpi %1: expected 30 … 1200").arg(p.value(kDpi));
    return r;
}

QString writeCompareSheets(const CompareSheetRequest &request, const std::string &db,
                           const geodata::landuse::ChangeResult &result,
                           const std::optional<geodata::LayerInfo> &changeLayer)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        throw geodata::Error("printing a sheet needs a QGuiApplication (run as planlines compare)");
    // The project's layers are read anew: the change layer was stored after it was opened.
    const auto [sheets, files] = layers::sheet::writeChangeSheets(
        db, result, changeLayer, request.layout, request.dpi, request.byTownship, request.out);
    return QStringLiteral("变化图：%1 张，%2")
        .arg(sheets)
        .arg(files.size() == 1 ? files.front()
                               : QStringLiteral("%1 … %2").arg(files.front(), files.back()));
}

} // namespace planlines::cli
