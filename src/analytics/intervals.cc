#include "pelo/analytics/intervals.h"

#include <cstddef>
#include <numeric>

namespace pelo::analytics {
namespace {

// Appends [start, last] to `out` when it is at least min_len samples long.
void Keep(const std::vector<double>& p, size_t start, size_t last, const IntervalParams& params,
          std::vector<WorkInterval>& out) {
  const size_t length = last - start + 1;
  if (length < static_cast<size_t>(params.min_len_s)) return;
  const double sum = std::accumulate(p.begin() + static_cast<long>(start),
                                     p.begin() + static_cast<long>(last) + 1, 0.0);
  out.push_back({static_cast<long>(start), static_cast<long>(last), static_cast<long>(length),
                 sum / static_cast<double>(length)});
}

}  // namespace

std::vector<WorkInterval> DetectIntervals(const std::vector<double>& power_1hz, double ftp,
                                          const IntervalParams& params) {
  std::vector<WorkInterval> out;
  if (!(ftp > 0)) return out;
  const double bar = params.threshold_pct * ftp;
  const auto max_gap = static_cast<size_t>(params.max_gap_s);
  bool open = false;
  size_t start = 0;
  size_t last = 0;
  for (size_t i = 0; i < power_1hz.size(); ++i) {
    if (!(100.0 * power_1hz[i] >= bar)) continue;
    if (!open) {
      open = true;
      start = i;
    } else if (i - last - 1 > max_gap) {
      Keep(power_1hz, start, last, params, out);
      start = i;
    }
    last = i;
  }
  if (open) Keep(power_1hz, start, last, params, out);
  return out;
}

double SecondsAtOrAbove(const std::vector<double>& power_1hz, double ftp, int pct) {
  if (!(ftp > 0)) return 0.0;
  double seconds = 0;
  for (double p : power_1hz) {
    if (100.0 * p >= pct * ftp) seconds += 1.0;
  }
  return seconds;
}

}  // namespace pelo::analytics
