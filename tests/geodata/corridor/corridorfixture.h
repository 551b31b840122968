// A small corridor project for the corridor tests (geodata, layers, cli), in EPSG:4548 around
// (570 000 E, 4 115 000 N). Every number is stated here so a test can compute what it expects:
//
// levee 黄河大堤 (context): (570000, 4115000) → (572000, 4115000) → (572000, 4116000), 3000 m.
// corridor 淤背区生态廊道, four segments beside it:
//   T-001  K0+000–K1+000  E 570000–571000, N 4114900–4114980  80 000 m²  青城镇  JHWG 2021-06-30
//   T-002  K1+000–K2+000  E 571000–572000, N 4114900–4114980  80 000 m²  青城镇  JHWG 2021-06-30
//   T-003  K2+000–K2+500  E 572020–572110, N 4115000–4115500  45 000 m²  木李镇  JHWG 2022-06-30
//   T-004  K2+500–K3+000  E 572020–572120, N 4115500–4116000  50 000 m²  木李镇  JHWG 2022-06-30
// progress (kHistory): all planned 2020-06-30; T-001 施工中 2020-10-01 (10), 已完工 2021-05-01;
//   T-002 施工中 2021-03-01 (30), 已完工 2021-09-01, 已验收 2021-12-01; T-003 施工中 2022-03-01
//   (50); T-004 nothing more.
#pragma once

#include <geodata/chainage.h>
#include <geodata/layerwriter.h>
#include <geodata/project.h>

#include <algorithm>
#include <string>
#include <vector>

namespace planlines::testing {

struct CorridorFixture
{
    struct Seg
    {
        const char *id;
        double from, to;
        double minE, minN, maxE, maxN;
        const char *townCode, *townName, *planEnd;
        double areaM2() const { return (maxE - minE) * (maxN - minN); }
        double centreE() const { return (minE + maxE) / 2; }
        double centreN() const { return (minN + maxN) / 2; }
    };
    static constexpr Seg kSegments[4] = {
        {"T-001", 0, 1000, 570000, 4114900, 571000, 4114980, "370322101000", "青城镇",
         "2021-06-30"},
        {"T-002", 1000, 2000, 571000, 4114900, 572000, 4114980, "370322101000", "青城镇",
         "2021-06-30"},
        {"T-003", 2000, 2500, 572020, 4115000, 572110, 4115500, "370322108000", "木李镇",
         "2022-06-30"},
        {"T-004", 2500, 3000, 572020, 4115500, 572120, 4116000, "370322108000", "木李镇",
         "2022-06-30"},
    };
    struct Entry
    {
        const char *segment, *date, *status;
        double percent;
    };
    static constexpr Entry kHistory[] = {
        {"T-001", "2020-06-30", "planned", 0},
        {"T-002", "2020-06-30", "planned", 0},
        {"T-003", "2020-06-30", "planned", 0},
        {"T-004", "2020-06-30", "planned", 0},
        {"T-001", "2020-10-01", "under_construction", 10},
        {"T-001", "2021-05-01", "completed", 100},
        {"T-002", "2021-03-01", "under_construction", 30},
        {"T-002", "2021-09-01", "completed", 100},
        {"T-002", "2021-12-01", "accepted", 100},
        {"T-003", "2022-03-01", "under_construction", 50},
    };

    static std::vector<double> rect(double minE, double minN, double maxE, double maxN)
    {
        return {minE, minN, maxE, minN, maxE, maxN, minE, maxN, minE, minN};
    }

    // Writes the project to path (a file that must not exist, or an empty PostGIS database's
    // URI) and returns path.
    static std::string create(const std::string &path)
    {
        using geodata::FieldType;
        using geodata::Geometry;
        using geodata::Value;
        using FT = FieldType;
        auto project = geodata::Project::create(path, "EPSG:4548", "高青县", "370322");
        {
            geodata::LayerWriter w(*project, {"黄河大堤",
                                              geodata::Role::Context,
                                              "levee",
                                              "MULTILINESTRING",
                                              {{"MC", FT::Text, "名称"}},
                                              "test",
                                              true,
                                              "",
                                              0});
            const std::vector<double> xy = {570000, 4115000, 572000, 4115000, 572000, 4116000};
            w.add(Geometry::lineString(xy), std::vector<Value>{std::string("临黄大堤")});
            w.commit();
        }
        geodata::LayerWriter w(*project, {"淤背区生态廊道",
                                          geodata::Role::Corridor,
                                          "corridor",
                                          "MULTIPOLYGON",
                                          {{"SEGID", FT::Text, "段编号"},
                                           {"QDZH", FT::Text, "起点桩号"},
                                           {"ZDZH", FT::Text, "终点桩号"},
                                           {"QDLC", FT::Real, "起点里程"},
                                           {"ZDLC", FT::Real, "终点里程"},
                                           {"KD", FT::Real, "宽度"},
                                           {"MJ", FT::Real, "面积"},
                                           {"XZQDM", FT::Text, "乡镇代码"},
                                           {"XZQMC", FT::Text, "乡镇"},
                                           {"GCNR", FT::Text, "建设内容"},
                                           {"ZRDW", FT::Text, "责任单位"},
                                           {"JHKG", FT::Date, "计划开工"},
                                           {"JHWG", FT::Date, "计划完工"},
                                           {"TZ", FT::Real, "投资"},
                                           {"ZT", FT::Text, "当前状态"}},
                                          "test",
                                          true,
                                          "",
                                          0});
        for (const auto &s : kSegments) {
            const double width = std::min(s.maxE - s.minE, s.maxN - s.minN);
            const std::vector<Value> v{std::string(s.id),
                                       geodata::formatChainage(s.from),
                                       geodata::formatChainage(s.to),
                                       s.from,
                                       s.to,
                                       width,
                                       s.areaM2(),
                                       std::string(s.townCode),
                                       std::string(s.townName),
                                       std::string("新造林"),
                                       std::string("县自然资源局"),
                                       std::string("2020-10-01"),
                                       std::string(s.planEnd),
                                       100.0,
                                       std::string("规划")};
            w.add(Geometry::polygon(rect(s.minE, s.minN, s.maxE, s.maxN)), v);
        }
        w.commit();
        // Through the store, so the same fixture serves a PostGIS database (tests/postgis).
        const auto tx = project->transaction();
        for (const auto &e : kHistory) {
            geodata::StoredProgress row;
            row.segmentId = e.segment;
            row.date = e.date;
            row.status = e.status;
            row.percent = e.percent;
            row.recordedAt = "2024-01-01T00:00:00Z";
            row.recordedBy = "fixture";
            project->addProgress(row);
        }
        tx->commit();
        return path;
    }
};

} // namespace planlines::testing
