// Text encodings of imported files: Chinese GIS data arrives as UTF-8 or as GBK (CP936), often
// with nothing saying which. detectEncoding() guesses from the bytes; toUtf8() decodes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace planlines::geodata::import {

// What detectEncoding() concluded about a byte string.
struct EncodingGuess
{
    std::string name; /* "UTF-8" or "GBK" */
    bool certain = false;
    std::string reason;
};

// Guesses the encoding of bytes (a leading UTF-8 byte-order mark counts as UTF-8, certain):
// - valid UTF-8 with multibyte sequences: "UTF-8", certain (not certain when the same bytes are
//   also well-formed GBK and hold only 2-byte UTF-8 sequences, i.e. no CJK in UTF-8 terms);
// - not UTF-8 but well-formed GBK/GB18030: "GBK", certain;
// - ASCII only: "UTF-8", not certain ("ASCII only");
// - neither: whichever has fewer malformed sequences (GBK on a tie), not certain.
EncodingGuess detectEncoding(std::string_view bytes);

// Decodes bytes in encoding (any iconv name; "GBK", "CP936", "936", "GB2312" and "GB18030"
// all decode as GB18030, a superset) to UTF-8. A leading UTF-8 BOM is dropped. Throws
// geodata::Error naming the encoding and the byte offset of the first invalid sequence.
std::string toUtf8(std::string_view bytes, const std::string &encoding);

// Decodes many short strings in one encoding (attribute values of a whole layer): keeps one
// iconv descriptor, returns ASCII untouched without calling iconv, and replaces an invalid
// sequence with U+FFFD instead of failing, counting the values where it did.
class TextDecoder
{
public:
    explicit TextDecoder(const std::string &encoding); // throws for an unknown encoding
    ~TextDecoder();
    TextDecoder(const TextDecoder &) = delete;
    TextDecoder &operator=(const TextDecoder &) = delete;
    std::string decode(std::string_view bytes);
    const std::string &encoding() const { return m_encoding; }
    std::int64_t replacedValues() const { return m_replaced; }

private:
    std::string m_encoding;
    void *m_cd = nullptr; // iconv_t
    bool m_utf8 = false;
    std::int64_t m_replaced = 0;
};

// toUtf8's inverse: encodes UTF-8 text in encoding ("UTF-8" returns it unchanged; the GBK names
// encode strict GBK, "GB18030" GB18030). Throws geodata::Error naming the encoding and the byte
// offset (in utf8) of invalid UTF-8 or of a character the encoding cannot represent.
std::string fromUtf8(std::string_view utf8, const std::string &encoding);

} // namespace planlines::geodata::import
