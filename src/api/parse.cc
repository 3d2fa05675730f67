// Public JSON -> model entry points: parse the body once, then map with json_model.
#include "pelo/api/parse.h"

#include "api/json_model.h"

namespace pelo::api {

std::string_view StripBom(std::string_view json) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (json.substr(0, kBom.size()) == kBom) json.remove_prefix(kBom.size());
  return json;
}

StatusOr<model::User> ParseUser(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::Object object, json::ParseObject(body));
  return json::ReadUser(object);
}

StatusOr<model::WorkoutPage> ParseWorkoutPage(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::Object object, json::ParseObject(body));
  model::WorkoutPage page;
  if (std::optional<simdjson::dom::array> data = json::ArrayField(object, "data")) {
    for (json::Element item : *data) {
      json::Object workout;
      if (item.get_object().get(workout) == simdjson::SUCCESS) {
        page.data.push_back(json::ReadWorkout(workout));
      }
    }
  }
  page.total = json::Int(object, "total").value_or(0);
  page.count = json::Int(object, "count").value_or(0);
  page.page = json::Int(object, "page").value_or(0);
  page.limit = json::Int(object, "limit").value_or(0);
  page.page_count = json::Int(object, "page_count").value_or(0);
  page.show_next = json::Bool(object, "show_next");
  return page;
}

StatusOr<model::Workout> ParseWorkout(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::Object object, json::ParseObject(body));
  return json::ReadWorkout(object);
}

StatusOr<model::PerformanceGraph> ParsePerformanceGraph(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::Object object, json::ParseObject(body));
  return json::ReadPerformanceGraph(object);
}

StatusOr<model::RideDetails> ParseRideDetails(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::Object object, json::ParseObject(body));
  model::RideDetails details;
  if (std::optional<json::Object> ride = json::ObjectField(object, "ride")) {
    details.ride = json::ReadRide(*ride);
  }
  if (std::optional<json::Object> segments = json::ObjectField(object, "segments")) {
    if (auto list = json::ArrayField(*segments, "segment_list")) {
      details.segments = json::ReadSegments(*list);
    }
  }
  return details;
}

StatusOr<model::Instructor> ParseInstructor(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::Object object, json::ParseObject(body));
  return json::ReadInstructor(object);
}

StatusOr<std::vector<model::Instructor>> ParseInstructorList(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::Object object, json::ParseObject(body));
  std::vector<model::Instructor> instructors;
  if (std::optional<simdjson::dom::array> data = json::ArrayField(object, "data")) {
    for (json::Element item : *data) {
      json::Object instructor;
      if (item.get_object().get(instructor) == simdjson::SUCCESS) {
        instructors.push_back(json::ReadInstructor(instructor));
      }
    }
  }
  return instructors;
}

}  // namespace pelo::api
