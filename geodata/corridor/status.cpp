#include "status.h"

#include <QString>

namespace planlines::geodata::corridor {

namespace {

struct StatusNames
{
    Status status;
    std::string_view id, zh, en;
};

// One row per status: its stored id and its labels.
constexpr StatusNames kStatusNames[] = {
    {Status::None, "none", "未记录", "not recorded"},
    {Status::Planned, "planned", "规划", "planned"},
    {Status::UnderConstruction, "under_construction", "施工中", "under construction"},
    {Status::Completed, "completed", "已完工", "completed"},
    {Status::Accepted, "accepted", "已验收", "accepted"},
    {Status::Maintenance, "maintenance", "养护", "maintenance"},
};

const StatusNames &namesOf(Status s)
{
    for (const auto &n : kStatusNames)
        if (n.status == s)
            return n;
    return kStatusNames[0];
}

} // namespace

std::string_view statusId(Status s)
{
    return namesOf(s).id;
}

std::string_view statusLabelZh(Status s)
{
    return namesOf(s).zh;
}

std::string_view statusLabelEn(Status s)
{
    return namesOf(s).en;
}

std::optional<Status> statusFromText(std::string_view text)
{
    const QString t =
        QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())).trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;
    struct Name
    {
        const char *text;
        Status status;
    };
    static constexpr Name kNames[] = {
        {"planned", Status::Planned},
        {"规划", Status::Planned},
        {"计划", Status::Planned},
        {"under_construction", Status::UnderConstruction},
        {"under construction", Status::UnderConstruction},
        {"施工中", Status::UnderConstruction},
        {"施工", Status::UnderConstruction},
        {"在建", Status::UnderConstruction},
        {"completed", Status::Completed},
        {"已完工", Status::Completed},
        {"完工", Status::Completed},
        {"已建成", Status::Completed},
        {"建成", Status::Completed},
        {"accepted", Status::Accepted},
        {"已验收", Status::Accepted},
        {"验收", Status::Accepted},
        {"maintenance", Status::Maintenance},
        {"养护", Status::Maintenance},
        {"管护", Status::Maintenance},
    };
    for (const auto &n : kNames)
        if (t == QString::fromUtf8(n.text))
            return n.status;
    return std::nullopt;
}

} // namespace planlines::geodata::corridor
