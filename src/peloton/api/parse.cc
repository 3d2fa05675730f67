// Public JSON -> model entry points: parse the body once, then map with json_model.
#include "pelo/peloton/api/parse.h"

#include "peloton/api/json_envelope.h"
#include "peloton/api/json_model.h"

namespace pelo::api {

std::string_view StripBom(std::string_view json) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (json.substr(0, kBom.size()) == kBom) json.remove_prefix(kBom.size());
  return json;
}

StatusOr<model::User> ParseUser(std::string_view body) {
  return json::ParseOne(body, json::ReadUser);
}

StatusOr<model::WorkoutPage> ParseWorkoutPage(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::ListBody list, json::ParseListBody(body, "data"));
  model::WorkoutPage page;
  if (list.items) {
    json::ForEachObject(*list.items, [&](const json::Object& item) {
      page.data.push_back(json::ReadWorkout(item));
      page.raw_data.push_back(simdjson::minify(item));
    });
  }
  if (list.object) json::ReadPaging(*list.object, page);
  return page;
}

StatusOr<model::Workout> ParseWorkout(std::string_view body) {
  return json::ParseOne(body, json::ReadWorkout);
}

StatusOr<model::PerformanceGraph> ParsePerformanceGraph(std::string_view body) {
  return json::ParseOne(body, json::ReadPerformanceGraph);
}

StatusOr<model::RideDetails> ParseRideDetails(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::Object object, json::ParseObject(body));
  model::RideDetails details;
  if (std::optional<json::Object> ride = json::ObjectField(object, "ride")) {
    details.ride = json::ReadRide(*ride);
  }
  // Older details carry the instructor beside the ride rather than inside it.
  if (std::optional<json::Object> instructor = json::ObjectField(object, "instructor")) {
    if (!details.ride.instructor) details.ride.instructor = json::ReadInstructor(*instructor);
  }
  if (std::optional<json::Object> segments = json::ObjectField(object, "segments")) {
    if (auto list = json::ArrayField(*segments, "segment_list")) {
      details.segments = json::ReadSegments(*list);
      details.class_plan = json::ReadClassPlan(*list);
    }
  }
  if (std::optional<json::Object> playlist = json::ObjectField(object, "playlist")) {
    details.playlist = json::ReadPlaylist(*playlist);
  }
  return details;
}

StatusOr<model::Instructor> ParseInstructor(std::string_view body) {
  return json::ParseOne(body, json::ReadInstructor);
}

StatusOr<std::vector<model::Instructor>> ParseInstructorList(std::string_view body) {
  return json::ParseList(body, "data", json::ReadInstructor);
}

}  // namespace pelo::api
