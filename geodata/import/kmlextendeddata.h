// The <ExtendedData> of KML Placemarks (<Data name><value> and <SchemaData><SimpleData name>),
// which GDAL's KML driver drops; the LIBKML driver that keeps them also follows NetworkLinks, so
// it stays refused and the attributes are read here, from the same file through GDAL's virtual
// file system (KMZ members included), never from the network.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace planlines::geodata::import {

struct KmlContainerData
{
    std::string name;                // the container's <name>, may be empty
    std::vector<std::string> fields; // in order of first appearance
    // One row per Placemark of the container, in document order; one entry per field.
    std::vector<std::vector<std::optional<std::string>>> rows;
};

// The containers (Document or Folder) that hold Placemarks directly, in document order, as
// GDAL's KML driver makes layers of them. Throws geodata::Error naming the file when it is not
// well-formed XML or larger than maxBytes.
std::vector<KmlContainerData> readKmlExtendedData(const std::string &gdalPath,
                                                  std::size_t maxBytes = 512u << 20);

} // namespace planlines::geodata::import
