// The check panel's controller on real projects, its work on its worker thread:
// - a site of the sample county gives the very JSON CheckEngine gives for it directly (verdict,
//   areas, overlaps, 地类, rules), is recorded with its audit row, reopens and reproduces, and
//   its report is written by the command line's code (PDF and HTML);
// - the causing features it highlights are those SpatiaLite finds overlapping the site;
// - a polygon drawn on the hand-made fixture has the known areas (to 0.01 m²);
// - bad polygons (too few vertices, NaN, no area) give a clear message and no crash; a
//   self-intersecting one is repaired and says so; a file of two sites gives two results.
#include "geodata/check/checkfixture.h"

#include <geodata/check/checkengine.h>
#include <geodata/check/checkrecords.h>
#include <geodata/check/sitereader.h>
#include <qml/checkcontroller.h>
#include <qml/projectsession.h>

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace planlines;
using namespace planlines::geodata::check;
using geodata::test::kX0;
using geodata::test::kY0;

namespace {

const QString kSite = QStringLiteral("通威农光互补光伏发电项目");

// Waits for the controller's next check (or record) to finish; its ok flag.
bool waitCheck(qml::CheckController &ctl, QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(120000))
        return false;
    const bool ok = spy.takeFirst().at(0).toBool();
    return ok;
}

QVariantList square(double x0, double y0, double x1, double y1)
{
    return {QPointF(kX0 + x0, kY0 + y0), QPointF(kX0 + x1, kY0 + y0), QPointF(kX0 + x1, kY0 + y1),
            QPointF(kX0 + x0, kY0 + y1)};
}

QJsonObject overlap(const QJsonObject &result, const QString &role)
{
    for (const QJsonValue &v : result.value("overlaps").toArray())
        if (v.toObject().value("role").toString() == role)
            return v.toObject();
    return {};
}

double landuseM2(const QJsonObject &result, const QString &dlbm)
{
    for (const QJsonValue &v : result.value("landuse").toArray())
        if (v.toObject().value("dlbm").toString() == dlbm)
            return v.toObject().value("area_m2").toDouble();
    return -1;
}

} // namespace

class CheckControllerTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    qml::ProjectSession m_sample;

    static bool openSession(qml::ProjectSession &session, const QString &path)
    {
        session.setPath(path);
        return QTest::qWaitFor(
                   [&] {
                       return session.status() != qml::ProjectSession::Loading &&
                              session.status() != qml::ProjectSession::Null;
                   },
                   120000) &&
               session.status() == qml::ProjectSession::Ready;
    }

private slots:
    void initTestCase()
    {
        m_db = m_dir.filePath(QStringLiteral("gaoqing.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_db));
        QVERIFY(openSession(m_sample, m_db));
    }

    void sampleSiteAsTheEngineChecksIt()
    {
        qml::CheckController ctl;
        QSignalSpy sites(&ctl, &qml::CheckController::sitesChanged);
        QSignalSpy checked(&ctl, &qml::CheckController::checkFinished);
        ctl.setSession(&m_sample);
        QVERIFY(sites.wait(60000));
        const int index = [&] {
            for (int i = 0; i < ctl.sites().size(); ++i)
                if (ctl.sites()[i].toMap()["name"] == kSite)
                    return i;
            return -1;
        }();
        QVERIFY2(index >= 0, "the sample's site is listed");
        const QVariantMap site = ctl.sites()[index].toMap();
        QCOMPARE(site["industry"].toString(), QStringLiteral("D4416"));
        QCOMPARE(ctl.siteIndex(site["table"].toString(), site["fid"].toLongLong()), index);

        QVERIFY(ctl.checkSite(site["table"].toString(), site["fid"].toLongLong()));
        QVERIFY(ctl.busy());
        QVERIFY2(waitCheck(ctl, checked), qPrintable(ctl.errorString()));
        QVERIFY(!ctl.busy());

        // The same document as CheckEngine gives directly on the same project.
        auto project = geodata::Project::open(m_db.toStdString(), true);
        CheckEngine engine(*project, RuleSet::builtin());
        SiteBatch batch = SiteReader::fromProject(*project, kSite.toStdString());
        QCOMPARE(batch.sites.size(), size_t(1));
        const CheckResult direct = engine.check(batch.sites[0].site, batch.sites[0].inputs);
        QJsonObject shown = ctl.result();
        const qint64 recordId = shown.take("record_id").toInteger();
        QCOMPARE(shown, direct.jsonObject(engine.provenance()));

        QCOMPARE(ctl.verdict(), QStringLiteral("fail"));
        QCOMPARE(ctl.verdictText(), QStringLiteral("不符合"));
        QCOMPARE(ctl.verdictColor(), QColor(0xc0, 0x39, 0x2b));
        QCOMPARE(ctl.siteName(), kSite);
        // Where the site is from, in the panel's words.
        QVERIFY2(
            ctl.detailText().contains(
                QStringLiteral("来源：图层“项目选址”第 %1 号要素").arg(site["fid"].toLongLong())),
            qPrintable(ctl.detailText()));
        const double m2 = direct.measurement.siteAreaM2;
        QCOMPARE(ctl.siteAreaText(), QStringLiteral("%1 m² · %2 亩 · %3 公顷")
                                         .arg(m2, 0, 'f', 2)
                                         .arg(m2 / (2000.0 / 3.0), 0, 'f', 2)
                                         .arg(m2 / 10000.0, 0, 'f', 4));
        // The site's area is SpatiaLite's for the stored feature, to 0.01 m².
        const auto sql = project->db().scalar(
            "SELECT ST_Area(geom) FROM site WHERE XMMC = '通威农光互补光伏发电项目'");
        QVERIFY(std::abs(ctl.siteAreaM2() - std::get<double>(*sql)) < 0.01);
        // Every overlap role and every rule is a row; the 地类 rows sum to the covered area.
        QCOMPARE(ctl.overlaps().size(), 7);
        QCOMPARE(ctl.rules().size(), shown.value("rules").toArray().size());
        double landuseSum = 0;
        for (const QVariant &row : ctl.landuse())
            landuseSum += row.toMap()["m2"].toString().toDouble();
        QVERIFY(std::abs(landuseSum - overlap(shown, "landuse").value("area_m2").toDouble()) <
                0.01 * ctl.landuse().size());

        // Recorded as the command line records it, with its audit row.
        QVERIFY(recordId > 0);
        const auto record = CheckRecords::load(*project, recordId);
        QVERIFY(record);
        QCOMPARE(record->verdict, std::string("fail"));
        QCOMPARE(record->siteName, kSite.toStdString());
        QCOMPARE(std::get<std::int64_t>(*project->db().scalar(
                     "SELECT count(*) FROM audit_log WHERE action = 'check.run' AND "
                     "target_id = '" +
                     std::to_string(recordId) + "'")),
                 std::int64_t(1));
        QCOMPARE(ctl.records().first().toMap()["id"].toLongLong(), recordId);

        // The highlighted features of the farmland rule are the farmland parcels SpatiaLite
        // finds overlapping the site (by more than 0.01 m²).
        int farmlandRule = -1;
        for (int i = 0; i < ctl.rules().size(); ++i) {
            const QVariantMap r = ctl.rules()[i].toMap();
            if (r["status"] == "fail" && r["featureCount"].toInt() > 0 &&
                r["text"].toString().contains(QStringLiteral("永久基本农田")))
                farmlandRule = i;
        }
        QVERIFY2(farmlandRule >= 0, "the site fails the permanent basic farmland rule");
        ctl.highlightRule(farmlandRule);
        std::set<qint64> highlighted;
        QString table;
        for (const QVariant &v : ctl.highlight()) {
            table = v.toMap()["table"].toString();
            highlighted.insert(v.toMap()["fid"].toLongLong());
        }
        QVERIFY(!highlighted.empty());
        const auto farmland = project->layers(geodata::Role::BasicFarmland);
        QCOMPARE(table.toStdString(), farmland.front().table);
        std::set<qint64> expected;
        auto st = project->db().prepare("SELECT f.ROWID FROM \"" + farmland.front().table +
                                        "\" AS f, site AS s WHERE s.XMMC "
                                        "= ? AND ST_Area(ST_Intersection(f.geom, s.geom)) > 0.01");
        st.bind(1, kSite.toStdString());
        while (st.step())
            expected.insert(st.int64(0));
        QCOMPARE(highlighted, expected);
        QVERIFY(ctl.highlightText().contains(QStringLiteral("%1 个要素").arg(expected.size())));
        QVERIFY(!ctl.sitePath().isEmpty());
        ctl.clearHighlight();
        QVERIFY(ctl.highlight().isEmpty());

        // Reopened: the stored result, checked again, reproduces.
        QVERIFY(ctl.openRecord(recordId));
        QVERIFY2(waitCheck(ctl, checked), qPrintable(ctl.errorString()));
        QCOMPARE(ctl.recordId(), recordId);
        QCOMPARE(ctl.verdictText(), QStringLiteral("不符合"));
        QVERIFY2(ctl.detailText().contains(QStringLiteral("重新检查：结果与记录一致")),
                 qPrintable(ctl.detailText()));
        QVERIFY(ctl.openRecord(999999));
        QVERIFY(!waitCheck(ctl, checked));
        QCOMPARE(ctl.errorString(), QStringLiteral("项目中没有检查记录 999999"));
        QCOMPARE(ctl.recordId(), recordId); // what was shown stays

        // The report, by the code `planlines check --report` uses.
        QSignalSpy reports(&ctl, &qml::CheckController::reportFinished);
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        QVERIFY(ctl.writeReport(QUrl::fromLocalFile(pdf)));
        QVERIFY(reports.wait(120000));
        QVERIFY2(reports.first().at(0).toBool(), qPrintable(ctl.errorString()));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.read(5), QByteArray("%PDF-"));
        QVERIFY(f.size() > 20000); // a map image is in it
        // Its text, written on the worker thread, reads back (as NFKC: the CJK font maps some
        // glyphs to Kangxi radicals).
        QProcess pdftotext;
        pdftotext.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(pdftotext.waitForFinished(60000));
        const QString words = QString::fromUtf8(pdftotext.readAllStandardOutput())
                                  .normalized(QString::NormalizationForm_KC);
        QVERIFY2(words.contains(
                     QStringLiteral("审查结论：不符合").normalized(QString::NormalizationForm_KC)),
                 qPrintable(words.left(300)));
        QVERIFY(words.contains(kSite.normalized(QString::NormalizationForm_KC)));
        const QString html = m_dir.filePath(QStringLiteral("report.html"));
        QVERIFY(ctl.writeReport(html));
        QVERIFY(reports.wait(120000));
        QFile h(html);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(h.readAll());
        QVERIFY(text.contains(kSite));
        QVERIFY(text.contains(QStringLiteral("不符合")));
        QVERIFY(!ctl.writeReport(m_dir.filePath(QStringLiteral("report.doc"))));
        QCOMPARE(ctl.errorString(),
                 QStringLiteral("报告文件名须以 .pdf、.odt、.html 或 .xlsx 结尾：%1")
                     .arg(m_dir.filePath(QStringLiteral("report.doc"))));
        // The editable document, with a county's template (the panel's 模板 field).
        const QString tpl = m_dir.filePath(QStringLiteral("county.json"));
        QFile tf(tpl);
        QVERIFY(tf.open(QIODevice::WriteOnly));
        tf.write(R"({"unit": "测试县自然资源和规划局", "signatures": ["经办人", "负责人"]})");
        tf.close();
        const QString odt = m_dir.filePath(QStringLiteral("report.odt"));
        QVERIFY(ctl.writeReport(odt, tpl));
        QVERIFY(reports.wait(120000));
        QVERIFY2(reports.last().at(0).toBool(), qPrintable(ctl.errorString()));
        QProcess unzip;
        // The text (content.xml) and the page footer with the unit (styles.xml).
        unzip.start(QStringLiteral("unzip"),
                    {QStringLiteral("-p"), odt, QStringLiteral("content.xml"),
                     QStringLiteral("styles.xml")});
        QVERIFY(unzip.waitForFinished(60000));
        // The words as a reader sees them (the markup around them is the writer's).
        const QString xml = QString::fromUtf8(unzip.readAllStandardOutput())
                                .remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        QVERIFY2(xml.contains(QStringLiteral("测试县自然资源和规划局")), qPrintable(xml.left(300)));
        QVERIFY(xml.contains(QStringLiteral("经办人")));
        QVERIFY(xml.contains(kSite));
        QVERIFY(xml.contains(QStringLiteral("审查结论：不符合")));
        // A broken template: the panel says which file and why, and writes nothing.
        QFile bf(tpl);
        QVERIFY(bf.open(QIODevice::WriteOnly));
        bf.write("{\n  \"unit\": 3\n}\n");
        bf.close();
        QFile::remove(odt);
        QVERIFY(ctl.writeReport(odt, tpl));
        QVERIFY(reports.wait(120000));
        QVERIFY(!reports.last().at(0).toBool());
        QVERIFY2(ctl.errorString().contains(tpl +
                                            QStringLiteral(", line 2: key \"unit\": must be text")),
                 qPrintable(ctl.errorString()));
        QVERIFY(!QFile::exists(odt));
    }

    void drawnPolygonOnTheFixture()
    {
        geodata::test::CheckFixture fixture;
        qml::ProjectSession session;
        QVERIFY(openSession(session, QString::fromStdString(fixture.path)));
        qml::CheckController ctl;
        QSignalSpy checked(&ctl, &qml::CheckController::checkFinished);
        ctl.setSession(&session);
        ctl.setIndustry(QStringLiteral("C2614"));
        ctl.setUse(QStringLiteral("工业用地"));
        ctl.setDrawnName(QStringLiteral("画的范围"));

        // 100 m × 100 m over the corner of the four parcels A 0101, B 0103, C 201, D 1104.
        QVERIFY(ctl.checkPolygon(square(50, 50, 150, 150)));
        QVERIFY2(waitCheck(ctl, checked), qPrintable(ctl.errorString()));
        const QJsonObject r = ctl.result();
        QCOMPARE(ctl.siteName(), QStringLiteral("画的范围"));
        QCOMPARE(r.value("site").toObject().value("area_m2").toDouble(), 10000.0);
        QCOMPARE(r.value("site").toObject().value("industry").toString(), QStringLiteral("C2614"));
        QCOMPARE(overlap(r, "basic_farmland").value("area_m2").toDouble(), 2500.0);
        QCOMPARE(overlap(r, "cultivated").value("area_m2").toDouble(), 5000.0);
        QCOMPARE(overlap(r, "urban_boundary").value("area_m2").toDouble(), 5000.0);
        QCOMPARE(landuseM2(r, "0101"), 2500.0);
        QCOMPARE(landuseM2(r, "0103"), 2500.0);
        QCOMPARE(landuseM2(r, "201"), 2500.0);
        QCOMPARE(landuseM2(r, "1104"), 2500.0);
        QCOMPARE(ctl.verdictText(), QStringLiteral("不符合"));
        QCOMPARE(ctl.siteAreaText(), QStringLiteral("10000.00 m² · 15.00 亩 · 1.0000 公顷"));
        const QVariantMap farmlandRow = ctl.overlaps()[0].toMap();
        QCOMPARE(farmlandRow["label"].toString(), QStringLiteral("永久基本农田"));
        QCOMPARE(farmlandRow["m2"].toString(), QStringLiteral("2500.00"));
        QCOMPARE(farmlandRow["mu"].toString(), QStringLiteral("3.75"));
        QCOMPARE(farmlandRow["ha"].toString(), QStringLiteral("0.2500"));
        QCOMPARE(farmlandRow["share"].toString(), QStringLiteral("25.00 %"));
        QCOMPARE(farmlandRow["featuresText"].toString(), QStringLiteral("JBNT-1 水田"));
        // The farmland row highlights its one parcel (fid 1 of the farmland table).
        ctl.highlightOverlap(0);
        QCOMPARE(ctl.highlight().size(), 1);
        QCOMPARE(ctl.highlight()[0].toMap()["table"].toString(), QStringLiteral("basic_farmland"));
        QCOMPARE(ctl.highlight()[0].toMap()["fid"].toLongLong(), 1);
        // The outline is the drawn square.
        QCOMPARE(ctl.sitePath().boundingRect(), QRectF(kX0 + 50, kY0 + 50, 100, 100));

        // Closed by the caller and with a repeated vertex: the same square.
        QVariantList closed = square(50, 50, 150, 150);
        closed.insert(1, closed[0]);
        closed << closed[0];
        QVERIFY(ctl.checkPolygon(closed));
        QVERIFY(waitCheck(ctl, checked));
        QCOMPARE(ctl.siteAreaM2(), 10000.0);

        // Self-intersecting (a bow tie): repaired, and the result says so.
        const QVariantList bowTie{QPointF(kX0 + 50, kY0 + 50), QPointF(kX0 + 150, kY0 + 150),
                                  QPointF(kX0 + 150, kY0 + 50), QPointF(kX0 + 50, kY0 + 150)};
        QVERIFY(ctl.checkPolygon(bowTie));
        QVERIFY2(waitCheck(ctl, checked), qPrintable(ctl.errorString()));
        QVERIFY(std::abs(ctl.siteAreaM2() - 5000.0) < 0.01);
        // In the UI's words: where the edges cross, and how it was repaired.
        const QString repaired =
            QStringLiteral("已修复：选址：自相交（位于 %1, %2），已用 MakeValid 修复")
                .arg(kX0 + 100, 0, 'f', 0)
                .arg(kY0 + 100, 0, 'f', 0);
        QVERIFY2(ctl.detailText().contains(repaired), qPrintable(ctl.detailText()));

        // Bad polygons: a clear message, nothing shown changes, no crash.
        const qint64 shownRecord = ctl.recordId();
        QVERIFY(!ctl.checkPolygon(QVariantList{QPointF(kX0, kY0), QPointF(kX0 + 10, kY0)}));
        QCOMPARE(ctl.errorString(), QStringLiteral("绘制范围至少需要三个不同的顶点（现有 2 个）"));
        QVERIFY(!ctl.checkPolygon(
            QVariantList{QPointF(kX0, kY0), QPointF(qQNaN(), kY0), QPointF(kX0, kY0 + 10)}));
        QCOMPARE(ctl.errorString(), QStringLiteral("绘制范围的顶点坐标无效"));
        // Three vertices on one line: started, then refused by the engine with its reason.
        QVERIFY(ctl.checkPolygon(QVariantList{QPointF(kX0, kY0), QPointF(kX0 + 10, kY0 + 10),
                                              QPointF(kX0 + 20, kY0 + 20)}));
        QVERIFY(!waitCheck(ctl, checked));
        QVERIFY2(ctl.errorString().startsWith(QStringLiteral("无法检查“画的范围”：")),
                 qPrintable(ctl.errorString()));
        QVERIFY2(ctl.errorString().contains(QStringLiteral("no area")),
                 qPrintable(ctl.errorString()));
        QCOMPARE(ctl.recordId(), shownRecord);
        QVERIFY(!ctl.checkPolygon({}));
        // The fixture has no site layer: an empty list, and a named site is not found.
        QVERIFY(ctl.sites().isEmpty());
        QVERIFY(ctl.checkSiteNamed(QStringLiteral("没有这个项目")));
        QVERIFY(!waitCheck(ctl, checked));
        QVERIFY2(ctl.errorString().startsWith(QStringLiteral("找不到选址“没有这个项目”：")),
                 qPrintable(ctl.errorString()));
    }

    void fileOfTwoSites()
    {
        geodata::test::CheckFixture fixture;
        qml::ProjectSession session;
        QVERIFY(openSession(session, QString::fromStdString(fixture.path)));
        qml::CheckController ctl;
        QSignalSpy checked(&ctl, &qml::CheckController::checkFinished);
        ctl.setSession(&session);
        // Two squares in EPSG:4548: one on the farmland parcel A, one on the 化工 park's land.
        auto ring = [](double x0, double y0, double x1, double y1) {
            return QStringLiteral("[[[%1,%2],[%3,%2],[%3,%4],[%1,%4],[%1,%2]]]")
                .arg(kX0 + x0, 0, 'f', 3)
                .arg(kY0 + y0, 0, 'f', 3)
                .arg(kX0 + x1, 0, 'f', 3)
                .arg(kY0 + y1, 0, 'f', 3);
        };
        const QString json =
            QStringLiteral("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                           "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4548\"}},"
                           "\"features\":[{\"type\":\"Feature\",\"properties\":{\"XMMC\":\"甲\"},"
                           "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":%1}},"
                           "{\"type\":\"Feature\",\"properties\":{\"XMMC\":\"乙\"},"
                           "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":%2}}]}")
                .arg(ring(10, 10, 60, 60), ring(650, 50, 700, 100));
        const QString path = m_dir.filePath(QStringLiteral("sites.geojson"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json.toUtf8());
        f.close();
        ctl.setIndustry(QStringLiteral("C26"));
        QVERIFY(ctl.checkFile(QUrl::fromLocalFile(path)));
        QVERIFY2(waitCheck(ctl, checked), qPrintable(ctl.errorString()));
        QCOMPARE(ctl.results().size(), 2);
        QCOMPARE(ctl.siteName(), QStringLiteral("甲"));
        QCOMPARE(ctl.siteAreaM2(), 2500.0);
        QCOMPARE(overlap(ctl.result(), "basic_farmland").value("area_m2").toDouble(), 2500.0);
        QVERIFY2(ctl.detailText().contains(QStringLiteral("sites.geojson 图层“sites”第 0 号要素")),
                 qPrintable(ctl.detailText()));
        ctl.setCurrentIndex(1);
        QCOMPARE(ctl.siteName(), QStringLiteral("乙"));
        QCOMPARE(overlap(ctl.result(), "basic_farmland").value("area_m2").toDouble(), 0.0);
        QCOMPARE(ctl.results()[0].toMap()["verdictText"].toString(), QStringLiteral("不符合"));
        // Both recorded, in one batch.
        QCOMPARE(ctl.records().size(), 2);
        QCOMPARE(ctl.records()[0].toMap()["batch"], ctl.records()[1].toMap()["batch"]);
        QVERIFY(!ctl.records()[0].toMap()["batch"].toString().isEmpty());

        // A file that is not there: its name in the message.
        QVERIFY(ctl.checkFile(m_dir.filePath(QStringLiteral("missing.shp"))));
        QVERIFY(!waitCheck(ctl, checked));
        QVERIFY2(ctl.errorString().contains(QStringLiteral("missing.shp")),
                 qPrintable(ctl.errorString()));
        QCOMPARE(ctl.results().size(), 2); // what was shown stays
    }

    // A file of many sites shows its progress and can be cancelled: the sites checked by then
    // are recorded (one batch), the others neither checked nor recorded.
    void batchProgressAndCancel()
    {
        geodata::test::CheckFixture fixture;
        qml::ProjectSession session;
        QVERIFY(openSession(session, QString::fromStdString(fixture.path)));
        qml::CheckController ctl;
        QSignalSpy checked(&ctl, &qml::CheckController::checkFinished);
        ctl.setSession(&session);
        constexpr int kSites = 20000;
        QString features;
        for (int i = 0; i < kSites; ++i) {
            const double x = kX0 + (i % 100) * 7.0, y = kY0 + (i / 100) * 3.0;
            features += QStringLiteral("%1{\"type\":\"Feature\",\"properties\":{\"XMMC\":\"S%2\"},"
                                       "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                                       "[[[%3,%4],[%5,%4],[%5,%6],[%3,%6],[%3,%4]]]}}")
                            .arg(i ? QStringLiteral(",") : QString())
                            .arg(i)
                            .arg(x, 0, 'f', 3)
                            .arg(y, 0, 'f', 3)
                            .arg(x + 5, 0, 'f', 3)
                            .arg(y + 2, 0, 'f', 3);
        }
        const QString path = m_dir.filePath(QStringLiteral("many.geojson"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\","
                               "\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4548\"}},"
                               "\"features\":[%1]}")
                    .arg(features)
                    .toUtf8());
        f.close();
        QVERIFY(ctl.checkFile(QUrl::fromLocalFile(path)));
        QVERIFY(ctl.busy());
        QTRY_VERIFY_WITH_TIMEOUT(ctl.batchDone() > 0, 60000);
        QCOMPARE(ctl.batchTotal(), kSites);
        ctl.cancelBatch();
        QVERIFY2(waitCheck(ctl, checked), qPrintable(ctl.errorString()));
        QCOMPARE(ctl.batchTotal(), 0); // nothing runs
        // What the message says was checked is what was recorded, in one batch.
        auto project = geodata::Project::open(fixture.path, true);
        auto st = project->db().prepare(
            "SELECT count(*), count(DISTINCT batch_id), min(batch_id) FROM check_records");
        QVERIFY(st.step());
        const int recorded = int(st.int64(0));
        QVERIFY(recorded > 0);
        QVERIFY2(recorded < kSites, "the batch stopped early");
        QCOMPARE(st.int64(1), 1);
        QVERIFY(!st.text(2).empty());
        QCOMPARE(ctl.message(), QStringLiteral("已取消：%1 个选址已检查并记录，%2 个未检查")
                                    .arg(recorded)
                                    .arg(kSites - recorded));
    }
};

QTEST_MAIN(CheckControllerTest)
#include "checkcontrollertest.moc"
