// Tests geodata/import/textencoding.h: the per-layer TextDecoder that turns raw DBF bytes into
// UTF-8 (GBK as staff receive it, ASCII untouched, damaged bytes visible but not fatal).
#include "../testsupport.h"

#include "geodata/error.h"
#include "geodata/import/textencoding.h"

#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::import;

class TextDecoderTest : public QObject
{
    Q_OBJECT
private slots:
    void decodesGbkExactly()
    {
        TextDecoder d("CP936");
        // 水浇地 and 高青县 in GBK
        QCOMPARE(d.decode("\xCB\xAE\xBD\xBD\xB5\xD8"), std::string("水浇地"));
        QCOMPARE(d.decode("\xB8\xDF\xC7\xE0\xCF\xD8"), std::string("高青县"));
        QCOMPARE(d.decode("0103"), std::string("0103"));
        QCOMPARE(d.decode(""), std::string());
        QCOMPARE(d.replacedValues(), std::int64_t(0));
        QCOMPARE(fromUtf8("黄河淤背区", "GBK"),
                 std::string("\xBB\xC6\xBA\xD3\xD3\xD9\xB1\xB3\xC7\xF8"));
    }

    void aCutCharacterBecomesReplacementAndIsCounted()
    {
        TextDecoder d("GBK");
        // A fixed-width DBF field cut in the middle of 地 (B5 D8): the last byte is alone.
        QCOMPARE(d.decode("\xCB\xAE\xBD\xBD\xB5"), std::string("水浇\xEF\xBF\xBD"));
        QCOMPARE(d.decode("\xCB\xAE\xFF\xBD\xBD"), std::string("水\xEF\xBF\xBD浇"));
        QCOMPARE(d.replacedValues(), std::int64_t(2));
        QCOMPARE(d.decode("\xB5\xD8"), std::string("地")); // state reset between values
    }

    void utf8PassesAndBadBytesAreReplaced()
    {
        TextDecoder d("UTF-8");
        QCOMPARE(d.decode("高青县"), std::string("高青县"));
        QCOMPARE(d.decode("A\xB8\xDF"), std::string("A\xEF\xBF\xBD\xEF\xBF\xBD"));
        QCOMPARE(d.replacedValues(), std::int64_t(1));
    }

    void unknownEncodingIsAClearError()
    {
        PL_VERIFY_THROWS_WITH(Error, TextDecoder("NO-SUCH-CODEPAGE"), "unknown text encoding",
                              "NO-SUCH-CODEPAGE");
    }
};

QTEST_GUILESS_MAIN(TextDecoderTest)
#include "textdecodertest.moc"
