// The layer catalog: the style files of every thematic role and the five groups of the layer
// panel. Given a project's layer registry it says how each layer is drawn, in which group it is
// listed, whether it starts visible and in what order the layers are stacked.
#pragma once

#include "layerstyle.h"

#include <geodata/project.h>

#include <QString>

#include <memory>
#include <vector>

namespace planlines::layers {

struct LayerGroup
{
    std::string id; // "three_zones"
    QString label;  // 三区三线
    QString labelEn;
    int index = 0; // position in the panel
};

// One project layer as the catalog places it.
struct CatalogEntry
{
    geodata::LayerInfo info;
    std::shared_ptr<const LayerStyle> style;
    LayerGroup group;
    bool visibleByDefault = true;
};

class LayerCatalog
{
public:
    // The styles compiled into the program.
    static QString builtinStyleDirectory() { return QStringLiteral(":/planlines/styles"); }

    // Reads groups.json and <role>.json for every role from directory. Throws geodata::Error
    // naming the file when one is missing, is not JSON, or has a bad entry.
    static LayerCatalog load(const QString &directory = builtinStyleDirectory());

    const std::vector<LayerGroup> &groups() const { return m_groups; }
    // The group of that id; throws geodata::Error for an unknown id.
    const LayerGroup &group(std::string_view id) const;
    // Every role has a style (load() guarantees it).
    std::shared_ptr<const LayerStyle> style(geodata::Role role) const;
    // The style of one layer: its role's, refined for its table or geometry kind.
    std::shared_ptr<const LayerStyle> styleFor(const geodata::LayerInfo &layer) const;

    // The layers with their styles, bottom to top: by the role's draw order, then the
    // registry's sort order, then id.
    std::vector<CatalogEntry> entries(const std::vector<geodata::LayerInfo> &layers) const;

private:
    std::vector<LayerGroup> m_groups;
    std::vector<std::shared_ptr<const LayerStyle>> m_styles; // indexed by Role
};

} // namespace planlines::layers
