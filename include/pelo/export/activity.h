// One workout as the file writers (FIT, TCX, GPX) take it: what it is, its samples on their own
// time axis, its route, laps, strength sets and the totals pelo stores for it. The app layer
// builds it from the store (several back-to-back workouts become one with a lap per class); each
// writer is a pure function of it, so the same workout gives the same bytes on every export.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pelo/model/performance_graph.h"
#include "pelo/model/tables.h"

namespace pelo::exporter {

// A lap: [start_s, start_s + length_s) on the samples' time axis.
struct Lap {
  int64_t start_s = 0;
  int64_t length_s = 0;
  std::string name;
};

// One strength set: a movement performed (tracked by Peloton Guide: repetitions, weight) or
// planned by the class (time only), or a rest between them.
struct StrengthSet {
  int64_t start_s = 0;  // on the samples' time axis
  int64_t duration_s = 0;
  bool rest = false;
  std::string movement_id;    // Peloton's movement id ("" for a rest or unknown)
  std::string movement_name;  // written by strangers: "Wide Grip Overhead Press", "Push Up"
  std::optional<int64_t> repetitions;  // tracked reps (for a hold: nullopt, duration_s says it)
  std::optional<double> weight_kg;     // total weight moved per repetition; 0 bodyweight
};

// The device a FIT file names as its maker (file_id, device_info). Readers act on it: Garmin
// Connect computes Training Effect and load only for some (formats.md).
struct DeviceIdentity {
  uint16_t manufacturer = 0;      // FIT manufacturer (1 Garmin, 89 Tacx)
  uint16_t product = 0;           // FIT product of that manufacturer
  uint16_t software_version = 0;  // x100 (1.30 is 130), as FIT's device_info writes it
  uint32_t serial_number = 0;

  bool operator==(const DeviceIdentity&) const = default;
};

struct Activity {
  std::string workout_id;
  std::string title;       // written by strangers: every writer escapes it
  std::string discipline;  // Peloton's fitness_discipline ("cycling", "running", ...)
  bool is_outdoor = false;
  int64_t start_time = 0;                 // epoch s of t_s = 0 and of the GPS offsets' zero
  std::vector<model::SampleRow> samples;  // by t_s (seconds from the start), metric units
  std::vector<model::GpsPoint> gps;       // by seconds_offset
  std::vector<Lap> laps;                  // in order; empty: the whole workout is one lap
  std::vector<StrengthSet> sets;          // strength workouts: in time order; else empty
  std::optional<double> distance_km;      // the workout's total as stored (none: from speed only)
  std::optional<double> calories_kcal;    // the workout's total as stored

  // Where the workout was done: seconds east of UTC at start_time (FIT activity.local_timestamp),
  // nullopt when its time zone is unknown.
  std::optional<int64_t> utc_offset_s;
  // The totals and averages pelo stores for it (workouts and ride_metrics), written as the
  // session's so every reader shows pelo's numbers; nullopt where unknown.
  std::optional<double> total_work_kj;
  std::optional<double> avg_power_w, max_power_w, normalized_power_w;
  std::optional<double> avg_heart_rate_bpm, max_heart_rate_bpm;
  std::optional<double> avg_cadence_rpm;
  std::optional<double> intensity_factor, training_stress_score;
  std::optional<double> ftp_w;  // the FTP in effect on the workout's date (pelo's FTP chain)
  // Time in the 7 power zones (analytics.md §2.10) and 5 heart-rate zones (§2.11) as pelo
  // computed them, seconds; nullopt where unknown. Zone upper bounds, where known: power from
  // ftp_w, heart rate in bpm (zones 1..4; zone 5 is open): the highest heart rate of the zone,
  // inclusive, as Peloton's zones give it (max_value 119 for "<120 bpm").
  std::array<std::optional<double>, 7> power_zone_s{};
  std::array<std::optional<double>, 5> heart_rate_zone_s{};
  std::array<std::optional<double>, 4> heart_rate_zone_high_bpm{};
  std::optional<double> total_ascent_m;  // climbed, as Peloton summarised it (tread elevation)
  DeviceIdentity device;                 // who the FIT file says made it
};

// Adds an empty sample (t_s only) at each second of the route that has no sample, in time order,
// so that every writer keeps every GPS point: Peloton's samples can skip seconds its track has
// (a 2019 outdoor walk: 16 of 1,198). Positions are matched to samples by second (offset).
void AddRouteSeconds(Activity& activity);

// Seconds per sample: the smallest step between successive samples (1 at 1 Hz, 5 when Peloton
// kept every 5th second); 1 when there are fewer than two.
int64_t SampleStepS(const std::vector<model::SampleRow>& samples);

// The speed of `s` in m/s: speed_kph, or for rowing without it 500 m per split pace; nullopt
// when neither is there, finite and non-negative (positive for the pace).
std::optional<double> SampleSpeedMps(const model::SampleRow& s);

// Per sample, the metres covered since the start: each sample's speed held until the next
// sample, but never for longer than the sampling step, so a pause adds nothing. When the stored
// total (distance_km) is known and the integral is positive, scaled so that the last value is
// that total exactly: the points then agree with the session total every reader shows. All 0
// without any speed.
std::vector<double> CumulativeDistanceM(const Activity& activity);

}  // namespace pelo::exporter
