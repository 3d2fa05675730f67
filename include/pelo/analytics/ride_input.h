// What the per-ride metrics (analytics.md §1, §2) take in: one workout's samples as stored, and
// the athlete settings the heart-rate metrics need.
#pragma once

#include <array>
#include <optional>
#include <vector>

namespace pelo::analytics {

// One channel of a performance graph: one value per sample, nullopt = missing.
using Samples = std::vector<std::optional<double>>;

// One workout's performance graph (§1.1). A channel with no present value is "absent": a yoga
// class has no output, a ride without a strap has no heart rate.
struct RideInput {
  int every_n = 1;              // seconds per sample (§1.2); values < 1 are taken as 1
  std::vector<double> times_s;  // seconds_since_pedaling_start; empty = contiguous samples (§1.3)
  Samples output_w;             // power (W)
  Samples heart_rate_bpm;       // 0 = sensor missing (§1.4)
  Samples cadence_rpm;          // > 0 = moving (§2.1)
  Samples speed;                // any unit; only > 0 matters (§2.1)
  // FTP in effect on the ride date (§1.6, §3.1). nullopt for non-cycling workouts: their output
  // has no FTP-relative metric (IF, TSS, zones, intervals; §2.8, §4).
  std::optional<double> ftp_w;
  // The workout's own HR zone lower bounds (heart_rate.zones[].min_value, Z1..Z5), preferred
  // over %HRmax when present (§2.11).
  std::optional<std::array<double, 5>> hr_zone_lower_bpm;
};

enum class Sex { kMale, kFemale };

// Gap repair policy (§1.3), GC FixGaps defaults.
struct GapOptions {
  double tolerance_s = 1.0;  // GC_DPFG_TOLERANCE: shorter gaps are ignored
  double stop_s = 90.0;      // GC_DPFG_STOP: longer gaps are zero-filled, not interpolated
  bool gc_offbyone = false;  // GC's step / cnt instead of / (cnt + 1); parity tests only
};

// Athlete settings. The spec names no defaults beyond its TRIMP vector TV-15 (rest 50, max
// 190, LTHR 170 bpm); callers should pass the athlete's own values (max HR: /api/me
// customized_max_heart_rate if > 0, else default_max_heart_rate; §2.11).
struct RideSettings {
  double max_hr_bpm = 190;     // HR zones (§2.11) and TRIMP (§2.14)
  double resting_hr_bpm = 50;  // TRIMP (§2.14)
  double lthr_bpm = 170;       // TRIMP100 (§2.14)
  Sex sex = Sex::kMale;        // TRIMP k = 1.92 (male) or 1.67 (female)
  std::optional<double> cp_w;  // CP for BikeScore (§2.9); nullopt = the ride's FTP
  GapOptions gaps;             // §1.3
};

// The athlete's own values from `pelo config`, each overriding what pelo would otherwise use
// (max HR from /api/me, else the defaults above).
struct AthleteSettings {
  std::optional<double> max_hr_bpm;
  std::optional<double> resting_hr_bpm;
  std::optional<double> lthr_bpm;
  std::optional<Sex> sex;

  bool operator==(const AthleteSettings&) const = default;
};

}  // namespace pelo::analytics
