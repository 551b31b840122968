#include "landuseclasses.h"

#include <array>
#include <utility>

namespace planlines::geodata::landuse {

namespace {
using Name = std::pair<std::string_view, std::string_view>;

constexpr std::array kSecond = {
    Name{"0101", "水田"},
    Name{"0102", "水浇地"},
    Name{"0103", "旱地"},
    Name{"0201", "果园"},
    Name{"0202", "茶园"},
    Name{"0203", "橡胶园"},
    Name{"0204", "其他园地"},
    Name{"0301", "乔木林地"},
    Name{"0302", "竹林地"},
    Name{"0303", "红树林地"},
    Name{"0304", "森林沼泽"},
    Name{"0305", "灌木林地"},
    Name{"0306", "灌丛沼泽"},
    Name{"0307", "其他林地"},
    Name{"0401", "天然牧草地"},
    Name{"0402", "沼泽草地"},
    Name{"0403", "人工牧草地"},
    Name{"0404", "其他草地"},
    Name{"0601", "工业用地"},
    Name{"0602", "采矿用地"},
    Name{"0603", "盐田"},
    Name{"0701", "城镇住宅用地"},
    Name{"0702", "农村宅基地"},
    Name{"1001", "铁路用地"},
    Name{"1002", "轨道交通用地"},
    Name{"1003", "公路用地"},
    Name{"1004", "城镇村道路用地"},
    Name{"1005", "交通服务场站用地"},
    Name{"1006", "农村道路"},
    Name{"1007", "机场用地"},
    Name{"1008", "港口码头用地"},
    Name{"1009", "管道运输用地"},
    Name{"1101", "河流水面"},
    Name{"1102", "湖泊水面"},
    Name{"1103", "水库水面"},
    Name{"1104", "坑塘水面"},
    Name{"1104A", "养殖坑塘"},
    Name{"1105", "沿海滩涂"},
    Name{"1106", "内陆滩涂"},
    Name{"1107", "沟渠"},
    Name{"1108", "沼泽地"},
    Name{"1109", "水工建筑用地"},
    Name{"1110", "冰川及永久积雪"},
    Name{"1201", "空闲地"},
    Name{"1202", "设施农用地"},
    Name{"1203", "田坎"},
    Name{"1204", "盐碱地"},
    Name{"1205", "沙地"},
    Name{"1206", "裸土地"},
    Name{"1207", "裸岩石砾地"},
    Name{"201", "城市"},
    Name{"201A", "城市独立工业用地"},
    Name{"202", "建制镇"},
    Name{"202A", "建制镇独立工业用地"},
    Name{"203", "村庄"},
    Name{"203A", "村庄独立工业用地"},
    Name{"204", "盐田及采矿用地"},
    Name{"205", "特殊用地"},
};

constexpr std::array kFirst = {
    Name{"00", "湿地"},
    Name{"01", "耕地"},
    Name{"02", "园地"},
    Name{"03", "林地"},
    Name{"04", "草地"},
    Name{"05", "商业服务业用地"},
    Name{"06", "工矿用地"},
    Name{"07", "住宅用地"},
    Name{"08", "公共管理与公共服务用地"},
    Name{"09", "特殊用地"},
    Name{"10", "交通运输用地"},
    Name{"11", "水域及水利设施用地"},
    Name{"12", "其他土地"},
    Name{"20", "城镇村及工矿用地"},
};

std::string_view lookup(const auto &table, std::string_view code)
{
    for (const auto &[c, n] : table)
        if (c == code)
            return n;
    return {};
}
} // namespace

std::string firstLevel(std::string_view dlbm)
{
    return std::string(dlbm.substr(0, 2));
}

std::string_view secondLevelName(std::string_view dlbm)
{
    if (dlbm.empty())
        return "（无图斑）";
    return lookup(kSecond, dlbm);
}

std::string_view firstLevelName(std::string_view code)
{
    if (code.empty())
        return "（无图斑）";
    return lookup(kFirst, code);
}

bool isCultivated(std::string_view dlbm)
{
    return dlbm == "0101" || dlbm == "0102" || dlbm == "0103";
}

bool isBalanceClass(std::string_view dlbm)
{
    const auto first = dlbm.substr(0, 2);
    return first == "02" || first == "03" || first == "04" || dlbm == "1202" || dlbm == "1104A";
}

} // namespace planlines::geodata::landuse
