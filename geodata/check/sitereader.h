// Where the sites to check come from: any file the importer reads (each feature a site, in
// the working CRS through the importer's own SourceLocator, CrsResolver and GeometryCleaner),
// a boundary coordinate file (界址点坐标文件), or the project's own `site` layers. Nothing is
// written to the project. An invalid polygon is passed on as it is: the check repairs it and
// says so in the result (site.repairs), so the record keeps the site as given.
#pragma once

#include "checkengine.h"

#include "../project.h"

#include <optional>
#include <string>
#include <vector>

namespace planlines::geodata::check {

struct SiteBatch
{
    std::vector<CheckRequest> sites;
    std::vector<std::string> rejected; // "file, layer L, feature 3: cause" — not checked
    std::vector<std::string> notes;    // CRS decisions
};

class SiteReader
{
public:
    // Every polygon feature of every layer of the file. srs overrides the file's CRS, encoding
    // a Shapefile's text encoding. Throws geodata::Error naming the file when nothing can be read.
    static SiteBatch fromFile(Project &project, const std::string &path,
                              const std::optional<std::string> &srs = {},
                              const std::optional<std::string> &encoding = {});
    // The features of the project's site layers; nameOrId empty: all of them, else the ones
    // whose name field (XMMC, MC, NAME, DKMC) equals it or whose fid is that number.
    static SiteBatch fromProject(Project &project, const std::string &nameOrId = {});
};

} // namespace planlines::geodata::check
