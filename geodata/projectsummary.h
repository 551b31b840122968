// What is in a project, as `planlines info` and the GUI's project panel show it: each layer
// with its role, count, CRS, version and total area in m², 亩 and 公顷.
#pragma once

#include "project.h"

#include <QJsonObject>

namespace planlines::geodata {

struct LayerSummary
{
    LayerInfo layer;
    double areaM2 = 0;  // polygon layers: sum of feature areas; otherwise 0
    double lengthM = 0; // line layers: sum of lengths; otherwise 0
    // Every kept version, oldest first (Project::layerVersions), when there is more than one.
    std::vector<LayerInfo> versions;
};

struct ProjectSummary
{
    std::string path;
    std::string countyName;
    std::string countyCode;
    std::string workingCrs;
    std::string crsName;
    int schemaVersion = 0;
    bool synthetic = false;
    // An offline copy made by `planlines snapshot`: the server it came from (without password)
    // and when it was taken (UTC); empty otherwise.
    std::string snapshotOf, snapshotTakenAt;
    std::vector<LayerSummary> layers;

    static ProjectSummary of(Project &project);
    QJsonObject toJson() const;
    // Plain-text table for the terminal (UTF-8).
    std::string toText() const;
};

} // namespace planlines::geodata
