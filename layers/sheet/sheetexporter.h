// Writes sheets to files: a vector PDF (text kept as text, the CJK font embedded, one page per
// sheet), a PNG at a chosen dpi, or an SVG. Every file is written whole to a temporary file in
// the target folder and renamed over the target, so a failure (a full disk, a folder that cannot
// be written) leaves no file behind; the geodata::Error names the file and the cause.
#pragma once

#include "sheetcomposer.h"

#include <QString>

#include <atomic>
#include <functional>
#include <optional>
#include <span>

namespace planlines::layers::sheet {

enum class SheetFormat
{
    Pdf,
    Png,
    Svg
};

// From the file's extension (.pdf, .png, .svg, any case); nullopt for anything else.
std::optional<SheetFormat> sheetFormatFor(const QString &path);

struct ExportOptions
{
    double dpi = 300; // PNG pixels per inch (PDF and SVG are vector)
    // Called after each sheet with (done, total); returning false cancels.
    std::function<bool(int, int)> progress;
    const std::atomic<bool> *cancel = nullptr;
};

class SheetExporter
{
public:
    explicit SheetExporter(const SheetComposer &composer) : m_composer(composer) {}

    // Writes specs to path: a PDF holds every sheet as a page; a PNG or SVG exactly one.
    // Returns false (and writes nothing) when cancelled. Throws geodata::Error on failure.
    bool write(const QString &path, std::span<const SheetSpec> specs,
               const ExportOptions &options = {}) const;

    // The sheet as bytes of format (no file): for previews and the batch.
    QByteArray render(SheetFormat format, std::span<const SheetSpec> specs,
                      const ExportOptions &options, bool *cancelled = nullptr) const;
    QImage renderImage(const SheetSpec &spec, double dpi, bool *cancelled = nullptr,
                       const std::atomic<bool> *cancel = nullptr) const;

private:
    const SheetComposer &m_composer;
};

// Writes data to path through a temporary file in path's folder and a rename. Throws
// geodata::Error("PATH: cannot write: cause") and leaves nothing behind on failure.
void writeFileAtomically(const QString &path, const QByteArray &data);

} // namespace planlines::layers::sheet
