// The hand-drawn sources of the sample county (geodata/sample/data/*.geojson, lon/lat on
// CGCS2000), read from the built-in resources and projected to the working CRS (EPSG:4548).
#pragma once

#include "../geometry.h"

#include <QJsonArray>
#include <QJsonObject>

#include <map>
#include <string>
#include <vector>

namespace planlines::geodata::sample {

inline constexpr const char *kSourceCrs = "EPSG:4490";
inline constexpr const char *kWorkingCrs = "EPSG:4548";
inline constexpr int kWorkingSrid = 4548; // of kWorkingCrs

// One source feature: geometry in EPSG:4548 metres and its properties as written.
struct SourceFeature
{
    Geometry geometry;
    QJsonObject props;
    std::string str(const char *key) const { return props.value(key).toString().toStdString(); }
    double num(const char *key, double fallback = 0) const
    {
        return props.value(key).toDouble(fallback);
    }
};

struct TownshipSeed
{
    double x, y;
    std::string code, name;
    bool seat;
};

struct SampleSources
{
    Geometry county;
    Geometry river; // Yellow River centreline
    Geometry levee; // levee centreline, upstream (K0+000) first
    std::vector<TownshipSeed> townshipSeeds;
    std::vector<SourceFeature> places, roads, waters, zones, sites;
    QJsonArray controlUnits;

    // Reads :/planlines/sample/*.geojson (or a folder given by PLANLINES_SAMPLE_SOURCES).
    static SampleSources load();
    // Township name by 12-digit code.
    std::map<std::string, std::string> townshipNames() const;
};

} // namespace planlines::geodata::sample
