// Fuzz target: a MapInfo table (.tab .dat .map .id, or .mif .mid: in that order in the container
// of splitParts) through `planlines import`'s whole reading path; the .tab is imported when
// present, else the .mif.
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    planlines::fuzz::InputTimer timer;
    const auto parts = planlines::fuzz::splitParts(data, size, 6);
    if (parts[0].empty() && parts[4].empty())
        return 0; // neither .tab nor .mif: nothing to import
    const std::string dir =
        planlines::fuzz::writeInputs(parts, {".tab", ".dat", ".map", ".id", ".mif", ".mid"});
    planlines::fuzz::importAndRollBack(dir + (parts[0].empty() ? "/fuzz.mif" : "/fuzz.tab"));
    return 0;
}
