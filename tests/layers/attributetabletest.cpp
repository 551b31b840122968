// The attribute table's windowed rows on the sample county's 地类图斑: columns under their
// aliases, the row count, a row's values exact (Chinese text, two decimals, the area in m² and
// 亩), sorting either way, the text filter and the extent filter against SQL written here
// (instr() over the columns, the geometry's own MBR, not the R*Tree), and CSV and XLSX exports
// read back (XLSX through `unzip -p`).
#include <geodata/project.h>
#include <layers/attributeexport.h>
#include <layers/attributetable.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using layers::AttributeQuery;
using layers::AttributeTable;

class AttributeTableTest : public QObject
{
    Q_OBJECT
    std::unique_ptr<geodata::Project> m_project;
    std::optional<geodata::LayerInfo> m_landuse;
    QTemporaryDir m_dir;

    std::int64_t count(const std::string &sql)
    {
        return std::get<std::int64_t>(*m_project->db().scalar(sql));
    }
    // A count the sample at its default size (about 80 000 parcels) reaches, proportionally
    // fewer on a smaller one (`make sanitize` builds it with 5 000), at least 1.
    std::int64_t atLeast(std::int64_t atDefaultSize) const
    {
        if (atDefaultSize == 0)
            return 0;
        const double scale = std::min(1.0, double(m_landuse->featureCount) / 80000.0);
        return std::max<std::int64_t>(1, std::int64_t(double(atDefaultSize) * scale));
    }
    static int column(const AttributeTable &t, const std::string &field)
    {
        for (std::size_t i = 0; i < t.columns().size(); ++i)
            if (t.columns()[i].field == field)
                return static_cast<int>(i);
        return -1;
    }

private slots:
    void initTestCase()
    {
        m_project = geodata::Project::open(PLANLINES_SAMPLE_DB, true);
        m_landuse = m_project->layer("地类图斑");
        QVERIFY(m_landuse);
    }

    void columnsAndFirstRow()
    {
        AttributeTable t(*m_project, *m_landuse);
        QVERIFY(t.hasArea());
        QCOMPARE(t.columns().front().label, QStringLiteral("标识码"));
        QCOMPARE(t.columns()[static_cast<std::size_t>(column(t, "DLMC"))].label,
                 QStringLiteral("地类名称"));
        QCOMPARE(t.columns()[t.columns().size() - 2].label, QStringLiteral("面积（平方米）"));
        QCOMPARE(t.columns().back().label, QStringLiteral("面积（亩）"));
        QCOMPARE(static_cast<std::int64_t>(t.rowCount()), count("SELECT count(*) FROM landuse"));
        QCOMPARE(t.fid(0), 1);

        // Parcel 1 of the sample county, as its generator writes it (the current version is
        // the 2024 change survey, which kept this pond as it was in 2023).
        const auto &r = t.row(0);
        QCOMPARE(r[static_cast<std::size_t>(column(t, "DLBM"))], QStringLiteral("1104"));
        QCOMPARE(r[static_cast<std::size_t>(column(t, "DLMC"))], QStringLiteral("坑塘水面"));
        QCOMPARE(r[static_cast<std::size_t>(column(t, "ZLDWMC"))],
                 QStringLiteral("东锦绣社区居委会"));
        QCOMPARE(r[static_cast<std::size_t>(column(t, "TBMJ"))], QStringLiteral("720006.20"));
        QCOMPARE(r[static_cast<std::size_t>(column(t, "SJNF"))], QStringLiteral("2024"));
        // The area: TBMJ is the parcel's planar area to 0.01 m²; 亩 = m² × 15 / 10 000.
        const double m2 = r[r.size() - 2].toDouble();
        QVERIFY2(std::abs(m2 - 720006.20) <= 0.01, qPrintable(r[r.size() - 2]));
        QCOMPARE(r.back(), QString::number(m2 * 15 / 10000, 'f', 2));

        // The last row (another page) and back to the first (cached).
        const std::size_t last = t.rowCount() - 1;
        QCOMPARE(t.fid(last), count("SELECT max(fid) FROM landuse"));
        QVERIFY(!t.row(last)[0].isEmpty());
        QCOMPARE(t.rowOfFid(t.fid(last)), std::optional<std::size_t>(last));
        QCOMPARE(t.row(0)[static_cast<std::size_t>(column(t, "DLMC"))], QStringLiteral("坑塘水面"));
    }

    void sortEitherWay()
    {
        AttributeTable t(*m_project, *m_landuse);
        const int dlmc = column(t, "DLMC");
        AttributeQuery q;
        q.sortColumn = dlmc;
        t.setQuery(q);
        QCOMPARE(static_cast<std::int64_t>(t.rowCount()), count("SELECT count(*) FROM landuse"));
        // Non-decreasing by the column (SQLite compares UTF-8 bytes) and, within a name, by fid.
        QString prev;
        std::int64_t prevFid = 0;
        for (std::size_t r = 0; r < t.rowCount(); r += 997) {
            const QString v = t.row(r)[static_cast<std::size_t>(dlmc)];
            QVERIFY2(prev.toUtf8() <= v.toUtf8(), qPrintable(prev + " > " + v));
            if (v == prev)
                QVERIFY(t.fid(r) > prevFid);
            prev = v;
            prevFid = t.fid(r);
        }
        const QString first = t.row(0)[static_cast<std::size_t>(dlmc)];
        q.descending = true;
        t.setQuery(q);
        const QString top = t.row(0)[static_cast<std::size_t>(dlmc)];
        QVERIFY(top.toUtf8() > first.toUtf8());
        QCOMPARE(t.row(t.rowCount() - 1)[static_cast<std::size_t>(dlmc)], first);

        // A number sorts as a number: TBMJ ascending starts with the smallest parcel.
        q = {};
        q.sortColumn = column(t, "TBMJ");
        t.setQuery(q);
        const double smallest =
            std::get<double>(*m_project->db().scalar("SELECT min(TBMJ) FROM landuse"));
        QCOMPARE(t.row(0)[static_cast<std::size_t>(q.sortColumn)],
                 QString::number(smallest, 'f', 2));
    }

    void filterByTextAndExtent()
    {
        AttributeTable t(*m_project, *m_landuse);
        AttributeQuery q;
        q.text = QStringLiteral("房家洼");
        t.setQuery(q);
        std::string any = "SELECT count(*) FROM landuse WHERE 0";
        for (const char *c : {"BSM", "YSDM", "TBBH", "DLBM", "DLMC", "QSXZ", "QSDWDM", "QSDWMC",
                              "ZLDWDM", "ZLDWMC", "KCDLBM", "GDLX", "GDPDJB"})
            any += std::string(" OR instr(\"") + c + "\", '房家洼') > 0";
        const std::int64_t expected = count(any);
        QVERIFY(expected > atLeast(100));
        QCOMPARE(static_cast<std::int64_t>(t.rowCount()), expected);
        for (std::size_t r = 0; r < t.rowCount(); r += 37) {
            bool found = false;
            for (const QString &v : t.row(r))
                found = found || v.contains(QStringLiteral("房家洼"));
            QVERIFY(found);
        }
        // LIKE's wildcards are the user's characters.
        q.text = QStringLiteral("%");
        t.setQuery(q);
        QCOMPARE(t.rowCount(), std::size_t(0));

        // One column only: 坑塘水面 under 地类名称.
        q.text = QStringLiteral("坑塘");
        q.textColumn = column(t, "DLMC");
        t.setQuery(q);
        QCOMPARE(static_cast<std::int64_t>(t.rowCount()),
                 count("SELECT count(*) FROM landuse WHERE instr(DLMC, '坑塘') > 0"));

        // A 2 km box around parcel 1's centre: the parcels whose box meets it.
        auto st = m_project->db().prepare(
            "SELECT (MbrMinX(geom) + MbrMaxX(geom)) / 2, (MbrMinY(geom) + MbrMaxY(geom)) / 2 "
            "FROM landuse WHERE fid = 1");
        QVERIFY(st.step());
        const double cx = st.real(0), cy = st.real(1);
        q = {};
        q.extent = geodata::Envelope{cx - 1000, cy - 1000, cx + 1000, cy + 1000};
        t.setQuery(q);
        // The R*Tree holds boxes in single precision rounded outward: a parcel within a
        // centimetre of the box may count. Between the box shrunk and grown by 1 m.
        const auto inBox = [&](double grow) {
            const double r = 1000 + grow;
            return count(
                "SELECT count(*) FROM landuse WHERE MbrMinX(geom) <= " + std::to_string(cx + r) +
                " AND MbrMaxX(geom) >= " + std::to_string(cx - r) + " AND MbrMinY(geom) <= " +
                std::to_string(cy + r) + " AND MbrMaxY(geom) >= " + std::to_string(cy - r));
        };
        const auto rows = static_cast<std::int64_t>(t.rowCount());
        QVERIFY(inBox(-1) > 10);
        QVERIFY2(inBox(-1) <= rows && rows <= inBox(1),
                 qPrintable(QStringLiteral("%1 ≤ %2 ≤ %3").arg(inBox(-1)).arg(rows).arg(inBox(1))));
        QVERIFY(t.rowOfFid(1));
        const auto e = t.envelopeOf({1});
        QVERIFY(e.minX < cx && e.maxX > cx && e.minY < cy && e.maxY > cy);
    }

    // A big layer's text filter goes through its trigram index once the first filter of three
    // characters or more has made it (in a copy of the county: the index is written into the
    // file): the rows are those of LIKE written here, for Chinese and ASCII text (case folded as
    // LIKE folds it), one and two characters (LIKE alone), one column or all of them.
    void textIndexAnswersAsLike()
    {
        // The index is asked for here whatever the layer's size (the window asks from
        // kIndexThreshold features on); the store keeps one above that size only.
        const QString path = m_dir.filePath(QStringLiteral("fts.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), path));
        auto project = geodata::Project::open(path.toStdString(), true);
        AttributeTable t(*project, *project->layer("地类图斑"));
        const char *textFields[] = {"BSM",    "YSDM",   "TBBH",   "DLBM",   "DLMC",
                                    "QSXZ",   "QSDWDM", "QSDWMC", "ZLDWDM", "ZLDWMC",
                                    "KCDLBM", "GDLX",   "GDPDJB"};
        const auto like = [&](const std::string &needle, const char *only) {
            std::string sql = "SELECT fid FROM landuse WHERE 0";
            for (const char *c : textFields)
                if (!only || std::string(only) == c)
                    sql += std::string(" OR \"") + c + "\" LIKE '%" + needle + "%'";
            std::vector<std::int64_t> out;
            auto st = project->db().prepare(sql + " ORDER BY fid");
            while (st.step())
                out.push_back(st.int64(0));
            return out;
        };
        const auto shown = [&](const QString &text, int column) {
            AttributeQuery q;
            q.text = text;
            q.textColumn = column;
            t.setQuery(q, true);
            std::vector<std::int64_t> out;
            for (std::size_t r = 0; r < t.rowCount(); ++r)
                out.push_back(t.fid(r));
            return out;
        };
        QCOMPARE(std::get<std::int64_t>(*project->db().scalar(
                     "SELECT count(*) FROM sqlite_master WHERE name LIKE 'attr_fts_%'")),
                 std::int64_t(0));
        // Two characters: LIKE alone, no index made.
        QCOMPARE(shown(QStringLiteral("水田"), -1), like("水田", nullptr));
        QCOMPARE(std::get<std::int64_t>(*project->db().scalar(
                     "SELECT count(*) FROM sqlite_master WHERE name LIKE 'attr_fts_%'")),
                 std::int64_t(0));
        struct Case
        {
            const char *text;
            const char *column; // nullptr: every text column
            std::size_t atLeast;
        };
        const Case cases[] = {
            {"房家洼", nullptr, 100},
            {"水浇地", nullptr, 100},
            {"坑塘水面", "DLMC", 10},
            {"东锦绣社区", nullptr, 1},
            {"3703220012150", nullptr, 100},
            {"104a", nullptr, 1}, // LIKE folds ASCII case: 1104A
            {"04A", "DLBM", 1},
            {"田", nullptr, 1000},
            {"2A", nullptr, 1},
            {"01", "DLBM", 100},
            {"没有这样的地名", nullptr, 0},
        };
        for (const Case &c : cases) {
            const int column = c.column ? AttributeTableTest::column(t, c.column) : -1;
            const auto expected = like(c.text, c.column);
            QVERIFY2(expected.size() >= std::size_t(atLeast(std::int64_t(c.atLeast))), c.text);
            const auto rows = shown(QString::fromUtf8(c.text), column);
            QVERIFY2(rows == expected, qPrintable(QStringLiteral("%1: %2 rows, LIKE %3")
                                                      .arg(QString::fromUtf8(c.text))
                                                      .arg(rows.size())
                                                      .arg(expected.size())));
        }
        if (m_landuse->featureCount <= AttributeTable::kIndexThreshold) {
            // Below the size from which the store keeps a text index (`make sanitize` builds a
            // sample of 5 000 parcels): LIKE alone answered, compared above; no index was made.
            QCOMPARE(std::get<std::int64_t>(*project->db().scalar(
                         "SELECT count(*) FROM sqlite_master WHERE name LIKE 'attr_fts_%'")),
                     std::int64_t(0));
            return;
        }
        // Written a part at a time, renamed when whole: no part or progress row is left.
        QCOMPARE(std::get<std::int64_t>(*project->db().scalar(
                     "SELECT count(*) FROM sqlite_master WHERE name LIKE 'attr_fts_%_part%'")),
                 std::int64_t(0));
        QCOMPARE(
            std::get<std::int64_t>(*project->db().scalar("SELECT count(*) FROM attr_fts_progress")),
            std::int64_t(0));
        // The index was made once, for this version of the layer, and is used without a writer.
        QCOMPARE(std::get<std::int64_t>(*project->db().scalar(
                     "SELECT count(*) FROM sqlite_master WHERE name LIKE 'attr_fts_landuse_v%' "
                     "AND sql LIKE 'CREATE VIRTUAL TABLE%'")),
                 std::int64_t(1));
        AttributeQuery q;
        q.text = QStringLiteral("房家洼");
        t.setQuery(q);
        QCOMPARE(t.rowCount(), like("房家洼", nullptr).size());
    }

    void exportsReadBack()
    {
        QVERIFY(m_dir.isValid());
        AttributeTable t(*m_project, *m_landuse);
        AttributeQuery q;
        q.text = QStringLiteral("坑塘");
        q.textColumn = column(t, "DLMC");
        q.sortColumn = column(t, "TBMJ");
        q.descending = true;
        t.setQuery(q);
        const std::size_t rows = t.rowCount();
        QVERIFY(rows > 100);
        const QString csv = m_dir.filePath(QStringLiteral("坑塘.csv"));
        QCOMPARE(layers::exportCsv(t, csv.toStdString()), rows);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF标识码,要素代码,"));
        const QList<QByteArray> lines = bytes.mid(3).split('\n');
        QCOMPARE(lines.size(), static_cast<qsizetype>(rows) + 2); // header, rows, "" after the last
        QVERIFY(lines[0].endsWith(",面积（平方米）,面积（亩）\r"));
        const QStringList firstRow = QString::fromUtf8(lines[1]).trimmed().split(u',');
        QCOMPARE(firstRow[column(t, "DLMC")], QStringLiteral("坑塘水面"));
        QCOMPARE(firstRow[column(t, "TBMJ")],
                 t.row(0)[static_cast<std::size_t>(column(t, "TBMJ"))]);

        const QString xlsx = m_dir.filePath(QStringLiteral("坑塘.xlsx"));
        QCOMPARE(layers::exportXlsx(t, xlsx.toStdString()), rows);
        QProcess unzip;
        unzip.start(QStringLiteral("unzip"),
                    {QStringLiteral("-p"), xlsx, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY(unzip.waitForFinished(30000));
        const QByteArray sheet = unzip.readAllStandardOutput();
        QVERIFY2(
            sheet.contains(QStringLiteral("<dimension ref=\"A1:U%1\"/>").arg(rows + 1).toUtf8()),
            sheet.left(600).constData());
        // Rows are streamed (libxlsxwriter's constant memory): strings are inline in the sheet.
        const QString strings = QString::fromUtf8(sheet);
        QVERIFY(strings.contains(QStringLiteral("<t>地类名称</t>")));
        QVERIFY(strings.contains(QStringLiteral("<t>坑塘水面</t>")));
        QVERIFY(strings.contains(QStringLiteral("<t>面积（亩）</t>")));
        // The first row's 图斑面积 (the 11th field, column K) is a number cell.
        QCOMPARE(column(t, "TBMJ"), 10);
        const QString tbmj = t.row(0)[10];
        QVERIFY2(strings.contains(QStringLiteral("<c r=\"K2\"><v>%1</v></c>")
                                      .arg(QString::number(tbmj.toDouble(), 'g', 15))),
                 qPrintable(strings.mid(strings.indexOf(QStringLiteral("r=\"K2\"")), 80)));
    }
};

QTEST_GUILESS_MAIN(AttributeTableTest)
#include "attributetabletest.moc"
