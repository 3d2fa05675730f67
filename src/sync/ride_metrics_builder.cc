#include "sync/ride_metrics_builder.h"

#include <array>
#include <string>
#include <utility>

#include "pelo/analytics/ftp.h"
#include "pelo/analytics/ride_metrics.h"

namespace pelo::sync {
namespace {

bool Positive(const std::optional<double>& v) { return v && *v > 0; }

analytics::Samples Channel(const model::PerformanceGraph& graph, std::string_view slug) {
  const model::Metric* metric = graph.FindMetric(slug);
  return metric ? metric->values : analytics::Samples();
}

// The workout's own HR zone lower bounds (heart_rate.zones[] zone1..zone5 min_value), when
// all five are there.
std::optional<std::array<double, 5>> OwnHrZones(const model::PerformanceGraph& graph) {
  const model::Metric* hr = graph.FindMetric("heart_rate");
  if (!hr) return std::nullopt;
  std::array<std::optional<double>, 5> lower;
  for (const model::HeartRateZone& zone : hr->zones) {
    for (size_t z = 0; z < lower.size(); ++z) {
      if (zone.slug == "zone" + std::to_string(z + 1)) lower[z] = zone.min_value;
    }
  }
  std::array<double, 5> bounds{};
  for (size_t z = 0; z < lower.size(); ++z) {
    if (!lower[z]) return std::nullopt;
    bounds[z] = *lower[z];
  }
  return bounds;
}

// The FTP in effect and where it came from: the workout's ftp_info, else the profile's.
std::pair<std::optional<double>, std::string> FtpFor(const model::Workout& workout,
                                                     const std::optional<model::User>& user) {
  if (!HasCyclingFtp(workout)) return {std::nullopt, ""};
  if (auto ftp = analytics::ResolvePelotonFtp(workout.ftp_info, std::nullopt)) {
    return {ftp, kFtpFromWorkout};
  }
  if (auto ftp = analytics::ResolvePelotonFtp(std::nullopt, user)) return {ftp, kFtpFromProfile};
  return {std::nullopt, ""};
}

using Row = model::RideMetricsRow;
using Member = std::optional<double> Row::*;

// The row's columns for analytics' arrays, in the same order.
constexpr std::array<Member, 7> kMmpColumns = {&Row::mmp_1s,   &Row::mmp_5s,   &Row::mmp_30s,
                                               &Row::mmp_60s,  &Row::mmp_300s, &Row::mmp_1200s,
                                               &Row::mmp_3600s};
constexpr std::array<Member, 7> kPowerZoneColumns = {
    &Row::pz1_s, &Row::pz2_s, &Row::pz3_s, &Row::pz4_s, &Row::pz5_s, &Row::pz6_s, &Row::pz7_s};
constexpr std::array<Member, 5> kHrZoneColumns = {&Row::hrz1_s, &Row::hrz2_s, &Row::hrz3_s,
                                                  &Row::hrz4_s, &Row::hrz5_s};

void FillArrays(const analytics::RideMetrics& m, Row& row) {
  for (size_t i = 0; i < kMmpColumns.size(); ++i) row.*kMmpColumns[i] = m.mmp_w[i];
  if (m.power_zone_s) {
    for (size_t z = 0; z < kPowerZoneColumns.size(); ++z) {
      row.*kPowerZoneColumns[z] = (*m.power_zone_s)[z];
    }
  }
  if (m.hr_zone_s) {
    for (size_t z = 0; z < kHrZoneColumns.size(); ++z) row.*kHrZoneColumns[z] = (*m.hr_zone_s)[z];
  }
}

}  // namespace

bool HasCyclingFtp(const model::Workout& workout) {
  return workout.has_pedaling_metrics || workout.fitness_discipline == "cycling";
}

analytics::RideSettings RideSettingsFor(const std::optional<model::User>& user) {
  analytics::RideSettings settings;
  if (!user) return settings;
  if (Positive(user->customized_max_heart_rate)) {
    settings.max_hr_bpm = *user->customized_max_heart_rate;
  } else if (Positive(user->default_max_heart_rate)) {
    settings.max_hr_bpm = *user->default_max_heart_rate;
  }
  return settings;
}

analytics::RideInput RideInputFor(const store::WorkoutBundle& bundle,
                                  const std::optional<model::User>& user) {
  const model::PerformanceGraph& graph = bundle.graph;
  analytics::RideInput in;
  in.every_n = bundle.every_n;
  in.times_s.assign(graph.seconds_since_pedaling_start.begin(),
                    graph.seconds_since_pedaling_start.end());
  in.output_w = Channel(graph, "output");
  in.heart_rate_bpm = Channel(graph, "heart_rate");
  in.cadence_rpm = Channel(graph, "cadence");
  in.speed = Channel(graph, "speed");
  in.ftp_w = FtpFor(bundle.workout, user).first;
  in.hr_zone_lower_bpm = OwnHrZones(graph);
  return in;
}

model::RideMetricsRow BuildRideMetrics(const store::WorkoutBundle& bundle,
                                       const std::optional<model::User>& user) {
  const analytics::RideMetrics m =
      analytics::ComputeRideMetrics(RideInputFor(bundle, user), RideSettingsFor(user));
  model::RideMetricsRow row;
  row.workout_id = bundle.workout.id;
  row.metrics_version = kRideMetricsVersion;
  std::tie(row.ftp, row.ftp_source) = FtpFor(bundle.workout, user);
  row.duration_s = m.duration_s;
  row.moving_time_s = m.moving_time_s;
  row.avg_power = m.avg_power_w;
  row.nz_avg_power = m.nonzero_avg_power_w;
  row.kj = m.work_kj;
  row.np = m.np_w;
  row.vi = m.variability_index;
  row.if_ = m.intensity_factor;
  row.tss = m.tss;
  row.tss_per_hour = m.tss_per_hour;
  row.avg_hr = m.avg_hr_bpm;
  row.ef = m.efficiency_factor;
  row.decoupling = m.decoupling_pct;
  row.trimp = m.trimp;
  FillArrays(m, row);
  return row;
}

}  // namespace pelo::sync
