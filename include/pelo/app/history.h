// The queries the views of a rider's history need, over a store opened by the workspace: the
// workouts listing, the rides with their metrics, the whole ride history with "today", the
// best 20 minutes, and the power curve of a date range. Each date range follows the one day
// rule of day_range.h.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "pelo/analytics/days.h"
#include "pelo/app/day_range.h"
#include "pelo/common/status.h"
#include "pelo/insights/ride_history.h"
#include "pelo/model/ride_metrics_row.h"
#include "pelo/model/tables.h"
#include "pelo/store/store.h"

namespace pelo::app {

// The stored workouts in `range`, newest first; at most `limit` of them (0: all).
StatusOr<std::vector<model::WorkoutRow>> ListWorkouts(store::Store& store, const DayRange& range,
                                                      size_t limit = 0);

// The stored per-ride metrics of the rides in `range`, newest first.
StatusOr<std::vector<model::RideMetricsListing>> ListRideMetrics(store::Store& store,
                                                                 const DayRange& range);

// Every stored ride as a history, with today's day in the rider's zone.
struct LoadedHistory {
  std::vector<model::RideMetricsListing> rows;  // newest first
  insights::RideHistory history;
  analytics::DayNumber today = 0;
};

// `with_curves` adds each ride's stored MMP points, for the CP fits of the weekly outcomes
// (analytics.md §3.4), which only the drivers analysis reads.
StatusOr<LoadedHistory> LoadHistory(store::Store& store, bool with_curves = false);

// The best 20-minute mean output of any cycling workout, from the stored ride metrics
// (`mmp_1200s`, computed at sync from the 1 Hz output); the newest ride on a tie.
struct BestEffort {
  double watts = 0;
  std::string workout_id;
  std::optional<int64_t> start_time;  // epoch s
  std::string title;
};
// nullopt when no cycling ride has 20 minutes of output.
StatusOr<std::optional<BestEffort>> BestTwentyMinutes(store::Store& store);

// One duration of a power curve over a date range.
struct CurvePoint {
  int duration_s = 0;
  double watts = 0;
  std::string workout_id;           // the ride that set it (the earliest on a tie)
  std::string date;                 // its day, YYYY-MM-DD ("" if unknown)
  bool resolution_limited = false;  // shorter than that ride's every_n: a lower bound (§1.2)
};

// The best of the stored curves of the rides in `range`, at every duration any of them reaches.
StatusOr<std::vector<CurvePoint>> RangeCurve(store::Store& store, const DayRange& range);

}  // namespace pelo::app
