#include "corridorsheets.h"

#include <geodata/area.h>
#include <geodata/chainage.h>
#include <geodata/error.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace planlines::layers::sheet {

namespace corridor = geodata::corridor;

namespace {

QString zh(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString chainageRange(double fromM, double toM)
{
    return QStringLiteral("%1—%2").arg(QString::fromStdString(geodata::formatChainage(fromM)),
                                       QString::fromStdString(geodata::formatChainage(toM)));
}

QStringList totalsRow(const QString &label, int segments, double lengthM, double areaM2)
{
    return {label, QString::number(segments), QString::number(lengthM / 1000, 'f', 2),
            QString::number(geodata::m2ToMu(areaM2), 'f', 2)};
}

} // namespace

std::vector<SegmentGroup> segmentGroups(const corridor::Corridor &c, double stepM)
{
    std::vector<SegmentGroup> groups;
    for (const corridor::Segment &s : c.segments()) {
        QString name;
        if (stepM > 0) {
            const double from = std::floor(s.startM / stepM + 1e-9) * stepM;
            name = chainageRange(from, from + stepM);
        } else {
            name =
                QString::fromStdString(s.townshipName.empty() ? s.townshipCode : s.townshipName) +
                QStringLiteral("段");
        }
        if (groups.empty() || groups.back().name != name) {
            groups.push_back({name, {}, s.startM, s.endM, stepM > 0});
            // A township the levee passes twice gets two groups, told apart by chainage.
            for (std::size_t i = 0; stepM <= 0 && i + 1 < groups.size(); ++i)
                if (groups[i].name == name)
                    groups.back().name += QLatin1Char(' ') + chainageRange(s.startM, s.endM);
        }
        groups.back().segments.push_back(&s);
        groups.back().endM = std::max(groups.back().endM, s.endM);
    }
    return groups;
}

std::vector<SheetSpec> corridorSheets(const ProjectMap &map, const corridor::Corridor &c,
                                      const corridor::CorridorState &state,
                                      const std::vector<SegmentGroup> &groups,
                                      const SheetSpec &base)
{
    const LayerData *layer = nullptr;
    for (const auto &l : map.layers())
        if (l.entry.info.table == c.layerTable())
            layer = l.data.get();
    if (!layer)
        throw geodata::Error("the map has no layer of table " + c.layerTable(), c.layerName());
    std::map<std::int64_t, std::uint32_t> byFid;
    for (std::uint32_t f = 0; f < layer->featureCount(); ++f)
        byFid.emplace(layer->featureId(f), f);
    std::map<const corridor::Segment *, corridor::Status> status;
    for (const corridor::SegmentState &s : state.segments())
        status[s.segment] = s.status;

    std::vector<SheetSpec> sheets;
    for (const SegmentGroup &g : groups) {
        SheetSpec s = base;
        s.title = QStringLiteral("%1 %2").arg(QString::fromStdString(c.layerName()), g.name);
        bool first = true;
        corridor::Totals total;
        std::map<corridor::Status, corridor::Totals> byStatus;
        for (const corridor::Segment *seg : g.segments) {
            total.add(*seg);
            const auto st = status.find(seg);
            byStatus[st == status.end() ? corridor::Status::None : st->second].add(*seg);
            const auto f = byFid.find(seg->fid);
            if (f == byFid.end())
                continue;
            const geodata::Envelope e = layer->envelope(f->second);
            s.extent = first ? e
                             : geodata::Envelope{std::min(s.extent.minX, e.minX),
                                                 std::min(s.extent.minY, e.minY),
                                                 std::max(s.extent.maxX, e.maxX),
                                                 std::max(s.extent.maxY, e.maxY)};
            first = false;
        }
        if (first) // no segment drawn: nothing to show
            continue;
        s.highlight = s.extent;
        s.hasHighlight = true;
        if (s.subtitle.isEmpty()) {
            QStringList parts{chainageRange(g.startM, g.endM),
                              QStringLiteral("%1—%2 · %3段")
                                  .arg(QString::fromStdString(g.segments.front()->id),
                                       QString::fromStdString(g.segments.back()->id))
                                  .arg(g.segments.size())};
            if (g.byChainage) {
                QStringList townships;
                for (const corridor::Segment *seg : g.segments)
                    if (const QString t = QString::fromStdString(seg->townshipName);
                        !t.isEmpty() && !townships.contains(t))
                        townships << t;
                parts << townships.join(QStringLiteral("、"));
            }
            s.subtitle = parts.join(QStringLiteral(" · "));
        }
        s.tableTitle =
            QStringLiteral("建设进度（截至%1）").arg(QString::fromStdString(state.date()));
        s.table = {{QStringLiteral("状态"), QStringLiteral("段数"), QStringLiteral("长度（km）"),
                    QStringLiteral("面积（亩）")}};
        for (const corridor::Status st : corridor::kAllStatuses)
            if (const auto it = byStatus.find(st); it != byStatus.end())
                s.table.push_back(totalsRow(zh(corridor::statusLabelZh(st)), it->second.segments,
                                            it->second.lengthM, it->second.areaM2));
        s.table.push_back(
            totalsRow(QStringLiteral("合计"), total.segments, total.lengthM, total.areaM2));
        sheets.push_back(std::move(s));
    }
    return sheets;
}

} // namespace planlines::layers::sheet
