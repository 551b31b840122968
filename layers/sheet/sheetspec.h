// What one sheet shows: template, titles, the map's extent and scale, the layers, the info
// block's texts and an optional table (a check result). A plain value the CLI, the batch and
// the GUI fill in.
#pragma once

#include "sheettemplate.h"

#include <geodata/geometry.h>

#include <QDate>
#include <QPolygonF>
#include <QString>
#include <QStringList>

#include <vector>

namespace planlines::layers::sheet {

struct SheetSpec
{
    SheetTemplate layout = SheetTemplate::make(Paper::A3, Orientation::Landscape);
    QString title;
    QString subtitle;
    // The area to show (working CRS). With scaleDenominator 0 the frame fits it at the next
    // round scale; otherwise the frame is centred on it at 1 : scaleDenominator.
    geodata::Envelope extent;
    double scaleDenominator = 0;
    // Per ProjectMap::layers() entry; empty: each layer's default visibility.
    std::vector<bool> visible;
    // Per ProjectMap::layers() entry, 0 … 1; empty: all opaque. The change sheet dims the land
    // use under the changes.
    std::vector<double> opacity;
    // A feature to outline on top (the site of a batch sheet); empty when none.
    geodata::Envelope highlight;
    bool hasHighlight = false;
    // Rings to outline on top (working CRS): a township sheet's township, so its edge reads
    // through the other layers' fills and hatches.
    std::vector<QPolygonF> outline;

    QString mapUnit;    // 制图单位; empty: "<county>自然资源局"
    QDate date;         // 制图日期; invalid: today
    QString dataSource; // 数据来源; empty: the project file and its layers' sources
    // The optional table block: the first row is the header.
    QString tableTitle;
    std::vector<QStringList> table;
};

} // namespace planlines::layers::sheet
