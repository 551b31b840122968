// Tests geodata/import/boundaryfile.h: the 界址点坐标文件 read into GEOS geometry in the CRS its
// header names, written back as Windows tools expect, bad files refused with file, line, cause.
#include "geodata/testsupport.h"

#include "geodata/area.h"
#include "geodata/coordinatetransform.h"
#include "geodata/error.h"
#include "geodata/import/boundaryfile.h"
#include "geodata/import/textencoding.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <array>

using namespace planlines::geodata;
using namespace planlines::geodata::import;
using planlines::geodata::test::qs;

namespace {

// 高青县自然资源局 and 工业用地 in UTF-8, from `printf '…' | xxd`.
const std::string kUtf8Bureau = "\xe9\xab\x98\xe9\x9d\x92\xe5\x8e\xbf\xe8\x87\xaa\xe7\x84\xb6\xe8"
                                "\xb5\x84\xe6\xba\x90\xe5\xb1\x80";
const std::string kUtf8Industrial = "\xe5\xb7\xa5\xe4\xb8\x9a\xe7\x94\xa8\xe5\x9c\xb0";
// The same in GBK, from `printf '…' | iconv -f UTF-8 -t GBK | xxd`.
const std::string kGbkBureau = "\xb8\xdf\xc7\xe0\xcf\xd8\xd7\xd4\xc8\xbb\xd7\xca\xd4\xb4\xbe\xd6";
const std::string kGbkIndustrial = "\xb9\xa4\xd2\xb5\xd3\xc3\xb5\xd8";

// The [属性描述] header of DOMAIN.md (lines 1–12, [地块坐标] on line 12).
std::string header(const std::string &coordinateSystem = "2000国家大地坐标系",
                   const std::string &zone = "39")
{
    return "[属性描述]\n"
           "格式版本号=1.00版本\n"
           "数据产生单位=高青县自然资源局\n"
           "数据产生日期=2024-05-20\n"
           "坐标系=" +
           coordinateSystem +
           "\n"
           "几度分带=3\n"
           "投影类型=高斯克吕格\n"
           "计量单位=米\n"
           "带号=" +
           zone +
           "\n"
           "精度=0.001\n"
           "转换参数=,,,,,,\n"
           "[地块坐标]\n";
}

// The DOMAIN.md example: a 100 m × 100 m square, parcel line on line 13.
const std::string kSquare = "5,1.0000,1,地块1,面,,工业用地,,@\n"
                            "J1,1,4115600.000,39571000.000\n"
                            "J2,1,4115600.000,39571100.000\n"
                            "J3,1,4115700.000,39571100.000\n"
                            "J4,1,4115700.000,39571000.000\n"
                            "J1,1,4115600.000,39571000.000\n";

std::string crlf(const std::string &text)
{
    std::string out;
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

std::string gbk(const std::string &utf8)
{
    return fromUtf8(utf8, "GBK");
}

// Open easting,northing pairs of a GEOS ring.
std::vector<double> ringXy(const GEOSGeometry *ring)
{
    auto ctx = geosContext();
    const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx, seq, &n);
    std::vector<double> xy(2 * size_t(n));
    GEOSCoordSeq_copyToBuffer_r(ctx, seq, xy.data(), 0, 0);
    xy.resize(xy.size() - 2); // drop the closing point
    return xy;
}

const GEOSGeometry *polygonN(const Geometry &multi, int n)
{
    return multi.geometryN(n);
}

int holes(const GEOSGeometry *polygon)
{
    return GEOSGetNumInteriorRings_r(geosContext(), polygon);
}

std::vector<double> shellXy(const GEOSGeometry *polygon)
{
    return ringXy(GEOSGetExteriorRing_r(geosContext(), polygon));
}

// A parcel: ring 1 a 200 m square with a 50 m square hole (ring 2) inside it.
const std::string kParcelWithHole = "10,3.7500,A1,有洞地块,面,,工业用地,201A,@\n"
                                    "J1,1,4116000.000,39572000.000\n"
                                    "J2,1,4116000.000,39572200.000\n"
                                    "J3,1,4116200.000,39572200.000\n"
                                    "J4,1,4116200.000,39572000.000\n"
                                    "J1,1,4116000.000,39572000.000\n"
                                    "J5,2,4116050.000,39572050.000\n"
                                    "J6,2,4116100.000,39572050.000\n"
                                    "J7,2,4116100.000,39572100.000\n"
                                    "J8,2,4116050.000,39572100.000\n"
                                    "J5,2,4116050.000,39572050.000\n";
// A parcel in two parts: ring 1 a 100 m square, ring 2 a 100 m × 50 m rectangle 500 m east.
const std::string kParcelInTwoParts = "10,1.5000,A2,两块地,面,,村庄,203,@\n"
                                      "J1,1,4117000.000,39573000.000\n"
                                      "J2,1,4117000.000,39573100.000\n"
                                      "J3,1,4117100.000,39573100.000\n"
                                      "J4,1,4117100.000,39573000.000\n"
                                      "J1,1,4117000.000,39573000.000\n"
                                      "J5,2,4117000.000,39573600.000\n"
                                      "J6,2,4117000.000,39573700.000\n"
                                      "J7,2,4117050.000,39573700.000\n"
                                      "J8,2,4117050.000,39573600.000\n"
                                      "J5,2,4117000.000,39573600.000\n";

} // namespace

class BoundaryFileTest : public QObject
{
    Q_OBJECT
private slots:
    void domainExampleIsOneHectareSquareInEpsg4527()
    {
        const BoundaryFile f = BoundaryFile::fromBytes(gbk(crlf(header() + kSquare)), "例.txt");
        QCOMPARE(f.encoding.name, std::string("GBK"));
        QVERIFY(f.encoding.certain);
        QCOMPARE(f.crs.epsg(), 4527);
        QVERIFY2(f.crsReason.find("EPSG:4527 CGCS2000 / 3-degree Gauss-Kruger zone 39") !=
                     std::string::npos,
                 f.crsReason.c_str());
        QCOMPARE(f.attribute("数据产生单位"), kUtf8Bureau);
        QCOMPARE(f.attribute("带号"), std::string("39"));
        QVERIFY2(f.warnings.empty(), f.warnings.empty() ? "" : f.warnings.front().c_str());
        QCOMPARE(f.parcels.size(), size_t(1));

        const BoundaryParcel &p = f.parcels[0];
        QCOMPARE(p.number, std::string("1"));
        QCOMPARE(p.name, std::string("地块1"));
        QCOMPARE(p.shape, std::string("面"));
        QCOMPARE(p.use, kUtf8Industrial);
        QCOMPARE(p.line, 13);
        QCOMPARE(p.declaredPointCount, 5);
        PL_COMPARE_NEAR(*p.declaredAreaHa, 1.0, 0.0, "公顷");
        PL_COMPARE_NEAR(p.area().areaM2, 10000.00, 0.005, "m²");
        PL_COMPARE_NEAR(p.area().toHa(), 1.0000, 0.00005, "公顷");
        PL_COMPARE_NEAR(p.area().toMu(), 15.0, 1e-6, "亩");

        QCOMPARE(p.geometry.typeName(), std::string("MultiPolygon"));
        QCOMPARE(p.geometry.numGeometries(), 1);
        QCOMPARE(p.rings.size(), size_t(1));
        QCOMPARE(p.rings[0].pointNames, (std::vector<std::string>{"J1", "J2", "J3", "J4"}));
        // x = Y (easting with the 39 prefix), y = X (northing).
        const std::array<double, 8> expected{39571000, 4115600, 39571100, 4115600,
                                             39571100, 4115700, 39571000, 4115700};
        std::vector<double> xy = shellXy(polygonN(p.geometry, 0));
        QCOMPARE(xy.size(), expected.size());
        for (size_t i = 0; i < xy.size(); ++i)
            PL_COMPARE_NEAR(xy[i], expected[i], 0.001, "m");

        // EPSG:4548 is the same projection without the prefix: easting = Y − 39 000 000.
        CoordinateTransform(f.crs.id(), "EPSG:4548").transform(xy);
        for (size_t i = 0; i < xy.size(); i += 2) {
            PL_COMPARE_NEAR(xy[i], expected[i] - 39000000.0, 0.001, "m");
            PL_COMPARE_NEAR(xy[i + 1], expected[i + 1], 0.001, "m");
        }
    }

    void holeInsideRingOneAndSecondPartOutsideIt()
    {
        const BoundaryFile f =
            BoundaryFile::fromBytes(header() + kParcelWithHole + kParcelInTwoParts, "two.txt");
        QVERIFY2(f.warnings.empty(), f.warnings.empty() ? "" : f.warnings.front().c_str());
        QCOMPARE(f.parcels.size(), size_t(2));

        const BoundaryParcel &withHole = f.parcels[0];
        QCOMPARE(withHole.number, std::string("A1"));
        QCOMPARE(withHole.landUseCode, std::string("201A"));
        QCOMPARE(withHole.rings.size(), size_t(2));
        QCOMPARE(withHole.geometry.numGeometries(), 1);
        QCOMPARE(holes(polygonN(withHole.geometry, 0)), 1);
        QVERIFY(withHole.geometry.isValid());
        PL_COMPARE_NEAR(withHole.area().areaM2, 200.0 * 200.0 - 50.0 * 50.0, 0.005, "m²");

        const BoundaryParcel &twoParts = f.parcels[1];
        QCOMPARE(twoParts.line, 24);
        QCOMPARE(twoParts.geometry.numGeometries(), 2);
        QCOMPARE(holes(polygonN(twoParts.geometry, 0)), 0);
        QCOMPARE(holes(polygonN(twoParts.geometry, 1)), 0);
        PL_COMPARE_NEAR(twoParts.area().areaM2, 10000.0 + 5000.0, 0.005, "m²");
        const std::vector<double> second = shellXy(polygonN(twoParts.geometry, 1));
        PL_COMPARE_NEAR(second[0], 39573600.0, 0.001, "m");
        PL_COMPARE_NEAR(second[1], 4117000.0, 0.001, "m");
    }

    void bothClosingConventionsGiveTheSameSquare()
    {
        const std::string open = "J1,1,4115600.000,39571000.000\n"
                                 "J2,1,4115600.000,39571100.000\n"
                                 "J3,1,4115700.000,39571100.000\n"
                                 "J4,1,4115700.000,39571000.000\n";
        const std::string closed = open + "J1,1,4115600.000,39571000.000\n";
        const std::vector<std::pair<const char *, std::string>> variants{
            {"closed, count includes the repeat", "5,1.0000,1,地块1,面,,工业用地,,@\n" + closed},
            {"closed, count excludes the repeat", "4,1.0000,1,地块1,面,,工业用地,,@\n" + closed},
            {"open, count excludes the closing point", "4,1.0000,1,地块1,面,,工业用地,,@\n" + open},
            {"open, count includes a closing point", "5,1.0000,1,地块1,面,,工业用地,,@\n" + open},
        };
        for (const auto &[what, body] : variants) {
            const BoundaryFile f = BoundaryFile::fromBytes(header() + body, what);
            QVERIFY2(f.warnings.empty(), what);
            QCOMPARE(f.parcels.at(0).rings.at(0).pointNames.size(), size_t(4));
            PL_COMPARE_NEAR(f.parcels[0].area().areaM2, 10000.00, 0.005, "m²");
        }
        // A count that fits neither convention is reported, not fatal.
        const BoundaryFile f = BoundaryFile::fromBytes(
            header() + "7,1.0000,1,地块1,面,,工业用地,,@\n" + closed, "count.txt");
        QCOMPARE(f.warnings.size(), size_t(1));
        QCOMPARE(f.warnings[0],
                 std::string("line 13: 地块 1 (地块1) declares 7 points; the file lists 5 "
                             "(4 without closing points)"));
    }

    void gbkAndUtf8GiveTheSameNamesByteExact()
    {
        const std::string text = header() + kSquare;
        const std::string gbkBytes = gbk(crlf(text));
        // The GBK file holds the GBK bytes of the names, not their UTF-8.
        QVERIFY(gbkBytes.find(kGbkBureau) != std::string::npos);
        QVERIFY(gbkBytes.find(kGbkIndustrial) != std::string::npos);
        QVERIFY(gbkBytes.find(kUtf8Bureau) == std::string::npos);

        const BoundaryFile fromGbk = BoundaryFile::fromBytes(gbkBytes, "gbk.txt");
        const BoundaryFile fromUtf8 = BoundaryFile::fromBytes(crlf(text), "utf8.txt");
        const BoundaryFile fromBom = BoundaryFile::fromBytes("\xef\xbb\xbf" + text, "bom.txt");
        QCOMPARE(fromGbk.encoding.name, std::string("GBK"));
        QCOMPARE(fromUtf8.encoding.name, std::string("UTF-8"));
        QVERIFY(fromUtf8.encoding.certain);
        QCOMPARE(fromBom.encoding.reason, std::string("UTF-8 byte-order mark"));
        for (const BoundaryFile *f : {&fromGbk, &fromUtf8, &fromBom}) {
            QCOMPARE(f->attribute("数据产生单位"), kUtf8Bureau);
            QCOMPARE(f->parcels.at(0).use, kUtf8Industrial);
            QCOMPARE(f->parcels.at(0).name, std::string("\xe5\x9c\xb0\xe5\x9d\x97"
                                                        "1")); // 地块1
            QCOMPARE(f->crs.epsg(), 4527);
        }
        // The encoding can be forced; GBK bytes read as UTF-8 fail on the first Chinese line.
        BoundaryFile::ReadOptions asUtf8;
        asUtf8.encoding = "UTF-8";
        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::fromBytes(gbkBytes, "gbk.txt", asUtf8),
                              "gbk.txt, line 1", "invalid UTF-8");
    }

    void untidyLinesAreTolerated()
    {
        // Full-width commas, trailing spaces and tabs, blank lines, CRLF, a trailing comma.
        const std::string body = "\r\n5，1.0000，1，地块1，面，，工业用地，，@  \r\n"
                                 "J1,1,4115600.000,39571000.000 \t\r\n"
                                 "\r\n"
                                 "J2 , 1 , 4115600.000 , 39571100.000\r\n"
                                 "J3，1，4115700.000，39571100.000,\r\n"
                                 "J4,1,4115700.000,39571000.000\r\n"
                                 "J1,1,4115600.000,39571000.000   \r\n\r\n";
        const BoundaryFile f = BoundaryFile::fromBytes(gbk(crlf(header()) + body), "untidy.txt");
        QVERIFY2(f.warnings.empty(), f.warnings.empty() ? "" : f.warnings.front().c_str());
        QCOMPARE(f.parcels.size(), size_t(1));
        QCOMPARE(f.parcels[0].use, kUtf8Industrial);
        QCOMPARE(f.parcels[0].rings[0].pointNames[1], std::string("J2"));
        PL_COMPARE_NEAR(f.parcels[0].area().areaM2, 10000.00, 0.005, "m²");
    }

    void xian80FileIsXian1980()
    {
        const BoundaryFile f =
            BoundaryFile::fromBytes(gbk(header("80国家大地坐标系") + kSquare), "xian80.txt");
        QVERIFY(f.crs.datum == GeodeticDatum::Xian1980);
        QCOMPARE(f.crs.epsg(), 2363);
        QCOMPARE(crsName(f.crs.id()), std::string("Xian 1980 / 3-degree Gauss-Kruger zone 39"));
        PL_COMPARE_NEAR(f.parcels[0].area().areaM2, 10000.00, 0.005, "m²");

        const BoundaryFile beijing =
            BoundaryFile::fromBytes(header("1954北京坐标系") + kSquare, "bj54.txt");
        QCOMPARE(beijing.crs.epsg(), 2415);
        QCOMPARE(crsName(beijing.crs.id()),
                 std::string("Beijing 1954 / 3-degree Gauss-Kruger zone 39"));
    }

    void crsFollowsZoneWidthPrefixAndZoneNumber()
    {
        // Y without the prefix: the zone comes from 带号 and the CRS is the CM 117E one.
        std::string unprefixed = kSquare;
        for (size_t at = unprefixed.find(",39571"); at != std::string::npos;
             at = unprefixed.find(",39571", at))
            unprefixed.erase(at + 1, 2);
        const BoundaryFile plain = BoundaryFile::fromBytes(header() + unprefixed, "plain.txt");
        QCOMPARE(plain.crs.epsg(), 4548);
        QVERIFY(!plain.crs.prefixed);
        PL_COMPARE_NEAR(shellXy(polygonN(plain.parcels[0].geometry, 0))[0], 571000.0, 0.001, "m");
        const BoundaryFile plainXian =
            BoundaryFile::fromBytes(header("西安80坐标系") + unprefixed, "plain80.txt");
        QCOMPARE(plainXian.crs.epsg(), 2384);

        // No 带号 and no 几度分带: zone 39 (a 3° zone) from the prefix.
        std::string bare = header();
        bare.erase(bare.find("几度分带=3\n"), std::string("几度分带=3\n").size());
        bare.erase(bare.find("带号=39\n"), std::string("带号=39\n").size());
        QCOMPARE(BoundaryFile::fromBytes(bare + kSquare, "bare.txt").crs.epsg(), 4527);

        // 6° zone 20 (CM 117°E) prefixed: EPSG:4498.
        std::string sixDegree = header("2000国家大地坐标系", "20");
        sixDegree.replace(sixDegree.find("几度分带=3"), std::string("几度分带=3").size(),
                          "几度分带=6");
        std::string zone20 = kSquare;
        for (size_t at = zone20.find(",39571"); at != std::string::npos;
             at = zone20.find(",39571", at))
            zone20.replace(at + 1, 2, "20");
        const BoundaryFile six = BoundaryFile::fromBytes(sixDegree + zone20, "six.txt");
        QCOMPARE(six.crs.epsg(), 4498);
        QCOMPARE(six.crs.centralMeridianDegrees(), 117);

        // 带号 disagreeing with the prefix: the prefix wins, with a warning.
        const BoundaryFile disagree =
            BoundaryFile::fromBytes(header("2000国家大地坐标系", "38") + kSquare, "zone.txt");
        QCOMPARE(disagree.crs.epsg(), 4527);
        QCOMPARE(disagree.warnings.size(), size_t(1));
        QVERIFY2(disagree.warnings[0].find("line 9: 带号=38 but Y carries zone prefix 39") == 0,
                 disagree.warnings[0].c_str());

        // The caller may impose a CRS: prefixed Y read into the unprefixed EPSG:4548.
        BoundaryFile::ReadOptions in4548;
        in4548.epsg = 4548;
        const BoundaryFile imposed = BoundaryFile::fromBytes(header() + kSquare, "x.txt", in4548);
        QCOMPARE(imposed.crs.epsg(), 4548);
        PL_COMPARE_NEAR(shellXy(polygonN(imposed.parcels[0].geometry, 0))[0], 571000.0, 0.001, "m");
    }

    void epsgTablesMatchPROJ()
    {
        // Every code the reader can produce names the CRS it is meant to (checked against
        // PROJ's database, as `projinfo EPSG:nnnn` would).
        const std::vector<std::pair<GeodeticDatum, std::string>> datums{
            {GeodeticDatum::Cgcs2000, "CGCS2000"},
            {GeodeticDatum::Xian1980, "Xian 1980"},
            {GeodeticDatum::Beijing1954, "Beijing 1954"}};
        int checked = 0;
        for (const auto &[datum, name] : datums)
            for (int width : {3, 6}) {
                const int first = width == 3 ? 25 : 13, last = width == 3 ? 45 : 23;
                for (int zone = first; zone <= last; ++zone)
                    for (bool prefixed : {true, false}) {
                        const GaussKrugerCrs crs{datum, width, zone, prefixed};
                        const std::string kind =
                            width == 3 ? "3-degree Gauss-Kruger" : "Gauss-Kruger";
                        const std::string expected =
                            name + " / " + kind +
                            (prefixed
                                 ? " zone " + std::to_string(zone)
                                 : " CM " + std::to_string(crs.centralMeridianDegrees()) + "E");
                        QCOMPARE(crsName(crs.id()), expected);
                        QVERIFY(GaussKrugerCrs::fromEpsg(crs.epsg()) == crs);
                        ++checked;
                    }
            }
        QCOMPARE(checked, 3 * 2 * (21 + 11));
        QCOMPARE((GaussKrugerCrs{GeodeticDatum::Cgcs2000, 3, 39, true}.epsg()), 4527);
        QCOMPARE((GaussKrugerCrs{GeodeticDatum::Cgcs2000, 3, 39, false}.epsg()), 4548);
        QCOMPARE((GaussKrugerCrs{GeodeticDatum::Cgcs2000, 6, 20, false}.epsg()), 4509);
        QVERIFY(!GaussKrugerCrs::fromEpsg(4326));
        PL_VERIFY_THROWS_WITH(Error, (GaussKrugerCrs{GeodeticDatum::Cgcs2000, 3, 50, true}.epsg()),
                              "no EPSG code", "zone 50");
    }

    void declaredAreaMismatchIsAWarningNamingTheParcel()
    {
        std::string body = kSquare;
        body.replace(body.find("1.0000"), 6, "1.1000");
        const BoundaryFile f = BoundaryFile::fromBytes(header() + body, "mismatch.txt");
        QCOMPARE(f.parcels.size(), size_t(1));
        QCOMPARE(f.warnings.size(), size_t(1));
        QCOMPARE(f.warnings[0],
                 std::string("line 13: 地块 1 (地块1): declared area 1.1000 公顷 (11000.00 m²) but "
                             "the boundary encloses 10000.00 m² (1.0000 公顷), a difference of "
                             "1000.00 m² (9.09 %)"));

        // 0.5 m² off is within the 1 m² tolerance and the rounding of 4 decimals: no warning.
        std::string close = kSquare;
        close.replace(close.find("1.0000"), 6, "1.00005");
        QVERIFY(BoundaryFile::fromBytes(header() + close, "close.txt").warnings.empty());
        // 2 m² off (0.02 %) is more than 1 m²: reported.
        std::string off = kSquare;
        off.replace(off.find("1.0000"), 6, "1.0002");
        QCOMPARE(BoundaryFile::fromBytes(header() + off, "off.txt").warnings.size(), size_t(1));
    }

    void writerProducesTheDomainExampleInGbkWithCrlf()
    {
        std::vector<BoundaryParcel> parcels(1);
        parcels[0].number = "1";
        parcels[0].name = "地块1";
        parcels[0].use = "工业用地";
        const std::array<double, 8> xy{39571000, 4115600, 39571100, 4115600,
                                       39571100, 4115700, 39571000, 4115700};
        parcels[0].geometry = Geometry::polygon(xy);
        BoundaryFile f = BoundaryFile::fromGeometries(std::move(parcels));
        f.setAttribute("数据产生单位", "高青县自然资源局");
        f.setAttribute("数据产生日期", "2024-05-20");

        const std::string expected = crlf(header() + kSquare);
        QCOMPARE(f.write("UTF-8"), expected);
        const std::string gbkBytes = f.write();
        QCOMPARE(gbkBytes, gbk(expected));
        QVERIFY(gbkBytes.find(kGbkBureau) != std::string::npos);
        QVERIFY(gbkBytes.find("\r\n[\xb5\xd8\xbf\xe9\xd7\xf8\xb1\xea]\r\n") !=
                std::string::npos); // [地块坐标] in GBK
    }

    void writeThenReadKeepsCoordinatesAndNames()
    {
        const BoundaryFile source =
            BoundaryFile::fromBytes(header() + kParcelWithHole + kParcelInTwoParts, "src.txt");
        std::vector<BoundaryParcel> parcels;
        for (const BoundaryParcel &p : source.parcels) {
            BoundaryParcel copy;
            copy.number = p.number;
            copy.name = p.name;
            copy.use = p.use;
            copy.landUseCode = p.landUseCode;
            copy.geometry = p.geometry.clone();
            parcels.push_back(std::move(copy));
        }
        BoundaryFile out = BoundaryFile::fromGeometries(std::move(parcels), "EPSG:4527");
        out.setAttribute("数据产生单位", "高青县自然资源局");

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("往返.txt").toStdString();
        for (const char *encoding : {"GBK", "UTF-8"}) {
            out.save(path, encoding);
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // no temp file left
            const BoundaryFile back = BoundaryFile::read(path);
            QCOMPARE(back.encoding.name, std::string(encoding));
            QVERIFY2(back.warnings.empty(), back.warnings.empty() ? "" : back.warnings[0].c_str());
            QCOMPARE(back.attribute("数据产生单位"), kUtf8Bureau);
            QCOMPARE(back.crs.epsg(), 4527);
            QCOMPARE(back.parcels.size(), source.parcels.size());
            for (size_t i = 0; i < back.parcels.size(); ++i) {
                const BoundaryParcel &a = source.parcels[i], &b = back.parcels[i];
                QCOMPARE(b.number, a.number);
                QCOMPARE(b.name, a.name);
                QCOMPARE(b.use, a.use);
                QCOMPARE(b.landUseCode, a.landUseCode);
                QCOMPARE(b.declaredPointCount, 10); // both rings closed
                QCOMPARE(b.rings.size(), a.rings.size());
                for (size_t r = 0; r < a.rings.size(); ++r) {
                    QCOMPARE(b.rings[r].number, int(r + 1));
                    const auto &pa = a.rings[r].eastingNorthing, &pb = b.rings[r].eastingNorthing;
                    QCOMPARE(pb.size(), pa.size());
                    for (size_t k = 0; k < pa.size(); ++k)
                        PL_COMPARE_NEAR(pb[k], pa[k], 0.001, "m");
                }
                QCOMPARE(b.rings[1].pointNames.front(), std::string("J5"));
                PL_COMPARE_NEAR(b.area().areaM2, a.area().areaM2, 0.01, "m²");
                QCOMPARE(b.geometry.numGeometries(), a.geometry.numGeometries());
            }
        }
    }

    void writerTransformsFromAnotherCrs()
    {
        // The square given in EPSG:4548 (no prefix) is written with the 39 prefix.
        std::vector<BoundaryParcel> parcels(1);
        parcels[0].number = "7";
        const std::array<double, 8> xy{571000.0004, 4115600, 571100, 4115600,
                                       571100,      4115700, 571000, 4115700};
        parcels[0].geometry = Geometry::polygon(xy);
        const BoundaryFile f = BoundaryFile::fromGeometries(std::move(parcels), "EPSG:4548");
        const std::string text = f.write("UTF-8");
        QVERIFY2(text.find("\r\n5,1.0000,7,,面,,,,@\r\nJ1,1,4115600.000,39571000.000\r\n") !=
                     std::string::npos,
                 text.c_str());
        const BoundaryFile back = BoundaryFile::fromBytes(text, "back.txt");
        PL_COMPARE_NEAR(shellXy(polygonN(back.parcels[0].geometry, 0))[0], 39571000.0, 0.001, "m");

        // Refused: text the format cannot hold, and geometry that is no polygon.
        std::vector<BoundaryParcel> comma(1);
        comma[0].name = "甲,乙";
        comma[0].geometry = Geometry::polygon(xy);
        PL_VERIFY_THROWS_WITH(Error,
                              BoundaryFile::fromGeometries(std::move(comma), "EPSG:4548").write(),
                              "地块名称", "comma");
        std::vector<BoundaryParcel> line(1);
        line[0].geometry = Geometry::lineString(xy);
        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::fromGeometries(std::move(line), "EPSG:4548"),
                              "holds polygons", "LineString");
    }

    // The 面积 is that of the millimetre coordinates the file holds. By hand: a shell of
    // 1000.0004 m × 100.00049 m with a 10 m × 10 m hole, and a second 10 m × 10 m part, encloses
    // 100 000.53 m² (10.0001 公顷); written to the mm the shell is 1000.000 m × 100.000 m, so the
    // file's coordinates enclose 100 000 − 100 + 100 = 100 000.000 m²: 10.0000 公顷.
    void declaredAreaIsThatOfTheWrittenCoordinates()
    {
        const char *wkt = "MULTIPOLYGON (((39571000 4115600, 39572000.0004 4115600, "
                          "39572000.0004 4115700.00049, 39571000 4115700.00049, 39571000 4115600), "
                          "(39571100 4115620, 39571110 4115620, 39571110 4115630, "
                          "39571100 4115630, 39571100 4115620)), "
                          "((39573000 4115600, 39573010 4115600, 39573010 4115610, "
                          "39573000 4115610, 39573000 4115600)))";
        const std::string parcelLine = "\r\n15,10.0000,1,,面,,,,@\r\n";

        // write() on a parcel as it comes (sub-mm coordinates).
        BoundaryFile direct;
        direct.parcels.resize(1);
        direct.parcels[0].number = "1";
        direct.parcels[0].geometry = Geometry::fromWkt(wkt);
        std::string text = direct.write("UTF-8");
        QVERIFY2(text.find(parcelLine) != std::string::npos, text.c_str());
        QVERIFY2(text.find("\r\nJ2,1,4115600.000,39572000.000\r\n") != std::string::npos,
                 text.c_str());

        // fromGeometries(): the parcels hold the written coordinates and their area.
        std::vector<BoundaryParcel> parcels(1);
        parcels[0].number = "1";
        parcels[0].geometry = Geometry::fromWkt(wkt);
        const BoundaryFile f = BoundaryFile::fromGeometries(std::move(parcels));
        QCOMPARE(f.parcels[0].declaredAreaHa.value_or(-1), 10.0);
        PL_COMPARE_NEAR(f.parcels[0].area().areaM2, 100000.0, 0.01, "m²");
        PL_COMPARE_NEAR(f.parcels[0].rings[0].eastingNorthing[2], 39572000.0, 0.0, "m");
        text = f.write("UTF-8");
        QVERIFY2(text.find(parcelLine) != std::string::npos, text.c_str());
        const BoundaryFile back = BoundaryFile::fromBytes(text, "back.txt");
        QVERIFY2(back.warnings.empty(), back.warnings.empty() ? "" : back.warnings[0].c_str());
        PL_COMPARE_NEAR(back.parcels[0].area().areaM2, 100000.0, 0.01, "m²");
    }

    void badFilesNameFileLineAndCause()
    {
        std::string letter = kSquare;
        letter.replace(letter.find("39571100.000"), 12, "3957l100.000");
        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::fromBytes(header() + letter, "bad.txt"),
                              "bad.txt, line 15: Y (easting) \"3957l100.000\" is not a number");

        std::string beforeParcel = header() + "J0,1,4115600.000,39571000.000\n" + kSquare;
        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::fromBytes(beforeParcel, "early.txt"),
                              "early.txt, line 13: point line before any parcel line");

        const std::string twoPoints = "2,0.0000,9,两点,面,,,,@\n"
                                      "J1,1,4115600.000,39571000.000\n"
                                      "J2,1,4115600.000,39571100.000\n";
        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::fromBytes(header() + twoPoints, "two.txt"),
                              "two.txt, line 13: 地块 9 (两点): ring (圈) 1 has 2 distinct points; "
                              "a polygon ring needs at least 3");

        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::fromBytes(header("WGS84") + kSquare, "w.txt"),
                              "w.txt, line 5: unknown 坐标系 \"WGS84\"");
        PL_VERIFY_THROWS_WITH(Error,
                              BoundaryFile::fromBytes(header("新54坐标系") + kSquare, "n.txt"),
                              "n.txt, line 5: unknown 坐标系 \"新54坐标系\"");

        std::string swapped = kSquare;
        swapped.replace(swapped.find("J2,1,4115600.000,39571100.000"), 29,
                        "J2,1,39571100.000,4115600.000");
        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::fromBytes(header() + swapped, "s.txt"),
                              "s.txt, line 15", "X and Y swapped");

        // Through a real file: the message names its path; a GBK decoding error its line.
        QTemporaryDir dir;
        const QString path = dir.filePath("坏文件.txt");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(gbk(header() + letter)));
        file.close();
        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::read(path.toStdString()),
                              path.toStdString() + ", line 15", "not a number");
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::fromStdString(gbk(header()) + "5,1.0,1,\xff\xfe,@\n"));
        file.close();
        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::read(path.toStdString()), "坏文件.txt, line 13",
                              "invalid GBK byte sequence");
        PL_VERIFY_THROWS_WITH(Error, BoundaryFile::read(dir.filePath("无.txt").toStdString()),
                              "无.txt", "cannot open");
    }
};

QTEST_APPLESS_MAIN(BoundaryFileTest)
#include "boundaryfiletest.moc"
