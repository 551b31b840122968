// Which encoding a Shapefile's attribute text is in: the .cpg when there is one, else the
// .dbf's language-driver byte, else a guess from the text bytes themselves (GBK or UTF-8),
// unless a person overrides it. The result becomes the ENCODING open option, so GDAL hands
// every attribute over as UTF-8.
#pragma once

#include <optional>
#include <string>

namespace planlines::geodata::import {

struct EncodingDecision
{
    std::string encoding; // a GDAL/iconv name: "CP936", "UTF-8", "ISO-8859-1", …
    std::string how;      // "cpg", "dbf", "detected", "override", "format"
    bool certain = true;
    std::string detail; // what a person reads: "from the .cpg file (936)"
};

class ShapefileEncoding
{
public:
    // shpPath is a GDAL path (plain or /vsizip/…) ending in .shp. Throws geodata::Error when
    // the .dbf cannot be read.
    static EncodingDecision decide(const std::string &shpPath,
                                   const std::optional<std::string> &override);
    // For text formats that declare no encoding (CSV): the override, else GBK or UTF-8
    // detected from the first MiB of the file (a GDAL path).
    static EncodingDecision decideText(const std::string &path,
                                       const std::optional<std::string> &override);
    // Canonical spelling of what a person or a .cpg says: "936"/"GBK"/"GB2312" → "CP936".
    static std::string normalise(const std::string &name);
};

} // namespace planlines::geodata::import
