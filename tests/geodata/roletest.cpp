// Tests geodata/role.h: the stable role ids and their agreement with the `roles` table.
#include "testsupport.h"

#include "geodata/project.h"
#include "geodata/role.h"

#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace planlines::geodata;
using planlines::geodata::test::qs;

class RoleTest : public QObject
{
    Q_OBJECT
private slots:
    void theNineIdsAreExactlyThese()
    {
        const std::vector<std::string> expected = {
            "township",     "landuse",  "basic_farmland", "eco_redline", "urban_boundary",
            "control_unit", "corridor", "site",           "context"};
        QCOMPARE(kAllRoles.size(), expected.size());
        for (size_t i = 0; i < kAllRoles.size(); ++i)
            QCOMPARE(qs(std::string(roleId(kAllRoles[i]))), qs(expected[i]));
    }

    void everyIdRoundTrips()
    {
        std::set<std::string_view> seen;
        for (Role r : kAllRoles) {
            const auto back = roleFromId(roleId(r));
            QVERIFY2(back.has_value(), roleId(r).data());
            QCOMPARE(static_cast<int>(*back), static_cast<int>(r));
            QVERIFY2(seen.insert(roleId(r)).second, "duplicate role id");
            QVERIFY(!roleLabelZh(r).empty());
            QVERIFY(!roleLabelEn(r).empty());
        }
    }

    void unknownIdsAreRefused()
    {
        QVERIFY(!roleFromId("").has_value());
        QVERIFY(!roleFromId("Township").has_value()); // ids are case-sensitive
        QVERIFY(!roleFromId("farmland").has_value());
        QVERIFY(!roleFromId("township ").has_value());
    }

    void labelsAreWhatStaffRead()
    {
        QCOMPARE(qs(std::string(roleLabelZh(Role::BasicFarmland))), QStringLiteral("永久基本农田"));
        QCOMPARE(qs(std::string(roleLabelZh(Role::EcoRedline))), QStringLiteral("生态保护红线"));
        QCOMPARE(qs(std::string(roleLabelEn(Role::UrbanBoundary))),
                 QStringLiteral("Urban development boundary"));
    }

    // The schema's roles table and the enum must list the same ids with the same labels.
    void matchTheRolesTableOfANewProject()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto project = Project::create(dir.filePath("roles.sqlite").toStdString(), "EPSG:4548",
                                       "高青县", "370322");
        std::map<std::string, std::pair<std::string, std::string>> rows;
        auto st = project->db().prepare("SELECT id, label_zh, label_en FROM roles");
        while (st.step())
            rows[st.text(0)] = {st.text(1), st.text(2)};
        QCOMPARE(rows.size(), kAllRoles.size());
        for (Role r : kAllRoles) {
            const auto it = rows.find(std::string(roleId(r)));
            QVERIFY2(it != rows.end(), roleId(r).data());
            QCOMPARE(qs(it->second.first), qs(std::string(roleLabelZh(r))));
            QCOMPARE(qs(it->second.second), qs(std::string(roleLabelEn(r))));
        }
    }
};

QTEST_GUILESS_MAIN(RoleTest)
#include "roletest.moc"
