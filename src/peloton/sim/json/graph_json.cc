// Builds the every_n=1 performance graph of a synthetic workout, shaped like the captures.
#include "peloton/sim/json/graph_json.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "peloton/sim/json/numbers.h"
#include "peloton/sim/json/ride_json.h"
#include "peloton/sim/world/prng.h"
#include "peloton/sim/world/targets.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

// Mean and max over the non-null (non-NaN) values.
std::pair<double, double> MeanMax(const std::vector<double>& v) {
  double sum = 0, max = 0;
  int n = 0;
  for (double x : v) {
    if (std::isnan(x)) continue;
    sum += x;
    max = std::max(max, x);
    ++n;
  }
  return {n ? sum / n : 0.0, max};
}

json Values(const std::vector<double>& v) {
  json out = json::array();
  for (double x : v) {
    if (std::isnan(x)) {
      out.push_back(nullptr);
    } else if (x == std::floor(x) && std::fabs(x) < 1e15) {
      out.push_back(static_cast<int64_t>(x));
    } else {
      out.push_back(x);
    }
  }
  return out;
}

// Where a graph's per-second series go: into the document (the full graph) or, for an outline,
// into `outline` with each one's index in the document in its place.
class SeriesOut {
 public:
  explicit SeriesOut(std::vector<const std::vector<double>*>* outline) : outline_(outline) {}

  json operator()(const std::vector<double>& v) const {
    if (outline_ == nullptr) return Values(v);
    outline_->push_back(&v);
    return outline_->size() - 1;
  }
  bool full() const { return outline_ == nullptr; }

 private:
  std::vector<const std::vector<double>*>* outline_;
};

json Metric(const char* name, const char* unit, const char* slug, const std::vector<double>& v,
            int decimals, const SeriesOut& values) {
  const auto [mean, max] = MeanMax(v);
  return {{"display_name", name},
          {"display_unit", unit},
          {"max_value", Number(max, decimals)},
          {"average_value", Number(mean, decimals)},
          {"values", values(v)},
          {"slug", slug}};
}

// Pace is reported min/mi (or min/500m): its "max" is the fastest, i.e. the smallest value.
json PaceMetric(const char* name, const char* unit, const char* slug, const std::vector<double>& v,
                double best, double average, const SeriesOut& values) {
  return {{"display_name", name},        {"display_unit", unit},
          {"max_value", Round(best, 2)}, {"average_value", Round(average, 2)},
          {"values", values(v)},         {"slug", slug}};
}

json Item(const char* name, const char* unit, double value, const char* slug, int decimals) {
  return {{"display_name", name},
          {"display_unit", unit},
          {"value", Number(value, decimals)},
          {"slug", slug}};
}

json HeartRateMetric(const std::vector<double>& hr, const WorkoutPlan& plan, const Profile& p,
                     const SeriesOut& values) {
  json metric = Metric("Heart Rate", "bpm", "heart_rate", hr, 0, values);
  const auto f = ZoneFloors(p.max_hr);
  const int lows[5] = {0, f[0], f[1], f[2], f[3]};
  const int highs[5] = {f[0] - 1, f[1] - 1, f[2] - 1, f[3] - 1, static_cast<int>(p.max_hr)};
  json zones = json::array();
  for (size_t z = 0; z < 5; ++z) {
    std::string range = z == 0 ? "<" + std::to_string(f[0]) + " bpm"
                        : z == 4
                            ? ">=" + std::to_string(f[3]) + " bpm"
                            : std::to_string(lows[z]) + "-" + std::to_string(highs[z]) + " bpm";
    zones.push_back({{"display_name", "Zone " + std::to_string(z + 1)},
                     {"slug", "zone" + std::to_string(z + 1)},
                     {"range", range},
                     {"duration", plan.zone_seconds[z]},
                     {"max_value", highs[z]},
                     {"min_value", lows[z]}});
  }
  metric["zones"] = zones;
  metric["missing_data_duration"] = 0;
  return metric;
}

double Sum(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += std::isnan(x) ? 0 : x;
  return s;
}

void CyclingParts(const Samples& s, const SeriesOut& values, json& g) {
  const double miles = Sum(s.speed) / 3600.0;
  g["average_summaries"] = {
      Item("Avg Output", "watts", MeanMax(s.output).first, "avg_output", 0),
      Item("Avg Cadence", "rpm", MeanMax(s.cadence).first, "avg_cadence", 0),
      Item("Avg Resistance", "%", MeanMax(s.resistance).first, "avg_resistance", 0),
      Item("Avg Speed", "mph", MeanMax(s.speed).first, "avg_speed", 1)};
  g["summaries"] = {Item("Total Output", "kj", Sum(s.output) / 1000.0, "total_output", 0),
                    Item("Distance", "mi", miles, "distance", 2),
                    Item("Calories", "kcal", s.calories, "calories", 0)};
  g["metrics"] = {Metric("Output", "watts", "output", s.output, 0, values),
                  Metric("Cadence", "rpm", "cadence", s.cadence, 0, values),
                  Metric("Resistance", "%", "resistance", s.resistance, 0, values),
                  Metric("Speed", "mph", "speed", s.speed, 1, values)};
  g["splits_data"] = json::object();
}

// Elevation gained by each second, cumulative (ft): on a tread the climb of each second's
// distance at its incline; outdoors the altitude's rises, counted once they pass 3 ft (GPS
// altitude wanders by a foot or two).
std::vector<double> CumulativeGain(const Samples& s, bool outdoor) {
  std::vector<double> gain;
  gain.reserve(s.speed.size());
  double total = 0;
  double low = s.altitude.empty() ? 0 : s.altitude[0];
  for (size_t i = 0; i < s.speed.size(); ++i) {
    if (!outdoor && i < s.incline.size()) {
      total += s.speed[i] / 3600.0 * 5280.0 * s.incline[i] / 100.0;
    } else if (outdoor && i < s.altitude.size()) {
      if (s.altitude[i] >= low + 3) {
        total += s.altitude[i] - low;
        low = s.altitude[i];
      } else if (s.altitude[i] < low) {
        low = s.altitude[i];
      }
    }
    gain.push_back(total);
  }
  return gain;
}

// Splits per mile: seconds to cover each mile, the last one partial, and the feet climbed in it
// (they add up to the Elevation summary, as the captures' do).
json MileSplits(const Samples& s, const std::vector<double>& gain) {
  json splits = json::array();
  double miles = 0, mark_time = 0, mark_gain = 0, best = 1e18;
  size_t best_index = 0;
  for (int t = 0; t < s.duration; ++t) {
    miles += s.speed[static_cast<size_t>(t)] / 3600.0;
    const bool last = t == s.duration - 1;
    if (miles >= static_cast<double>(splits.size()) + 1.0 || last) {
      const double marker = last ? Round(miles - static_cast<double>(splits.size()), 2) : 1.0;
      const double seconds = t + 1 - mark_time;
      const double climbed = gain.empty() ? 0 : gain[static_cast<size_t>(t)];
      if (marker == 1.0 && seconds < best) best = seconds, best_index = splits.size();
      splits.push_back({{"seconds", seconds},
                        {"elevation_change", Round(climbed, 0) - Round(mark_gain, 0)},
                        {"is_best", false},
                        {"distance_marker", marker},
                        {"order", splits.size() + 1}});
      mark_time = t + 1;
      mark_gain = climbed;
      if (last) break;
    }
  }
  if (!splits.empty() && best < 1e18) splits[best_index]["is_best"] = true;
  return {{"distance_marker_display_unit", "mi"},
          {"elevation_change_display_unit", "ft"},
          {"splits", splits}};
}

json PaceWithSpeed(const Samples& s, const SeriesOut& values) {
  const auto [avg_speed, max_speed] = MeanMax(s.speed);
  json pace = PaceMetric("Pace", "min/mi", "pace", s.pace, max_speed > 0 ? 60 / max_speed : 0,
                         avg_speed > 0 ? 60 / avg_speed : 0, values);
  pace["alternatives"] = json::array({Metric("Speed", "mph", "speed", s.speed, 1, values)});
  return pace;
}

void OnFootParts(const Samples& s, bool outdoor, const SeriesOut& values, json& g) {
  const double avg_speed = MeanMax(s.speed).first;
  const double miles = Sum(s.speed) / 3600.0;
  const double avg_pace = avg_speed > 0 ? 60 / avg_speed : 0;
  const std::vector<double> gain = CumulativeGain(s, outdoor);
  const double climbed = gain.empty() ? 0 : gain.back();
  if (outdoor) {
    g["average_summaries"] = {Item("Avg Pace", "min/mi", avg_pace, "avg_pace", 2),
                              Item("Avg Speed", "mph", avg_speed, "avg_speed", 1)};
    g["summaries"] = {Item("Distance", "mi", miles, "distance", 2),
                      Item("Elevation", "ft", climbed, "elevation", 0),
                      Item("Calories", "kcal", s.calories, "calories", 0)};
    json altitude = Metric("Elevation", "ft", "altitude", s.altitude, 0, values);
    altitude["max_value"] = nullptr;
    altitude["average_value"] = nullptr;
    g["metrics"] = {PaceWithSpeed(s, values), altitude};
  } else {
    g["average_summaries"] = {Item("Avg Output", "watts", MeanMax(s.output).first, "avg_output", 0),
                              Item("Avg Pace", "min/mi", avg_pace, "avg_pace", 2),
                              Item("Avg Incline", "%", MeanMax(s.incline).first, "avg_incline", 1),
                              Item("Avg Speed", "mph", avg_speed, "avg_speed", 1)};
    g["summaries"] = {Item("Total Output", "kj", Sum(s.output) / 1000.0, "total_output", 0),
                      Item("Distance", "mi", miles, "distance", 2),
                      Item("Elevation", "ft", climbed, "elevation", 0),
                      Item("Calories", "kcal", s.calories, "calories", 0)};
    g["metrics"] = {Metric("Output", "watts", "output", s.output, 0, values),
                    PaceWithSpeed(s, values),
                    Metric("Incline", "%", "incline", s.incline, 1, values)};
  }
  g["splits_data"] = MileSplits(s, gain);
  g["location_data"] = json::array();
}

// Rowing splits per 500 m as the captured rower graph lists them: the distance at each split
// (the last one, partial, its own metres), the minutes since the start, the split's pace, stroke
// rate, output and form rating (drawn from a stream of the workout's own).
json RowingSplits(const WorkoutPlan& plan, const Samples& s) {
  constexpr uint64_t kFormSalt = 0xF0A3;
  Rng form(Mix(plan.seed, kFormSalt));
  static constexpr const char* kHeader[][2] = {
      {"meter", "Meters"}, {"total_time", "Total Time"}, {"pace", "min/500m"},
      {"spm", "spm"},      {"avg_output", "Avg Output"}, {"form_score", "Form Rating"}};
  json header = json::array();
  for (const auto& column : kHeader) {
    header.push_back({{"slug", column[0]}, {"display_name", column[1]}});
  }
  json rows = json::array();
  std::optional<size_t> best;  // the fastest full 500 m
  double best_pace = 0;
  double split_meters = 0, output = 0, strokes = 0;
  int split_start = 0;
  for (size_t i = 0; i < s.output.size(); ++i) {
    split_meters += std::cbrt(s.output[i] / 2.8);
    output += s.output[i];
    strokes += s.stroke_rate[i];
    const bool last = i + 1 == s.output.size();
    if (split_meters < 500 && !last) continue;
    const int seconds = static_cast<int>(i) + 1 - split_start;
    const bool full = split_meters >= 500;
    const double pace = Round(seconds / 60.0 * 500.0 / split_meters, 2);
    if (full && (!best || pace < best_pace)) {
      best = rows.size();
      best_pace = pace;
    }
    auto item = [](const char* slug, const json& value, const json& unit) {
      return json{{"slug", slug}, {"value", value}, {"unit", unit}};
    };
    rows.push_back(
        {{"is_best", false},
         {"has_floor_segment", false},
         {"data",
          {item("meter",
                full ? 500.0 * static_cast<double>(rows.size() + 1) : Round(split_meters, 2), "m"),
           item("total_time", Round((static_cast<double>(i) + 1) / 60.0, 2), "min"),
           item("pace", pace, "min/500m"), item("spm", std::lround(strokes / seconds), nullptr),
           item("avg_output", std::lround(output / seconds), "w"),
           item("form_score", Round(form.Range(80, 99), 2), "%")}}});
    split_start = static_cast<int>(i) + 1;
    split_meters = full ? split_meters - 500 : 0;  // what went past the mark starts the next
    output = strokes = 0;
  }
  if (best) rows[*best]["is_best"] = true;
  return {{"header", header}, {"metrics", rows}};
}

void RowingParts(const WorkoutPlan& plan, const Samples& s, const SeriesOut& values, json& g) {
  double meters = 0, strokes = 0, best = 1e9;
  for (size_t i = 0; i < s.output.size(); ++i) {
    meters += std::cbrt(s.output[i] / 2.8);
    strokes += s.stroke_rate[i] / 60.0;
    best = std::min(best, s.split_pace[i]);
  }
  const double avg_pace = meters > 0 ? 500.0 * s.duration / meters / 60.0 : 0;
  g["average_summaries"] = {
      Item("Avg Stroke Output", "watts", MeanMax(s.output).first, "avg_output", 0),
      Item("Avg Stroke Rate", "spm", MeanMax(s.stroke_rate).first, "avg_stroke_rate", 0),
      Item("Avg Pace", "min/500m", avg_pace, "avg_split_pace", 2)};
  g["summaries"] = {Item("Total Output", "kj", Sum(s.output) / 1000.0, "total_output", 0),
                    Item("Distance", "m", meters, "distance", 2),
                    {{"display_name", "Strokes"},
                     {"display_unit", nullptr},
                     {"value", std::lround(strokes)},
                     {"slug", "stroke_count"}},
                    Item("Calories", "kcal", s.calories, "calories", 0)};
  g["metrics"] = {
      Metric("Stroke Output", "watts", "output", s.output, 0, values),
      Metric("Stroke Rate", "spm", "stroke_rate", s.stroke_rate, 0, values),
      PaceMetric("Pace", "min/500m", "split_pace", s.split_pace, best, avg_pace, values)};
  g["splits_data"] = json::object();
  g["splits_metrics"] = RowingSplits(plan, s);
}

// GPS track split by class segment, as the outdoor captures group coordinates; each point at its
// second on the time axis (after a pause, the seconds it skipped are skipped here too).
json LocationData(const Samples& s, const RideClass& ride, const std::vector<int>& axis) {
  json segments = json::array();
  double miles = 0;
  for (const auto& seg : ride.segments) {
    json coordinates = json::array();
    for (int t = seg.start; t < seg.start + seg.length && t < s.duration; ++t) {
      const auto i = static_cast<size_t>(t);
      miles += s.speed[i] / 3600.0;
      coordinates.push_back({{"seconds_offset_from_start", axis[i]},
                             {"latitude", s.latitude[i]},
                             {"longitude", s.longitude[i]},
                             {"accuracy", 5.0 + (t % 7)},
                             {"distance", Round(miles, 3)},
                             {"distance_display_unit", "mi"}});
    }
    segments.push_back({{"segment_id", seg.id}, {"is_gap", false}, {"coordinates", coordinates}});
  }
  return segments;
}

// The class's targets and the share of their seconds the workout kept to each metric's range
// (time_in_metric, in percent as the captures give it). Tread runs and rides only: outdoor
// workouts have no targets.
json TargetPerformance(const WorkoutPlan& plan, const RideClass& ride, const Samples& s) {
  json out = {{"target_metrics", json::array()}, {"time_in_metric", json::array()}};
  if (plan.outdoor) return out;
  const std::vector<TargetBlock> targets = ClassTargets(ride);
  if (targets.empty()) return out;
  out["target_metrics"] = TargetMetricsJson(targets);
  std::vector<std::string> names;  // in order of first use
  std::vector<int> inside, seconds;
  for (const TargetBlock& block : targets) {
    for (const TargetRange& range : block.metrics) {
      const auto at = std::find(names.begin(), names.end(), range.name);
      const auto m = static_cast<size_t>(at - names.begin());
      if (at == names.end()) {
        names.push_back(range.name);
        inside.push_back(0);
        seconds.push_back(0);
      }
      const std::vector<double>& series = range.name == "power_zone"   ? s.output
                                          : range.name == "cadence"    ? s.cadence
                                          : range.name == "resistance" ? s.resistance
                                          : range.name == "speed"      ? s.speed
                                                                       : s.incline;
      for (int t = block.start; t < block.start + block.length; ++t) {
        if (t < 0 || static_cast<size_t>(t) >= series.size()) continue;
        double v = series[static_cast<size_t>(t)];
        if (range.name == "power_zone") v = plan.ftp > 0 ? PowerZone(v / plan.ftp) : 0;
        ++seconds[m];
        if (v >= range.lower && v <= range.upper) ++inside[m];
      }
    }
  }
  for (size_t m = 0; m < names.size(); ++m) {
    const long percent = seconds[m] > 0 ? std::lround(100.0 * inside[m] / seconds[m]) : 0;
    out["time_in_metric"].push_back({{"name", names[m]}, {"value", percent}});
  }
  return out;
}

// The graph, full or (with `values` an outline's) without its per-second arrays.
json BuildGraph(const WorkoutPlan& plan, const RideClass& ride, const Samples& s,
                const Profile& profile, const SeriesOut& values) {
  const std::vector<int> time_axis = TimeAxis(plan, s.duration);
  json axis = json::array();
  for (size_t i = 0; values.full() && i < time_axis.size(); ++i) axis.push_back(time_axis[i]);
  json g = {{"duration", s.duration + plan.pause_s},
            {"is_class_plan_shown", true},
            {"segment_list", SegmentListJson(ride)},
            {"seconds_since_pedaling_start", axis}};
  if (plan.discipline == kCycling) {
    CyclingParts(s, values, g);
  } else if (plan.discipline == kRunning || plan.discipline == kWalking) {
    OnFootParts(s, plan.outdoor, values, g);
  } else if (plan.discipline == kRowing) {
    RowingParts(plan, s, values, g);
  } else {
    g["average_summaries"] = json::array();
    g["summaries"] = json::array({Item("Calories", "kcal", s.calories, "calories", 0)});
    g["metrics"] = json::array();
    g["splits_data"] = json::array();
  }
  if (!s.heart_rate.empty()) {
    g["metrics"].push_back(HeartRateMetric(s.heart_rate, plan, profile, values));
  }
  g["has_apple_watch_metrics"] = false;
  g["target_metrics_performance_data"] = TargetPerformance(plan, ride, s);
  g["effort_zones"] = nullptr;
  if (plan.has_hr) g["effort_zones"] = EffortZonesJson(plan.zone_seconds);
  if (plan.outdoor) {
    g["location_data"] = LocationData(s, ride, time_axis);
    g["is_location_data_accurate"] = true;
  }
  return g;
}

}  // namespace

std::vector<int> TimeAxis(const WorkoutPlan& plan, int samples) {
  std::vector<int> axis;
  axis.reserve(static_cast<size_t>(std::max(samples, 0)));
  for (int i = 0; i < samples; ++i) {
    axis.push_back(i + 1 + (plan.pause_s > 0 && i >= plan.pause_at ? plan.pause_s : 0));
  }
  return axis;
}

json BuildGraphJson(const WorkoutPlan& plan, const RideClass& ride, const Samples& s,
                    const Profile& profile) {
  return BuildGraph(plan, ride, s, profile, SeriesOut(nullptr));
}

GraphOutline BuildGraphOutline(const WorkoutPlan& plan, const RideClass& ride, const Samples& s,
                               const Profile& profile) {
  GraphOutline outline;
  outline.document = BuildGraph(plan, ride, s, profile, SeriesOut(&outline.series));
  outline.axis = TimeAxis(plan, s.duration);
  return outline;
}

json EffortZonesJson(const std::array<int, 5>& zone_seconds) {
  json durations = json::object();
  for (size_t z = 0; z < 5; ++z) {
    durations["heart_rate_z" + std::to_string(z + 1) + "_duration"] = zone_seconds[z];
  }
  return {{"total_effort_points", EffortPoints(zone_seconds)},
          {"heart_rate_zone_durations", durations}};
}

}  // namespace pelo::sim
