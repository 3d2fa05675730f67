// The numbers of a workout that its performance graph holds (averages, maxima, totals), read
// once per workout and cached: the workout-history CSV, the legacy summary and the overview's
// personal records all need them, and building a synthetic graph regenerates its samples.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "peloton/sim/world/data_set.h"

namespace pelo::sim {

// One metric over a workout.
struct Stat {
  std::optional<double> average;
  std::optional<double> max;
  std::optional<double> last;  // the last recorded value
};

struct WorkoutMetrics {
  Stat output, cadence, resistance, speed, heart_rate, incline;  // speed in mph
  std::optional<double> total_output_kj;
  std::optional<double> distance_mi;
  std::optional<double> calories;
  std::optional<double> avg_pace_min_mi;  // running and walking only
  int duration = 0;                       // seconds
};

// Reads the metrics of a performance_graph body (distances in any of mi, km and m).
WorkoutMetrics ReadMetrics(const nlohmann::json& graph);

// ReadMetrics of a synthetic workout's graph, read from its outline and samples.
WorkoutMetrics SyntheticMetrics(const SyntheticWorkout& workout);

// Thread-safe cache of the metrics of the data set's workouts (SyntheticMetrics for synthetic
// ones, else ReadMetrics of their graphs).
class MetricsCache {
 public:
  std::shared_ptr<const WorkoutMetrics> For(const WorkoutEntry& workout) const;

 private:
  mutable std::mutex mu_;
  mutable std::map<std::string, std::shared_ptr<const WorkoutMetrics>> cache_;
};

}  // namespace pelo::sim
