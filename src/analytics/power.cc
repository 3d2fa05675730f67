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
  std::vector<double> prefix(power_1hz.size() + 1);
  // Accumulate in long double so that a 1000-hour series keeps sub-milliwatt window sums.
  long double sum = 0;
  prefix[0] = 0.0;
  for (size_t i = 0; i < power_1hz.size(); ++i) {
    sum += power_1hz[i];
    prefix[i + 1] = static_cast<double>(sum);
  }
  return prefix;
}

std::optional<double> MeanMaximalPowerFromPrefix(const std::vector<double>& prefix, int seconds) {
  if (seconds < 1 || prefix.empty()) return std::nullopt;
  const size_t d = static_cast<size_t>(seconds);
  const size_t n = prefix.size() - 1;
  if (d > n) return std::nullopt;
  const double* c = prefix.data();
  double best = c[d] - c[0];
  // Branch-free max over independent differences: the compiler can vectorise this loop.
  for (size_t s = 1; s + d <= n; ++s) best = std::max(best, c[s + d] - c[s]);
  return best / static_cast<double>(d);
}

}  // namespace pelo::analytics
