#include "layerdigest.h"

#include <cstdint>
#include <type_traits>
#include <variant>

namespace planlines::geodata {

namespace {

template <typename T> QByteArrayView bytesOf(const T &v)
{
    return QByteArrayView(reinterpret_cast<const char *>(&v), sizeof v);
}

} // namespace

void LayerDigest::add(const FlatGeometry &g, std::span<const Value> values)
{
    const auto parts = static_cast<std::uint32_t>(g.partCount());
    m_hash.addData(bytesOf(parts));
    for (std::uint32_t p = 0; p < parts; ++p) {
        const std::uint8_t kind = g.partKinds[p];
        const std::uint32_t rings = g.parts[p + 1] - g.parts[p];
        m_hash.addData(bytesOf(kind));
        m_hash.addData(bytesOf(rings));
        for (std::uint32_t r = g.parts[p]; r < g.parts[p + 1]; ++r) {
            const std::uint32_t points = g.rings[r + 1] - g.rings[r];
            m_hash.addData(bytesOf(points));
        }
    }
    m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(g.xy.data()),
                                  static_cast<qsizetype>(g.xy.size() * sizeof(double))));
    for (const Value &value : values) {
        const char tag = static_cast<char>(value.index());
        m_hash.addData(QByteArrayView(&tag, 1));
        std::visit(
            [&](const auto &v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, Blob>)
                    m_hash.addData(QByteArrayView(reinterpret_cast<const char *>(v.data()),
                                                  static_cast<qsizetype>(v.size())));
                else if constexpr (std::is_arithmetic_v<T>)
                    m_hash.addData(bytesOf(v));
            },
            value);
        m_hash.addData(QByteArrayView("\x1f", 1));
    }
}

std::string LayerDigest::hex() const
{
    return m_hash.result().toHex().toStdString();
}

} // namespace planlines::geodata
