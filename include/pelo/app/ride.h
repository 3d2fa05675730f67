// One stored workout in full, what a page of it shows (`pelo stats ride`, the dashboard's
// /api/workouts/<id>): its headline, its metrics as `stats rides` lists them, its zones with
// their bounds, segments, samples, power curve and route. Its JSON is RideJson (json.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pelo/analytics/days.h"
#include "pelo/common/status.h"
#include "pelo/model/performance_graph.h"
#include "pelo/model/ride.h"
#include "pelo/model/ride_metrics_row.h"
#include "pelo/model/tables.h"
#include "pelo/store/store.h"

namespace pelo::app {

// Power zone `zone` (1..7) at the FTP in effect (analytics.md §2.10): watts in [low_w, high_w).
struct PowerZoneBand {
  int zone = 0;
  double low_w = 0;
  std::optional<double> high_w;   // nullopt: zone 7 has no upper bound
  std::optional<double> seconds;  // the ride's time in it (ride metrics pzN_s), if known
};

// Heart-rate zone `zone` (1..5): its bounds as the workout's own zones give them (Peloton's
// min_value and max_value, bpm), and the ride's time in it (ride metrics hrzN_s, analytics.md
// §2.11). Each is nullopt when unknown: a ride whose seconds came from % of max HR has no
// bounds stored.
struct HeartRateZoneBand {
  int zone = 0;
  std::optional<double> low_bpm;
  std::optional<double> high_bpm;
  std::optional<double> seconds;
};

// One point of the ride's own power-duration curve (analytics.md §2.4).
struct RideCurvePoint {
  int duration_s = 0;
  double watts = 0;
};

struct RideDetail {
  model::WorkoutRow workout;  // as `pelo workouts` lists it
  bool is_outdoor = false;
  // Its stored metrics as `pelo stats rides` lists them; nullopt without (e.g. a workout
  // stored before metrics were computed for it).
  std::optional<model::RideMetricsListing> metrics;
  // The FTP in effect (W): the metrics' (the one they were computed with), else the workout's.
  std::optional<double> ftp;
  // The rider's local day of the start, the day rule of day_range.h; nullopt without a start.
  std::optional<analytics::DayNumber> day;
  std::vector<PowerZoneBand> power_zones;           // Z1..Z7; none without an FTP
  std::vector<HeartRateZoneBand> heart_rate_zones;  // Z1..Z5; none when nothing of them is known
  std::vector<model::Segment> segments;             // in the class's order
  std::vector<model::SampleRow> samples;            // by t_s; workout_id empty (workout's)
  std::vector<RideCurvePoint> curve;                // at the curve grid's durations; none
                                                    // without a stored curve
  std::vector<model::GpsPoint> gps;                 // the route; none indoors
  // What the workout files need besides (store::WorkoutDetail's, as stored).
  std::optional<double> elevation_gain_m;
  std::vector<model::TargetBlock> target_blocks;   // offsets on the class video's clock
  std::optional<int64_t> pedaling_start_offset_s;  // that clock's second at the samples' t = 0
  std::vector<model::TrackedMovement> tracked_movements;
  std::vector<model::ClassPlanStep> class_plan;
};

// The stored workout `workout_id` in full, from one read of the store
// (Store::LoadWorkoutDetail); nullopt when it is not stored.
StatusOr<std::optional<RideDetail>> LoadRide(store::Store& store, const std::string& workout_id);

}  // namespace pelo::app
