// The record of every check (留痕): the site geometry as given, the inputs, the layer and
// rule-file versions, the result JSON, when and by whom; written with its audit row in one
// transaction, listed and reopened by id. A reopened record can be re-run: the same inputs on
// the same versions give the same result.
#pragma once

#include "checkresult.h"

#include "../project.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace planlines::geodata::check {

struct CheckRecord
{
    std::int64_t id = 0;
    std::string createdAt, createdBy, siteName, verdict, rulesVersion, rulesChecksum, batchId;
    std::vector<unsigned char> siteWkb;
    QJsonObject inputs, layerVersions, result;
};

// How a site checked again compares with its record (`check --record`, 打开记录).
struct RecordMatch
{
    enum Kind
    {
        Same,        // byte for byte the stored result
        OlderFormat, // the record, from an earlier PlanLines, lacks members the result now
                     // holds (added), and every member it has is the same
        Differs      // a member the record holds has another value now (differsAt)
    };
    Kind kind = Same;
    QStringList added; // "landuse_detail", "results[].source" …, each once
    QString differsAt; // the first member that differs, "overlaps[2].area_m2"
    bool reproduced() const { return kind != Differs; }
};

class CheckRecords
{
public:
    // Stores each ok result (and sets its recordId) with one audit row each, all in one
    // transaction; results with an error are not stored. batchId '' for a single check.
    // resultJson, when given, holds each result's toJson(provenance) already built (one per
    // result, same order), so a batch builds its JSON once.
    static void store(Project &project, std::vector<CheckResult> &results,
                      const QJsonObject &provenance, const std::string &batchId = {},
                      const std::vector<QJsonObject> *resultJson = nullptr);
    static std::vector<CheckRecord> list(Project &project, int limit = 100);
    static std::optional<CheckRecord> load(Project &project, std::int64_t id);
    // The newest record of a check of this site that did not end in an error.
    static std::optional<CheckRecord> latestFor(Project &project, const std::string &siteName);
    static QJsonObject inputsJson(const SiteInputs &in);
    // The stored form of a result document (check_records.result_zstd): a zstd frame of the
    // UTF-8 text, level 1. unpack throws Error for a value that is not such a frame.
    static std::vector<unsigned char> pack(std::string_view json);
    static std::string unpack(std::span<const unsigned char> packed);
    static SiteInputs inputsFrom(const QJsonObject &o);
    // The stored result against the same site checked again (both as jsonObject writes them).
    static RecordMatch compare(const QJsonObject &stored, const QJsonObject &again);
};

} // namespace planlines::geodata::check
