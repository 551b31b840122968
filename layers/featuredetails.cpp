#include "featuredetails.h"

#include <geodata/import/fieldaliases.h>

#include <cmath>
#include <variant>

namespace planlines::layers {

QString valueText(const geodata::Value &v)
{
    if (const auto *i = std::get_if<std::int64_t>(&v))
        return QString::number(*i);
    if (const auto *d = std::get_if<double>(&v)) {
        // Survey tables carry two decimals; a whole number is shown without any.
        if (std::abs(*d - std::round(*d)) < 1e-9 && std::abs(*d) < 1e15)
            return QString::number(static_cast<qint64>(std::llround(*d)));
        return QString::number(*d, 'f', 2);
    }
    if (const auto *s = std::get_if<std::string>(&v))
        return QString::fromStdString(*s);
    if (const auto *b = std::get_if<geodata::Blob>(&v))
        return QStringLiteral("(%1 bytes)").arg(b->size());
    return {};
}

QString fieldLabel(const std::vector<geodata::FieldDef> &registry, const std::string &field)
{
    for (const auto &f : registry)
        if (f.name == field && !f.alias.empty())
            return QString::fromStdString(f.alias);
    if (const auto alias = geodata::import::fieldAlias(field); !alias.empty())
        return QString::fromUtf8(alias.data(), static_cast<qsizetype>(alias.size()));
    return QString::fromStdString(field);
}

FeatureDetails readFeatureDetails(geodata::Project &project, const geodata::LayerInfo &layer,
                                  std::int64_t fid)
{
    const std::string context = "layer " + layer.name + ", feature " + std::to_string(fid);
    const auto source = project.features(layer);
    geodata::FeatureRequest request;
    request.attributes = source->columns();
    request.fids = {fid};
    request.skipNullGeometry = false;
    const auto row = source->query(request);
    if (!row->next())
        throw geodata::Error("no such feature", context);
    const auto &columns = request.attributes;

    FeatureDetails out;
    out.fid = fid;
    const auto registry = project.fields(layer.id);
    for (std::size_t i = 0; i < columns.size(); ++i)
        out.attributes.push_back({QString::fromStdString(columns[i]),
                                  fieldLabel(registry, columns[i]),
                                  valueText(row->value(static_cast<int>(i)))});
    if (row->hasGeometry()) {
        try {
            const auto g = row->geometry();
            out.envelope = g.envelope();
            const int type = g.typeId();
            if (type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON)
                out.areaM2 = g.area();
            else if (type == GEOS_LINESTRING || type == GEOS_MULTILINESTRING)
                out.lengthM = g.length();
        } catch (const geodata::Error &e) {
            throw geodata::Error(e.cause(), context);
        }
    }
    return out;
}

} // namespace planlines::layers
