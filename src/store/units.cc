#include "store/units.h"

#include <unordered_set>

namespace pelo::store {
namespace {

using Converter = std::optional<double> (*)(double);
using Column = std::optional<double> model::SampleRow::*;

std::optional<double> Same(double v) { return v; }

// The converter from `metric`'s display unit to the stored unit, or nullptr when the unit is
// not one pelo knows for that slug.
Converter ConverterFor(std::string_view slug, std::string_view unit) {
  if (slug == "speed") {
    if (unit == "mph") return [](double v) -> std::optional<double> { return v * kKmPerMile; };
    if (unit == "kph" || unit == "km/h") return Same;
    return nullptr;
  }
  if (slug == "pace") {
    if (unit == "min/mi") return [](double v) -> std::optional<double> { return v / kKmPerMile; };
    if (unit == "min/km") return Same;
    return nullptr;
  }
  if (slug == "altitude") {
    if (unit == "ft") return [](double v) -> std::optional<double> { return v * kMetresPerFoot; };
    if (unit == "m") return Same;
    return nullptr;
  }
  if (slug == "split_pace") {
    // rower_performance_graph.json: "min/500m" in decimal minutes (fractions reach .99).
    if (unit == "min/500m") return [](double v) -> std::optional<double> { return v * 60; };
    if (unit == "s/500m" || unit == "sec/500m") return Same;
    return nullptr;
  }
  // Output (watts), cadence (rpm), resistance and incline (%), heart rate (bpm) and stroke
  // rate (spm) have a single unit.
  return Same;
}

struct Channel {
  const char* slug;
  Column column;
};

constexpr Channel kChannels[] = {
    {"output", &model::SampleRow::output_w},
    {"cadence", &model::SampleRow::cadence_rpm},
    {"resistance", &model::SampleRow::resistance_pct},
    {"speed", &model::SampleRow::speed_kph},
    {"heart_rate", &model::SampleRow::heart_rate_bpm},
    {"incline", &model::SampleRow::incline_pct},
    {"pace", &model::SampleRow::pace_min_per_km},
    {"altitude", &model::SampleRow::altitude_m},
    {"stroke_rate", &model::SampleRow::stroke_rate_spm},
    {"split_pace", &model::SampleRow::split_pace_s_per_500m},
};

}  // namespace

std::optional<double> DistanceKm(std::optional<double> value, std::string_view unit) {
  if (!value) return std::nullopt;
  if (unit == "mi") return *value * kKmPerMile;
  if (unit == "km") return *value;
  if (unit == "m") return *value / 1000;
  return std::nullopt;
}

std::optional<double> ElevationM(std::optional<double> value, std::string_view unit) {
  if (!value) return std::nullopt;
  if (unit == "ft") return *value * kMetresPerFoot;
  if (unit == "m") return *value;
  return std::nullopt;
}

std::vector<model::SampleRow> BuildSampleRows(const std::string& workout_id,
                                              const model::PerformanceGraph& graph) {
  const std::vector<int64_t>& times = graph.seconds_since_pedaling_start;
  std::vector<model::SampleRow> rows;
  rows.reserve(times.size());
  std::vector<size_t> source_index;  // rows[i] came from times[source_index[i]]
  std::unordered_set<int64_t> seen;
  for (size_t i = 0; i < times.size(); ++i) {
    if (!seen.insert(times[i]).second) continue;
    model::SampleRow row;
    row.workout_id = workout_id;
    row.t_s = times[i];
    rows.push_back(std::move(row));
    source_index.push_back(i);
  }
  for (const Channel& channel : kChannels) {
    const model::Metric* metric = graph.FindMetric(channel.slug);
    if (metric == nullptr) continue;
    Converter convert = ConverterFor(channel.slug, metric->display_unit);
    if (!convert) continue;
    for (size_t r = 0; r < rows.size(); ++r) {
      size_t i = source_index[r];
      if (i < metric->values.size() && metric->values[i]) {
        rows[r].*channel.column = convert(*metric->values[i]);
      }
    }
  }
  return rows;
}

}  // namespace pelo::store
