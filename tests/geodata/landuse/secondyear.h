// A further survey year of the sample county's land use for the comparison tests, made by
// re-importing a modified copy of the current version of its 地类图斑 layer through LayerWriter
// (replaceKeepingHistory, so the version it starts from is kept: on the sample as built, which
// has 2023 as v1 and 2024 as v2, this writes v3 and keeps v2 as landuse_v2). The rule is by fid
// of the version it starts from, so tests can compute expected areas with SQL on that version
// alone:
//   fid % 20 == 0 and 耕地:  the whole parcel becomes 202 建制镇 (same coordinates);
//   fid % 20 == 5:          split at its box's vertical midline; the east half becomes 0301
//                           乔木林地 if it was 耕地, else 0103 旱地;
//   fid % 20 == 10:         split the same way, both halves keep their class (geometry only);
//   fid % 97 == 3:          gone (no parcel covers its land in the second year);
//   the rest unchanged.
#pragma once

#include <geodata/layerwriter.h>
#include <geodata/project.h>

#include <string>
#include <vector>

namespace planlines::geodata::landuse::test {

inline bool cultivatedCode(const std::string &c)
{
    return c == "0101" || c == "0102" || c == "0103";
}

// Writes the next version of layer `name` in project; returns it.
inline LayerInfo writeSecondYear(Project &project, const std::string &name = "地类图斑")
{
    const LayerInfo layer = *project.layer(name);
    auto source = project.features(layer);
    const auto fields = project.fields(layer.id);
    LayerSpec spec;
    spec.name = layer.name;
    spec.role = layer.role;
    spec.table = layer.table;
    spec.geometryType = layer.geometryType;
    spec.fields = fields;
    spec.source = "2024年度国土变更调查（测试）";
    spec.replaceKeepingHistory = true;
    int dlbm = -1, dlmc = -1;
    FeatureRequest request;
    for (const auto &f : fields) {
        if (f.name == "DLBM")
            dlbm = static_cast<int>(request.attributes.size());
        if (f.name == "DLMC")
            dlmc = static_cast<int>(request.attributes.size());
        request.attributes.push_back(f.name);
    }
    // Read everything first: the writer renames the table being read.
    struct Row
    {
        std::int64_t fid;
        Geometry g;
        std::vector<Value> values;
    };
    std::vector<Row> rows;
    {
        auto cursor = source->query(request);
        while (cursor->next()) {
            Row r{cursor->fid(), cursor->geometry(), {}};
            for (std::size_t i = 0; i < request.attributes.size(); ++i)
                r.values.push_back(cursor->value(static_cast<int>(i)));
            rows.push_back(std::move(r));
        }
    }
    source.reset();
    LayerWriter w(project, spec);
    for (auto &r : rows) {
        const std::string code = std::get<std::string>(r.values[dlbm]);
        if (r.fid % 97 == 3)
            continue;
        if (r.fid % 20 == 0 && cultivatedCode(code)) {
            r.values[dlbm] = std::string("202");
            r.values[dlmc] = std::string("建制镇");
        } else if (r.fid % 20 == 5 || r.fid % 20 == 10) {
            const Envelope b = r.g.envelope();
            const double mid = (b.minX + b.maxX) / 2;
            auto box = [](double x1, double y1, double x2, double y2) {
                const double xy[] = {x1, y1, x2, y1, x2, y2, x1, y2, x1, y1};
                return Geometry::polygon(xy);
            };
            Geometry west = r.g.intersection(box(b.minX - 1, b.minY - 1, mid, b.maxY + 1));
            Geometry east = r.g.intersection(box(mid, b.minY - 1, b.maxX + 1, b.maxY + 1));
            west = west.toMultiPolygon();
            east = east.toMultiPolygon();
            if (!west.isEmpty() && !east.isEmpty()) {
                w.add(west, r.values);
                if (r.fid % 20 == 5) {
                    const bool c = cultivatedCode(code);
                    r.values[dlbm] = std::string(c ? "0301" : "0103");
                    r.values[dlmc] = std::string(c ? "乔木林地" : "旱地");
                }
                w.add(east, r.values);
                continue;
            }
        }
        w.add(r.g, r.values);
    }
    return w.commit();
}

} // namespace planlines::geodata::landuse::test
