// What the map's search box was given: a chainage on the levee (K12+300), a Gauss-Krüger
// coordinate typed as X (northing) / Y (easting) with or without the zone prefix, a longitude /
// latitude in decimal degrees or 度分秒, or else text to look up (a site, township or parcel).
// Pure parsing, no database: FeatureSearch acts on the result.
#pragma once

#include <QString>

#include <optional>

namespace planlines::layers {

struct SearchQuery
{
    enum class Kind
    {
        Empty,
        Text,
        Chainage,
        Projected, // northing / easting in metres of a Gauss-Krüger CRS
        LonLat,
    };
    Kind kind = Kind::Empty;
    QString text; // the trimmed input (for Text: what to look up)
    double chainageM = 0;
    double northing = 0;
    double easting = 0;      // without the zone prefix
    std::optional<int> zone; // the prefix of a prefixed easting (39 in 39 571 000)
    double longitude = 0;    // degrees east
    double latitude = 0;     // degrees north
};

// Reads one line of the search box. Coordinates are two numbers separated by a comma, space or
// semicolon, optionally labelled "X=… Y=…"; full-width digits and punctuation are accepted.
// Two numbers within ±180 are degrees (the one above 54 is the longitude unless N/S/E/W say
// otherwise); larger ones are metres, the seven-digit one the northing (either order), an
// eight-digit easting carrying its zone number in front.
SearchQuery parseSearch(const QString &input);

// The CGCS2000 Gauss-Krüger CRS of a prefixed zone: 3° zones 25–45 (EPSG:4513–4533) and 6°
// zones 13–23 (EPSG:4491–4501). Empty for other numbers.
QString gaussKrugerCrsForZone(int zone);

} // namespace planlines::layers
