#include "status.h"

#include <QString>

namespace planlines::geodata::corridor {

std::string_view statusId(Status s)
{
    switch (s) {
    case Status::None:
        return "none";
    case Status::Planned:
        return "planned";
    case Status::UnderConstruction:
        return "under_construction";
    case Status::Completed:
        return "completed";
    case Status::Accepted:
        return "accepted";
    case Status::Maintenance:
        return "maintenance";
    }
    return "none";
}

std::string_view statusLabelZh(Status s)
{
    switch (s) {
    case Status::None:
        return "未记录";
    case Status::Planned:
        return "规划";
    case Status::UnderConstruction:
        return "施工中";
    case Status::Completed:
        return "已完工";
    case Status::Accepted:
        return "已验收";
    case Status::Maintenance:
        return "养护";
    }
    return "未记录";
}

std::string_view statusLabelEn(Status s)
{
    switch (s) {
    case Status::None:
        return "not recorded";
    case Status::Planned:
        return "planned";
    case Status::UnderConstruction:
        return "under construction";
    case Status::Completed:
        return "completed";
    case Status::Accepted:
        return "accepted";
    case Status::Maintenance:
        return "maintenance";
    }
    return "not recorded";
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
