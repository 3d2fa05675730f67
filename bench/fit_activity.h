// The workout the FIT benchmarks write (pelo_bench's BM_FitFile3h and pelo_fit_write, which
// bench/fit_vs_js.sh times against Garmin's JavaScript encoder): a 3-hour ride at 1 Hz, as the
// store gives it to the writers, with the same channels and values as bench/ride_bench.cc's
// ride (output, cadence, resistance, speed and heart rate), 12 segment laps, pelo's stored
// totals, FTP and zones, and outdoors a GPS point and an altitude per second.
#pragma once

#include <cmath>

#include "pelo/export/activity.h"

namespace pelo::bench {

inline exporter::Activity FitBenchRide3h(bool gps) {
  constexpr int kSeconds = 3 * 3600;
  exporter::Activity a;
  a.workout_id = "0123456789abcdef0123456789abcde0";
  a.title = "180 min Endurance Ride";
  a.discipline = "cycling";
  a.is_outdoor = gps;
  a.start_time = 1780000000;
  a.samples.reserve(kSeconds);
  for (int t = 0; t < kSeconds; ++t) {
    model::SampleRow s;
    s.t_s = t;
    s.output_w = 180.0 + t % 97;
    s.cadence_rpm = 80.0 + t % 23;
    s.resistance_pct = 40.0 + t % 17;
    s.speed_kph = std::round((18 + (t % 61) / 10.0) * 10) / 10 * 1.609344;
    s.heart_rate_bpm = 120.0 + t % 51;
    if (gps) s.altitude_m = 20 + 10 * std::sin(t / 600.0);
    a.samples.push_back(s);
  }
  if (gps) {
    a.gps.reserve(kSeconds);
    for (int t = 0; t < kSeconds; ++t) {
      a.gps.push_back({t, 40.7127753 + t * 1.37e-5, -74.0059728 + t * 0.91e-5, 3.2, t * 0.0089,
                       "km", "", false});
    }
  }
  for (int s = 0; s < 12; ++s) a.laps.push_back({s * 900, 900, "Cycling"});
  a.distance_km = 95.3;
  a.calories_kcal = 2150;
  a.utc_offset_s = -4 * 3600;
  a.total_work_kj = 2411.2;
  a.avg_power_w = 228;
  a.max_power_w = 276;
  a.normalized_power_w = 231.4;
  a.avg_heart_rate_bpm = 145;
  a.max_heart_rate_bpm = 170;
  a.avg_cadence_rpm = 91;
  a.intensity_factor = 0.926;
  a.training_stress_score = 257.2;
  a.ftp_w = 250;
  a.power_zone_s = {0, 0, 5400, 5400, 0, 0, 0};
  a.heart_rate_zone_s = {600, 2400, 4200, 3000, 600};
  a.heart_rate_zone_high_bpm = {119, 139, 159, 179};
  return a;
}

}  // namespace pelo::bench
