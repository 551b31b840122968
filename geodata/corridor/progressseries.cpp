#include "progressseries.h"

#include <algorithm>
#include <set>

namespace planlines::geodata::corridor {

SeriesPoint ProgressSeries::valueOn(const std::vector<SeriesPoint> &series, const std::string &date)
{
    SeriesPoint v{date, 0, 0};
    for (const auto &p : series)
        if (p.date <= date) {
            v.lengthM = p.lengthM;
            v.areaM2 = p.areaM2;
        }
    return v;
}

ProgressSeries progressSeries(const Corridor &corridor)
{
    ProgressSeries s;
    s.totalLengthM = corridor.totalLengthM();
    s.totalAreaM2 = corridor.totalAreaM2();

    std::set<std::string> dates;
    for (const auto &e : corridor.entries())
        if (corridor.segment(e.segmentId))
            dates.insert(e.date);
    for (const auto &date : dates) {
        SeriesPoint p{date, 0, 0};
        for (const auto &seg : corridor.segments())
            if (const ProgressEntry *e = corridor.entryOn(seg.id, date);
                e && isFinished(e->status)) {
                p.lengthM += seg.lengthM();
                p.areaM2 += seg.areaM2;
            }
        if (s.actual.empty() || s.actual.back().lengthM != p.lengthM ||
            s.actual.back().areaM2 != p.areaM2)
            s.actual.push_back(p);
    }

    std::set<std::string> planDates;
    for (const auto &seg : corridor.segments())
        if (!seg.planEnd.empty())
            planDates.insert(seg.planEnd);
    for (const auto &date : planDates) {
        SeriesPoint p{date, 0, 0};
        for (const auto &seg : corridor.segments())
            if (!seg.planEnd.empty() && seg.planEnd <= date) {
                p.lengthM += seg.lengthM();
                p.areaM2 += seg.areaM2;
            }
        s.planned.push_back(p);
    }
    return s;
}

TownshipStatusTable townshipStatus(const CorridorState &state)
{
    TownshipStatusTable t;
    for (const auto &town : state.byTownship()) {
        t.townships.push_back(town.name);
        std::vector<double> len, area;
        for (Status st : kAllStatuses) {
            const auto it = town.byStatus.find(st);
            len.push_back(it == town.byStatus.end() ? 0 : it->second.lengthM);
            area.push_back(it == town.byStatus.end() ? 0 : it->second.areaM2);
        }
        t.lengthM.push_back(std::move(len));
        t.areaM2.push_back(std::move(area));
    }
    return t;
}

} // namespace planlines::geodata::corridor
