#include "pngencoder.h"

#include <QtEndian>

#include <zlib.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace planlines::layers::sheet {

namespace {

void appendChunk(QByteArray &out, const char type[4], const QByteArray &data)
{
    char len[4];
    qToBigEndian<quint32>(quint32(data.size()), len);
    out.append(len, 4);
    const qsizetype start = out.size();
    out.append(type, 4);
    out.append(data);
    uLong crc = crc32(0, reinterpret_cast<const Bytef *>(out.constData() + start),
                      uInt(out.size() - start));
    char c[4];
    qToBigEndian<quint32>(quint32(crc), c);
    out.append(c, 4);
}

struct Strip
{
    int firstRow = 0, endRow = 0;
    std::vector<unsigned char> compressed;
    uLong adler = 1;
    std::size_t rawBytes = 0;
    bool ok = false;
};

// Filters rows [firstRow, endRow) with "Up" (the first row of the image with "None") and
// deflates them raw, 32 rows at a time through a small buffer that stays in cache; the last
// strip finishes the stream, the others end on a full flush.
void compressStrip(const QImage &img, Strip &s, bool last)
{
    const int w = img.width();
    const std::size_t rowBytes = 1 + 3 * std::size_t(w);
    constexpr int kRows = 32;
    std::vector<unsigned char> raw(rowBytes * kRows);
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_RLE) != Z_OK)
        return;
    const std::size_t total = rowBytes * std::size_t(s.endRow - s.firstRow);
    s.compressed.resize(deflateBound(&z, uLong(total)) + 64);
    z.next_out = s.compressed.data();
    z.avail_out = uInt(s.compressed.size());
    s.rawBytes = total;
    s.adler = adler32(0, nullptr, 0);
    bool ok = true;
    for (int y0 = s.firstRow; y0 < s.endRow && ok; y0 += kRows) {
        const int y1 = std::min(s.endRow, y0 + kRows);
        for (int y = y0; y < y1; ++y) {
            unsigned char *dst = raw.data() + rowBytes * std::size_t(y - y0);
            const QRgb *row = reinterpret_cast<const QRgb *>(img.constScanLine(y));
            unsigned char *p = dst + 1;
            if (y == 0) {
                dst[0] = 0;
                for (int x = 0; x < w; ++x) {
                    *p++ = static_cast<unsigned char>(qRed(row[x]));
                    *p++ = static_cast<unsigned char>(qGreen(row[x]));
                    *p++ = static_cast<unsigned char>(qBlue(row[x]));
                }
                continue;
            }
            const QRgb *above = reinterpret_cast<const QRgb *>(img.constScanLine(y - 1));
            dst[0] = 2;
            for (int x = 0; x < w; ++x) {
                const QRgb c = row[x], a = above[x];
                *p++ = static_cast<unsigned char>(qRed(c) - qRed(a));
                *p++ = static_cast<unsigned char>(qGreen(c) - qGreen(a));
                *p++ = static_cast<unsigned char>(qBlue(c) - qBlue(a));
            }
        }
        const std::size_t bytes = rowBytes * std::size_t(y1 - y0);
        s.adler = adler32(s.adler, raw.data(), uInt(bytes));
        z.next_in = raw.data();
        z.avail_in = uInt(bytes);
        const bool end = y1 == s.endRow;
        const int rc = deflate(&z, end ? (last ? Z_FINISH : Z_FULL_FLUSH) : Z_NO_FLUSH);
        ok = end && last ? rc == Z_STREAM_END : rc == Z_OK;
        ok = ok && z.avail_in == 0;
    }
    s.ok = ok;
    s.compressed.resize(s.compressed.size() - z.avail_out);
    deflateEnd(&z);
}

} // namespace

QByteArray encodePng(const QImage &source, int threads)
{
    const QImage img = source.format() == QImage::Format_RGB32
                           ? source
                           : source.convertToFormat(QImage::Format_RGB32);
    if (img.isNull())
        return {};
    const int n = std::clamp(threads > 0 ? threads : int(std::thread::hardware_concurrency()), 1,
                             std::max(1, img.height() / 64));
    std::vector<Strip> strips(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        strips[std::size_t(i)].firstRow = int(qint64(img.height()) * i / n);
        strips[std::size_t(i)].endRow = int(qint64(img.height()) * (i + 1) / n);
    }
    std::vector<std::thread> workers;
    for (int i = 1; i < n; ++i)
        workers.emplace_back(compressStrip, std::cref(img), std::ref(strips[std::size_t(i)]),
                             i == n - 1);
    compressStrip(img, strips[0], n == 1);
    for (auto &t : workers)
        t.join();

    std::size_t size = 64;
    for (const Strip &s : strips)
        size += s.compressed.size();
    QByteArray idat;
    idat.reserve(qsizetype(size));
    idat.append(char(0x78)).append(char(0x01)); // zlib header: deflate, 32 K window, fastest
    uLong adler = 1;
    for (const Strip &s : strips) {
        if (!s.ok)
            return {};
        idat.append(reinterpret_cast<const char *>(s.compressed.data()),
                    qsizetype(s.compressed.size()));
        adler = adler32_combine(adler, s.adler, z_off_t(s.rawBytes));
    }
    char a[4];
    qToBigEndian<quint32>(quint32(adler), a);
    idat.append(a, 4);

    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    png.reserve(idat.size() + 128);
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(quint32(img.width()), ihdr.data());
    qToBigEndian<quint32>(quint32(img.height()), ihdr.data() + 4);
    ihdr[8] = 8; // bits per channel
    ihdr[9] = 2; // RGB
    appendChunk(png, "IHDR", ihdr);
    if (img.dotsPerMeterX() > 0 && img.dotsPerMeterY() > 0) {
        QByteArray phys(9, '\0');
        qToBigEndian<quint32>(quint32(img.dotsPerMeterX()), phys.data());
        qToBigEndian<quint32>(quint32(img.dotsPerMeterY()), phys.data() + 4);
        phys[8] = 1; // metres
        appendChunk(png, "pHYs", phys);
    }
    appendChunk(png, "IDAT", idat);
    appendChunk(png, "IEND", {});
    return png;
}

} // namespace planlines::layers::sheet
