// PixelRaster: the aliased fill takes exactly the pixels whose centre is inside (so two
// polygons sharing an edge tile without a gap or an overlap), and a thin stroke is a faint
// one-pixel line of the pen's colour.
#include <layers/pixelraster.h>

#include <QTest>

#include <vector>

using planlines::layers::PixelRaster;

class PixelRasterTest : public QObject
{
    Q_OBJECT

    static QImage blank()
    {
        QImage image(10, 10, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        return image;
    }

private slots:
    void fillTakesPixelsWhoseCentreIsInside()
    {
        QImage image = blank();
        PixelRaster raster(image);
        const std::vector<QPointF> square{{2, 2}, {6.4, 2}, {6.4, 6}, {2, 6}};
        const std::span<const QPointF> rings[] = {square};
        raster.fill(rings, qRgb(255, 0, 0));
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 10; ++x) {
                // Centres (x + 0.5, y + 0.5) inside [2, 6.4) × [2, 6): x 2..5, y 2..5.
                const bool inside = x >= 2 && x <= 5 && y >= 2 && y <= 5;
                QCOMPARE(image.pixelColor(x, y), inside ? QColor(255, 0, 0) : QColor(Qt::white));
            }
    }

    void neighboursTileWithoutGapOrOverlap()
    {
        // Two triangles splitting the square [1, 9]² along a diagonal, in two colours: every
        // pixel of the square is one of them, none stays white.
        QImage image = blank();
        PixelRaster raster(image);
        const std::vector<QPointF> a{{1, 1}, {9, 1}, {9, 9}}, b{{1, 1}, {9, 9}, {1, 9}};
        const std::span<const QPointF> ra[] = {a}, rb[] = {b};
        raster.fill(ra, qRgb(255, 0, 0));
        int overwritten = 0;
        QImage before = image.copy();
        raster.fill(rb, qRgb(0, 0, 255));
        for (int y = 1; y < 9; ++y)
            for (int x = 1; x < 9; ++x) {
                QVERIFY(image.pixelColor(x, y) != QColor(Qt::white));
                overwritten += before.pixelColor(x, y) == QColor(255, 0, 0) &&
                               image.pixelColor(x, y) == QColor(0, 0, 255);
            }
        QCOMPARE(overwritten, 0);
    }

    void thinStrokeIsAFaintLine()
    {
        QImage image = blank();
        PixelRaster raster(image);
        const std::vector<QPointF> line{{0, 5.5}, {10, 5.5}};
        raster.stroke(line, false, QColor(0, 0, 0), 0.5);
        // Row 5 is half black over white: about 128; the rows beside stay white.
        QVERIFY2(std::abs(image.pixelColor(4, 5).red() - 128) <= 2,
                 qPrintable(image.pixelColor(4, 5).name()));
        QCOMPARE(image.pixelColor(4, 3), QColor(Qt::white));
        QCOMPARE(image.pixelColor(4, 7), QColor(Qt::white));
    }
};

QTEST_MAIN(PixelRasterTest)
#include "pixelrastertest.moc"
