#include "featuresearch.h"

#include <geodata/chainage.h>
#include <geodata/coordinatetransform.h>
#include <geodata/geometry.h>

#include "featuredetails.h"

#include <QCoreApplication>

#include <array>
#include <set>

namespace planlines::layers {

namespace {

using geodata::Role;

struct SearchField
{
    Role role;
    const char *field;
    bool exact; // codes match whole; names match any part
};

// In the order results are listed.
constexpr std::array kSearchFields = {
    SearchField{Role::Site, "XMMC", false},
    SearchField{Role::Township, "XZQMC", false},
    SearchField{Role::Township, "XZQDM", true},
    SearchField{Role::Landuse, "BSM", true},
    SearchField{Role::Landuse, "TBBH", true},
    SearchField{Role::BasicFarmland, "BSM", true},
    SearchField{Role::BasicFarmland, "YJJBNTTBBH", true},
    SearchField{Role::Corridor, "SEGID", true},
    SearchField{Role::EcoRedline, "HXMC", false},
    SearchField{Role::UrbanBoundary, "GHFQMC", false},
    SearchField{Role::ControlUnit, "HJZHGKDYMC", false},
    SearchField{Role::ControlUnit, "HJZHGKDYBM", true},
    SearchField{Role::Context, "MC", false},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("planlines::layers", text);
}

geodata::Envelope padded(geodata::Envelope e, double metres)
{
    return {e.minX - metres, e.minY - metres, e.maxX + metres, e.maxY + metres};
}

QString coordinateTitle(double northing, double easting)
{
    return QStringLiteral("X %1  Y %2").arg(northing, 0, 'f', 3).arg(easting, 0, 'f', 3);
}

} // namespace

bool indexSearchCodes(const std::string &path)
{
    try {
        const auto project = geodata::Project::open(path, /*readOnly=*/true);
        bool all = true;
        const auto layers = project->layers();
        for (const SearchField &sf : kSearchFields) {
            if (!sf.exact)
                continue;
            for (const auto &layer : layers) {
                if (layer.role != sf.role)
                    continue;
                const auto source = project->features(layer);
                if (const std::string column = source->columnNamed(sf.field); !column.empty())
                    all = source->ensureIndex(column) && all;
            }
        }
        return all;
    } catch (const std::exception &) {
        return false; // searched by scanning instead
    }
}

std::vector<SearchResult> searchFeatures(geodata::Project &project, const QString &text, int limit)
{
    std::vector<SearchResult> out;
    const std::string needle = text.trimmed().toStdString();
    if (needle.empty())
        return out;
    const auto layers = project.layers();
    for (const SearchField &sf : kSearchFields) {
        for (const auto &layer : layers) {
            if (layer.role != sf.role || static_cast<int>(out.size()) >= limit)
                continue;
            const auto source = project.features(layer);
            const std::string column = source->columnNamed(sf.field);
            if (column.empty())
                continue;
            geodata::FeatureRequest request;
            request.attributes = {column};
            request.match =
                geodata::AttributeMatch{column, needle,
                                        sf.exact ? geodata::AttributeMatch::Kind::Equals
                                                 : geodata::AttributeMatch::Kind::Contains};
            request.shortestMatchFirst = true;
            request.limit = limit - static_cast<int>(out.size());
            const auto registry = project.fields(layer.id);
            QString fieldName;
            for (const auto &f : registry)
                if (f.name == column)
                    fieldName = QString::fromStdString(f.alias);
            if (fieldName.isEmpty())
                fieldName = QString::fromStdString(column);
            const auto row = source->query(request);
            while (row->next()) {
                SearchResult r;
                r.table = layer.table;
                r.fid = row->fid();
                r.title = valueText(row->value(0));
                r.detail = QString::fromStdString(layer.name) + QStringLiteral(" · ") + fieldName;
                r.envelope = row->box();
                out.push_back(std::move(r));
            }
        }
    }
    return out;
}

// The corridor segment whose chainage range [QDLC, ZDLC) holds metres, if any.
void markCorridorSegment(geodata::Project &project, double metres, SearchResult &r)
{
    for (const auto &corridor : project.layers(Role::Corridor)) {
        const auto source = project.features(corridor);
        const std::string from = source->columnNamed("QDLC"), to = source->columnNamed("ZDLC");
        if (from.empty() || to.empty())
            continue;
        geodata::FeatureRequest request;
        request.geometry = false;
        request.attributes = {from, to};
        const auto row = source->query(request);
        while (row->next()) {
            const auto number = [](const geodata::Value &v) -> std::optional<double> {
                if (const auto *d = std::get_if<double>(&v))
                    return *d;
                if (const auto *i = std::get_if<std::int64_t>(&v))
                    return static_cast<double>(*i);
                return std::nullopt;
            };
            const auto a = number(row->value(0)), b = number(row->value(1));
            if (a && b && metres >= *a && metres < *b) {
                r.table = corridor.table;
                r.fid = row->fid();
                r.detail += QStringLiteral(" · ") + QString::fromStdString(corridor.name);
                return;
            }
        }
        return;
    }
}

SearchResult locateChainage(geodata::Project &project, double metres)
{
    const std::string label = geodata::formatChainage(metres);
    // The line the chainage runs along: a line layer whose features state their start
    // chainage (起点桩号, QDZH) — the levee centre line.
    for (const auto &layer : project.layers()) {
        if (layer.geometryType.find("LINESTRING") == std::string::npos)
            continue;
        const auto source = project.features(layer);
        const std::string qdzh = source->columnNamed("QDZH");
        if (qdzh.empty())
            continue;
        geodata::FeatureRequest request;
        request.attributes = {qdzh};
        const auto row = source->query(request);
        double furthest = 0;
        while (row->next()) {
            const auto start =
                geodata::parseChainage(valueText(row->value(0)).toStdString()).value_or(0.0);
            const auto line = row->geometry();
            const double length = line.length();
            furthest = std::max(furthest, start + length);
            if (metres < start - 1e-6 || metres > start + length + 1e-6)
                continue;
            const auto p = line.interpolate(metres - start);
            SearchResult r;
            r.title = QString::fromStdString(label);
            r.detail = QString::fromStdString(layer.name);
            r.point = WorldPoint{p.x(), p.y()};
            r.envelope = padded({p.x(), p.y(), p.x(), p.y()}, 300);
            // The corridor segment at that chainage, to highlight.
            markCorridorSegment(project, metres, r);
            return r;
        }
        throw geodata::Error(tr("超出线的终点（%1）")
                                 .arg(QString::fromStdString(geodata::formatChainage(furthest)))
                                 .toStdString(),
                             layer.name + " " + label);
    }
    throw geodata::Error(tr("没有带起点桩号（QDZH）的线图层，无法按桩号定位").toStdString(), label);
}

SearchResult locateCoordinate(geodata::Project &project, const SearchQuery &query)
{
    const std::string working = project.workingCrs();
    std::string source;
    double xy[2];
    if (query.kind == SearchQuery::Kind::LonLat) {
        source = "EPSG:4490";
        xy[0] = query.longitude;
        xy[1] = query.latitude;
    } else {
        xy[0] = query.easting;
        xy[1] = query.northing;
        if (query.zone) {
            source = gaussKrugerCrsForZone(*query.zone).toStdString();
            xy[0] += *query.zone * 1e6;
        } else {
            source = working;
            // A prefixed working CRS expects its zone in front of the easting.
            for (int zone = 13; zone <= 45; ++zone)
                if (gaussKrugerCrsForZone(zone).toStdString() == working)
                    xy[0] += zone * 1e6;
        }
    }
    if (source != working)
        geodata::CoordinateTransform(source, working).transform(xy);
    SearchResult r;
    r.point = WorldPoint{xy[0], xy[1]};
    r.envelope = padded({xy[0], xy[1], xy[0], xy[1]}, 200);
    if (query.kind == SearchQuery::Kind::LonLat)
        r.title = QStringLiteral("%1°E %2°N")
                      .arg(query.longitude, 0, 'f', 6)
                      .arg(query.latitude, 0, 'f', 6);
    else
        r.title = coordinateTitle(query.northing, query.easting);
    r.detail = tr("%1 坐标：X %2  Y %3")
                   .arg(QString::fromStdString(working))
                   .arg(xy[1], 0, 'f', 3)
                   .arg(xy[0], 0, 'f', 3);
    return r;
}

SearchOutcome search(geodata::Project &project, const QString &input, int limit)
{
    SearchOutcome out;
    out.query = parseSearch(input);
    try {
        switch (out.query.kind) {
        case SearchQuery::Kind::Empty:
            return out;
        case SearchQuery::Kind::Text:
            out.results = searchFeatures(project, out.query.text, limit);
            if (out.results.empty())
                out.message = tr("未找到“%1”").arg(out.query.text);
            return out;
        case SearchQuery::Kind::Chainage:
            out.results.push_back(locateChainage(project, out.query.chainageM));
            return out;
        case SearchQuery::Kind::Projected:
        case SearchQuery::Kind::LonLat:
            out.results.push_back(locateCoordinate(project, out.query));
            return out;
        }
    } catch (const std::exception &e) {
        out.results.clear();
        out.message = QString::fromStdString(e.what());
    }
    return out;
}

} // namespace planlines::layers
