// What every writer derives from an Activity the same way: the sampling step, per-sample speed and
// the distance covered so far.
#include "pelo/export/activity.h"

#include <algorithm>
#include <cmath>

namespace pelo::exporter {

int64_t SampleStepS(const std::vector<model::SampleRow>& samples) {
  int64_t step = 0;
  for (size_t i = 1; i < samples.size(); ++i) {
    const int64_t d = samples[i].t_s - samples[i - 1].t_s;
    if (d > 0 && (step == 0 || d < step)) step = d;
  }
  return step == 0 ? 1 : step;
}

std::optional<double> SampleSpeedMps(const model::SampleRow& s) {
  if (s.speed_kph && std::isfinite(*s.speed_kph) && *s.speed_kph >= 0) return *s.speed_kph / 3.6;
  if (s.split_pace_s_per_500m && std::isfinite(*s.split_pace_s_per_500m) &&
      *s.split_pace_s_per_500m > 0) {
    return 500.0 / *s.split_pace_s_per_500m;
  }
  return std::nullopt;
}

std::vector<double> CumulativeDistanceM(const Activity& a) {
  std::vector<double> d(a.samples.size(), 0.0);
  if (a.samples.empty()) return d;
  const int64_t step = SampleStepS(a.samples);
  double total = 0;
  for (size_t i = 1; i < a.samples.size(); ++i) {
    const int64_t dt = std::clamp<int64_t>(a.samples[i].t_s - a.samples[i - 1].t_s, 0, step);
    total += SampleSpeedMps(a.samples[i - 1]).value_or(0.0) * static_cast<double>(dt);
    d[i] = total;
  }
  if (a.distance_km && std::isfinite(*a.distance_km) && *a.distance_km > 0 && total > 0) {
    const double stored = *a.distance_km * 1000.0;
    const double scale = stored / total;
    // min: the product's rounding must neither pass the total nor break the order.
    for (double& v : d) v = std::min(v * scale, stored);
    d.back() = stored;
  }
  return d;
}

}  // namespace pelo::exporter
