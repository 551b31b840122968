#include "projectsummary.h"
#include "area.h"
#include "coordinatetransform.h"
#include "store/transfer.h"

#include <QJsonArray>

#include <cmath>
#include <cstdio>
#include <sstream>

namespace planlines::geodata {

ProjectSummary ProjectSummary::of(Project &project)
{
    ProjectSummary s;
    s.path = project.displayName(); // a server without its password
    s.countyName = project.countyName();
    s.countyCode = project.setting("county_code").value_or("");
    s.workingCrs = project.workingCrs();
    s.crsName = geodata::crsName(s.workingCrs);
    s.schemaVersion = project.schemaVersion();
    s.snapshotOf = project.setting(kSnapshotOfSetting).value_or("");
    s.snapshotTakenAt = project.setting(kSnapshotTakenAtSetting).value_or("");
    for (const auto &l : project.layers()) {
        LayerSummary ls{l, 0, 0, {}};
        if (l.version > 1)
            ls.versions = project.layerVersions(l);
        s.synthetic = s.synthetic || l.synthetic;
        const bool polygonal = l.geometryType.find("POLYGON") != std::string::npos;
        const bool linear = l.geometryType.find("LINESTRING") != std::string::npos;
        if (polygonal || linear) {
            const auto totals = project.features(l)->totals();
            (polygonal ? ls.areaM2 : ls.lengthM) = polygonal ? totals.areaM2 : totals.lengthM;
        }
        s.layers.push_back(std::move(ls));
    }
    return s;
}

static double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

QJsonObject ProjectSummary::toJson() const
{
    QJsonArray layerArray;
    for (const auto &ls : layers) {
        const auto &l = ls.layer;
        QJsonObject o{{"name", QString::fromStdString(l.name)},
                      {"role", QString::fromStdString(std::string(roleId(l.role)))},
                      {"role_label", QString::fromStdString(std::string(roleLabelZh(l.role)))},
                      {"table", QString::fromStdString(l.table)},
                      {"geometry_type", QString::fromStdString(l.geometryType)},
                      {"count", static_cast<qint64>(l.featureCount)},
                      {"crs", QString::fromStdString(l.crs)},
                      {"version", l.version},
                      {"source", QString::fromStdString(l.source)},
                      {"imported_at", QString::fromStdString(l.importedAt)},
                      {"checksum", QString::fromStdString(l.checksum)},
                      {"synthetic", l.synthetic},
                      {"area_m2", round2(ls.areaM2)},
                      {"area_mu", round2(m2ToMu(ls.areaM2))},
                      {"area_ha", round2(m2ToHa(ls.areaM2))}};
        if (ls.lengthM > 0)
            o.insert("length_m", round2(ls.lengthM));
        if (ls.versions.size() > 1) {
            // By number, as `compare --from vN` names them; not their tables, which the
            // engines name differently (store/transfer.cpp's baseTable).
            QJsonArray versions;
            for (const auto &v : ls.versions)
                versions.append(QJsonObject{{"version", v.version},
                                            {"count", static_cast<qint64>(v.featureCount)},
                                            {"source", QString::fromStdString(v.source)},
                                            {"imported_at", QString::fromStdString(v.importedAt)}});
            o.insert("versions", versions);
        }
        layerArray.append(o);
    }
    QJsonObject result{{"path", QString::fromStdString(path)},
                       {"county", QString::fromStdString(countyName)},
                       {"county_code", QString::fromStdString(countyCode)},
                       {"crs", QString::fromStdString(workingCrs)},
                       {"crs_name", QString::fromStdString(crsName)},
                       {"schema_version", schemaVersion},
                       {"synthetic", synthetic},
                       {"layers", layerArray}};
    if (!snapshotOf.empty())
        result.insert("snapshot",
                      QJsonObject{{"of", QString::fromStdString(snapshotOf)},
                                  {"taken_at", QString::fromStdString(snapshotTakenAt)}});
    return result;
}

std::string ProjectSummary::toText() const
{
    std::ostringstream out;
    out << "项目 " << countyName << " (" << countyCode << ")  " << path << "\n";
    out << "坐标系 " << workingCrs << "  " << crsName << "  schema " << schemaVersion << "\n";
    if (!snapshotOf.empty())
        out << "离线副本 snapshot of " << snapshotOf << " taken at " << snapshotTakenAt << "\n";
    if (synthetic)
        out << "注意：合成示例数据，非真实规划数据 (synthetic sample data)\n";
    char line[512];
    std::snprintf(line, sizeof line, "%-16s %-15s %9s %3s %16s %14s %12s\n", "role", "table",
                  "count", "ver", "area m²", "亩", "公顷");
    out << line;
    for (const auto &ls : layers) {
        const auto &l = ls.layer;
        std::snprintf(line, sizeof line, "%-16s %-15s %9lld %3d %16.2f %14.2f %12.2f  %s\n",
                      std::string(roleId(l.role)).c_str(), l.table.c_str(),
                      static_cast<long long>(l.featureCount), l.version, ls.areaM2,
                      m2ToMu(ls.areaM2), m2ToHa(ls.areaM2), l.name.c_str());
        out << line;
    }
    // The kept versions of layers imported over (a survey year over the last one).
    for (const auto &ls : layers) {
        if (ls.versions.size() < 2)
            continue;
        out << ls.layer.name << " 的版本 (versions):\n";
        for (const auto &v : ls.versions) {
            std::snprintf(line, sizeof line, "  v%-3d %-15s %9lld  %s  ", v.version,
                          v.table.c_str(), static_cast<long long>(v.featureCount),
                          v.importedAt.c_str());
            out << line << v.source << "\n";
        }
    }
    return out.str();
}

} // namespace planlines::geodata
