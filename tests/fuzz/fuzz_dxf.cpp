// Fuzz target: a DXF file (.dxf) through `planlines import`'s whole reading path.
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    planlines::fuzz::InputTimer timer;
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    const std::string dir = planlines::fuzz::writeInputs({bytes}, {".dxf"}, true);
    planlines::fuzz::importAndRollBack(dir + "/fuzz.dxf");
    return 0;
}
