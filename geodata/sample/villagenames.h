// Plausible, unique names for the sample county's villages (王家庄村) and communities (社区).
// They are made up from common surnames and place-name endings of the Lubei plain.
#pragma once

#include "samplerandom.h"

#include <set>
#include <string>

namespace planlines::geodata::sample {

class VillageNamer
{
public:
    explicit VillageNamer(std::uint64_t seed) : m_rng(seed ^ 0x56494c4c) {}

    std::string next()
    {
        static const char *surnames[] = {
            "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱",
            "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
            "邓", "曹", "彭", "曾", "田", "董", "袁", "潘", "蒋", "蔡", "于", "杜", "程", "魏",
            "苏", "吕", "丁", "任", "崔", "姚", "卢", "姜", "薛", "贾", "侯", "邵", "孟", "常",
            "毕", "耿", "房", "尚", "邢", "葛", "牛", "付", "路", "宁", "石", "滕", "秦", "聂"};
        static const char *endings[] = {"家",   "庄", "家庄", "家村", "官庄", "店",   "家屋子",
                                        "家洼", "楼", "集",   "寨",   "家桥", "家圈", "坊"};
        static const char *prefixes[] = {"东", "西", "南", "北", "前", "后", "大", "小", "新"};
        constexpr int ns = sizeof surnames / sizeof *surnames;
        constexpr int ne = sizeof endings / sizeof *endings;
        constexpr int np = sizeof prefixes / sizeof *prefixes;
        for (int attempt = 0; attempt < 200; ++attempt) {
            std::string base = std::string(surnames[m_rng.below(ns)]) + endings[m_rng.below(ne)];
            if (attempt > 20 || m_rng.uniform() < 0.15)
                base = std::string(prefixes[m_rng.below(np)]) + base;
            const std::string name = base + "村";
            if (m_used.insert(name).second)
                return name;
        }
        const std::string name = "新建" + std::to_string(m_used.size()) + "村";
        m_used.insert(name);
        return name;
    }

    // Urban communities: the town's own name for the first, then common community names,
    // unique in the county (东兴华社区居委会 when 兴华 is taken).
    std::string community(const std::string &township, int seq)
    {
        static const char *names[] = {"青苑", "新城", "兴华", "民安", "千乘", "芦湖", "滨河",
                                      "文昌", "和平", "富康", "锦绣", "开元", "安居", "丰泽",
                                      "阳光", "瑞祥", "翠湖", "振兴", "永安", "长青"};
        static const char *sides[] = {"", "东", "西", "南", "北", "新"};
        constexpr int n = sizeof names / sizeof *names;
        // Without its 街道 or 镇 ending: 田镇街道 → 田镇, 高城镇 → 高城.
        std::string stem = township;
        for (const std::string suffix : {"街道", "镇"})
            if (stem.size() > suffix.size() &&
                stem.compare(stem.size() - suffix.size(), suffix.size(), suffix) == 0) {
                stem.resize(stem.size() - suffix.size());
                break;
            }
        if (seq == 1 && m_used.insert(stem + "社区居委会").second)
            return stem + "社区居委会";
        for (int attempt = 0; attempt < 240; ++attempt) {
            const std::string name =
                std::string(sides[attempt / 40]) + names[m_rng.below(n)] + "社区居委会";
            if (m_used.insert(name).second)
                return name;
        }
        return stem + std::to_string(seq) + "社区居委会";
    }

private:
    Rng m_rng;
    std::set<std::string> m_used;
};

} // namespace planlines::geodata::sample
