#include "progresscsv.h"
#include "../chainage.h"
#include "../import/textencoding.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QString>

#include <fstream>
#include <map>
#include <sstream>

namespace planlines::geodata::corridor {

namespace {

enum class Column
{
    Segment,
    Chainage,
    Date,
    Status,
    Percent,
    Planted,
    Note,
    Photos
};

struct ColumnName
{
    Column column;
    std::vector<const char *> names;
};

const std::vector<ColumnName> &columnNames()
{
    static const std::vector<ColumnName> kNames = {
        {Column::Segment, {"segment", "segment_id", "segid", "段编号", "编号", "段号"}},
        {Column::Chainage, {"chainage", "range", "桩号", "桩号范围", "起止桩号"}},
        {Column::Date, {"date", "日期"}},
        {Column::Status, {"status", "状态"}},
        {Column::Percent, {"percent", "完成比例", "完成率", "进度", "完成百分比"}},
        {Column::Planted, {"planted_area_m2", "planted_area", "栽植面积", "种植面积"}},
        {Column::Note, {"note", "备注", "说明"}},
        {Column::Photos, {"photos", "photo", "照片"}},
    };
    return kNames;
}

std::optional<Column> columnOf(const QString &header)
{
    const QString h = header.trimmed().toLower();
    for (const auto &c : columnNames())
        for (const char *n : c.names)
            if (h == QString::fromUtf8(n))
                return c.column;
    return std::nullopt;
}

struct Record
{
    int line = 0;
    std::vector<QString> fields;
};

// RFC 4180: commas, double quotes (doubled inside), CRLF or LF; a quoted field may span lines.
std::vector<Record> parseCsv(const QString &text)
{
    std::vector<Record> out;
    Record rec;
    QString field;
    bool quoted = false, any = false;
    int line = 1;
    rec.line = 1;
    auto endField = [&] {
        rec.fields.push_back(field);
        field.clear();
    };
    auto endRecord = [&] {
        endField();
        const bool blank = rec.fields.size() == 1 && rec.fields[0].trimmed().isEmpty();
        if (!blank)
            out.push_back(std::move(rec));
        rec = Record{};
        any = false;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (!any) {
            rec.line = line;
            any = true;
        }
        if (c == QLatin1Char('"'))
            quoted = true;
        else if (c == QLatin1Char(','))
            endField();
        else if (c == QLatin1Char('\r'))
            continue;
        else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
        } else
            field += c;
    }
    if (any || !field.isEmpty())
        endRecord();
    return out;
}

std::optional<double> parseNumber(QString text, bool allowPercentSign)
{
    text = text.trimmed();
    if (allowPercentSign && (text.endsWith(QLatin1Char('%')) || text.endsWith(QChar(0xFF05))))
        text.chop(1);
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

} // namespace

std::string progressCsvColumnsHelp()
{
    std::string out;
    for (const auto &c : columnNames()) {
        for (std::size_t i = 0; i < c.names.size(); ++i)
            out += (i ? " / " : "") + std::string(c.names[i]);
        out += "\n";
    }
    return out;
}

ProgressCsvResult importProgressCsv(Project &project, const Corridor &corridor,
                                    const std::string &path, bool dryRun)
{
    ProgressCsvResult r;
    r.path = path;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot open the file", path);
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string bytes = buf.str();
    if (bytes.find('\0') != std::string::npos)
        throw Error("this is not a text (CSV) file", path);
    r.encoding = import::detectEncoding(bytes).name;
    std::string utf8;
    try {
        utf8 = import::toUtf8(bytes, r.encoding);
    } catch (const Error &e) {
        throw Error(e.cause(), path);
    }
    const auto records = parseCsv(QString::fromStdString(utf8));
    if (records.empty())
        throw Error("the file is empty (a header row is needed: segment or chainage, date, "
                    "status …)",
                    path);

    std::map<Column, std::size_t> cols;
    const auto &header = records.front().fields;
    for (std::size_t i = 0; i < header.size(); ++i) {
        const auto c = columnOf(header[i]);
        if (!c) {
            if (!header[i].trimmed().isEmpty())
                r.ignoredColumns.push_back(header[i].trimmed().toStdString());
            continue;
        }
        if (cols.count(*c))
            throw Error("line 1: column '" + header[i].trimmed().toStdString() +
                            "' repeats another column of the same meaning",
                        path);
        cols[*c] = i;
    }
    if (!cols.count(Column::Segment) && !cols.count(Column::Chainage))
        throw Error("line 1: no segment column (segment, 段编号) or chainage column (chainage, "
                    "桩号)",
                    path);
    if (!cols.count(Column::Date))
        throw Error("line 1: no date column (date, 日期)", path);
    if (!cols.count(Column::Status))
        throw Error("line 1: no status column (status, 状态)", path);

    const QString baseDir = QFileInfo(QString::fromStdString(path)).absolutePath();
    for (std::size_t ri = 1; ri < records.size(); ++ri) {
        const Record &rec = records[ri];
        ++r.rows;
        auto get = [&](Column c) {
            const auto it = cols.find(c);
            return it == cols.end() || it->second >= rec.fields.size()
                       ? QString()
                       : rec.fields[it->second].trimmed();
        };
        auto bad = [&](std::string reason) { r.errors.push_back({rec.line, std::move(reason)}); };
        if (rec.fields.size() > header.size()) {
            bad("has " + std::to_string(rec.fields.size()) + " fields, the header " +
                std::to_string(header.size()));
            continue;
        }
        ProgressInput base;
        base.date = get(Column::Date).toStdString();
        const QString statusText = get(Column::Status);
        const auto status = statusFromText(statusText.toStdString());
        if (!status) {
            bad(statusText.isEmpty() ? std::string("no status")
                                     : "unknown status '" + statusText.toStdString() +
                                           "' (规划, 施工中, 已完工, 已验收, 养护)");
            continue;
        }
        base.status = *status;
        if (const QString p = get(Column::Percent); !p.isEmpty()) {
            base.percent = parseNumber(p, true);
            if (!base.percent) {
                bad("percent '" + p.toStdString() + "' is not a number");
                continue;
            }
        }
        if (const QString a = get(Column::Planted); !a.isEmpty()) {
            base.plantedAreaM2 = parseNumber(a, false);
            if (!base.plantedAreaM2) {
                bad("planted area '" + a.toStdString() + "' is not a number");
                continue;
            }
        }
        base.note = get(Column::Note).toStdString();
        for (const QString &ph :
             get(Column::Photos)
                 .split(QRegularExpression(QStringLiteral("[;；|]")), Qt::SkipEmptyParts))
            base.photos.push_back(QDir(baseDir).absoluteFilePath(ph.trimmed()).toStdString());

        const QString seg = get(Column::Segment), range = get(Column::Chainage);
        std::vector<std::string> segmentIds;
        if (!seg.isEmpty() && !range.isEmpty()) {
            bad("gives both a segment and a chainage range; give one");
            continue;
        }
        if (!seg.isEmpty()) {
            segmentIds.push_back(seg.toStdString());
        } else if (!range.isEmpty()) {
            const auto rg = parseChainageRange(range.toStdString());
            if (!rg) {
                bad("'" + range.toStdString() + "' is not a chainage range (e.g. K1+200-K3+400)");
                continue;
            }
            const auto segs = corridor.segmentsInRange(rg->first, rg->second);
            if (segs.empty()) {
                bad("chainage range " + range.toStdString() + " overlaps no segment");
                continue;
            }
            for (const Segment *s : segs)
                segmentIds.push_back(s->id);
        } else {
            bad("no segment and no chainage range");
            continue;
        }
        bool rowOk = true;
        for (const auto &id : segmentIds) {
            ProgressInput input = base;
            input.segmentId = id;
            if (auto reason = validateProgress(corridor, input)) {
                bad(*reason);
                rowOk = false;
                break;
            }
            // Two rows of one file for the same segment, date and status are a mistake too.
            for (std::size_t k = 0; k < r.inputs.size(); ++k)
                if (r.inputs[k].segmentId == id && r.inputs[k].date == input.date &&
                    r.inputs[k].status == input.status) {
                    bad("repeats line " + std::to_string(r.inputLines[k]) + " for segment " + id +
                        " on " + input.date);
                    rowOk = false;
                    break;
                }
            if (!rowOk)
                break;
            r.inputs.push_back(std::move(input));
            r.inputLines.push_back(rec.line);
        }
    }
    if (r.rows == 0)
        throw Error("the file has a header but no rows", path);
    if (!r.errors.empty() || dryRun)
        return r;
    r.entryIds = recordProgress(project, corridor, r.inputs, "import " + path);
    r.applied = true;
    return r;
}

std::string ProgressCsvResult::toText() const
{
    std::string out;
    for (const auto &c : ignoredColumns)
        out += path + ": column '" + c + "' is not understood and was ignored\n";
    for (const auto &e : errors)
        out += path + ": line " + std::to_string(e.line) + ": " + e.reason + "\n";
    if (!errors.empty())
        out += path + ": " + std::to_string(errors.size()) + " of " + std::to_string(rows) +
               " rows refused; nothing was recorded (fix the rows and import the file again)\n";
    else if (applied)
        out += path + ": " + std::to_string(rows) + " rows (" + encoding + ") recorded as " +
               std::to_string(entryIds.size()) + " progress entries\n";
    else
        out += path + ": " + std::to_string(rows) + " rows (" + encoding + ") are valid (" +
               std::to_string(inputs.size()) + " entries); nothing recorded (dry run)\n";
    return out;
}

} // namespace planlines::geodata::corridor
