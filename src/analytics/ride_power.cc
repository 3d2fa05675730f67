#include "pelo/analytics/ride_power.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pelo::analytics {
namespace {

inline double Pow4(double x) {
  const double sq = x * x;
  return sq * sq;
}

}  // namespace

std::optional<double> AveragePower(const std::vector<double>& power) {
  if (power.empty()) return std::nullopt;
  return std::accumulate(power.begin(), power.end(), 0.0) / static_cast<double>(power.size());
}

std::optional<double> NonZeroAveragePower(const std::vector<double>& power) {
  if (power.empty()) return std::nullopt;
  double sum = 0;
  size_t count = 0;
  for (double p : power) {
    if (p > 0) {
      sum += p;
      ++count;
    }
  }
  return count == 0 ? 0.0 : sum / static_cast<double>(count);
}

double WorkKj(const std::vector<double>& power, double dt) {
  double sum = 0;
  for (double p : power) sum += std::max(p, 0.0);
  return sum * dt / 1000.0;
}

std::optional<double> NormalizedPower(const std::vector<double>& power_1hz) {
  constexpr size_t kWindow = 30;
  if (power_1hz.size() < kWindow) return std::nullopt;
  double window = std::accumulate(power_1hz.begin(), power_1hz.begin() + kWindow, 0.0);
  double total = Pow4(window / kWindow);
  for (size_t i = kWindow; i < power_1hz.size(); ++i) {
    window += power_1hz[i] - power_1hz[i - kWindow];
    total += Pow4(window / kWindow);
  }
  const auto windows = static_cast<double>(power_1hz.size() - kWindow + 1);
  return std::pow(total / windows, 0.25);
}

std::optional<double> NormalizedPowerGc(const std::vector<double>& power, int dt) {
  if (dt < 1 || power.empty()) return std::nullopt;
  const auto w = static_cast<size_t>(30 / dt);
  if (w <= 1) return std::nullopt;
  // The ring buffer starts at zero: the first w-1 partial windows are divided by the full w.
  double window = 0;
  double total = 0;
  for (size_t i = 0; i < power.size(); ++i) {
    window += power[i];
    if (i >= w) window -= power[i - w];
    total += Pow4(window / static_cast<double>(w));
  }
  return std::pow(total / static_cast<double>(power.size()), 0.25);
}

std::optional<double> XPower(const std::vector<double>& power, int dt) {
  if (dt < 1 || power.empty()) return std::nullopt;
  const double samples_per_window = 25.0 / dt;
  const double attenuation = samples_per_window / (samples_per_window + dt);
  const double weight = dt / (samples_per_window + dt);
  double ewma = 0;
  double total = 0;
  for (double p : power) {
    ewma = ewma * attenuation + weight * p;
    total += Pow4(ewma);
  }
  return std::pow(total / static_cast<double>(power.size()), 0.25);
}

std::optional<double> StressScore(double normalized_w, double threshold_w, double seconds) {
  if (!(threshold_w > 0)) return std::nullopt;
  const double ratio = normalized_w / threshold_w;
  return seconds / 3600.0 * ratio * ratio * 100.0;
}

}  // namespace pelo::analytics
