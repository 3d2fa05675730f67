#include "peloton/sim/json/workout_metrics.h"

#include <cmath>
#include <vector>

#include "peloton/sim/json/graph_json.h"
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

// An outline's series (graph_json.h), or null when reading a whole graph.
using OutlineSeries = std::vector<const std::vector<double>*>;

Stat ReadStat(const json& metric, const OutlineSeries* series) {
  Stat stat{Number(metric, "average_value"), Number(metric, "max_value"), std::nullopt};
  const auto index = metric.find("values");
  if (series != nullptr && index != metric.end() && index->is_number_integer()) {
    const std::vector<double>& v = *series->at(index->get<size_t>());
    for (auto it = v.rbegin(); it != v.rend(); ++it) {
      if (!std::isnan(*it)) {  // NaN is the graph's null
        stat.last = *it;
        break;
      }
    }
    return stat;
  }
  const json values = metric.value("values", json::array());
  for (auto it = values.rbegin(); it != values.rend(); ++it) {
    if (it->is_number()) {
      stat.last = it->get<double>();
      break;
    }
  }
  return stat;
}

void ReadMetric(const json& metric, const OutlineSeries* series, WorkoutMetrics& m) {
  const std::string slug = Read(metric, "slug", "");
  if (slug == "output") m.output = ReadStat(metric, series);
  if (slug == "cadence") m.cadence = ReadStat(metric, series);
  if (slug == "resistance") m.resistance = ReadStat(metric, series);
  if (slug == "speed") m.speed = ReadStat(metric, series);
  if (slug == "heart_rate") m.heart_rate = ReadStat(metric, series);
  if (slug == "incline") m.incline = ReadStat(metric, series);
  // Running graphs carry speed as an alternative view of pace.
  for (const json& alternative : metric.value("alternatives", json::array())) {
    if (alternative.is_object()) ReadMetric(alternative, series, m);
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

WorkoutMetrics ReadGraph(const json& graph, const OutlineSeries* series) {
  WorkoutMetrics m;
  m.duration = Read(graph, "duration", 0);
  for (const json& metric : graph.value("metrics", json::array())) {
    if (metric.is_object()) ReadMetric(metric, series, m);
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

}  // namespace

WorkoutMetrics ReadMetrics(const json& graph) { return ReadGraph(graph, nullptr); }

WorkoutMetrics SyntheticMetrics(const SyntheticWorkout& workout) {
  const Samples samples = workout.GenerateSamples();
  const GraphOutline outline =
      BuildGraphOutline(workout.plan, workout.ride(), samples, workout.profile);
  return ReadGraph(outline.document, &outline.series);
}

std::shared_ptr<const WorkoutMetrics> MetricsCache::For(const WorkoutEntry& workout) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    const auto it = cache_.find(workout.id);
    if (it != cache_.end()) return it->second;
  }
  // Built outside the lock, as DataSet::GraphBody does: a race only builds the same twice.
  auto metrics = std::make_shared<const WorkoutMetrics>(
      workout.synthetic ? SyntheticMetrics(*workout.synthetic) : ReadMetrics(workout.graph()));
  std::lock_guard<std::mutex> lock(mu_);
  cache_[workout.id] = metrics;
  return metrics;
}

}  // namespace pelo::sim
