// What every writer derives from an Activity the same way: the sampling step, per-sample speed and
// the distance covered so far.
#include "pelo/export/activity.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace pelo::exporter {

void AddRouteSeconds(Activity& a) {
  std::vector<model::SampleRow> extra;
  for (const model::GpsPoint& p : a.gps) {
    const auto at =
        std::lower_bound(a.samples.begin(), a.samples.end(), p.seconds_offset,
                         [](const model::SampleRow& s, int64_t t) { return s.t_s < t; });
    if (at != a.samples.end() && at->t_s == p.seconds_offset) continue;
    model::SampleRow row;
    row.t_s = p.seconds_offset;
    extra.push_back(std::move(row));
  }
  if (extra.empty()) return;
  std::sort(extra.begin(), extra.end(),
            [](const model::SampleRow& x, const model::SampleRow& y) { return x.t_s < y.t_s; });
  extra.erase(std::unique(extra.begin(), extra.end(),
                          [](const model::SampleRow& x, const model::SampleRow& y) {
                            return x.t_s == y.t_s;
                          }),
              extra.end());
  std::vector<model::SampleRow> merged;
  merged.reserve(a.samples.size() + extra.size());
  std::merge(std::make_move_iterator(a.samples.begin()), std::make_move_iterator(a.samples.end()),
             std::make_move_iterator(extra.begin()), std::make_move_iterator(extra.end()),
             std::back_inserter(merged),
             [](const model::SampleRow& x, const model::SampleRow& y) { return x.t_s < y.t_s; });
  a.samples = std::move(merged);
}

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
