// One version of a land-use layer held in memory for the change analysis: each parcel's
// coordinates in flat pooled arrays (no GEOS until a parcel is overlaid), a hash of them, its
// planar area and the attributes the analysis reports. Classes and townships are interned so
// that aggregation keys are small integers.
#pragma once

#include "../geometry.h"
#include "../store/featuresource.h"

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

namespace planlines::geodata::landuse {

// Codes shared by the two versions: index 0 is always "" (no parcel / unknown township).
class Interned
{
public:
    Interned() { id(""); }
    std::uint32_t id(const std::string &code);
    const std::string &code(std::uint32_t id) const { return m_codes[id]; }
    std::size_t size() const { return m_codes.size(); }

private:
    std::vector<std::string> m_codes;
    std::unordered_map<std::string, std::uint32_t> m_ids;
};

struct Parcel
{
    std::int64_t fid = 0;
    std::uint32_t cls = 0;      // Interned class (DLBM)
    std::uint32_t township = 0; // Interned township code (first 9 digits of ZLDWDM), 0: none
    double areaM2 = 0;          // planar, shoelace of the flat coordinates
    double officialM2 = -1;     // TBDLMJ, -1 when the layer or the parcel has none
    std::uint64_t hash = 0;     // of the flat coordinates
    Envelope box;
    // BSM and TBBH in the set's text pool (ParcelSet::bsm/tbbh): two strings a parcel were two
    // allocations each for a million parcels.
    std::uint32_t bsmAt = 0, tbbhAt = 0;
    std::uint16_t bsmLength = 0, tbbhLength = 0;
    // Where the coordinates are in the pools.
    std::uint32_t xyBegin = 0, ringBegin = 0, partBegin = 0, partCount = 0;
};

class ParcelSet
{
public:
    // Reads every polygonal feature of source. classes and townships are shared with the other
    // version; names collects DLBM → DLMC as the layer spells it. Throws Error naming the layer
    // when it has no DLBM field, or a feature when its geometry is unreadable.
    void read(FeatureSource &source, Interned &classes, Interned &townships,
              std::unordered_map<std::string, std::string> &names,
              const std::function<bool()> &cancelled);

    std::size_t size() const { return m_parcels.size(); }
    const Parcel &operator[](std::size_t i) const { return m_parcels[i]; }
    Parcel &operator[](std::size_t i) { return m_parcels[i]; }
    std::string bsm(std::size_t i) const
    {
        return m_text.substr(m_parcels[i].bsmAt, m_parcels[i].bsmLength);
    }
    std::string tbbh(std::size_t i) const
    {
        return m_text.substr(m_parcels[i].tbbhAt, m_parcels[i].tbbhLength);
    }
    // Replaces each parcel's class and township ids (read against interning tables of its own)
    // by classes[id] and townships[id].
    void remap(const std::vector<std::uint32_t> &classes,
               const std::vector<std::uint32_t> &townships);
    bool hasOfficial() const { return m_hasOfficial; }
    bool hasTownshipCodes() const { return m_hasTownshipCodes; }
    const std::string &layerName() const { return m_layerName; }

    // Same coordinates, ring for ring (the hash only finds the candidates).
    bool sameGeometry(std::size_t i, const ParcelSet &other, std::size_t j) const;
    // The parcel as a GEOS MultiPolygon on the calling thread's context.
    Geometry geometry(std::size_t i) const;
    // Any point inside the parcel (its first ring's first vertex is on the boundary: the
    // township of a parcel without ZLDWDM is found from GEOS's point on surface instead).
    Geometry pointOnSurface(std::size_t i) const { return geometry(i).pointOnSurface(); }

private:
    std::string m_layerName;
    std::vector<Parcel> m_parcels;
    std::vector<double> m_xy;           // all parcels' coordinates
    std::vector<std::uint32_t> m_rings; // per parcel ringCount+1 point offsets (local)
    std::vector<std::uint32_t> m_parts; // per parcel partCount+1 ring offsets (local)
    std::string m_text;                 // BSM and TBBH of all parcels
    bool m_hasOfficial = false, m_hasTownshipCodes = false;
};

} // namespace planlines::geodata::landuse
