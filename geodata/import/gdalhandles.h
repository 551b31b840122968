// Owning handles for the GDAL/OGR C API objects the importer holds: a dataset, a feature, a
// geometry and a spatial reference are each released exactly once, whatever throws.
#pragma once

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <memory>
#include <type_traits>

namespace planlines::geodata::import {

struct DatasetCloser
{
    void operator()(void *h) const { GDALClose(static_cast<GDALDatasetH>(h)); }
};
struct FeatureDestroyer
{
    void operator()(std::remove_pointer_t<OGRFeatureH> *h) const { OGR_F_Destroy(h); }
};
struct GeometryDestroyer
{
    void operator()(std::remove_pointer_t<OGRGeometryH> *h) const { OGR_G_DestroyGeometry(h); }
};
struct SrsReleaser
{
    void operator()(std::remove_pointer_t<OGRSpatialReferenceH> *h) const { OSRRelease(h); }
};

using DatasetHandle = std::unique_ptr<void, DatasetCloser>;
using FeatureHandle = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;
using GeometryHandle = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDestroyer>;
using SrsHandle = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsReleaser>;

} // namespace planlines::geodata::import
