// How the corridor stood on a date: each segment's status (its last progress entry on or before
// the date) and the totals of length along the levee and area, by status and by township.
#pragma once

#include "corridor.h"

#include <QJsonObject>

#include <map>
#include <string>
#include <vector>

namespace planlines::geodata::corridor {

struct Totals
{
    int segments = 0;
    double lengthM = 0; // along the levee (end − start chainage)
    double areaM2 = 0;
    void add(const Segment &s)
    {
        ++segments;
        lengthM += s.lengthM();
        areaM2 += s.areaM2;
    }
};

struct SegmentState
{
    const Segment *segment = nullptr;
    Status status = Status::None;
    double percent = 0;
    std::string since; // the date of the entry that set the status (empty for None)
};

struct TownshipTotals
{
    std::string code, name;
    Totals total;
    std::map<Status, Totals> byStatus;
};

class CorridorState
{
public:
    // The state on date (YYYY-MM-DD). The corridor must outlive the state.
    static CorridorState on(const Corridor &corridor, const std::string &date);

    const std::string &date() const { return m_date; }
    const std::vector<SegmentState> &segments() const { return m_segments; } // by chainage
    const Totals &total() const { return m_total; }
    // Every status of kAllStatuses has an entry (zero when no segment has it).
    const std::map<Status, Totals> &byStatus() const { return m_byStatus; }
    // By township name, in the order of first appearance along the levee.
    const std::vector<TownshipTotals> &byTownship() const { return m_byTownship; }
    Status statusOf(std::string_view segmentId) const;

    // {"date", "layer", "total": {…}, "by_status": {id: {label, segments, length_m, area_m2,
    //  area_mu, area_ha}}, "by_township": [{code, name, …, by_status}], "segments": [...]}
    QJsonObject toJson(bool withSegments = false) const;
    // A table for the terminal, in Chinese with m, 亩 and 公顷.
    std::string toText() const;

private:
    std::string m_date;
    std::string m_layerName;
    std::vector<SegmentState> m_segments;
    Totals m_total;
    std::map<Status, Totals> m_byStatus;
    std::vector<TownshipTotals> m_byTownship;
};

} // namespace planlines::geodata::corridor
