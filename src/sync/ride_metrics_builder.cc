#include "sync/ride_metrics_builder.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "pelo/analytics/ftp.h"
#include "pelo/analytics/power_curve.h"
#include "pelo/analytics/ride_metrics.h"
#include "pelo/analytics/series.h"

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

// The FTP in effect and where it came from: the workout's ftp_info, else the one from the
// ride's history, else the profile's.
std::pair<std::optional<double>, std::string> FtpFor(const model::Workout& workout,
                                                     const std::optional<model::User>& user,
                                                     const std::optional<FtpInEffect>& history) {
  if (!HasCyclingFtp(workout)) return {std::nullopt, ""};
  if (auto ftp = analytics::ResolvePelotonFtp(workout.ftp_info, std::nullopt)) {
    return {ftp, kFtpFromWorkout};
  }
  if (history && history->watts > 0) return {history->watts, history->source};
  if (auto ftp = analytics::ResolvePelotonFtp(std::nullopt, user)) return {ftp, kFtpFromProfile};
  return {std::nullopt, ""};
}

// Positive heart rates only: 0 or less in a config file means "not set".
void Override(double& value, const std::optional<double>& own) {
  if (Positive(own)) value = *own;
}

std::optional<int> Count(const std::optional<std::vector<analytics::WorkInterval>>& intervals) {
  if (!intervals) return std::nullopt;
  return static_cast<int>(intervals->size());
}

// MMP at every duration of the grid up to the ride's length (§1.5: none beyond it).
std::vector<double> CurveOf(const std::vector<double>& power_1hz) {
  static const std::vector<int> kGrid = analytics::CurveGrid();
  const auto end = std::upper_bound(kGrid.begin(), kGrid.end(), power_1hz.size(),
                                    [](size_t n, int d) { return n < static_cast<size_t>(d); });
  const std::vector<int> grid(kGrid.begin(), end);
  std::vector<double> watts;
  watts.reserve(grid.size());
  for (const std::optional<double>& w : analytics::RideCurve(power_1hz, grid)) {
    if (!w) break;  // cannot happen below the ride's length; stop rather than leave a hole
    watts.push_back(*w);
  }
  return watts;
}

using Row = model::RideMetricsRow;
using Member = std::optional<double> Row::*;
using Result = analytics::RideMetrics;

// Where each stored metric comes from in analytics' result; the FTP, the FTP test and every_n
// come from the workout. tests/unit/sync checks that a full ride leaves no metric of the registry
// (model::kRideMetricFields) unset, so a new metric cannot be forgotten here.
constexpr std::pair<Member, std::optional<double> Result::*> kFromResult[] = {
    {&Row::duration_s, &Result::duration_s},
    {&Row::moving_time_s, &Result::moving_time_s},
    {&Row::avg_power, &Result::avg_power_w},
    {&Row::nz_avg_power, &Result::nonzero_avg_power_w},
    {&Row::kj, &Result::work_kj},
    {&Row::np, &Result::np_w},
    {&Row::vi, &Result::variability_index},
    {&Row::intensity_factor, &Result::intensity_factor},
    {&Row::tss, &Result::tss},
    {&Row::tss_per_hour, &Result::tss_per_hour},
    {&Row::avg_hr, &Result::avg_hr_bpm},
    {&Row::ef, &Result::efficiency_factor},
    {&Row::decoupling, &Result::decoupling_pct},
    {&Row::trimp, &Result::trimp},
    {&Row::t_hi_s, &Result::seconds_at_or_above_105_pct},
};
// The interval counts (§2.16), NA where analytics found no intervals to look for.
constexpr std::pair<std::optional<int> Row::*,
                    std::optional<std::vector<analytics::WorkInterval>> Result::*>
    kCountsFromResult[] = {
        {&Row::n_hi, &Result::hi_intervals},
        {&Row::n_thr, &Result::threshold_intervals},
        {&Row::n_sprint, &Result::sprint_intervals},
};
// The row's columns for analytics' arrays, in the same order.
constexpr std::array<Member, 7> kMmpColumns = {&Row::mmp_1s,   &Row::mmp_5s,   &Row::mmp_30s,
                                               &Row::mmp_60s,  &Row::mmp_300s, &Row::mmp_1200s,
                                               &Row::mmp_3600s};
constexpr std::array<Member, 7> kPowerZoneColumns = {
    &Row::pz1_s, &Row::pz2_s, &Row::pz3_s, &Row::pz4_s, &Row::pz5_s, &Row::pz6_s, &Row::pz7_s};
constexpr std::array<Member, 5> kHrZoneColumns = {&Row::hrz1_s, &Row::hrz2_s, &Row::hrz3_s,
                                                  &Row::hrz4_s, &Row::hrz5_s};

// Every metric of the row that analytics computed.
void FillFromResult(const Result& m, Row& row) {
  for (const auto& [column, result] : kFromResult) row.*column = m.*result;
  for (const auto& [column, result] : kCountsFromResult) row.*column = Count(m.*result);
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

bool HasCyclingFtp(std::string_view discipline, bool has_pedaling_metrics) {
  return has_pedaling_metrics || discipline == "cycling";
}

bool HasCyclingFtp(const model::Workout& workout) {
  return HasCyclingFtp(workout.fitness_discipline, workout.has_pedaling_metrics);
}

analytics::RideSettings RideSettingsFor(const std::optional<model::User>& user,
                                        const analytics::AthleteSettings& athlete) {
  analytics::RideSettings settings;
  if (user) {
    if (Positive(user->customized_max_heart_rate)) {
      settings.max_hr_bpm = *user->customized_max_heart_rate;
    } else if (Positive(user->default_max_heart_rate)) {
      settings.max_hr_bpm = *user->default_max_heart_rate;
    }
  }
  Override(settings.max_hr_bpm, athlete.max_hr_bpm);
  Override(settings.resting_hr_bpm, athlete.resting_hr_bpm);
  Override(settings.lthr_bpm, athlete.lthr_bpm);
  if (athlete.sex) settings.sex = *athlete.sex;
  return settings;
}

std::string ClassTitle(const model::Workout& workout) {
  if (workout.ride && !workout.ride->title.empty()) return workout.ride->title;
  return workout.title.empty() ? workout.name : workout.title;
}

analytics::RideInput RideInputFor(const store::WorkoutBundle& bundle,
                                  const std::optional<model::User>& user,
                                  const std::optional<FtpInEffect>& ftp) {
  const model::PerformanceGraph& graph = bundle.graph;
  analytics::RideInput in;
  in.every_n = bundle.every_n;
  in.times_s.assign(graph.seconds_since_pedaling_start.begin(),
                    graph.seconds_since_pedaling_start.end());
  in.output_w = Channel(graph, "output");
  in.heart_rate_bpm = Channel(graph, "heart_rate");
  in.cadence_rpm = Channel(graph, "cadence");
  in.speed = Channel(graph, "speed");
  in.ftp_w = FtpFor(bundle.workout, user, ftp).first;
  in.hr_zone_lower_bpm = OwnHrZones(graph);
  return in;
}

RideRows ComputeRideRows(const store::WorkoutBundle& bundle, const RideMetricsContext& context) {
  const analytics::RideSettings settings = RideSettingsFor(context.user, context.athlete);
  const analytics::RideInput in = RideInputFor(bundle, context.user, context.ftp);
  const analytics::Series1Hz series = analytics::PrepareSeries(in, settings.gaps);
  const analytics::RideMetrics m =
      analytics::ComputeRideMetrics(series, in.ftp_w, in.hr_zone_lower_bpm, settings);
  RideRows rows;
  model::RideMetricsRow& row = rows.metrics;
  row.workout_id = bundle.workout.id;
  row.metrics_version = kRideMetricsVersion;
  std::tie(row.ftp, row.ftp_source) = FtpFor(bundle.workout, context.user, context.ftp);
  FillFromResult(m, row);
  row.every_n = std::max(1, bundle.every_n);
  // §3.2 by the title only: ftp_info.ftp_workout_id is the test behind the FTP this ride was
  // ridden at, an earlier ride.
  row.is_ftp_test =
      HasCyclingFtp(bundle.workout) && analytics::IsFtpTestTitle(ClassTitle(bundle.workout));
  if (row.is_ftp_test && row.mmp_1200s)
    row.ftp_test_w = analytics::FtpFromTestAverage(*row.mmp_1200s);
  if (!series.power_w.empty()) rows.curve_w = CurveOf(series.power_w);
  return rows;
}

model::RideMetricsRow BuildRideMetrics(const store::WorkoutBundle& bundle,
                                       const std::optional<model::User>& user) {
  RideMetricsContext context;
  context.user = user;
  return ComputeRideRows(bundle, context).metrics;
}

void AttachRideRows(store::WorkoutBundle& bundle, const RideMetricsContext& context) {
  const std::optional<model::FtpInfo>& ftp_info = bundle.workout.ftp_info;
  bundle.resolved_ftp = ftp_info ? analytics::ResolveWorkoutFtp(*ftp_info) : std::nullopt;
  RideRows rows = ComputeRideRows(bundle, context);
  bundle.metrics = std::move(rows.metrics);
  bundle.curve_w = std::move(rows.curve_w);
}

}  // namespace pelo::sync
