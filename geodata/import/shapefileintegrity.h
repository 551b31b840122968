// Whether a Shapefile's three parts agree with each other and with what GDAL made of them.
// GDAL reads a damaged Shapefile without complaint: a truncated .dbf ends the layer early, a
// .dbf whose header length is wrong loses its fields, a .shx pointing every entry at one
// record repeats one shape, a .dbf and .shx of different lengths pair records at random. The
// headers say what there should be; this compares.
#pragma once

#include <ogr_api.h>

#include <string>

namespace planlines::geodata::import {

class ShapefileIntegrity
{
public:
    // shpPath: the GDAL path of the .shp (plain or /vsizip/…); layer: GDAL's layer of it;
    // display: the name a person knows the file by. Throws geodata::Error naming the part
    // (.shp, .shx, .dbf) and what is wrong.
    static void verify(const std::string &shpPath, OGRLayerH layer, const std::string &display);
};

} // namespace planlines::geodata::import
