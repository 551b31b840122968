// The symbology of one thematic role, read from layers/styles/<role>.json: its group in the layer
// panel, draw order, default visibility, the default symbol, the categories by a field's value
// (land use by DLBM, control units by ZHGKDYFL, …) and the label rule. A role that covers
// different layers (context: the county line, rivers, roads, places) refines the style per
// geometry kind ("geometry") and per table ("tables"), each a partial style over the base.
#pragma once

#include "geometrykind.h"
#include "symbol.h"

#include <geodata/role.h>

#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace planlines::layers {

struct Category
{
    std::vector<std::string> values; // field values drawn this way ("1", "优先保护单元")
    QString label;                   // the legend's text (水浇地)
    Symbol symbol;
    // > 0: features of this category are labelled only at scales of 1 : labelMaxScale and
    // larger (villages later than the county seat).
    double labelMaxScale = 0;
};

struct LabelRule
{
    std::vector<std::string> fields; // the first of these the table has is used
    double fontSizePt = 8;
    bool bold = false;
    QColor color{Qt::black};
    QColor halo{Qt::white}; // invalid: no halo
    // Labels are drawn at scales of 1 : maxScale and larger (0: at any scale).
    double maxScale = 0;
    // A polygon or line narrower and lower than this many pixels gets no label.
    double minFeaturePx = 0;
    int priority = 0; // higher wins a collision
};

class LayerStyle
{
public:
    // Parses one style file's object. Throws geodata::Error naming context on a bad entry.
    static LayerStyle fromJson(const QJsonObject &json, const std::string &context);

    geodata::Role role() const { return m_role; }
    const std::string &groupId() const { return m_groupId; }
    int drawOrder() const { return m_drawOrder; }
    bool visibleByDefault() const { return m_visible; }
    const Symbol &symbol() const { return m_symbol; }
    const std::vector<std::string> &categoryFields() const { return m_categoryFields; }
    const std::vector<Category> &categories() const { return m_categories; }
    const std::optional<LabelRule> &label() const { return m_label; }

    // The category whose values include value, or nullptr (then symbol() applies).
    const Category *category(std::string_view value) const;
    // The symbol for a feature whose category field holds value.
    const Symbol &symbolFor(std::string_view value) const;
    // What a one-swatch legend shows for the whole layer.
    QColor swatchColor() const;

    // The refinement for a layer of this table and kind (a table's wins over a kind's), or
    // nullptr when this style applies as it is.
    std::shared_ptr<const LayerStyle> variantFor(std::string_view table, GeometryKind kind) const;

private:
    // Applies the keys present in json over this style (used for files and variants).
    void apply(const QJsonObject &json, const std::string &context);

    geodata::Role m_role = geodata::Role::Context;
    std::string m_groupId;
    int m_drawOrder = 0;
    bool m_visible = true;
    Symbol m_symbol;
    std::vector<std::string> m_categoryFields;
    std::vector<Category> m_categories;
    std::vector<QJsonObject> m_categoryJson; // each category's own keys, to re-derive its symbol
    std::optional<LabelRule> m_label;
    std::map<std::string, std::shared_ptr<const LayerStyle>, std::less<>> m_tableVariants;
    std::map<GeometryKind, std::shared_ptr<const LayerStyle>> m_kindVariants;
};

} // namespace planlines::layers
