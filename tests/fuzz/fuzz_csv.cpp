// Fuzz target: a CSV file (.csv) through `planlines import`'s whole reading path.
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    planlines::fuzz::InputTimer timer;
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const std::string dir = planlines::fuzz::writeInputs({bytes}, {".csv"}, true);
    planlines::fuzz::importAndRollBack(dir + "/fuzz.csv");
    return 0;
}
