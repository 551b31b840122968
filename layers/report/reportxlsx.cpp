// The report's tables as an XLSX workbook: a 概要 sheet (title, the name–value blocks, the
// verdict and its reasons), then one sheet per table with its header rows bold and frozen and
// its figures as numbers (the formatted text parsed back), so they can be summed and reused.
#include "reportformats.h"

#include "../xlsxfile.h"

#include <QColor>
#include <QRegularExpression>

#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace planlines::layers::report {

namespace {

struct Number
{
    double value = 0;
    int decimals = 0;
    bool percent = false;
};

// "1 234.56" → 1234.56 (2 decimals); "12.5%" → 0.125 shown as a percentage; else nothing.
std::optional<Number> parseNumber(QString text)
{
    for (const QChar c : {QChar(u' '), QChar(u'\u00A0'), QChar(u'\u2009'), QChar(u'\u202F'),
                          QChar(u'\u3000'), QChar(u',')})
        text.remove(c);
    text.replace(QChar(u'\u2212'), QLatin1Char('-'));
    Number n;
    if (text.endsWith(QLatin1Char('%'))) {
        n.percent = true;
        text.chop(1);
    }
    static const QRegularExpression re(QStringLiteral("^[-+]?\\d+(?:\\.(\\d+))?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    n.value = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    n.decimals = int(m.captured(1).size());
    if (n.percent)
        n.value /= 100;
    return n;
}

// How wide a column must be (Excel's unit: a digit, half an em) for text.
double columnWidth(const QString &text)
{
    return 2 * textEms(text);
}

class Workbook
{
public:
    explicit Workbook(const std::string &path) : m_file(path, false) {}

    void summary(const Document &d);
    void table(const Table &t, int index);
    void save() { m_file.save(); }

private:
    lxw_format *format(bool bold, std::optional<Number> number = std::nullopt);
    // The sheet's name: Excel's rules (≤ 31 characters, none of []:*?/\, no ' at either end,
    // unique regardless of case).
    std::string sheetName(QString name);

    XlsxFile m_file;
    std::map<std::tuple<bool, int, bool>, lxw_format *> m_numberFormats;
    lxw_format *m_wrap = nullptr;
    std::set<QString> m_names;
};

lxw_format *Workbook::format(bool bold, std::optional<Number> number)
{
    if (!number)
        return bold ? m_file.bold() : nullptr;
    const auto key = std::make_tuple(bold, number->decimals, number->percent);
    auto &f = m_numberFormats[key];
    if (!f) {
        f = workbook_add_format(m_file.book());
        std::string pattern = number->percent ? "0" : "#,##0";
        if (number->decimals > 0)
            pattern += "." + std::string(std::size_t(number->decimals), '0');
        if (number->percent)
            pattern += "%";
        format_set_num_format(f, pattern.c_str());
        if (bold)
            format_set_bold(f);
    }
    return f;
}

std::string Workbook::sheetName(QString name)
{
    static const QRegularExpression bad(QStringLiteral("[\\[\\]:*?/\\\\]"));
    name.replace(bad, QStringLiteral("_"));
    name = name.simplified();
    while (name.startsWith(QLatin1Char('\'')))
        name.remove(0, 1);
    while (name.endsWith(QLatin1Char('\'')))
        name.chop(1);
    if (name.isEmpty())
        name = QStringLiteral("表");
    QString unique = name.left(31);
    for (int n = 2; m_names.count(unique.toLower()); ++n) {
        const QString tail = QStringLiteral("(%1)").arg(n);
        unique = name.left(31 - tail.size()) + tail;
    }
    m_names.insert(unique.toLower());
    return unique.toStdString();
}

void Workbook::summary(const Document &d)
{
    lxw_worksheet *s = m_file.addSheet(sheetName(QStringLiteral("概要")));
    m_wrap = workbook_add_format(m_file.book());
    format_set_text_wrap(m_wrap);
    format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
    lxw_format *title = workbook_add_format(m_file.book());
    format_set_bold(title);
    format_set_font_size(title, 14);
    worksheet_set_column(s, 0, 0, 20, nullptr);
    worksheet_set_column(s, 1, 1, 90, m_wrap);
    lxw_row_t r = 0;
    auto text = [&](lxw_col_t c, const QString &t, lxw_format *f) {
        worksheet_write_string(s, r, c, t.toStdString().c_str(), f);
    };
    if (!d.title.isEmpty())
        text(0, d.title, title), ++r;
    if (!d.subtitle.isEmpty())
        text(0, d.subtitle, nullptr), ++r;
    const auto &blocks = d.blocks;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        const Block &b = blocks[i];
        if (b.kind == Block::Kind::Fields) {
            ++r;
            if (i > 0 && blocks[i - 1].kind == Block::Kind::Heading)
                text(0, blocks[i - 1].text, m_file.bold()), ++r;
            for (const auto &[label, value] : b.fields.items) {
                text(0, label, m_file.bold());
                text(1, value, m_wrap);
                ++r;
            }
        } else if (b.kind == Block::Kind::Verdict) {
            ++r;
            lxw_format *verdict = workbook_add_format(m_file.book());
            format_set_bold(verdict);
            format_set_font_size(verdict, 14);
            if (QColor::isValidColorName(b.verdict.color))
                format_set_font_color(
                    verdict, lxw_color_t(QColor::fromString(b.verdict.color).rgb() & 0xFFFFFF));
            text(0, QStringLiteral("审查结论"), m_file.bold());
            text(1, b.verdict.text, verdict);
            ++r;
            for (qsizetype k = 0; k < b.verdict.reasons.size(); ++k) {
                text(1, QStringLiteral("%1. %2").arg(k + 1).arg(b.verdict.reasons[k]), m_wrap);
                ++r;
            }
        }
    }
    if (!d.unit.isEmpty()) {
        ++r;
        text(0, QStringLiteral("编制单位"), m_file.bold());
        text(1, d.unit, m_wrap);
    }
}

void Workbook::table(const Table &t, int index)
{
    const QString name = !t.sheetName.isEmpty() ? t.sheetName
                         : !t.caption.isEmpty() ? t.caption
                                                : QStringLiteral("表%1").arg(index);
    lxw_worksheet *s = m_file.addSheet(sheetName(name));
    std::vector<double> widths;
    auto widen = [&](std::size_t c, const QString &text) {
        if (widths.size() <= c)
            widths.resize(c + 1, 8);
        widths[c] = std::max(widths[c], std::min(columnWidth(text) + 2, 60.0));
    };
    lxw_row_t r = 0;
    auto write = [&](const QStringList &cells, bool header, bool bold) {
        for (qsizetype c = 0; c < cells.size(); ++c) {
            const QString &text = cells[c];
            widen(std::size_t(c), text);
            if (text.isEmpty())
                continue;
            const bool numeric =
                !header && std::size_t(c) < t.numeric.size() && t.numeric[std::size_t(c)];
            const auto number = numeric ? parseNumber(text) : std::nullopt;
            if (number)
                worksheet_write_number(s, r, lxw_col_t(c), number->value, format(bold, number));
            else
                worksheet_write_string(s, r, lxw_col_t(c), text.toStdString().c_str(),
                                       format(bold || header));
        }
        ++r;
    };
    for (const auto &h : t.header)
        write(h, true, true);
    for (const auto &row : t.rows)
        write(row, false, false);
    if (!t.total.isEmpty())
        write(t.total, false, true);
    if (!t.header.empty())
        worksheet_freeze_panes(s, lxw_row_t(t.header.size()), 0);
    for (std::size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(s, lxw_col_t(c), lxw_col_t(c), widths[c], nullptr);
    if (!t.note.isEmpty())
        worksheet_write_string(s, r + 1, 0, t.note.toStdString().c_str(), nullptr);
}

} // namespace

void writeReportXlsx(const Document &d, const std::string &path)
{
    Workbook book(path);
    book.summary(d);
    int index = 0;
    for (const Block &b : d.blocks)
        if (b.kind == Block::Kind::Table)
            book.table(b.table, ++index);
    book.save();
}

} // namespace planlines::layers::report
