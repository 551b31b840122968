#include "layerplan.h"
#include "measurement.h"

#include "../coordinatetransform.h"

#include <QString>

#include <algorithm>
#include <map>

namespace planlines::geodata::check {

namespace {

// The first candidate present among the layer's fields (case-insensitive), quoted.
std::string pick(const std::vector<FieldDef> &fields, std::initializer_list<const char *> wanted)
{
    for (const char *w : wanted)
        for (const auto &f : fields)
            if (QString::fromStdString(f.name).compare(QString::fromUtf8(w), Qt::CaseInsensitive) ==
                0)
                return quoteIdentifier(f.name);
    return {};
}

bool nameMatches(const std::string &layerName, const std::vector<std::string> &parts)
{
    if (parts.empty())
        return true;
    return std::any_of(parts.begin(), parts.end(), [&](const std::string &p) {
        return layerName.find(p) != std::string::npos;
    });
}

} // namespace

bool DistanceTargetSpec::measuresTo(const std::string &layerName,
                                    const std::string &featureName) const
{
    return featureNameContains.empty() || nameMatches(layerName, featureNameContains) ||
           nameMatches(featureName, featureNameContains);
}

const RoleOverlap &Measurement::overlap(const std::string &role) const
{
    static const RoleOverlap none;
    auto it = overlaps.find(role);
    return it == overlaps.end() ? none : it->second;
}

std::vector<std::pair<std::string, double>> Measurement::villages() const
{
    std::map<std::string, double> byName;
    for (const auto &row : landuseDetail)
        if (!row.zldwmc.empty())
            byName[row.zldwmc] += row.areaM2;
    return {byName.begin(), byName.end()};
}

std::vector<std::pair<std::string, double>> Measurement::ownership() const
{
    std::map<std::string, double> byCode;
    for (const auto &row : landuseDetail)
        byCode[row.qsxz] += row.areaM2;
    return {byCode.begin(), byCode.end()};
}

EnginePlan EnginePlan::of(Project &project, std::vector<DistanceTargetSpec> targets,
                          std::vector<ExclusionSpec> exclusions)
{
    // Areas and distances are planar in the working CRS: degrees would give nonsense m².
    const std::string crs = project.workingCrs();
    if (!crsIsProjectedInMetres(crs))
        throw Error("the project's working CRS " + crs + " (" + crsName(crs) +
                        ") is not projected in metres, so areas and distances cannot be "
                        "measured in m² and m; check in a project with a projected working CRS "
                        "such as EPSG:4548 (import the layers with --project-srs EPSG:4548)",
                    project.displayName());
    EnginePlan plan;
    plan.exclusions = std::move(exclusions);
    plan.projectPath = project.path();
    plan.engine = project.engine();
    plan.distanceTargets = std::move(targets);
    auto describe = [&](const LayerInfo &info) {
        LayerPlan l;
        l.role = std::string(roleId(info.role));
        l.name = info.name;
        l.table = info.table;
        l.version = info.version;
        l.checksum = info.checksum;
        l.info = info;
        l.featureCount = info.featureCount;
        l.polygonal = info.geometryType.find("POLYGON") != std::string::npos;
        // Land use is always read per site: its 地类 breakdown is built on that path.
        l.inMemory = info.featureCount <= kInMemoryMaxFeatures && info.role != Role::Landuse;
        l.hasIndex = project.engine() == Engine::SpatiaLite &&
                     project.hasTable("idx_" + info.table + "_geom");
        const auto fields = project.fields(info.id);
        const std::string &r = l.role;
        if (r == "basic_farmland")
            l.codeField = pick(fields, {"YJJBNTTBBH", "BSM", "TBBH"});
        else if (r == "eco_redline")
            l.codeField = pick(fields, {"HXBM", "BSM"});
        else if (r == "urban_boundary")
            l.codeField = pick(fields, {"GHFQDM", "BSM"});
        else if (r == "control_unit")
            l.codeField = pick(fields, {"HJZHGKDYBM", "BSM"});
        else if (r == "corridor")
            l.codeField = pick(fields, {"SEGID", "BSM"});
        else if (r == "landuse")
            l.codeField = pick(fields, {"BSM", "TBBH"});
        else if (r == "township")
            l.codeField = pick(fields, {"XZQDM", "BSM"});
        if (l.codeField.empty())
            l.codeField = pick(fields, {"BSM", "DM", "CODE", "BM", "ID"});
        if (r == "basic_farmland" || r == "landuse")
            l.nameField = pick(fields, {"DLMC", "ZLDWMC"});
        else if (r == "eco_redline")
            l.nameField = pick(fields, {"HXMC", "HXLX"});
        else if (r == "urban_boundary")
            l.nameField = pick(fields, {"GHFQMC", "GNFQMC"});
        else if (r == "control_unit")
            l.nameField = pick(fields, {"HJZHGKDYMC"});
        else if (r == "corridor" || r == "township")
            l.nameField = pick(fields, {"XZQMC", "MC"});
        if (l.nameField.empty())
            l.nameField = pick(fields, {"MC", "NAME", "XMMC", "XZQMC"});
        if (r == "landuse" || r == "basic_farmland") {
            l.dlbmField = pick(fields, {"DLBM"});
            l.dlmcField = pick(fields, {"DLMC"});
        }
        if (r == "landuse")
            l.parcelFields = {pick(fields, {"QSXZ"}), pick(fields, {"ZLDWMC"}),
                              pick(fields, {"KCXS"}), pick(fields, {"GDDB"})};
        if (tilingRole(r) && l.polygonal)
            l.overlaps =
                std::make_shared<const OverlapIndex>(project.features(info)->featureOverlaps());
        if (r == "control_unit") {
            l.classField = pick(fields, {"ZHGKDYFL", "GKDYFL"});
            for (const char *h : {"KJBJYS", "PWWPFGK", "HJFXFK", "ZYKFXLYQ"})
                if (auto f = pick(fields, {h}); !f.empty())
                    l.listFields.push_back(f);
        }
        return l;
    };
    for (const char *role : kOverlapRoles) {
        if (std::string(role) == "cultivated")
            continue; // read from landuse
        auto r = roleFromId(role);
        auto layers = project.layers(*r);
        if (layers.empty())
            plan.missingRoles.push_back(role);
        for (const auto &info : layers) {
            LayerPlan l = describe(info);
            if (l.polygonal)
                plan.layers.push_back(std::move(l));
        }
    }
    // The townships, for the report's 位置 (never an overlap role: no rule reads them).
    for (const auto &info : project.layers(Role::Township)) {
        LayerPlan l = describe(info);
        if (!l.polygonal)
            continue;
        l.inMemory = true;
        l.location = true;
        plan.layers.push_back(std::move(l));
    }
    for (const auto &t : plan.distanceTargets) {
        auto r = roleFromId(t.role);
        if (!r)
            continue;
        for (const auto &info : project.layers(*r)) {
            if (!nameMatches(info.name, t.nameContains))
                continue;
            LayerPlan l = describe(info);
            l.distanceKey = t.key;
            l.inMemory = true;
            plan.layers.push_back(std::move(l));
        }
    }
    return plan;
}

} // namespace planlines::geodata::check
