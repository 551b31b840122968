// The review report's maps (layers/report/reportmaps.h) of a site of the sample county: the
// legend's entries from the plan, the site's red outline and the location map's marker read
// from the pixels, the figure's size at 200 dpi. REPORT_OUT=DIR keeps the PNGs (and a PDF
// holding them) there to be looked at.
#include "sheet/sheettesttools.h"

#include <geodata/geometry.h>
#include <layers/layercatalog.h>
#include <layers/report/reportmaps.h>
#include <layers/report/reportwriter.h>
#include <layers/sheet/sheetatlas.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace planlines;
using namespace planlines::layers;
using namespace planlines::layers::report;

namespace {

bool isRed(const QColor &c)
{
    return c.red() > 200 && c.green() < 60 && c.blue() < 60;
}

QStringList labels(const ReportMap &plan)
{
    QStringList out;
    for (const auto &item : plan.layout.legend)
        out << item.label;
    return out;
}

} // namespace

class ReportMapsTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::optional<ProjectMap> m_map;
    QString m_siteName;
    geodata::Geometry m_site;
    QString m_farmland; // the 永久基本农田 layer's name

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString db = m_dir.filePath(QStringLiteral("county.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(PLANLINES_SAMPLE_DB), db));
        m_map.emplace(ProjectMap::load(db.toStdString(), LayerCatalog::load()));
        const LayerData *farmland = nullptr;
        for (const auto &l : m_map->layers())
            if (l.entry.info.role == geodata::Role::BasicFarmland) {
                farmland = l.data.get();
                m_farmland = QString::fromStdString(l.entry.info.name);
            }
        QVERIFY(farmland);
        // A site with permanent basic farmland within its box: its detail map must show it.
        for (const auto &s : sheet::namedFeatures(*m_map, geodata::Role::Site)) {
            std::vector<std::uint32_t> ids;
            farmland->query(s.envelope, ids);
            if (ids.empty() || s.rings.empty())
                continue;
            std::vector<double> xy;
            for (const QPointF &p : s.rings.front())
                xy.insert(xy.end(), {p.x(), p.y()});
            m_site = geodata::Geometry::polygon(xy);
            m_siteName = s.name;
            break;
        }
        QVERIFY2(m_site, "no sample site near permanent basic farmland");
    }

    void detailMap()
    {
        const ReportMap plan = detailMapPlan(*m_map, m_site, {170, 135});
        const QStringList legend = labels(plan);
        QCOMPARE(legend.value(0), QStringLiteral("项目选址"));
        QVERIFY2(legend.contains(m_farmland), qPrintable(legend.join(QLatin1Char(' '))));
        QVERIFY2(m_farmland.contains(QStringLiteral("永久基本农田")), qPrintable(m_farmland));
        // The frame holds the site with room around it; the grid and the scale bar are set.
        const geodata::Envelope site = m_site.envelope(), frame = plan.layout.frameExtent;
        QVERIFY(frame.minX < site.minX && frame.maxX > site.maxX);
        QVERIFY(frame.minY < site.minY && frame.maxY > site.maxY);
        QVERIFY(plan.layout.gridIntervalM > 0);
        QVERIFY(plan.layout.scaleBar.groundM > 0);

        const QImage image = drawReportMap(*m_map, plan, 200);
        QCOMPARE(image.width(), qRound(170 / 25.4 * 200));
        QCOMPARE(image.height(), qRound(135 / 25.4 * 200));
        QCOMPARE(image.dotsPerMeterX(), qRound(200 / 0.0254));
        // Red along the site's outline: the middle of each of its first edges.
        std::vector<double> xy;
        const QPolygonF ring = plan.site.front();
        for (int i = 0; i + 1 < std::min<int>(int(ring.size()), 5); ++i) {
            const QPointF mid = (ring[i] + ring[i + 1]) / 2;
            const QPointF px = reportMapPixel(plan, {mid.x(), mid.y()}, 200);
            const QColor c = image.pixelColor(px.toPoint());
            QVERIFY2(isRed(c), qPrintable(QStringLiteral("edge %1 at %2,%3: %4")
                                              .arg(i)
                                              .arg(px.x())
                                              .arg(px.y())
                                              .arg(c.name())));
        }
        keep(image, QStringLiteral("detail.png"));
    }

    void locationMap()
    {
        const ReportMap plan = locationMapPlan(*m_map, m_site, {170, 125});
        const QStringList legend = labels(plan);
        QCOMPARE(legend.value(0), QStringLiteral("项目选址"));
        bool township = false;
        for (const auto &l : m_map->layers())
            if (l.entry.info.role == geodata::Role::Township)
                township = township || legend.contains(QString::fromStdString(l.entry.info.name));
        QVERIFY2(township, qPrintable(legend.join(QLatin1Char(' '))));
        QVERIFY(!legend.contains(m_farmland));
        // The whole county in the frame.
        const geodata::Envelope county = m_map->homeExtent(), frame = plan.layout.frameExtent;
        QVERIFY(frame.minX <= county.minX && frame.maxX >= county.maxX);
        QVERIFY(frame.minY <= county.minY && frame.maxY >= county.maxY);

        const QImage image = drawReportMap(*m_map, plan, 200);
        // The ring around the site: red within 2.5 … 10 mm right of its centre.
        const geodata::Envelope s = m_site.envelope();
        const QPointF centre =
            reportMapPixel(plan, {(s.minX + s.maxX) / 2, (s.minY + s.maxY) / 2}, 200);
        const double pxPerMm = 200 / 25.4;
        int red = -1;
        for (int dx = int(2.5 * pxPerMm); dx < int(10 * pxPerMm) && red < 0; ++dx)
            if (isRed(image.pixelColor(int(centre.x()) + dx, int(centre.y()))))
                red = dx;
        QVERIFY2(red > 0, "no red ring around the site");
        keep(image, QStringLiteral("location.png"));
    }

    void inAReport()
    {
        const QString out = qEnvironmentVariable("REPORT_OUT");
        if (out.isEmpty())
            QSKIP("REPORT_OUT not set");
        Document d;
        d.title = QStringLiteral("建设项目用地预审与选址合规性分析报告");
        d.subtitle = m_siteName;
        d.unit = QStringLiteral("高青县自然资源局");
        d.heading(QStringLiteral("二、选址位置"));
        d.figure(
            {layers::report::locationMap(*m_map, m_site), 170, QStringLiteral("图 1 项目区位图")});
        d.figure({layers::report::detailMap(*m_map, m_site), 170,
                  QStringLiteral("图 2 项目选址与三区三线关系图")});
        writeReport(d, QDir(out).filePath(QStringLiteral("maps.pdf")));
    }

private:
    void keep(const QImage &image, const QString &name)
    {
        const QString out = qEnvironmentVariable("REPORT_OUT");
        if (!out.isEmpty())
            QVERIFY(image.save(QDir(out).filePath(name)));
    }
};

QTEST_MAIN(ReportMapsTest)
#include "reportmapstest.moc"
