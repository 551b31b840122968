#include "featurereader.h"

#include "gdalenvironment.h"
#include "gdalhandles.h"
#include "textencoding.h"

#include "../coordinatetransform.h"

#include <cstdio>
#include <memory>

namespace planlines::geodata::import {
namespace {

Value fieldValue(OGRFeatureH f, int i, FieldType t, TextDecoder *raw)
{
    if (!OGR_F_IsFieldSetAndNotNull(f, i))
        return std::monostate{};
    switch (t) {
    case FieldType::Integer:
        return static_cast<std::int64_t>(OGR_F_GetFieldAsInteger64(f, i));
    case FieldType::Real:
        return OGR_F_GetFieldAsDouble(f, i);
    case FieldType::Date: {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        if (!OGR_F_GetFieldAsDateTimeEx(f, i, &y, &m, &d, &hh, &mm, &ss, &tz))
            return std::monostate{};
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return std::string(buf);
    }
    case FieldType::Text:
        return raw ? raw->decode(OGR_F_GetFieldAsString(f, i))
                   : std::string(OGR_F_GetFieldAsString(f, i));
    }
    return std::monostate{};
}

} // namespace

FeatureReader::FeatureReader(FeatureReaderSetup setup)
    : m_setup(std::move(setup)), m_reader([this] { read(); }), m_cleaner([this] { clean(); })
{
}

FeatureReader::~FeatureReader()
{
    m_raw.stop();
    m_ready.stop();
    if (m_reader.joinable())
        m_reader.join();
    if (m_cleaner.joinable())
        m_cleaner.join();
}

std::vector<ReadyFeature> FeatureReader::next()
{
    if (auto batch = m_ready.pop())
        return std::move(*batch);
    // Done: both threads have finished their work (the cleaner closes after the reader).
    if (m_reader.joinable())
        m_reader.join();
    if (m_cleaner.joinable())
        m_cleaner.join();
    std::lock_guard lock(m_errorMutex);
    if (m_error)
        std::rethrow_exception(m_error);
    return {};
}

void FeatureReader::fail(std::exception_ptr error)
{
    {
        std::lock_guard lock(m_errorMutex);
        if (!m_error)
            m_error = std::move(error);
    }
    m_raw.stop();
    m_ready.close();
}

void FeatureReader::read()
{
    try {
        const GdalErrorScope quiet; // GDAL's error state and handler are per thread
        std::unique_ptr<TextDecoder> raw;
        if (!m_setup.rawEncoding.empty())
            raw = std::make_unique<TextDecoder>(m_setup.rawEncoding);
        std::vector<RawFeature> batch;
        batch.reserve(kBatch);
        OGR_L_ResetReading(m_setup.layer);
        std::size_t sequence = 0;
        bool stopped = false;
        while (FeatureHandle f{OGR_L_GetNextFeature(m_setup.layer)}) {
            RawFeature &out = batch.emplace_back();
            out.row = sequence++;
            out.fid = OGR_F_GetFID(f.get());
            out.geometry.reset(OGR_F_StealGeometry(f.get()));
            out.values.reserve(m_setup.types.size() + m_setup.extendedColumns.size());
            for (size_t i = 0; i < m_setup.types.size(); ++i)
                out.values.push_back(
                    fieldValue(f.get(), static_cast<int>(i), m_setup.types[i], raw.get()));
            for (std::size_t j : m_setup.extendedColumns) {
                const auto &cells = m_setup.extended->rows.at(out.row);
                if (j < cells.size() && cells[j])
                    out.values.emplace_back(*cells[j]);
                else
                    out.values.emplace_back(std::monostate{});
            }
            if (batch.size() == kBatch) {
                if (!m_raw.push(std::move(batch))) {
                    stopped = true;
                    break;
                }
                batch = std::vector<RawFeature>();
                batch.reserve(kBatch);
            }
        }
        if (!stopped) {
            m_gdalFailures = quiet.failures();
            m_gdalError = quiet.firstFailure();
            m_gdalWarnings = quiet.warnings();
            m_gdalWarning = quiet.firstWarning();
            m_replaced = raw ? raw->replacedValues() : 0;
            if (!batch.empty())
                m_raw.push(std::move(batch));
        }
        m_raw.close();
    } catch (...) {
        fail(std::current_exception());
    }
}

void FeatureReader::clean()
{
    try {
        std::unique_ptr<CoordinateTransform> transform;
        if (!m_setup.sourceCrs.empty())
            transform =
                std::make_unique<CoordinateTransform>(m_setup.sourceCrs, m_setup.workingCrs);
        const GeometryCleaner cleaner(m_setup.kind, transform.get(), *m_setup.area);
        while (auto rawBatch = m_raw.pop()) {
            std::vector<ReadyFeature> batch;
            batch.reserve(rawBatch->size());
            for (RawFeature &in : *rawBatch) {
                ReadyFeature &out = batch.emplace_back();
                out.fid = in.fid;
                CleanedGeometry g = cleaner.clean(std::move(in.geometry));
                if (g.geometry.isNull()) {
                    out.rejection = std::move(g.rejection);
                    out.outsideArea = g.outsideArea;
                    continue;
                }
                try {
                    out.geometry = LayerWriter::encode(g.geometry, m_setup.geometryType,
                                                       m_setup.srid, m_setup.encoding);
                    out.repair = std::move(g.repair);
                    out.values = std::move(in.values);
                } catch (const Error &e) {
                    out.rejection = e.cause();
                }
            }
            if (!m_ready.push(std::move(batch)))
                return;
        }
        // m_raw ended: drained after close(), or stopped by fail() or the destructor.
        m_ready.close();
    } catch (...) {
        fail(std::current_exception());
    }
}

} // namespace planlines::geodata::import
