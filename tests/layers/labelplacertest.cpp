// LabelPlacer: overlapping labels keep the higher priority, labels leaving the image are
// dropped, and the drawn text shows in the label colour.
#include <layers/labelplacer.h>

#include <QImage>
#include <QTest>

using planlines::layers::LabelPlacer;

class LabelPlacerTest : public QObject
{
    Q_OBJECT

private:
    static LabelPlacer::Candidate label(const QString &text, QPointF at, int priority,
                                        QColor color = Qt::black)
    {
        QFont font(QStringLiteral("Noto Sans CJK SC"));
        font.setPixelSize(16);
        return {text, at, font, color, Qt::white, 2, priority};
    }

private slots:
    void higherPriorityWinsAnOverlap()
    {
        QImage image(400, 200, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        LabelPlacer placer(QRectF(0, 0, 400, 200));
        placer.add(label(QStringLiteral("青城镇"), {200, 100}, 1));
        placer.add(label(QStringLiteral("田镇街道"), {210, 104}, 5)); // overlaps, wins
        placer.add(label(QStringLiteral("花沟镇"), {80, 40}, 1));     // free space
        auto beside = label(QStringLiteral("光伏"), {80, 150}, 1);    // right of a marker
        beside.gapPx = 10;
        placer.add(beside);
        placer.add(label(QStringLiteral("唐坊镇"), {395, 100}, 9)); // would leave the image
        QCOMPARE(placer.draw(painter), 3);
        QCOMPARE(placer.placed().size(), 3u);
        QVERIFY(placer.placed()[0].contains(QPointF(210, 104)));
        QVERIFY(placer.placed()[1].contains(QPointF(80, 40)));
        QVERIFY(!placer.placed()[2].contains(QPointF(80, 150)));
        QVERIFY(placer.placed()[2].contains(QPointF(95, 150)));
    }

    void textIsDrawnInItsColour()
    {
        QImage image(200, 100, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            LabelPlacer placer(QRectF(0, 0, 200, 100));
            placer.add(label(QStringLiteral("高青县"), {100, 50}, 0, QColor(0, 0, 200)));
            QCOMPARE(placer.draw(painter), 1);
        }
        int blue = 0;
        for (int y = 30; y < 70; ++y)
            for (int x = 50; x < 150; ++x)
                if (const QColor c = image.pixelColor(x, y);
                    c.blue() > 150 && c.red() < 90 && c.green() < 90)
                    ++blue;
        QVERIFY2(blue > 40, qPrintable(QString::number(blue)));
    }
};

QTEST_MAIN(LabelPlacerTest)
#include "labelplacertest.moc"
