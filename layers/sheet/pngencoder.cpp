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
// deflates them raw; the last strip finishes the stream, the others end on a full flush.
void compressStrip(const QImage &img, Strip &s, bool last)
{
    const int w = img.width();
    const std::size_t rowBytes = 1 + 3 * std::size_t(w);
    std::vector<unsigned char> raw(rowBytes * std::size_t(s.endRow - s.firstRow));
    for (int y = s.firstRow; y < s.endRow; ++y) {
        unsigned char *dst = raw.data() + rowBytes * std::size_t(y - s.firstRow);
        const QRgb *row = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        const QRgb *above =
            y > 0 ? reinterpret_cast<const QRgb *>(img.constScanLine(y - 1)) : nullptr;
        dst[0] = above ? 2 : 0;
        unsigned char *p = dst + 1;
        for (int x = 0; x < w; ++x) {
            const QRgb c = row[x];
            const QRgb a = above ? above[x] : 0;
            *p++ = static_cast<unsigned char>(qRed(c) - qRed(a));
            *p++ = static_cast<unsigned char>(qGreen(c) - qGreen(a));
            *p++ = static_cast<unsigned char>(qBlue(c) - qBlue(a));
        }
    }
    s.rawBytes = raw.size();
    s.adler = adler32(1, raw.data(), uInt(raw.size()));
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_RLE) != Z_OK)
        return;
    s.compressed.resize(deflateBound(&z, uLong(raw.size())) + 64);
    z.next_in = raw.data();
    z.avail_in = uInt(raw.size());
    z.next_out = s.compressed.data();
    z.avail_out = uInt(s.compressed.size());
    const int rc = deflate(&z, last ? Z_FINISH : Z_FULL_FLUSH);
    s.ok = last ? rc == Z_STREAM_END : rc == Z_OK;
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

    QByteArray idat;
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
