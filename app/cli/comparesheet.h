// The --sheet options of `planlines compare` (comparesheet.cpp).
#pragma once

#include <geodata/landuse/changeanalysis.h>
#include <geodata/project.h>
#include <layers/sheet/sheettemplate.h>

#include <QString>

#include <optional>

class QCommandLineParser;

namespace planlines::cli {

struct CompareSheetRequest
{
    bool wanted = false; // --sheet given
    QString error;       // a usage mistake (exit status 2), "" when none
    QString out;
    bool byTownship = false;
    layers::sheet::SheetTemplate layout;
    double dpi = 300;
};

// True when this compare command line prints a sheet: it then needs a QGuiApplication.
bool compareDraws(int argc, char **argv);
// --sheet, --batch, --paper, --orientation, --dpi.
void addCompareSheetOptions(QCommandLineParser &p);
CompareSheetRequest compareSheetRequest(const QCommandLineParser &p);
// Writes the sheet(s) (whole or not at all); returns the line to print ("变化图：1 张，OUT").
// Throws geodata::Error naming the file.
QString writeCompareSheets(const CompareSheetRequest &request, const std::string &db,
                           const geodata::landuse::ChangeResult &result,
                           const std::optional<geodata::LayerInfo> &changeLayer);

} // namespace planlines::cli
