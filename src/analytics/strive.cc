#include "pelo/analytics/strive.h"

#include <cmath>
#include <cstddef>

namespace pelo::analytics {

double StriveWeightedMinutes(const std::array<double, 5>& hr_zone_seconds) {
  double wm = 0;
  for (size_t z = 0; z < hr_zone_seconds.size(); ++z) {
    wm += kStriveMultipliers[z] * hr_zone_seconds[z] / 60.0;
  }
  return wm;
}

std::optional<StriveCalibration> CalibrateStrive(
    const std::vector<std::pair<double, double>>& wm_and_score) {
  double wm_s = 0;
  double wm_wm = 0;
  double s_sum = 0;
  for (const auto& [wm, s] : wm_and_score) {
    wm_s += wm * s;
    wm_wm += wm * wm;
    s_sum += s;
  }
  if (!(wm_wm > 0) || !(s_sum > 0)) return std::nullopt;
  StriveCalibration c;
  c.k = wm_s / wm_wm;
  double sq = 0;
  for (const auto& [wm, s] : wm_and_score) sq += (s - c.k * wm) * (s - c.k * wm);
  const auto n = static_cast<double>(wm_and_score.size());
  c.residual_cv = std::sqrt(sq / n) / (s_sum / n);
  c.reliable = c.residual_cv <= 0.10;
  return c;
}

}  // namespace pelo::analytics
