// WorkoutsJson, RideStatsJson and CurveJson (json.h).
#include "json_ride_stats.h"
#include "json_values.h"
#include "pelo/analytics/ride_day.h"
#include "pelo/app/columns.h"
#include "pelo/app/json.h"
#include "pelo/common/time.h"

namespace pelo::app {
namespace {

nlohmann::json Num(const std::optional<double>& v) { return WholeOrDecimal<nlohmann::json>(v); }

nlohmann::json Time(const std::optional<int64_t>& t, std::string (*format)(int64_t)) {
  if (!t) return nullptr;
  return format(*t);
}

}  // namespace

std::string WorkoutsJson(const std::vector<model::WorkoutRow>& rows, bool pretty) {
  // Keys sorted (nlohmann::json), as the first `workouts --json` printed them.
  nlohmann::json all = nlohmann::json::array();
  for (const auto& r : rows) {
    all.push_back({{"workout_id", r.workout_id},
                   {"peloton_id", r.peloton_id},
                   {"date", Time(r.end_time, FormatUtcDateTime)},
                   {"duration", Num(r.duration)},
                   {"total_output", Num(r.total_output)},
                   {"max_output", Num(r.max_output)},
                   {"average_output", Num(r.average_output)},
                   {"average_cadence", Num(r.average_cadence)},
                   {"max_resistance", Num(r.max_resistance)},
                   {"average_resistance", Num(r.average_resistance)},
                   {"average_heart_rate", Num(r.average_heart_rate)},
                   {"max_heart_rate", Num(r.max_heart_rate)},
                   {"discipline", r.discipline},
                   {"title", r.title},
                   {"instructor", r.instructor},
                   {"start_time", Time(r.start_time, FormatIso8601Utc)},
                   // The rider's local day (day_range.h): the day --since/--until select on.
                   {"day", r.start_time ? nlohmann::json(analytics::FormatDay(
                                              analytics::RideDay(*r.start_time, r.timezone)))
                                        : nlohmann::json(nullptr)},
                   {"distance_km", Num(r.distance_km)},
                   {"calories_kcal", Num(r.calories_kcal)},
                   {"ftp", Num(r.ftp)},
                   {"deleted", r.deleted}});
  }
  return Dump(all, pretty);
}

Json RideStatsObject(const model::RideMetricsListing& ride) {
  // Ordered: keys in column order, as in the CSV.
  const std::vector<std::string>& columns = RideStatsColumns();
  Json item = Json::object();
  item[columns[0]] = ride.metrics.workout_id;
  item[columns[1]] = ride.start_time ? Json(RideStatsDate(ride)) : Json(nullptr);
  item[columns[2]] = ride.start_time ? Json(RideStatsDay(ride)) : Json(nullptr);
  item[columns[3]] = ride.discipline;
  item[columns[4]] = ride.title;
  size_t column = 5;
  for (const std::optional<double>& value : RideStatsValues(ride)) {
    item[columns[column++]] = WholeOrDecimal(value);
  }
  return item;
}

std::string RideStatsJson(const std::vector<model::RideMetricsListing>& rows, bool pretty) {
  Json all = Json::array();
  for (const model::RideMetricsListing& r : rows) all.push_back(RideStatsObject(r));
  return Dump(all, pretty);
}

std::string CurveJson(const std::vector<CurvePoint>& points, bool pretty) {
  Json all = Json::array();
  for (const CurvePoint& p : points) {
    all.push_back({{"duration_s", p.duration_s},
                   {"watts", p.watts},
                   {"workout_id", p.workout_id},
                   {"date", p.date.empty() ? Json(nullptr) : Json(p.date)},
                   {"resolution_limited", p.resolution_limited}});
  }
  return Dump(all, pretty);
}

}  // namespace pelo::app
