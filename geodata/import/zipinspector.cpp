#include "zipinspector.h"

#include "../error.h"

#include <algorithm>
#include <fstream>

namespace planlines::geodata::import {

namespace {

std::uint64_t le(const unsigned char *p, int bytes)
{
    std::uint64_t v = 0;
    for (int i = bytes - 1; i >= 0; --i)
        v = (v << 8) | p[i];
    return v;
}

class Reader
{
public:
    explicit Reader(const std::string &path) : m_path(path), m_in(path, std::ios::binary)
    {
        if (!m_in)
            throw Error("cannot open the zip file", path);
        m_in.seekg(0, std::ios::end);
        m_size = static_cast<std::uint64_t>(m_in.tellg());
    }
    std::uint64_t size() const { return m_size; }
    std::vector<unsigned char> read(std::uint64_t offset, std::uint64_t length)
    {
        if (offset > m_size || length > m_size - offset)
            throw Error("not a valid zip archive (directory points outside the file)", m_path);
        std::vector<unsigned char> buf(length);
        m_in.seekg(static_cast<std::streamoff>(offset));
        m_in.read(reinterpret_cast<char *>(buf.data()), static_cast<std::streamsize>(length));
        if (!m_in)
            throw Error("cannot read the zip file", m_path);
        return buf;
    }

private:
    std::string m_path;
    std::ifstream m_in;
    std::uint64_t m_size = 0;
};

bool unsafeName(const std::string &name)
{
    if (name.empty() || name[0] == '/' || name[0] == '\\' || (name.size() > 1 && name[1] == ':'))
        return true;
    std::string part;
    for (size_t i = 0; i <= name.size(); ++i) {
        if (i == name.size() || name[i] == '/' || name[i] == '\\') {
            if (part == "..")
                return true;
            part.clear();
        } else {
            part += name[i];
        }
    }
    return name.find('\0') != std::string::npos;
}

} // namespace

std::vector<ZipEntry> ZipInspector::inspect(const std::string &path)
{
    Reader r(path);
    const std::uint64_t size = r.size();
    if (size < 22)
        throw Error("not a zip archive (too short)", path);
    // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
    const std::uint64_t tail = std::min<std::uint64_t>(size, 22 + 65535);
    const auto end = r.read(size - tail, tail);
    std::int64_t eocd = -1;
    for (std::int64_t i = static_cast<std::int64_t>(tail) - 22; i >= 0; --i)
        if (le(&end[static_cast<size_t>(i)], 4) == 0x06054b50) {
            eocd = i;
            break;
        }
    if (eocd < 0)
        throw Error("not a zip archive (no central directory)", path);
    const unsigned char *e = &end[static_cast<size_t>(eocd)];
    std::uint64_t count = le(e + 10, 2), cdSize = le(e + 12, 4), cdOffset = le(e + 16, 4);
    if (count == 0xFFFF || cdSize == 0xFFFFFFFF || cdOffset == 0xFFFFFFFF) {
        // ZIP64: the locator precedes the classic record and points at the ZIP64 record.
        const std::uint64_t eocdAbs = size - tail + static_cast<std::uint64_t>(eocd);
        if (eocdAbs < 20)
            throw Error("not a valid zip archive (ZIP64 locator missing)", path);
        const auto loc = r.read(eocdAbs - 20, 20);
        if (le(loc.data(), 4) != 0x07064b50)
            throw Error("not a valid zip archive (ZIP64 locator missing)", path);
        const auto rec = r.read(le(loc.data() + 8, 8), 56);
        if (le(rec.data(), 4) != 0x06064b50)
            throw Error("not a valid zip archive (ZIP64 record missing)", path);
        count = le(rec.data() + 32, 8);
        cdSize = le(rec.data() + 40, 8);
        cdOffset = le(rec.data() + 48, 8);
    }
    if (count > kMaxEntries)
        throw Error("the zip archive holds " + std::to_string(count) + " entries (more than " +
                        std::to_string(kMaxEntries) + ")",
                    path);
    const auto cd = r.read(cdOffset, cdSize);

    std::vector<ZipEntry> entries;
    std::uint64_t totalIn = 0, totalOut = 0;
    size_t p = 0;
    for (std::uint64_t n = 0; n < count; ++n) {
        if (p + 46 > cd.size() || le(&cd[p], 4) != 0x02014b50)
            throw Error("not a valid zip archive (damaged central directory)", path);
        const unsigned char *h = &cd[p];
        const auto flags = le(h + 8, 2);
        ZipEntry entry;
        entry.compressedSize = le(h + 20, 4);
        entry.uncompressedSize = le(h + 24, 4);
        const size_t nameLen = le(h + 28, 2), extraLen = le(h + 30, 2), commentLen = le(h + 32, 2);
        if (p + 46 + nameLen + extraLen + commentLen > cd.size())
            throw Error("not a valid zip archive (damaged central directory)", path);
        entry.name.assign(reinterpret_cast<const char *>(h + 46), nameLen);
        // ZIP64 extra field: 64-bit sizes replace the 0xFFFFFFFF placeholders, in this order.
        for (size_t x = 0; x + 4 <= extraLen;) {
            const unsigned char *f = h + 46 + nameLen + x;
            const size_t id = le(f, 2), len = le(f + 2, 2);
            if (id == 0x0001) {
                size_t q = 4;
                if (entry.uncompressedSize == 0xFFFFFFFF && q + 8 <= 4 + len)
                    entry.uncompressedSize = le(f + q, 8), q += 8;
                if (entry.compressedSize == 0xFFFFFFFF && q + 8 <= 4 + len)
                    entry.compressedSize = le(f + q, 8);
            }
            x += 4 + len;
        }
        p += 46 + nameLen + extraLen + commentLen;

        const std::string where = path + ", entry " + entry.name;
        if (unsafeName(entry.name))
            throw Error("unsafe path in the zip archive (absolute or containing '..')", where);
        if (flags & 1)
            throw Error("encrypted zip entries are not supported", where);
        if (entry.uncompressedSize >= kRatioFloor &&
            static_cast<double>(entry.uncompressedSize) >
                kMaxRatio * static_cast<double>(std::max<std::uint64_t>(entry.compressedSize, 1)))
            throw Error("compression ratio above " + std::to_string(int(kMaxRatio)) +
                            ":1 (a zip bomb?)",
                        where);
        totalIn += entry.compressedSize;
        totalOut += entry.uncompressedSize;
        if (totalOut > kMaxTotalUncompressed)
            throw Error("the zip archive would expand to more than 4 GiB", path);
        entries.push_back(std::move(entry));
    }
    if (totalOut >= kRatioFloor &&
        static_cast<double>(totalOut) >
            kMaxRatio * static_cast<double>(std::max<std::uint64_t>(totalIn, 1)))
        throw Error("compression ratio above 200:1 (a zip bomb?)", path);
    return entries;
}

} // namespace planlines::geodata::import
