#include "corridor.h"
#include "../chainage.h"

#include <QDate>
#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <cmath>

namespace planlines::geodata::corridor {

namespace {

// The first of candidates the table has (case-insensitive), as the table spells it.
std::string findColumn(const std::vector<std::string> &columns,
                       std::initializer_list<const char *> candidates)
{
    for (const char *c : candidates)
        for (const auto &col : columns)
            if (QString::fromStdString(col).compare(QString::fromUtf8(c), Qt::CaseInsensitive) == 0)
                return col;
    return {};
}

std::vector<std::string> columnsOf(Database &db, const std::string &table)
{
    std::vector<std::string> out;
    auto st = db.prepare("SELECT name FROM pragma_table_info(?)");
    st.bind(1, table);
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

// How far a chainage field (QDLC, ZDLC: metres to 2 decimals) may be from the levee's end.
constexpr double kChainageRoundingM = 0.01;

std::optional<LayerInfo> findLevee(Project &project)
{
    if (auto name = project.setting("corridor_levee_layer"); name && !name->empty()) {
        auto layer = project.layer(*name);
        if (!layer)
            throw Error("the project setting corridor_levee_layer names layer '" + *name +
                            "', which the project does not have",
                        project.path());
        return layer;
    }
    for (const auto &l : project.layers(Role::Context)) {
        if (l.geometryType.find("LINESTRING") == std::string::npos)
            continue;
        const QString name = QString::fromStdString(l.name);
        const QString table = QString::fromStdString(l.table);
        if (name.contains(QStringLiteral("堤")) ||
            name.contains(QLatin1String("levee"), Qt::CaseInsensitive) ||
            table.contains(QLatin1String("levee"), Qt::CaseInsensitive))
            return l;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> normalizeDate(std::string_view text)
{
    static const QRegularExpression re(
        QStringLiteral(R"(^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$)"));
    const auto m = re.match(QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    if (!m.hasMatch())
        return std::nullopt;
    const QDate d(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    if (!d.isValid())
        return std::nullopt;
    return d.toString(Qt::ISODate).toStdString();
}

Corridor Corridor::load(Project &project)
{
    const auto layers = project.layers(Role::Corridor);
    if (layers.empty())
        throw Error("the project has no corridor layer (role corridor, 淤背区生态廊道)",
                    project.path());
    const LayerInfo &layer = layers.front();
    const std::string where = "layer " + layer.name;
    Database &db = project.db();
    Corridor c;
    c.m_layerName = layer.name;
    c.m_layerTable = layer.table;

    if (auto levee = findLevee(project)) {
        Geometry lines;
        std::vector<Geometry> parts;
        auto st = db.prepare("SELECT AsBinary(geom) FROM " + quoteIdentifier(levee->table) +
                             " WHERE geom IS NOT NULL");
        while (st.step()) {
            try {
                parts.push_back(Geometry::fromWkb(st.blob(0)));
            } catch (const Error &e) {
                throw Error(e.cause(), "levee layer " + levee->name);
            }
        }
        if (parts.size() == 1)
            lines = std::move(parts.front());
        else if (!parts.empty())
            lines = Geometry::collect(std::move(parts), GEOS_MULTILINESTRING).toMultiLineString();
        if (!lines.isNull())
            c.m_levee.emplace(lines, levee->name);
    }

    const auto cols = columnsOf(db, layer.table);
    const std::string idCol = findColumn(cols, {"SEGID", "DDBH", "segment_id", "BH"});
    if (idCol.empty())
        throw Error("the corridor layer has no segment id field (SEGID)", where);
    auto col = [&](std::initializer_list<const char *> names) {
        const std::string n = findColumn(cols, names);
        return n.empty() ? std::string("NULL") : quoteIdentifier(n);
    };
    const std::string sql = "SELECT fid, " + quoteIdentifier(idCol) + ", AsBinary(geom), " +
                            col({"QDLC"}) + ", " + col({"ZDLC"}) + ", " + col({"QDZH"}) + ", " +
                            col({"ZDZH"}) + ", " + col({"KD"}) + ", " + col({"XZQDM"}) + ", " +
                            col({"XZQMC"}) + ", " + col({"GCNR"}) + ", " + col({"ZRDW"}) + ", " +
                            col({"JHKG"}) + ", " + col({"JHWG"}) + ", " + col({"TZ"}) + " FROM " +
                            quoteIdentifier(layer.table) + " WHERE geom IS NOT NULL";
    auto st = db.prepare(sql);
    auto text = [&](int i) { return st.isNull(i) ? std::string() : st.text(i); };
    while (st.step()) {
        Segment s;
        s.fid = st.int64(0);
        s.id = text(1);
        const std::string feature = where + ", feature " + std::to_string(s.fid);
        if (s.id.empty())
            throw Error("the segment has no id (SEGID is empty)", feature);
        Geometry g;
        try {
            g = Geometry::fromWkb(st.blob(2));
        } catch (const Error &e) {
            throw Error(e.cause(), feature + " (" + s.id + ")");
        }
        s.areaM2 = g.area();
        s.envelope = g.envelope();
        // Chainage from QDLC/ZDLC, else the QDZH/ZDZH text, else the levee.
        std::optional<double> from = st.isNull(3) ? std::nullopt : std::optional(st.real(3));
        std::optional<double> to = st.isNull(4) ? std::nullopt : std::optional(st.real(4));
        if (!from)
            from = parseChainage(text(5));
        if (!to)
            to = parseChainage(text(6));
        if ((!from || !to) && c.m_levee) {
            const Geometry boundary(GEOSBoundary_r(geosContext(), g.get()));
            double lo = c.m_levee->lengthM(), hi = 0;
            for (int i = 0; i < boundary.numGeometries(); ++i) {
                const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(
                    geosContext(),
                    boundary.typeId() == GEOS_LINESTRING ? boundary.get() : boundary.geometryN(i));
                unsigned n = 0;
                GEOSCoordSeq_getSize_r(geosContext(), seq, &n);
                for (unsigned k = 0; k < n; ++k) {
                    double x = 0, y = 0;
                    GEOSCoordSeq_getXY_r(geosContext(), seq, k, &x, &y);
                    const double m = c.m_levee->locate(x, y).chainageM;
                    lo = std::min(lo, m);
                    hi = std::max(hi, m);
                }
            }
            from = lo;
            to = hi;
        }
        if (!from || !to)
            throw Error("the segment has no chainage (QDLC/ZDLC or QDZH/ZDZH) and the project has "
                        "no levee line to measure it on",
                        feature + " (" + s.id + ")");
        s.startM = std::min(*from, *to);
        s.endM = std::max(*from, *to);
        // QDLC/ZDLC are kept to the centimetre, the levee's length is not: a segment ending
        // within 1 cm of an end of the levee reaches it, so that the very end has a segment.
        if (c.m_levee) {
            if (std::abs(s.startM) <= kChainageRoundingM)
                s.startM = 0;
            if (std::abs(s.endM - c.m_levee->lengthM()) <= kChainageRoundingM)
                s.endM = c.m_levee->lengthM();
        }
        s.widthM = st.isNull(7) ? 0 : st.real(7);
        s.townshipCode = text(8);
        s.townshipName = text(9);
        s.works = text(10);
        s.unit = text(11);
        s.planStart = normalizeDate(text(12)).value_or(std::string());
        s.planEnd = normalizeDate(text(13)).value_or(std::string());
        s.investmentWan = st.isNull(14) ? 0 : st.real(14);
        if (c.segment(s.id))
            throw Error("segment id " + s.id + " appears twice in the corridor layer", feature);
        c.m_segments.push_back(std::move(s));
    }
    std::sort(c.m_segments.begin(), c.m_segments.end(), [](const Segment &a, const Segment &b) {
        return a.startM < b.startM || (a.startM == b.startM && a.id < b.id);
    });

    // A project not yet migrated to 005 (opened read-only) has no corrections.
    const auto progressCols = columnsOf(db, "corridor_progress");
    const bool corrections =
        std::find(progressCols.begin(), progressCols.end(), "supersedes") != progressCols.end();
    auto pe = db.prepare(
        std::string("SELECT id, segment_id, date, status, percent, planted_area_m2, note, "
                    "photos, recorded_at, recorded_by, ") +
        (corrections ? "supersedes FROM corridor_progress WHERE id NOT IN (SELECT supersedes "
                       "FROM corridor_progress WHERE supersedes IS NOT NULL) "
                     : "NULL FROM corridor_progress ") +
        "ORDER BY segment_id, date, id");
    while (pe.step()) {
        ProgressEntry e;
        e.id = pe.int64(0);
        e.segmentId = pe.text(1);
        e.date = pe.text(2);
        e.status = statusFromText(pe.text(3)).value_or(Status::Planned);
        e.percent = pe.real(4);
        if (!pe.isNull(5))
            e.plantedAreaM2 = pe.real(5);
        e.note = pe.text(6);
        const QString photos = QString::fromStdString(pe.text(7));
        for (const auto &p : photos.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            e.photos.push_back(p.toStdString());
        e.recordedAt = pe.text(8);
        e.recordedBy = pe.text(9);
        if (!pe.isNull(10))
            e.supersedes = pe.int64(10);
        c.m_entries.push_back(std::move(e));
    }
    return c;
}

const Segment *Corridor::segment(std::string_view id) const
{
    for (const auto &s : m_segments)
        if (s.id == id)
            return &s;
    return nullptr;
}

std::vector<const Segment *> Corridor::segmentsInRange(double fromM, double toM) const
{
    if (fromM > toM)
        std::swap(fromM, toM);
    std::vector<const Segment *> out;
    for (const auto &s : m_segments)
        if (std::min(toM, s.endM) - std::max(fromM, s.startM) > 1.0)
            out.push_back(&s);
    return out;
}

const Segment *Corridor::segmentAt(double chainageM) const
{
    if (m_levee && chainageM >= -LeveeLine::kEndToleranceM &&
        chainageM <= m_levee->lengthM() + LeveeLine::kEndToleranceM)
        chainageM = std::clamp(chainageM, 0.0, m_levee->lengthM());
    const Segment *found = nullptr;
    for (const auto &s : m_segments)
        if (chainageM >= s.startM && chainageM <= s.endM)
            found = &s;
    return found;
}

std::vector<const ProgressEntry *> Corridor::history(std::string_view segmentId) const
{
    std::vector<const ProgressEntry *> out;
    for (const auto &e : m_entries)
        if (e.segmentId == segmentId)
            out.push_back(&e);
    return out;
}

const ProgressEntry *Corridor::entryOn(std::string_view segmentId, std::string_view date) const
{
    const ProgressEntry *found = nullptr;
    for (const auto &e : m_entries)
        if (e.segmentId == segmentId && e.date <= date)
            found = &e; // entries are ordered by date, then id
    return found;
}

const LeveeLine &Corridor::levee() const
{
    if (!m_levee)
        throw Error("the project has no levee line (a context line layer named …堤 or levee, or "
                    "the setting corridor_levee_layer)",
                    "corridor layer " + m_layerName);
    return *m_levee;
}

double Corridor::totalLengthM() const
{
    double sum = 0;
    for (const auto &s : m_segments)
        sum += s.lengthM();
    return sum;
}

double Corridor::totalAreaM2() const
{
    double sum = 0;
    for (const auto &s : m_segments)
        sum += s.areaM2;
    return sum;
}

} // namespace planlines::geodata::corridor
