// Reads one OGR layer and hands out batches of features made ready for LayerWriter: geometry
// cleaned, transformed and encoded as SpatiaLite BLOBs, attribute values decoded. Three stages
// run at once: one thread reads (GDAL, text decoding), one cleans (GEOS, PROJ, encoding) and
// the importer's thread writes into SQLite. At most kQueuedBatches batches wait between
// stages, so memory stays bounded on huge inputs.
#pragma once

#include "gdalhandles.h"
#include "geometrycleaner.h"
#include "kmlextendeddata.h"
#include "plausiblearea.h"

#include "../boundedqueue.h"
#include "../database.h"
#include "../layerwriter.h"

#include <ogr_api.h>

#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace planlines::geodata::import {

struct ReadyFeature
{
    std::int64_t fid = 0;
    std::string rejection; // set when rejected; then nothing else is
    bool outsideArea = false;
    std::string repair; // what was wrong, when repaired
    EncodedGeometry geometry;
    std::vector<Value> values;
};

struct FeatureReaderSetup
{
    OGRLayerH layer = nullptr;
    GeometryKind kind = GeometryKind::Polygon;
    std::string sourceCrs;  // empty: already in the working CRS
    std::string workingCrs; // the transform is made on the reading thread (PROJ per thread)
    const PlausibleArea *area = nullptr;
    std::vector<FieldType> types; // of the layer's fields, in order
    std::string rawEncoding;      // text arrives undecoded in this encoding ("" = UTF-8)
    std::string geometryType;     // the column's (MULTIPOLYGON …)
    // KML <ExtendedData> rows (one per feature, in reading order) and the columns of it
    // appended after the source's fields.
    const KmlContainerData *extended = nullptr;
    std::vector<std::size_t> extendedColumns;
    int srid = 0;
    GeometryEncoding encoding = GeometryEncoding::SpatialiteBlob; // the sink's
};

class FeatureReader
{
public:
    static constexpr std::size_t kBatch = 512;
    static constexpr std::size_t kQueuedBatches = 8;

    explicit FeatureReader(FeatureReaderSetup setup); // starts reading
    ~FeatureReader();                                 // stops and joins
    FeatureReader(const FeatureReader &) = delete;
    FeatureReader &operator=(const FeatureReader &) = delete;

    // The next batch in source order; empty when the layer is done. Rethrows what the reading
    // or cleaning thread threw.
    std::vector<ReadyFeature> next();

    // Valid once next() returned empty.
    std::int64_t replacedTextValues() const { return m_replaced; }
    // GDAL's errors (CE_Failure) on the reading thread: how many, and the first ("" when
    // none). Any of them means a record could not be read, and reading may have stopped early.
    const std::string &gdalError() const { return m_gdalError; }
    bool gdalFailed() const { return m_gdalFailures > 0; }
    int gdalFailures() const { return m_gdalFailures; }
    // GDAL's warnings while reading: how many, and the first.
    int gdalWarnings() const { return m_gdalWarnings; }
    const std::string &gdalWarning() const { return m_gdalWarning; }

private:
    // What the reading thread hands the cleaning thread: the source geometry, not yet checked.
    struct RawFeature
    {
        std::int64_t fid = 0;
        std::size_t row = 0; // reading order, for KML <ExtendedData>
        GeometryHandle geometry;
        std::vector<Value> values;
    };
    void read();  // GDAL and text decoding
    void clean(); // GEOS, PROJ and BLOB encoding
    void fail(std::exception_ptr error);

    FeatureReaderSetup m_setup;
    BoundedQueue<std::vector<RawFeature>> m_raw{kQueuedBatches};
    BoundedQueue<std::vector<ReadyFeature>> m_ready{kQueuedBatches};
    std::mutex m_errorMutex;
    std::exception_ptr m_error;
    std::int64_t m_replaced = 0;
    std::string m_gdalError, m_gdalWarning;
    int m_gdalFailures = 0, m_gdalWarnings = 0;
    std::thread m_reader, m_cleaner;
};

} // namespace planlines::geodata::import
