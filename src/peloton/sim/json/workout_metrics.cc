#include "peloton/sim/json/workout_metrics.h"

#include "peloton/sim/json/json_read.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

constexpr double kMetersPerMile = 1609.344;

std::optional<double> Number(const json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

Stat ReadStat(const json& metric) {
  Stat stat{Number(metric, "average_value"), Number(metric, "max_value"), std::nullopt};
  const json values = metric.value("values", json::array());
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    if (it->is_number()) {
      stat.last = it->get<double>();
      break;
    }
  }
  return stat;
}

void ReadMetric(const json& metric, WorkoutMetrics& m) {
  const std::string slug = Read(metric, "slug", "");
  if (slug == "output") m.output = ReadStat(metric);
  if (slug == "cadence") m.cadence = ReadStat(metric);
  if (slug == "resistance") m.resistance = ReadStat(metric);
  if (slug == "speed") m.speed = ReadStat(metric);
  if (slug == "heart_rate") m.heart_rate = ReadStat(metric);
  if (slug == "incline") m.incline = ReadStat(metric);
  // Running graphs carry speed as an alternative view of pace.
  for (const json& alternative : metric.value("alternatives", json::array())) {
    if (alternative.is_object()) ReadMetric(alternative, m);
  }
}

std::optional<double> Miles(const json& summary) {
  const auto value = Number(summary, "value");
  if (!value) return std::nullopt;
  const std::string unit = Read(summary, "display_unit", "mi");
  if (unit == "km") return *value * 1000 / kMetersPerMile;
  if (unit == "m") return *value / kMetersPerMile;
  return value;
}

}  // namespace

WorkoutMetrics ReadMetrics(const json& graph) {
  WorkoutMetrics m;
  m.duration = Read(graph, "duration", 0);
  for (const json& metric : graph.value("metrics", json::array())) {
    if (metric.is_object()) ReadMetric(metric, m);
  }
  for (const json& summary : graph.value("summaries", json::array())) {
    if (!summary.is_object()) continue;
    const std::string slug = Read(summary, "slug", "");
    if (slug == "total_output") m.total_output_kj = Number(summary, "value");
    if (slug == "distance") m.distance_mi = Miles(summary);
    if (slug == "calories") m.calories = Number(summary, "value");
  }
  for (const json& average : graph.value("average_summaries", json::array())) {
    if (average.is_object() && Read(average, "slug", "") == "avg_pace" &&
        Read(average, "display_unit", "") == "min/mi") {
      m.avg_pace_min_mi = Number(average, "value");
    }
  }
  return m;
}

std::shared_ptr<const WorkoutMetrics> MetricsCache::For(const WorkoutEntry& workout) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = cache_.find(workout.id);
    if (it != cache_.end()) return it->second;
  }
  // Built outside the lock, as DataSet::GraphBody does: a race only builds the same twice.
  auto metrics = std::make_shared<const WorkoutMetrics>(ReadMetrics(workout.graph()));
  std::lock_guard<std::mutex> lock(mu_);
  cache_[workout.id] = metrics;
  return metrics;
}

}  // namespace pelo::sim
