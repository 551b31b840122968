// The review report's 三线协调, 用地现状 and 三线一单 sections (reportparts.h).
#include "landclass.h"
#include "reportparts.h"

#include <array>
#include <map>

namespace planlines::layers::report::parts {

namespace {

double num(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toDouble();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonArray arr(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}

// The features of an overlap (the record's overlap object) as code | name | m² | 亩 | 占选址
// rows; the 合计 is the overlap's area (features that overlap each other counted once).
Table featureTable(const QString &caption, const QString &codeLabel, const QString &nameLabel,
                   const QJsonObject &overlap, double siteM2)
{
    const QJsonArray features = arr(overlap, "features");
    const double sum = num(overlap, "area_m2");
    Table t;
    t.caption = caption;
    t.header = {{QStringLiteral("序号"), codeLabel, nameLabel, QStringLiteral("面积（平方米）"),
                 QStringLiteral("亩"), QStringLiteral("占选址")}};
    t.numeric = {true, false, false, true, true, true};
    int i = 0;
    for (const auto &v : features) {
        const QJsonObject f = v.toObject();
        const double m2 = num(f, "area_m2");
        t.rows.push_back({QString::number(++i), str(f, "code"), str(f, "name"), m2Text(m2),
                          muText(m2), shareText(m2, siteM2)});
    }
    if (features.size() > 1)
        t.total = {QStringLiteral("合计"), QString(), QString(), m2Text(sum), muText(sum),
                   shareText(sum, siteM2)};
    t.note = QStringLiteral("面积为图斑在选址范围内部分的平面面积；合计中相互重叠的部分只计一次。");
    return t;
}

QString occupiesText(const QString &what, double m2, double siteM2)
{
    return QStringLiteral("选址占用%1 %2 平方米（%3 亩，%4 公顷），占选址面积的 %5。")
        .arg(what, m2Text(m2), muText(m2), haText(m2), shareText(m2, siteM2));
}

// 补划 附表: the occupied patches filled in, the 补划 columns left for the county to fill.
Table supplementTable(const QString &caption, const QJsonObject &overlap)
{
    const QJsonArray features = arr(overlap, "features");
    const double sum = num(overlap, "area_m2");
    Table t;
    t.caption = caption;
    t.header = {{QStringLiteral("序号"), QStringLiteral("占用图斑编号"), QStringLiteral("占用地类"),
                 QStringLiteral("占用面积（平方米）"), QStringLiteral("占用面积（亩）"),
                 QStringLiteral("补划图斑编号"), QStringLiteral("补划地类"),
                 QStringLiteral("补划面积（亩）"), QStringLiteral("补划耕地等别"),
                 QStringLiteral("备注")}};
    t.numeric = {true, false, false, true, true, false, false, true, false, false};
    t.sheetName = QStringLiteral("永久基本农田补划");
    int i = 0;
    for (const auto &v : features) {
        const QJsonObject f = v.toObject();
        const double m2 = num(f, "area_m2");
        t.rows.push_back({QString::number(++i), str(f, "code"), str(f, "name"), m2Text(m2),
                          muText(m2), QString(), QString(), QString(), QString(), QString()});
    }
    t.total = {QStringLiteral("合计"),
               QString(),
               QString(),
               m2Text(sum),
               muText(sum),
               QString(),
               QString(),
               QString(),
               QString(),
               QString()};
    t.note = QStringLiteral("补划图斑编号、地类、面积和耕地等别由县级自然资源主管部门按"
                            "“数量不减少、质量不降低、布局总体稳定”的要求落实后填写。");
    return t;
}

// The 扣除 area of each 地类 (DLBM, DLMC), from the detailed land-use rows.
std::map<std::pair<QString, QString>, double> deductedByClass(const QJsonObject &record)
{
    std::map<std::pair<QString, QString>, double> out;
    for (const auto &v : arr(record, "landuse_detail")) {
        const QJsonObject r = v.toObject();
        out[{str(r, "dlbm"), str(r, "dlmc")}] += num(r, "deducted_m2");
    }
    return out;
}

void farmland(Builder &b)
{
    const double site = b.siteM2();
    const QJsonObject farm = b.record.value(QLatin1String("farmland")).toObject();
    const double m2 = num(farm, "cultivated_m2");
    b.subheading(QStringLiteral("耕地"));
    if (!b.overlap(QStringLiteral("cultivated")).value(QLatin1String("layer_present")).toBool()) {
        b.doc.paragraph(QStringLiteral("项目无地类图斑图层，未核查耕地占用。"));
        return;
    }
    if (m2 <= 0) {
        b.doc.paragraph(QStringLiteral("选址不占用耕地。"));
        return;
    }
    const bool deducted = farm.contains(QLatin1String("deducted_m2"));
    b.doc.paragraph(
        occupiesText(QStringLiteral("耕地"), m2, site) +
        QStringLiteral("其中水田 %1 平方米（%2 亩），涉及耕地图斑 %3 个。")
            .arg(m2Text(num(farm, "paddy_m2")), muText(num(farm, "paddy_m2")))
            .arg(farm.value(QLatin1String("parcels")).toInt()) +
        (deducted ? QStringLiteral("扣除田坎等后的耕地面积为 %1 平方米（%2 亩）。")
                        .arg(m2Text(num(farm, "deducted_m2")), muText(num(farm, "deducted_m2")))
                  : QString()));
    Table t;
    t.caption = b.tableCaption(QStringLiteral("占用耕地情况"));
    t.sheetName = QStringLiteral("占用耕地");
    t.header = {{QStringLiteral("地类编码"), QStringLiteral("地类名称"), QStringLiteral("图斑数"),
                 QStringLiteral("平面面积（平方米）"), QStringLiteral("亩")}};
    t.numeric = {false, false, true, true, true};
    if (deducted) {
        t.header[0] << QStringLiteral("扣除后面积（平方米）") << QStringLiteral("扣除后（亩）");
        t.numeric.insert(t.numeric.end(), {true, true});
    }
    // Areas and parcels as the record's 地类 rows give them; the 扣除 figure from the detailed
    // rows (the record has it there only).
    const auto deductions = deductedByClass(b.record);
    for (const auto &v : arr(b.record, "landuse")) {
        const QJsonObject r = v.toObject();
        if (!str(r, "dlbm").startsWith(QLatin1String("01")))
            continue;
        QStringList cells{str(r, "dlbm"), str(r, "dlmc"),
                          QString::number(r.value(QLatin1String("parcels")).toInt()),
                          m2Text(num(r, "area_m2")), muText(num(r, "area_m2"))};
        if (deducted) {
            const auto d = deductions.find({str(r, "dlbm"), str(r, "dlmc")});
            const double ded = d == deductions.end() ? 0 : d->second;
            cells << m2Text(ded) << muText(ded);
        }
        t.rows.push_back(cells);
    }
    t.total = {QStringLiteral("合计"), QString(),
               QString::number(farm.value(QLatin1String("parcels")).toInt()), m2Text(m2),
               muText(m2)};
    if (deducted)
        t.total << m2Text(num(farm, "deducted_m2")) << muText(num(farm, "deducted_m2"));
    t.note = deducted
                 ? QStringLiteral("平面面积：图斑在选址范围内部分的面积；扣除后面积：平面面积 ×"
                                  "（1 − 扣除地类系数 KCXS），即扣除田坎等线状地物后的地类面积。")
                 : QStringLiteral("面积为平面面积（地类图斑图层无扣除地类系数 KCXS 字段）。");
    b.doc.table(std::move(t));

    const QJsonArray grades = arr(farm, "by_grade");
    if (grades.isEmpty())
        return;
    Table g;
    g.caption = b.tableCaption(QStringLiteral("占用耕地质量等别"));
    g.sheetName = QStringLiteral("耕地等别");
    g.header = {{QStringLiteral("耕地等别"), QStringLiteral("面积（平方米）"), QStringLiteral("亩"),
                 QStringLiteral("占耕地")}};
    g.numeric = {false, true, true, true};
    for (const auto &v : grades) {
        const QJsonObject r = v.toObject();
        const QString grade = str(r, "gddb");
        g.rows.push_back(
            {grade.isEmpty() ? QStringLiteral("未评定") : grade + QStringLiteral(" 等"),
             m2Text(num(r, "area_m2")), muText(num(r, "area_m2")),
             shareText(num(r, "area_m2"), m2)});
    }
    b.doc.table(std::move(g));
}

void basicFarmland(Builder &b)
{
    const double site = b.siteM2();
    const QJsonObject o = b.overlap(QStringLiteral("basic_farmland"));
    b.subheading(QStringLiteral("永久基本农田"));
    if (!o.value(QLatin1String("layer_present")).toBool()) {
        b.doc.paragraph(QStringLiteral("项目无永久基本农田图层，未核查。"));
        return;
    }
    const double m2 = num(o, "area_m2");
    if (m2 <= 0) {
        b.doc.paragraph(QStringLiteral("选址不占用永久基本农田。"));
        return;
    }
    const QJsonArray features = arr(o, "features");
    b.doc.paragraph(
        occupiesText(QStringLiteral("永久基本农田"), m2, site) +
        QStringLiteral("涉及永久基本农田图斑 %1 个，须按规定论证并落实补划（附表见表 %2）。")
            .arg(features.size())
            .arg(b.tables + 2));
    b.doc
        .table(featureTable(b.tableCaption(QStringLiteral("占用永久基本农田图斑")),
                            QStringLiteral("图斑编号"), QStringLiteral("地类"), o, site))
        .table.sheetName = QStringLiteral("永久基本农田");
    b.doc.table(
        supplementTable(b.tableCaption(QStringLiteral("永久基本农田补划情况表（附表）")), o));
}

void redLine(Builder &b)
{
    const double site = b.siteM2();
    const QJsonObject o = b.overlap(QStringLiteral("eco_redline"));
    b.subheading(QStringLiteral("生态保护红线"));
    if (!o.value(QLatin1String("layer_present")).toBool()) {
        b.doc.paragraph(QStringLiteral("项目无生态保护红线图层，未核查。"));
        return;
    }
    const double m2 = num(o, "area_m2");
    if (m2 <= 0) {
        b.doc.paragraph(QStringLiteral("选址不涉及生态保护红线。"));
        return;
    }
    b.doc.paragraph(occupiesText(QStringLiteral("生态保护红线"), m2, site));
    b.doc
        .table(featureTable(b.tableCaption(QStringLiteral("涉及生态保护红线")),
                            QStringLiteral("红线编码"), QStringLiteral("红线名称"), o, site))
        .table.sheetName = QStringLiteral("生态保护红线");
}

void urbanBoundary(Builder &b)
{
    const double site = b.siteM2();
    const QJsonObject u = b.record.value(QLatin1String("urban_boundary")).toObject();
    b.subheading(QStringLiteral("城镇开发边界"));
    if (!u.value(QLatin1String("layer_present")).toBool()) {
        b.doc.paragraph(QStringLiteral("项目无城镇开发边界图层，未核查。"));
        return;
    }
    const double inside = num(u, "inside_m2"), outside = num(u, "outside_m2");
    b.doc.paragraph(
        u.value(QLatin1String("inside")).toBool() ? QStringLiteral("选址位于城镇开发边界内。")
        : inside <= 0 ? QStringLiteral("选址位于城镇开发边界外。")
                      : QStringLiteral("选址部分位于城镇开发边界内：边界内 %1 平方米（%2 亩），"
                                       "边界外 %3 平方米（%4 亩）。")
                            .arg(m2Text(inside), muText(inside), m2Text(outside), muText(outside)));
    Table t =
        areaTable(b.tableCaption(QStringLiteral("城镇开发边界分区")), QStringLiteral("分区"), true);
    t.sheetName = QStringLiteral("城镇开发边界");
    std::map<QString, double> zones; // by zone name (GHFQMC), code when unnamed
    for (const auto &v : arr(u, "zones")) {
        const QJsonObject z = v.toObject();
        const QString name = str(z, "name").isEmpty() ? str(z, "code") : str(z, "name");
        zones[name] += num(z, "area_m2");
    }
    for (const auto &[name, m2] : zones)
        t.rows.push_back(QStringList{name} + areaCells(m2, site, true));
    t.rows.push_back(QStringList{QStringLiteral("城镇开发边界外")} +
                     areaCells(outside, site, true));
    t.total = QStringList{QStringLiteral("合计")} + areaCells(site, site, true);
    b.doc.table(std::move(t));
}

// The county's own line (淤背区生态廊道): only when its layer is there and the site meets it.
void corridor(Builder &b)
{
    const QJsonObject o = b.overlap(QStringLiteral("corridor"));
    const double m2 = num(o, "area_m2");
    if (!o.value(QLatin1String("layer_present")).toBool() || m2 <= 0)
        return;
    b.subheading(str(o, "role_zh"));
    b.doc.paragraph(occupiesText(str(o, "role_zh"), m2, b.siteM2()));
    b.doc
        .table(featureTable(b.tableCaption(QStringLiteral("涉及%1").arg(str(o, "role_zh"))),
                            QStringLiteral("段编号"), QStringLiteral("所在乡镇"), o, b.siteM2()))
        .table.sheetName = str(o, "role_zh");
}

// 国有 / 集体 from QSXZ (10, 20 国有; 30–34, 40 集体) or its words.
// A QSXZ code as the report names it: 国有 / 集体 and the 三调 code's name ("集体（30
// 集体土地所有权）"); other text as it is.
QString ownership(const QString &qsxz)
{
    const QString q = qsxz.trimmed();
    if (q.isEmpty())
        return QStringLiteral("未注明权属");
    static const std::map<QString, const char *> names = {
        {QStringLiteral("10"), "国有（10 国有土地所有权）"},
        {QStringLiteral("20"), "国有（20 国有土地使用权）"},
        {QStringLiteral("30"), "集体（30 集体土地所有权）"},
        {QStringLiteral("31"), "集体（31 村民小组）"},
        {QStringLiteral("32"), "集体（32 村集体经济组织）"},
        {QStringLiteral("33"), "集体（33 乡集体经济组织）"},
        {QStringLiteral("34"), "集体（34 其他农民集体经济组织）"},
        {QStringLiteral("40"), "集体（40 集体土地使用权）"}};
    const auto it = names.find(q);
    return it == names.end() ? q : QString::fromUtf8(it->second);
}

struct Sums
{
    double m2 = 0, deducted = 0;
};

// A table of name | m² | 亩 | 占选址 (| 扣除后) whose rows add up to the site: the parts without
// a land-use parcel are a row of their own.
Table siteTable(Builder &b, const QString &caption, const QString &sheet, const QString &first,
                const std::vector<std::pair<QString, Sums>> &rows, bool deducted)
{
    const double site = b.siteM2();
    Table t = areaTable(b.tableCaption(caption), first, true);
    t.sheetName = sheet;
    if (deducted) {
        t.header[0] << QStringLiteral("扣除后面积（平方米）");
        t.numeric.push_back(true);
    }
    for (const auto &[name, s] : rows) {
        QStringList cells = QStringList{name} + areaCells(s.m2, site, true);
        if (deducted)
            cells << m2Text(s.deducted);
        t.rows.push_back(cells);
    }
    const double uncovered = site - num(b.overlap(QStringLiteral("landuse")), "area_m2");
    if (uncovered >= 0.005) {
        QStringList cells =
            QStringList{QStringLiteral("无现状地类图斑")} + areaCells(uncovered, site, true);
        if (deducted)
            cells << QStringLiteral("—");
        t.rows.push_back(cells);
    }
    t.total = QStringList{QStringLiteral("合计")} + areaCells(site, site, true);
    if (deducted)
        t.total << QString();
    return t;
}

} // namespace

void threeLines(Builder &b)
{
    const double site = b.siteM2();
    Table t = areaTable(b.tableCaption(QStringLiteral("控制线与耕地占用汇总")),
                        QStringLiteral("控制线"), true);
    t.sheetName = QStringLiteral("三线占用汇总");
    for (const char *role :
         {"basic_farmland", "eco_redline", "urban_boundary", "corridor", "cultivated"}) {
        const QJsonObject o = b.overlap(QString::fromLatin1(role));
        const QString label = QString::fromLatin1(role) == QLatin1String("urban_boundary")
                                  ? str(o, "role_zh") + QStringLiteral("（范围内）")
                                  : str(o, "role_zh");
        if (!o.value(QLatin1String("layer_present")).toBool())
            t.rows.push_back({label, QStringLiteral("无图层"), QString(), QString(), QString()});
        else
            t.rows.push_back(QStringList{label} + areaCells(num(o, "area_m2"), site, true));
    }
    t.note = QStringLiteral("面积为平面面积（项目工作坐标系），1 亩 = 10000/15 平方米。");
    b.doc.table(std::move(t));
    farmland(b);
    basicFarmland(b);
    redLine(b);
    urbanBoundary(b);
    corridor(b);
}

void landuse(Builder &b)
{
    const QJsonArray detail = arr(b.record, "landuse_detail");
    if (!b.overlap(QStringLiteral("landuse")).value(QLatin1String("layer_present")).toBool()) {
        b.doc.paragraph(QStringLiteral("项目无地类图斑图层，未统计用地现状。"));
        return;
    }
    // The record's own sums where it has them (地类 rows, villages), so every figure shown is
    // one of the record's; 三大类 and 权属 add up its rows.
    bool deducted = false, anyOwner = false;
    std::map<QString, Sums> groups, owners, villages;
    std::map<QString, QString> villageDeducted;
    for (const auto &v : detail) {
        const QJsonObject r = v.toObject();
        deducted = deducted || r.contains(QLatin1String("deducted_m2"));
        anyOwner = anyOwner || !str(r, "qsxz").isEmpty();
        owners[str(r, "qsxz")].deducted += num(r, "deducted_m2");
        Sums &village = villages[str(r, "zldwmc")];
        village.m2 += num(r, "area_m2");
        village.deducted += num(r, "deducted_m2");
    }
    const auto deductions = deductedByClass(b.record);
    for (const auto &v : arr(b.record, "landuse")) {
        const QJsonObject r = v.toObject();
        const LandGroup g = landGroupOf(str(r, "dlbm"));
        Sums &s = groups[g.group.isEmpty() ? landClassName(g.landClass) : g.group];
        s.m2 += num(r, "area_m2");
        const auto d = deductions.find({str(r, "dlbm"), str(r, "dlmc")});
        s.deducted += d == deductions.end() ? 0 : d->second;
    }
    std::vector<std::pair<QString, Sums>> villageRows;
    for (const auto &v : arr(b.record.value(QLatin1String("location")).toObject(), "villages")) {
        const QJsonObject r = v.toObject();
        villageRows.emplace_back(str(r, "name"),
                                 Sums{num(r, "area_m2"), villages[str(r, "name")].deducted});
    }
    // Parcels without a ZLDWMC (the record's villages leave them out).
    if (const auto unnamed = villages.find(QString()); unnamed != villages.end())
        villageRows.emplace_back(QStringLiteral("未注明坐落单位"), unnamed->second);
    b.doc.paragraph(
        QStringLiteral("选址面积 %1 平方米（%2 亩）。下列面积为平面面积，即地类图斑在选址范围内部分"
                       "的面积，各表合计等于选址面积%3。")
            .arg(m2Text(b.siteM2()), muText(b.siteM2()),
                 deducted ? QStringLiteral("；“扣除后面积”为平面面积 ×（1 − 扣除地类系数 "
                                           "KCXS），即扣除田坎等线状地物后的地类面积")
                          : QString()));

    // 三大类, with 农用地's groups under it.
    std::vector<std::pair<QString, Sums>> rows;
    Sums agri;
    const QStringList order = landGroupOrder();
    for (const QString &g : order.mid(0, 5)) {
        agri.m2 += groups[g].m2;
        agri.deducted += groups[g].deducted;
    }
    rows.emplace_back(QStringLiteral("农用地"), agri);
    for (const QString &g : order.mid(0, 5))
        rows.emplace_back(QStringLiteral("　其中：") + g, groups[g]);
    for (const QString &g : order.mid(5))
        if (g != landClassName(LandClass::Unknown) || groups[g].m2 > 0)
            rows.emplace_back(g, groups[g]);
    b.subheading(QStringLiteral("按三大类"));
    Table three = siteTable(b, QStringLiteral("用地现状（三大类）"), QStringLiteral("三大类"),
                            QStringLiteral("类别"), rows, deducted);
    three.note =
        QStringLiteral("“其中”各行是农用地的组成，不另计入合计。三大类按《土地利用现状分类》"
                       "（GB/T 21010-2017）与第三次全国国土调查工作分类的三大类对照划分。");
    b.doc.table(std::move(three));

    b.subheading(QStringLiteral("按地类"));
    Table t;
    t.caption = b.tableCaption(QStringLiteral("用地现状（地类）"));
    t.sheetName = QStringLiteral("地类");
    t.header = {{QStringLiteral("地类编码"), QStringLiteral("地类名称"), QStringLiteral("三大类"),
                 QStringLiteral("图斑数"), QStringLiteral("面积（平方米）"), QStringLiteral("亩"),
                 QStringLiteral("公顷"), QStringLiteral("占选址")}};
    t.numeric = {false, false, false, true, true, true, true, true};
    if (deducted) {
        t.header[0] << QStringLiteral("扣除后面积（平方米）");
        t.numeric.push_back(true);
    }
    double sum = 0;
    for (const auto &v : arr(b.record, "landuse")) {
        const QJsonObject r = v.toObject();
        const QString dlbm = str(r, "dlbm");
        QStringList cells{dlbm, str(r, "dlmc"), landClassName(landGroupOf(dlbm).landClass),
                          QString::number(r.value(QLatin1String("parcels")).toInt())};
        cells += areaCells(num(r, "area_m2"), b.siteM2(), true);
        if (deducted) {
            const auto d = deductions.find({dlbm, str(r, "dlmc")});
            cells << m2Text(d == deductions.end() ? 0 : d->second);
        }
        t.rows.push_back(cells);
        sum += num(r, "area_m2");
    }
    t.total = QStringList{QStringLiteral("合计"), QString(), QString(), QString()} +
              areaCells(sum, b.siteM2(), true);
    if (deducted)
        t.total << QString();
    b.doc.table(std::move(t));

    b.subheading(QStringLiteral("按权属"));
    if (!anyOwner) {
        b.doc.paragraph(QStringLiteral("地类图斑图层无权属性质（QSXZ），未按权属统计。"));
    } else {
        std::vector<std::pair<QString, Sums>> ownerRows;
        for (const auto &v : arr(b.record, "ownership")) {
            const QJsonObject r = v.toObject();
            ownerRows.emplace_back(ownership(str(r, "qsxz")),
                                   Sums{num(r, "area_m2"), owners[str(r, "qsxz")].deducted});
        }
        b.doc.table(siteTable(b, QStringLiteral("用地现状（权属）"), QStringLiteral("权属"),
                              QStringLiteral("权属性质"), ownerRows, deducted));
    }
    b.subheading(QStringLiteral("按村（坐落单位）"));
    b.doc.table(siteTable(b, QStringLiteral("用地现状（坐落单位）"), QStringLiteral("坐落单位"),
                          QStringLiteral("坐落单位名称"), villageRows, deducted));
}

void controlUnits(Builder &b)
{
    const QJsonArray units = arr(b.record, "control_units");
    if (units.isEmpty()) {
        b.doc.paragraph(QStringLiteral("选址不涉及环境管控单元（或项目无环境管控单元图层）。"));
        return;
    }
    b.doc.paragraph(
        QStringLiteral("选址涉及环境管控单元 %1 个，其生态环境准入清单如下。").arg(units.size()));
    const std::pair<const char *, const char *> headings[] = {{"KJBJYS", "空间布局约束"},
                                                              {"PWWPFGK", "污染物排放管控"},
                                                              {"HJFXFK", "环境风险防控"},
                                                              {"ZYKFXLYQ", "资源开发效率要求"}};
    for (const auto &v : units) {
        const QJsonObject u = v.toObject();
        b.subheading(QStringLiteral("%1 %2").arg(str(u, "code"), str(u, "name")));
        b.doc.fields({{QStringLiteral("单元编码"), str(u, "code")},
                      {QStringLiteral("单元名称"), str(u, "name")},
                      {QStringLiteral("管控类别"), str(u, "class_name")},
                      {QStringLiteral("涉及面积"),
                       QStringLiteral("%1 平方米（%2 亩），占选址 %3")
                           .arg(m2Text(num(u, "area_m2")), muText(num(u, "area_m2")),
                                shareText(num(u, "area_m2"), b.siteM2()))}});
        Table t;
        t.caption = b.tableCaption(QStringLiteral("%1 准入清单").arg(str(u, "code")));
        t.header = {{QStringLiteral("管控维度"), QStringLiteral("准入要求")}};
        t.widthsMm = {35, 135};
        const QJsonObject list = u.value(QLatin1String("list")).toObject();
        for (const auto &[key, label] : headings)
            t.rows.push_back(
                {QString::fromUtf8(label), list.value(QLatin1String(key)).toString().isEmpty()
                                               ? QStringLiteral("—")
                                               : list.value(QLatin1String(key)).toString()});
        b.doc.table(std::move(t));
    }
}

} // namespace planlines::layers::report::parts
