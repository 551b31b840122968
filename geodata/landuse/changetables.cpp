#include "changetables.h"

#include "landuseclasses.h"

#include "../area.h"
#include "../savefile.h"

#include <map>
#include <set>

namespace planlines::geodata::landuse {

namespace {

// Codes in 三调 order, with "" (no parcel) last.
bool codeLess(const std::string &a, const std::string &b)
{
    if (a.empty() != b.empty())
        return b.empty();
    return a < b;
}

using CodeSet = std::set<std::string, decltype(&codeLess)>;

std::vector<TransferCell> filtered(const std::vector<TransferCell> &matrix, bool outflow)
{
    std::vector<TransferCell> out;
    for (const auto &c : matrix) {
        const bool from = isCultivated(c.fromCode), to = isCultivated(c.toCode);
        if (outflow ? (from && !to) : (!from && to))
            out.push_back(c);
    }
    return out;
}

TableCell num(double v, int decimals = 2)
{
    return {v, decimals};
}
TableCell str(std::string s)
{
    return {std::move(s)};
}

// A square matrix in 亩: one row per old class, one column per new class, totals.
Table squareMatrix(const std::vector<TransferCell> &cells, const std::string &file,
                   const std::string &sheet,
                   const std::function<std::string(const std::string &)> &label)
{
    CodeSet codes(&codeLess);
    std::map<std::pair<std::string, std::string>, double> area;
    for (const auto &c : cells) {
        codes.insert(c.fromCode);
        codes.insert(c.toCode);
        area[{c.fromCode, c.toCode}] += c.areaM2;
    }
    Table t{file, sheet, {"原地类＼现地类（亩）"}, {}};
    for (const auto &c : codes)
        t.headers.push_back(label(c));
    t.headers.push_back("合计");
    std::map<std::string, double> columnTotals;
    double total = 0;
    for (const auto &from : codes) {
        std::vector<TableCell> row{str(label(from))};
        double rowTotal = 0;
        for (const auto &to : codes) {
            const auto it = area.find({from, to});
            const double mu = it == area.end() ? 0 : m2ToMu(it->second);
            row.push_back(num(mu, 4));
            rowTotal += mu;
            columnTotals[to] += mu;
        }
        row.push_back(num(rowTotal, 4));
        total += rowTotal;
        t.rows.push_back(std::move(row));
    }
    std::vector<TableCell> last{str("合计")};
    for (const auto &to : codes)
        last.push_back(num(columnTotals[to], 4));
    last.push_back(num(total, 4));
    t.rows.push_back(std::move(last));
    return t;
}

void appendCsvField(std::string &out, const std::string &v)
{
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
        out += v;
        return;
    }
    out += '"';
    for (const char c : v) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

std::string cellText(const TableCell &c)
{
    if (const auto *s = std::get_if<std::string>(&c.value))
        return *s;
    if (const auto *i = std::get_if<std::int64_t>(&c.value))
        return std::to_string(*i);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", c.decimals, std::get<double>(c.value));
    return buf;
}

} // namespace

std::string classLabel(const ChangeResult &r, const std::string &code)
{
    if (code.empty())
        return std::string(secondLevelName(code));
    std::string name;
    if (const auto it = r.classNames.find(code); it != r.classNames.end())
        name = it->second;
    if (name.empty())
        name = secondLevelName(code);
    return name.empty() ? code : code + " " + name;
}

std::vector<TransferCell> firstLevelMatrix(const std::vector<TransferCell> &matrix)
{
    std::map<std::pair<std::string, std::string>, TransferCell> cells;
    for (const auto &c : matrix) {
        const std::string from = firstLevel(c.fromCode), to = firstLevel(c.toCode);
        auto &cell = cells[{from, to}];
        cell.fromCode = from;
        cell.toCode = to;
        cell.areaM2 += c.areaM2;
        cell.officialM2 += c.officialM2;
    }
    std::vector<TransferCell> out;
    for (auto &[k, c] : cells)
        out.push_back(std::move(c));
    return out;
}

std::vector<TransferCell> cultivatedOutflow(const std::vector<TransferCell> &matrix)
{
    return filtered(matrix, true);
}

std::vector<TransferCell> cultivatedInflow(const std::vector<TransferCell> &matrix)
{
    return filtered(matrix, false);
}

Balance balance(const std::vector<TransferCell> &matrix)
{
    Balance b;
    for (const auto &c : matrix) {
        const bool from = isCultivated(c.fromCode), to = isCultivated(c.toCode);
        if (from && to && c.fromCode != c.toCode)
            b.internalM2 += c.areaM2;
        if (from && !to) {
            b.outflowM2 += c.areaM2;
            if (isBalanceClass(c.toCode))
                b.balanceOutM2 += c.areaM2;
        }
        if (!from && to) {
            b.inflowM2 += c.areaM2;
            if (isBalanceClass(c.fromCode))
                b.balanceInM2 += c.areaM2;
        }
    }
    return b;
}

std::vector<Table> changeTables(const ChangeResult &r)
{
    auto label = [&](const std::string &code) { return classLabel(r, code); };
    auto firstLabel = [](const std::string &code) {
        const std::string name(firstLevelName(code));
        return code.empty() ? name : name.empty() ? code : code + " " + name;
    };
    std::vector<Table> tables;
    tables.push_back(squareMatrix(firstLevelMatrix(r.matrix), "matrix_level1.csv",
                                  "转移矩阵_一级类", firstLabel));
    tables.push_back(squareMatrix(r.matrix, "matrix_level2.csv", "转移矩阵_二级类", label));

    Table detail{"transfer.csv",
                 "转移明细",
                 {"乡镇代码", "乡镇名称", "原地类编码", "原地类名称", "现地类编码", "现地类名称",
                  "面积（平方米）", "面积（亩）", "面积（公顷）"},
                 {}};
    if (r.hasOfficial)
        detail.headers.push_back("图斑地类面积分摊（平方米）");
    auto detailRows = [&](const std::string &code, const std::string &name,
                          const std::vector<TransferCell> &cells) {
        for (const auto &c : cells) {
            std::vector<TableCell> row{str(code),
                                       str(name),
                                       str(c.fromCode),
                                       str(label(c.fromCode)),
                                       str(c.toCode),
                                       str(label(c.toCode)),
                                       num(c.areaM2),
                                       num(m2ToMu(c.areaM2), 4),
                                       num(m2ToHa(c.areaM2), 4)};
            if (r.hasOfficial)
                row.push_back(num(c.officialM2));
            detail.rows.push_back(std::move(row));
        }
    };
    detailRows("", "全县", r.matrix);
    for (const auto &t : r.townships)
        detailRows(t.code, t.name, t.matrix);
    tables.push_back(std::move(detail));

    auto flowTable = [&](const std::vector<TransferCell> &cells, bool out) {
        Table t{out ? "outflow.csv" : "inflow.csv",
                out ? "耕地流出" : "耕地流入",
                {out ? "耕地地类" : "来源地类", out ? "去向地类" : "耕地地类", "面积（平方米）",
                 "面积（亩）"},
                {}};
        for (const auto &c : cells)
            t.rows.push_back({str(label(c.fromCode)), str(label(c.toCode)), num(c.areaM2),
                              num(m2ToMu(c.areaM2), 4)});
        return t;
    };
    tables.push_back(flowTable(cultivatedOutflow(r.matrix), true));
    tables.push_back(flowTable(cultivatedInflow(r.matrix), false));

    const Balance b = balance(r.matrix);
    Table bt{"balance.csv", "进出平衡", {"项目", "面积（平方米）", "面积（亩）"}, {}};
    auto line = [&](const char *what, double m2) {
        bt.rows.push_back({str(what), num(m2), num(m2ToMu(m2), 4)});
    };
    line("耕地流出", b.outflowM2);
    line("耕地流入", b.inflowM2);
    line("耕地净增减", b.netM2());
    line("耕地内部转换（水田、水浇地、旱地之间）", b.internalM2);
    line("进出平衡：耕地转为园地、林地、草地、设施农用地、养殖坑塘", b.balanceOutM2);
    line("进出平衡：园地、林地、草地、设施农用地、养殖坑塘转为耕地", b.balanceInM2);
    line("进出平衡：差额（转入减转出）", b.balanceInM2 - b.balanceOutM2);
    bt.rows.push_back({str("进出平衡是否落实"), str(b.balanced() ? "是" : "否"), str("")});
    bt.rows.push_back({str("面积口径"), str("工作坐标系平面面积"), str("")});
    tables.push_back(std::move(bt));

    Table towns{"townships.csv",
                "乡镇汇总",
                {"乡镇代码", "乡镇名称", "耕地流出（亩）", "耕地流入（亩）", "耕地净增减（亩）",
                 "地类变化面积（亩）"},
                {}};
    for (const auto &t : r.townships) {
        const Balance tb = balance(t.matrix);
        double changed = 0;
        for (const auto &c : t.matrix)
            if (c.fromCode != c.toCode)
                changed += c.areaM2;
        towns.rows.push_back({str(t.code), str(t.name), num(m2ToMu(tb.outflowM2), 4),
                              num(m2ToMu(tb.inflowM2), 4), num(m2ToMu(tb.netM2()), 4),
                              num(m2ToMu(changed), 4)});
    }
    tables.push_back(std::move(towns));

    Table zones{"zones.csv",
                "控制线内变化",
                {"控制线", "原地类", "现地类", "面积（平方米）", "面积（亩）"},
                {}};
    for (const auto *z : {&r.farmland, &r.redline}) {
        if (!z->present)
            continue;
        const char *name = z == &r.farmland ? "永久基本农田" : "生态保护红线";
        for (const auto &c : z->cells)
            zones.rows.push_back({str(name), str(label(c.fromCode)), str(label(c.toCode)),
                                  num(c.areaM2), num(m2ToMu(c.areaM2), 4)});
    }
    tables.push_back(std::move(zones));

    Table pieces{"changes.csv",
                 "变化图斑",
                 {"序号", "乡镇代码", "原地类编码", "原地类名称", "现地类编码", "现地类名称",
                  "面积（平方米）", "面积（亩）", "原标识码", "原图斑编号", "现标识码",
                  "现图斑编号", "永久基本农田内（平方米）", "生态保护红线内（平方米）"},
                 {}};
    std::int64_t n = 0;
    for (const auto &p : r.pieces)
        pieces.rows.push_back({{++n},
                               str(p.township),
                               str(p.fromCode),
                               str(label(p.fromCode)),
                               str(p.toCode),
                               str(label(p.toCode)),
                               num(p.areaM2),
                               num(m2ToMu(p.areaM2), 4),
                               str(p.oldBsm),
                               str(p.oldTbbh),
                               str(p.newBsm),
                               str(p.newTbbh),
                               num(p.farmlandM2),
                               num(p.redlineM2)});
    tables.push_back(std::move(pieces));
    return tables;
}

void writeCsvTables(const std::vector<Table> &tables, const std::string &dir)
{
    for (const auto &t : tables) {
        std::string out = "\xEF\xBB\xBF";
        for (std::size_t c = 0; c < t.headers.size(); ++c) {
            if (c)
                out += ',';
            appendCsvField(out, t.headers[c]);
        }
        out += "\r\n";
        for (const auto &row : t.rows) {
            for (std::size_t c = 0; c < row.size(); ++c) {
                if (c)
                    out += ',';
                appendCsvField(out, cellText(row[c]));
            }
            out += "\r\n";
        }
        saveFile(dir + "/" + t.file, out);
    }
}

} // namespace planlines::geodata::landuse
