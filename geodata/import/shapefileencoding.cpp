#include "shapefileencoding.h"

#include "textencoding.h"

#include "../error.h"

#include <cpl_vsi.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <vector>

namespace planlines::geodata::import {

namespace {

struct VsiCloser
{
    void operator()(VSILFILE *f) const { VSIFCloseL(f); }
};
using VsiFile = std::unique_ptr<VSILFILE, VsiCloser>;

VsiFile openSibling(const std::string &shpPath, const char *lowerExt, const char *upperExt)
{
    const std::string stem = shpPath.substr(0, shpPath.size() - 4);
    for (const char *ext : {lowerExt, upperExt})
        if (VSILFILE *f = VSIFOpenL((stem + ext).c_str(), "rb"))
            return VsiFile(f);
    return {};
}

std::string readUpTo(VSILFILE *f, size_t bytes)
{
    std::string s(bytes, '\0');
    s.resize(VSIFReadL(s.data(), 1, bytes, f));
    return s;
}

std::string trim(std::string s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    size_t i = 0;
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i])))
        ++i;
    return s.substr(i);
}

// The text of the character fields of the first records (at most ~256 KiB), NUL-free.
std::string dbfTextBytes(VSILFILE *f, const std::string &where)
{
    unsigned char header[32];
    if (VSIFReadL(header, 1, 32, f) != 32)
        throw Error("the .dbf is truncated (no header)", where);
    const size_t headerLen = header[8] | (header[9] << 8);
    const size_t recordLen = header[10] | (header[11] << 8);
    if (headerLen < 33 || recordLen < 1)
        throw Error("the .dbf header is damaged", where);
    struct Field
    {
        size_t offset, length;
    };
    std::vector<Field> textFields;
    size_t offset = 1; // the deletion flag
    for (size_t pos = 32; pos + 32 <= headerLen; pos += 32) {
        unsigned char d[32];
        if (VSIFSeekL(f, pos, SEEK_SET) != 0 || VSIFReadL(d, 1, 32, f) != 32 || d[0] == 0x0D)
            break;
        const size_t length = d[16];
        if (d[11] == 'C')
            textFields.push_back({offset, length});
        offset += length;
    }
    std::string text;
    if (textFields.empty())
        return text;
    const size_t records = std::max<size_t>(1, (256u << 10) / recordLen);
    std::string record(recordLen, '\0');
    VSIFSeekL(f, headerLen, SEEK_SET);
    for (size_t r = 0; r < records; ++r) {
        if (VSIFReadL(record.data(), 1, recordLen, f) != recordLen)
            break;
        for (const auto &field : textFields) {
            if (field.offset + field.length > recordLen)
                continue;
            const std::string value = trim(record.substr(field.offset, field.length));
            if (!value.empty())
                text += value + "\n";
        }
    }
    return text;
}

// A .cpg is a claim: text that is valid UTF-8 with Chinese characters is practically never
// GBK (and GBK that is not valid UTF-8 is never UTF-8), so when the bytes contradict the .cpg
// they win, and the decision says so (not certain: the report warns).
EncodingDecision checkedCpg(const std::string &cpg, const std::string &shpPath,
                            const std::string &dbfName)
{
    const std::string declared = ShapefileEncoding::normalise(cpg);
    EncodingDecision decision{declared, "cpg", true, "from the .cpg file (" + cpg + ")"};
    if (declared != "CP936" && declared != "UTF-8")
        return decision;
    auto dbf = openSibling(shpPath, ".dbf", ".DBF");
    if (!dbf)
        return decision; // refused later, with its own message
    const EncodingGuess guess = detectEncoding(dbfTextBytes(dbf.get(), dbfName));
    if (!guess.certain)
        return decision;
    if (declared == "CP936" && guess.name == "UTF-8")
        return {"UTF-8", "cpg", false,
                "the .cpg says " + cpg +
                    " (GBK), but the attribute text is valid UTF-8 holding Chinese characters, "
                    "which GBK text practically never is: read as UTF-8 (give --encoding GBK to "
                    "follow the .cpg)"};
    if (declared == "UTF-8" && guess.name == "GBK")
        return {"CP936", "cpg", false,
                "the .cpg says " + cpg +
                    ", but the attribute text is not valid UTF-8 and is well-formed GBK: read "
                    "as GBK (give --encoding UTF-8 to follow the .cpg)"};
    return decision;
}

} // namespace

std::string ShapefileEncoding::normalise(const std::string &name)
{
    std::string up = trim(name);
    std::transform(up.begin(), up.end(), up.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (up == "936" || up == "CP936" || up == "GBK" || up == "GB2312" || up == "GB18030" ||
        up == "ANSI 936" || up == "CP 936")
        return "CP936";
    if (up == "UTF8" || up == "UTF-8" || up == "65001")
        return "UTF-8";
    return up;
}

EncodingDecision ShapefileEncoding::decide(const std::string &shpPath,
                                           const std::optional<std::string> &override)
{
    if (override)
        return {normalise(*override), "override", true,
                "given by the user (" + normalise(*override) + ")"};
    const std::string dbfName = shpPath.substr(0, shpPath.size() - 4) + ".dbf";
    if (auto cpg = openSibling(shpPath, ".cpg", ".CPG")) {
        const std::string text = trim(readUpTo(cpg.get(), 64));
        if (!text.empty())
            return checkedCpg(text, shpPath, dbfName);
    }
    auto dbf = openSibling(shpPath, ".dbf", ".DBF");
    if (!dbf)
        throw Error("the Shapefile has no .dbf (attribute table)", dbfName);
    unsigned char header[32];
    if (VSIFReadL(header, 1, 32, dbf.get()) != 32)
        throw Error("the .dbf is truncated (no header)", dbfName);
    // Language-driver ids that name an encoding GDAL understands (0x4D: GBK).
    if (header[29] == 0x4D)
        return {"CP936", "dbf", true, "from the .dbf language driver (936)"};
    // Any other id (0x57 "ANSI", 0 unset) says nothing reliable: decide from the text.
    VSIFSeekL(dbf.get(), 0, SEEK_SET);
    const std::string bytes = dbfTextBytes(dbf.get(), dbfName);
    const EncodingGuess guess = detectEncoding(bytes);
    const std::string enc = guess.name == "GBK" ? "CP936" : "UTF-8";
    return {enc, "detected", guess.certain,
            "no .cpg; detected " + guess.name + " from the attribute text" +
                (guess.certain ? "" : " (not certain") +
                (guess.certain          ? ""
                 : guess.reason.empty() ? ")"
                                        : ": " + guess.reason + ")")};
}

EncodingDecision ShapefileEncoding::decideText(const std::string &path,
                                               const std::optional<std::string> &override)
{
    if (override)
        return {normalise(*override), "override", true,
                "given by the user (" + normalise(*override) + ")"};
    VsiFile f(VSIFOpenL(path.c_str(), "rb"));
    if (!f)
        throw Error("the file cannot be read", path);
    // The first MiB decides; a GBK character cut at the end counts as one malformed sequence.
    const std::string bytes = readUpTo(f.get(), 1 << 20);
    const EncodingGuess guess = detectEncoding(bytes);
    const std::string enc = guess.name == "GBK" ? "CP936" : "UTF-8";
    return {enc, "detected", guess.certain,
            "detected " + guess.name + " from the text" +
                (guess.certain          ? ""
                 : guess.reason.empty() ? " (not certain)"
                                        : " (not certain: " + guess.reason + ")")};
}

} // namespace planlines::geodata::import
