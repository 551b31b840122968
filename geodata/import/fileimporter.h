// Imports one file (every dataset and layer in it) into a project in one transaction: all of
// it, or nothing when any layer fails or the import is cancelled. Never throws for bad input:
// the FileReport says what happened. Boundary coordinate files (.txt, [地块坐标]) go to
// BoundaryImporter, everything else to GDAL (SourceLocator, LayerImporter).
#pragma once

#include "importoptions.h"
#include "importreport.h"

#include "../project.h"

namespace planlines::geodata::import {

class FileImporter
{
public:
    FileImporter(Project &project, ImportOptions options);
    FileReport import(const std::string &path);
    // The extensions a file may have: ".shp .gdb … .zip .kmz".
    static std::string supportedExtensions();

private:
    void importAll(const std::string &path, FileReport &report);
    Project &m_project;
    ImportOptions m_options;
};

} // namespace planlines::geodata::import
