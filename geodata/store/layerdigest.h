// A layer's checksum, the same whatever engine stores it: SHA-256 over each feature's
// coordinates and values in the order they were written. Check records cite it (which version
// of which layer a verdict was measured on), so the same features imported into a SpatiaLite
// file and into a PostGIS database give the same digest, although one stores SpatiaLite BLOBs
// and the other EWKB.
#pragma once

#include "../database.h"
#include "../flatgeometry.h"

#include <QCryptographicHash>

#include <span>
#include <string>

namespace planlines::geodata {

class LayerDigest
{
public:
    // Adds one feature. The geometry is hashed as its structure (per part: the kind and the
    // number of rings; per ring: the number of points) and its x, y doubles; each value as a
    // type tag and its bytes (the tag keeps NULL apart from '' and 0), ended by 0x1f.
    void add(const FlatGeometry &geometry, std::span<const Value> values);
    // The hex digest of everything added.
    std::string hex() const;

private:
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
};

} // namespace planlines::geodata
