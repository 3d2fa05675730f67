#include "pelo/app/history.h"

#include <utility>

#include "pelo/analytics/best_curve.h"
#include "pelo/analytics/ride_day.h"

namespace pelo::app {

StatusOr<std::vector<model::WorkoutRow>> ListWorkouts(store::Store& store, const DayRange& range,
                                                      size_t limit) {
  PELO_ASSIGN_OR_RETURN(std::vector<model::WorkoutRow> rows, store.WorkoutRows());
  std::erase_if(rows, [&range](const model::WorkoutRow& row) {
    return !range.Contains(row.start_time, row.timezone);
  });
  if (limit > 0 && rows.size() > limit) rows.resize(limit);
  return rows;
}

StatusOr<std::vector<model::RideMetricsListing>> ListRideMetrics(store::Store& store,
                                                                 const DayRange& range) {
  PELO_ASSIGN_OR_RETURN(std::vector<model::RideMetricsListing> rows, store.RideMetricsRows());
  std::erase_if(rows, [&range](const model::RideMetricsListing& row) {
    return !range.Contains(row.start_time, row.timezone);
  });
  return rows;
}

StatusOr<LoadedHistory> LoadHistory(store::Store& store, bool with_curves) {
  LoadedHistory out;
  PELO_ASSIGN_OR_RETURN(out.rows, store.RideMetricsRows());
  std::vector<model::RideCurveListing> curves;
  if (with_curves) {
    PELO_RETURN_IF_ERROR(store.ForEachRideCurve([&](const model::RideCurveListing& c) {
      curves.push_back(c);
      return OkStatus();
    }));
  }
  out.history = insights::BuildRideHistory(out.rows, curves);
  out.today = RiderToday(out.rows.empty() ? "" : out.rows.front().timezone);  // newest first
  return out;
}

StatusOr<std::optional<BestEffort>> BestTwentyMinutes(store::Store& store) {
  PELO_ASSIGN_OR_RETURN(std::vector<model::RideMetricsListing> rows, store.RideMetricsRows());
  std::optional<BestEffort> best;
  for (const model::RideMetricsListing& r : rows) {  // newest first: a tie keeps the newest
    const std::optional<double>& watts = r.metrics.mmp_1200s;
    if (r.discipline != "cycling" || !watts || *watts <= 0) continue;
    if (!best || *watts > best->watts) {
      best = BestEffort{*watts, r.metrics.workout_id, r.start_time, r.title};
    }
  }
  return best;
}

StatusOr<std::vector<CurvePoint>> RangeCurve(store::Store& store, const DayRange& range) {
  struct Ride {
    std::string workout_id;
    std::string date;
  };
  std::vector<Ride> rides;
  analytics::BestCurve best;
  PELO_RETURN_IF_ERROR(store.ForEachRideCurve([&](const model::RideCurveListing& c) -> Status {
    if (!range.Contains(c.start_time, c.timezone)) return OkStatus();
    std::string date;
    if (c.start_time) date = analytics::FormatDay(analytics::RideDay(*c.start_time, c.timezone));
    rides.push_back({c.workout_id, std::move(date)});
    best.Add(c.watts, c.every_n);  // oldest first: a tie names the earliest ride
    return OkStatus();
  }));
  std::vector<CurvePoint> points;
  for (const analytics::BestCurvePoint& p : best.Points()) {
    const Ride& ride = rides[p.ride];
    points.push_back({p.duration_s, p.watts, ride.workout_id, ride.date, p.resolution_limited});
  }
  return points;
}

}  // namespace pelo::app
