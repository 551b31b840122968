// The printable check report (选址检查报告): for each site a location map of the site over the
// project's layers (drawn by MapRenderer), the verdict, the overlap and 地类 tables, the
// control units with their access-list entries and every rule's finding with its text and
// source, in Chinese. Written as a PDF (QPdfWriter) or one self-contained HTML file, through a
// temporary file renamed into place. Needs a QGuiApplication (fonts).
#pragma once

#include "projectmap.h"

#include <QImage>
#include <QJsonObject>
#include <QPainterPath>
#include <QString>

#include <vector>

namespace planlines::layers {

class CheckReport
{
public:
    // results: the JSON of each check (CheckResult::toJson plus record_id); sites: their
    // geometries in the working CRS (same order). Maps are drawn for the first kMaxMaps sites.
    static constexpr int kMaxMaps = 20;
    static void write(const QString &path, const ProjectMap &map,
                      const std::vector<QJsonObject> &results,
                      const std::vector<const geodata::Geometry *> &sites);
    // The location map of one site: the layers around it and the site outlined in red.
    static QImage locationMap(const ProjectMap &map, const geodata::Geometry &site, QSize sizePx);
    // The polygon rings of site (working CRS coordinates), as the location map outlines it.
    static QPainterPath outline(const geodata::Geometry &site);
    // The report as HTML; images referenced as map<N>.png (embedded for .html output).
    static QString html(const std::vector<QJsonObject> &results, const QString &title,
                        const std::vector<QString> &imageNames);
};

} // namespace planlines::layers
