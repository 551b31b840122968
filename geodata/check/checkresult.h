// One site's check: what was asked (inputs), what was measured, each rule's finding and the
// overall verdict (不符合 fail / 需关注 attention / 符合 pass), as the JSON staff and the
// report read. The JSON is deterministic: the same inputs on the same layer and rule versions
// give the same bytes (the record id is added beside it, never inside the stored result).
#pragma once

#include "measurement.h"
#include "ruleset.h"

#include <QJsonObject>

#include <cstdint>
#include <string>
#include <vector>

namespace planlines::geodata::check {

struct CheckResult
{
    SiteInputs inputs;
    std::vector<unsigned char> inputWkb; // the site as given (before any repair), working CRS
    Measurement measurement;
    std::vector<RuleResult> rules;
    Status verdict = Status::Pass;
    std::string error;      // non-empty: the site could not be checked (batch runs go on)
    bool cancelled = false; // the batch was cancelled before this site (error says so too)
    std::int64_t recordId = 0;
    // toJsonText(engine provenance), written by the engine on the worker thread that checked
    // the site (empty for a result that failed).
    std::string jsonText;
    // jsonText as the record stores it (CheckRecords::pack), also made on the worker thread.
    std::vector<unsigned char> packedJson;
    // jsonText parsed, or packedJson unpacked once dropDetail() has freed the text (toJson for
    // a failed site).
    QJsonObject jsonObject(const QJsonObject &provenance) const;

    bool ok() const { return error.empty(); }
    // Frees what the packed JSON already holds and a batch's lines and summary do not use: the
    // features of every overlap and rule, the rules' texts, the 地类 rows and the JSON text
    // itself (areas, rule ids and statuses, and the site stay). toJson() is incomplete
    // afterwards; jsonObject() unpacks.
    void dropDetail();
    // The stored result (no record id).
    QJsonObject toJson(const QJsonObject &provenance) const;
    // The same document as compact text, written directly (checkjsonwriter.cpp): what the
    // engine stores. provenanceMembers: the provenance object's members without braces.
    std::string toJsonText(const std::string &provenanceMembers) const;
    // The same text appended to `text` (a worker's buffer, reused from site to site).
    void writeJsonText(std::string &text, const std::string &provenanceMembers) const;
};

// Rounds to 0.01 (m²) or 1e-6 (shares) so stored JSON reads cleanly and compares exactly.
double round2(double v);

} // namespace planlines::geodata::check
