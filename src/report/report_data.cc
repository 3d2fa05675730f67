// ReportData: the data document of the report, assembled from the app layer's queries and JSON
// encoders, so that each member is the text `pelo stats ... --json` prints for the same store.
#include <nlohmann/json.hpp>

#include <cmath>

#include "pelo/analytics/drivers.h"
#include "pelo/app/history.h"
#include "pelo/app/json.h"
#include "pelo/app/ride.h"
#include "pelo/common/time.h"
#include "pelo/insights/drivers.h"
#include "pelo/insights/fitness.h"
#include "pelo/report/report.h"

namespace pelo::report {
namespace {

// The curve's second series: the 90 days ending today (intervals.icu's and Strava's default
// comparison).
constexpr int kRecentDays = 90;
// Peloton keeps a profile's weight in pounds (its settings' weight_unit only changes how the
// apps show it).
constexpr double kKilogramsPerPound = 0.45359237;

nlohmann::json LinkOrNull(const std::string& base) {
  if (base.empty()) return nullptr;
  return base;
}

nlohmann::json DayOrNull(const std::optional<analytics::DayNumber>& day) {
  if (!day) return nullptr;
  return FormatUtcDate(*day * 86400);
}

}  // namespace

StatusOr<std::string> ReportData(store::Store& store, const ReportOptions& options) {
  PELO_ASSIGN_OR_RETURN(app::LoadedHistory data, app::LoadHistory(store, /*with_curves=*/true));
  PELO_ASSIGN_OR_RETURN(auto rides, app::ListRideMetrics(store, options.range));
  PELO_ASSIGN_OR_RETURN(auto all_time, app::RangeCurve(store, app::DayRange{}));
  PELO_ASSIGN_OR_RETURN(
      auto recent,
      app::RangeCurve(store, app::DayRange{data.today - (kRecentDays - 1), data.today}));
  std::string range_curve = "null";
  if (!options.range.open()) {
    PELO_ASSIGN_OR_RETURN(auto points, app::RangeCurve(store, options.range));
    range_curve = app::CurveJson(points, /*pretty=*/false);
  }
  PELO_ASSIGN_OR_RETURN(auto user, store.LoadUser());

  insights::FitnessOptions fitness;
  fitness.today = data.today;
  analytics::DriversOptions drivers;

  nlohmann::json head;
  head["schema"] = 1;
  head["today"] = FormatUtcDate(data.today * 86400);
  head["range"] = {{"since", DayOrNull(options.range.since)},
                   {"until", DayOrNull(options.range.until)}};
  nlohmann::json weight = nullptr;
  if (user && user->weight && *user->weight > 0) {
    weight = std::round(*user->weight * kKilogramsPerPound * 10) / 10;
  }
  head["athlete"] = {{"weight_kg", weight}};
  head["links"] = {{"workout", LinkOrNull(options.workout_link)}};

  // The encoders' text is spliced in as is: re-encoding it would risk changing a number.
  std::string out = head.dump();
  out.pop_back();  // the closing brace
  out += ",\"rides\":" + app::RideStatsJson(rides, false);
  out += ",\"curve\":{\"all_time\":" + app::CurveJson(all_time, false) +
         ",\"last_90_days\":" + app::CurveJson(recent, false) + ",\"range\":" + range_curve + "}";
  out += ",\"fitness\":" + app::FitnessJson(insights::FitnessSeries(data.history, fitness), false);
  out += ",\"ftp\":" +
         app::FtpJson(insights::BuildFtpSummary(data.history, data.today), data.history, false);
  out += ",\"zones\":{\"week\":" +
         app::ZonesJson(insights::ZonesByPeriod(data.rows, insights::ZonePeriod::kWeek),
                        insights::ZonePeriod::kWeek, false) +
         ",\"month\":" +
         app::ZonesJson(insights::ZonesByPeriod(data.rows, insights::ZonePeriod::kMonth),
                        insights::ZonePeriod::kMonth, false) +
         "}";
  out += ",\"drivers\":" +
         app::DriversJson(insights::AnalyzeHistory(data.history, drivers), drivers, false);
  out += "}";
  return out;
}

StatusOr<std::string> WorkoutsData(store::Store& store, const std::string& workout_link) {
  PELO_ASSIGN_OR_RETURN(auto workouts, app::ListWorkouts(store, app::DayRange{}));
  nlohmann::json head;
  head["schema"] = 1;
  head["today"] = FormatUtcDate(
      app::RiderToday(workouts.empty() ? std::string_view() : workouts.front().timezone) * 86400);
  head["links"] = {{"workout", LinkOrNull(workout_link)}};
  std::string out = head.dump();
  out.pop_back();
  out += ",\"workouts\":" + app::WorkoutsJson(workouts, false) + "}";
  return out;
}

StatusOr<std::string> WorkoutData(store::Store& store, const std::string& workout_id,
                                  const std::string& workout_link) {
  PELO_ASSIGN_OR_RETURN(std::optional<app::RideDetail> ride, app::LoadRide(store, workout_id));
  if (!ride) return Status(ErrorCode::kNotFound, "no workout " + workout_id + " is stored");
  PELO_ASSIGN_OR_RETURN(auto all_time, app::RangeCurve(store, app::DayRange{}));
  nlohmann::json head;
  head["schema"] = 1;
  head["links"] = {{"workout", LinkOrNull(workout_link)}};
  std::string out = head.dump();
  out.pop_back();
  out += ",\"workout\":" + app::RideJson(*ride, false);
  out += ",\"curve_all_time\":" + app::CurveJson(all_time, false) + "}";
  return out;
}

}  // namespace pelo::report
