// Tests geodata/import/textencoding.h: GBK and UTF-8 told apart and decoded byte-exact.
#include "geodata/testsupport.h"

#include "geodata/error.h"
#include "geodata/import/textencoding.h"

#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::import;
using planlines::geodata::test::qs;

namespace {

// 高青县自然资源局 from `printf '高青县自然资源局' | iconv -f UTF-8 -t GBK | xxd`.
const std::string kGbkBureau = "\xb8\xdf\xc7\xe0\xcf\xd8\xd7\xd4\xc8\xbb\xd7\xca\xd4\xb4\xbe\xd6";
// The same from `printf '高青县自然资源局' | xxd`.
const std::string kUtf8Bureau = "\xe9\xab\x98\xe9\x9d\x92\xe5\x8e\xbf\xe8\x87\xaa\xe7\x84\xb6\xe8"
                                "\xb5\x84\xe6\xba\x90\xe5\xb1\x80";
// 工业用地 in GBK and UTF-8.
const std::string kGbkIndustrial = "\xb9\xa4\xd2\xb5\xd3\xc3\xb5\xd8";
const std::string kUtf8Industrial = "\xe5\xb7\xa5\xe4\xb8\x9a\xe7\x94\xa8\xe5\x9c\xb0";

} // namespace

class TextEncodingTest : public QObject
{
    Q_OBJECT
private slots:
    void utf8LiteralsMatchTheSourceText()
    {
        // The hex literals above are what this (UTF-8) source file spells.
        QCOMPARE(kUtf8Bureau, std::string("高青县自然资源局"));
        QCOMPARE(kUtf8Industrial, std::string("工业用地"));
    }

    void gbkBureauIsDetectedAsGbkAndDecodedByteExact()
    {
        const EncodingGuess g = detectEncoding(kGbkBureau);
        QCOMPARE(g.name, std::string("GBK"));
        QVERIFY2(g.certain, g.reason.c_str());
        QVERIFY2(g.reason.find("invalid UTF-8 at byte offset 0") != std::string::npos,
                 g.reason.c_str());
        QCOMPARE(toUtf8(kGbkBureau, "GBK"), kUtf8Bureau);
        QCOMPARE(toUtf8(kGbkBureau, "CP936"), kUtf8Bureau);
        QCOMPARE(toUtf8(kGbkBureau, "936"), kUtf8Bureau);
        QCOMPARE(toUtf8(kGbkIndustrial, "GBK"), kUtf8Industrial);
    }

    void utf8BureauIsDetectedAsUtf8AndPassesThroughByteExact()
    {
        const EncodingGuess g = detectEncoding(kUtf8Bureau);
        QCOMPARE(g.name, std::string("UTF-8"));
        QVERIFY2(g.certain, g.reason.c_str());
        QCOMPARE(toUtf8(kUtf8Bureau, "UTF-8"), kUtf8Bureau);
    }

    void mixedAsciiAndGbkLineIsGbk()
    {
        const std::string line = "数据产生单位=" + kUtf8Bureau + "\r\n";
        const std::string gbk = fromUtf8(line, "GBK");
        QCOMPARE(gbk, "\xca\xfd\xbe\xdd\xb2\xfa\xc9\xfa\xb5\xa5\xce\xbb=" + kGbkBureau + "\r\n");
        const EncodingGuess g = detectEncoding(gbk);
        QCOMPARE(g.name, std::string("GBK"));
        QVERIFY(g.certain);
        QCOMPARE(toUtf8(gbk, g.name), line);
    }

    void asciiIsUtf8ButNotCertain()
    {
        const EncodingGuess g = detectEncoding("J1,1,4115600.000,39571000.000\r\n");
        QCOMPARE(g.name, std::string("UTF-8"));
        QVERIFY(!g.certain);
        QCOMPARE(g.reason, std::string("ASCII only"));
        QCOMPARE(toUtf8("abc,1.0\r\n", "GBK"), std::string("abc,1.0\r\n"));
        QCOMPARE(detectEncoding("").reason, std::string("ASCII only"));
    }

    void bomMeansUtf8AndIsDropped()
    {
        const std::string withBom = "\xef\xbb\xbf" + kUtf8Bureau;
        const EncodingGuess g = detectEncoding(withBom);
        QCOMPARE(g.name, std::string("UTF-8"));
        QVERIFY(g.certain);
        QCOMPARE(g.reason, std::string("UTF-8 byte-order mark"));
        QCOMPARE(toUtf8(withBom, "UTF-8"), kUtf8Bureau);
        // A BOM before ASCII is still a statement of UTF-8.
        QVERIFY(detectEncoding("\xef\xbb\xbf[abc]").certain);
    }

    void shortTwoByteTextThatIsAlsoGbkIsNotCertain()
    {
        // 路 in GBK (C2 B7) is also valid UTF-8: U+00B7 (·).
        const std::string gbkRoad = "\xc2\xb7";
        QCOMPARE(toUtf8(gbkRoad, "GBK"), std::string("路"));
        const EncodingGuess g = detectEncoding(gbkRoad);
        QCOMPARE(g.name, std::string("UTF-8"));
        QVERIFY2(!g.certain, g.reason.c_str());
        QVERIFY2(g.reason.find("also well-formed GBK") != std::string::npos, g.reason.c_str());
    }

    void garbageIsNeitherAndNotCertain()
    {
        // 0x80 and 0xFF are never lead bytes in GB18030 nor valid in UTF-8.
        const std::string garbage = "\x80\xff\x80\xff" + kUtf8Bureau.substr(0, 2);
        const EncodingGuess g = detectEncoding(garbage);
        QVERIFY(!g.certain);
        QVERIFY2(g.reason.find("neither encoding fits") != std::string::npos, g.reason.c_str());
        QVERIFY(g.name == "GBK" || g.name == "UTF-8");
    }

    void invalidInputThrowsWithEncodingAndOffset()
    {
        // A GBK lead byte at offset 4 with nothing after it.
        PL_VERIFY_THROWS_WITH(Error, toUtf8("abcd\xb8", "GBK"), "GBK", "byte offset 4");
        // 0xFF at offset 2 is invalid in GBK.
        PL_VERIFY_THROWS_WITH(Error, toUtf8("ab\xff" + kGbkBureau, "GBK"), "GBK", "byte offset 2");
        // GBK bytes read as UTF-8: 0xB8 at offset 3 is a stray continuation byte.
        PL_VERIFY_THROWS_WITH(Error, toUtf8("abc" + kGbkBureau, "UTF-8"), "UTF-8", "byte offset 3");
        PL_VERIFY_THROWS_WITH(Error, toUtf8("abc", "NO-SUCH-ENCODING"), "NO-SUCH-ENCODING",
                              "unknown text encoding");
    }

    void utf8EncodesToGbkByteExact()
    {
        QCOMPARE(fromUtf8(kUtf8Bureau, "GBK"), kGbkBureau);
        QCOMPARE(fromUtf8(kUtf8Industrial, "GBK"), kGbkIndustrial);
        QCOMPARE(fromUtf8(kUtf8Bureau, "UTF-8"), kUtf8Bureau);
        // U+1F600 (4 UTF-8 bytes at offset 3) has no GBK code.
        PL_VERIFY_THROWS_WITH(Error, fromUtf8("abc\xf0\x9f\x98\x80", "GBK"), "GBK",
                              "byte offset 3");
    }
};

QTEST_APPLESS_MAIN(TextEncodingTest)
#include "textencodingtest.moc"
