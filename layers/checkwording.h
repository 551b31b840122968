// The site check's notes, written in English by geodata for the JSON and the log (which
// feature was repaired and why, which CRS a file was read in), in the words of the UI and the
// report: "layer 地类图斑, feature 12: Self-intersection[…] (repaired for the check)" reads
// 图层“地类图斑”第 12 号要素：自相交（位于 …），检查时已修复. Text of another form is returned
// as it is. Translation context "planlines::layers" (what lupdate gives tr() in this namespace).
#pragma once

#include <QString>

namespace planlines::layers {

// "FILE, layer L, feature N", "layer L, feature N" or "FILE, line N: TEXT".
QString featureSourceText(const QString &source);
// GEOS's reason a geometry is invalid ("Self-intersection[x y]").
QString invalidReasonText(const QString &reason);
// Whether an entry of site.repairs is a note about features that overlap under the site
// (counted once), not a repair of the site: shown as 注意, not 修复.
bool isOverlapNote(const QString &repair);
// One of a result's site.repairs.
QString checkRepairText(const QString &repair);
// A note of reading a site file (SiteReader: repairs and CRS decisions).
QString checkNoteText(const QString &note);
// An overlap row's role (basic_farmland, eco_redline, …, landuse, cultivated): 永久基本农田 ….
QString overlapRoleText(const QString &role);
// A rule's title or heading, or the set's name, of the rules shipped with the program
// (geodata/check/rules/sanxian_yidan.json), in the UI's language; other text as it is. Only for
// a result of the built-in set (its checksum): a county's own rules read as the county wrote them.
QString builtinRuleText(const QString &text);

} // namespace planlines::layers
