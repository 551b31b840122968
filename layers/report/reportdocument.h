// The review report (建设项目用地预审与选址合规性分析) as a document model, independent of any
// output format: the content side (reportcontent.*: what a check record says, in the order and
// with the headings of the report template) fills it, the writers (reportwriter.*: PDF, ODT,
// HTML, XLSX) lay it out. Everything a writer needs is here; a writer never reads the record.
#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

#include <vector>

namespace planlines::layers::report {

// A table: header row(s) repeated on every page the table spans, body rows, an optional
// 合计 row kept with the last body row. Cells are the text staff read (figures already
// formatted: "1 234.56"); numeric columns are right-aligned.
struct Table
{
    QString caption; // "表 2 占用耕地情况" (kept on the page of the first rows)
    std::vector<QStringList> header; // usually one row
    std::vector<QStringList> rows;
    QStringList total;            // empty: no 合计 row
    std::vector<bool> numeric;    // per column; missing entries are text
    std::vector<double> widthsMm; // per column; empty: the writer shares the width out
    QString note; // a line under the table (单位：平方米、亩 …), may be empty
    // XLSX: the sheet's name (≤ 31 characters, unique in the document); empty: the caption.
    QString sheetName;
};

// A name–value list (项目名称：…) laid out in two columns of label and value.
struct Fields
{
    std::vector<std::pair<QString, QString>> items;
};

// A map or figure: the image drawn at widthMm (height from the image's aspect), a caption below.
struct Figure
{
    QImage image; // drawn at its own resolution; ≥ 200 dpi at widthMm
    double widthMm = 170;
    QString caption;
};

// The signature block: one line per label (审查人 / 审核人 / 日期), a blank to sign on.
struct Signatures
{
    QStringList labels;
};

// A verdict banner: the verdict's words in its colour, the reasons under it.
struct Verdict
{
    QString text;  // 不符合 / 需关注 / 符合
    QString color; // "#c0392b" …
    QStringList reasons;
};

struct Block
{
    enum class Kind
    {
        Heading,    // text, level 1 or 2; never left alone at a page's foot
        Paragraph,  // text
        Note,       // text, smaller and grey (the synthetic-data note, sources)
        Fields,     // fields
        Table,      // table
        Figure,     // figure
        Verdict,    // verdict
        Signatures, // signatures
        PageBreak
    };
    Kind kind = Kind::Paragraph;
    int level = 1;
    QString text;
    Fields fields;
    Table table;
    Figure figure;
    Verdict verdict;
    Signatures signatures;
};

struct Document
{
    QString title;      // 建设项目用地预审与选址合规性分析报告
    QString subtitle;   // the project's name
    QString unit;       // 制图单位 / 编制单位, in every page's footer
    QString footerLeft; // e.g. the record number, left in the footer (page numbers right)
    std::vector<Block> blocks;

    // Builders, so content code reads as the report does.
    Block &heading(const QString &text, int level = 1);
    Block &paragraph(const QString &text);
    Block &note(const QString &text);
    Block &fields(std::vector<std::pair<QString, QString>> items);
    Block &table(Table t);
    Block &figure(Figure f);
    Block &verdict(Verdict v);
    Block &signatures(QStringList labels);
    Block &pageBreak();
};

} // namespace planlines::layers::report
