#include "featuresearch.h"

#include <geodata/chainage.h>
#include <geodata/coordinatetransform.h>
#include <geodata/geometry.h>

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

std::set<std::string> columnsOf(geodata::Database &db, const std::string &table)
{
    std::set<std::string> out;
    auto st = db.prepare("SELECT upper(name) FROM pragma_table_info(?)");
    st.bind(1, table);
    while (st.step())
        out.insert(st.text(0));
    return out;
}

// The real column name (case as in the table) for an upper-case code.
std::string columnNamed(geodata::Database &db, const std::string &table, const std::string &code)
{
    auto st = db.prepare("SELECT name FROM pragma_table_info(?) WHERE upper(name) = ?");
    st.bindAll(table, code);
    return st.step() ? st.text(0) : std::string();
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
        geodata::Database db(path, geodata::Database::Mode::ReadWrite);
        db.exec("PRAGMA busy_timeout = 200");
        geodata::Transaction tx(db);
        auto layers = db.prepare("SELECT table_name FROM layers WHERE role = ?");
        for (const SearchField &sf : kSearchFields) {
            if (!sf.exact)
                continue;
            layers.reset();
            layers.bind(1, std::string(geodata::roleId(sf.role)));
            while (layers.step()) {
                const std::string table = layers.text(0);
                const std::string column = columnNamed(db, table, sf.field);
                if (column.empty())
                    continue;
                db.exec("CREATE INDEX IF NOT EXISTS " +
                        geodata::quoteIdentifier("search_" + table + "_" + column) + " ON " +
                        geodata::quoteIdentifier(table) + "(" + geodata::quoteIdentifier(column) +
                        ")");
            }
        }
        tx.commit();
        return true;
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
    auto &db = project.db();
    const auto layers = project.layers();
    for (const SearchField &sf : kSearchFields) {
        for (const auto &layer : layers) {
            if (layer.role != sf.role || static_cast<int>(out.size()) >= limit)
                continue;
            const std::string column = columnNamed(db, layer.table, sf.field);
            if (column.empty())
                continue;
            const std::string col = geodata::quoteIdentifier(column);
            const std::string sql =
                "SELECT rowid, " + col +
                ", MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom) FROM " +
                geodata::quoteIdentifier(layer.table) + " WHERE " +
                (sf.exact ? col + " = ?" : "instr(" + col + ", ?) > 0") +
                " AND geom IS NOT NULL ORDER BY length(" + col + "), rowid LIMIT ?";
            auto st = db.prepare(sql);
            st.bindAll(needle, limit - static_cast<int>(out.size()));
            const auto registry = project.fields(layer.id);
            QString fieldName;
            for (const auto &f : registry)
                if (f.name == column)
                    fieldName = QString::fromStdString(f.alias);
            if (fieldName.isEmpty())
                fieldName = QString::fromStdString(column);
            while (st.step()) {
                SearchResult r;
                r.table = layer.table;
                r.fid = st.int64(0);
                r.title = QString::fromStdString(st.text(1));
                r.detail = QString::fromStdString(layer.name) + QStringLiteral(" · ") + fieldName;
                r.envelope = {st.real(2), st.real(3), st.real(4), st.real(5)};
                out.push_back(std::move(r));
            }
        }
    }
    return out;
}

SearchResult locateChainage(geodata::Project &project, double metres)
{
    auto &db = project.db();
    const std::string label = geodata::formatChainage(metres);
    // The line the chainage runs along: a line layer whose features state their start
    // chainage (起点桩号, QDZH) — the levee centre line.
    for (const auto &layer : project.layers()) {
        if (layer.geometryType.find("LINESTRING") == std::string::npos)
            continue;
        const std::string qdzh = columnNamed(db, layer.table, "QDZH");
        if (qdzh.empty())
            continue;
        auto st = db.prepare("SELECT rowid, AsBinary(geom), " + geodata::quoteIdentifier(qdzh) +
                             " FROM " + geodata::quoteIdentifier(layer.table) +
                             " WHERE geom IS NOT NULL ORDER BY rowid");
        double furthest = 0;
        while (st.step()) {
            const auto start = geodata::parseChainage(st.text(2)).value_or(0.0);
            const auto line = geodata::Geometry::fromWkb(st.blob(1));
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
            for (const auto &corridor : project.layers(Role::Corridor)) {
                const auto cols = columnsOf(db, corridor.table);
                if (!cols.contains("QDLC") || !cols.contains("ZDLC"))
                    continue;
                auto seg = db.prepare(
                    "SELECT rowid, MbrMinX(geom), MbrMinY(geom), MbrMaxX(geom), MbrMaxY(geom) "
                    "FROM " +
                    geodata::quoteIdentifier(corridor.table) +
                    " WHERE ? >= QDLC AND ? < ZDLC AND geom IS NOT NULL LIMIT 1");
                seg.bindAll(metres, metres);
                if (seg.step()) {
                    r.table = corridor.table;
                    r.fid = seg.int64(0);
                    r.detail += QStringLiteral(" · ") + QString::fromStdString(corridor.name);
                }
                break;
            }
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
