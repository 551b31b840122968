// How `planlines check` prints results: a text summary a reviewer reads in the terminal, the
// CSV summary table of a batch, and the JSON of several sites (results + summary).
#pragma once

#include <geodata/check/checkrecords.h>
#include <geodata/check/checkresult.h>

#include <QJsonObject>
#include <QString>

#include <vector>

namespace planlines::cli {

QString checkText(const QJsonObject &result);
QJsonObject checkSummary(const std::vector<QJsonObject> &results);
QString checkSummaryText(const QJsonObject &summary);
// One row per site; quoted as RFC 4180, UTF-8 with a BOM so spreadsheet programs read Chinese.
QByteArray checkCsv(const std::vector<QJsonObject> &results);
QString recordListText(const std::vector<geodata::check::CheckRecord> &records);

} // namespace planlines::cli
