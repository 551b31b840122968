#include "sourceencoding.h"

#include "textencoding.h"

namespace planlines::geodata::import {

SourceEncoding SourceEncoding::of(const SourceUnit &unit,
                                  const std::optional<std::string> &override)
{
    SourceEncoding e;
    if (unit.shapefile) {
        e.decision = ShapefileEncoding::decide(unit.gdalPath, override);
        // GDAL reads the DBF undecoded and the reader decodes with one converter.
        e.openOptions.push_back("ENCODING=");
        e.rawEncoding = e.decision.encoding;
    } else if (unit.driver == "CSV" || unit.driver == "CSV-XY") {
        // GDAL's CSV driver passes bytes through: GBK text is decoded by the reader.
        e.decision = ShapefileEncoding::decideText(unit.gdalPath, override);
        if (e.decision.encoding != "UTF-8")
            e.rawEncoding = e.decision.encoding;
    }
    return e;
}

std::string SourceEncoding::decodeStrict(std::string_view bytes) const
{
    return toUtf8(bytes, rawEncoding.empty() ? std::string("UTF-8") : rawEncoding);
}

} // namespace planlines::geodata::import
