// Data for the corridor's charts: cumulative finished length and area over time, actual (from
// the progress history) against plan (from each segment's planned completion date, JHWG), and
// the status by township on a date. Shared by the PDF report and the GUI charts.
#pragma once

#include "corridorstate.h"

#include <string>
#include <vector>

namespace planlines::geodata::corridor {

struct SeriesPoint
{
    std::string date;   // YYYY-MM-DD
    double lengthM = 0; // cumulative, along the levee
    double areaM2 = 0;
};

struct ProgressSeries
{
    // A step series: the value holds from a point's date to the next point's.
    // actual: segments whose status on the date is finished (已完工, 已验收 or 养护), one point
    // per date on which that total changes; starts at the first entry's date with its value.
    std::vector<SeriesPoint> actual;
    // planned: segments whose planned completion (JHWG) is on or before the date, one point per
    // distinct JHWG date; segments without JHWG are left out.
    std::vector<SeriesPoint> planned;
    double totalLengthM = 0;
    double totalAreaM2 = 0;

    // The value of a step series on a date (0 before its first point).
    static SeriesPoint valueOn(const std::vector<SeriesPoint> &series, const std::string &date);
};

ProgressSeries progressSeries(const Corridor &corridor);

// One row per township (in the order of CorridorState::byTownship) and one column per status
// of kAllStatuses: length in metres along the levee.
struct TownshipStatusTable
{
    std::vector<std::string> townships;
    std::vector<std::vector<double>> lengthM; // [township][status index]
    std::vector<std::vector<double>> areaM2;
};
TownshipStatusTable townshipStatus(const CorridorState &state);

} // namespace planlines::geodata::corridor
