// The check-result table of a site's sheet: a sample site is checked (CheckEngine, recorded as
// `planlines check` does), then `planlines export --batch sites` prints every site; that site's
// page carries its table (verdict, area in m² and 亩, shares) and the others have none.
#include "sheettesttools.h"

#include <geodata/check/checkengine.h>
#include <geodata/check/sitereader.h>
#include <layers/layercatalog.h>
#include <layers/sheet/checktable.h>
#include <layers/sheet/sheetatlas.h>

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using namespace planlines::layers::sheet;
namespace check = planlines::geodata::check;

class SheetCheckTableTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;
    std::vector<NamedFeature> m_sites;
    QString m_checked;           // the site checked
    check::CheckRecord m_record; // its record

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("county.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), m_db));
        const auto map = layers::ProjectMap::load(m_db.toStdString(), layers::LayerCatalog::load());
        m_sites = namedFeatures(map, geodata::Role::Site);
        QVERIFY(m_sites.size() >= 3);
        // Checked twice: the sheet must show the later record.
        m_checked = m_sites[1].name;
        auto project = geodata::Project::open(m_db.toStdString());
        for (int run = 0; run < 2; ++run) {
            auto batch = check::SiteReader::fromProject(*project, m_checked.toStdString());
            QCOMPARE(batch.sites.size(), std::size_t(1));
            check::CheckEngine engine(*project, check::RuleSet::builtin());
            auto results = engine.checkAll(batch.sites);
            QVERIFY(results[0].ok());
            check::CheckRecords::store(*project, results, engine.provenance());
        }
        const auto record = latestCheckRecord(*project, m_checked);
        QVERIFY(record);
        QCOMPARE(record->siteName, m_checked.toStdString());
        QCOMPARE(record->id, check::CheckRecords::list(*project, 1).front().id);
        m_record = *record;
        QVERIFY(!latestCheckRecord(*project, m_sites[0].name));
    }

    void tableRows()
    {
        const CheckTable t = checkTableFrom(m_record);
        QCOMPARE(t.title, QStringLiteral("选址检查结果（记录 #%1，%2）")
                              .arg(m_record.id)
                              .arg(QString::fromStdString(m_record.createdAt).left(10)));
        QCOMPARE(t.rows[0], (QStringList{QStringLiteral("项目"), QStringLiteral("面积（m²）"),
                                         QStringLiteral("面积（亩）"), QStringLiteral("占比")}));
        const QJsonObject site = m_record.result.value(QLatin1String("site")).toObject();
        const double m2 = site.value(QLatin1String("area_m2")).toDouble();
        QCOMPARE(t.rows[1], (QStringList{QStringLiteral("项目用地"), QString::number(m2, 'f', 2),
                                         QString::number(m2 / (2000.0 / 3), 'f', 2),
                                         QStringLiteral("100.0%")}));
        // One row per control line present, with the stored overlap; then the verdict.
        const auto find = [&](const QString &label) -> QStringList {
            for (const auto &r : t.rows)
                if (r.value(0) == label)
                    return r;
            return {};
        };
        for (const QJsonValue v : m_record.result.value(QLatin1String("overlaps")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QLatin1String("role")).toString() != QLatin1String("basic_farmland"))
                continue;
            const QStringList row = find(QStringLiteral("永久基本农田"));
            QCOMPARE(row.value(1),
                     QString::number(o.value(QLatin1String("area_m2")).toDouble(), 'f', 2));
            QCOMPARE(row.value(3),
                     QString::number(o.value(QLatin1String("share")).toDouble() * 100, 'f', 1) +
                         QLatin1Char('%'));
        }
        QCOMPARE(find(QStringLiteral("结论")).value(1),
                 m_record.result.value(QLatin1String("verdict_zh")).toString());
        QVERIFY(find(QStringLiteral("耕地")).size() == 4);
    }

    void batchPagesCarryTheTable()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("sites.pdf"));
        QProcess p;
        p.start(QStringLiteral(PLANLINES_BIN),
                {QStringLiteral("export"), QStringLiteral("--db"), m_db, QStringLiteral("--batch"),
                 QStringLiteral("sites"), QStringLiteral("--paper"), QStringLiteral("A4"),
                 QStringLiteral("--quiet"), QStringLiteral("--out"), pdf});
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(planlines::testing::pdfPages(pdf), int(m_sites.size()));
        const CheckTable t = checkTableFrom(m_record);
        for (std::size_t i = 0; i < m_sites.size(); ++i) {
            const QString page = planlines::testing::pdfText(pdf, int(i) + 1);
            QCOMPARE(page.section(QLatin1Char('\n'), 0, 0).trimmed(), m_sites[i].name);
            if (m_sites[i].name != m_checked) {
                QVERIFY2(!page.contains(QStringLiteral("选址检查结果")),
                         qPrintable(m_sites[i].name));
                continue;
            }
            QVERIFY2(page.contains(t.title), qPrintable(page));
            // Every cell of the table, as printed (figures included).
            for (const QStringList &row : t.rows)
                for (const QString &cell : row)
                    QVERIFY2(page.contains(cell), qPrintable(cell + QStringLiteral("\n") + page));
        }
    }
};

QTEST_MAIN(SheetCheckTableTest)
#include "sheetchecktabletest.moc"
