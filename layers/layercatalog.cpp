#include "layercatalog.h"

#include <geodata/error.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace planlines::layers {

namespace {

QJsonObject readJsonFile(const QString &path)
{
    const std::string context = path.toStdString();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw geodata::Error("cannot read the style file: " + file.errorString().toStdString(),
                             context);
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &err);
    if (err.error != QJsonParseError::NoError)
        throw geodata::Error("not valid JSON at offset " + std::to_string(err.offset) + ": " +
                                 err.errorString().toStdString(),
                             context);
    if (!doc.isObject())
        throw geodata::Error("expected a JSON object", context);
    return doc.object();
}

} // namespace

LayerCatalog LayerCatalog::load(const QString &directory)
{
    const QDir dir(directory);
    LayerCatalog catalog;
    const QString groupsPath = dir.filePath(QStringLiteral("groups.json"));
    const QJsonArray groups = readJsonFile(groupsPath)[u"groups"].toArray();
    for (const auto &g : groups) {
        const QJsonObject o = g.toObject();
        LayerGroup group{o[u"id"].toString().toStdString(), o[u"label"].toString(),
                         o[u"labelEn"].toString(), static_cast<int>(catalog.m_groups.size())};
        if (group.id.empty() || group.label.isEmpty())
            throw geodata::Error("a group needs an id and a label", groupsPath.toStdString());
        catalog.m_groups.push_back(std::move(group));
    }

    catalog.m_styles.resize(geodata::kAllRoles.size());
    for (const auto role : geodata::kAllRoles) {
        const QString path =
            dir.filePath(QString::fromLatin1(geodata::roleId(role)) + QStringLiteral(".json"));
        const std::string context = path.toStdString();
        auto style =
            std::make_shared<LayerStyle>(LayerStyle::fromJson(readJsonFile(path), context));
        if (style->role() != role)
            throw geodata::Error("the file's role is '" + std::string(roleId(style->role())) +
                                     "', expected '" + std::string(roleId(role)) + "'",
                                 context);
        catalog.group(style->groupId()); // throws for an unknown group
        catalog.m_styles[static_cast<size_t>(role)] = std::move(style);
    }
    return catalog;
}

const LayerGroup &LayerCatalog::group(std::string_view id) const
{
    for (const auto &g : m_groups)
        if (g.id == id)
            return g;
    throw geodata::Error("unknown layer group '" + std::string(id) + "'", "layer catalog");
}

std::shared_ptr<const LayerStyle> LayerCatalog::style(geodata::Role role) const
{
    return m_styles.at(static_cast<size_t>(role));
}

std::shared_ptr<const LayerStyle> LayerCatalog::styleFor(const geodata::LayerInfo &layer) const
{
    auto base = style(layer.role);
    auto variant = base->variantFor(layer.table, geometryKindOf(layer.geometryType));
    return variant ? variant : base;
}

std::vector<CatalogEntry> LayerCatalog::entries(const std::vector<geodata::LayerInfo> &layers) const
{
    std::vector<CatalogEntry> out;
    out.reserve(layers.size());
    for (const auto &info : layers) {
        auto s = styleFor(info);
        out.push_back({info, s, group(s->groupId()), s->visibleByDefault()});
    }
    std::stable_sort(out.begin(), out.end(), [](const CatalogEntry &a, const CatalogEntry &b) {
        if (a.style->drawOrder() != b.style->drawOrder())
            return a.style->drawOrder() < b.style->drawOrder();
        if (a.info.sortOrder != b.info.sortOrder)
            return a.info.sortOrder < b.info.sortOrder;
        return a.info.id < b.info.id;
    });
    return out;
}

} // namespace planlines::layers
