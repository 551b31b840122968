// A small county project file for the publish/snapshot tests (geodata/store/transfer.h): Chinese
// names, a land-use layer in three versions (one with overlapping parcels), a corridor layer,
// progress entries with a correction, check records and audit rows with fixed authors and
// times. Every area is a rectangle's or a right triangle's, checkable by hand.
#pragma once

#include "geodata/layerwriter.h"
#include "geodata/project.h"

#include <string>

namespace planlines::geodata::test {

// A w × h rectangle from (e, n).
inline Geometry rectangle(double e, double n, double w, double h)
{
    const double xy[] = {e, n, e + w, n, e + w, n + h, e, n + h, e, n};
    return Geometry::polygon(xy);
}

inline LayerSpec landuseSpec()
{
    LayerSpec s;
    s.name = "地类图斑";
    s.role = Role::Landuse;
    s.table = "landuse";
    s.geometryType = "MULTIPOLYGON";
    s.fields = {{"DLBM", FieldType::Text, "地类编码"},
                {"DLMC", FieldType::Text, "地类名称"},
                {"TBMJ", FieldType::Real, "图斑面积"},
                {"BSM", FieldType::Integer, "标识码"},
                {"BGRQ", FieldType::Date, "变更日期"}};
    s.description = "第三次国土调查 地类图斑";
    s.sortOrder = 3;
    return s;
}

// Version v of the land use: six 100 m × 50 m parcels (5 000 m² each) named 水田 (v1), 旱地
// (v2), 水浇地 (v3), and a right triangle of legs 30 m and 40 m (600 m²) 果园; v2 adds a
// 100 m × 50 m parcel over the right half of the first and the left half of the second (two
// overlaps of 2 500 m²).
inline void writeLanduse(Project &p, int v)
{
    LayerSpec spec = landuseSpec();
    spec.source = "三调_" + std::to_string(v) + ".shp";
    spec.replaceKeepingHistory = v > 1;
    const char *dlmc = v == 1 ? "水田" : v == 2 ? "旱地" : "水浇地";
    LayerWriter w(p, std::move(spec));
    std::int64_t bsm = 100 * v;
    for (int row = 0; row < 2; ++row)
        for (int col = 0; col < 3; ++col) {
            const Value values[] = {std::string(v == 1 ? "0101" : "0103"), std::string(dlmc),
                                    5000.0, ++bsm,
                                    std::string("2026-0" + std::to_string(v) + "-15")};
            w.add(rectangle(500000 + 100.0 * col, 4000000 + 50.0 * row, 100, 50), values);
        }
    const double tri[] = {500000, 4000200, 500030, 4000200, 500000, 4000240, 500000, 4000200};
    const Value values[] = {std::string("0201"), std::string("果园"), std::monostate{}, ++bsm,
                            std::monostate{}};
    w.add(Geometry::polygon(tri), values);
    if (v == 2) {
        const Value over[] = {std::string("0702"), std::string("农村宅基地"), 5000.0, ++bsm,
                              std::string("2026-02-20")};
        w.add(rectangle(500050, 4000000, 100, 50), over);
    }
    w.commit();
}

// The corridor: two segments of 200 m and 150 m along the levee.
inline void writeCorridor(Project &p)
{
    LayerSpec s;
    s.name = "淤背区生态廊道";
    s.role = Role::Corridor;
    s.table = "corridor";
    s.geometryType = "MULTILINESTRING";
    s.fields = {{"SEGID", FieldType::Text, "段号"}, {"DMC", FieldType::Text, "段名"}};
    s.source = "廊道规划.dxf";
    LayerWriter w(p, std::move(s));
    const double a[] = {501000, 4001000, 501200, 4001000};
    const double b[] = {501200, 4001000, 501200, 4001150};
    const Value va[] = {std::string("YB-01"), std::string("刘春家段")};
    const Value vb[] = {std::string("YB-02"), std::string("花沟段")};
    w.add(Geometry::lineString(a), va);
    w.add(Geometry::lineString(b), vb);
    w.commit();
}

// Progress (one entry corrected), check records and audit rows by named people at fixed times.
inline void writeRecords(Project &p)
{
    auto tx = p.transaction();
    StoredProgress e;
    e.segmentId = "YB-01";
    e.date = "2026-11-02";
    e.status = "under_construction";
    e.percent = 40;
    e.plantedAreaM2 = 1234.5;
    e.note = "已栽植白蜡 120 株";
    e.photos = "照片/YB-01-1.jpg\n照片/YB-01-2.jpg";
    e.recordedAt = "2026-11-02T08:30:00Z";
    e.recordedBy = "王丽";
    const std::int64_t first = p.addProgress(e);
    e.percent = 45;
    e.note = "更正：栽植 135 株";
    e.recordedAt = "2026-11-03T09:00:00Z";
    e.supersedes = first;
    p.addProgress(e);
    e = {};
    e.segmentId = "YB-02";
    e.date = "2026-11-05";
    e.status = "planned";
    e.recordedAt = "2026-11-05T10:00:00Z";
    e.recordedBy = "张伟";
    p.addProgress(e);
    p.audit("corridor.update", "corridor_progress", "YB-01", "{\"note\":\"更正\"}");

    StoredCheckRecord r;
    r.createdAt = "2026-11-20T02:00:00Z";
    r.createdBy = "李明";
    r.siteName = "花沟镇新建厂房";
    r.siteWkb = {1, 3, 0, 0, 0, 0, 0, 0, 0};
    r.inputsJson = "{\"industry\":\"食品制造\"}";
    r.layerVersionsJson = "{\"landuse\":3}";
    r.rulesVersion = "2026.1";
    r.verdict = "attention";
    r.rulesChecksum = "abc123";
    r.resultZstd = Blob{0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0};
    p.addCheckRecord(r);
    r.createdAt = "2026-11-21T03:00:00Z";
    r.siteName = "田镇光伏项目";
    r.verdict = "pass";
    r.batchId = "batch-7";
    r.resultZstd.reset();
    r.legacyResultJson = "{\"verdict\":\"pass\"}";
    p.addCheckRecord(r);
    p.audit("check.run", "check_records", "2", "{\"site\":\"田镇光伏项目\"}");
    tx->commit();
}

// The whole small county, as a new project file at path.
inline void makeSmallCounty(const std::string &path)
{
    auto p = Project::create(path, "EPSG:4548", "高青县", "370322");
    p->setSetting("rules_file", "规则/三线一单.json");
    for (int v = 1; v <= 3; ++v)
        writeLanduse(*p, v);
    writeCorridor(*p);
    writeRecords(*p);
}

} // namespace planlines::geodata::test
