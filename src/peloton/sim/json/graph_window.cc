#include <cmath>
#include <string>
#include <vector>

#include "peloton/sim/json/graph_json.h"
#include "peloton/sim/json/numbers.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

// Decimals a metric is reported with: whole numbers for watts, rpm, %, bpm, spm and feet.
int DecimalsFor(const std::string& slug, const json& values) {
  if (slug == "output" || slug == "cadence" || slug == "resistance" || slug == "heart_rate" ||
      slug == "stroke_rate" || slug == "altitude") {
    return 0;
  }
  if (slug == "speed" || slug == "incline") return 1;
  if (slug == "pace" || slug == "split_pace") return 2;
  for (const auto& v : values) {
    if (v.is_number_float() && v.get<double>() != std::floor(v.get<double>())) return 2;
  }
  return 0;
}

json WindowValues(const json& values, const std::vector<int>& axis, int every_n, int duration,
                  int decimals) {
  json out = json::array();
  size_t i = 0;
  for (int t = 0; t <= duration; t += every_n) {
    double sum = 0;
    int n = 0;
    while (i < axis.size() && axis[i] < t) ++i;
    for (size_t j = i; j < axis.size() && axis[j] < t + every_n; ++j) {
      if (j < values.size() && values[j].is_number()) {
        sum += values[j].get<double>();
        ++n;
      }
    }
    out.push_back(n == 0 ? json(nullptr) : Number(sum / n, decimals));
  }
  return out;
}

void WindowMetric(json& metric, const std::vector<int>& axis, int every_n, int duration) {
  if (metric.contains("values") && metric["values"].is_array()) {
    const std::string slug = metric.value("slug", "");
    const int decimals = DecimalsFor(slug, metric["values"]);
    metric["values"] = WindowValues(metric["values"], axis, every_n, duration, decimals);
  }
  if (metric.contains("alternatives") && metric["alternatives"].is_array()) {
    for (auto& alt : metric["alternatives"]) WindowMetric(alt, axis, every_n, duration);
  }
}

}  // namespace

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
