#include <cmath>
#include <string>
#include <vector>

#include "peloton/sim/json/graph_json.h"
#include "peloton/sim/json/numbers.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

// A metric's values as WindowMeans reads them: numbers, NaN for anything else (null).
std::vector<double> NumbersOf(const json& values) {
  std::vector<double> out;
  out.reserve(values.size());
  for (const auto& v : values) out.push_back(v.is_number() ? v.get<double>() : NAN);
  return out;
}

json WindowValues(const json& values, const std::vector<int>& axis, int every_n, int duration,
                  const std::string& slug) {
  const std::vector<double> series = NumbersOf(values);
  const int decimals = WindowDecimals(slug, series);
  json out = json::array();
  for (const auto& mean : WindowMeans(series, axis, every_n, duration)) {
    out.push_back(mean ? Number(*mean, decimals) : json(nullptr));
  }
  return out;
}

void WindowMetric(json& metric, const std::vector<int>& axis, int every_n, int duration) {
  if (metric.contains("values") && metric["values"].is_array()) {
    metric["values"] =
        WindowValues(metric["values"], axis, every_n, duration, metric.value("slug", ""));
  }
  if (metric.contains("alternatives") && metric["alternatives"].is_array()) {
    for (auto& alt : metric["alternatives"]) WindowMetric(alt, axis, every_n, duration);
  }
}

}  // namespace

// Whole numbers for watts, rpm, %, bpm, spm and feet; other metrics by what they hold.
int WindowDecimals(const std::string& slug, const std::vector<double>& values) {
  if (slug == "output" || slug == "cadence" || slug == "resistance" || slug == "heart_rate" ||
      slug == "stroke_rate" || slug == "altitude") {
    return 0;
  }
  if (slug == "speed" || slug == "incline") return 1;
  if (slug == "pace" || slug == "split_pace") return 2;
  for (double v : values) {
    if (!std::isnan(v) && v != std::floor(v)) return 2;
  }
  return 0;
}

std::vector<std::optional<double>> WindowMeans(const std::vector<double>& values,
                                               const std::vector<int>& axis, int every_n,
                                               int duration) {
  std::vector<std::optional<double>> out;
  size_t i = 0;
  for (int t = 0; t <= duration; t += every_n) {
    double sum = 0;
    int n = 0;
    while (i < axis.size() && axis[i] < t) ++i;
    for (size_t j = i; j < axis.size() && axis[j] < t + every_n; ++j) {
      if (j < values.size() && !std::isnan(values[j])) {
        sum += values[j];
        ++n;
      }
    }
    out.push_back(n == 0 ? std::nullopt : std::optional<double>(sum / n));
  }
  return out;
}

int GraphStep(const json& graph) {
  const auto it = graph.find("seconds_since_pedaling_start");
  if (it == graph.end() || !it->is_array() || it->size() < 2) return 1;
  if (!(*it)[0].is_number() || !(*it)[1].is_number()) return 1;
  return (*it)[1].get<int>() - (*it)[0].get<int>();
}

json WindowGraph(const json& graph, int every_n) {
  json out = graph;
  std::vector<int> axis;
  for (const auto& t : graph.value("seconds_since_pedaling_start", json::array())) {
    axis.push_back(t.is_number() ? t.get<int>() : -1);
  }
  int duration = graph.value("duration", 0);
  if (duration <= 0 && !axis.empty()) duration = axis.back();
  json new_axis = json::array();
  for (int t = 0; t <= duration; t += every_n) new_axis.push_back(t);
  out["seconds_since_pedaling_start"] = new_axis;
  if (out.contains("metrics") && out["metrics"].is_array()) {
    for (auto& metric : out["metrics"]) WindowMetric(metric, axis, every_n, duration);
  }
  return out;
}

double EffortPoints(const std::array<int, 5>& zone_seconds) {
  static constexpr double kWeights[5] = {0.2, 0.6, 1.2, 2.0, 3.0};  // points per minute
  double points = 0;
  for (size_t z = 0; z < 5; ++z) points += kWeights[z] * zone_seconds[z] / 60.0;
  return Round(points, 1);
}

}  // namespace pelo::sim
