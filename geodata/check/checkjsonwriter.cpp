// CheckResult::toJsonText: the same document as toJson(), written straight into a string. A
// check of a large site lists thousands of features; building them as QJsonObjects costs more
// than measuring them, so the engine writes the text and parses it only where a QJsonObject
// is needed.
#include "checkresult.h"

#include "../area.h"
#include "../error.h"
#include "../role.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace planlines::geodata::check {

namespace {

double round6(double v)
{
    return std::round(v * 1e6) / 1e6;
}

// Length of the well-formed UTF-8 sequence at s[i] (a byte >= 0x80 leads it), 0 when it is
// not one (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8Sequence(std::string_view s, std::size_t i)
{
    const auto b = [&](std::size_t k) {
        return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u;
    };
    const unsigned c = b(0);
    const auto cont = [&](std::size_t k) { return (b(k) & 0xC0u) == 0x80u; };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return b(1) >= lo && b(1) <= hi && cont(2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return b(1) >= lo && b(1) <= hi && cont(2) && cont(3) ? 4 : 0;
    }
    return 0;
}

// The text before an invalid byte, at most 48 bytes of it cut at a character boundary.
std::string validStart(std::string_view s, std::size_t invalidAt)
{
    std::size_t n = std::min<std::size_t>(invalidAt, 48);
    while (n > 0 && n < invalidAt && (static_cast<unsigned char>(s[n]) & 0xC0u) == 0x80u)
        --n;
    return std::string(s.substr(0, n));
}

class Writer
{
public:
    explicit Writer(std::string &text) : out(text) {}
    std::string &out;
    bool first = true;

    void open(char c)
    {
        comma();
        out += c;
        first = true;
    }
    void close(char c)
    {
        out += c;
        first = false;
    }
    void key(const char *k)
    {
        comma();
        out += '"';
        out += k;
        out += "\":";
        first = true; // the value follows without a comma
    }
    void str(std::string_view s)
    {
        comma();
        out += '"';
        std::size_t from = 0; // runs of characters that need no escape are appended whole
        for (std::size_t i = 0; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x80) {
                // Text that is not UTF-8 would make the whole document unreadable JSON (an
                // empty object where it is parsed): it is an error here, where it is written.
                const std::size_t n = utf8Sequence(s, i);
                if (n == 0)
                    throw Error("a text of the result is not valid UTF-8 (byte offset " +
                                    std::to_string(i) + " of \"" + validStart(s, i) + "…\")",
                                "check result");
                i += n - 1;
                continue;
            }
            if (c != '"' && c != '\\' && c >= 0x20)
                continue;
            out.append(s.data() + from, i - from);
            from = i + 1;
            if (c == '"' || c == '\\') {
                out += '\\';
                out += s[i];
            } else {
                static const char *hex = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            }
        }
        out.append(s.data() + from, s.size() - from);
        out += '"';
        first = false;
    }
    void num(double v)
    {
        comma();
        if (!std::isfinite(v)) {
            out += "null";
        } else {
            char buf[32];
            auto r = std::to_chars(buf, buf + sizeof buf, v);
            out.append(buf, r.ptr);
        }
        first = false;
    }
    // A value already rounded to 2 or 6 decimals (round2, round6), written as that decimal
    // with trailing zeros dropped: it reads back as exactly the same double (the nearest one
    // to k / 10^places), without the general shortest-form search of num().
    void dec2(double v) { dec(v, 100, 2); }
    void dec6(double v) { dec(v, 1000000, 6); }
    void dec(double v, std::int64_t scale, int places)
    {
        const double s = static_cast<double>(scale);
        const double k = std::round(v * s);
        if (!(std::abs(v) < 1e9) || k / s != v) {
            num(v);
            return;
        }
        comma();
        auto u = static_cast<std::int64_t>(k);
        if (u < 0) {
            out += '-';
            u = -u;
        }
        char buf[32];
        auto r = std::to_chars(buf, buf + sizeof buf, u / scale);
        out.append(buf, r.ptr);
        std::int64_t frac = u % scale;
        if (frac) {
            char digits[8];
            for (int i = places - 1; i >= 0; --i, frac /= 10)
                digits[i] = static_cast<char>('0' + frac % 10);
            int n = places;
            while (digits[n - 1] == '0')
                --n;
            out += '.';
            out.append(digits, static_cast<std::size_t>(n));
        }
        first = false;
    }
    void integer(std::int64_t v)
    {
        comma();
        char buf[24];
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
        first = false;
    }
    void boolean(bool b)
    {
        comma();
        out += b ? "true" : "false";
        first = false;
    }
    void raw(std::string_view s)
    {
        comma();
        out += s;
        first = false;
    }

private:
    void comma()
    {
        if (!first)
            out += ',';
        first = false;
    }
};

// Members in QJsonObject's order (sorted keys) so the text reads like Qt's own.
void area(Writer &w, double m2)
{
    w.key("area_ha");
    w.dec6(round6(m2ToHa(m2)));
    w.key("area_m2");
    w.dec2(round2(m2));
    w.key("area_mu");
    w.dec6(round6(m2ToMu(m2)));
}

// Which feature: code, fid, layer (the members between "class_name" and "list"/"name").
void identity(Writer &w, const FeatureHit &f)
{
    w.key("code");
    w.str(f.code);
    w.key("fid");
    w.integer(f.fid);
    w.key("layer");
    w.str(f.layer);
}

void feature(Writer &w, const FeatureHit &f, double site, bool unitExtras)
{
    w.open('{');
    area(w, f.areaM2);
    if (f.unitClass) {
        w.key("class");
        w.integer(f.unitClass);
    }
    if (unitExtras) {
        w.key("class_name");
        w.str(f.unitClass == 1   ? "优先保护单元"
              : f.unitClass == 2 ? "重点管控单元"
              : f.unitClass == 3 ? "一般管控单元"
                                 : "");
    }
    identity(w, f);
    if (unitExtras) {
        w.key("list");
        w.open('{');
        auto entries = f.listEntries;
        std::sort(entries.begin(), entries.end());
        for (const auto &[field, text] : entries) {
            w.key(field.c_str());
            w.str(text);
        }
        w.close('}');
    }
    w.key("name");
    w.str(f.name);
    w.key("share");
    w.dec6(round6(site > 0 ? f.areaM2 / site : 0));
    w.close('}');
}

// A rule's feature: which one (its areas are in the overlaps, control units or distances).
void featureRef(Writer &w, const FeatureHit &f)
{
    w.open('{');
    identity(w, f);
    w.key("name");
    w.str(f.name);
    w.close('}');
}

// "landuse_detail" and "location" (between "landuse" and "overlaps").
void landuseDetail(Writer &w, const Measurement &m)
{
    w.key("landuse_detail");
    w.open('[');
    for (const auto &row : m.landuseDetail) {
        w.open('{');
        w.key("area_m2");
        w.dec2(round2(row.areaM2));
        if (row.deductedM2 >= 0) {
            w.key("deducted_m2");
            w.dec2(round2(row.deductedM2));
        }
        w.key("dlbm");
        w.str(row.dlbm);
        w.key("dlmc");
        w.str(row.dlmc);
        w.key("gddb");
        w.str(row.gddb);
        w.key("parcels");
        w.integer(row.parcels);
        w.key("qsxz");
        w.str(row.qsxz);
        w.key("zldwmc");
        w.str(row.zldwmc);
        w.close('}');
    }
    w.close(']');
    w.key("location");
    w.open('{');
    w.key("townships");
    w.open('[');
    for (const auto &f : m.townships) {
        w.open('{');
        w.key("area_m2");
        w.dec2(round2(f.areaM2));
        identity(w, f);
        w.key("name");
        w.str(f.name);
        w.close('}');
    }
    w.close(']');
    w.key("villages");
    w.open('[');
    for (const auto &[name, m2] : m.villages()) {
        w.open('{');
        w.key("area_m2");
        w.dec2(round2(m2));
        w.key("name");
        w.str(name);
        w.close('}');
    }
    w.close(']');
    w.close('}');
}

// "farmland" (between "distances" and the provenance).
void farmland(Writer &w, const FarmlandSummary &f)
{
    w.key("farmland");
    w.open('{');
    w.key("by_grade");
    w.open('[');
    for (const auto &[grade, m2] : f.byGrade) {
        w.open('{');
        w.key("area_m2");
        w.dec2(round2(m2));
        w.key("gddb");
        w.str(grade);
        w.close('}');
    }
    w.close(']');
    w.key("cultivated_m2");
    w.dec2(round2(f.cultivatedM2));
    if (f.deductedM2 >= 0) {
        w.key("deducted_m2");
        w.dec2(round2(f.deductedM2));
    }
    w.key("paddy_m2");
    w.dec2(round2(f.paddyM2));
    w.key("parcels");
    w.integer(f.parcels);
    w.close('}');
}

std::string roleZh(const std::string &role)
{
    if (role == "cultivated")
        return "耕地";
    if (auto r = roleFromId(role))
        return std::string(roleLabelZh(*r));
    return role;
}

} // namespace

std::string CheckResult::toJsonText(const std::string &provenanceMembers) const
{
    std::string text;
    text.reserve(16384);
    writeJsonText(text, provenanceMembers);
    return text;
}

void CheckResult::writeJsonText(std::string &text, const std::string &provenanceMembers) const
{
    const Measurement &m = measurement;
    const double site = m.siteAreaM2;
    Writer w(text);
    w.open('{');
    if (!error.empty()) {
        if (!provenanceMembers.empty())
            w.raw(provenanceMembers);
        w.key("site");
        w.open('{');
        area(w, site);
        w.key("applicant");
        w.str(inputs.applicant);
        w.key("code");
        w.str(inputs.code);
        w.key("error");
        w.str(error);
        w.key("industry");
        w.str(inputs.industry);
        w.key("industry_name");
        w.str(inputs.industryName);
        w.key("name");
        w.str(inputs.name);
        w.key("source");
        w.str(inputs.source);
        w.key("use");
        w.str(inputs.use);
        w.close('}');
        w.key("verdict");
        w.str("error");
        w.close('}');
        return;
    }
    w.key("control_units");
    w.open('[');
    for (const auto &f : m.overlap("control_unit").features)
        feature(w, f, site, true);
    w.close(']');
    w.key("distances");
    w.open('[');
    for (const auto &d : m.distances) {
        w.open('{');
        w.key("feature");
        w.str(d.featureName);
        w.key("layer");
        w.str(d.layer);
        w.key("meters");
        w.num(std::isfinite(d.meters) ? round2(d.meters) : NAN);
        w.key("search_m");
        w.num(d.searchMeters);
        w.key("target");
        w.str(d.target);
        w.close('}');
    }
    w.close(']');
    farmland(w, m.farmland);
    if (!provenanceMembers.empty())
        w.raw(provenanceMembers);
    w.key("landuse");
    w.open('[');
    for (const auto &row : m.landuse) {
        w.open('{');
        area(w, row.areaM2);
        w.key("cultivated");
        w.boolean(row.dlbm.rfind("01", 0) == 0);
        w.key("dlbm");
        w.str(row.dlbm);
        w.key("dlmc");
        w.str(row.dlmc);
        w.key("parcels");
        w.integer(row.parcels);
        w.key("share");
        w.dec6(round6(site > 0 ? row.areaM2 / site : 0));
        w.close('}');
    }
    w.close(']');
    landuseDetail(w, m);
    w.key("overlaps");
    w.open('[');
    for (const char *role : kOverlapRoles) {
        const RoleOverlap &r = m.overlap(role);
        w.open('{');
        area(w, r.areaM2);
        w.key("features");
        w.open('[');
        if (std::string(role) != "landuse")
            for (const auto &f : r.features)
                feature(w, f, site, false);
        w.close(']');
        w.key("layer_present");
        w.boolean(r.layerPresent);
        w.key("remainder_m2");
        w.dec2(round2(site - r.areaM2));
        w.key("role");
        w.str(role);
        w.key("role_zh");
        w.str(roleZh(role));
        w.key("share");
        w.dec6(round6(site > 0 ? r.areaM2 / site : 0));
        w.close('}');
    }
    w.close(']');
    w.key("ownership");
    w.open('[');
    for (const auto &[code, m2] : m.ownership()) {
        w.open('{');
        w.key("area_m2");
        w.dec2(round2(m2));
        w.key("qsxz");
        w.str(code);
        w.close('}');
    }
    w.close(']');
    w.key("rules");
    w.open('[');
    for (const auto &r : rules) {
        w.open('{');
        w.key("applicable");
        w.boolean(r.applicable);
        if (r.applicable) {
            w.key("applies_to");
            w.str(r.appliesTo);
            w.key("features");
            w.open('[');
            for (const auto &f : r.features)
                featureRef(w, f);
            w.close(']');
            w.key("heading");
            w.str(r.heading);
        }
        w.key("id");
        w.str(r.id);
        if (r.applicable) {
            w.key("source");
            w.str(r.source);
        }
        w.key("status");
        w.str(statusId(r.status));
        w.key("status_zh");
        w.str(statusZh(r.status));
        w.key("text");
        w.str(r.text);
        w.key("title");
        w.str(r.title);
        w.key("value");
        w.str(r.value);
        if (r.applicable) {
            w.key("value_number");
            w.num(std::isfinite(r.valueNumber) ? round6(r.valueNumber) : NAN);
        }
        w.close('}');
    }
    w.close(']');
    w.key("site");
    w.open('{');
    w.key("applicant");
    w.str(inputs.applicant);
    area(w, site);
    w.key("code");
    w.str(inputs.code);
    const Envelope e = m.site.envelope();
    w.key("envelope");
    w.open('[');
    for (double v : {e.minX, e.minY, e.maxX, e.maxY})
        w.dec2(round2(v));
    w.close(']');
    w.key("industry");
    w.str(inputs.industry);
    w.key("industry_name");
    w.str(inputs.industryName);
    w.key("name");
    w.str(inputs.name);
    w.key("repairs");
    w.open('[');
    for (const auto &r : m.repairs)
        w.str(r);
    w.close(']');
    w.key("source");
    w.str(inputs.source);
    w.key("use");
    w.str(inputs.use);
    w.close('}');
    const RoleOverlap &urban = m.overlap("urban_boundary");
    w.key("urban_boundary");
    w.open('{');
    w.key("inside");
    w.boolean(urban.layerPresent && site - urban.areaM2 <= 0.001 * site);
    w.key("inside_m2");
    w.dec2(round2(urban.areaM2));
    w.key("layer_present");
    w.boolean(urban.layerPresent);
    w.key("outside_m2");
    w.dec2(round2(std::max(0.0, site - urban.areaM2)));
    w.key("zones");
    w.open('[');
    for (const auto &f : urban.features)
        feature(w, f, site, false);
    w.close(']');
    w.close('}');
    w.key("verdict");
    w.str(statusId(verdict));
    w.key("verdict_zh");
    w.str(statusZh(verdict));
    w.close('}');
}

} // namespace planlines::geodata::check
