#include "shapefileintegrity.h"

#include "../error.h"

#include <cpl_vsi.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace planlines::geodata::import {

namespace {

struct VsiCloser
{
    void operator()(VSILFILE *f) const { VSIFCloseL(f); }
};
using VsiFile = std::unique_ptr<VSILFILE, VsiCloser>;

// A part of the Shapefile: the .shx / .SHX beside the .shp, opened, with its size.
struct Part
{
    std::string name; // "the .dbf"
    VsiFile file;
    std::uint64_t size = 0;
};

Part openPart(const std::string &shpPath, const char *ext, const char *upper)
{
    const std::string stem = shpPath.substr(0, shpPath.size() - 4);
    Part part{std::string("the ") + ext, nullptr, 0};
    for (const char *e : {ext, upper}) {
        VSIStatBufL st;
        if (VSIStatL((stem + e).c_str(), &st) != 0)
            continue;
        part.file.reset(VSIFOpenL((stem + e).c_str(), "rb"));
        part.size = static_cast<std::uint64_t>(st.st_size);
        if (part.file)
            break;
    }
    return part;
}

bool readAt(Part &p, std::uint64_t offset, void *buffer, std::size_t bytes)
{
    return VSIFSeekL(p.file.get(), offset, SEEK_SET) == 0 &&
           VSIFReadL(buffer, 1, bytes, p.file.get()) == bytes;
}

std::uint32_t bigEndian(const unsigned char *b)
{
    return (std::uint32_t(b[0]) << 24) | (std::uint32_t(b[1]) << 16) | (std::uint32_t(b[2]) << 8) |
           std::uint32_t(b[3]);
}

std::string n(std::uint64_t v)
{
    return std::to_string(v);
}

// The .shp and .shx: header lengths against file sizes, every .shx entry inside the .shp and
// no two entries at one record. Returns the number of shapes the .shx indexes.
std::uint64_t verifyShapes(Part &shp, Part &shx, const std::string &display)
{
    unsigned char header[100];
    if (shp.size < 100 || !readAt(shp, 0, header, 100))
        throw Error("the .shp is truncated (no 100-byte header)", display);
    const std::uint64_t shpDeclared = std::uint64_t(bigEndian(header + 24)) * 2;
    if (shp.size < shpDeclared)
        throw Error("the .shp is truncated: its header declares " + n(shpDeclared) +
                        " bytes, the file holds " + n(shp.size),
                    display);
    if (shx.size < 100 || !readAt(shx, 0, header, 100))
        throw Error("the .shx is truncated (no 100-byte header)", display);
    const std::uint64_t shxDeclared = std::uint64_t(bigEndian(header + 24)) * 2;
    if (shx.size < shxDeclared || (shx.size - 100) % 8 != 0)
        throw Error("the .shx is truncated: its header declares " + n(shxDeclared) +
                        " bytes, the file holds " + n(shx.size),
                    display);
    const std::uint64_t count = (shx.size - 100) / 8;
    // Entries in order of offset, as every writer makes them; only when they are not is
    // the whole index sorted to look for two entries at one record.
    std::vector<unsigned char> chunk(8 * 8192);
    std::uint64_t previous = 0;
    bool ordered = true;
    for (std::uint64_t i = 0; i < count;) {
        const std::uint64_t take = std::min<std::uint64_t>(8192, count - i);
        if (!readAt(shx, 100 + i * 8, chunk.data(), take * 8))
            throw Error("the .shx cannot be read", display);
        for (std::uint64_t k = 0; k < take; ++k, ++i) {
            const std::uint64_t offset = std::uint64_t(bigEndian(&chunk[k * 8])) * 2;
            const std::uint64_t length = std::uint64_t(bigEndian(&chunk[k * 8 + 4])) * 2;
            if (offset < 100 || offset + 8 + length > shp.size)
                throw Error("the .shx entry of shape " + n(i) +
                                " points beyond the end of the "
                                ".shp (offset " +
                                n(offset) + ", " + n(length) + " bytes; the .shp holds " +
                                n(shp.size) + "): one of them is truncated or damaged",
                            display);
            ordered = ordered && (i == 0 || offset > previous);
            previous = offset;
        }
    }
    if (ordered)
        return count;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> offsets; // offset, shape
    offsets.reserve(count);
    for (std::uint64_t i = 0; i < count;) {
        const std::uint64_t take = std::min<std::uint64_t>(8192, count - i);
        if (!readAt(shx, 100 + i * 8, chunk.data(), take * 8))
            throw Error("the .shx cannot be read", display);
        for (std::uint64_t k = 0; k < take; ++k, ++i)
            offsets.emplace_back(std::uint64_t(bigEndian(&chunk[k * 8])) * 2, i);
    }
    std::sort(offsets.begin(), offsets.end());
    for (std::size_t i = 1; i < offsets.size(); ++i)
        if (offsets[i].first == offsets[i - 1].first)
            throw Error("the .shx points shapes " + n(offsets[i - 1].second) + " and " +
                            n(offsets[i].second) + " at the same .shp record (offset " +
                            n(offsets[i].first) +
                            "): the index is damaged and would repeat one shape",
                        display);
    return count;
}

} // namespace

void ShapefileIntegrity::verify(const std::string &shpPath, OGRLayerH layer,
                                const std::string &display)
{
    Part shp = openPart(shpPath, ".shp", ".SHP");
    Part shx = openPart(shpPath, ".shx", ".SHX");
    Part dbf = openPart(shpPath, ".dbf", ".DBF");
    if (!shp.file || !shx.file || !dbf.file)
        throw Error(std::string("the Shapefile has no ") +
                        (!shp.file   ? ".shp"
                         : !shx.file ? ".shx (shape index)"
                                     : ".dbf") +
                        " that can be read",
                    display);
    const std::uint64_t shapes = verifyShapes(shp, shx, display);

    unsigned char header[32];
    if (dbf.size < 32 || !readAt(dbf, 0, header, 32))
        throw Error("the .dbf is truncated (no header)", display);
    const std::uint64_t records =
        header[4] | (header[5] << 8) | (header[6] << 16) | (std::uint64_t(header[7]) << 24);
    const std::uint64_t headerLength = header[8] | (header[9] << 8);
    const std::uint64_t recordLength = header[10] | (header[11] << 8);
    // The field descriptors, up to their 0x0D terminator, whatever the header length says.
    std::uint64_t fields = 0, width = 1; // the deletion flag
    for (std::uint64_t pos = 32;; pos += 32) {
        unsigned char d[32];
        // A header is at most 65 535 bytes long: past that there is no field list to find.
        if (pos > 65535 || pos + 1 > dbf.size || !readAt(dbf, pos, d, 1))
            throw Error("the .dbf is truncated (its field list has no end)", display);
        if (d[0] == 0x0D)
            break;
        if (!readAt(dbf, pos, d, 32))
            throw Error("the .dbf is truncated (its field list has no end)", display);
        ++fields;
        width += d[16];
    }
    const int gdalFields = OGR_FD_GetFieldCount(OGR_L_GetLayerDefn(layer));
    if (static_cast<std::uint64_t>(gdalFields) != fields)
        throw Error("the .dbf header is damaged: it describes " + n(fields) +
                        " fields, but its header length (" + n(headerLength) + " bytes) lets " +
                        std::to_string(gdalFields) + " of them be read",
                    display);
    // Some writers pad a record; fields wider than it would read the next record's bytes.
    if (width > recordLength)
        throw Error("the .dbf header is damaged: its fields take " + n(width) +
                        " bytes per record, its header says " + n(recordLength),
                    display);
    const std::uint64_t body = dbf.size > headerLength ? dbf.size - headerLength : 0;
    if (recordLength > 0 && body / recordLength < records)
        throw Error("the .dbf is truncated: its header declares " + n(records) +
                        " records, the file holds " + n(body / recordLength),
                    display);
    if (records != shapes)
        throw Error("the .dbf holds " + n(records) + " records but the .shx indexes " + n(shapes) +
                        " shapes: the parts do not belong together or one is damaged",
                    display);
}

} // namespace planlines::geodata::import
