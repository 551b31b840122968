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

// How far a chainage field (QDLC, ZDLC: metres to 2 decimals) may be from the levee's end.
constexpr double kChainageRoundingM = 0.01;

std::optional<LayerInfo> findLevee(Project &project)
{
    if (auto name = project.setting("corridor_levee_layer"); name && !name->empty()) {
        auto layer = project.layer(*name);
        if (!layer)
            throw Error("the project setting corridor_levee_layer names layer '" + *name +
                            "', which the project does not have",
                        project.displayName());
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

Corridor Corridor::load(Project &project, const std::vector<std::string> *progressOf)
{
    const auto layers = project.layers(Role::Corridor);
    if (layers.empty())
        throw Error("the project has no corridor layer (role corridor, 淤背区生态廊道)",
                    project.displayName());
    const LayerInfo &layer = layers.front();
    const std::string where = "layer " + layer.name;
    Corridor c;
    c.m_layerName = layer.name;
    c.m_layerTable = layer.table;

    if (auto levee = findLevee(project)) {
        Geometry lines;
        std::vector<Geometry> parts;
        const auto row = project.features(*levee)->query(FeatureRequest{});
        while (row->next()) {
            try {
                parts.push_back(row->geometry());
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

    const auto source = project.features(layer);
    const auto cols = source->columns();
    const std::string idCol = findColumn(cols, {"SEGID", "DDBH", "segment_id", "BH"});
    if (idCol.empty())
        throw Error("the corridor layer has no segment id field (SEGID)", where);
    // The columns read: the id, then those below; text(k)/real(k) number them as the old
    // SELECT did (1 the id, 3 QDLC … 14 TZ). A column the layer lacks reads as NULL.
    FeatureRequest request;
    request.attributes = {idCol};
    std::vector<int> at;
    for (auto names : std::initializer_list<std::initializer_list<const char *>>{{"QDLC"},
                                                                                 {"ZDLC"},
                                                                                 {"QDZH"},
                                                                                 {"ZDZH"},
                                                                                 {"KD"},
                                                                                 {"XZQDM"},
                                                                                 {"XZQMC"},
                                                                                 {"GCNR"},
                                                                                 {"ZRDW"},
                                                                                 {"JHKG"},
                                                                                 {"JHWG"},
                                                                                 {"TZ"}}) {
        const std::string n = findColumn(cols, names);
        at.push_back(n.empty() ? -1 : static_cast<int>(request.attributes.size()));
        if (!n.empty())
            request.attributes.push_back(n);
    }
    const auto row = source->query(request);
    auto value = [&](int k) {
        if (k == 1)
            return row->value(0);
        return at[k - 3] < 0 ? Value() : row->value(at[k - 3]);
    };
    auto text = [&](int k) {
        const Value v = value(k);
        if (const auto *t = std::get_if<std::string>(&v))
            return *t;
        if (const auto *n = std::get_if<std::int64_t>(&v))
            return std::to_string(*n);
        if (const auto *d = std::get_if<double>(&v))
            return QString::number(*d, 'g', 15).toStdString();
        return std::string();
    };
    auto real = [&](int k) -> std::optional<double> {
        const Value v = value(k);
        if (const auto *d = std::get_if<double>(&v))
            return *d;
        if (const auto *n = std::get_if<std::int64_t>(&v))
            return static_cast<double>(*n);
        if (const auto *t = std::get_if<std::string>(&v)) {
            bool ok = false;
            const double d = QString::fromStdString(*t).trimmed().toDouble(&ok);
            return ok ? std::optional(d) : std::nullopt;
        }
        return std::nullopt;
    };
    while (row->next()) {
        Segment s;
        s.fid = row->fid();
        s.id = text(1);
        const std::string feature = where + ", feature " + std::to_string(s.fid);
        if (s.id.empty())
            throw Error("the segment has no id (SEGID is empty)", feature);
        Geometry g;
        try {
            g = row->geometry();
        } catch (const Error &e) {
            throw Error(e.cause(), feature + " (" + s.id + ")");
        }
        s.areaM2 = g.area();
        s.envelope = g.envelope();
        // Chainage from QDLC/ZDLC, else the QDZH/ZDZH text, else the levee.
        std::optional<double> from = real(3);
        std::optional<double> to = real(4);
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
        s.widthM = real(7).value_or(0);
        s.townshipCode = text(8);
        s.townshipName = text(9);
        s.works = text(10);
        s.unit = text(11);
        s.planStart = normalizeDate(text(12)).value_or(std::string());
        s.planEnd = normalizeDate(text(13)).value_or(std::string());
        s.investmentWan = real(14).value_or(0);
        if (c.segment(s.id))
            throw Error("segment id " + s.id + " appears twice in the corridor layer", feature);
        c.m_segments.push_back(std::move(s));
    }
    std::sort(c.m_segments.begin(), c.m_segments.end(), [](const Segment &a, const Segment &b) {
        return a.startM < b.startM || (a.startM == b.startM && a.id < b.id);
    });

    std::vector<StoredProgress> rows;
    if (!progressOf)
        rows = project.progressInForce();
    else if (!progressOf->empty())
        rows = project.progressInForce(*progressOf);
    for (auto &stored : rows) {
        ProgressEntry e;
        e.id = stored.id;
        e.segmentId = std::move(stored.segmentId);
        e.date = std::move(stored.date);
        e.status = statusFromText(stored.status).value_or(Status::Planned);
        e.percent = stored.percent;
        e.plantedAreaM2 = stored.plantedAreaM2;
        e.note = std::move(stored.note);
        const QString photos = QString::fromStdString(stored.photos);
        for (const auto &p : photos.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            e.photos.push_back(p.toStdString());
        e.recordedAt = std::move(stored.recordedAt);
        e.recordedBy = std::move(stored.recordedBy);
        e.supersedes = stored.supersedes;
        e.rev = stored.rev;
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

std::int64_t Corridor::segmentRev(std::string_view segmentId) const
{
    // The latest entry of a segment is in force (a correction comes after what it corrects), so
    // the largest rev among the entries in force is the segment's.
    std::int64_t rev = 0;
    for (const auto &e : m_entries)
        if (e.segmentId == segmentId)
            rev = std::max(rev, e.rev);
    return rev;
}

const ProgressEntry *Corridor::supersederOf(std::int64_t entryId) const
{
    for (const auto &e : m_entries)
        if (e.supersedes == entryId)
            return &e;
    return nullptr;
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
