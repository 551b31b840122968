// LabelAnchor: a label point lies inside concave polygons and on the largest part; half-way along
// lines.
#include <geodata/wkbreader.h>
#include <layers/labelanchor.h>

#include <geodata/geometry.h>

#include <QTest>

using planlines::geodata::Geometry;
using planlines::geodata::WkbReader;
using planlines::layers::FlatGeometry;
using planlines::layers::LabelAnchor;
using planlines::layers::WorldPoint;

class LabelAnchorTest : public QObject
{
    Q_OBJECT

private:
    static FlatGeometry flat(const char *wkt)
    {
        FlatGeometry g;
        WkbReader::read(Geometry::fromWkt(wkt).wkb(), g);
        return g;
    }
    static bool inside(const char *wkt, WorldPoint p)
    {
        return Geometry::fromWkt(wkt).contains(Geometry::point(p.easting, p.northing));
    }

private slots:
    void squareIsLabelledAtItsCentre()
    {
        const auto p = LabelAnchor::ofPolygon(flat("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"));
        QCOMPARE(p.easting, 50.0);
        QCOMPARE(p.northing, 50.0);
    }

    void concaveShapesAreLabelledInside_data()
    {
        QTest::addColumn<QString>("wkt");
        // A U whose centroid falls in the notch; a C; a ring (square with a big hole).
        QTest::newRow("U") << "POLYGON ((0 0, 300 0, 300 300, 200 300, 200 50, 100 50, 100 300, "
                              "0 300, 0 0))";
        QTest::newRow("C") << "POLYGON ((0 0, 300 0, 300 60, 60 60, 60 240, 300 240, 300 300, "
                              "0 300, 0 0))";
        QTest::newRow("frame") << "POLYGON ((0 0, 300 0, 300 300, 0 300, 0 0), "
                                  "(40 40, 260 40, 260 260, 40 260, 40 40))";
    }
    void concaveShapesAreLabelledInside()
    {
        QFETCH(QString, wkt);
        const QByteArray w = wkt.toUtf8();
        const auto p = LabelAnchor::ofPolygon(flat(w.constData()));
        QVERIFY2(inside(w.constData(), p),
                 qPrintable(QStringLiteral("(%1, %2)").arg(p.easting).arg(p.northing)));
    }

    void largestPartWins()
    {
        const auto p = LabelAnchor::ofPolygon(flat("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), "
                                                   "((100 0, 300 0, 300 200, 100 200, 100 0)))"));
        QCOMPARE(p.easting, 200.0);
        QCOMPARE(p.northing, 100.0);
    }

    void lineIsLabelledHalfWayAlong()
    {
        const auto p = LabelAnchor::ofLine(flat("LINESTRING (0 0, 100 0, 100 300)"));
        QCOMPARE(p.easting, 100.0);
        QCOMPARE(p.northing, 100.0);
    }
};

QTEST_GUILESS_MAIN(LabelAnchorTest)
#include "labelanchortest.moc"
