// What a person checks on a printed sheet, read with poppler-utils from the real file.
#pragma once

#include <QProcess>
#include <QRegularExpression>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace planlines::testing {

inline QString runTool(const QString &tool, const QStringList &args)
{
    QProcess p;
    p.start(tool, args);
    p.waitForFinished(120000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

// pdftotext of page (0: all), layout-free.
inline QString pdfText(const QString &pdf, int page = 0)
{
    QStringList args;
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l")
             << QString::number(page);
    return runTool(QStringLiteral("pdftotext"), args << pdf << QStringLiteral("-"));
}

// pdfinfo's "Page size: W x H pts", in mm.
inline QSizeF pdfPageSizeMm(const QString &pdf)
{
    const QString info = runTool(QStringLiteral("pdfinfo"), {pdf});
    static const QRegularExpression re(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"));
    const auto m = re.match(info);
    if (!m.hasMatch())
        return {};
    return {m.captured(1).toDouble() * 25.4 / 72, m.captured(2).toDouble() * 25.4 / 72};
}

inline int pdfPages(const QString &pdf)
{
    const QString info = runTool(QStringLiteral("pdfinfo"), {pdf});
    static const QRegularExpression re(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto m = re.match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// pdffonts' rows: "name type encoding emb sub uni ..." of each embedded font.
inline QStringList pdfFonts(const QString &pdf)
{
    QStringList rows = runTool(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'));
    return rows.mid(2).filter(QRegularExpression(QStringLiteral("\\S")));
}

} // namespace planlines::testing

// Measured in a sheet's image: the scale bar and colour runs (mm, at the image's dpi).
#include <layers/sheet/sheetlayout.h>

#include <QImage>

#include <cmath>

namespace planlines::testing {

// The drawn scale bar's length: on its middle row, from the first dark pixel in the bar's room
// to the last one before a 10 mm gap (a white segment is shorter; the north arrow is further
// right in the same room).
inline double scaleBarDrawnMm(const QImage &image, double pxPerMm,
                              const layers::sheet::SheetTemplate &t,
                              const layers::sheet::ScaleBar &bar)
{
    const int y = int(std::lround(bar.barMm.center().y() * pxPerMm));
    int left = -1, right = -1;
    for (int x = int(t.scaleBarMm.left() * pxPerMm); x < int(t.scaleBarMm.right() * pxPerMm); ++x) {
        if (qGray(image.pixel(x, y)) < 80) {
            if (left < 0)
                left = x;
            right = x;
        } else if (right > 0 && x - right > 10 * pxPerMm) {
            break;
        }
    }
    return left < 0 ? -1 : (right - left + 1) / pxPerMm;
}

// The first and last pixel of row y within 30 (sum of channel differences) of colour; -1, -1
// when none.
inline std::pair<int, int> colourRun(const QImage &image, int y, QRgb colour)
{
    int first = -1, last = -1;
    for (int x = 0; x < image.width(); ++x) {
        const QRgb c = image.pixel(x, y);
        if (std::abs(qRed(c) - qRed(colour)) + std::abs(qGreen(c) - qGreen(colour)) +
                std::abs(qBlue(c) - qBlue(colour)) <
            30) {
            if (first < 0)
                first = x;
            last = x;
        }
    }
    return {first, last};
}

} // namespace planlines::testing
