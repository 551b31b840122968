// Check records (留痕): stored with their audit row in one transaction, listed, reopened with
// everything that was asked and measured, and the same inputs on the same versions give the
// same result byte for byte.
#include "checkfixture.h"

#include "../testsupport.h"

#include <geodata/check/checkengine.h>
#include <geodata/check/checkrecords.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::check;
using namespace planlines::geodata::test;

class CheckRecordsTest : public QObject
{
    Q_OBJECT
    CheckFixture fx;

private slots:
    void roundTrip()
    {
        qputenv("USER", "zhangsan");
        CheckEngine engine(*fx.project, RuleSet::builtin());
        const Geometry site = rect(50, 50, 150, 150);
        std::vector<CheckResult> results;
        results.push_back(engine.check(site, {"留痕项目", "C3490", "工业用地", "备注", "test"}));
        const auto auditBefore =
            std::get<std::int64_t>(*fx.project->db().scalar("SELECT count(*) FROM audit_log"));
        CheckRecords::store(*fx.project, results, engine.provenance());
        QVERIFY(results[0].recordId > 0);

        const auto rec = CheckRecords::load(*fx.project, results[0].recordId);
        QVERIFY(rec);
        QCOMPARE(qs(rec->siteName), QStringLiteral("留痕项目"));
        QCOMPARE(qs(rec->createdBy), QStringLiteral("zhangsan"));
        QCOMPARE(qs(rec->verdict), QStringLiteral("fail"));
        QCOMPARE(qs(rec->rulesVersion), QStringLiteral("2024.1-sample"));
        QCOMPARE(qs(rec->rulesChecksum), qs(engine.rules().checksum()));
        QCOMPARE(rec->inputs.value("industry").toString(), QStringLiteral("C3490"));
        QCOMPARE(rec->inputs.value("use").toString(), QStringLiteral("工业用地"));
        QCOMPARE(
            rec->layerVersions.value("landuse").toArray().at(0).toObject().value("version").toInt(),
            1);
        QVERIFY(Geometry::fromWkb(rec->siteWkb).wkt(3) == site.wkt(3));
        QCOMPARE(rec->result, results[0].jsonObject(engine.provenance()));
        QCOMPARE(rec->result.value("site").toObject().value("area_m2").toDouble(), 10000.0);

        // One audit row, naming the record.
        QCOMPARE(std::get<std::int64_t>(*fx.project->db().scalar("SELECT count(*) FROM audit_log")),
                 auditBefore + 1);
        auto st = fx.project->db().prepare(
            "SELECT action, target, target_id, actor FROM audit_log ORDER BY id DESC LIMIT 1");
        QVERIFY(st.step());
        QCOMPARE(qs(st.text(0)), QStringLiteral("check.run"));
        QCOMPARE(qs(st.text(1)), QStringLiteral("check_records"));
        QCOMPARE(qs(st.text(2)), QString::number(results[0].recordId));
        QCOMPARE(qs(st.text(3)), QStringLiteral("zhangsan"));

        // Reopened and run again with the stored geometry and inputs: the same result.
        CheckEngine again(*fx.project, RuleSet::builtin());
        const auto rerun =
            again.check(Geometry::fromWkb(rec->siteWkb), CheckRecords::inputsFrom(rec->inputs));
        QCOMPARE(QJsonDocument(rerun.toJson(again.provenance())).toJson(QJsonDocument::Compact),
                 QJsonDocument(rec->result).toJson(QJsonDocument::Compact));

        const auto list = CheckRecords::list(*fx.project);
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list[0].id, results[0].recordId);
        QVERIFY(!CheckRecords::load(*fx.project, 9999));
    }

    void batchIsOneTransactionAndSkipsErrors()
    {
        CheckEngine engine(*fx.project, RuleSet::builtin());
        std::vector<CheckRequest> sites(3);
        sites[0].site = rect(0, 0, 10, 10);
        sites[0].inputs.name = "一";
        sites[1].site = Geometry::fromWkt("POLYGON EMPTY");
        sites[1].inputs.name = "二";
        sites[2].site = rect(20, 20, 30, 30);
        sites[2].inputs.name = "三";
        auto results = engine.checkAll(sites);
        const auto before = CheckRecords::list(*fx.project).size();
        CheckRecords::store(*fx.project, results, engine.provenance(), "batch-test");
        QVERIFY(results[0].recordId > 0);
        QCOMPARE(results[1].recordId, std::int64_t{0});
        QVERIFY(results[2].recordId > results[0].recordId);
        const auto list = CheckRecords::list(*fx.project);
        QCOMPARE(list.size(), before + 2);
        QCOMPARE(qs(list[0].batchId), QStringLiteral("batch-test"));
    }

    void failedStoreLeavesNothing()
    {
        CheckEngine engine(*fx.project, RuleSet::builtin());
        const auto records = CheckRecords::list(*fx.project).size();
        const auto audits =
            std::get<std::int64_t>(*fx.project->db().scalar("SELECT count(*) FROM audit_log"));
        // The second record is refused: the first one and its audit row go too.
        fx.project->db().exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON check_records "
                              "WHEN NEW.site_name = '坏' BEGIN "
                              "SELECT RAISE(ABORT, 'refused by the test'); END");
        std::vector<CheckResult> two;
        two.push_back(engine.check(rect(0, 0, 10, 10), {"好"}));
        two.push_back(engine.check(rect(0, 0, 10, 10), {"坏"}));
        PL_VERIFY_THROWS_WITH(StoreError,
                              CheckRecords::store(*fx.project, two, engine.provenance()),
                              "refused by the test");
        fx.project->db().exec("DROP TRIGGER temp.refuse");
        QCOMPARE(CheckRecords::list(*fx.project).size(), records);
        QCOMPARE(std::get<std::int64_t>(*fx.project->db().scalar("SELECT count(*) FROM audit_log")),
                 audits);
        // The project writes again after the failure (its prepared audit insert was reset).
        CheckRecords::store(*fx.project, two, engine.provenance());
        QCOMPARE(CheckRecords::list(*fx.project).size(), records + 2);
        QCOMPARE(std::get<std::int64_t>(*fx.project->db().scalar("SELECT count(*) FROM audit_log")),
                 audits + 2);
    }

    // The result is stored as a zstd frame of exactly the engine's text; a record written
    // before migration 003 (text in result_json) still reads; a damaged value is an error
    // naming the record.
    void storedCompressed()
    {
        CheckEngine engine(*fx.project, RuleSet::builtin());
        std::vector<CheckResult> one;
        one.push_back(engine.check(rect(-20, -20, 260, 120), {"压缩", "C2614", "工业用地"}));
        CheckRecords::store(*fx.project, one, engine.provenance());
        const auto id = std::to_string(one[0].recordId);
        auto st = fx.project->db().prepare(
            "SELECT result_json, result_zstd, typeof(result_zstd) FROM check_records WHERE id = " +
            id);
        QVERIFY(st.step());
        QCOMPARE(qs(st.text(0)), QString());
        QCOMPARE(qs(st.text(2)), QStringLiteral("blob"));
        const std::string text = one[0].jsonText;
        QVERIFY(text.size() > 1000);
        QVERIFY2(st.blob(1).size() * 3 < text.size(), "a third of the text or less");
        QCOMPARE(CheckRecords::unpack(st.blob(1)), text);
        st.reset();
        const QJsonObject stored = CheckRecords::load(*fx.project, one[0].recordId)->result;
        QCOMPARE(stored, one[0].jsonObject(engine.provenance()));

        auto older = fx.project->db().prepare(
            "UPDATE check_records SET result_json = ?, result_zstd = NULL WHERE id = " + id);
        older.bind(1, text).run();
        QCOMPARE(CheckRecords::load(*fx.project, one[0].recordId)->result, stored);

        fx.project->db().exec("UPDATE check_records SET result_zstd = x'28b52ffd00' WHERE id = " +
                              id);
        PL_VERIFY_THROWS_WITH(Error, CheckRecords::load(*fx.project, one[0].recordId),
                              "check record " + id + ": the stored result");
        fx.project->db().exec("UPDATE check_records SET result_zstd = x'00112233' WHERE id = " +
                              id);
        PL_VERIFY_THROWS_WITH(Error, CheckRecords::load(*fx.project, one[0].recordId),
                              "check record " + id + ": the stored result is not a zstd frame");
        fx.project->db().exec("DELETE FROM check_records WHERE id = " + id);
    }

    // A project last written by a program of schema 2 and opened read-only (so not migrated):
    // its records read from result_json.
    void schemaTwoReadOnly()
    {
        CheckEngine engine(*fx.project, RuleSet::builtin());
        std::vector<CheckResult> one;
        one.push_back(engine.check(rect(50, 50, 150, 150), {"旧版记录"}));
        const std::string copy = fx.path + ".v2.sqlite";
        fx.project->db().exec("VACUUM INTO '" + copy + "'");
        {
            auto old = Project::open(copy);
            old->db().exec("DELETE FROM check_records");
            CheckRecords::store(*old, one, engine.provenance());
            auto text = old->db().prepare("UPDATE check_records SET result_json = ?");
            text.bind(1, one[0].jsonText).run();
            old->db().exec("ALTER TABLE check_records DROP COLUMN result_zstd");
            old->db().exec("DELETE FROM schema_migrations WHERE version = 3");
            old->db().exec("PRAGMA user_version = 2");
        }
        auto ro = Project::open(copy, /*readOnly=*/true);
        QCOMPARE(ro->schemaVersion(), 2);
        const auto list = CheckRecords::list(*ro);
        QCOMPARE(list.size(), size_t(1));
        QCOMPARE(list[0].result, one[0].jsonObject(engine.provenance()));
        QCOMPARE(CheckRecords::load(*ro, list[0].id)->result, list[0].result);
    }
};

QTEST_GUILESS_MAIN(CheckRecordsTest)
#include "checkrecordstest.moc"
