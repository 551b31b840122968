// The review report's content (layers/report/reportcontent.h) from hand-made records: the 三大类
// of 三调 codes, the GB/T 4754 names, the template's order, headings and errors, a site that
// could not be checked, a project without land use, and the 补划 附表 only when farmland is taken.
#include <layers/report/industrycodes.h>
#include <layers/report/landclass.h>
#include <layers/report/reportcontent.h>

#include <geodata/error.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace planlines::layers::report;

namespace {

QJsonObject overlap(const char *role, const char *zh, double m2, bool present,
                    QJsonArray features = {})
{
    return {{"role", role},
            {"role_zh", zh},
            {"area_m2", m2},
            {"layer_present", present},
            {"features", features}};
}

// A site of 10 000 m²: 6 000 m² 水浇地 (4 000 of them 永久基本农田), 3 000 m² 村庄 in 东村,
// 1 000 m² without land-use parcels.
QJsonObject record()
{
    const QJsonArray farmland{
        QJsonObject{{"code", "BNT-1"}, {"name", "水浇地"}, {"area_m2", 4000.0}}};
    return QJsonObject{
        {"record_id", 42},
        {"verdict", "fail"},
        {"verdict_zh", "不符合"},
        {"rules_name", "示例规则"},
        {"rules_version", "1"},
        {"site", QJsonObject{{"name", "测试项目"},
                             {"area_m2", 10000.0},
                             {"industry", "C2651"},
                             {"industry_name", ""},
                             {"use", "工业用地"},
                             {"code", "2024-370322-26-01-000001"},
                             {"applicant", "某化工有限公司"},
                             {"source", "layer 项目选址, feature 16"},
                             {"repairs", QJsonArray{}}}},
        {"overlaps", QJsonArray{overlap("basic_farmland", "永久基本农田", 4000, true, farmland),
                                overlap("eco_redline", "生态保护红线", 0, true),
                                overlap("urban_boundary", "城镇开发边界", 0, true),
                                overlap("corridor", "淤背区生态廊道", 0, false),
                                overlap("control_unit", "环境管控单元", 0, true),
                                overlap("cultivated", "耕地", 6000, true),
                                overlap("landuse", "地类图斑", 9000, true)}},
        {"urban_boundary", QJsonObject{{"inside", false},
                                       {"inside_m2", 0},
                                       {"outside_m2", 10000.0},
                                       {"layer_present", true},
                                       {"zones", QJsonArray{}}}},
        {"landuse",
         QJsonArray{
             QJsonObject{{"dlbm", "0102"}, {"dlmc", "水浇地"}, {"area_m2", 6000.0}, {"parcels", 2}},
             QJsonObject{{"dlbm", "203"}, {"dlmc", "村庄"}, {"area_m2", 3000.0}, {"parcels", 1}}}},
        {"landuse_detail", QJsonArray{QJsonObject{{"dlbm", "0102"},
                                                  {"dlmc", "水浇地"},
                                                  {"qsxz", "30"},
                                                  {"zldwmc", "东村"},
                                                  {"gddb", "7"},
                                                  {"area_m2", 6000.0},
                                                  {"deducted_m2", 5400.0},
                                                  {"parcels", 2}},
                                      QJsonObject{{"dlbm", "203"},
                                                  {"dlmc", "村庄"},
                                                  {"qsxz", "30"},
                                                  {"zldwmc", "东村"},
                                                  {"gddb", ""},
                                                  {"area_m2", 3000.0},
                                                  {"deducted_m2", 3000.0},
                                                  {"parcels", 1}}}},
        {"ownership", QJsonArray{QJsonObject{{"qsxz", "30"}, {"area_m2", 9000.0}}}},
        {"farmland",
         QJsonObject{{"cultivated_m2", 6000.0},
                     {"paddy_m2", 0},
                     {"parcels", 2},
                     {"deducted_m2", 5400.0},
                     {"by_grade", QJsonArray{QJsonObject{{"gddb", "7"}, {"area_m2", 6000.0}}}}}},
        {"location",
         QJsonObject{
             {"townships", QJsonArray{QJsonObject{{"name", "田镇街道"}, {"area_m2", 10000.0}}}},
             {"villages", QJsonArray{QJsonObject{{"name", "东村"}, {"area_m2", 9000.0}}}}}},
        {"control_units", QJsonArray{}},
        {"rules", QJsonArray{QJsonObject{{"id", "basic_farmland.occupy"},
                                         {"title", "不得占用永久基本农田"},
                                         {"status", "fail"},
                                         {"status_zh", "不符合"},
                                         {"applicable", true},
                                         {"text", "占用"},
                                         {"value", "6.00 亩"},
                                         {"source", "土地管理法"}},
                             QJsonObject{{"id", "chemical.outside_park"},
                                         {"title", "化工项目只能进入化工园区"},
                                         {"status", "pass"},
                                         {"status_zh", "符合"},
                                         {"applicable", false},
                                         {"text", ""},
                                         {"value", ""}}}},
    };
}

const Table *table(const Document &d, const QString &captionPart)
{
    for (const auto &b : d.blocks)
        if (b.kind == Block::Kind::Table && b.table.caption.contains(captionPart))
            return &b.table;
    return nullptr;
}

QStringList row(const Table &t, const QString &first)
{
    for (const auto &r : t.rows)
        if (r.value(0).trimmed() == first)
            return r;
    return {};
}

QStringList headings(const Document &d)
{
    QStringList out;
    for (const auto &b : d.blocks)
        if (b.kind == Block::Kind::Heading && b.level == 1)
            out << b.text;
    return out;
}

} // namespace

class ReportContentTest : public QObject
{
    Q_OBJECT
private slots:
    void landClasses()
    {
        QCOMPARE(landGroupOf(QStringLiteral("0101")).group, QStringLiteral("耕地"));
        QCOMPARE(landGroupOf(QStringLiteral("0201K")).group, QStringLiteral("园地"));
        QCOMPARE(landGroupOf(QStringLiteral("1104A")).group, QStringLiteral("其他农用地"));
        QCOMPARE(landGroupOf(QStringLiteral("1103")).landClass, LandClass::Agricultural);
        QCOMPARE(landGroupOf(QStringLiteral("0404")).landClass, LandClass::Unused);
        QCOMPARE(landGroupOf(QStringLiteral("1106")).landClass, LandClass::Unused);
        QCOMPARE(landGroupOf(QStringLiteral("201A")).landClass, LandClass::Construction);
        QCOMPARE(landGroupOf(QStringLiteral("1109")).landClass, LandClass::Construction);
        QCOMPARE(landGroupOf(QStringLiteral("0601")).landClass, LandClass::Construction);
        QCOMPARE(landGroupOf(QStringLiteral("9999")).landClass, LandClass::Unknown);
        QCOMPARE(landClassName(LandClass::Unknown), QStringLiteral("未识别地类"));
    }

    void industryNames()
    {
        QCOMPARE(industryText(QStringLiteral("C2651"), QString()),
                 QStringLiteral("C2651（制造业 · 26 化学原料和化学制品制造业）"));
        QCOMPARE(industryText(QStringLiteral("D4416"), QStringLiteral("太阳能发电")),
                 QStringLiteral("D4416 太阳能发电（电力、热力、燃气及水生产和供应业 · 44 电力、"
                                "热力生产和供应业）"));
        QCOMPARE(industryDivisionName(QStringLiteral("N7711")),
                 QStringLiteral("生态保护和环境治理业"));
        QCOMPARE(industryText(QString(), QString()), QStringLiteral("—"));
    }

    void sectionsFromTheRecord()
    {
        ReportContext c;
        c.county = QStringLiteral("高青县");
        c.synthetic = true;
        c.checkDate = QDate(2026, 12, 7);
        const Document d = buildReport(record(), ReportTemplate::builtin(), c);
        QCOMPARE(d.title, QStringLiteral("建设项目用地预审与选址合规性分析报告"));
        QCOMPARE(d.unit, QStringLiteral("高青县自然资源局"));
        QCOMPARE(d.footerLeft, QStringLiteral("记录 42"));
        QCOMPARE(headings(d),
                 (QStringList{"一、项目概况", "二、选址位置", "三、三线协调分析", "四、用地现状",
                              "五、三线一单符合性分析", "六、规则检查结论", "七、数据说明"}));
        // The first page: fields, verdict with the rule that failed, signatures, the note.
        const auto &fields = d.blocks[1].fields.items;
        auto field = [&](const QString &k) {
            for (const auto &[key, v] : fields)
                if (key == k)
                    return v;
            return QString();
        };
        QCOMPARE(field(QStringLiteral("用地面积")),
                 QStringLiteral("1.0000 公顷（15.00 亩，10000.00 平方米）"));
        QCOMPARE(field(QStringLiteral("项目代码")), QStringLiteral("2024-370322-26-01-000001"));
        QCOMPARE(field(QStringLiteral("项目位置")), QStringLiteral("田镇街道；东村"));
        QCOMPARE(field(QStringLiteral("检查日期")), QStringLiteral("2026年12月7日"));
        QCOMPARE(d.blocks[2].kind, Block::Kind::Verdict);
        QCOMPARE(d.blocks[2].verdict.text, QStringLiteral("不符合"));
        QCOMPARE(d.blocks[2].verdict.color, QStringLiteral("#c0392b"));
        QCOMPARE(d.blocks[2].verdict.reasons,
                 QStringList{QStringLiteral("不符合：不得占用永久基本农田")});
        QCOMPARE(d.blocks[3].kind, Block::Kind::Note);
        QCOMPARE(d.blocks[4].signatures.labels, (QStringList{"审查人", "审核人", "日期"}));
        // 三大类 adds up to the site, the part without parcels a row of its own.
        const Table *three = table(d, QStringLiteral("用地现状（三大类）"));
        QVERIFY(three);
        QCOMPARE(row(*three, QStringLiteral("农用地")).value(1), QStringLiteral("6000.00"));
        QCOMPARE(row(*three, QStringLiteral("其中：耕地")).value(1), QStringLiteral("6000.00"));
        QCOMPARE(row(*three, QStringLiteral("建设用地")).value(1), QStringLiteral("3000.00"));
        QCOMPARE(row(*three, QStringLiteral("无现状地类图斑")).value(1), QStringLiteral("1000.00"));
        QCOMPARE(three->total.value(1), QStringLiteral("10000.00"));
        QCOMPARE(row(*three, QStringLiteral("农用地")).value(5),
                 QStringLiteral("5400.00")); // 扣除后
        const Table *owners = table(d, QStringLiteral("用地现状（权属）"));
        QVERIFY(owners);
        QCOMPARE(row(*owners, QStringLiteral("集体（30 集体土地所有权）")).value(1),
                 QStringLiteral("9000.00"));
        // Farmland taken: its patches and the 补划 附表, its 补划 columns empty.
        const Table *supplement = table(d, QStringLiteral("补划情况表"));
        QVERIFY(supplement);
        QCOMPARE(supplement->rows.size(), std::size_t(1));
        QCOMPARE(supplement->rows[0].value(1), QStringLiteral("BNT-1"));
        QCOMPARE(supplement->rows[0].value(4), QStringLiteral("6.00"));
        QVERIFY(supplement->rows[0].value(5).isEmpty());
        const Table *rules = table(d, QStringLiteral("规则检查结果"));
        QVERIFY(rules);
        QCOMPARE(rules->rows.size(), std::size_t(1)); // the rule that did not apply is a note
        // Where the site came from, in the report's words.
        bool source = false;
        for (const Block &b : d.blocks)
            source = source || b.text == QStringLiteral("选址来源：图层“项目选址”第 16 号要素。");
        QVERIFY(source);
    }

    void templateOrderAndHiding()
    {
        const ReportTemplate t = ReportTemplate::fromJson(
            R"({"title": "选址论证报告", "unit": "{county}国土空间规划服务中心",
                "sections": [{"id": "rules", "heading": "结论"},
                             {"id": "cover", "heading": "基本情况"},
                             {"id": "landuse", "heading": "现状", "show": false}]})",
            QStringLiteral("t.json"));
        ReportContext c;
        c.county = QStringLiteral("测试县");
        const Document d = buildReport(record(), t, c);
        QCOMPARE(d.title, QStringLiteral("选址论证报告"));
        QCOMPARE(d.unit, QStringLiteral("测试县国土空间规划服务中心"));
        QCOMPARE(headings(d), (QStringList{"一、结论", "二、基本情况"}));
        QVERIFY(!table(d, QStringLiteral("用地现状")));
    }

    void templateErrorsNameFileLineAndKey_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("{\n\"title\": \"x\",\n}")
                                  << QStringLiteral("t.json, line 3: not valid JSON");
        QTest::newRow("unknown key")
            << QByteArray("{\n  \"titel\": \"x\"\n}")
            << QStringLiteral("t.json, line 2: key \"titel\": unknown key");
        QTest::newRow("unknown section")
            << QByteArray("{\"sections\": [\n {\"id\": \"cover\", \"heading\": \"a\"},\n {\"id\": "
                          "\"map\", \"heading\": \"b\"}]}")
            << QStringLiteral("t.json, line 3: key \"sections[1].id\": unknown section \"map\"");
        QTest::newRow("twice") << QByteArray("{\"sections\": [{\"id\": \"cover\", \"heading\": "
                                             "\"a\"},\n{\"id\": \"cover\", \"heading\": \"b\"}]}")
                               << QStringLiteral("t.json, line 2: key \"sections[1].id\": section "
                                                 "\"cover\" is listed twice");
        QTest::newRow("no heading") << QByteArray("{\"sections\": [\n\n{\"id\": \"notes\"}]}")
                                    << QStringLiteral("t.json, line 3: key \"sections[0]\": the "
                                                      "section \"notes\" has no \"heading\"");
        QTest::newRow("show") << QByteArray("{\"sections\": [{\"id\": \"notes\", \"heading\": "
                                            "\"x\",\n \"show\": \"no\"}]}")
                              << QStringLiteral("t.json, line 2: key \"sections[0].show\": must be "
                                                "true or false");
        QTest::newRow("signature") << QByteArray("{\"signatures\": [\"审查人\", \"\"]}")
                                   << QStringLiteral("t.json, line 1: key \"signatures[1]\": a "
                                                     "signature label must be non-empty text");
    }
    void templateErrorsNameFileLineAndKey()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        try {
            ReportTemplate::fromJson(json, QStringLiteral("t.json"));
            QFAIL("no error");
        } catch (const planlines::geodata::Error &e) {
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(message), e.what());
        }
    }

    void aSiteThatCouldNotBeChecked()
    {
        QJsonObject r{{"verdict", "error"},
                      {"site", QJsonObject{{"name", "坏选址"},
                                           {"area_m2", 0},
                                           {"error", "the site is a POINT, not a polygon"}}}};
        const Document d = buildReport(r, ReportTemplate::builtin(), {});
        QCOMPARE(headings(d), (QStringList{"一、项目概况", "二、数据说明"}));
        for (const auto &b : d.blocks)
            if (b.kind == Block::Kind::Verdict) {
                QCOMPARE(b.verdict.text, QStringLiteral("无法检查"));
                QCOMPARE(b.verdict.reasons,
                         QStringList{QStringLiteral("the site is a POINT, not a polygon")});
            }
    }

    void noFarmlandTakenNoSupplementTable()
    {
        QJsonObject r = record();
        QJsonArray overlaps = r.value("overlaps").toArray();
        overlaps[0] = overlap("basic_farmland", "永久基本农田", 0, true);
        r.insert("overlaps", overlaps);
        const Document d = buildReport(r, ReportTemplate::builtin(), {});
        QVERIFY(!table(d, QStringLiteral("补划情况表")));
        bool said = false;
        for (const auto &b : d.blocks)
            said = said || b.text == QStringLiteral("选址不占用永久基本农田。");
        QVERIFY(said);
    }
};

QTEST_GUILESS_MAIN(ReportContentTest)
#include "reportcontenttest.moc"
