// A project's layers ready to draw: the catalog's entries bottom to top, each with its features
// loaded, plus what a map window shows about the project (county, working CRS, home extent).
// Loading opens its own read-only connections (one per thread it reads on), so it may run on
// any thread.
#pragma once

#include "layercatalog.h"
#include "layerdata.h"
#include "maprenderer.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace planlines::layers {

struct MapLayer
{
    CatalogEntry entry;
    std::shared_ptr<const LayerData> data;
};

class ProjectMap
{
public:
    // Opens the project at path read-only and loads every layer. Throws geodata::Error
    // (no such file, not a PlanLines project, unreadable layer) naming what failed.
    static ProjectMap load(const std::string &path, const LayerCatalog &catalog);
    // The same, reading only the layers include accepts (the others are left out entirely).
    static ProjectMap load(const std::string &path, const LayerCatalog &catalog,
                           const std::function<bool(const CatalogEntry &)> &include);

    const std::string &path() const { return m_path; }
    const std::string &countyName() const { return m_countyName; }
    const std::string &workingCrs() const { return m_workingCrs; } // "EPSG:4548"
    const std::string &crsDescription() const { return m_crsDescription; }
    const std::vector<MapLayer> &layers() const { return m_layers; }
    // True when any layer is synthetic (LayerInfo::synthetic): the window must say so.
    bool anySynthetic() const;
    // What to show at start: the townships' extent when there are any, else all layers'.
    geodata::Envelope homeExtent() const;
    // The layers whose flag in visible (one per layers() entry) is set, bottom to top.
    std::vector<RenderLayer> renderLayers(const std::vector<bool> &visible) const;

private:
    static void loadLayers(const std::string &path, std::unique_ptr<geodata::Project> first,
                           std::vector<MapLayer> &layers);
    std::string m_path;
    std::string m_countyName;
    std::string m_workingCrs;
    std::string m_crsDescription;
    std::vector<MapLayer> m_layers;
};

} // namespace planlines::layers
