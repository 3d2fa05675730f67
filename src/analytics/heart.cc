#include "pelo/analytics/heart.h"

#include <algorithm>
#include <cmath>

namespace pelo::analytics {
namespace {

// mean(P)/mean(H) over samples [begin, end) with H > 0; nullopt when none has HR.
std::optional<double> PowerHrRatio(const std::vector<double>& power, const std::vector<double>& hr,
                                   size_t begin, size_t end) {
  double p_sum = 0;
  double h_sum = 0;
  for (size_t i = begin; i < end; ++i) {
    if (hr[i] > 0) {
      p_sum += power[i];
      h_sum += hr[i];
    }
  }
  if (!(h_sum > 0)) return std::nullopt;
  return p_sum / h_sum;  // the sample counts cancel
}

}  // namespace

std::optional<double> AverageHeartRate(const std::vector<double>& hr) {
  double sum = 0;
  size_t count = 0;
  for (double h : hr) {
    if (h > 0) {
      sum += h;
      ++count;
    }
  }
  if (count == 0) return std::nullopt;
  return sum / static_cast<double>(count);
}

std::optional<double> AerobicDecoupling(const std::vector<double>& power,
                                        const std::vector<double>& hr, bool gc_quirk) {
  const size_t n = std::min(power.size(), hr.size());
  if (n < 1200) return std::nullopt;
  const size_t half = gc_quirk ? (n - 1) / 2 : n / 2;
  const auto first = PowerHrRatio(power, hr, 0, half);
  const auto second = PowerHrRatio(power, hr, half, n);
  if (!first || !second || *first == 0) return std::nullopt;
  return 100.0 * (*first - *second) / *first;
}

std::optional<double> Trimp(double minutes, double avg_hr, double resting_hr, double max_hr,
                            Sex sex) {
  if (!(max_hr > resting_hr)) return std::nullopt;
  if (avg_hr < resting_hr) return 0.0;
  const double k = sex == Sex::kFemale ? 1.67 : 1.92;
  const double x = (avg_hr - resting_hr) / (max_hr - resting_hr);
  return minutes * x * 0.64 * std::exp(k * x);
}

std::optional<double> Trimp100(double trimp, double lthr, double resting_hr, double max_hr,
                               Sex sex) {
  const auto reference = Trimp(60.0, lthr, resting_hr, max_hr, sex);
  if (!reference || !(*reference > 0)) return std::nullopt;
  return 100.0 * trimp / *reference;
}

}  // namespace pelo::analytics
