// planlines boundary: writes a site (any polygon feature of the project) as a boundary
// coordinate file (界址点坐标文件) for land approval: GBK, CRLF, X northing / Y easting with the
// zone prefix, rings closed, area in 公顷.
#include "cli.h"
#include "commands.h"

#include <geodata/area.h>
#include <geodata/import/boundaryfile.h>
#include <geodata/project.h>

#include <QCommandLineParser>
#include <QTextStream>

#include <algorithm>

namespace planlines::cli {
namespace {

const QString kCommand = QStringLiteral("planlines boundary");

// The field that names a feature: the 三调/task-list codes first, then common names.
std::string nameField(const std::vector<geodata::FieldDef> &fields)
{
    for (const char *candidate :
         {"XMMC", "项目名称", "DKMC", "地块名称", "MC", "NAME", "Name", "name"})
        for (const auto &f : fields)
            if (f.name == candidate)
                return f.name;
    return {};
}

struct Found
{
    std::int64_t fid = 0;
    std::string name;
    geodata::Geometry geometry;
};

Found findFeature(geodata::Project &project, const geodata::LayerInfo &layer,
                  const std::string &wanted)
{
    const std::string field = nameField(project.fields(layer.id));
    bool isNumber = false;
    const qlonglong fid = QString::fromStdString(wanted).toLongLong(&isNumber);
    const auto source = project.features(layer);
    std::vector<Found> found;
    const auto collect = [&](geodata::FeatureRequest request) {
        if (!field.empty())
            request.attributes = {field};
        request.skipNullGeometry = false;
        const auto row = source->query(request);
        while (row->next()) {
            if (std::any_of(found.begin(), found.end(),
                            [&](const Found &f) { return f.fid == row->fid(); }))
                continue;
            const auto name = field.empty() ? geodata::Value() : row->value(0);
            const auto *text = std::get_if<std::string>(&name);
            found.push_back({row->fid(), text ? *text : std::string(),
                             row->hasGeometry() ? row->geometry() : geodata::Geometry()});
        }
    };
    if (isNumber) {
        geodata::FeatureRequest byFid;
        byFid.fids = {fid};
        collect(byFid);
    }
    if (!field.empty()) {
        geodata::FeatureRequest byName;
        byName.match =
            geodata::AttributeMatch{field, wanted, geodata::AttributeMatch::Kind::Equals};
        collect(byName);
    }
    const std::string where = "layer " + layer.name;
    if (found.empty())
        throw geodata::Error("no feature with fid or " + (field.empty() ? "name" : field) + " '" +
                                 wanted + "'",
                             where);
    if (found.size() > 1)
        throw geodata::Error(std::to_string(found.size()) + " features are named '" + wanted +
                                 "' (fids " + std::to_string(found[0].fid) + ", " +
                                 std::to_string(found[1].fid) + "…): give the fid",
                             where);
    return std::move(found.front());
}

// "CGCS2000 3° zone 39, eastings prefixed": what a person checks against the file's header.
QString describe(const geodata::import::GaussKrugerCrs &crs)
{
    using geodata::import::GeodeticDatum;
    const char *datum = crs.datum == GeodeticDatum::Cgcs2000   ? "CGCS2000"
                        : crs.datum == GeodeticDatum::Xian1980 ? "Xian 1980"
                                                               : "Beijing 1954";
    return QStringLiteral("%1 %2° zone %3, eastings %4")
        .arg(QLatin1String(datum))
        .arg(crs.zoneWidthDegrees)
        .arg(crs.zone)
        .arg(crs.prefixed ? QStringLiteral("prefixed") : QStringLiteral("not prefixed"));
}

} // namespace

int runBoundary(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Write a site (or any polygon feature) as a boundary coordinate file (界址点坐标文件) "
        "for land approval: X northing and Y easting with the zone prefix, 3 decimals, each "
        "ring closed, the area in 公顷, GBK text with CRLF line ends."));
    p.addHelpOption();
    p.addOption({QStringLiteral("db"),
                 QStringLiteral("Project file (default: $PLANLINES_DB, else the sample county)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("site"),
                 QStringLiteral("The feature: its fid, or its name (XMMC, 项目名称, DKMC, NAME)."),
                 QStringLiteral("NAME_OR_FID")});
    p.addOption({QStringLiteral("layer"),
                 QStringLiteral("The layer holding it (default: the project's site layer)."),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("out"), QStringLiteral("The file to write (.txt)."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("encoding"), QStringLiteral("GBK (default) or UTF-8."),
                 QStringLiteral("E"), QStringLiteral("GBK")});
    p.addOption({QStringLiteral("epsg"),
                 QStringLiteral("The file's Gauss-Krüger CRS (default: the working CRS's zone). "
                                "The file's eastings always carry the zone prefix, so a code "
                                "without it stands for its prefixed twin: 4548 (CGCS2000 CM "
                                "117°E) writes EPSG:4527 (zone 39)."),
                 QStringLiteral("N")});
    if (!p.parse(args))
        return fail(kCommand, p.errorText(), 2);
    if (p.isSet(QStringLiteral("help")))
        return printHelp(p, kCommand);
    if (!p.positionalArguments().isEmpty())
        return fail(kCommand,
                    QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments()[0]), 2);
    if (!p.isSet(QStringLiteral("site")) || !p.isSet(QStringLiteral("out")))
        return fail(kCommand, QStringLiteral("--site and --out are required"), 2);
    const QString encoding = p.value(QStringLiteral("encoding")).toUpper();
    if (encoding != QLatin1String("GBK") && encoding != QLatin1String("UTF-8"))
        return fail(kCommand, QStringLiteral("--encoding must be GBK or UTF-8"), 2);
    const std::string db = p.isSet(QStringLiteral("db"))
                               ? p.value(QStringLiteral("db")).toStdString()
                               : defaultDatabase();
    const std::string out = p.value(QStringLiteral("out")).toStdString();
    try {
        auto project = geodata::Project::open(db, /*readOnly=*/true);
        std::optional<geodata::LayerInfo> layer;
        if (p.isSet(QStringLiteral("layer"))) {
            layer = project->layer(p.value(QStringLiteral("layer")).toStdString());
            if (!layer)
                throw geodata::Error(
                    "no layer named '" + p.value(QStringLiteral("layer")).toStdString() + "'", db);
        } else if (auto sites = project->layers(geodata::Role::Site); !sites.empty()) {
            layer = sites.front();
        } else {
            throw geodata::Error("the project has no site layer; name one with --layer", db);
        }
        if (layer->geometryType != "MULTIPOLYGON" && layer->geometryType != "POLYGON")
            throw geodata::Error("a boundary file holds polygons; the layer is " +
                                     layer->geometryType,
                                 "layer " + layer->name);
        Found f = findFeature(*project, *layer, p.value(QStringLiteral("site")).toStdString());

        geodata::import::GaussKrugerCrs target;
        const int working = project->workingSrid();
        if (p.isSet(QStringLiteral("epsg"))) {
            const int epsg = p.value(QStringLiteral("epsg")).toInt();
            auto crs = geodata::import::GaussKrugerCrs::fromEpsg(epsg);
            if (!crs)
                return fail(kCommand,
                            QStringLiteral("--epsg %1 is not a CGCS2000/Xian 80/Beijing 54 "
                                           "Gauss-Krüger CRS")
                                .arg(epsg),
                            2);
            target = *crs;
        } else if (auto crs = geodata::import::GaussKrugerCrs::fromEpsg(working)) {
            target = *crs;
        }
        // The format's Y is the easting with the zone number in front (带号 says which zone):
        // whatever code was asked for, the file is in the prefixed CRS of that zone.
        target.prefixed = true;
        geodata::import::BoundaryParcel parcel;
        parcel.number = "1";
        parcel.name = f.name.empty() ? "地块" + std::to_string(f.fid) : f.name;
        parcel.geometry = std::move(f.geometry);
        std::vector<geodata::import::BoundaryParcel> parcels;
        parcels.push_back(std::move(parcel));
        auto file = geodata::import::BoundaryFile::fromGeometries(std::move(parcels),
                                                                  project->workingCrs(), target);
        file.save(out, encoding.toStdString());

        const auto &written = file.parcels.front();
        std::size_t points = 0;
        for (const auto &r : written.rings)
            points += r.pointNames.size();
        // The area of the millimetre coordinates written, and the 公顷 the file declares.
        const double m2 = written.area().areaM2;
        QTextStream stdoutStream(stdout);
        stdoutStream << QStringLiteral("wrote %1: %2 (fid %3), %4 rings, %5 points, %6 m² = %7 亩 "
                                       "= %8 公顷, %9 (%10), %11\n")
                            .arg(QString::fromStdString(out), QString::fromStdString(written.name))
                            .arg(f.fid)
                            .arg(written.rings.size())
                            .arg(points)
                            .arg(m2, 0, 'f', 2)
                            .arg(geodata::m2ToMu(m2), 0, 'f', 2)
                            .arg(written.declaredAreaHa.value_or(geodata::m2ToHa(m2)), 0, 'f', 4)
                            .arg(QString::fromStdString(target.id()), describe(target), encoding);
        if (p.isSet(QStringLiteral("epsg")) &&
            p.value(QStringLiteral("epsg")).toInt() != target.epsg())
            stdoutStream << QStringLiteral("note: EPSG:%1 has no zone prefix; a boundary file's "
                                           "eastings carry it, so the file is in %2\n")
                                .arg(p.value(QStringLiteral("epsg")).toInt())
                                .arg(QString::fromStdString(target.id()));
        return 0;
    } catch (const std::exception &e) {
        return fail(kCommand, QString::fromUtf8(e.what()));
    }
}

} // namespace planlines::cli
