// Every per-ride metric of analytics.md §2 in one pass: RideInput (samples as stored) in,
// RideMetrics out. nullopt is the spec's NA: a metric whose channel is absent (no power on a
// yoga class, no strap), whose threshold is unknown (no FTP) or whose ride is too short (§1.5).
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "pelo/analytics/intervals.h"
#include "pelo/analytics/ride_input.h"
#include "pelo/analytics/series.h"
#include "pelo/analytics/zones.h"

namespace pelo::analytics {

// The MMP durations every ride reports (§2.4): 1 s, 5 s, 30 s, 1, 5, 20 and 60 min.
inline constexpr std::array<int, 7> kMmpDurationsS = {1, 5, 30, 60, 300, 1200, 3600};

struct RideMetrics {
  // §2.1: N·dt after gap repair; nullopt without samples.
  std::optional<double> duration_s;
  // §2.1: dt·#{cadence > 0 or speed > 0}; nullopt without a cadence or speed channel.
  std::optional<double> moving_time_s;
  // §2.2 (zeros included) and nonzero average power.
  std::optional<double> avg_power_w;
  std::optional<double> nonzero_avg_power_w;
  // §2.3 Σ max(P, 0)·dt / 1000.
  std::optional<double> work_kj;
  // §2.4 MMP at kMmpDurationsS; nullopt when the ride is shorter. Not monotone in general.
  std::array<std::optional<double>, 7> mmp_w;
  // §1.2(2): true where the duration is shorter than every_n (a lower bound of the true peak).
  std::array<bool, 7> mmp_resolution_limited{};
  // §2.5 Normalized Power (normative, full 30 s windows); N < 30 -> nullopt.
  std::optional<double> np_w;
  // §2.5 GC IsoPower variant on the 1 Hz series, for parity checks only.
  std::optional<double> np_gc_w;
  // §2.6 NP / avgP.
  std::optional<double> variability_index;
  // §2.7 NP / FTP_ride.
  std::optional<double> intensity_factor;
  // §2.8 TSS = duration/3600 · IF² · 100, and TSS per hour.
  std::optional<double> tss;
  std::optional<double> tss_per_hour;
  // §2.9 xPower (1 Hz EWMA), relative intensity xPower/CP and BikeScore (CP: settings.cp_w,
  // else FTP_ride).
  std::optional<double> xpower_w;
  std::optional<double> relative_intensity;
  std::optional<double> bike_score;
  // §2.10 seconds in Peloton power zones Z1..Z7 at FTP_ride.
  std::optional<PowerZoneSeconds> power_zone_s;
  // §2.11 seconds in HR zones Z1..Z5 (the workout's own bounds, else % of max HR).
  std::optional<HrZoneSeconds> hr_zone_s;
  // §2.12 average HR (samples > 0) and EF = NP / avgHR.
  std::optional<double> avg_hr_bpm;
  std::optional<double> efficiency_factor;
  // §2.12 EF usable for trends: >= 20 min, VI <= 1.05, IF <= 0.80, HR on >= 90 % of samples.
  bool ef_steady = false;
  // §2.13 Pw:Hr decoupling in % (halves split at N/2); N < 1200 -> nullopt.
  std::optional<double> decoupling_pct;
  // §2.13 false unless the ride was steady (VI <= 1.05): keep others out of trends.
  bool decoupling_valid = false;
  // §2.14 TRIMP over moving time (else duration) and TRIMP100 against 60 min at LTHR.
  std::optional<double> trimp;
  std::optional<double> trimp100;
  // §2.15 Strive weighted minutes from hr_zone_s (Peloton's own score stays the truth).
  std::optional<double> strive_weighted_minutes;
  // §2.16 intervals with the hi, thr and sprint parameter sets; nullopt without power or FTP.
  std::optional<std::vector<WorkInterval>> hi_intervals;
  std::optional<std::vector<WorkInterval>> threshold_intervals;
  std::optional<std::vector<WorkInterval>> sprint_intervals;
  // §2.16 / §5.2 t_hi: seconds at >= 105 % FTP_ride.
  std::optional<double> seconds_at_or_above_105_pct;
};

// §1 then §2 for one workout.
RideMetrics ComputeRideMetrics(const RideInput& in, const RideSettings& settings = {});

// §2 for a workout already through §1 (PrepareSeries); `ftp_w` and `hr_zone_lower_bpm` as in
// RideInput.
RideMetrics ComputeRideMetrics(const Series1Hz& series, std::optional<double> ftp_w,
                               const std::optional<std::array<double, 5>>& hr_zone_lower_bpm,
                               const RideSettings& settings = {});

}  // namespace pelo::analytics
