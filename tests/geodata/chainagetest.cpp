// Chainage (桩号) text both ways: what staff type and what the corridor tables print.
#include "geodata/chainage.h"

#include <QTest>

using namespace planlines::geodata;

class ChainageTest : public QObject
{
    Q_OBJECT

private slots:
    void formats()
    {
        QCOMPARE(formatChainage(0), std::string("K0+000"));
        QCOMPARE(formatChainage(12300), std::string("K12+300"));
        QCOMPARE(formatChainage(46920.4), std::string("K46+920"));
        QCOMPARE(formatChainage(999.6), std::string("K1+000"));
        QCOMPARE(formatChainage(50.25, 2), std::string("K0+050.25"));
        QCOMPARE(formatChainage(-3), std::string("K0+000"));
    }

    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("metres");
        QTest::newRow("plain") << "K12+300" << 12300.0;
        QTest::newRow("lower case, decimals") << "k12+300.5" << 12300.5;
        QTest::newRow("no K") << "12+300" << 12300.0;
        QTest::newRow("leading zeros") << "K0+050" << 50.0;
        QTest::newRow("spaces") << " K 3 + 020 " << 3020.0;
        QTest::newRow("full width") << "Ｋ１２＋３００" << 12300.0;
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(double, metres);
        const auto m = parseChainage(text.toStdString());
        QVERIFY2(m.has_value(), qPrintable(text));
        QCOMPARE(*m, metres);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("no plus") << "K12300";
        QTest::newRow("metres over 999") << "K1+1200";
        QTest::newRow("letters") << "Kx+100";
        QTest::newRow("coordinates") << "4105123.5,39512345.2";
        QTest::newRow("two plus") << "K1+2+3";
    }
    void refuses()
    {
        QFETCH(QString, text);
        QVERIFY(!parseChainage(text.toStdString()).has_value());
    }

    void ranges()
    {
        const auto r = parseChainageRange("K1+200-K3+400");
        QVERIFY(r.has_value());
        QCOMPARE(r->first, 1200.0);
        QCOMPARE(r->second, 3400.0);
        const auto reversed = parseChainageRange("K3+400～K1+200");
        QVERIFY(reversed.has_value());
        QCOMPARE(reversed->first, 1200.0);
        QCOMPARE(reversed->second, 3400.0);
        QVERIFY(parseChainageRange("K1+200至K2+000").has_value());
        QVERIFY(!parseChainageRange("K1+200").has_value());
        QVERIFY(!parseChainageRange("K1+200-K2+000-K3+000").has_value());
    }
};

QTEST_APPLESS_MAIN(ChainageTest)
#include "chainagetest.moc"
