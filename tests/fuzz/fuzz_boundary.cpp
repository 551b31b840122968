// Fuzz target: the boundary coordinate file (界址点坐标文件) reader, BoundaryFile::fromBytes
// (encoding detection, header, parcels, rings, geometry). Its contract: geodata::Error or a
// result; any other exception escapes and counts as a crash.
#include "fuzzsupport.h"

#include <geodata/error.h>
#include <geodata/import/boundaryfile.h>

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    planlines::fuzz::InputTimer timer;
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    try {
        const auto file = planlines::geodata::import::BoundaryFile::fromBytes(bytes, "fuzz.txt");
        double area = 0;
        for (const auto &parcel : file.parcels)
            area += parcel.area().areaM2;
        if (std::getenv("PLANLINES_FUZZ_VERBOSE"))
            std::fprintf(stderr, "%zu parcels, %.2f m², %zu warnings\n", file.parcels.size(), area,
                         file.warnings.size());
    } catch (const planlines::geodata::Error &e) {
        if (std::getenv("PLANLINES_FUZZ_VERBOSE"))
            std::fprintf(stderr, "%s\n", e.what());
    }
    return 0;
}
