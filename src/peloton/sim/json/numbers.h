// Numbers as the API writes them: rounded to the decimals a metric is reported with, whole
// numbers as JSON integers. One definition for the samples, the graph and its windows.
#pragma once

#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace pelo::sim {

// `v` rounded half away from zero to `decimals` decimals.
inline double Round(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

// `v` with `decimals` decimals; an integer when `decimals` is 0 (watts, rpm, bpm...).
inline nlohmann::json Number(double v, int decimals) {
  if (decimals == 0) return static_cast<int64_t>(std::llround(v));
  return Round(v, decimals);
}

}  // namespace pelo::sim
