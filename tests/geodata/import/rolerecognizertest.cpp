// Tests geodata/import/rolerecognizer.h: standard layer names and field sets, case-insensitive.
#include <geodata/import/fieldaliases.h>
#include <geodata/import/rolerecognizer.h>

#include <QTest>

using namespace planlines::geodata;
using namespace planlines::geodata::import;

Q_DECLARE_METATYPE(std::vector<std::string>)

class RoleRecognizerTest : public QObject
{
    Q_OBJECT
private slots:
    void recognizes_data()
    {
        QTest::addColumn<QString>("layer");
        QTest::addColumn<std::vector<std::string>>("fields");
        QTest::addColumn<bool>("polygonal");
        QTest::addColumn<QString>("role"); // "" = none
        QTest::addColumn<QString>("reason");
        using F = std::vector<std::string>;
        QTest::newRow("DLTB") << "DLTB" << F{} << true << "landuse"
                              << "layer name DLTB";
        QTest::newRow("dltb_2023") << "dltb_2023" << F{} << true << "landuse"
                                   << "layer name DLTB";
        QTest::newRow("XZQ") << "XZQ" << F{} << true << "township"
                             << "layer name XZQ";
        QTest::newRow("XZQJX") << "xzqjx" << F{} << false << "township"
                               << "layer name XZQJX";
        QTest::newRow("YJJBNTTB") << "YJJBNTTB" << F{} << true << "basic_farmland"
                                  << "layer name YJJBNTTB";
        QTest::newRow("yjjbntbhtb") << "yjjbntbhtb" << F{} << true << "basic_farmland"
                                    << "layer name YJJBNTBHTB";
        QTest::newRow("STBHHX") << "STBHHX" << F{} << true << "eco_redline"
                                << "layer name STBHHX";
        QTest::newRow("CZKFBJ") << "CZKFBJ" << F{} << true << "urban_boundary"
                                << "layer name CZKFBJ";
        QTest::newRow("GDBHMB") << "GDBHMB" << F{} << true << "basic_farmland"
                                << "layer name GDBHMB";
        QTest::newRow("dlbm+tbmj") << "parcels" << F{"bsm", "dlbm", "TBMJ"} << true << "landuse"
                                   << "fields DLBM and TBMJ";
        QTest::newRow("dlbm alone") << "parcels" << F{"DLBM"} << true << ""
                                    << "";
        QTest::newRow("yjjbnttbbh")
            << "x" << F{"YJJBNTTBBH", "DLBM", "TBMJ"} << true << "basic_farmland"
            << "field YJJBNTTBBH";
        QTest::newRow("hxmc") << "x" << F{"HXMC"} << true << "eco_redline"
                              << "field HXMC";
        QTest::newRow("ghfqmc") << "x" << F{"GHFQMC"} << true << "urban_boundary"
                                << "field GHFQMC";
        QTest::newRow("zhgkdyfl") << "x" << F{"ZHGKDYFL"} << true << "control_unit"
                                  << "field ZHGKDYFL";
        QTest::newRow("segid") << "x" << F{"SEGID"} << true << "corridor"
                               << "field SEGID";
        QTest::newRow("xmmc") << "x" << F{"XMMC"} << true << "site"
                              << "field XMMC";
        QTest::newRow("xzq fields polygons") << "x" << F{"XZQDM", "XZQMC"} << true << "township"
                                             << "fields XZQDM and XZQMC";
        QTest::newRow("xzq fields points") << "x" << F{"XZQDM", "XZQMC"} << false << ""
                                           << "";
        QTest::newRow("nothing") << "roads" << F{"NAME"} << false << ""
                                 << "";
    }
    void recognizes()
    {
        QFETCH(QString, layer);
        QFETCH(std::vector<std::string>, fields);
        QFETCH(bool, polygonal);
        QFETCH(QString, role);
        QFETCH(QString, reason);
        const auto m = RoleRecognizer::recognize(layer.toStdString(), fields, polygonal);
        QCOMPARE(m.has_value(), !role.isEmpty());
        if (m) {
            QCOMPARE(QString::fromUtf8(roleId(m->role).data()), role);
            QCOMPARE(QString::fromStdString(m->reason), reason);
        }
    }
    void aliases()
    {
        QCOMPARE(QString::fromUtf8(fieldAlias("BSM").data(), fieldAlias("BSM").size()),
                 QStringLiteral("标识码"));
        QCOMPARE(QString::fromUtf8(fieldAlias("dlbm").data(), fieldAlias("dlbm").size()),
                 QStringLiteral("地类编码"));
        QVERIFY(fieldAlias("NAME").empty());
    }
};

QTEST_GUILESS_MAIN(RoleRecognizerTest)
#include "rolerecognizertest.moc"
