// Legacy workout endpoints (2018-2021): the flat summary and the achievement templates.
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/json_envelope.h"
#include "peloton/api/json_model.h"

namespace pelo::api::json {
namespace {

model::WorkoutSummary ReadWorkoutSummary(const Object& object) {
  model::WorkoutSummary summary;
  summary.workout_id = String(object, "workout_id");
  summary.total_work = Double(object, "total_work");
  summary.avg_power = Double(object, "avg_power");
  summary.max_power = Double(object, "max_power");
  summary.avg_cadence = Double(object, "avg_cadence");
  summary.avg_resistance = Double(object, "avg_resistance");
  summary.avg_speed = Double(object, "avg_speed");
  summary.avg_heart_rate = Double(object, "avg_heart_rate");
  summary.max_heart_rate = Double(object, "max_heart_rate");
  summary.calories = Double(object, "calories");
  summary.distance = Double(object, "distance");
  summary.json = Minified(object);
  return summary;
}

}  // namespace
}  // namespace pelo::api::json

namespace pelo::api {

StatusOr<model::WorkoutSummary> ParseWorkoutSummary(std::string_view body) {
  return json::ParseOne(body, json::ReadWorkoutSummary);
}

StatusOr<std::vector<model::Achievement>> ParseWorkoutAchievements(std::string_view body) {
  return json::ParseList(body, "achievement_templates", json::ReadAchievement);
}

}  // namespace pelo::api
