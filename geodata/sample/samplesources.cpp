#include "samplesources.h"
#include "../coordinatetransform.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdlib>

namespace planlines::geodata::sample {

namespace {

QByteArray readSource(const QString &name)
{
    QString path = QStringLiteral(":/planlines/sample/") + name;
    if (const char *dir = std::getenv("PLANLINES_SAMPLE_SOURCES"); dir && *dir)
        path = QString::fromUtf8(dir) + QLatin1Char('/') + name;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error("cannot read sample source", path.toStdString());
    return f.readAll();
}

QJsonDocument parse(const QString &name)
{
    QJsonParseError err{};
    auto doc = QJsonDocument::fromJson(readSource(name), &err);
    if (err.error != QJsonParseError::NoError)
        throw Error("JSON error at offset " + std::to_string(err.offset) + ": " +
                        err.errorString().toStdString(),
                    "sample source " + name.toStdString());
    return doc;
}

std::vector<double> ring(const QJsonArray &coords, const CoordinateTransform &tr)
{
    std::vector<double> xy;
    xy.reserve(static_cast<size_t>(coords.size()) * 2);
    for (const auto &c : coords) {
        const auto a = c.toArray();
        xy.push_back(a.at(0).toDouble());
        xy.push_back(a.at(1).toDouble());
    }
    tr.transform(xy);
    return xy;
}

Geometry toGeometry(const QJsonObject &g, const CoordinateTransform &tr, const std::string &ctx)
{
    const QString type = g.value("type").toString();
    const QJsonArray coords = g.value("coordinates").toArray();
    auto ctxh = geosContext();
    auto makePolygon = [&](const QJsonArray &rings) {
        std::vector<GEOSGeometry *> holes;
        GEOSGeometry *shell = nullptr;
        for (qsizetype i = 0; i < rings.size(); ++i) {
            const auto xy = ring(rings.at(i).toArray(), tr);
            Geometry p = Geometry::polygon(xy);
            GEOSGeometry *r = GEOSGeom_clone_r(ctxh, GEOSGetExteriorRing_r(ctxh, p.get()));
            if (i == 0)
                shell = r;
            else
                holes.push_back(r);
        }
        return Geometry(GEOSGeom_createPolygon_r(ctxh, shell, holes.data(),
                                                 static_cast<unsigned>(holes.size())));
    };
    if (type == QLatin1String("Point")) {
        std::vector<double> xy{coords.at(0).toDouble(), coords.at(1).toDouble()};
        tr.transform(xy);
        return Geometry::point(xy[0], xy[1]);
    }
    if (type == QLatin1String("LineString"))
        return Geometry::lineString(ring(coords, tr));
    if (type == QLatin1String("Polygon"))
        return makePolygon(coords);
    if (type == QLatin1String("MultiPolygon")) {
        std::vector<Geometry> parts;
        for (const auto &p : coords)
            parts.push_back(makePolygon(p.toArray()));
        return Geometry::collect(std::move(parts), GEOS_MULTIPOLYGON);
    }
    if (type == QLatin1String("MultiLineString")) {
        std::vector<Geometry> parts;
        for (const auto &l : coords)
            parts.push_back(Geometry::lineString(ring(l.toArray(), tr)));
        return Geometry::collect(std::move(parts), GEOS_MULTILINESTRING);
    }
    throw Error("unsupported geometry type " + type.toStdString(), ctx);
}

std::vector<SourceFeature> features(const QString &name, const CoordinateTransform &tr)
{
    const auto doc = parse(name);
    std::vector<SourceFeature> out;
    int i = 0;
    for (const auto &f : doc.object().value("features").toArray()) {
        const auto o = f.toObject();
        const std::string ctx =
            "sample source " + name.toStdString() + ", feature " + std::to_string(++i);
        Geometry g = toGeometry(o.value("geometry").toObject(), tr, ctx);
        if (!g.isValid())
            g = g.makeValid();
        out.push_back({std::move(g), o.value("properties").toObject()});
    }
    return out;
}

} // namespace

SampleSources SampleSources::load()
{
    const CoordinateTransform tr(kSourceCrs, kWorkingCrs);
    SampleSources s;
    auto county = features(QStringLiteral("county.geojson"), tr);
    auto river = features(QStringLiteral("yellow_river.geojson"), tr);
    auto levee = features(QStringLiteral("levee.geojson"), tr);
    if (county.size() != 1 || river.size() != 1 || levee.size() != 1)
        throw Error("county, river and levee sources must hold one feature each", "sample");
    s.county = std::move(county[0].geometry);
    s.river = std::move(river[0].geometry);
    s.levee = std::move(levee[0].geometry);
    for (auto &f : features(QStringLiteral("township_seeds.geojson"), tr))
        s.townshipSeeds.push_back({f.geometry.x(), f.geometry.y(), f.str("code"), f.str("name"),
                                   f.props.value("seat").toBool()});
    s.places = features(QStringLiteral("places.geojson"), tr);
    s.roads = features(QStringLiteral("roads.geojson"), tr);
    s.waters = features(QStringLiteral("waters.geojson"), tr);
    s.zones = features(QStringLiteral("zones.geojson"), tr);
    s.sites = features(QStringLiteral("sites.geojson"), tr);
    const auto units = parse(QStringLiteral("control_units.json"));
    s.controlUnits = units.isArray() ? units.array() : units.object().value("units").toArray();
    return s;
}

std::map<std::string, std::string> SampleSources::townshipNames() const
{
    std::map<std::string, std::string> out;
    for (const auto &t : townshipSeeds)
        out[t.code] = t.name;
    return out;
}

} // namespace planlines::geodata::sample
