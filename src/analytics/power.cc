#include "pelo/analytics/power.h"

#include <algorithm>

namespace pelo::analytics {

std::vector<double> ExpandEveryN(const std::vector<double>& values, int n) {
  if (n <= 1) return values;
  std::vector<double> out;
  out.reserve(values.size() * static_cast<size_t>(n));
  for (double v : values) out.insert(out.end(), static_cast<size_t>(n), v);
  return out;
}

std::optional<double> MeanMaximalPower(const std::vector<double>& power_1hz, int seconds) {
  if (seconds < 1) return std::nullopt;
  const size_t d = static_cast<size_t>(seconds);
  if (d > power_1hz.size()) return std::nullopt;
  // Running sum over the window; long double keeps 60-minute sums exact enough for 4 decimals.
  long double sum = 0;
  for (size_t i = 0; i < d; ++i) sum += power_1hz[i];
  long double best = sum;
  for (size_t i = d; i < power_1hz.size(); ++i) {
    sum += power_1hz[i] - power_1hz[i - d];
    best = std::max(best, sum);
  }
  return static_cast<double>(best / static_cast<long double>(d));
}

std::vector<double> ToPower1Hz(const std::vector<std::optional<double>>& series, int every_n) {
  std::vector<double> power;
  power.reserve(series.size());
  for (const auto& v : series) power.push_back(v && *v > 0 ? *v : 0.0);
  return ExpandEveryN(power, every_n);
}

}  // namespace pelo::analytics
