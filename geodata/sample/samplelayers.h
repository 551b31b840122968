// Writes the sample county's layers into a project, each through LayerWriter (one transaction
// per layer, registry and audit rows included) and each marked as synthetic sample data.
#pragma once

#include "../layerwriter.h"
#include "samplecorridor.h"
#include "samplelanduse.h"
#include "samplesecondyear.h"
#include "sampleterrain.h"

#include "../project.h"
#include <cmath>
#include <map>

namespace planlines::geodata::sample {

// Areas and lengths as the attribute tables store them: to the centimetre.
inline double round2(double v)
{
    return std::round(v * 100) / 100;
}

class SampleLayers
{
public:
    SampleLayers(Project &project, const SampleSources &sources, const Terrain &terrain,
                 std::uint64_t seed);

    void writeTownships();
    // Returns the number of parcels written.
    std::int64_t writeLanduse(const std::vector<Parcel> &parcels);
    // The 2024 year as version 2 of 地类图斑 (2023 kept as version 1). After writeLanduse, and
    // after every layer derived from the 2023 parcels (they read the current table). encoded:
    // the parcels' geometries as LayerWriter::encode makes them for SpatiaLite, or empty.
    std::int64_t writeLanduseSecondYear(const std::vector<Parcel> &parcels,
                                        const std::vector<SecondYearParcel> &next,
                                        std::vector<EncodedGeometry> encoded = {});
    void writeBasicFarmland(const std::vector<Parcel> &parcels);
    void writeRedline();
    void writeUrbanBoundary();
    void writeControlUnits();
    void writeCorridor(const std::vector<CorridorSegment> &segments);
    void writeSites();
    void writeContext();

    int layersWritten() const { return m_layers; }
    // The red line polygons (channel and floodplain first), as written.
    const std::vector<std::pair<std::string, Geometry>> &redlines() const { return m_redlines; }

private:
    LayerSpec spec(const char *name, Role role, const char *table, const char *geometryType,
                   std::vector<FieldDef> fields, const std::string &source, int order) const;
    std::string townshipAt(double x, double y) const;
    struct SiteUnit
    {
        std::string code, name; // 坐落单位代码 (19 digits) and 名称
    };
    SiteUnit unitAt(int township, double x, double y) const;
    LayerSpec landuseSpec(int year) const;
    std::vector<Value> landuseRow(const Geometry &g, const std::string &dlbm,
                                  const std::string &name, int township, const SiteUnit &unit,
                                  double x, double y, std::int64_t bsmSeq, int tbbh,
                                  int year) const;
    Project &m_project;
    const SampleSources &m_src;
    const Terrain &m_terrain;
    std::uint64_t m_seed;
    int m_layers = 0;
    std::vector<std::pair<std::string, Geometry>> m_redlines;
    std::vector<std::vector<const Village *>> m_units; // by township
    std::vector<int> m_tbbh;                           // 2023 图斑编号 by parcel
    std::map<std::string, int> m_tbbhLast;             // last 图斑编号 by 坐落单位代码
};

} // namespace planlines::geodata::sample
