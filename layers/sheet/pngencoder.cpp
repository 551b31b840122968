#include "pngencoder.h"

#include <QtEndian>

#include <zlib.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
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

// RGB bytes of 0xAARRGGBB, in memory order R, G, B (and a fourth byte to overwrite).
inline void putRgb(unsigned char *p, quint32 argb)
{
    const quint32 rgb = qToLittleEndian<quint32>(qbswap(argb) >> 8);
    std::memcpy(p, &rgb, 4);
}

// One row's RGB bytes: each pixel's less the one above's (the Up filter), or as they are when
// above is null. out has room for one spare byte.
void filterRowScalar(const quint32 *row, const quint32 *above, int w, unsigned char *out)
{
    if (!above) {
        for (int x = 0; x < w; ++x, out += 3)
            putRgb(out, row[x]);
        return;
    }
    // Bytewise subtraction without borrows between the bytes (SWAR).
    constexpr quint32 kHigh = 0x80808080u;
    for (int x = 0; x < w; ++x, out += 3) {
        const quint32 c = row[x], a = above[x];
        putRgb(out, ((c | kHigh) - (a & ~kHigh)) ^ ((c ^ ~a) & kHigh));
    }
}

#if defined(__x86_64__) || defined(__i386__)
// Four pixels at a time: byte subtraction, then B,G,R,A ×4 shuffled to R,G,B ×4.
__attribute__((target("ssse3"))) void filterRowSsse3(const quint32 *row, const quint32 *above,
                                                     int w, unsigned char *out)
{
    const __m128i order = _mm_setr_epi8(2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, -1, -1, -1, -1);
    int x = 0;
    // 16 bytes are stored for 12: the last pixels go through the scalar loop.
    for (; x + 5 < w; x += 4, out += 12) {
        __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i *>(row + x));
        if (above)
            c = _mm_sub_epi8(c, _mm_loadu_si128(reinterpret_cast<const __m128i *>(above + x)));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out), _mm_shuffle_epi8(c, order));
    }
    filterRowScalar(row + x, above ? above + x : nullptr, w - x, out);
}
#endif

void filterRow(const quint32 *row, const quint32 *above, int w, unsigned char *out)
{
#if defined(__x86_64__) || defined(__i386__)
    static const bool ssse3 = __builtin_cpu_supports("ssse3");
    if (ssse3)
        return filterRowSsse3(row, above, w, out);
#endif
    filterRowScalar(row, above, w, out);
}

struct Strip
{
    int firstRow = 0, endRow = 0;
    // Allocated, not zero-filled: only the pages deflate writes are touched.
    std::unique_ptr<unsigned char[]> compressed;
    std::size_t compressedBytes = 0;
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
    // One spare byte: each pixel is stored as four bytes, the fourth overwritten by the next.
    std::vector<unsigned char> raw(rowBytes * kRows + 1);
    z_stream z{};
    if (deflateInit2(&z, 1, Z_DEFLATED, -15, 8, Z_RLE) != Z_OK)
        return;
    const std::size_t total = rowBytes * std::size_t(s.endRow - s.firstRow);
    const std::size_t capacity = deflateBound(&z, uLong(total)) + 64;
    s.compressed.reset(new unsigned char[capacity]);
    z.next_out = s.compressed.get();
    z.avail_out = uInt(capacity);
    s.rawBytes = total;
    s.adler = adler32(0, nullptr, 0);
    bool ok = true;
    for (int y0 = s.firstRow; y0 < s.endRow && ok; y0 += kRows) {
        const int y1 = std::min(s.endRow, y0 + kRows);
        for (int y = y0; y < y1; ++y) {
            unsigned char *dst = raw.data() + rowBytes * std::size_t(y - y0);
            const auto *row = reinterpret_cast<const quint32 *>(img.constScanLine(y));
            dst[0] = y == 0 ? 0 : 2; // None for the first row, else Up
            filterRow(
                row, y == 0 ? nullptr : reinterpret_cast<const quint32 *>(img.constScanLine(y - 1)),
                w, dst + 1);
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
    s.compressedBytes = capacity - z.avail_out;
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
    // More strips than threads, taken in turn, so a thread that the system holds up (or a
    // strip dense with detail) does not hold up the others.
    const int threadCount =
        std::max(1, threads > 0 ? threads : int(std::thread::hardware_concurrency()));
    const int n =
        std::clamp(threadCount == 1 ? 1 : 4 * threadCount, 1, std::max(1, img.height() / 64));
    std::vector<Strip> strips(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        strips[std::size_t(i)].firstRow = int(qint64(img.height()) * i / n);
        strips[std::size_t(i)].endRow = int(qint64(img.height()) * (i + 1) / n);
    }
    std::atomic<int> next{0};
    auto work = [&] {
        for (int i; (i = next.fetch_add(1)) < n;)
            compressStrip(img, strips[std::size_t(i)], i == n - 1);
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < std::min(threadCount, n); ++t)
        workers.emplace_back(work);
    work();
    for (auto &t : workers)
        t.join();

    std::size_t size = 64;
    for (const Strip &s : strips)
        size += s.compressedBytes;
    QByteArray idat;
    idat.reserve(qsizetype(size));
    idat.append(char(0x78)).append(char(0x01)); // zlib header: deflate, 32 K window, fastest
    uLong adler = 1;
    for (const Strip &s : strips) {
        if (!s.ok)
            return {};
        idat.append(reinterpret_cast<const char *>(s.compressed.get()),
                    qsizetype(s.compressedBytes));
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
