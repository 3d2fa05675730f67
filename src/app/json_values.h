// How the JSON encoders of json.h write values (private to the app layer: nlohmann stays out of
// its public headers).
#pragma once

#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace pelo::app {

using Json = nlohmann::ordered_json;

// A computed value: 4 decimals, null for nullopt, NaN or infinity.
inline Json Rounded(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return std::round(*v * 1e4) / 1e4;
}

// A stored value: whole numbers as integers ("duration": 1800, not 1800.0), as the CSV writes
// them; null for nullopt, NaN or infinity.
template <typename J = Json>
J WholeOrDecimal(const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  if (std::floor(*v) == *v && std::fabs(*v) < 9e15) return static_cast<int64_t>(*v);
  return *v;
}

template <typename J>
std::string Dump(const J& j, bool pretty) {
  return pretty ? j.dump(2) : j.dump();
}

}  // namespace pelo::app
