// What an import did, per file and layer: read, written, repaired, rejected (feature id and
// reason), the encoding, CRS and role decided and how, the transformation, the time taken.
// Printed by the CLI (toText, toJson) and shown by the GUI.
#pragma once

#include <QJsonObject>

#include <cstdint>
#include <string>
#include <vector>

namespace planlines::geodata::import {

struct FeatureIssue
{
    std::int64_t fid = -1;
    std::string reason;
};

struct LayerReport
{
    std::string sourceLayer; // layer name in the file (DLTB)
    std::string name;        // registry name it was written as
    std::string table;
    std::string role;       // role id
    std::string roleReason; // "layer name DLTB", "--role"
    std::string geometryType;
    std::string encoding, encodingHow, encodingDetail;
    bool encodingCertain = true;
    std::string sourceCrs, crsHow, crsDetail;
    std::string transformation; // PROJ's operation, or "none (already in the working CRS)"
    std::int64_t read = 0, written = 0;
    std::vector<FeatureIssue> repaired, rejected;
    // Things to check that did not stop the import (a declared area that disagrees with the
    // boundary's); fid -1 when about no feature in particular.
    std::vector<FeatureIssue> warnings;
    int version = 0; // version written (1: new layer)
    double seconds = 0;
    std::string error; // set when the layer failed (and the file rolled back)
    QJsonObject toJson() const;
};

struct FileReport
{
    std::string file;
    std::string driver;
    bool ok = false;
    std::string error; // file-level failure: nothing of this file was written
    std::vector<LayerReport> layers;
    // What was left out of the file and why ("skipped table layer_styles: no geometry").
    std::vector<std::string> notes;
    double seconds = 0;
    std::int64_t rejectedCount() const;
    QJsonObject toJson() const;
};

struct ImportReport
{
    std::vector<FileReport> files;
    // True when every file imported and no feature was rejected.
    bool clean() const;
    QJsonObject toJson() const;
    std::string toText() const;
};

} // namespace planlines::geodata::import
