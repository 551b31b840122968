// The batch (atlas): one sheet per project site or per township, named from the feature's own
// name field (XMMC for sites, XZQMC for townships), written into one multi-page PDF or one file
// per sheet; and the --extent words of the command line (county, site:NAME, township:NAME, a
// box) resolved against a project.
#pragma once

#include "sheetexporter.h"

#include <geodata/role.h>

#include <QString>

#include <vector>

namespace planlines::layers::sheet {

struct NamedFeature
{
    QString name;
    geodata::Envelope envelope;   // of every feature of that name
    std::vector<QPolygonF> rings; // their rings, working CRS (polygon layers; else empty)
};

// The named features of the layers of role (those with a label field), in table order; features
// sharing a name are one entry.
std::vector<NamedFeature> namedFeatures(const ProjectMap &map, geodata::Role role);

// "county", "site:NAME", "township:NAME" or "xmin,ymin,xmax,ymax" (working CRS, metres).
// Throws geodata::Error naming the text when it is malformed or names nothing.
geodata::Envelope resolveExtent(const ProjectMap &map, const QString &text);

// One sheet per named feature of role, from base: the title is the name, the frame fits the
// feature (or keeps base's scale), and the feature is outlined.
std::vector<SheetSpec> atlasSheets(const ProjectMap &map, geodata::Role role,
                                   const SheetSpec &base);

// The file of sheet index (0-based) for a pattern: "%03d" (any printf width) becomes index + 1,
// "<name>" the sheet's title with characters unsafe in file names replaced; a pattern with
// neither gets "-001" before its extension.
QString atlasFileName(const QString &pattern, int index, const QString &name);

// Writes the sheets: into pattern as one PDF when it ends in .pdf, else one PNG or SVG per sheet.
// Returns the files written (none when cancelled before the first). Throws geodata::Error,
// leaving none of the batch's files when one of them cannot be written.
std::vector<QString> writeAtlas(const SheetExporter &exporter, const QString &pattern,
                                const std::vector<SheetSpec> &sheets, const ExportOptions &options);

} // namespace planlines::layers::sheet
