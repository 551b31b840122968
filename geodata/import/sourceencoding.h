// How the attribute text of one source unit is read, decided once for everyone who reads it
// (FileImporter, the check's SiteReader): the encoding (ShapefileEncoding: .cpg, .dbf language
// byte, detection or --encoding), the GDAL open options that make GDAL hand the text over
// undecoded, and the encoding to decode it from.
#pragma once

#include "shapefileencoding.h"
#include "sourcelocator.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planlines::geodata::import {

struct SourceEncoding
{
    EncodingDecision decision{"UTF-8", "format", true, "as the format declares"};
    std::vector<std::string> openOptions; // for SourceLocator::open
    std::string rawEncoding;              // text arrives undecoded in this ("" = UTF-8)

    // A Shapefile: decide() and raw DBF bytes; a CSV: decideText() (GDAL passes its bytes
    // through); any other format: UTF-8 as GDAL gives it. Throws geodata::Error when the
    // .dbf or the file cannot be read.
    static SourceEncoding of(const SourceUnit &unit, const std::optional<std::string> &override);

    // One value decoded strictly (toUtf8): text that is not valid in the encoding throws
    // geodata::Error naming the encoding and the byte offset. UTF-8 is checked, not trusted.
    std::string decodeStrict(std::string_view bytes) const;
};

} // namespace planlines::geodata::import
