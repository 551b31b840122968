#include "comparison.h"

#include "../error.h"
#include "../role.h"

namespace planlines::geodata::landuse {

namespace {

LayerInfo layerNamed(Project &project, const std::string &name)
{
    const auto layer = project.layer(name);
    if (!layer)
        throw Error("no such layer (planlines info lists them)", "layer " + name);
    return *layer;
}

LayerInfo versionOf(Project &project, const LayerInfo &layer, int version)
{
    const auto versions = project.layerVersions(layer);
    if (version == 0 && !versions.empty())
        return versions.back();
    std::string kept;
    for (const auto &v : versions) {
        if (v.version == version)
            return v;
        kept += (kept.empty() ? "v" : ", v") + std::to_string(v.version);
    }
    throw Error("no version v" + std::to_string(version) + " (kept: " + kept + ")",
                "layer " + layer.name);
}

std::string roleText(Role role)
{
    return std::string(roleLabelZh(role)) + " (" + std::string(roleId(role)) + ")";
}

} // namespace

ResolvedComparison resolveComparison(Project &project, const LayerVersionRef &from,
                                     const LayerVersionRef &to)
{
    const LayerInfo fromLayer = layerNamed(project, from.layer);
    const LayerInfo toLayer = layerNamed(project, to.layer);
    if (fromLayer.role != toLayer.role)
        throw Error("layer " + fromLayer.name + " is " + roleText(fromLayer.role) + ", layer " +
                    toLayer.name + " is " + roleText(toLayer.role) +
                    ": compare two land-use layers");
    ResolvedComparison c;
    c.from = versionOf(project, fromLayer, from.version);
    c.to = versionOf(project, toLayer, to.version);
    auto label = [](const LayerInfo &layer, const LayerVersionRef &ref) {
        return ref.version == 0 ? layer.name : layer.name + " v" + std::to_string(ref.version);
    };
    c.fromLabel = label(fromLayer, from);
    c.toLabel = label(toLayer, to);
    if (fromLayer.id == toLayer.id && from.version != 0 && to.version != 0)
        c.storeName =
            "地类变化_v" + std::to_string(from.version) + "_v" + std::to_string(to.version);
    else
        c.storeName = "地类变化_" + c.fromLabel + "_" + c.toLabel;
    return c;
}

ChangeResult runComparison(Project &project, const ResolvedComparison &comparison,
                           CompareOptions options)
{
    // The later version on a connection of its own, so the two are read at once.
    std::unique_ptr<Project> second;
    try {
        second = Project::open(project.path(), /*readOnly=*/true);
    } catch (const Error &) {
        // Read both on the one connection, one after the other.
    }
    auto fromSource = project.features(comparison.from);
    auto toSource = (second ? *second : project).features(comparison.to);
    options.readInParallel = second != nullptr;
    auto first = [&](Role role) -> std::unique_ptr<FeatureSource> {
        const auto layers = project.layers(role);
        return layers.empty() ? nullptr : project.features(layers.front());
    };
    std::unique_ptr<FeatureSource> townships, farmland, redline;
    if (!options.townships && (townships = first(Role::Township)))
        options.townships = townships.get();
    if (!options.farmland && (farmland = first(Role::BasicFarmland)))
        options.farmland = farmland.get();
    if (!options.redline && (redline = first(Role::EcoRedline)))
        options.redline = redline.get();
    return compareLanduse(*fromSource, *toSource, comparison.fromLabel, comparison.toLabel,
                          options);
}

} // namespace planlines::geodata::landuse
