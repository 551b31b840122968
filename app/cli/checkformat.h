// How `planlines check` prints results: a text summary a reviewer reads in the terminal, the
// CSV summary table of a batch, and the JSON of several sites (results + summary).
#pragma once

#include <geodata/check/checkrecords.h>
#include <geodata/check/checkresult.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <cstdio>
#include <vector>

namespace planlines::cli {

// The full text of one check (from its JSON).
QString checkText(const QJsonObject &result);
// One line per site of a batch: verdict, area, name and the rules that did not pass.
QString checkLine(const geodata::check::CheckResult &result);
QJsonObject checkSummary(const std::vector<geodata::check::CheckResult> &results);
// The JSON of a batch, {"results": [...], "summary": {...}, "rejected": [...]}, written as it
// is made: each result's own text (the engine's, or the record's unpacked) with its record_id,
// one line each, never a document tree of the whole batch. False when out could not take it.
bool writeBatchJson(std::FILE *out, const std::vector<geodata::check::CheckResult> &results,
                    const QJsonObject &provenance, const QJsonObject &summary,
                    const QJsonArray &rejected);
QString checkSummaryText(const QJsonObject &summary);
// One row per site; quoted as RFC 4180, UTF-8 with a BOM so spreadsheet programs read Chinese.
QByteArray checkCsv(const std::vector<geodata::check::CheckResult> &results);
QString recordListText(const std::vector<geodata::check::CheckRecord> &records);

} // namespace planlines::cli
