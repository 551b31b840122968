// The review report's writers (layers/report/reportwriter.h): a Document with a heading that
// would fall at a page's foot before a 120-row table, written as PDF, ODT, HTML and XLSX and
// read back as a person would — pdftotext page by page, the ODT's and XLSX's XML unzipped, the
// HTML's inline images decoded — and writes that must fail leaving no file. REPORT_OUT=DIR
// keeps a copy of each file there to be looked at.
#include "sheet/sheettesttools.h"

#include <layers/report/reportpages.h>
#include <layers/report/reportwriter.h>

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextCursor>
#include <QXmlStreamReader>

#include <unistd.h>

using namespace planlines::layers::report;
using planlines::testing::pdfFonts;
using planlines::testing::pdfPages;
using planlines::testing::pdfText;
using planlines::testing::runTool;

namespace {

const QString kUnit = QStringLiteral("高青县自然资源局");
const QString kRecord = QStringLiteral("检查记录 #42");
const QString kHeading = QStringLiteral("三、占用地类明细");
const QString kCaption = QStringLiteral("表 2 占用地类明细");
const QStringList kHeader = {QStringLiteral("序号"), QStringLiteral("图斑"), QStringLiteral("地类"),
                             QStringLiteral("面积"), QStringLiteral("亩")};

QString parcel(int i)
{
    return QStringLiteral("图斑%1").arg(i, 3, 10, QLatin1Char('0'));
}

// A figure a person can tell apart: a blue band over green.
QImage figureImage()
{
    QImage image(900, 600, QImage::Format_RGB32);
    image.fill(QColor(0x2E, 0x7D, 0x32));
    QPainter p(&image);
    p.fillRect(QRect(0, 200, 900, 200), QColor(0x15, 0x65, 0xC0));
    return image;
}

// The report with `filler` paragraphs before the heading of the long table.
Document sample(int filler)
{
    Document d;
    d.title = QStringLiteral("建设项目用地预审与选址合规性分析报告");
    d.subtitle = QStringLiteral("高青县黄河滩区生态廊道配套服务站项目");
    d.unit = kUnit;
    d.footerLeft = kRecord;
    d.heading(QStringLiteral("一、项目概况"));
    d.fields({{QStringLiteral("项目名称"), d.subtitle},
              {QStringLiteral("建设单位"), QStringLiteral("高青县黄河河务局")},
              {QStringLiteral("用地面积"), QStringLiteral("12 345.67 平方米（18.52 亩）")}});
    d.verdict({QStringLiteral("不符合"),
               QStringLiteral("#c0392b"),
               {QStringLiteral("占用永久基本农田 1 234.56 平方米"),
                QStringLiteral("位于生态保护红线内")}});
    d.note(QStringLiteral("注：本报告所用示例数据为程序生成的合成数据，不代表实际情况。"));
    d.figure({figureImage(), 150, QStringLiteral("图 1 项目选址位置示意图")});
    d.heading(QStringLiteral("二、审查说明"));
    for (int i = 0; i < filler; ++i)
        d.paragraph(
            QStringLiteral("第%1段：本报告依据国土空间规划“三区三线”划定成果、第三次全国国土调查"
                           "成果及生态环境分区管控成果，对项目选址逐项核查。")
                .arg(i + 1));
    d.heading(kHeading);
    Table t;
    t.caption = kCaption;
    t.header = {kHeader};
    for (int i = 1; i <= 120; ++i)
        t.rows.push_back({QString::number(i), parcel(i), QStringLiteral("水浇地"),
                          i == 1 ? QStringLiteral("1 234.56") : QStringLiteral("%1.25").arg(i * 10),
                          QStringLiteral("%1.50").arg(i)});
    t.total = {QStringLiteral("合计"), QString(), QString(), QStringLiteral("74 204.56"),
               QStringLiteral("7 320.00")};
    t.numeric = {true, false, false, true, true};
    t.note = QStringLiteral("单位：平方米、亩");
    t.sheetName = QStringLiteral("占用地类");
    d.table(std::move(t));
    d.pageBreak();
    d.heading(QStringLiteral("四、审查意见"));
    d.paragraph(QStringLiteral("经审查，该项目选址不符合国土空间规划管控要求。"));
    d.signatures({QStringLiteral("审查人"), QStringLiteral("审核人"), QStringLiteral("日期")});
    return d;
}

const QString kTotal = QStringLiteral("98 765.43");

// A heading and one table of rows rows with a 合计 row.
Document totalled(int rows)
{
    Document d;
    d.unit = kUnit;
    d.heading(kHeading);
    Table t;
    t.header = {kHeader};
    for (int i = 1; i <= rows; ++i)
        t.rows.push_back({QString::number(i), parcel(i), QStringLiteral("旱地"),
                          QStringLiteral("%1.00").arg(i), QStringLiteral("%1.10").arg(i)});
    t.total = {QStringLiteral("合计"), QString(), QString(), kTotal, QStringLiteral("7.00")};
    t.numeric = {true, false, false, true, true};
    d.table(std::move(t));
    return d;
}

// The page (0-based) of the first line holding text, as Qt lays the report out.
int pageOf(QTextDocument &doc, const QString &text)
{
    const QTextCursor c = doc.find(text);
    return c.isNull() ? -1 : placeOf(doc, c.selectionStart()).page;
}

// The file as written, kept in REPORT_OUT when that is set.
void keep(const QString &file)
{
    const QString out = qEnvironmentVariable("REPORT_OUT");
    if (out.isEmpty())
        return;
    const QString copy = QDir(out).filePath(QFileInfo(file).fileName());
    QFile::remove(copy);
    QFile::copy(file, copy);
}

QString unzip(const QString &zip, const QString &member)
{
    return runTool(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, member});
}

QByteArray unzipBytes(const QString &zip, const QString &member)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, member});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

} // namespace

class ReportWriterTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Document m_doc;
    int m_filler = -1;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // As many paragraphs as put the heading at the foot of a page with the table's first
        // rows on the next one, when nothing is moved.
        QBuffer scratch;
        scratch.open(QIODevice::WriteOnly);
        QPdfWriter writer(&scratch);
        for (int n = 1; n < 60 && m_filler < 0; ++n) {
            const Document d = sample(n);
            setUpReportWriter(writer, d);
            ReportText text = paginateReport(d, writer, false);
            const int heading = pageOf(*text.doc, kHeading);
            if (heading >= 0 && pageOf(*text.doc, parcel(2)) == heading + 1)
                m_filler = n;
        }
        QVERIFY2(m_filler >= 0, "no number of paragraphs parts the heading from its table");
        m_doc = sample(m_filler);
    }

    void pdfKeepsHeadingsWithTheirTables()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        writeReport(m_doc, pdf);
        keep(pdf);
        const int pages = pdfPages(pdf);
        QVERIFY2(pages >= 4, qPrintable(QString::number(pages)));
        int headingPage = -1, lastRowPage = -1, totalPage = -1;
        for (int n = 1; n <= pages; ++n) {
            const QString text = pdfText(pdf, n);
            // Every page: the unit and the record at the left, 第 N 页 共 M 页 at the right.
            // pdftotext drops the spaces of a line of one-character words (第 1 页 共 5 页) as
            // letter spacing; they are printed (the footer is drawn with them).
            QVERIFY2(text.contains(QRegularExpression(
                         QStringLiteral("第 ?%1 ?页 ?共 ?%2 ?页").arg(n).arg(pages))),
                     qPrintable(text));
            QVERIFY2(text.contains(kUnit), qPrintable(text));
            QVERIFY2(text.contains(kRecord), qPrintable(text));
            if (text.contains(kHeading))
                headingPage = n;
            if (text.contains(parcel(120)))
                lastRowPage = n;
            if (text.contains(QStringLiteral("74 204.56")))
                totalPage = n;
        }
        QVERIFY(headingPage > 0);
        const QString first = pdfText(pdf, headingPage);
        // The heading, the caption and the first rows share a page.
        QVERIFY2(first.contains(kCaption), qPrintable(first));
        QVERIFY2(first.contains(parcel(1)) && first.contains(parcel(2)), qPrintable(first));
        QVERIFY2(first.contains(QStringLiteral("1 234.56")), qPrintable(first));
        // The header row on every page the table spans, the 合计 row with the last row.
        QVERIFY(lastRowPage > headingPage);
        QCOMPARE(totalPage, lastRowPage);
        for (int n = headingPage; n <= lastRowPage; ++n) {
            const QString text = pdfText(pdf, n);
            for (const QString &h : kHeader)
                QVERIFY2(text.contains(h),
                         qPrintable(QStringLiteral("page %1: %2\n%3").arg(n).arg(h, text)));
        }
        // Page 1: the title, the fields and the verdict with its reasons, in Chinese as written.
        const QString one = pdfText(pdf, 1);
        for (const QString &s :
             {m_doc.title, m_doc.subtitle, QStringLiteral("高青县黄河河务局"),
              QStringLiteral("12 345.67 平方米（18.52 亩）"), QStringLiteral("不符合"),
              QStringLiteral("1. 占用永久基本农田 1 234.56 平方米"),
              QStringLiteral("图 1 项目选址位置示意图")})
            QVERIFY2(one.contains(s), qPrintable(s + QStringLiteral("\n") + one));
        const QString last = pdfText(pdf, pages);
        // The page break: 四、审查意见 on a page of its own, after the table's.
        QCOMPARE(lastRowPage, pages - 1);
        QVERIFY2(last.contains(QStringLiteral("四、审查意见")), qPrintable(last));
        QVERIFY(one.contains(QStringLiteral("注：本报告所用示例数据为程序生成的合成数据")));
        for (const QString &s :
             {QStringLiteral("审查人："), QStringLiteral("审核人："), QStringLiteral("日期：")})
            QVERIFY2(last.contains(s), qPrintable(last));
        // Both faces embedded.
        const QStringList fonts = pdfFonts(pdf);
        QVERIFY(!fonts.isEmpty());
        bool serif = false, sans = false;
        for (const QString &f : fonts) {
            QVERIFY2(f.contains(QRegularExpression(QStringLiteral("\\byes\\s+(yes|no)\\s+yes\\b"))),
                     qPrintable(f));
            serif = serif || f.contains(QStringLiteral("NotoSerifCJK"));
            sans = sans || f.contains(QStringLiteral("NotoSansCJK"));
        }
        QVERIFY2(serif && sans, qPrintable(fonts.join(QLatin1Char('\n'))));
    }

    void totalStaysWithTheLastRow()
    {
        // As many rows as leave the 合计 row alone at the top of a page when nothing is moved.
        QBuffer scratch;
        scratch.open(QIODevice::WriteOnly);
        QPdfWriter writer(&scratch);
        int rows = -1;
        for (int n = 30; n < 160 && rows < 0; ++n) {
            const Document d = totalled(n);
            setUpReportWriter(writer, d);
            ReportText text = paginateReport(d, writer, false);
            const int last = pageOf(*text.doc, parcel(n));
            if (last >= 0 && pageOf(*text.doc, kTotal) == last + 1)
                rows = n;
        }
        QVERIFY2(rows > 0, "no number of rows leaves the total alone");
        const QString pdf = m_dir.filePath(QStringLiteral("totalled.pdf"));
        writeReport(totalled(rows), pdf);
        keep(pdf);
        const int pages = pdfPages(pdf);
        QCOMPARE(pages, 2);
        const QString second = pdfText(pdf, 2);
        // The last row moved over with its total, under the header repeated.
        QVERIFY2(second.contains(kTotal), qPrintable(second));
        QVERIFY2(second.contains(parcel(rows)), qPrintable(second));
        for (const QString &h : kHeader)
            QVERIFY2(second.contains(h), qPrintable(second));
        const QString first = pdfText(pdf, 1);
        QVERIFY2(first.contains(parcel(rows - 1)), qPrintable(first));
        QVERIFY(!first.contains(parcel(rows)));
    }

    void shortParagraphsAreNotParted()
    {
        // As many one-line paragraphs before a three-line one as part it across two pages when
        // nothing is moved: written, it starts the next page whole.
        const QString head = QStringLiteral("段首标记"), tail = QStringLiteral("段尾标记");
        const auto filled = [&](int lines) {
            Document d;
            d.unit = kUnit;
            for (int i = 1; i <= lines; ++i)
                d.paragraph(QStringLiteral("第 %1 行。").arg(i));
            d.paragraph(head + QString(100, QChar(0x5730)) + tail);
            return d;
        };
        QBuffer scratch;
        scratch.open(QIODevice::WriteOnly);
        QPdfWriter writer(&scratch);
        int lines = -1;
        for (int n = 20; n < 80 && lines < 0; ++n) {
            const Document d = filled(n);
            setUpReportWriter(writer, d);
            ReportText text = paginateReport(d, writer, false);
            if (pageOf(*text.doc, head) == 0 && pageOf(*text.doc, tail) == 1)
                lines = n;
        }
        QVERIFY2(lines > 0, "no number of lines parts the paragraph");
        const QString pdf = m_dir.filePath(QStringLiteral("parted.pdf"));
        writeReport(filled(lines), pdf);
        keep(pdf);
        QCOMPARE(pdfPages(pdf), 2);
        const QString second = pdfText(pdf, 2);
        QVERIFY2(second.contains(head) && second.contains(tail), qPrintable(second));
        QVERIFY(pdfText(pdf, 1).contains(QStringLiteral("第 %1 行。").arg(lines)));
    }

    void tableRowsAreNotParted()
    {
        // Rows of five lines in their last cell after as many lines as part one of them across
        // two pages when nothing is moved: written, the row starts the next page, under the
        // header repeated, and the first page ends with the row before it.
        const auto rowText = [](int r) { return QStringLiteral("第%1行首").arg(r); };
        const auto rowEnd = [](int r) { return QStringLiteral("第%1行尾").arg(r); };
        const auto filled = [&](int lines) {
            Document d;
            d.unit = kUnit;
            for (int i = 1; i <= lines; ++i)
                d.paragraph(QStringLiteral("第 %1 段。").arg(i));
            Table t;
            t.header = {{QStringLiteral("结论"), QStringLiteral("规则"), QStringLiteral("依据")}};
            t.widthsMm = {20, 50, 30};
            for (int r = 1; r <= 6; ++r)
                t.rows.push_back(
                    {QStringLiteral("符合"), rowText(r), QString(60, QChar(0x6CD5)) + rowEnd(r)});
            d.table(t);
            return d;
        };
        QBuffer scratch;
        scratch.open(QIODevice::WriteOnly);
        QPdfWriter writer(&scratch);
        int lines = -1, parted = -1, page = -1;
        for (int n = 1; n < 80 && lines < 0; ++n) {
            const Document d = filled(n);
            setUpReportWriter(writer, d);
            ReportText text = paginateReport(d, writer, false);
            for (int r = 2; r <= 6 && lines < 0; ++r) {
                const int top = pageOf(*text.doc, rowText(r));
                if (top >= 0 && pageOf(*text.doc, rowEnd(r)) == top + 1) {
                    lines = n;
                    parted = r;
                    page = top + 1; // pdftotext counts from 1
                }
            }
        }
        QVERIFY2(lines > 0, "no number of lines parts a row");
        const QString pdf = m_dir.filePath(QStringLiteral("rows.pdf"));
        writeReport(filled(lines), pdf);
        keep(pdf);
        const QString first = pdfText(pdf, page), second = pdfText(pdf, page + 1);
        QVERIFY2(first.contains(rowEnd(parted - 1)) && !first.contains(rowText(parted)),
                 qPrintable(first));
        QVERIFY2(second.contains(rowText(parted)) && second.contains(rowEnd(parted)) &&
                     second.contains(QStringLiteral("依据")),
                 qPrintable(second));
    }

    void figuresAreDrawnOnce()
    {
        // Two figures too tall for one page: the second starts the next page, and is written
        // there only (not also, clipped away, at the foot of the first).
        Document d;
        d.unit = kUnit;
        QImage tall(900, 800, QImage::Format_RGB32);
        tall.fill(QColor(0x15, 0x65, 0xC0));
        d.figure({tall, 170, QStringLiteral("图 1 项目区位图")});
        d.figure({tall.copy(0, 0, 900, 790), 170, QStringLiteral("图 2 项目选址详图")});
        const QString pdf = m_dir.filePath(QStringLiteral("figures.pdf"));
        writeReport(d, pdf);
        QCOMPARE(pdfPages(pdf), 2);
        const QStringList images =
            runTool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf})
                .split(QLatin1Char('\n'))
                .filter(QRegularExpression(QStringLiteral("^\\s*\\d+\\s+\\d+\\s+image")));
        QCOMPARE(images.size(), 2);
        QVERIFY2(images[0].trimmed().startsWith(QLatin1Char('1')), qPrintable(images.join('\n')));
        QVERIFY2(images[1].trimmed().startsWith(QLatin1Char('2')), qPrintable(images.join('\n')));
        QVERIFY(!pdfText(pdf, 1).contains(QStringLiteral("图 2")));
        QVERIFY(pdfText(pdf, 2).contains(QStringLiteral("图 2 项目选址详图")));
    }

    void odtHoldsTablesHeadingsAndImage()
    {
        const QString odt = m_dir.filePath(QStringLiteral("report.odt"));
        writeReport(m_doc, odt);
        keep(odt);
        QCOMPARE(unzip(odt, QStringLiteral("mimetype")),
                 QStringLiteral("application/vnd.oasis.opendocument.text"));
        const QString content = unzip(odt, QStringLiteral("content.xml"));
        for (const QString &s :
             {kHeading, kCaption, parcel(1), parcel(120), QStringLiteral("1 234.56"),
              QStringLiteral("74 204.56"), QStringLiteral("审查人："), QStringLiteral("不符合")})
            QVERIFY2(content.contains(s), qPrintable(s));
        QCOMPARE(content.count(QStringLiteral("<table:table ")),
                 4); // fields, verdict, data, signatures
        QVERIFY(content.contains(QStringLiteral("fo:font-weight=\"bold\"")));
        // What Qt's writer leaves out, put back: outline headings, the header row repeated on
        // every page (and shaded), headings and captions kept with what follows.
        QVERIFY2(content.contains(QRegularExpression(
                     QStringLiteral("<text:h text:style-name=\"p\\d+\" "
                                    "text:outline-level=\"1\"><text:span[^>]*>%1</text:span>")
                         .arg(kHeading))),
                 qPrintable(content.left(3000)));
        QCOMPARE(content.count(QStringLiteral("<table:table-header-rows>")), 1);
        QVERIFY(content.contains(QRegularExpression(
            QStringLiteral("<table:table-header-rows><table:table-row>(?:(?!</table:table-row>).)*"
                           "序号(?:(?!</table:table-row>).)*</table:table-row>"
                           "</table:table-header-rows>"),
            QRegularExpression::DotMatchesEverythingOption)));
        QVERIFY(content.contains(QStringLiteral("fo:background-color=\"#ececec\"")));
        QVERIFY(content.contains(QStringLiteral("fo:keep-with-next=\"always\"")));
        // A package as ODF wants it: mimetype first and stored.
        const QString listing0 = runTool(QStringLiteral("unzip"), {QStringLiteral("-v"), odt});
        QVERIFY2(listing0.contains(QRegularExpression(
                     QStringLiteral("\\n\\s*39\\s+Stored\\s+39\\s+0%.*mimetype"))),
                 qPrintable(listing0));
        QVERIFY2(runTool(QStringLiteral("unzip"), {QStringLiteral("-t"), odt})
                     .contains(QStringLiteral("No errors detected")),
                 "unzip -t finds errors");
        QVERIFY(content.contains(QStringLiteral("fo:font-family=\"Noto Serif CJK SC\"")));
        QVERIFY(content.contains(QStringLiteral("fo:font-family=\"Noto Sans CJK SC\"")));
        QVERIFY(content.contains(QStringLiteral("fo:color=\"#c0392b\"")));
        const QRegularExpression image(
            QStringLiteral("<draw:frame[^>]*svg:width=\"([0-9.]+)pt\"[^>]*>\\s*<draw:image "
                           "xlink:href=\"(Pictures/[^\"]+)\""));
        const auto m = image.match(content);
        QVERIFY2(m.hasMatch(), qPrintable(content.left(4000)));
        QCOMPARE(qRound(m.captured(1).toDouble() * 25.4 / 72), 150); // its width in mm
        QImage picture;
        QVERIFY(picture.loadFromData(unzipBytes(odt, m.captured(2)), "PNG"));
        QCOMPARE(picture.size(), QSize(900, 600));
        const QString listing = runTool(QStringLiteral("unzip"), {QStringLiteral("-l"), odt});
        QVERIFY2(listing.contains(m.captured(2)), qPrintable(listing));
        // Every page's footer, as the PDF's: the unit and the record, then 第 N 页 共 M 页 as
        // fields; the page A4 with 20 mm sides. styles.xml is listed in the manifest.
        const QString styles = unzip(odt, QStringLiteral("styles.xml"));
        QVERIFY2(
            styles.contains(QStringLiteral("<style:footer><text:p text:style-name=\"Footer\">") +
                            kUnit + QStringLiteral("　") + kRecord +
                            QStringLiteral("<text:tab/>第 <text:page-number "
                                           "text:select-page=\"current\">1</text:page-number> 页 "
                                           "共 <text:page-count>1</text:page-count> 页</text:p>")),
            qPrintable(styles));
        QVERIFY(styles.contains(QStringLiteral("<style:master-page style:name=\"Standard\" "
                                               "style:page-layout-name=\"pmA4\">")));
        QVERIFY(
            styles.contains(QStringLiteral("fo:page-width=\"210mm\" fo:page-height=\"297mm\"")));
        QVERIFY(unzip(odt, QStringLiteral("META-INF/manifest.xml"))
                    .contains(QStringLiteral("manifest:full-path=\"styles.xml\"")));
        for (const QString *xml : {&styles, &content}) {
            QXmlStreamReader reader(*xml);
            while (!reader.atEnd())
                reader.readNext();
            QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        }
    }

    void htmlIsOneFile()
    {
        const QString html = m_dir.filePath(QStringLiteral("report.html"));
        writeReport(m_doc, html);
        keep(html);
        QFile f(html);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(QStringLiteral("<meta charset=\"utf-8\">")));
        for (const QString &s : {m_doc.title, kHeading, kCaption, parcel(120),
                                 QStringLiteral("1 234.56"), kUnit, QStringLiteral("审查人：")})
            QVERIFY2(text.contains(s), qPrintable(s));
        // The one figure inline, decodable, at its size; nothing else is fetched.
        static const QRegularExpression uri(
            QStringLiteral("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""));
        QCOMPARE(text.count(QStringLiteral("data:image/png;base64,")), 1);
        const auto m = uri.match(text);
        QVERIFY(m.hasMatch());
        QImage image;
        QVERIFY(image.loadFromData(QByteArray::fromBase64(m.captured(1).toLatin1()), "PNG"));
        QCOMPARE(image.size(), QSize(900, 600));
        QCOMPARE(image.pixelColor(450, 300), QColor(0x15, 0x65, 0xC0));
        QVERIFY(!text.contains(QStringLiteral("src=\"http")));
        // The header repeats when printed, and a heading stays with what follows.
        QVERIFY(text.contains(QStringLiteral("<thead>")));
        QVERIFY(text.contains(QStringLiteral("break-after:avoid")));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.png")}), QStringList());
    }

    void xlsxHasNumbersAsNumbers()
    {
        const QString xlsx = m_dir.filePath(QStringLiteral("report.xlsx"));
        writeReport(m_doc, xlsx);
        keep(xlsx);
        const QString book = unzip(xlsx, QStringLiteral("xl/workbook.xml"));
        QVERIFY2(book.contains(QStringLiteral("name=\"概要\"")), qPrintable(book));
        QVERIFY2(book.contains(QStringLiteral("name=\"占用地类\"")), qPrintable(book));
        const QString strings = unzip(xlsx, QStringLiteral("xl/sharedStrings.xml"));
        for (const QString &s : {QStringLiteral("水浇地"), parcel(120), QStringLiteral("合计"),
                                 QStringLiteral("项目名称"), QStringLiteral("高青县黄河河务局"),
                                 QStringLiteral("不符合"), QStringLiteral("2. 位于生态保护红线内")})
            QVERIFY2(strings.contains(s), qPrintable(s));
        const QString sheet = unzip(xlsx, QStringLiteral("xl/worksheets/sheet2.xml"));
        // "1 234.56" parsed back to a number, 120 body rows + header + total, header frozen.
        QVERIFY2(sheet.contains(QStringLiteral("<v>1234.56</v>")), qPrintable(sheet.left(3000)));
        QVERIFY(sheet.contains(QStringLiteral("<v>74204.56</v>")));
        QVERIFY(sheet.contains(QStringLiteral("<v>7320</v>")));
        QVERIFY(!strings.contains(QStringLiteral(">1 234.56<")));
        QVERIFY2(sheet.contains(QStringLiteral("ySplit=\"1\"")), qPrintable(sheet.left(1500)));
        QVERIFY(sheet.contains(QStringLiteral("<row r=\"122\"")));
    }

    void failedWritesLeaveNoFile_data()
    {
        QTest::addColumn<QString>("suffix");
        for (const char *s : {"pdf", "odt", "html", "xlsx"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }

    void failedWritesLeaveNoFile()
    {
        QFETCH(QString, suffix);
        const QString missing = m_dir.filePath(QStringLiteral("no-such-folder/report.") + suffix);
        try {
            writeReport(m_doc, missing);
            QFAIL("wrote into a missing folder");
        } catch (const std::runtime_error &e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.contains(missing), qPrintable(what));
            QVERIFY2(what.contains(QStringLiteral("does not exist")), qPrintable(what));
        }
        QVERIFY(!QFile::exists(missing));
        // A folder where the file should be: refused, the folder left alone, no temporary file.
        const QString sub = m_dir.filePath(QStringLiteral("taken-") + suffix);
        QVERIFY(QDir().mkpath(sub));
        const QString target = sub + QStringLiteral("/report.") + suffix;
        QVERIFY(QDir().mkpath(target));
        try {
            writeReport(m_doc, target);
            QFAIL("wrote over a folder");
        } catch (const std::runtime_error &e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY2(what.startsWith(target + QStringLiteral(": cannot write")), qPrintable(what));
        }
        QVERIFY(QFileInfo(target).isDir());
        QCOMPARE(QDir(sub).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("report.") + suffix});
        // A folder without write permission (root writes anyway: checked as others only).
        if (::geteuid() != 0) {
            const QString locked = m_dir.filePath(QStringLiteral("locked-") + suffix);
            QVERIFY(QDir().mkpath(locked));
            QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
            const QString file = locked + QStringLiteral("/report.") + suffix;
            try {
                writeReport(m_doc, file);
                QFAIL("wrote into a read-only folder");
            } catch (const std::runtime_error &e) {
                QCOMPARE(QString::fromUtf8(e.what()),
                         file + QStringLiteral(": cannot write: Permission denied"));
            }
            QVERIFY(QDir(locked).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
            QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
    }

    void unknownSuffixNamesTheFour()
    {
        const QString docx = m_dir.filePath(QStringLiteral("report.docx"));
        try {
            writeReport(m_doc, docx);
            QFAIL("wrote a .docx");
        } catch (const std::runtime_error &e) {
            QCOMPARE(QString::fromUtf8(e.what()),
                     docx + QStringLiteral(": unknown report format \".docx\": the file name must "
                                           "end in .pdf, .odt, .html or .xlsx"));
        }
        QVERIFY(!QFile::exists(docx));
    }
};

QTEST_MAIN(ReportWriterTest)
#include "reportwritertest.moc"
