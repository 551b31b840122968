// The search box's lookups in a project: names and codes in the layers staff search by (site
// XMMC, township XZQMC, parcel BSM/TBBH, red-line and control-unit names, place names), a
// chainage on the levee (a point by GEOS interpolation, and the corridor segment there), and
// a typed coordinate transformed to the working CRS. Every result carries where to zoom.
#pragma once

#include "mapviewport.h"
#include "searchparser.h"

#include <geodata/project.h>

#include <QString>

#include <optional>
#include <vector>

namespace planlines::layers {

struct SearchResult
{
    QString title;  // 光伏项目, K12+300, X 4115600.000  Y 571000.000
    QString detail; // 项目选址 · 项目名称
    std::string table;
    std::int64_t fid = -1;           // the feature to highlight, -1 when none
    geodata::Envelope envelope;      // where to zoom (working CRS)
    std::optional<WorldPoint> point; // a located point (chainage, coordinate)
};

struct SearchOutcome
{
    SearchQuery query;
    std::vector<SearchResult> results;
    QString message; // why there is nothing (out of range, no levee layer, …); empty if found
};

// Interprets input (parseSearch) and looks it up in project. Never throws: failures become
// the outcome's message.
SearchOutcome search(geodata::Project &project, const QString &input, int limit = 50);

// Indexes the code columns searched whole (parcel BSM/TBBH, township and unit codes, …) in the
// project file at path, once (CREATE INDEX IF NOT EXISTS), so such a search in a million
// parcels is a lookup rather than a scan. Returns false, changing nothing, when the file
// cannot be written (read-only, locked by a writer): searches then scan.
bool indexSearchCodes(const std::string &path);

// The parts, callable on their own.
std::vector<SearchResult> searchFeatures(geodata::Project &project, const QString &text, int limit);
// Throws geodata::Error (no line layer with 起点桩号 QDZH, chainage beyond the line's end).
SearchResult locateChainage(geodata::Project &project, double metres);
// Throws geodata::Error when the coordinate cannot be transformed.
SearchResult locateCoordinate(geodata::Project &project, const SearchQuery &query);

} // namespace planlines::layers
