// The 三大类 of land (农用地 / 建设用地 / 未利用地) and the groups the report lists under 农用地,
// from a 三调 land-use code (DLBM): GB/T 21010-2017's table of the Land Administration Law's
// three classes, with the 三调 工作分类's own codes (20x 城镇村及工矿用地, 201A…, 1104A,
// the K-suffixed 可调整 codes). The one place this mapping lives.
#pragma once

#include <QString>

namespace planlines::layers::report {

enum class LandClass
{
    Agricultural, // 农用地
    Construction, // 建设用地
    Unused,       // 未利用地
    Unknown       // a code not in the tables
};

QString landClassName(LandClass c); // 农用地 …, 未识别地类

struct LandGroup
{
    LandClass landClass = LandClass::Unknown;
    // Under 农用地: 耕地, 园地, 林地, 草地, 其他农用地; for the others the class's own name.
    QString group;
};

LandGroup landGroupOf(const QString &dlbm);

// The order the report lists the groups in (农用地's groups first).
QStringList landGroupOrder();

} // namespace planlines::layers::report
