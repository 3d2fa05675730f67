// Workouts: detail, performance graph, deletion, and the legacy summary, achievements and
// samples endpoints.
#include "pelo/peloton/api/parse.h"
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/client_internal.h"

namespace pelo::api {
namespace {

using internal::Get;

std::string WorkoutRoute(const std::string& workout_id) {
  return "/api/workout/" + http::UrlEncode(workout_id);
}

}  // namespace

StatusOr<Fetched<model::Workout>> Client::Workout(const std::string& workout_id,
                                                  const std::string& joins) {
  http::QueryParams query;
  internal::AddIfSet(query, "joins", joins);
  return Fetch(Get(WorkoutRoute(workout_id), std::move(query)), &ParseWorkout);
}

StatusOr<Fetched<model::PerformanceGraph>> Client::PerformanceGraph(const std::string& workout_id,
                                                                    int every_n) {
  return Fetch(
      Get(WorkoutRoute(workout_id) + "/performance_graph", {{"every_n", std::to_string(every_n)}}),
      &ParsePerformanceGraph);
}

StatusOr<Done> Client::DeleteWorkout(const std::string& workout_id) {
  return Do(internal::Delete(WorkoutRoute(workout_id)));
}

StatusOr<Fetched<model::WorkoutSummary>> Client::WorkoutSummary(const std::string& workout_id) {
  return Fetch(Get(WorkoutRoute(workout_id) + "/summary"), &ParseWorkoutSummary);
}

StatusOr<Fetched<std::vector<model::Achievement>>> Client::WorkoutAchievements(
    const std::string& workout_id) {
  return Fetch(Get(WorkoutRoute(workout_id) + "/achievements"), &ParseWorkoutAchievements);
}

StatusOr<Fetched<std::string>> Client::WorkoutSamples(const std::string& workout_id, int every_n,
                                                      int limit) {
  // The 2018 collection's request, fields and all; the answer is kept as received.
  http::QueryParams query = {
      {"every_n", std::to_string(every_n)},
      {"fields", "seconds_since_pedaling_start,power,cadence,speed,heart_rate,distance"},
      {"limit", std::to_string(limit)}};
  return Fetch(Get(WorkoutRoute(workout_id) + "/sample", std::move(query)), &internal::Verbatim);
}

}  // namespace pelo::api
