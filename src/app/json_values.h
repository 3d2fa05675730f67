// How the JSON encoders of json.h write values (private to the app layer: nlohmann stays out of
// its public headers).
#pragma once

#include <cmath>
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

template <typename J>
std::string Dump(const J& j, bool pretty) {
  return pretty ? j.dump(2) : j.dump();
}

}  // namespace pelo::app
