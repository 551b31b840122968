#include "textencoding.h"

#include "geodata/error.h"

#include <iconv.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace planlines::geodata::import {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Counts of what a scan of the bytes found.
struct Scan
{
    size_t malformed = 0;               // malformed sequences (resynchronising after each)
    size_t firstMalformed = size_t(-1); // byte offset of the first one
    size_t multibyte = 0;               // well-formed multibyte sequences
    bool beyondTwoBytes = false;        // UTF-8 only: a sequence of 3 or 4 bytes (U+0800 and up)

    void bad(size_t offset)
    {
        if (malformed++ == 0)
            firstMalformed = offset;
    }
};

unsigned char at(std::string_view s, size_t i)
{
    return static_cast<unsigned char>(s[i]);
}

bool isContinuation(unsigned char c)
{
    return (c & 0xC0) == 0x80;
}

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
Scan scanUtf8(std::string_view s)
{
    Scan r;
    size_t i = 0;
    while (i < s.size()) {
        const unsigned char c = at(s, i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        }
        bool ok = len != 0 && i + len <= s.size() && at(s, i + 1) >= lo && at(s, i + 1) <= hi;
        for (size_t k = 2; ok && k < len; ++k)
            ok = isContinuation(at(s, i + k));
        if (!ok) {
            r.bad(i);
            ++i;
            continue;
        }
        ++r.multibyte;
        r.beyondTwoBytes = r.beyondTwoBytes || len > 2;
        i += len;
    }
    return r;
}

// GBK/GB18030 byte structure: ASCII; lead 0x81-0xFE with trail 0x40-0x7E or 0x80-0xFE; or the
// GB18030 four-byte form (0x81-0xFE, 0x30-0x39, 0x81-0xFE, 0x30-0x39).
Scan scanGbk(std::string_view s)
{
    Scan r;
    size_t i = 0;
    auto lead = [](unsigned char c) { return c >= 0x81 && c <= 0xFE; };
    auto digit = [](unsigned char c) { return c >= 0x30 && c <= 0x39; };
    while (i < s.size()) {
        const unsigned char c = at(s, i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        if (lead(c) && i + 1 < s.size()) {
            const unsigned char t = at(s, i + 1);
            if ((t >= 0x40 && t <= 0x7E) || (t >= 0x80 && t <= 0xFE)) {
                ++r.multibyte;
                i += 2;
                continue;
            }
            if (digit(t) && i + 3 < s.size() && lead(at(s, i + 2)) && digit(at(s, i + 3))) {
                ++r.multibyte;
                i += 4;
                continue;
            }
        }
        r.bad(i);
        ++i;
    }
    return r;
}

bool isGbkFamily(const std::string &upper)
{
    return upper == "GBK" || upper == "CP936" || upper == "936" || upper == "GB2312" ||
           upper == "MS936" || upper == "WINDOWS-936";
}

std::string upperCase(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

// iconv's decoder for what staff and .cpg files call GBK: GB18030, a superset, so that any
// extension an exporter used still decodes.
std::string decoderName(const std::string &encoding)
{
    const std::string upper = upperCase(encoding);
    if (isGbkFamily(upper) || upper == "GB18030")
        return "GB18030";
    if (upper == "UTF8" || upper == "UTF-8")
        return "UTF-8";
    return encoding;
}

// iconv's encoder: strict GBK for the GBK family, so that a character a GBK reader cannot
// show is an error here rather than a GB18030 four-byte sequence there.
std::string encoderName(const std::string &encoding)
{
    const std::string upper = upperCase(encoding);
    if (isGbkFamily(upper))
        return "GBK";
    if (upper == "UTF8" || upper == "UTF-8")
        return "UTF-8";
    return encoding;
}

// An iconv conversion descriptor, closed on scope exit.
class Iconv
{
public:
    Iconv(const std::string &to, const std::string &from)
        : m_cd(iconv_open(to.c_str(), from.c_str()))
    {
    }
    ~Iconv()
    {
        if (valid())
            iconv_close(m_cd);
    }
    Iconv(const Iconv &) = delete;
    Iconv &operator=(const Iconv &) = delete;
    bool valid() const { return m_cd != reinterpret_cast<iconv_t>(-1); }
    iconv_t get() const { return m_cd; }

private:
    iconv_t m_cd;
};

// Converts with iconv; on failure throws `invalid` (what an unconvertible sequence is) with the
// byte offset in the input.
std::string convert(std::string_view in, const std::string &to, const std::string &from,
                    const std::string &invalid, const std::string &context)
{
    Iconv cd(to, from);
    if (!cd.valid())
        throw Error("unknown text encoding (iconv cannot convert " + from + " to " + to + ")",
                    context);
    std::string out;
    out.resize(in.size() * 2 + 16);
    // iconv takes char** for the input although it never writes through it.
    char *inPtr = const_cast<char *>(in.data());
    size_t inLeft = in.size();
    size_t outUsed = 0;
    while (inLeft > 0) {
        char *outPtr = out.data() + outUsed;
        size_t outLeft = out.size() - outUsed;
        const size_t rc = iconv(cd.get(), &inPtr, &inLeft, &outPtr, &outLeft);
        outUsed = out.size() - outLeft;
        if (rc != size_t(-1))
            break;
        const size_t offset = static_cast<size_t>(inPtr - in.data());
        if (errno == E2BIG) {
            out.resize(out.size() * 2);
            continue;
        }
        if (errno == EILSEQ)
            throw Error(invalid + " at byte offset " + std::to_string(offset), context);
        if (errno == EINVAL)
            throw Error(invalid + " (incomplete) at byte offset " + std::to_string(offset) +
                            " (end of input)",
                        context);
        throw Error(std::string("iconv failed: ") + std::strerror(errno) + " at byte offset " +
                        std::to_string(offset),
                    context);
    }
    out.resize(outUsed);
    return out;
}

} // namespace

EncodingGuess detectEncoding(std::string_view bytes)
{
    if (bytes.starts_with(kUtf8Bom)) {
        const Scan u = scanUtf8(bytes.substr(kUtf8Bom.size()));
        if (u.malformed == 0)
            return {"UTF-8", true, "UTF-8 byte-order mark"};
        return {"UTF-8", false,
                "UTF-8 byte-order mark, but invalid UTF-8 at byte offset " +
                    std::to_string(u.firstMalformed + kUtf8Bom.size())};
    }
    const Scan u = scanUtf8(bytes);
    const Scan g = scanGbk(bytes);
    if (u.malformed == 0 && u.multibyte == 0)
        return {"UTF-8", false, "ASCII only"};
    if (u.malformed == 0) {
        // Two-byte UTF-8 (Latin, Greek, Cyrillic…) is also what short GBK text often looks like
        // (GBK 路 = C2 B7 is UTF-8 U+00B7 ·); three-byte UTF-8 (CJK) rarely is.
        if (g.malformed == 0 && !u.beyondTwoBytes)
            return {"UTF-8", false,
                    "valid UTF-8 with only 2-byte sequences (no CJK); also well-formed GBK"};
        return {"UTF-8", true,
                "valid UTF-8 with " + std::to_string(u.multibyte) + " multibyte sequences"};
    }
    const std::string utf8Error =
        "invalid UTF-8 at byte offset " + std::to_string(u.firstMalformed);
    if (g.malformed == 0)
        return {"GBK", true,
                utf8Error + "; well-formed GBK with " + std::to_string(g.multibyte) +
                    " double-byte characters"};
    const std::string both = utf8Error + " (" + std::to_string(u.malformed) +
                             " malformed sequences); invalid GBK at byte offset " +
                             std::to_string(g.firstMalformed) + " (" + std::to_string(g.malformed) +
                             " malformed sequences)";
    if (u.malformed < g.malformed)
        return {"UTF-8", false, "neither encoding fits; fewer UTF-8 errors: " + both};
    return {"GBK", false, "neither encoding fits; no fewer GBK errors: " + both};
}

std::string toUtf8(std::string_view bytes, const std::string &encoding)
{
    const std::string name = decoderName(encoding);
    if (name == "UTF-8") {
        size_t skipped = 0;
        if (bytes.starts_with(kUtf8Bom)) {
            bytes.remove_prefix(kUtf8Bom.size());
            skipped = kUtf8Bom.size();
        }
        const Scan u = scanUtf8(bytes);
        if (u.malformed != 0)
            throw Error("invalid UTF-8 byte sequence at byte offset " +
                            std::to_string(u.firstMalformed + skipped),
                        "decoding UTF-8");
        return std::string(bytes);
    }
    return convert(bytes, "UTF-8", name, "invalid " + encoding + " byte sequence",
                   "decoding " + encoding);
}

TextDecoder::TextDecoder(const std::string &encoding) : m_encoding(encoding)
{
    const std::string name = decoderName(encoding);
    m_utf8 = name == "UTF-8";
    if (m_utf8)
        return;
    iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (cd == reinterpret_cast<iconv_t>(-1))
        throw Error("unknown text encoding (iconv cannot convert " + name + " to UTF-8)",
                    "decoding " + encoding);
    m_cd = cd;
}

TextDecoder::~TextDecoder()
{
    if (m_cd)
        iconv_close(static_cast<iconv_t>(m_cd));
}

std::string TextDecoder::decode(std::string_view bytes)
{
    bool ascii = true;
    for (char c : bytes)
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii)
        return std::string(bytes);
    if (m_utf8) {
        if (scanUtf8(bytes).malformed == 0)
            return std::string(bytes);
    }
    std::string out;
    bool replaced = false;
    if (m_utf8) {
        // Keep the valid sequences, replace each malformed byte.
        for (size_t i = 0; i < bytes.size();) {
            size_t n = 1;
            const auto c = static_cast<unsigned char>(bytes[i]);
            if (c >= 0xC2 && c <= 0xF4)
                n = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            if (c >= 0x80 &&
                (n == 1 || i + n > bytes.size() || scanUtf8(bytes.substr(i, n)).malformed != 0)) {
                out += "\xEF\xBF\xBD";
                replaced = true;
                ++i;
                continue;
            }
            out.append(bytes.substr(i, n));
            i += n;
        }
    } else {
        auto cd = static_cast<iconv_t>(m_cd);
        iconv(cd, nullptr, nullptr, nullptr, nullptr); // initial shift state
        out.resize(bytes.size() * 2 + 8);
        char *in = const_cast<char *>(bytes.data());
        size_t inLeft = bytes.size();
        size_t used = 0;
        while (inLeft > 0) {
            char *o = out.data() + used;
            size_t oLeft = out.size() - used;
            const size_t rc = iconv(cd, &in, &inLeft, &o, &oLeft);
            used = out.size() - oLeft;
            if (rc != size_t(-1))
                break;
            if (errno == E2BIG) {
                out.resize(out.size() * 2);
                continue;
            }
            // EILSEQ or EINVAL (truncated at the end, as fixed-width DBF fields cut text):
            // one byte becomes U+FFFD and decoding goes on after it.
            if (out.size() - used < 3)
                out.resize(out.size() + 16);
            std::memcpy(out.data() + used, "\xEF\xBF\xBD", 3);
            used += 3;
            ++in;
            --inLeft;
            replaced = true;
            iconv(cd, nullptr, nullptr, nullptr, nullptr);
        }
        out.resize(used);
    }
    m_replaced += replaced ? 1 : 0;
    return out;
}

std::string fromUtf8(std::string_view utf8, const std::string &encoding)
{
    const Scan u = scanUtf8(utf8);
    if (u.malformed != 0)
        throw Error("invalid UTF-8 byte sequence at byte offset " +
                        std::to_string(u.firstMalformed),
                    "encoding " + encoding);
    const std::string name = encoderName(encoding);
    if (name == "UTF-8")
        return std::string(utf8);
    // The input is valid UTF-8, so iconv stops only at a character the encoding lacks.
    return convert(utf8, name, "UTF-8", "a character with no " + encoding + " code",
                   "encoding " + encoding);
}

} // namespace planlines::geodata::import
