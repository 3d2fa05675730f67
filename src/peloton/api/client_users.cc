// Users: profiles, workouts and their CSV export, overview, achievements, challenges, and the
// social graph (followers, following, search, follow/unfollow).
#include "pelo/peloton/api/parse.h"
#include "pelo/peloton/api/parse_more.h"
#include "peloton/api/client_internal.h"

namespace pelo::api {
namespace {

using internal::Get;
using internal::Post;
using internal::UserRoute;

const char* ChallengeStatusSlug(model::ChallengeStatus status) {
  switch (status) {
    case model::ChallengeStatus::kCurrent:
      return "current";
    case model::ChallengeStatus::kUpcoming:
      return "upcoming";
    case model::ChallengeStatus::kPast:
      return "past";
  }
  return "current";
}

// "/api/user/{user_id}/challenges/{challenge_id}".
std::string ChallengeRoute(const std::string& user_id, const std::string& challenge_id) {
  return UserRoute(user_id) + "/challenges/" + http::UrlEncode(challenge_id);
}

http::QueryParams PageQuery(int page, int limit) {
  return {{"page", std::to_string(page)}, {"limit", std::to_string(limit)}};
}

// The page as WorkoutEntry items (each workout with its JSON), for PageNumbered.
StatusOr<Fetched<model::Page<WorkoutEntry>>> WithEntryJson(
    StatusOr<Fetched<model::WorkoutPage>> fetched) {
  if (!fetched.ok()) return fetched.status();
  model::WorkoutPage& list = fetched->value;
  model::Page<WorkoutEntry> page;
  page.show_next = list.show_next;
  page.data.reserve(list.data.size());
  for (size_t i = 0; i < list.data.size(); ++i) {
    std::string json = i < list.raw_data.size() ? std::move(list.raw_data[i]) : std::string();
    page.data.push_back({std::move(list.data[i]), std::move(json)});
  }
  return Fetched<model::Page<WorkoutEntry>>{std::move(page), std::move(fetched->raw),
                                            std::move(fetched->path)};
}

std::string RelationshipBody(std::string_view action, const std::string& user_id) {
  return internal::JsonObject({{"action", action}, {"user_id", user_id}});
}

}  // namespace

StatusOr<Fetched<model::User>> Client::Me() { return Fetch(Get("/api/me"), &ParseUser); }

StatusOr<Fetched<model::UserProfile>> Client::User(const std::string& id_or_username) {
  return Fetch(Get(UserRoute(id_or_username)), &ParseUserProfile);
}

StatusOr<Fetched<model::WorkoutPage>> Client::Workouts(const std::string& user_id, int page,
                                                       int limit, const std::string& joins) {
  http::QueryParams query = {
      {"sort_by", "-created"}, {"page", std::to_string(page)}, {"limit", std::to_string(limit)}};
  internal::AddIfSet(query, "joins", joins);
  return Fetch(Get(UserRoute(user_id) + "/workouts", std::move(query)), &ParseWorkoutPage);
}

Paged<model::Workout> Client::AllWorkouts(const std::string& user_id, int limit,
                                          const std::string& joins) {
  return internal::PageNumbered<model::Workout>(
      0, [this, user_id, limit, joins](int page) { return Workouts(user_id, page, limit, joins); });
}

Paged<WorkoutEntry> Client::AllWorkoutEntries(const std::string& user_id, int limit,
                                              const std::string& joins) {
  return internal::PageNumbered<WorkoutEntry>(0, [this, user_id, limit, joins](int page) {
    return WithEntryJson(Workouts(user_id, page, limit, joins));
  });
}

StatusOr<Fetched<std::string>> Client::WorkoutHistoryCsv(const std::string& user_id,
                                                         const std::string& timezone) {
  auto request = Get(UserRoute(user_id) + "/workout_history_csv", {{"timezone", timezone}});
  return Fetch(internal::WithAccept(std::move(request), "text/csv"), &internal::Verbatim);
}

StatusOr<Fetched<model::UserOverview>> Client::Overview(const std::string& user_id) {
  return Fetch(Get(UserRoute(user_id) + "/overview", {{"version", "1"}}), &ParseUserOverview);
}

StatusOr<Fetched<std::vector<model::AchievementCategory>>> Client::Achievements(
    const std::string& user_id) {
  return Fetch(Get(UserRoute(user_id) + "/achievements"), &ParseAchievementCategories);
}

StatusOr<Fetched<std::vector<model::Challenge>>> Client::Challenges(
    const std::string& user_id, model::ChallengeStatus status, std::optional<bool> has_joined) {
  http::QueryParams query;
  internal::AddIfSet(query, "has_joined", has_joined);
  return Fetch(Get(UserRoute(user_id) + "/challenges/" + ChallengeStatusSlug(status), query),
               &ParseChallenges);
}

StatusOr<Fetched<model::ChallengeDetail>> Client::Challenge(const std::string& user_id,
                                                            const std::string& challenge_id) {
  return Fetch(Get(ChallengeRoute(user_id, challenge_id)), &ParseChallengeDetail);
}

StatusOr<Fetched<std::vector<model::ChallengeFriend>>> Client::ChallengeFriends(
    const std::string& user_id, const std::string& challenge_id) {
  return Fetch(Get(ChallengeRoute(user_id, challenge_id) + "/friends"), &ParseChallengeFriends);
}

StatusOr<Done> Client::JoinChallenge(const std::string& user_id, const std::string& challenge_id) {
  return Do(Post(ChallengeRoute(user_id, challenge_id) + "/join"));
}

StatusOr<Done> Client::LeaveChallenge(const std::string& user_id, const std::string& challenge_id) {
  return Do(Post(ChallengeRoute(user_id, challenge_id) + "/leave"));
}

StatusOr<Fetched<model::Page<model::UserProfile>>> Client::Followers(const std::string& user_id,
                                                                     int page, int limit) {
  return Fetch(Get(UserRoute(user_id) + "/followers", PageQuery(page, limit)), &ParseProfilePage);
}

Paged<model::UserProfile> Client::AllFollowers(const std::string& user_id, int limit) {
  return internal::PageNumbered<model::UserProfile>(
      0, [this, user_id, limit](int page) { return Followers(user_id, page, limit); });
}

StatusOr<Fetched<model::Page<model::UserProfile>>> Client::Following(const std::string& user_id,
                                                                     int page, int limit) {
  return Fetch(Get(UserRoute(user_id) + "/following", PageQuery(page, limit)), &ParseProfilePage);
}

Paged<model::UserProfile> Client::AllFollowing(const std::string& user_id, int limit) {
  return internal::PageNumbered<model::UserProfile>(
      0, [this, user_id, limit](int page) { return Following(user_id, page, limit); });
}

StatusOr<Fetched<model::Page<model::UserProfile>>> Client::FacebookFriends(
    const std::string& user_id) {
  return Fetch(Get(UserRoute(user_id) + "/facebook_friends"), &ParseProfilePage);
}

StatusOr<Fetched<model::Page<model::UserProfile>>> Client::SearchUsers(const std::string& query,
                                                                       int limit) {
  return Fetch(Get("/api/user/search", {{"user_query", query}, {"limit", std::to_string(limit)}}),
               &ParseProfilePage);
}

StatusOr<Fetched<std::vector<model::CalendarMonth>>> Client::Calendar(const std::string& user_id) {
  return Fetch(Get(UserRoute(user_id) + "/calendar"), &ParseCalendar);
}

StatusOr<Fetched<model::Relationship>> Client::Follow(const std::string& user_id) {
  return Fetch(Post("/api/user/change_relationship", RelationshipBody("follow", user_id)),
               &ParseRelationship);
}

StatusOr<Fetched<model::Relationship>> Client::Unfollow(const std::string& user_id) {
  return Fetch(Post("/api/user/change_relationship", RelationshipBody("unfollow", user_id)),
               &ParseRelationship);
}

}  // namespace pelo::api
