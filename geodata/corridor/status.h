// The construction status of a corridor segment (规划 → 施工中 → 已完工 → 已验收 → 养护), with
// the stable ids stored in corridor_progress and the Chinese labels staff read and write.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace planlines::geodata::corridor {

enum class Status
{
    None, // no progress entry on or before the date
    Planned,
    UnderConstruction,
    Completed,
    Accepted,
    Maintenance,
};

// The five recorded statuses in their order of progress (None is not one of them).
inline constexpr std::array kRecordedStatuses = {Status::Planned, Status::UnderConstruction,
                                                 Status::Completed, Status::Accepted,
                                                 Status::Maintenance};
// Every status a state on a date can show, None last.
inline constexpr std::array kAllStatuses = {Status::Planned,     Status::UnderConstruction,
                                            Status::Completed,   Status::Accepted,
                                            Status::Maintenance, Status::None};

// "planned", "under_construction", "completed", "accepted", "maintenance", "none" (stable:
// database, CSV, JSON and the corridor style's category values).
std::string_view statusId(Status s);
// 规划, 施工中, 已完工, 已验收, 养护, 未记录 (UTF-8).
std::string_view statusLabelZh(Status s);
std::string_view statusLabelEn(Status s);
// Reads an id, a Chinese label or a common synonym (在建, 已建成, 管护, 计划 …); case and
// surrounding spaces are ignored. "none" is not accepted: it cannot be recorded.
std::optional<Status> statusFromText(std::string_view text);
// True for completed, accepted and maintenance: the works are finished.
constexpr bool isFinished(Status s)
{
    return s == Status::Completed || s == Status::Accepted || s == Status::Maintenance;
}

} // namespace planlines::geodata::corridor
