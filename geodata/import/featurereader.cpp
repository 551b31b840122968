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
    : m_setup(std::move(setup)), m_thread([this] { run(); })
{
}

FeatureReader::~FeatureReader()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

std::vector<ReadyFeature> FeatureReader::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_queue.empty() || m_done; });
    if (!m_queue.empty()) {
        std::vector<ReadyFeature> batch = std::move(m_queue.front());
        m_queue.pop_front();
        lock.unlock();
        m_changed.notify_all();
        return batch;
    }
    if (m_error)
        std::rethrow_exception(m_error);
    return {};
}

void FeatureReader::push(std::vector<ReadyFeature> batch)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kQueuedBatches || m_stop; });
    if (m_stop)
        return;
    m_queue.push_back(std::move(batch));
    lock.unlock();
    m_changed.notify_all();
}

void FeatureReader::run()
{
    try {
        const GdalErrorScope quiet; // GDAL's error state and handler are per thread
        std::unique_ptr<CoordinateTransform> transform;
        if (!m_setup.sourceCrs.empty())
            transform =
                std::make_unique<CoordinateTransform>(m_setup.sourceCrs, m_setup.workingCrs);
        const GeometryCleaner cleaner(m_setup.kind, transform.get(), *m_setup.area);
        std::unique_ptr<TextDecoder> raw;
        if (!m_setup.rawEncoding.empty())
            raw = std::make_unique<TextDecoder>(m_setup.rawEncoding);

        std::vector<ReadyFeature> batch;
        batch.reserve(kBatch);
        OGR_L_ResetReading(m_setup.layer);
        std::size_t sequence = 0;
        while (FeatureHandle f{OGR_L_GetNextFeature(m_setup.layer)}) {
            const std::size_t row = sequence++;
            ReadyFeature &out = batch.emplace_back();
            out.fid = OGR_F_GetFID(f.get());
            CleanedGeometry g = cleaner.clean(GeometryHandle(OGR_F_StealGeometry(f.get())));
            if (g.geometry.isNull()) {
                out.rejection = std::move(g.rejection);
                out.outsideArea = g.outsideArea;
            } else {
                try {
                    out.geometry =
                        LayerWriter::encode(g.geometry, m_setup.geometryType, m_setup.srid);
                    out.repair = std::move(g.repair);
                    out.values.reserve(m_setup.types.size());
                    for (size_t i = 0; i < m_setup.types.size(); ++i)
                        out.values.push_back(
                            fieldValue(f.get(), static_cast<int>(i), m_setup.types[i], raw.get()));
                    for (std::size_t j : m_setup.extendedColumns) {
                        const auto &cells = m_setup.extended->rows.at(row);
                        if (j < cells.size() && cells[j])
                            out.values.emplace_back(*cells[j]);
                        else
                            out.values.emplace_back(std::monostate{});
                    }
                } catch (const Error &e) {
                    out.rejection = e.cause();
                }
            }
            if (batch.size() == kBatch) {
                push(std::move(batch));
                batch = {};
                batch.reserve(kBatch);
                std::lock_guard lock(m_mutex);
                if (m_stop)
                    break;
            }
        }
        m_gdalFailed = CPLGetLastErrorType() == CE_Failure;
        m_gdalError = GdalEnvironment::lastError("");
        m_replaced = raw ? raw->replacedValues() : 0;
        if (!batch.empty())
            push(std::move(batch));
    } catch (...) {
        std::lock_guard lock(m_mutex);
        m_error = std::current_exception();
    }
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_changed.notify_all();
}

} // namespace planlines::geodata::import
