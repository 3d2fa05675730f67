#include "pelo/analytics/ride_metrics.h"

#include <algorithm>

#include "pelo/analytics/heart.h"
#include "pelo/analytics/power.h"
#include "pelo/analytics/ride_power.h"
#include "pelo/analytics/strive.h"

namespace pelo::analytics {
namespace {

// std::optional<double> a / b, nullopt unless both are known and b > 0.
std::optional<double> Ratio(std::optional<double> a, std::optional<double> b) {
  if (!a || !b || !(*b > 0)) return std::nullopt;
  return *a / *b;
}

bool IsPositive(const std::optional<double>& v) { return v && *v > 0; }

// §2.1 moving time from cadence and speed.
std::optional<double> MovingTime(const Series1Hz& s) {
  if (s.cadence_rpm.empty() && s.speed.empty()) return std::nullopt;
  double moving = 0;
  for (size_t i = 0; i < s.seconds; ++i) {
    const bool pedalling = !s.cadence_rpm.empty() && s.cadence_rpm[i] > 0;
    const bool rolling = !s.speed.empty() && s.speed[i] > 0;
    if (pedalling || rolling) moving += 1.0;
  }
  return moving;
}

// §2.2-2.10 and §2.16: everything that needs only power (and FTP).
void FillPower(const Series1Hz& s, std::optional<double> ftp, const RideSettings& settings,
               RideMetrics& m) {
  const std::vector<double>& p = s.power_w;
  if (p.empty()) return;
  const auto seconds = static_cast<double>(p.size());
  m.avg_power_w = AveragePower(p);
  m.nonzero_avg_power_w = NonZeroAveragePower(p);
  m.work_kj = WorkKj(p);
  const std::vector<double> prefix = PrefixSums(p);
  for (size_t k = 0; k < kMmpDurationsS.size(); ++k) {
    m.mmp_w[k] = MeanMaximalPowerFromPrefix(prefix, kMmpDurationsS[k]);
    m.mmp_resolution_limited[k] = kMmpDurationsS[k] < s.every_n;
  }
  m.np_w = NormalizedPower(p);
  m.np_gc_w = NormalizedPowerGc(p);
  m.variability_index = Ratio(m.np_w, m.avg_power_w);
  m.xpower_w = XPower(p);
  if (!IsPositive(ftp)) return;
  m.intensity_factor = Ratio(m.np_w, ftp);
  if (m.np_w) m.tss = StressScore(*m.np_w, *ftp, seconds);
  m.tss_per_hour = Ratio(m.tss, seconds / 3600.0);
  const double cp = IsPositive(settings.cp_w) ? *settings.cp_w : *ftp;
  m.relative_intensity = Ratio(m.xpower_w, cp);
  if (m.xpower_w) m.bike_score = StressScore(*m.xpower_w, cp, seconds);
  m.power_zone_s = TimeInPowerZones(p, *ftp);
  m.hi_intervals = DetectIntervals(p, *ftp, kHiIntervals);
  m.threshold_intervals = DetectIntervals(p, *ftp, kThresholdIntervals);
  m.sprint_intervals = DetectIntervals(p, *ftp, kSprintIntervals);
  m.seconds_at_or_above_105_pct = SecondsAtOrAbove(p, *ftp, kHiIntervals.threshold_pct);
}

// §2.12 EF trend filter.
bool IsSteadyForEf(const Series1Hz& s, const RideMetrics& m) {
  if (s.seconds < 1200 || !m.efficiency_factor) return false;
  if (!m.variability_index || *m.variability_index > 1.05) return false;
  if (!m.intensity_factor || *m.intensity_factor > 0.80) return false;
  const auto with_hr = std::count_if(s.heart_rate_bpm.begin(), s.heart_rate_bpm.end(),
                                     [](double h) { return h > 0; });
  return static_cast<double>(with_hr) >= 0.9 * static_cast<double>(s.seconds);
}

// §2.11-2.15: everything that needs heart rate.
void FillHeart(const Series1Hz& s, const std::optional<std::array<double, 5>>& zone_lower_bpm,
               const RideSettings& settings, RideMetrics& m) {
  const std::vector<double>& hr = s.heart_rate_bpm;
  if (hr.empty()) return;
  m.avg_hr_bpm = AverageHeartRate(hr);
  if (!m.avg_hr_bpm) return;
  if (zone_lower_bpm) {
    m.hr_zone_s = TimeInHrZonesBpm(hr, *zone_lower_bpm);
  } else if (settings.max_hr_bpm > 0) {
    m.hr_zone_s = TimeInHrZones(hr, settings.max_hr_bpm);
  }
  if (m.hr_zone_s) m.strive_weighted_minutes = StriveWeightedMinutes(*m.hr_zone_s);
  m.efficiency_factor = Ratio(m.np_w, m.avg_hr_bpm);
  m.ef_steady = IsSteadyForEf(s, m);
  if (!s.power_w.empty()) {
    m.decoupling_pct = AerobicDecoupling(s.power_w, hr);
    m.decoupling_valid = m.decoupling_pct && m.variability_index && *m.variability_index <= 1.05;
  }
  if (s.seconds < kMinSamplesTrimp) return;
  const double seconds = IsPositive(m.moving_time_s) ? *m.moving_time_s : *m.duration_s;
  m.trimp = Trimp(seconds / 60.0, *m.avg_hr_bpm, settings.resting_hr_bpm, settings.max_hr_bpm,
                  settings.sex);
  if (m.trimp) {
    m.trimp100 = Trimp100(*m.trimp, settings.lthr_bpm, settings.resting_hr_bpm, settings.max_hr_bpm,
                          settings.sex);
  }
}

}  // namespace

RideMetrics ComputeRideMetrics(const RideInput& in, const RideSettings& settings) {
  return ComputeRideMetrics(PrepareSeries(in, settings.gaps), in.ftp_w, in.hr_zone_lower_bpm,
                            settings);
}

RideMetrics ComputeRideMetrics(const Series1Hz& series, std::optional<double> ftp_w,
                               const std::optional<std::array<double, 5>>& hr_zone_lower_bpm,
                               const RideSettings& settings) {
  RideMetrics m;
  if (series.seconds == 0) return m;
  m.duration_s = static_cast<double>(series.seconds);
  m.moving_time_s = MovingTime(series);
  FillPower(series, ftp_w, settings, m);
  FillHeart(series, hr_zone_lower_bpm, settings, m);
  return m;
}

}  // namespace pelo::analytics
