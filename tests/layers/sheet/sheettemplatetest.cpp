// The fixed templates: paper sizes in mm, every block on the paper and clear of the map frame.
#include <layers/sheet/sheettemplate.h>

#include <QTest>

using namespace planlines::layers::sheet;

class SheetTemplateTest : public QObject
{
    Q_OBJECT
private slots:
    void paperSizes_data()
    {
        QTest::addColumn<QString>("paper");
        QTest::addColumn<QString>("orientation");
        QTest::addColumn<double>("widthMm");
        QTest::addColumn<double>("heightMm");
        QTest::newRow("A4 landscape") << "A4"
                                      << "landscape" << 297.0 << 210.0;
        QTest::newRow("A4 portrait") << "a4"
                                     << "portrait" << 210.0 << 297.0;
        QTest::newRow("A3 landscape") << "A3"
                                      << "landscape" << 420.0 << 297.0;
        QTest::newRow("A3 portrait") << "A3"
                                     << "Portrait" << 297.0 << 420.0;
        QTest::newRow("A1 landscape") << "A1"
                                      << "landscape" << 841.0 << 594.0;
        QTest::newRow("A0 portrait") << "A0"
                                     << "portrait" << 841.0 << 1189.0;
    }
    void paperSizes()
    {
        QFETCH(QString, paper);
        QFETCH(QString, orientation);
        QFETCH(double, widthMm);
        QFETCH(double, heightMm);
        const auto p = paperFromName(paper);
        const auto o = orientationFromName(orientation);
        QVERIFY(p && o);
        const SheetTemplate t = SheetTemplate::make(*p, *o);
        QCOMPARE(t.paperMm, QSizeF(widthMm, heightMm));
        const QRectF page(QPointF(0, 0), t.paperMm);
        // Every block lies on the paper, at least 8 mm from its edge.
        for (const QRectF &r :
             {t.titleMm, t.outerMm, t.frameMm, t.legendMm, t.insetMm, t.scaleBarMm, t.infoMm}) {
            QVERIFY2(page.adjusted(8, 8, -8, -8).contains(r),
                     qPrintable(QStringLiteral("%1,%2 %3x%4")
                                    .arg(r.x())
                                    .arg(r.y())
                                    .arg(r.width())
                                    .arg(r.height())));
            QVERIFY(r.width() > 10 && r.height() > 10);
        }
        // The panel's blocks never overlap the map, the title or each other.
        const QRectF blocks[] = {t.titleMm, t.outerMm,    t.legendMm,
                                 t.insetMm, t.scaleBarMm, t.infoMm};
        for (std::size_t i = 0; i < std::size(blocks); ++i)
            for (std::size_t j = i + 1; j < std::size(blocks); ++j)
                QVERIFY2(!blocks[i].intersects(blocks[j]),
                         qPrintable(QStringLiteral("blocks %1 and %2").arg(i).arg(j)));
        QVERIFY(t.outerMm.contains(t.frameMm));
        // The map takes most of the sheet.
        QVERIFY(t.frameMm.width() * t.frameMm.height() > 0.45 * widthMm * heightMm);
    }

    void sizesScaleWithPaper()
    {
        const auto a4 = SheetTemplate::make(Paper::A4, Orientation::Landscape);
        const auto a3 = SheetTemplate::make(Paper::A3, Orientation::Landscape);
        const auto a0 = SheetTemplate::make(Paper::A0, Orientation::Landscape);
        QCOMPARE(a3.sizeFactor, 1.0);
        QVERIFY(qAbs(a4.sizeFactor - 210.0 / 297) < 1e-9);
        QVERIFY(a0.titleMmSize() > 2.5 * a3.titleMmSize());
    }

    void badNames()
    {
        QVERIFY(!paperFromName(QStringLiteral("B5")));
        QVERIFY(!orientationFromName(QStringLiteral("sideways")));
    }
};

QTEST_GUILESS_MAIN(SheetTemplateTest)
#include "sheettemplatetest.moc"
