// `planlines render` as staff run it, on the tiny test project (tests/layers/testproject.h):
// a PNG of the asked size whose pixels show the land-use colours where the squares are, named
// extents (site:, township:, a box), a subset of layers, and clear errors for an unknown site or
// role, a bad extent or size, and a missing project.
#include "clirun.h"
#include "layers/testproject.h"

#include <QImage>
#include <QTemporaryDir>
#include <QTest>

using planlines::testing::TestProject;

class RenderCommandTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_db;

    static constexpr double E = TestProject::kEast, N = TestProject::kNorth;
    // The land-use squares' box, so pixel (x, y) of a 400x100 image is world
    // (E + x, N + 100 - y) at 1 m per pixel.
    const QString kBox = QStringLiteral("%1,%2,%3,%4").arg(E).arg(N).arg(E + 400).arg(N + 100);

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("t.sqlite"));
        TestProject::create(m_db.toStdString());
    }

    void drawsTheBoxAtTheSize()
    {
        const QString out = m_dir.filePath(QStringLiteral("box.png"));
        const auto r = runPlanlines({"render", "--db", m_db, "--out", out, "--size", "400x100",
                                     "--extent", kBox, "--layers", "landuse", "--no-labels"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("400x100")));
        const QImage image(out);
        QCOMPARE(image.size(), QSize(400, 100));
        // Square centres: 0102 水浇地, 0301 乔木林地, 1101 河流水面, 203 村庄 (landuse.json).
        QCOMPARE(image.pixelColor(50, 50).name(), QStringLiteral("#f7efa0"));
        QCOMPARE(image.pixelColor(150, 50).name(), QStringLiteral("#5db460"));
        QCOMPARE(image.pixelColor(250, 50).name(), QStringLiteral("#8cc3ef"));
        QCOMPARE(image.pixelColor(350, 50).name(), QStringLiteral("#f4aeae"));
    }

    void namedExtents()
    {
        for (const QString &extent :
             {QStringLiteral("site:光伏项目"), QStringLiteral("township:田镇街道"),
              QStringLiteral("county")}) {
            const QString out = m_dir.filePath(QStringLiteral("named.png"));
            const auto r = runPlanlines(
                {"render", "--db", m_db, "--out", out, "--size", "300x200", "--extent", extent});
            QVERIFY2(r.exitCode == 0, qPrintable(extent + u' ' + r.err));
            QCOMPARE(QImage(out).size(), QSize(300, 200));
        }
        // The site is a point at (E + 500, N + 400): its red star is at the image's centre.
        const QString out = m_dir.filePath(QStringLiteral("site.png"));
        QCOMPARE(runPlanlines({"render", "--db", m_db, "--out", out, "--size", "300x200",
                               "--extent", "site:光伏项目"})
                     .exitCode,
                 0);
        const QColor c = QImage(out).pixelColor(150, 100);
        QVERIFY2(c.red() > 200 && c.green() < 100, qPrintable(c.name()));
    }

    void errorsSayWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown site") << QStringList{"--extent", "site:不存在"}
                                      << "no site named '不存在' (names include: 光伏项目)" << 1;
        QTest::newRow("unknown township")
            << QStringList{"--extent", "township:青城镇"} << "no township named '青城镇'" << 1;
        QTest::newRow("bad extent") << QStringList{"--extent", "1,2,3"}
                                    << "--extent: extent '1,2,3': expected county, site:NAME" << 2;
        QTest::newRow("empty box")
            << QStringList{"--extent", "5,2,3,4"} << "xmin must be below xmax" << 2;
        QTest::newRow("unknown role") << QStringList{"--layers", "landuse,roads"}
                                      << "--layers: unknown role 'roads' (roles: township" << 2;
        QTest::newRow("bad size") << QStringList{"--size", "800"}
                                  << "--size must be WxH, each from 16 to 20000 pixels, not '800'"
                                  << 2;
        QTest::newRow("imagery not a raster")
            << QStringList{"--imagery", "/nonexistent/a.tif"} << "/nonexistent/a.tif" << 1;
    }
    void errorsSayWhatIsWrong()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QFETCH(int, exitCode);
        const QString out = m_dir.filePath(QStringLiteral("error.png"));
        const auto r = runPlanlines(QStringList{"render", "--db", m_db, "--out", out} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(QStringLiteral("planlines render: ")) && r.err.contains(message),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }

    void missingProject()
    {
        const QString out = m_dir.filePath(QStringLiteral("missing.png"));
        const auto r = runPlanlines(
            {"render", "--db", m_dir.filePath(QStringLiteral("nope.sqlite")), "--out", out});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("nope.sqlite")), qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_MAIN(RenderCommandTest)
#include "rendertest.moc"
