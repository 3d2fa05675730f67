// GET /api/workout/{id}/performance_graph: time axis, one series per metric, summaries, GPS.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pelo/model/ride.h"

namespace pelo::model {

struct HeartRateZone {
  std::string slug;  // zone1..zone5
  std::optional<double> min_value;
  std::optional<double> max_value;
  std::optional<double> duration;  // s
};

// One metric: its series (aligned with the time axis; nullopt where the API sent null).
struct Metric {
  std::string slug;  // output, cadence, resistance, speed, heart_rate, pace, incline, ...
  std::string display_name;
  std::string display_unit;  // watts, rpm, %, mph, kph, bpm, min/mi, ...
  std::optional<double> max_value;
  std::optional<double> average_value;
  std::vector<std::optional<double>> values;
  std::vector<Metric> alternatives;  // e.g. speed under pace
  std::vector<HeartRateZone> zones;
};

// A summary figure (summaries[] and average_summaries[]).
struct SummaryValue {
  std::string slug;  // total_output, distance, calories, avg_output, ...
  std::string display_name;
  std::string display_unit;
  std::optional<double> value;
};

struct GpsPoint {
  int64_t seconds_offset = 0;
  double latitude = 0;
  double longitude = 0;
  std::optional<double> accuracy;
  std::optional<double> distance;
  std::string distance_unit;
  std::string segment_id;
  bool is_gap = false;
};

// One target of a target-metrics block: the range the class asked for (`metrics[]`).
struct TargetMetric {
  std::string name;  // "speed", "incline", "cadence", "resistance", "power_zone", ...
  std::optional<double> lower;
  std::optional<double> upper;

  bool operator==(const TargetMetric&) const = default;
};

// One block of `target_metrics_performance_data.target_metrics[]`: from start_s to end_s (the
// graph's `offsets`, s, as sent) the class targeted `metrics`. (The legacy
// `target_performance_metrics` per-second series is another thing, not read.)
struct TargetBlock {
  int64_t start_s = 0;
  int64_t end_s = 0;
  std::string segment_type;  // "running", "cycling", ... as sent
  std::vector<TargetMetric> metrics;

  bool operator==(const TargetBlock&) const = default;
};

struct PerformanceGraph {
  std::optional<int64_t> duration;  // s
  std::vector<int64_t> seconds_since_pedaling_start;
  std::vector<Segment> segments;
  std::vector<SummaryValue> summaries;
  std::vector<SummaryValue> average_summaries;
  std::vector<Metric> metrics;
  std::vector<GpsPoint> gps;
  std::optional<double> total_effort_points;
  // In the graph's order; blocks without both offsets are left out.
  std::vector<TargetBlock> target_blocks;

  // The metric with `slug` (also searching alternatives), or nullptr.
  const Metric* FindMetric(std::string_view slug) const;
  // The value of summaries[] (then average_summaries[]) entry `slug`, or nullopt.
  std::optional<double> Summary(std::string_view slug) const;
  const SummaryValue* FindSummary(std::string_view slug) const;
};

}  // namespace pelo::model
