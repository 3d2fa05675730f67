#include "pelo/app/ride.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "pelo/analytics/power_curve.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/analytics/zones.h"

namespace pelo::app {
namespace {

using MetricsRow = model::RideMetricsRow;

constexpr std::array<std::optional<double> MetricsRow::*, 7> kPowerZoneSeconds = {
    &MetricsRow::pz1_s, &MetricsRow::pz2_s, &MetricsRow::pz3_s, &MetricsRow::pz4_s,
    &MetricsRow::pz5_s, &MetricsRow::pz6_s, &MetricsRow::pz7_s};
constexpr std::array<std::optional<double> MetricsRow::*, 5> kHrZoneSeconds = {
    &MetricsRow::hrz1_s, &MetricsRow::hrz2_s, &MetricsRow::hrz3_s, &MetricsRow::hrz4_s,
    &MetricsRow::hrz5_s};

// Bounds are the percentages of §2.10 of `ftp`: the zones the ride's seconds were counted in.
std::vector<PowerZoneBand> PowerZoneBands(const std::optional<double>& ftp,
                                          const MetricsRow* metrics) {
  std::vector<PowerZoneBand> zones;
  if (!ftp || *ftp <= 0) return zones;
  const auto& pct = analytics::kPowerZonePct;
  for (size_t z = 0; z < pct.size(); ++z) {
    PowerZoneBand& band = zones.emplace_back();
    band.zone = static_cast<int>(z + 1);
    band.low_w = pct[z] * *ftp / 100;
    if (z + 1 < pct.size()) band.high_w = pct[z + 1] * *ftp / 100;
    if (metrics) band.seconds = metrics->*kPowerZoneSeconds[z];
  }
  return zones;
}

// The workout's own zones by slug (zone1..zone5; the first of a slug), as sync reads them for
// the seconds (sync/ride_metrics_builder.cc).
std::vector<HeartRateZoneBand> HeartRateZoneBands(const std::vector<model::HeartRateZone>& stored,
                                                  const MetricsRow* metrics) {
  std::vector<HeartRateZoneBand> zones(kHrZoneSeconds.size());
  bool known = false;
  for (size_t z = 0; z < zones.size(); ++z) {
    HeartRateZoneBand& band = zones[z];
    band.zone = static_cast<int>(z + 1);
    const std::string slug = "zone" + std::to_string(z + 1);
    for (const model::HeartRateZone& own : stored) {
      if (own.slug != slug) continue;
      band.low_bpm = own.min_value;
      band.high_bpm = own.max_value;
      break;
    }
    if (metrics) band.seconds = metrics->*kHrZoneSeconds[z];
    known = known || band.low_bpm || band.high_bpm || band.seconds;
  }
  if (!known) zones.clear();
  return zones;
}

std::vector<RideCurvePoint> CurvePoints(const std::optional<std::vector<double>>& watts) {
  std::vector<RideCurvePoint> points;
  if (!watts) return points;
  static const std::vector<int> kGrid = analytics::CurveGrid();
  const size_t n = std::min(watts->size(), kGrid.size());
  points.reserve(n);
  for (size_t i = 0; i < n; ++i) points.push_back({kGrid[i], (*watts)[i]});
  return points;
}

}  // namespace

StatusOr<std::optional<RideDetail>> LoadRide(store::Store& store, const std::string& workout_id) {
  PELO_ASSIGN_OR_RETURN(std::optional<store::WorkoutDetail> stored,
                        store.LoadWorkoutDetail(workout_id));
  if (!stored) return std::optional<RideDetail>();
  std::optional<RideDetail> ride(std::in_place);
  ride->workout = std::move(stored->workout);
  ride->is_outdoor = stored->is_outdoor;
  ride->metrics = std::move(stored->metrics);
  const MetricsRow* metrics = ride->metrics ? &ride->metrics->metrics : nullptr;
  ride->ftp = metrics && metrics->ftp ? metrics->ftp : ride->workout.ftp;
  if (ride->workout.start_time) {
    ride->day = analytics::RideDay(*ride->workout.start_time, ride->workout.timezone);
  }
  ride->power_zones = PowerZoneBands(ride->ftp, metrics);
  ride->heart_rate_zones = HeartRateZoneBands(stored->heart_rate_zones, metrics);
  ride->segments = std::move(stored->segments);
  ride->samples = std::move(stored->samples);
  ride->curve = CurvePoints(stored->curve_w);
  ride->gps = std::move(stored->gps);
  ride->elevation_gain_m = stored->elevation_gain_m;
  ride->target_blocks = std::move(stored->target_blocks);
  ride->pedaling_start_offset_s = stored->pedaling_start_offset_s;
  ride->tracked_movements = std::move(stored->tracked_movements);
  ride->class_plan = std::move(stored->class_plan);
  return ride;
}

}  // namespace pelo::app
