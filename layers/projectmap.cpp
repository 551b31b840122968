#include "projectmap.h"

#include <geodata/coordinatetransform.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <numeric>
#include <optional>
#include <thread>

namespace planlines::layers {

ProjectMap ProjectMap::load(const std::string &path, const LayerCatalog &catalog)
{
    return load(path, catalog, [](const CatalogEntry &) { return true; });
}

ProjectMap ProjectMap::load(const std::string &path, const LayerCatalog &catalog,
                            const std::function<bool(const CatalogEntry &)> &include)
{
    auto project = geodata::Project::open(path, /*readOnly=*/true);
    ProjectMap map;
    map.m_path = path;
    map.m_countyName = project->countyName();
    map.m_workingCrs = project->workingCrs();
    try {
        map.m_crsDescription = geodata::crsName(map.m_workingCrs);
    } catch (const geodata::Error &) {
        map.m_crsDescription = map.m_workingCrs; // the name is a courtesy; the code suffices
    }
    for (auto &entry : catalog.entries(project->layers()))
        if (include(entry))
            map.m_layers.push_back({std::move(entry), nullptr});
    loadLayers(path, std::move(project), map.m_layers);
    return map;
}

// The layers are read on up to one thread per core, each with its own read-only connection (a
// Project is used by one thread at a time), the biggest first: the land-use layer of a
// million parcels on one core while the other reads the rest. The first failure, in layer
// order, is thrown once all threads are done.
void ProjectMap::loadLayers(const std::string &path, std::unique_ptr<geodata::Project> first,
                            std::vector<MapLayer> &layers)
{
    std::vector<std::size_t> order(layers.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return layers[a].entry.info.featureCount > layers[b].entry.info.featureCount;
    });
    std::vector<std::exception_ptr> failures(layers.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&](geodata::Project *project) {
        std::unique_ptr<geodata::Project> own;
        for (std::size_t k; (k = next++) < order.size();) {
            const std::size_t i = order[k];
            try {
                if (!project) {
                    own = geodata::Project::open(path, /*readOnly=*/true);
                    project = own.get();
                }
                layers[i].data = LayerData::load(*project, layers[i].entry.info,
                                                 LayerData::optionsFor(*layers[i].entry.style));
            } catch (...) {
                failures[i] = std::current_exception();
            }
        }
    };
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const std::size_t helpers =
        std::min<std::size_t>(std::min(cores, 4U) - 1, layers.size() > 1 ? layers.size() - 1 : 0);
    std::vector<std::thread> threads;
    threads.reserve(helpers);
    for (std::size_t t = 0; t < helpers; ++t)
        threads.emplace_back(work, nullptr);
    work(first.get());
    for (auto &t : threads)
        t.join();
    for (const auto &failure : failures)
        if (failure)
            std::rethrow_exception(failure);
}

bool ProjectMap::anySynthetic() const
{
    return std::any_of(m_layers.begin(), m_layers.end(),
                       [](const MapLayer &l) { return l.entry.info.synthetic; });
}

geodata::Envelope ProjectMap::homeExtent() const
{
    auto unite = [](std::optional<geodata::Envelope> &acc, const geodata::Envelope &e) {
        if (!acc)
            acc = e;
        else
            acc = geodata::Envelope{std::min(acc->minX, e.minX), std::min(acc->minY, e.minY),
                                    std::max(acc->maxX, e.maxX), std::max(acc->maxY, e.maxY)};
    };
    std::optional<geodata::Envelope> townships, all;
    for (const auto &l : m_layers) {
        if (l.data->featureCount() == 0)
            continue;
        unite(all, l.data->extent());
        if (l.entry.info.role == geodata::Role::Township)
            unite(townships, l.data->extent());
    }
    return townships.value_or(all.value_or(geodata::Envelope{}));
}

std::vector<RenderLayer> ProjectMap::renderLayers(const std::vector<bool> &visible) const
{
    std::vector<RenderLayer> out;
    for (std::size_t i = 0; i < m_layers.size(); ++i)
        if (i < visible.size() && visible[i])
            out.push_back({m_layers[i].data, m_layers[i].entry.style, nullptr, 1});
    return out;
}

} // namespace planlines::layers
