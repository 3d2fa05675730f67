// The class library: metadata, archived and live classes, rides and their details, filters and
// categories, favorites and reservations, playback sessions, instructors.
#include "pelo/peloton/api/parse.h"
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/client_internal.h"

namespace pelo::api {
namespace {

using internal::AddIfSet;
using internal::Get;
using internal::Post;

std::string RideRoute(const std::string& ride_id) {
  return "/api/ride/" + http::UrlEncode(ride_id);
}

// Only the fields the query sets, in the order of the Postman request; durations in seconds.
http::QueryParams ArchivedQuery(const model::ClassQuery& query) {
  http::QueryParams params;
  AddIfSet(params, "browse_category", query.browse_category);
  AddIfSet(params, "content_format", query.content_format);
  AddIfSet(params, "instructor_id", query.instructor_id);
  std::string durations;
  for (int minutes : query.durations) {
    if (!durations.empty()) durations += ",";
    durations += std::to_string(minutes * 60);
  }
  AddIfSet(params, "duration", std::move(durations));
  AddIfSet(params, "sort_by", query.sort_by);
  AddIfSet(params, "desc", query.desc);
  AddIfSet(params, "is_favorite_ride", query.is_favorite_ride);
  params.emplace_back("limit", std::to_string(query.limit));
  params.emplace_back("page", std::to_string(query.page));
  return params;
}

http::QueryParams LiveQueryParams(const model::LiveQuery& query) {
  http::QueryParams params;
  AddIfSet(params, "exclude_complete", std::optional<bool>(query.exclude_complete));
  AddIfSet(params, "content_provider", query.content_provider);
  AddIfSet(params, "exclude_live_in_studio_only",
           std::optional<bool>(query.exclude_live_in_studio_only));
  AddIfSet(params, "browse_category", query.browse_category);
  AddIfSet(params, "start", query.start);
  AddIfSet(params, "end", query.end);
  return params;
}

internal::RestRequest InstructorsRequest(int page, int limit) {
  return Get("/api/instructor", {{"page", std::to_string(page)}, {"limit", std::to_string(limit)}});
}

std::string FavoriteBody(const std::string& ride_id) {
  return internal::JsonObject({{"ride_id", ride_id}});
}

}  // namespace

StatusOr<Fetched<model::MetadataMappings>> Client::MetadataMappings() {
  return Fetch(Get("/api/ride/metadata_mappings"), &ParseMetadataMappings);
}

StatusOr<Fetched<model::ClassPage>> Client::ArchivedClasses(const model::ClassQuery& query) {
  return Fetch(Get("/api/v2/ride/archived", ArchivedQuery(query)), &ParseClassPage);
}

Paged<model::Ride> Client::AllArchivedClasses(model::ClassQuery query) {
  const int first = query.page;
  return internal::PageNumbered<model::Ride>(first, [this, query](int page) {
    model::ClassQuery page_query = query;
    page_query.page = page;
    return ArchivedClasses(page_query);
  });
}

StatusOr<Fetched<std::vector<model::LiveSession>>> Client::LiveClasses(
    const model::LiveQuery& query) {
  return Fetch(Get("/api/v3/ride/live", LiveQueryParams(query)), &ParseLiveSessions);
}

StatusOr<Fetched<model::Ride>> Client::Ride(const std::string& ride_id) {
  return Fetch(Get(RideRoute(ride_id)), &ParseRide);
}

StatusOr<Fetched<model::RideDetails>> Client::RideDetails(const std::string& ride_id,
                                                          const std::string& stream_source) {
  http::QueryParams query;
  AddIfSet(query, "stream_source", stream_source);
  return Fetch(Get(RideRoute(ride_id) + "/details", std::move(query)), &ParseRideDetails);
}

StatusOr<Fetched<model::RideFilters>> Client::RideFilters(const std::string& browse_category) {
  return Fetch(Get("/api/ride/filters", {{"include_icon_images", "true"},
                                         {"library_type", "on_demand"},
                                         {"browse_category", browse_category}}),
               &ParseRideFilters);
}

StatusOr<Fetched<model::Page<model::FollowingWorkout>>> Client::RecentFollowingWorkouts(
    const std::string& ride_id, int page, int limit) {
  return Fetch(
      Get(RideRoute(ride_id) + "/recent_following_workouts", {{"joins", "user"},
                                                              {"limit", std::to_string(limit)},
                                                              {"page", std::to_string(page)},
                                                              {"sort_by", "-created"}}),
      &ParseFollowingWorkouts);
}

StatusOr<Fetched<std::vector<model::BrowseCategory>>> Client::BrowseCategories() {
  return Fetch(Get("/api/browse_categories", {{"library_type", "on_demand"}}),
               &ParseBrowseCategories);
}

StatusOr<Fetched<model::LiveSession>> Client::LiveSession(const std::string& peloton_id) {
  return Fetch(Get("/api/peloton/" + http::UrlEncode(peloton_id)), &ParseLiveSession);
}

StatusOr<Done> Client::Favorite(const std::string& ride_id) {
  return Do(Post("/api/favorites/create", FavoriteBody(ride_id)));
}

StatusOr<Done> Client::Unfavorite(const std::string& ride_id) {
  return Do(Post("/api/favorites/delete", FavoriteBody(ride_id)));
}

StatusOr<Fetched<model::Reservation>> Client::Reserve(const std::string& peloton_id,
                                                      const std::string& user_id) {
  return Fetch(Post("/api/reservation", internal::JsonObject({{"location", "remote"},
                                                              {"peloton_id", peloton_id},
                                                              {"user_id", user_id}})),
               &ParseReservation);
}

StatusOr<Done> Client::Unreserve(const std::string& id) {
  return Do(internal::Delete("/api/reservation/" + http::UrlEncode(id)));
}

StatusOr<Done> Client::StartedClientSession() { return Do(Get("/api/started_client_session")); }

StatusOr<Done> Client::SubscriptionStream() {
  // The answer is a stream token: keep the exchange out of the logs.
  return Do(internal::Sensitive(Post("/api/subscription/stream", "{}")));
}

StatusOr<Fetched<std::vector<model::Instructor>>> Client::Instructors(int page, int limit) {
  return Fetch(InstructorsRequest(page, limit), &ParseInstructorList);
}

Paged<model::Instructor> Client::AllInstructors(int limit) {
  return internal::PageNumbered<model::Instructor>(0, [this, limit](int page) {
    return Fetch(InstructorsRequest(page, limit), &ParseInstructorPage);
  });
}

StatusOr<Fetched<model::Instructor>> Client::Instructor(const std::string& instructor_id) {
  return Fetch(Get("/api/instructor/" + http::UrlEncode(instructor_id)), &ParseInstructor);
}

}  // namespace pelo::api
