// Performance graphs: time axis, metrics (with alternatives and zones), summaries, GPS.
#include "peloton/api/json_model.h"

namespace pelo::api::json {
namespace {

std::vector<model::SummaryValue> ReadSummaries(const Object& graph, std::string_view key) {
  std::vector<model::SummaryValue> summaries;
  ForEachObject(graph, key, [&](const Object& object) {
    summaries.push_back({String(object, "slug"), String(object, "display_name"),
                         String(object, "display_unit"), Double(object, "value")});
  });
  return summaries;
}

std::vector<model::HeartRateZone> ReadZones(const Object& metric) {
  std::vector<model::HeartRateZone> zones;
  ForEachObject(metric, "zones", [&](const Object& object) {
    zones.push_back({String(object, "slug"), Double(object, "min_value"),
                     Double(object, "max_value"), Double(object, "duration")});
  });
  return zones;
}

model::Metric ReadMetric(const Object& object) {
  model::Metric metric;
  metric.slug = String(object, "slug");
  metric.display_name = String(object, "display_name");
  metric.display_unit = String(object, "display_unit");
  metric.max_value = Double(object, "max_value");
  metric.average_value = Double(object, "average_value");
  if (std::optional<simdjson::dom::array> values = ArrayField(object, "values")) {
    metric.values.reserve(values->size());
    // Every element keeps its slot, so values stay aligned with the time axis.
    for (Element value : *values) metric.values.push_back(AsDouble(value));
  }
  ForEachObject(object, "alternatives", [&](const Object& alternative) {
    metric.alternatives.push_back(ReadMetric(alternative));
  });
  metric.zones = ReadZones(object);
  return metric;
}

std::vector<int64_t> ReadTimeAxis(const Object& graph) {
  std::vector<int64_t> seconds;
  std::optional<simdjson::dom::array> array = ArrayField(graph, "seconds_since_pedaling_start");
  if (!array) return seconds;
  seconds.reserve(array->size());
  for (Element value : *array) {
    // A non-numeric entry must still hold its slot (metrics are aligned by index): assume the
    // next second.
    int64_t fallback = seconds.empty() ? 0 : seconds.back() + 1;
    seconds.push_back(AsInt(value).value_or(fallback));
  }
  return seconds;
}

// location_data[{segment_id, is_gap, coordinates[...]}] flattened; points without a position are
// dropped.
std::vector<model::GpsPoint> ReadGps(const Object& graph) {
  std::vector<model::GpsPoint> points;
  ForEachObject(graph, "location_data", [&](const Object& segment) {
    std::string segment_id = String(segment, "segment_id");
    bool is_gap = Bool(segment, "is_gap");
    ForEachObject(segment, "coordinates", [&](const Object& coordinate) {
      std::optional<double> latitude = Double(coordinate, "latitude");
      std::optional<double> longitude = Double(coordinate, "longitude");
      if (!latitude || !longitude) return;
      model::GpsPoint point;
      point.seconds_offset = Int(coordinate, "seconds_offset_from_start").value_or(0);
      point.latitude = *latitude;
      point.longitude = *longitude;
      point.accuracy = Double(coordinate, "accuracy");
      point.distance = Double(coordinate, "distance");
      point.distance_unit = String(coordinate, "distance_display_unit");
      point.segment_id = segment_id;
      point.is_gap = is_gap;
      points.push_back(std::move(point));
    });
  });
  return points;
}

model::TargetMetric ReadTargetMetric(const Object& object) {
  return {String(object, "name"), Double(object, "lower"), Double(object, "upper")};
}

// target_metrics_performance_data.target_metrics[{offsets: {start, end}, segment_type,
// metrics[{name, upper, lower}]}]; a block without both offsets says nothing and is left out.
std::vector<model::TargetBlock> ReadTargetBlocks(const Object& graph) {
  std::vector<model::TargetBlock> blocks;
  std::optional<Object> data = ObjectField(graph, "target_metrics_performance_data");
  if (!data) return blocks;
  ForEachObject(*data, "target_metrics", [&](const Object& object) {
    std::optional<Object> offsets = ObjectField(object, "offsets");
    if (!offsets) return;
    std::optional<int64_t> start = Int(*offsets, "start");
    std::optional<int64_t> end = Int(*offsets, "end");
    if (!start || !end) return;
    model::TargetBlock block;
    block.start_s = *start;
    block.end_s = *end;
    block.segment_type = String(object, "segment_type");
    block.metrics = MapObjects(object, "metrics", ReadTargetMetric);
    blocks.push_back(std::move(block));
  });
  return blocks;
}

}  // namespace

model::PerformanceGraph ReadPerformanceGraph(const Object& object) {
  model::PerformanceGraph graph;
  graph.duration = Int(object, "duration");
  graph.seconds_since_pedaling_start = ReadTimeAxis(object);
  if (std::optional<simdjson::dom::array> segments = ArrayField(object, "segment_list")) {
    graph.segments = ReadSegments(*segments);
  }
  graph.summaries = ReadSummaries(object, "summaries");
  graph.average_summaries = ReadSummaries(object, "average_summaries");
  ForEachObject(object, "metrics",
                [&](const Object& metric) { graph.metrics.push_back(ReadMetric(metric)); });
  graph.gps = ReadGps(object);
  if (std::optional<Object> effort = ObjectField(object, "effort_zones")) {
    graph.total_effort_points = Double(*effort, "total_effort_points");
  }
  graph.target_blocks = ReadTargetBlocks(object);
  return graph;
}

}  // namespace pelo::api::json
