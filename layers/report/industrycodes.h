// GB/T 4754-2017 国民经济行业分类: the names of its 门类 (A–T) and 大类 (01–97), so the
// report can name the industry of a code such as C2651 when the site file gave no name.
#pragma once

#include <QString>

namespace planlines::layers::report {

// "制造业" for C…, "" for an unknown letter.
QString industrySectionName(const QString &code);
// "化学原料和化学制品制造业" for C26…, "" when the code has no known 大类.
QString industryDivisionName(const QString &code);
// How the report names an industry: "C2651 初级形态塑料及合成树脂制造（制造业 · 26 化学原料和化学
// 制品制造业）" with the site's own name, else the 大类's; "—" for no code.
QString industryText(const QString &code, const QString &name);

} // namespace planlines::layers::report
