// For the suites that run on both engines (issue 17): one stored feature read back through the
// project's interface (FeatureSource), whatever engine holds it, instead of the engine's SQL.
#pragma once

#include <geodata/project.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace planlines::geodata::test {

// A feature's wanted attributes, and its geometry (as GEOS and as flat arrays).
struct StoredFeature
{
    std::int64_t fid = 0;
    std::vector<Value> values;
    Geometry geometry;
    FlatGeometry flat;
    bool isNull(int i) const
    {
        return std::holds_alternative<std::monostate>(values.at(size_t(i)));
    }
    // Attribute i as text ("NULL" for a NULL; a number as SQLite's text of it would be).
    std::string text(int i) const
    {
        const Value &v = values.at(size_t(i));
        if (const auto *s = std::get_if<std::string>(&v))
            return *s;
        if (const auto *n = std::get_if<std::int64_t>(&v))
            return std::to_string(*n);
        if (const auto *d = std::get_if<double>(&v)) {
            std::string t = std::to_string(*d); // 12.500000 → 12.5
            t.erase(t.find_last_not_of('0') + 1);
            if (!t.empty() && t.back() == '.')
                t.pop_back();
            return t;
        }
        return "NULL";
    }
};

// The one feature of a layer (by its name or table) whose `column` equals `value`, or with
// column empty the layer's only feature, or with fid set that feature. Throws when there is
// none or more than one.
inline StoredFeature featureWhere(Project &p, const std::string &layer,
                                  std::vector<std::string> attrs, const std::string &column = {},
                                  const std::string &value = {}, std::int64_t fid = 0)
{
    const auto info = p.layer(layer);
    if (!info)
        throw std::runtime_error("no layer " + layer);
    const auto source = p.features(*info);
    // Names in any letter case, as SQL on SQLite would take them (GDAL's SQLite driver writes
    // its fields in lower case; the importer keeps a source's spelling).
    const auto real = [&](const std::string &name) {
        const std::string c = source->columnNamed(name);
        if (c.empty())
            throw std::runtime_error("layer " + layer + " has no column " + name);
        return c;
    };
    FeatureRequest r;
    for (const auto &a : attrs)
        r.attributes.push_back(real(a));
    if (!column.empty())
        r.match = AttributeMatch{real(column), value, AttributeMatch::Kind::Equals};
    if (fid != 0)
        r.fids = {fid};
    const auto row = source->query(r);
    const std::string which = column.empty() ? (fid ? " fid " + std::to_string(fid) : std::string())
                                             : " with " + column + " " + value;
    if (!row->next())
        throw std::runtime_error("no feature of " + layer + which);
    StoredFeature f;
    f.fid = row->fid();
    for (size_t i = 0; i < r.attributes.size(); ++i)
        f.values.push_back(row->value(int(i)));
    f.geometry = row->geometry();
    row->readGeometry(f.flat);
    if (row->next())
        throw std::runtime_error("more than one feature of " + layer + which);
    return f;
}

} // namespace planlines::geodata::test
