// Imports a boundary coordinate file (界址点坐标文件, .txt with a [地块坐标] section) into the
// project: reads it with BoundaryFile (encoding detected or --encoding; CRS from the header or
// --srs), transforms every parcel to the working CRS, validates and repairs it like the GDAL
// path (GeometryCleaner), and writes one layer, role site unless --role says otherwise, with
// the parcel-line attributes as fields. Runs inside the caller's (FileImporter's) transaction;
// throws geodata::Error naming the file (and line) on anything that must fail the file.
#pragma once

#include "importoptions.h"
#include "importreport.h"

#include "../project.h"

#include <string>

namespace planlines::geodata::import {

class BoundaryImporter
{
public:
    BoundaryImporter(Project &project, const ImportOptions &options);

    // True when path is a boundary coordinate file: a regular .txt file (GDAL reads no .txt),
    // or a file of an extension GDAL is not asked to read whose first 64 KiB hold a [地块坐标]
    // section header in UTF-8 or GBK.
    static bool recognises(const std::string &path);

    // Imports the file, filling report (driver and one layer). Throws geodata::Error or
    // ImportCancelled; the caller rolls back.
    void run(const std::string &path, FileReport &report);

    // What FileReport::driver says for these files.
    static constexpr const char *kDriver = "boundary coordinate file (界址点坐标文件)";

private:
    Project &m_project;
    const ImportOptions &m_options;
};

} // namespace planlines::geodata::import
