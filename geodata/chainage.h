// Chainage (桩号) along a line: "K12+300" is 12 300 m from the line's start. Shared by the
// corridor tracking, the map search box and the sample generator.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace planlines::geodata {

// "K12+300" for 12 300 m; `decimals` > 0 gives "K12+300.50". Negative values are clamped to 0.
std::string formatChainage(double metres, int decimals = 0);

// Reads "K12+300", "k12+300.5", "12+300", "K0+050" and the full-width forms staff paste from
// Word ("Ｋ１２＋３００"), spaces allowed around '+'. The part after '+' must be below 1000.
// Returns metres, or nothing when the text is not a chainage.
std::optional<double> parseChainage(std::string_view text);

// Reads a range "K1+200-K3+400" (also "～", "~", "—", "至", "到" between the two). Returns
// (from, to) with from <= to, or nothing.
std::optional<std::pair<double, double>> parseChainageRange(std::string_view text);

} // namespace planlines::geodata
