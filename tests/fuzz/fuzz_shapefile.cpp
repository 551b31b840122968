// Fuzz target: a Shapefile set (.shp .shx .dbf .prj .cpg, in that order in the container of
// splitParts) through `planlines import`'s whole reading path, the set's integrity guard and
// encoding decision included.
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    planlines::fuzz::InputTimer timer;
    const auto parts = planlines::fuzz::splitParts(data, size, 5);
    if (parts[0].empty())
        return 0; // no .shp: nothing to import
    const std::string dir =
        planlines::fuzz::writeInputs(parts, {".shp", ".shx", ".dbf", ".prj", ".cpg"});
    planlines::fuzz::importAndRollBack(dir + "/fuzz.shp");
    return 0;
}
