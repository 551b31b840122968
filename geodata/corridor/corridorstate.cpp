#include "corridorstate.h"
#include "../area.h"
#include "../chainage.h"

#include <QJsonArray>
#include <QString>

#include <algorithm>
#include <cmath>

namespace planlines::geodata::corridor {

namespace {

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

double round2(double v)
{
    return std::round(v * 100) / 100;
}

QJsonObject totalsJson(const Totals &t)
{
    return QJsonObject{{QStringLiteral("segments"), t.segments},
                       {QStringLiteral("length_m"), round2(t.lengthM)},
                       {QStringLiteral("area_m2"), round2(t.areaM2)},
                       {QStringLiteral("area_mu"), round2(m2ToMu(t.areaM2))},
                       {QStringLiteral("area_ha"), round2(m2ToHa(t.areaM2))}};
}

QJsonObject byStatusJson(const std::map<Status, Totals> &m)
{
    QJsonObject o;
    for (Status s : kAllStatuses) {
        const auto it = m.find(s);
        QJsonObject t = totalsJson(it == m.end() ? Totals{} : it->second);
        t.insert(QStringLiteral("label"), qs(statusLabelZh(s)));
        o.insert(qs(statusId(s)), t);
    }
    return o;
}

} // namespace

CorridorState CorridorState::on(const Corridor &corridor, const std::string &date)
{
    CorridorState st;
    st.m_date = date;
    st.m_layerName = corridor.layerName();
    for (Status s : kAllStatuses)
        st.m_byStatus[s];
    for (const auto &seg : corridor.segments()) {
        SegmentState ss;
        ss.segment = &seg;
        if (const ProgressEntry *e = corridor.entryOn(seg.id, date)) {
            ss.status = e->status;
            ss.percent = e->percent;
            ss.since = e->date;
        }
        st.m_total.add(seg);
        st.m_byStatus[ss.status].add(seg);
        auto town = std::find_if(
            st.m_byTownship.begin(), st.m_byTownship.end(), [&](const TownshipTotals &t) {
                return t.name == seg.townshipName && t.code == seg.townshipCode;
            });
        if (town == st.m_byTownship.end()) {
            st.m_byTownship.push_back({seg.townshipCode, seg.townshipName, {}, {}});
            town = std::prev(st.m_byTownship.end());
        }
        town->total.add(seg);
        town->byStatus[ss.status].add(seg);
        st.m_segments.push_back(ss);
    }
    return st;
}

Status CorridorState::statusOf(std::string_view segmentId) const
{
    for (const auto &s : m_segments)
        if (s.segment->id == segmentId)
            return s.status;
    return Status::None;
}

QJsonObject CorridorState::toJson(bool withSegments) const
{
    QJsonObject o;
    o.insert(QStringLiteral("date"), qs(m_date));
    o.insert(QStringLiteral("layer"), qs(m_layerName));
    o.insert(QStringLiteral("total"), totalsJson(m_total));
    o.insert(QStringLiteral("by_status"), byStatusJson(m_byStatus));
    QJsonArray towns;
    for (const auto &t : m_byTownship) {
        QJsonObject j = totalsJson(t.total);
        j.insert(QStringLiteral("code"), qs(t.code));
        j.insert(QStringLiteral("name"), qs(t.name));
        j.insert(QStringLiteral("by_status"), byStatusJson(t.byStatus));
        towns.append(j);
    }
    o.insert(QStringLiteral("by_township"), towns);
    if (withSegments) {
        QJsonArray segs;
        for (const auto &s : m_segments)
            segs.append(QJsonObject{{QStringLiteral("id"), qs(s.segment->id)},
                                    {QStringLiteral("from"), qs(formatChainage(s.segment->startM))},
                                    {QStringLiteral("to"), qs(formatChainage(s.segment->endM))},
                                    {QStringLiteral("length_m"), round2(s.segment->lengthM())},
                                    {QStringLiteral("area_m2"), round2(s.segment->areaM2)},
                                    {QStringLiteral("township"), qs(s.segment->townshipName)},
                                    {QStringLiteral("status"), qs(statusId(s.status))},
                                    {QStringLiteral("label"), qs(statusLabelZh(s.status))},
                                    {QStringLiteral("percent"), s.percent},
                                    {QStringLiteral("since"), qs(s.since)}});
        o.insert(QStringLiteral("segments"), segs);
    }
    return o;
}

std::string CorridorState::toText() const
{
    QString out;
    // Pads to a terminal width where CJK characters take two columns.
    auto padded = [](const QString &text, int columns) {
        int w = 0;
        for (const QChar c : text)
            w += c.unicode() >= 0x2E80 ? 2 : 1;
        return text + QString(std::max(0, columns - w), QLatin1Char(' '));
    };
    auto row = [&](const QString &name, const Totals &t) {
        out += QStringLiteral("  %1 %2 段  %3 m  %4 m²  %5 亩  %6 公顷\n")
                   .arg(padded(name, 12))
                   .arg(t.segments, 3)
                   .arg(t.lengthM, 10, 'f', 1)
                   .arg(t.areaM2, 13, 'f', 2)
                   .arg(m2ToMu(t.areaM2), 10, 'f', 2)
                   .arg(m2ToHa(t.areaM2), 8, 'f', 2);
    };
    out += QStringLiteral("%1 on %2\n").arg(qs(m_layerName), qs(m_date));
    out += QStringLiteral("by status (按状态):\n");
    for (Status s : kAllStatuses) {
        const Totals &t = m_byStatus.at(s);
        if (s == Status::None && t.segments == 0)
            continue;
        row(qs(statusLabelZh(s)), t);
    }
    row(QStringLiteral("合计"), m_total);
    out += QStringLiteral("by township (按乡镇):\n");
    for (const auto &t : m_byTownship) {
        row(t.name.empty() ? QStringLiteral("(未填乡镇)") : qs(t.name), t.total);
        for (Status s : kAllStatuses)
            if (auto it = t.byStatus.find(s); it != t.byStatus.end() && it->second.segments > 0)
                row(QStringLiteral("  ") + qs(statusLabelZh(s)), it->second);
    }
    return out.toStdString();
}

} // namespace planlines::geodata::corridor
