// Fuzz target: the check's site reader, SiteReader::fromFile on the template project. The first
// byte picks the file's kind (GeoJSON, KML, boundary coordinate file, CSV), the rest is the file.
// Its contract: geodata::Error or a batch; any other exception escapes and counts as a crash.
#include "fuzzsupport.h"

#include <geodata/check/sitereader.h>
#include <geodata/error.h>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    planlines::fuzz::InputTimer timer;
    if (size == 0)
        return 0;
    static const std::string kinds[] = {".geojson", ".kml", ".txt", ".csv"};
    const std::string &ext = kinds[data[0] % 4];
    const std::string_view bytes(reinterpret_cast<const char *>(data + 1), size - 1);
    const std::string dir = planlines::fuzz::writeInputs({bytes}, {ext}, true);
    try {
        const auto batch = planlines::geodata::check::SiteReader::fromFile(
            planlines::fuzz::templateProject(), dir + "/fuzz" + ext);
        if (std::getenv("PLANLINES_FUZZ_VERBOSE"))
            std::fprintf(stderr, "%s: %zu sites, %zu rejected\n", ext.c_str(), batch.sites.size(),
                         batch.rejected.size());
    } catch (const planlines::geodata::Error &e) {
        if (std::getenv("PLANLINES_FUZZ_VERBOSE"))
            std::fprintf(stderr, "%s: %s\n", ext.c_str(), e.what());
    }
    return 0;
}
