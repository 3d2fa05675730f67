#include "pelo/analytics/series.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "pelo/analytics/power.h"

namespace pelo::analytics {
namespace {

bool Present(const std::optional<double>& v) { return v.has_value() && std::isfinite(*v); }

// Channel `values` reordered by `order`, padded with missing samples to `order.size()`.
Samples Reorder(const Samples& values, const std::vector<size_t>& order) {
  Samples out(order.size());
  for (size_t i = 0; i < order.size(); ++i) {
    if (order[i] < values.size()) out[i] = values[order[i]];
  }
  return out;
}

// A present channel through reordering, gap repair and expansion; empty when absent.
std::vector<double> PrepareChannel(const Samples& values, const std::vector<double>& times,
                                   const std::vector<size_t>& order, int every_n,
                                   const GapOptions& gaps) {
  if (!HasChannel(values)) return {};
  Samples ordered = Reorder(values, order);
  if (!times.empty()) ordered = FixGaps(times, ordered, every_n, gaps);
  return ToZeroFilled1Hz(ordered, every_n);
}

}  // namespace

std::vector<size_t> SortedUniqueOrder(const std::vector<double>& times_s) {
  std::vector<size_t> order;
  order.reserve(times_s.size());
  for (size_t i = 0; i < times_s.size(); ++i) {
    if (std::isfinite(times_s[i])) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return times_s[a] < times_s[b]; });
  auto same_time = [&](size_t a, size_t b) { return times_s[a] == times_s[b]; };
  order.erase(std::unique(order.begin(), order.end(), same_time), order.end());
  return order;
}

Samples FixGaps(const std::vector<double>& times_s, const Samples& values, double dt,
                const GapOptions& options) {
  Samples out;
  if (values.empty()) return out;
  out.reserve(values.size());
  out.push_back(values[0]);
  for (size_t k = 1; k < values.size() && k < times_s.size(); ++k) {
    const double gap = times_s[k] - times_s[k - 1] - dt;
    const auto cnt = static_cast<long>(gap / dt);
    if (gap >= options.tolerance_s && cnt > 0) {
      const auto& a = values[k - 1];
      const auto& b = values[k];
      if (gap > options.stop_s) {
        out.insert(out.end(), static_cast<size_t>(cnt), std::optional<double>(0.0));
      } else if (Present(a) && Present(b)) {
        const double den = static_cast<double>(options.gc_offbyone ? cnt : cnt + 1);
        const double step = (*b - *a) / den;
        for (long i = 1; i <= cnt; ++i) out.push_back(*a + static_cast<double>(i) * step);
      } else {
        out.insert(out.end(), static_cast<size_t>(cnt), std::nullopt);
      }
    }
    out.push_back(values[k]);
  }
  return out;
}

std::vector<double> ToZeroFilled1Hz(const Samples& values, int every_n) {
  return ToPower1Hz(values, every_n);  // NaN fails `> 0` and becomes 0 there too.
}

bool HasChannel(const Samples& values) {
  return std::any_of(values.begin(), values.end(), Present);
}

Series1Hz PrepareSeries(const RideInput& in, const GapOptions& gaps) {
  Series1Hz s;
  s.every_n = std::max(1, in.every_n);
  std::vector<size_t> order;
  std::vector<double> times;
  if (!in.times_s.empty()) {
    order = SortedUniqueOrder(in.times_s);
    times.reserve(order.size());
    for (size_t i : order) times.push_back(in.times_s[i]);
  } else {
    const size_t n = std::max(
        {in.output_w.size(), in.heart_rate_bpm.size(), in.cadence_rpm.size(), in.speed.size()});
    order.resize(n);
    std::iota(order.begin(), order.end(), size_t{0});
  }
  s.power_w = PrepareChannel(in.output_w, times, order, s.every_n, gaps);
  s.heart_rate_bpm = PrepareChannel(in.heart_rate_bpm, times, order, s.every_n, gaps);
  s.cadence_rpm = PrepareChannel(in.cadence_rpm, times, order, s.every_n, gaps);
  s.speed = PrepareChannel(in.speed, times, order, s.every_n, gaps);
  // Gap repair inserts the same samples into every channel; the axis itself tells how many.
  s.samples =
      times.empty() ? order.size() : FixGaps(times, Samples(times.size()), s.every_n, gaps).size();
  s.seconds = s.samples * static_cast<size_t>(s.every_n);
  return s;
}

}  // namespace pelo::analytics
