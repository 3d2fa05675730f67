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

struct PerformanceGraph {
  std::optional<int64_t> duration;  // s
  std::vector<int64_t> seconds_since_pedaling_start;
  std::vector<Segment> segments;
  std::vector<SummaryValue> summaries;
  std::vector<SummaryValue> average_summaries;
  std::vector<Metric> metrics;
  std::vector<GpsPoint> gps;
  std::optional<double> total_effort_points;

  // The metric with `slug` (also searching alternatives), or nullptr.
  const Metric* FindMetric(std::string_view slug) const;
  // The value of summaries[] (then average_summaries[]) entry `slug`, or nullopt.
  std::optional<double> Summary(std::string_view slug) const;
  const SummaryValue* FindSummary(std::string_view slug) const;
};

}  // namespace pelo::model
