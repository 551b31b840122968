// `planlines check --report` on a copy of the sample county (issue 19): the review report of a
// site occupying farmland, one inside the red line, a chemical project outside the park and a
// clean site, read back from the PDF (pdftotext), the ODT (content.xml) and the XLSX (the
// sheets' XML), every figure compared with the check record's JSON; a template that hides a
// section and renames a heading, a broken one, and a batch into a directory.
#include "clirun.h"

#include <geodata/area.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <map>

using namespace planlines::geodata;

namespace {

struct Site
{
    const char *name;
    const char *verdictZh;
    const char *failingRule; // a rule title the first page names, or nullptr
};

const Site kSites[] = {
    {"通威农光互补光伏发电项目", "不符合", "不得占用永久基本农田"},
    {"小清河临港物流园", "不符合", "生态保护红线内禁止开发性、生产性建设活动"},
    {"经济开发区新材料产业项目", "不符合", "化工项目只能进入经认定的化工园区"},
    {"经济开发区智能装备制造项目", "符合", nullptr},
};

QString m2(double v)
{
    return QString::number(v, 'f', 2);
}

QString mu(double v)
{
    return QString::number(m2ToMu(v), 'f', 2);
}

QByteArray unzip(const QString &zip, const QString &member)
{
    QProcess p;
    p.start(QStringLiteral("unzip"), {QStringLiteral("-p"), zip, member});
    p.waitForFinished(60000);
    return p.readAllStandardOutput();
}

QString pdfText(const QString &pdf)
{
    QProcess p;
    // -raw: in drawing order, so a table cell's wrapped lines stay together.
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-raw"), pdf, QStringLiteral("-")});
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// A table as read back: its caption (the text just before it) and its rows of cell texts.
struct ReadTable
{
    QString caption;
    std::vector<QStringList> rows;
    // The row whose first cell is `first` (trimmed of the full-width indent), or empty.
    QStringList row(const QString &first) const
    {
        for (const auto &r : rows)
            if (!r.isEmpty() && r.front().trimmed() == first)
                return r;
        return {};
    }
};

// The tables of an ODT's content.xml, each with the last paragraph before it as its caption.
std::vector<ReadTable> odtTables(const QByteArray &xml)
{
    std::vector<ReadTable> out;
    QXmlStreamReader r(xml);
    QString lastParagraph, text;
    int depth = 0; // of table:table
    ReadTable current;
    QStringList row;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement()) {
            if (r.qualifiedName() == QLatin1String("table:table") && depth++ == 0)
                current = {lastParagraph, {}};
            else if (r.qualifiedName() == QLatin1String("table:table-row"))
                row.clear();
            else if (r.qualifiedName() == QLatin1String("text:p") ||
                     r.qualifiedName() == QLatin1String("text:h"))
                text.clear();
        } else if (r.isCharacters()) {
            text += r.text();
        } else if (r.isEndElement()) {
            if (r.qualifiedName() == QLatin1String("table:table") && --depth == 0)
                out.push_back(current);
            else if (r.qualifiedName() == QLatin1String("table:table-row") && depth == 1)
                current.rows.push_back(row);
            else if (r.qualifiedName() == QLatin1String("table:table-cell") && depth == 1)
                row << text.trimmed();
            else if ((r.qualifiedName() == QLatin1String("text:p") ||
                      r.qualifiedName() == QLatin1String("text:h")) &&
                     depth == 0 && !text.trimmed().isEmpty())
                lastParagraph = text.trimmed();
            if (r.qualifiedName() == QLatin1String("table:table-cell"))
                text.clear();
        }
    }
    return out;
}

const ReadTable *tableCaptioned(const std::vector<ReadTable> &tables, const QString &part)
{
    for (const auto &t : tables)
        if (t.caption.contains(part))
            return &t;
    return nullptr;
}

// An XLSX's sheets by name, each as rows of cell texts (shared strings resolved; numbers as
// written).
std::map<QString, std::vector<QStringList>> xlsxSheets(const QString &path)
{
    QStringList shared;
    {
        QXmlStreamReader r(unzip(path, QStringLiteral("xl/sharedStrings.xml")));
        QString s;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement() && r.name() == QLatin1String("si"))
                s.clear();
            else if (r.isCharacters())
                s += r.text();
            else if (r.isEndElement() && r.name() == QLatin1String("si"))
                shared << s;
        }
    }
    std::map<QString, QString> targets; // rId → xl/worksheets/sheetN.xml
    {
        QXmlStreamReader r(unzip(path, QStringLiteral("xl/_rels/workbook.xml.rels")));
        while (!r.atEnd())
            if (r.readNext() == QXmlStreamReader::StartElement &&
                r.name() == QLatin1String("Relationship"))
                targets[r.attributes().value("Id").toString()] =
                    QStringLiteral("xl/") + r.attributes().value("Target").toString();
    }
    std::map<QString, std::vector<QStringList>> out;
    QXmlStreamReader wb(unzip(path, QStringLiteral("xl/workbook.xml")));
    while (!wb.atEnd()) {
        if (wb.readNext() != QXmlStreamReader::StartElement || wb.name() != QLatin1String("sheet"))
            continue;
        const QString name = wb.attributes().value("name").toString();
        const QString rid = wb.attributes().value("r:id").toString();
        QXmlStreamReader r(unzip(path, targets[rid]));
        std::vector<QStringList> rows;
        QString type, value;
        while (!r.atEnd()) {
            r.readNext();
            if (r.isStartElement() && r.name() == QLatin1String("row")) {
                rows.emplace_back();
            } else if (r.isStartElement() && r.name() == QLatin1String("c")) {
                type = r.attributes().value("t").toString();
                value.clear();
            } else if (r.isCharacters()) {
                value += r.text();
            } else if (r.isEndElement() && r.name() == QLatin1String("c") && !rows.empty()) {
                rows.back() << (type == QLatin1String("s") ? shared.value(value.toInt()) : value);
            }
        }
        out[name] = rows;
    }
    return out;
}

double sumOf(const std::vector<double> &v)
{
    double s = 0;
    for (double x : v)
        s += x;
    return s;
}

} // namespace

class ReportCliTest : public QObject
{
    Q_OBJECT
    QTemporaryDir dir;
    QString db;

    // Checks the site with --json and --report OUT; the record.
    QJsonObject check(const QString &site, const QString &out, QStringList extra = {})
    {
        const auto r = runPlanlines(
            QStringList{"check", "--db", db, "--site", site, "--json", "--report", out} + extra);
        if (r.exitCode != 0 && r.exitCode != 3 && r.exitCode != 4)
            qWarning() << "check failed:" << r.exitCode << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // The areas the report's tables must show, from the record: 三大类 is not recomputed here
    // (the mapping lives in layers/report/landclass.cpp), only its sum is checked.
    static std::map<QString, double> villages(const QJsonObject &o)
    {
        std::map<QString, double> v;
        for (const auto &x : o.value("location").toObject().value("villages").toArray())
            v[x.toObject().value("name").toString()] = x.toObject().value("area_m2").toDouble();
        return v;
    }

private slots:
    void initTestCase()
    {
        db = dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
    }

    void pdfFiguresAreTheRecords_data()
    {
        QTest::addColumn<int>("site");
        for (int i = 0; i < 4; ++i)
            QTest::newRow(kSites[i].name) << i;
    }
    void pdfFiguresAreTheRecords()
    {
        QFETCH(int, site);
        const Site &s = kSites[site];
        const QString pdf = dir.filePath(QStringLiteral("site%1.pdf").arg(site));
        const QJsonObject o = check(QString::fromUtf8(s.name), pdf);
        QVERIFY(!o.isEmpty());
        const QString words = pdfText(pdf);
        QVERIFY2(!words.isEmpty(), "pdftotext read nothing");
        auto has = [&](const QString &t) {
            return words.contains(t) ||
                   QString(words)
                       .remove(QRegularExpression(QStringLiteral("\\s")))
                       .contains(QString(t).remove(QRegularExpression(QStringLiteral("\\s"))));
        };
        QVERIFY(has(QStringLiteral("建设项目用地预审与选址合规性分析报告")));
        QVERIFY(has(QString::fromUtf8(s.name)));
        QVERIFY2(has(QStringLiteral("审查结论：") + QString::fromUtf8(s.verdictZh)),
                 qPrintable(words.left(600)));
        if (s.failingRule)
            QVERIFY2(has(QStringLiteral("不符合：") + QString::fromUtf8(s.failingRule)),
                     qPrintable(words.left(1500)));
        for (const char *label : {"审查人", "审核人", "日期", "记录编号", "图层版本"})
            QVERIFY2(has(QString::fromUtf8(label)), label);
        QVERIFY(has(QStringLiteral("合成示例数据（非真实规划数据）")));
        QVERIFY(has(QString::number(o.value("record_id").toInteger())));
        const QJsonObject siteObj = o.value("site").toObject();
        const double area = siteObj.value("area_m2").toDouble();
        // The first page: 公顷 (4 places), 亩 and m².
        QVERIFY2(has(QStringLiteral("%1 公顷（%2 亩，%3 平方米）")
                         .arg(QString::number(m2ToHa(area), 'f', 4), mu(area), m2(area))),
                 qPrintable(words.left(1500)));
        QVERIFY(has(siteObj.value("industry").toString()));
        for (const auto &t : o.value("location").toObject().value("townships").toArray())
            QVERIFY(has(t.toObject().value("name").toString()));
        // Every 村 with its area; the farmland figures; every overlap of a control line.
        for (const auto &[name, a] : villages(o)) {
            QVERIFY2(has(name), qPrintable(name));
            QVERIFY2(has(m2(a)), qPrintable(name + " " + m2(a)));
        }
        for (const auto &v : o.value("ownership").toArray())
            QVERIFY2(has(m2(v.toObject().value("area_m2").toDouble())),
                     qPrintable(v.toObject().value("qsxz").toString()));
        const QJsonObject farm = o.value("farmland").toObject();
        if (farm.value("cultivated_m2").toDouble() > 0) {
            QVERIFY(has(m2(farm.value("cultivated_m2").toDouble())));
            QVERIFY(has(m2(farm.value("paddy_m2").toDouble())));
            QVERIFY(has(QStringLiteral("涉及耕地图斑 %1 个").arg(farm.value("parcels").toInt())));
            for (const auto &g : farm.value("by_grade").toArray())
                QVERIFY(has(m2(g.toObject().value("area_m2").toDouble())));
        }
        // Each control line's area, and the features of those the report lists one by one
        // (cultivated parcels are summed by 地类 and 等别 instead).
        for (const auto &v : o.value("overlaps").toArray()) {
            const QJsonObject ov = v.toObject();
            const QString role = ov.value("role").toString();
            if (role == QLatin1String("landuse"))
                continue;
            QVERIFY2(has(m2(ov.value("area_m2").toDouble())), qPrintable(role));
            if (role == QLatin1String("cultivated") || role == QLatin1String("urban_boundary"))
                continue;
            for (const auto &f : ov.value("features").toArray()) {
                const QJsonObject fo = f.toObject();
                QVERIFY2(has(fo.value("code").toString()), qPrintable(role));
                QVERIFY2(has(m2(fo.value("area_m2").toDouble())),
                         qPrintable(role + " " + fo.value("code").toString()));
            }
        }
        // 城镇开发边界 by zone (features of one zone name together) and outside it.
        std::map<QString, double> zones;
        const QJsonObject urban = o.value("urban_boundary").toObject();
        for (const auto &z : urban.value("zones").toArray())
            zones[z.toObject().value("name").toString()] +=
                z.toObject().value("area_m2").toDouble();
        for (const auto &[zone, a] : zones)
            QVERIFY2(has(zone) && has(m2(a)), qPrintable(zone));
        QVERIFY(has(m2(urban.value("outside_m2").toDouble())));
        for (const auto &v : o.value("landuse").toArray())
            QVERIFY2(has(m2(v.toObject().value("area_m2").toDouble())),
                     qPrintable(v.toObject().value("dlbm").toString()));
        for (const auto &v : o.value("rules").toArray())
            if (v.toObject().value("applicable").toBool())
                QVERIFY(has(v.toObject().value("title").toString()));
        const bool occupiesFarmland =
            o.value("overlaps").toArray().at(0).toObject().value("area_m2").toDouble() > 0;
        QCOMPARE(has(QStringLiteral("永久基本农田补划情况表（附表）")), occupiesFarmland);
        QVERIFY(QString(words).remove(QLatin1Char(' ')).contains(QStringLiteral("第1页共")));
    }

    void odtTablesAddUpToTheSite()
    {
        for (const Site &s : kSites) {
            const QString odt = dir.filePath(QStringLiteral("site.odt"));
            const QJsonObject o = check(QString::fromUtf8(s.name), odt);
            const double area = o.value("site").toObject().value("area_m2").toDouble();
            const auto tables = odtTables(unzip(odt, QStringLiteral("content.xml")));
            QVERIFY2(!tables.empty(), s.name);
            const ReadTable *three = tableCaptioned(tables, QStringLiteral("用地现状（三大类）"));
            QVERIFY2(three, s.name);
            std::vector<double> parts;
            for (const char *c : {"农用地", "建设用地", "未利用地", "未识别地类", "无现状地类图斑"})
                if (const QStringList row = three->row(QString::fromUtf8(c)); !row.isEmpty())
                    parts.push_back(row.at(1).toDouble());
            // Each 地类 row of the record is rounded to 0.01 m²; 三大类 adds them up.
            const double rounding = 0.005 * (o.value("landuse").toArray().size() + 1);
            QVERIFY2(std::abs(sumOf(parts) - area) <= rounding,
                     qPrintable(QStringLiteral("%1: 三大类 %2 vs site %3")
                                    .arg(QString::fromUtf8(s.name))
                                    .arg(sumOf(parts))
                                    .arg(area)));
            QCOMPARE(three->row(QStringLiteral("合计")).at(1), m2(area));
            const ReadTable *byVillage =
                tableCaptioned(tables, QStringLiteral("用地现状（坐落单位）"));
            QVERIFY(byVillage);
            std::vector<double> villageRows;
            for (const auto &row : byVillage->rows)
                if (row.size() > 1 && row.front() != QStringLiteral("坐落单位名称") &&
                    row.front() != QStringLiteral("合计"))
                    villageRows.push_back(row.at(1).toDouble());
            QVERIFY2(std::abs(sumOf(villageRows) - area) <= 0.005 * villageRows.size() + 1e-9,
                     qPrintable(QStringLiteral("%1: 村 %2 vs site %3")
                                    .arg(QString::fromUtf8(s.name))
                                    .arg(sumOf(villageRows))
                                    .arg(area)));
            for (const auto &[name, a] : villages(o))
                QCOMPARE(byVillage->row(name).at(1), m2(a));
            const ReadTable *rules = tableCaptioned(tables, QStringLiteral("规则检查结果"));
            QVERIFY(rules);
            for (const auto &v : o.value("rules").toArray()) {
                const QJsonObject rule = v.toObject();
                if (!rule.value("applicable").toBool())
                    continue;
                const auto row =
                    std::find_if(rules->rows.begin(), rules->rows.end(), [&](const QStringList &r) {
                        return r.size() > 1 && r.at(1) == rule.value("title").toString();
                    });
                QVERIFY(row != rules->rows.end());
                QCOMPARE(row->at(0), rule.value("status_zh").toString());
            }
        }
    }

    void xlsxSheetsHoldTheFigures()
    {
        const QString xlsx = dir.filePath(QStringLiteral("farmland.xlsx"));
        const auto r =
            runPlanlines({"check", "--db", db, "--site", QString::fromUtf8(kSites[0].name),
                          "--json", "--report", xlsx});
        QCOMPARE(r.exitCode, 4);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const double area = o.value("site").toObject().value("area_m2").toDouble();
        const auto sheets = xlsxSheets(xlsx);
        QVERIFY(sheets.count(QStringLiteral("三大类")));
        double sum = 0;
        QString total;
        for (const auto &row : sheets.at(QStringLiteral("三大类"))) {
            if (row.isEmpty())
                continue;
            const QString first = row.front().trimmed();
            if (QStringList{"农用地", "建设用地", "未利用地", "未识别地类", "无现状地类图斑"}
                    .contains(first))
                sum += row.at(1).toDouble();
            if (first == QStringLiteral("合计"))
                total = row.at(1);
        }
        QVERIFY(std::abs(sum - area) <= 0.03);
        QCOMPARE(m2(total.toDouble()), m2(area));
        QVERIFY(sheets.count(QStringLiteral("永久基本农田补划")));
    }

    void templateHidesAndRenames()
    {
        const QString t = dir.filePath(QStringLiteral("county.json"));
        QFile f(t);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({
  "format": "planlines-report-template",
  "unit": "测试县国土空间规划服务中心",
  "signatures": ["经办人", "复核人"],
  "sections": [
    {"id": "cover", "heading": "项目基本情况"},
    {"id": "three_lines", "heading": "三条控制线"},
    {"id": "landuse", "heading": "用地现状", "show": false},
    {"id": "rules", "heading": "规则检查结论"}
  ]
}
)");
        f.close();
        const QString pdf = dir.filePath(QStringLiteral("templated.pdf"));
        const auto r =
            runPlanlines({"check", "--db", db, "--site", QString::fromUtf8(kSites[3].name),
                          "--report", pdf, "--report-template", t});
        QCOMPARE(r.exitCode, 0);
        const QString words = pdfText(pdf);
        QVERIFY(words.contains(QStringLiteral("项目基本情况")));
        QVERIFY(words.contains(QStringLiteral("三条控制线")));
        QVERIFY(words.contains(QStringLiteral("测试县国土空间规划服务中心")));
        QVERIFY(words.contains(QStringLiteral("经办人")));
        QVERIFY(!words.contains(QStringLiteral("审查人")));
        QVERIFY(!words.contains(QStringLiteral("用地现状（三大类）")));
        QVERIFY(!words.contains(QStringLiteral("三线一单符合性分析")));

        const QString broken = dir.filePath(QStringLiteral("broken.json"));
        QFile b(broken);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("{\n  \"title\": \"报告\",\n  \"sections\": [\n    {\"id\": \"cover\", "
                "\"heading\": \"概况\"},\n    {\"id\": \"maps\", \"headng\": \"位置\"}\n  ]\n}\n");
        b.close();
        const auto bad = runPlanlines(
            {"check", "--db", db, "--site", QString::fromUtf8(kSites[3].name), "--report",
             dir.filePath(QStringLiteral("never.pdf")), "--report-template", broken});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY2(
            bad.err.contains(broken + QStringLiteral(", line 5: key \"sections[1].headng\": "
                                                     "unknown key (known: id, heading, show)")),
            qPrintable(bad.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("never.pdf"))));
        const QString notJson = dir.filePath(QStringLiteral("notjson.json"));
        QFile n(notJson);
        QVERIFY(n.open(QIODevice::WriteOnly));
        n.write("{\n  \"title\": \"报告\",\n  \"unit\" \"x\"\n}\n");
        n.close();
        const auto bad2 = runPlanlines(
            {"check", "--db", db, "--site", QString::fromUtf8(kSites[3].name), "--report",
             dir.filePath(QStringLiteral("never.pdf")), "--report-template", notJson});
        QCOMPARE(bad2.exitCode, 1);
        QVERIFY2(bad2.err.contains(notJson + QStringLiteral(", line 3: not valid JSON")),
                 qPrintable(bad2.err));
    }

    void batchWritesOneReportPerSiteAndASummary()
    {
        const QString out = dir.filePath(QStringLiteral("batch")) + QLatin1Char('/');
        const auto r = runPlanlines({"check", "--db", db, "--all-sites", "--json", "--report", out,
                                     "--report-format", "html"});
        QVERIFY2(r.exitCode == 4, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray results = o.value("results").toArray();
        QVERIFY(results.size() >= 30);
        QDir d(out);
        const QStringList files = d.entryList(QDir::Files, QDir::Name);
        QCOMPARE(files.size(), results.size() + 1);
        QCOMPARE(files.front(), QStringLiteral("0000_汇总.html"));
        for (const auto &v : results) {
            const QJsonObject res = v.toObject();
            // Characters no file system takes read as _ (国电投202/404MWh储能示范项目).
            QString project = res.value("site").toObject().value("name").toString();
            project.replace(QRegularExpression(QStringLiteral("[<>:\"/\\\\|?*]")),
                            QStringLiteral("_"));
            const QString name = QStringLiteral("%1_%2.html")
                                     .arg(QString::number(res.value("record_id").toInteger())
                                              .rightJustified(4, QLatin1Char('0')),
                                          project);
            QVERIFY2(files.contains(name), qPrintable(name));
        }
        QFile summary(d.filePath(QStringLiteral("0000_汇总.html")));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(summary.readAll());
        const QJsonObject counts = o.value("summary").toObject();
        QVERIFY2(text.contains(QStringLiteral("共 %1 个选址：不符合 %2 个")
                                   .arg(results.size())
                                   .arg(counts.value("fail").toInt())),
                 qPrintable(text.left(2000)));
        for (const auto &v : results)
            QVERIFY(text.contains(
                v.toObject().value("site").toObject().value("name").toString().toHtmlEscaped()));
    }

    void badReportOptions()
    {
        const auto doc = runPlanlines({"check", "--db", db, "--all-sites", "--report", "x.doc"});
        QCOMPARE(doc.exitCode, 2);
        QVERIFY(doc.err.contains(QStringLiteral(
            "--report needs a .pdf, .odt, .html or .xlsx file name, or a directory ending in /")));
        const auto format = runPlanlines({"check", "--db", db, "--all-sites", "--report",
                                          dir.path() + "/", "--report-format", "doc"});
        QCOMPARE(format.exitCode, 2);
        QVERIFY(
            format.err.contains(QStringLiteral("--report-format must be pdf, odt, html or xlsx")));
        const auto lone =
            runPlanlines({"check", "--db", db, "--all-sites", "--report-template", "t.json"});
        QCOMPARE(lone.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(ReportCliTest)
#include "reporttest.moc"
