// A fast PNG encoder for large opaque sheets: RGB, the "Up" filter, zlib at its fastest level,
// and the rows compressed in parallel strips joined into one zlib stream (each strip ends on a
// full flush, the checksums are combined). Qt's encoder spends three quarters of a 300 dpi A3
// export choosing filters and compressing hard; this one writes a somewhat larger file several
// times faster. The resolution is stored (pHYs) so the sheet prints at size.
#pragma once

#include <QByteArray>
#include <QImage>

namespace planlines::layers::sheet {

// image: any format (converted to RGB32 when it is not already). threads: 0 = one per core.
QByteArray encodePng(const QImage &image, int threads = 0);

} // namespace planlines::layers::sheet
