// Imports one layer of an opened GDAL dataset into the project: decides its role and CRS,
// converts every feature (GeometryCleaner), writes them through LayerWriter (a new layer, or a
// new version of the layer of the same name and role) and fills the layer's report. Runs
// inside the caller's transaction; throws on anything that must fail the whole file.
#pragma once

#include "importoptions.h"
#include "importreport.h"
#include "sourcelocator.h"

#include "../project.h"

#include <ogr_api.h>

namespace planlines::geodata::import {

struct KmlContainerData;

class LayerImporter
{
public:
    LayerImporter(Project &project, const ImportOptions &options);
    // report arrives with sourceLayer and encoding filled; throws geodata::Error with the file
    // and layer as context, or ImportCancelled.
    // rawEncoding: the text of this layer arrives undecoded in that encoding (a Shapefile
    // opened with ENCODING=""); empty when GDAL already gives UTF-8.
    // extended: the layer's KML <ExtendedData>, kept as text fields when its Placemarks match
    // the layer's features one to one.
    void run(const SourceUnit &unit, OGRLayerH layer, LayerReport &report,
             const std::string &rawEncoding = {}, const KmlContainerData *extended = nullptr);

private:
    Project &m_project;
    const ImportOptions &m_options;
};

} // namespace planlines::geodata::import
