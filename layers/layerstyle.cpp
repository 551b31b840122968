#include "layerstyle.h"

#include <geodata/error.h>

#include <QJsonArray>

namespace planlines::layers {

namespace {

// A field may be given as "DLBM" or as candidates ["XZQMC", "NAME"].
std::vector<std::string> readStrings(const QJsonValue &v, const char *key,
                                     const std::string &context)
{
    std::vector<std::string> out;
    if (v.isString()) {
        out.push_back(v.toString().toStdString());
    } else if (v.isArray()) {
        for (const auto &e : v.toArray()) {
            if (!e.isString())
                throw geodata::Error(std::string("'") + key + "' must hold strings", context);
            out.push_back(e.toString().toStdString());
        }
    } else if (!v.isUndefined() && !v.isNull()) {
        throw geodata::Error(std::string("'") + key + "' must be a string or a list of strings",
                             context);
    }
    return out;
}

LabelRule readLabel(const QJsonObject &json, const std::string &context)
{
    LabelRule rule;
    rule.fields = readStrings(json[u"field"], "label.field", context);
    if (rule.fields.empty())
        throw geodata::Error("'label.field' is missing", context);
    rule.fontSizePt = json[u"fontSizePt"].toDouble(rule.fontSizePt);
    rule.bold = json[u"bold"].toBool(false);
    if (json.contains(u"color"))
        rule.color = QColor::fromString(json[u"color"].toString());
    if (json.contains(u"halo"))
        rule.halo =
            json[u"halo"].isNull() ? QColor() : QColor::fromString(json[u"halo"].toString());
    rule.maxScale = json[u"maxScale"].toDouble(0);
    rule.minFeaturePx = json[u"minFeaturePx"].toDouble(0);
    rule.priority = json[u"priority"].toInt(0);
    if (!rule.color.isValid() || rule.fontSizePt <= 0)
        throw geodata::Error("'label' needs a valid colour and a font size > 0", context);
    return rule;
}

std::optional<GeometryKind> kindFromName(const QString &name)
{
    if (name == u"point")
        return GeometryKind::Point;
    if (name == u"line")
        return GeometryKind::Line;
    if (name == u"polygon")
        return GeometryKind::Polygon;
    return std::nullopt;
}

} // namespace

void LayerStyle::apply(const QJsonObject &json, const std::string &context)
{
    if (json.contains(u"group"))
        m_groupId = json[u"group"].toString().toStdString();
    if (json.contains(u"drawOrder"))
        m_drawOrder = json[u"drawOrder"].toInt(m_drawOrder);
    if (json.contains(u"visible"))
        m_visible = json[u"visible"].toBool(m_visible);
    if (json.contains(u"symbol")) {
        m_symbol = Symbol::fromJson(json[u"symbol"].toObject(), m_symbol, context + ", symbol");
        // Categories kept from the base inherit the new symbol under their own keys.
        for (std::size_t i = 0; i < m_categories.size(); ++i)
            m_categories[i].symbol = Symbol::fromJson(m_categoryJson[i], m_symbol, context);
    }
    if (json.contains(u"categoryField"))
        m_categoryFields = readStrings(json[u"categoryField"], "categoryField", context);
    if (json.contains(u"categories")) {
        m_categories.clear();
        m_categoryJson.clear();
        for (const auto &cv : json[u"categories"].toArray()) {
            const QJsonObject c = cv.toObject();
            Category cat;
            cat.values = readStrings(c[u"value"], "value", context);
            if (cat.values.empty())
                throw geodata::Error("a category has no 'value'", context);
            const std::string where = context + ", category " + cat.values.front();
            cat.label = c[u"label"].toString(QString::fromStdString(cat.values.front()));
            cat.symbol = Symbol::fromJson(c, m_symbol, where);
            cat.labelMaxScale = c[u"labelMaxScale"].toDouble(0);
            m_categories.push_back(std::move(cat));
            m_categoryJson.push_back(c);
        }
    }
    if (!m_categories.empty() && m_categoryFields.empty())
        throw geodata::Error("'categories' given without 'categoryField'", context);
    if (json.contains(u"label")) {
        if (json[u"label"].isNull())
            m_label.reset();
        else
            m_label = readLabel(json[u"label"].toObject(), context + ", label");
    }
}

LayerStyle LayerStyle::fromJson(const QJsonObject &json, const std::string &context)
{
    LayerStyle s;
    const std::string roleId = json[u"role"].toString().toStdString();
    const auto role = geodata::roleFromId(roleId);
    if (!role)
        throw geodata::Error("unknown role '" + roleId + "'", context);
    s.m_role = *role;
    s.apply(json, context);
    if (s.m_groupId.empty())
        throw geodata::Error("'group' is missing", context);

    const QJsonObject kinds = json[u"geometry"].toObject();
    for (auto it = kinds.begin(); it != kinds.end(); ++it) {
        const auto kind = kindFromName(it.key());
        if (!kind)
            throw geodata::Error("'geometry' keys are point, line and polygon, not '" +
                                     it.key().toStdString() + "'",
                                 context);
        auto variant = std::make_shared<LayerStyle>(s);
        variant->m_kindVariants.clear();
        variant->apply(it.value().toObject(), context + ", geometry " + it.key().toStdString());
        s.m_kindVariants[*kind] = std::move(variant);
    }
    const QJsonObject tables = json[u"tables"].toObject();
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        // A table's variant refines its geometry kind's, when it names one.
        auto base = std::make_shared<LayerStyle>(s);
        if (const auto kind = kindFromName(t[u"geometry"].toString()))
            if (const auto k = s.m_kindVariants.find(*kind); k != s.m_kindVariants.end())
                base = std::make_shared<LayerStyle>(*k->second);
        base->m_kindVariants.clear();
        base->m_tableVariants.clear();
        base->apply(t, context + ", table " + it.key().toStdString());
        s.m_tableVariants[it.key().toStdString()] = std::move(base);
    }
    return s;
}

std::shared_ptr<const LayerStyle> LayerStyle::variantFor(std::string_view table,
                                                         GeometryKind kind) const
{
    if (const auto t = m_tableVariants.find(table); t != m_tableVariants.end())
        return t->second;
    if (const auto k = m_kindVariants.find(kind); k != m_kindVariants.end())
        return k->second;
    return nullptr;
}

const Category *LayerStyle::category(std::string_view value) const
{
    for (const auto &c : m_categories)
        for (const auto &v : c.values)
            if (v == value)
                return &c;
    return nullptr;
}

const Symbol &LayerStyle::symbolFor(std::string_view value) const
{
    const Category *c = category(value);
    return c ? c->symbol : m_symbol;
}

QColor LayerStyle::swatchColor() const
{
    return m_categories.empty() ? m_symbol.swatchColor()
                                : m_categories.front().symbol.swatchColor();
}

} // namespace planlines::layers
