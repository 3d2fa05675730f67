// Flat rows as stored and exported: one per workout, one per workout-second.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace pelo::model {

// One workout, with the notebook's columns first (bench/notebook_pipeline.py), then pelo's.
struct WorkoutRow {
  std::string workout_id;
  std::string peloton_id;
  std::optional<int64_t> end_time;        // epoch s ("date" column)
  std::optional<double> duration;         // performance graph `duration`, s
  std::optional<double> total_output;     // kJ (summaries total_output)
  std::optional<double> max_output;       // W (metric output max_value)
  std::optional<double> average_output;   // W
  std::optional<double> average_cadence;  // rpm
  std::optional<double> max_resistance;   // %
  std::optional<double> average_resistance;
  std::optional<double> average_heart_rate;  // bpm
  std::optional<double> max_heart_rate;
  std::string discipline;
  std::string title;
  std::string instructor;
  std::optional<int64_t> start_time;  // epoch s
  std::optional<double> distance_km;
  std::optional<double> calories_kcal;
  std::optional<double> ftp;  // in effect at the workout (analytics.md §3.1)
  bool deleted = false;       // no longer on Peloton (found by `pelo sync --reconcile`)
  std::string timezone;       // the workout's IANA zone ("America/New_York"), "" if unknown;
                              // not a column of the CSV (its dates are UTC)

  bool operator==(const WorkoutRow&) const = default;
};

// One sample of a performance graph, metric units; nullopt where the metric is absent.
struct SampleRow {
  std::string workout_id;
  int64_t t_s = 0;  // seconds_since_pedaling_start
  std::optional<double> output_w;
  std::optional<double> cadence_rpm;
  std::optional<double> resistance_pct;
  std::optional<double> speed_kph;
  std::optional<double> heart_rate_bpm;
  std::optional<double> incline_pct;
  std::optional<double> pace_min_per_km;
  std::optional<double> altitude_m;
  std::optional<double> stroke_rate_spm;
  std::optional<double> split_pace_s_per_500m;

  bool operator==(const SampleRow&) const = default;
};

}  // namespace pelo::model
