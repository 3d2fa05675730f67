// The class library: metadata, archived and live classes, filters, categories, sessions,
// reservations and followed members' workouts of a class.
#include <unordered_map>

#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/json_envelope.h"
#include "peloton/api/json_model.h"

namespace pelo::api::json {
namespace {

model::IdName ReadIdName(const Object& object) {
  return {String(object, "id"), String(object, "name"), String(object, "slug")};
}

model::MetadataMappings ReadMetadataMappings(const Object& object) {
  model::MetadataMappings mappings;
  mappings.class_types = MapObjects(object, "class_types", ReadIdName);
  mappings.fitness_disciplines = MapObjects(object, "fitness_disciplines", ReadIdName);
  mappings.equipment = MapObjects(object, "equipment", ReadIdName);
  mappings.json = Minified(object);
  return mappings;
}

// `items` by their `id`, pointing into `items`.
template <typename T>
std::unordered_map<std::string, const T*> ById(const std::vector<T>& items) {
  std::unordered_map<std::string, const T*> index;
  for (const T& item : items) index.emplace(item.id, &item);
  return index;
}

// Lists that carry rides and instructors side by side (archived, live) reference instructors
// by id: a ride without a joined instructor gets the one it names.
void JoinInstructor(const std::unordered_map<std::string, const model::Instructor*>& instructors,
                    model::Ride& ride) {
  auto found = instructors.find(ride.instructor_id);
  if (!ride.instructor && found != instructors.end()) ride.instructor = *found->second;
}

model::LiveSession ReadLiveSession(const Object& object) {
  model::LiveSession session;
  session.id = String(object, "id");
  session.ride_id = String(object, "ride_id");
  session.status = String(object, "status");
  session.scheduled_start_time = Int(object, "scheduled_start_time");
  session.start_time = Int(object, "start_time");
  session.end_time = Int(object, "end_time");
  session.is_live = Bool(object, "is_live");
  session.is_encore = Bool(object, "is_encore");
  session.total_home_reservations = Int(object, "total_home_reservations");
  if (std::optional<Object> ride = ObjectField(object, "ride")) session.ride = ReadRide(*ride);
  session.json = Minified(object);
  return session;
}

// `{"ride": {...}}` or the ride object itself (which has no `ride` member of its own).
model::Ride ReadRideOrWrapped(const Object& object) {
  return ReadRide(ObjectField(object, "ride").value_or(object));
}

model::RideFilterValue ReadFilterValue(const Object& object) {
  return {Text(object, "value"), String(object, "display_name")};
}

model::RideFilter ReadRideFilter(const Object& object) {
  return {String(object, "name"), String(object, "display_name"), String(object, "type"),
          MapObjects(object, "values", ReadFilterValue)};
}

// RideSorts: {value: {sort, desc}, display_name, slug}.
model::RideSort ReadRideSort(const Object& object) {
  model::RideSort sort;
  sort.slug = String(object, "slug");
  sort.display_name = String(object, "display_name");
  if (std::optional<Object> value = ObjectField(object, "value")) {
    sort.sort = String(*value, "sort");
    sort.desc = Bool(*value, "desc");
  }
  return sort;
}

model::FollowingWorkout ReadFollowingWorkout(const Object& object) {
  model::FollowingWorkout item;
  item.workout = ReadWorkout(object);
  if (std::optional<Object> user = ObjectField(object, "user")) {
    item.user = ReadUserProfile(*user);
  }
  return item;
}

model::BrowseCategory ReadBrowseCategory(const Object& object) {
  return {String(object, "id"), String(object, "name"), String(object, "slug"),
          Int(object, "list_order")};
}

model::Reservation ReadReservation(const Object& object) {
  return {String(object, "id"), String(object, "peloton_id"), String(object, "user_id"),
          String(object, "join_token")};
}

}  // namespace
}  // namespace pelo::api::json

namespace pelo::api {

StatusOr<model::MetadataMappings> ParseMetadataMappings(std::string_view body) {
  return json::ParseOne(body, json::ReadMetadataMappings);
}

StatusOr<model::ClassPage> ParseClassPage(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::ListBody list, json::ParseListBody(body, "data"));
  model::ClassPage page;
  page.rides = json::ReadPage(list, json::ReadRide);
  if (!list.object) return page;
  page.instructors = json::MapObjects(*list.object, "instructors", json::ReadInstructor);
  auto instructors = json::ById(page.instructors);
  for (model::Ride& ride : page.rides.data) json::JoinInstructor(instructors, ride);
  return page;
}

StatusOr<std::vector<model::LiveSession>> ParseLiveSessions(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::ListBody list, json::ParseListBody(body, "data"));
  std::vector<model::LiveSession> sessions = json::ReadItems(list, json::ReadLiveSession);
  if (!list.object) return sessions;
  const std::vector<model::Ride> ride_list =
      json::MapObjects(*list.object, "rides", json::ReadRide);
  const std::vector<model::Instructor> instructor_list =
      json::MapObjects(*list.object, "instructors", json::ReadInstructor);
  auto rides = json::ById(ride_list);
  auto instructors = json::ById(instructor_list);
  for (model::LiveSession& session : sessions) {
    auto found = rides.find(session.ride_id);
    if (!session.ride && found != rides.end()) session.ride = *found->second;
    if (session.ride) json::JoinInstructor(instructors, *session.ride);
  }
  return sessions;
}

StatusOr<model::LiveSession> ParseLiveSession(std::string_view body) {
  return json::ParseOne(body, json::ReadLiveSession);
}

StatusOr<model::Ride> ParseRide(std::string_view body) {
  return json::ParseOne(body, json::ReadRideOrWrapped);
}

StatusOr<model::RideFilters> ParseRideFilters(std::string_view body) {
  PELO_ASSIGN_OR_RETURN(json::ListBody list, json::ParseListBody(body, "filters"));
  model::RideFilters filters;
  filters.filters = json::ReadItems(list, json::ReadRideFilter);
  if (list.object) filters.sorts = json::MapObjects(*list.object, "sorts", json::ReadRideSort);
  return filters;
}

StatusOr<model::Page<model::FollowingWorkout>> ParseFollowingWorkouts(std::string_view body) {
  return json::ParsePage(body, json::ReadFollowingWorkout);
}

StatusOr<std::vector<model::BrowseCategory>> ParseBrowseCategories(std::string_view body) {
  return json::ParseList(body, "browse_categories", json::ReadBrowseCategory);
}

StatusOr<model::Reservation> ParseReservation(std::string_view body) {
  return json::ParseOne(body, json::ReadReservation);
}

StatusOr<model::Page<model::Instructor>> ParseInstructorPage(std::string_view body) {
  return json::ParsePage(body, json::ReadInstructor);
}

}  // namespace pelo::api
