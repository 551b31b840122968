#include "sheetexporter.h"
#include "pdftextfix.h"
#include "pngencoder.h"

#include <geodata/error.h>

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QTemporaryFile>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace planlines::layers::sheet {

namespace {

// PDF and SVG pages are drawn at 254 dpi: ten units per mm, so map vertices snapped to
// 0.1 mm are written as whole numbers.
constexpr double kVectorDpi = 254;

// "<file>: cannot write: <cause>", as every writer says it (geodata::saveFile).
[[noreturn]] void fail(const QString &path, const QString &cause)
{
    throw geodata::Error("cannot write: " + cause.toStdString(), path.toStdString());
}

bool cancelled(const ExportOptions &o)
{
    return o.cancel && o.cancel->load(std::memory_order_relaxed);
}

// An RGB32 image whose pixels sit in 2 MB pages where the system offers them (an A3 sheet at
// 300 dpi is 70 MB: a few dozen page faults instead of 17 000).
QImage sheetImage(QSize px)
{
    const qsizetype bytesPerLine = qsizetype(px.width()) * 4;
    constexpr std::size_t kHuge = std::size_t(2) << 20;
    const std::size_t bytes =
        (std::size_t(bytesPerLine) * std::size_t(px.height()) + kHuge - 1) / kHuge * kHuge;
    void *memory = nullptr;
    if (px.isEmpty() || posix_memalign(&memory, kHuge, bytes) != 0)
        return QImage(px, QImage::Format_RGB32);
    ::madvise(memory, bytes, MADV_HUGEPAGE); // advice only: without it, ordinary pages
    return QImage(
        static_cast<uchar *>(memory), px.width(), px.height(), bytesPerLine, QImage::Format_RGB32,
        [](void *m) { std::free(m); }, memory);
}

} // namespace

std::optional<SheetFormat> sheetFormatFor(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return SheetFormat::Pdf;
    if (suffix == QLatin1String("png"))
        return SheetFormat::Png;
    if (suffix == QLatin1String("svg"))
        return SheetFormat::Svg;
    return std::nullopt;
}

QImage SheetExporter::renderImage(const SheetSpec &spec, double dpi, bool *wasCancelled,
                                  const std::atomic<bool> *cancel) const
{
    const QSizeF mm = spec.layout.paperMm;
    const QSize px(int(std::lround(mm.width() / 25.4 * dpi)),
                   int(std::lround(mm.height() / 25.4 * dpi)));
    QImage image = sheetImage(px); // opaque paper: PNG writes RGB
    image.fill(Qt::white);
    const int dpm = int(std::lround(dpi / 0.0254));
    image.setDotsPerMeterX(dpm);
    image.setDotsPerMeterY(dpm);
    QPainter painter(&image);
    const PaperCanvas canvas(painter, dpi);
    const bool done = m_composer.paint(canvas, spec, m_composer.layout(spec), false, cancel);
    painter.end();
    if (wasCancelled)
        *wasCancelled = !done;
    return image;
}

QByteArray SheetExporter::render(SheetFormat format, std::span<const SheetSpec> specs,
                                 const ExportOptions &options, bool *wasCancelled) const
{
    if (wasCancelled)
        *wasCancelled = false;
    auto stop = [&](int done) {
        const bool go =
            !cancelled(options) && (!options.progress || options.progress(done, int(specs.size())));
        if (!go && wasCancelled)
            *wasCancelled = true;
        return !go;
    };
    QByteArray bytes;
    if (specs.empty())
        return bytes;
    if (format == SheetFormat::Png) {
        bool c = false;
        const QImage image = renderImage(specs.front(), options.dpi, &c, options.cancel);
        if (c || stop(1)) {
            if (wasCancelled)
                *wasCancelled = true;
            return {};
        }
        QElapsedTimer clock;
        clock.start();
        bytes = encodePng(image);
        if (qEnvironmentVariableIsSet("PLANLINES_SHEET_TIMING"))
            qInfo("timing sheet png encode %lld ms", clock.elapsed());
        return bytes;
    }
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (format == SheetFormat::Svg) {
        const SheetSpec &spec = specs.front();
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setResolution(int(kVectorDpi));
        const QSizeF px = spec.layout.paperMm / 25.4 * kVectorDpi;
        svg.setSize(px.toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), px));
        svg.setTitle(spec.title);
        QPainter painter(&svg);
        const PaperCanvas canvas(painter, kVectorDpi);
        const bool done =
            m_composer.paint(canvas, spec, m_composer.layout(spec), true, options.cancel);
        painter.end();
        if (!done || stop(1)) {
            if (wasCancelled)
                *wasCancelled = true;
            return {};
        }
        // Paper size in mm, so a viewer prints it at scale.
        const QByteArray pxSize =
            QByteArray("width=\"") + QByteArray::number(px.toSize().width()) + "\"";
        bytes.replace(bytes.indexOf(pxSize), pxSize.size(),
                      "width=\"" + QByteArray::number(spec.layout.paperMm.width()) + "mm\"");
        const QByteArray pxHeight =
            QByteArray("height=\"") + QByteArray::number(px.toSize().height()) + "\"";
        bytes.replace(bytes.indexOf(pxHeight), pxHeight.size(),
                      "height=\"" + QByteArray::number(spec.layout.paperMm.height()) + "mm\"");
        return bytes;
    }
    QPdfWriter pdf(&buffer);
    pdf.setResolution(int(kVectorDpi));
    pdf.setCreator(QStringLiteral("PlanLines"));
    pdf.setTitle(specs.front().title);
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    auto pageSize = [](const SheetSpec &s) {
        return QPageSize(s.layout.paperMm, QPageSize::Millimeter, QString(), QPageSize::ExactMatch);
    };
    pdf.setPageSize(pageSize(specs.front()));
    PdfTextRecorder recorder;
    QPainter painter(&pdf);
    const PaperCanvas canvas(painter, kVectorDpi, &recorder);
    for (std::size_t i = 0; i < specs.size(); ++i) {
        if (i > 0) {
            pdf.setPageSize(pageSize(specs[i]));
            pdf.newPage();
        }
        const bool done =
            m_composer.paint(canvas, specs[i], m_composer.layout(specs[i]), true, options.cancel);
        if (!done || stop(int(i) + 1)) {
            painter.end();
            if (wasCancelled)
                *wasCancelled = true;
            return {};
        }
    }
    const bool timing = qEnvironmentVariableIsSet("PLANLINES_SHEET_TIMING");
    QElapsedTimer clock;
    clock.start();
    painter.end(); // Qt deflates the page's content stream here
    buffer.close();
    if (timing)
        qInfo("timing sheet pdf end %lld ms", clock.restart());
    applyTextFix(bytes, recorder);
    if (timing)
        qInfo("timing sheet pdf text fix %lld ms", clock.restart());
    return bytes;
}

bool SheetExporter::write(const QString &path, std::span<const SheetSpec> specs,
                          const ExportOptions &options) const
{
    const auto format = sheetFormatFor(path);
    if (!format)
        fail(path, QStringLiteral("unknown format (use .pdf, .png or .svg)"));
    if (specs.empty())
        fail(path, QStringLiteral("no sheet to write"));
    if (*format != SheetFormat::Pdf && specs.size() > 1)
        fail(path, QStringLiteral("a PNG or SVG holds one sheet; use a PDF or a file pattern"));
    bool wasCancelled = false;
    const QByteArray bytes = render(*format, specs, options, &wasCancelled);
    if (wasCancelled)
        return false;
    if (bytes.isEmpty())
        fail(path, QStringLiteral("the sheet could not be drawn"));
    writeFileAtomically(path, bytes);
    return true;
}

void writeFileAtomically(const QString &path, const QByteArray &data)
{
    const QFileInfo target(path);
    const QString dir = target.absolutePath();
    if (!QFileInfo(dir).isDir())
        fail(path, QStringLiteral("folder %1 does not exist").arg(dir));
    if (target.exists() && !target.isFile())
        fail(path, QStringLiteral("it exists and is not a regular file"));
    QTemporaryFile tmp(dir + QStringLiteral("/.") + target.fileName() + QStringLiteral(".XXXXXX"));
    tmp.setAutoRemove(true);
    if (!tmp.open())
        fail(path, QStringLiteral("cannot create a file in %1: %2").arg(dir, tmp.errorString()));
    qint64 done = 0;
    while (done < data.size()) {
        const ssize_t n =
            ::write(tmp.handle(), data.constData() + done, std::size_t(data.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            fail(path, QString::fromLocal8Bit(std::strerror(errno)));
        }
        done += n;
    }
    if (::fsync(tmp.handle()) != 0)
        fail(path, QString::fromLocal8Bit(std::strerror(errno)));
    tmp.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                       QFileDevice::ReadOther);
    tmp.close();
    if (std::rename(QFile::encodeName(tmp.fileName()).constData(),
                    QFile::encodeName(path).constData()) != 0)
        fail(path, QString::fromLocal8Bit(std::strerror(errno)));
    tmp.setAutoRemove(false);
}

} // namespace planlines::layers::sheet
