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

std::vector<double> PrefixSums(const std::vector<double>& power_1hz) {
  // Plain double: over 1000 hours (C ~ 1e9 W·s) a window sum is off by at most a few ulp of C,
  // about 1e-7 W·s, far below the spec's 0.01 W.
  std::vector<double> prefix(power_1hz.size() + 1);
  double sum = 0;
  prefix[0] = 0.0;
  for (size_t i = 0; i < power_1hz.size(); ++i) {
    sum += power_1hz[i];
    prefix[i + 1] = sum;
  }
  return prefix;
}

std::optional<double> MeanMaximalPowerFromPrefix(const std::vector<double>& prefix, int seconds) {
  if (seconds < 1 || prefix.empty()) return std::nullopt;
  const size_t d = static_cast<size_t>(seconds);
  const size_t n = prefix.size() - 1;
  if (d > n) return std::nullopt;
  const double* c = prefix.data();
  const size_t windows = n - d + 1;
  // Four independent running maxima break the max dependency chain (about 4x faster than one).
  double best[4] = {c[d] - c[0], c[d] - c[0], c[d] - c[0], c[d] - c[0]};
  size_t s = 0;
  for (; s + 4 <= windows; s += 4) {
    for (size_t k = 0; k < 4; ++k) best[k] = std::max(best[k], c[s + k + d] - c[s + k]);
  }
  for (; s < windows; ++s) best[0] = std::max(best[0], c[s + d] - c[s]);
  const double top = std::max(std::max(best[0], best[1]), std::max(best[2], best[3]));
  return top / static_cast<double>(d);
}

}  // namespace pelo::analytics
