// performance_graph bodies: built from synthetic samples, and windowed to a coarser every_n.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "peloton/sim/world/athlete.h"

namespace pelo::sim {

// The 1-s time axis of a workout's `samples` samples (seconds_since_pedaling_start): 1, 2, ...
// and, after a pause (WorkoutPlan::pause_at), on from the second the workout went on again.
std::vector<int> TimeAxis(const WorkoutPlan& plan, int samples);

// The every_n=1 performance graph of a synthetic workout (time axis TimeAxis; "duration" the
// seconds it spans, a pause included).
nlohmann::json BuildGraphJson(const WorkoutPlan& plan, const RideClass& ride,
                              const Samples& samples, const Profile& profile);

// A synthetic workout's graph without its per-second arrays (thousands of DOM nodes each), which
// graph_body.h writes straight from the samples: `document` is BuildGraphJson's with
// "seconds_since_pedaling_start" empty and each metric's "values" the index in `series` of the
// samples' vector it holds. `series` points into the Samples it was built from; `axis` is the
// 1-s time axis (empty: 1..duration).
struct GraphOutline {
  nlohmann::json document;
  std::vector<const std::vector<double>*> series;
  std::vector<int> axis;
};
GraphOutline BuildGraphOutline(const WorkoutPlan& plan, const RideClass& ride,
                               const Samples& samples, const Profile& profile);

// The step of a graph's time axis (1 when it has fewer than two points).
int GraphStep(const nlohmann::json& graph);

// A 1-s graph resampled to `every_n` > 1: time axis 0, N, 2N, ... up to `duration` inclusive;
// each value the mean of the 1-s values in [t, t+N), rounded to the metric's precision, null
// when the window is empty. Everything else (max/average, summaries) is kept as is, as the
// real API computes those from the full-resolution data.
nlohmann::json WindowGraph(const nlohmann::json& graph, int every_n);

// WindowGraph's rules on one series (NaN where a value is null), shared with graph_body.h:
// the decimals a metric's windows are rounded to, and each window's mean (nullopt when empty)
// for t = 0, N, 2N, ... up to `duration`, over the values whose `axis` time is in [t, t+N).
int WindowDecimals(const std::string& slug, const std::vector<double>& values);
std::vector<std::optional<double>> WindowMeans(const std::vector<double>& values,
                                               const std::vector<int>& axis, int every_n,
                                               int duration);

// Effort points from seconds per heart-rate zone (harder zones weigh more).
double EffortPoints(const std::array<int, 5>& zone_seconds);

// {total_effort_points, heart_rate_zone_durations{heart_rate_z1_duration..z5}}.
nlohmann::json EffortZonesJson(const std::array<int, 5>& zone_seconds);

}  // namespace pelo::sim
