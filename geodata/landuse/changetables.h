// What the reports derive from a ChangeResult: the 一级类 matrix, 耕地流出/流入, the 进出平衡
// summary, and the tables written as CSV files and XLSX sheets (Chinese headers as staff read
// them). Areas in every table are planar m² in the working CRS unless a header names the
// official figure (图斑地类面积, TBDLMJ allocated by area share).
#pragma once

#include "changeanalysis.h"

#include <QJsonObject>

#include <string>
#include <variant>
#include <vector>

namespace planlines::geodata::landuse {

// A class code as staff read it: "0101 水田" (the layer's DLMC, else the 三调 name), "（无图斑）".
std::string classLabel(const ChangeResult &r, const std::string &code);
// The matrix with DLBM replaced by its 一级类 code (first two digits).
std::vector<TransferCell> firstLevelMatrix(const std::vector<TransferCell> &matrix);
// 耕地 (0101–0103) turned into another class, and other classes turned into 耕地; changes
// between 水田, 水浇地 and 旱地 are neither.
std::vector<TransferCell> cultivatedOutflow(const std::vector<TransferCell> &matrix);
std::vector<TransferCell> cultivatedInflow(const std::vector<TransferCell> &matrix);

struct Balance
{
    double outflowM2 = 0, inflowM2 = 0; // 耕地流出 / 流入, all classes
    double internalM2 = 0;              // between 水田, 水浇地, 旱地
    // 进出平衡: 耕地 into 园地, 林地, 草地, 设施农用地, 养殖坑塘 and back (isBalanceClass).
    double balanceOutM2 = 0, balanceInM2 = 0;
    double netM2() const { return inflowM2 - outflowM2; }
    bool balanced() const { return balanceInM2 + 0.005 >= balanceOutM2; }
};
Balance balance(const std::vector<TransferCell> &matrix);

struct TableCell
{
    std::variant<std::string, double, std::int64_t> value;
    int decimals = 2; // for a double
};

struct Table
{
    std::string file;  // CSV file name (ASCII)
    std::string sheet; // XLSX sheet name (≤ 31 characters)
    std::vector<std::string> headers;
    std::vector<std::vector<TableCell>> rows;
};

// The sheets of the report: 转移矩阵 (一级类, 二级类; 亩), 转移明细 (county and townships),
// 耕地流出, 耕地流入, 进出平衡, 乡镇汇总, 控制线内变化, 变化图斑.
std::vector<Table> changeTables(const ChangeResult &r);
// Writes each table as DIR/<file> in UTF-8 with a byte-order mark (Excel in China reads a CSV
// without one as GBK). Throws Error naming the file.
void writeCsvTables(const std::vector<Table> &tables, const std::string &dir);

// The summary, a line each: what was compared, the parcels, the change pieces, geometry-only
// changes, 耕地流出/流入, 进出平衡 and the changes inside the control lines (亩).
std::vector<std::string> summaryLines(const ChangeResult &r);

// The JSON of `planlines compare --json` (docs: README, compare).
QJsonObject changeJson(const ChangeResult &r);

} // namespace planlines::geodata::landuse
