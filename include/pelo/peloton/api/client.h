// The typed Peloton API client: one method per catalogue entry (pelo/peloton/api/catalogue.h), lazy
// paging ranges over the paged lists, GraphQL, and raw Call()/Graphql() for anything else.
//
// Every method sends `Peloton-Platform: web` and the session's bearer token, refreshes once on
// a 401, and maps non-2xx answers to a Status naming the request (kUnauthenticated for
// 401/403, kApi otherwise; Status::http_status() has the code). An HTML page where JSON was
// asked for, with a 2xx or 403 status (Cloudflare's challenge or block page), is kApi, not an
// authentication failure (IsHtmlPageError). A GraphQL 200 whose `errors[]` is not empty is kApi.
// Parsed values are plain structs; `Fetched::raw` keeps the body as received, and items of the less
// settled endpoints carry their own JSON in a `json` member.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pelo/common/status.h"
#include "pelo/http/transport.h"
#include "pelo/http/url.h"
#include "pelo/model/account.h"
#include "pelo/model/challenge.h"
#include "pelo/model/commerce.h"
#include "pelo/model/instructor.h"
#include "pelo/model/legacy.h"
#include "pelo/model/library.h"
#include "pelo/model/page.h"
#include "pelo/model/performance_graph.h"
#include "pelo/model/profile.h"
#include "pelo/model/ride.h"
#include "pelo/model/tag.h"
#include "pelo/model/user.h"
#include "pelo/model/workout.h"
#include "pelo/peloton/api/paging.h"
#include "pelo/peloton/auth/credentials.h"
#include "pelo/peloton/auth/session.h"

namespace pelo::api {

// A parsed value and the raw response body it came from (archived by the store).
template <typename T>
struct Fetched {
  T value;
  std::string raw;   // response body as received
  std::string path;  // "/api/workout/abc?joins=ride" (no host, no secrets)
};

// An answer with nothing to parse (favorite, join, delete...): status and body as received.
struct Done {
  int status = 0;
  std::string raw;
};

// A workout as the list gives it, with that list entry's JSON (what a sync archives when it
// fetches no detail).
struct WorkoutEntry {
  model::Workout workout;
  std::string json;  // minified; "" when the page's raw items did not line up
};

inline constexpr const char* kWorkoutJoins = "ride,ride.instructor";

namespace internal {
struct RestRequest;  // what one typed method sends (src/peloton/api/client_internal.h)
}  // namespace internal

class Client {
 public:
  // `session` may be null for anonymous calls only. The All*() ranges call back into the
  // client: it must outlive them.
  Client(http::Transport& transport, auth::Endpoints endpoints, auth::Session* session,
         std::string user_agent);

  // A client on the same transport and session whose requests may each be sent up to
  // `max_attempts` times (the transport's policy otherwise): for callers that send many
  // requests in a run they would rather not fail over a burst of errors (a sync), while a
  // request whose failure should be told at once keeps the transport's few tries. The
  // transport is what retries (ADR 0017); nothing above it loops.
  Client WithMaxAttempts(int max_attempts) const;

  // ---- Auth (legacy; the bearer login lives in pelo/peloton/auth/login.h) ----
  // POST /auth/logout {"session_id"}.
  StatusOr<Done> LegacyLogout(const std::string& session_id);
  // GET /auth/check_session.
  StatusOr<Fetched<model::SessionCheck>> CheckSession();

  // ---- Users ----
  StatusOr<Fetched<model::User>> Me();
  // GET /api/user/{id_or_username}.
  StatusOr<Fetched<model::UserProfile>> User(const std::string& id_or_username);
  StatusOr<Fetched<model::WorkoutPage>> Workouts(const std::string& user_id, int page, int limit,
                                                 const std::string& joins = kWorkoutJoins);
  Paged<model::Workout> AllWorkouts(const std::string& user_id, int limit = 100,
                                    const std::string& joins = kWorkoutJoins);
  // AllWorkouts with each entry's JSON.
  Paged<WorkoutEntry> AllWorkoutEntries(const std::string& user_id, int limit = 100,
                                        const std::string& joins = kWorkoutJoins);
  // GET /api/user/{id}/workout_history_csv?timezone=: Peloton's own CSV, as text.
  StatusOr<Fetched<std::string>> WorkoutHistoryCsv(const std::string& user_id,
                                                   const std::string& timezone);
  StatusOr<Fetched<model::UserOverview>> Overview(const std::string& user_id);
  StatusOr<Fetched<std::vector<model::Subscription>>> Subscriptions();
  StatusOr<Fetched<model::Page<model::SubscriptionTransaction>>> SubscriptionTransactions(
      const std::string& user_id, const std::string& subscription_id, int limit = 12);
  StatusOr<Fetched<std::vector<model::AchievementCategory>>> Achievements(
      const std::string& user_id);
  // GET /api/user/{id}/challenges/{current|upcoming|past}[?has_joined=].
  StatusOr<Fetched<std::vector<model::Challenge>>> Challenges(
      const std::string& user_id, model::ChallengeStatus status,
      std::optional<bool> has_joined = std::nullopt);
  StatusOr<Fetched<model::ChallengeDetail>> Challenge(const std::string& user_id,
                                                      const std::string& challenge_id);
  StatusOr<Fetched<std::vector<model::ChallengeFriend>>> ChallengeFriends(
      const std::string& user_id, const std::string& challenge_id);
  StatusOr<Done> JoinChallenge(const std::string& user_id, const std::string& challenge_id);
  StatusOr<Done> LeaveChallenge(const std::string& user_id, const std::string& challenge_id);
  StatusOr<Fetched<model::Page<model::UserProfile>>> Followers(const std::string& user_id, int page,
                                                               int limit = 20);
  Paged<model::UserProfile> AllFollowers(const std::string& user_id, int limit = 100);
  StatusOr<Fetched<model::Page<model::UserProfile>>> Following(const std::string& user_id, int page,
                                                               int limit = 20);
  Paged<model::UserProfile> AllFollowing(const std::string& user_id, int limit = 100);
  StatusOr<Fetched<model::Page<model::UserProfile>>> FacebookFriends(const std::string& user_id);
  // GET /api/user/search?user_query=&limit=.
  StatusOr<Fetched<model::Page<model::UserProfile>>> SearchUsers(const std::string& query,
                                                                 int limit = 40);
  StatusOr<Fetched<model::UserSettings>> Settings(const std::string& user_id);
  // PUT /api/user/{id}/settings with `json_body` (a JSON object of the fields to change).
  StatusOr<Fetched<model::UserSettings>> UpdateSettings(const std::string& user_id,
                                                        const std::string& json_body);
  // PUT /api/user/{id} with `json_body` (a JSON object of the profile fields to change).
  StatusOr<Fetched<model::UserProfile>> UpdateUser(const std::string& user_id,
                                                   const std::string& json_body);
  StatusOr<Fetched<model::ReferralHistory>> ReferralHistory(const std::string& user_id);
  StatusOr<Fetched<std::vector<model::CalendarMonth>>> Calendar(const std::string& user_id);
  // POST /api/user/change_relationship {"action":"follow"|"unfollow","user_id"}.
  StatusOr<Fetched<model::Relationship>> Follow(const std::string& user_id);
  StatusOr<Fetched<model::Relationship>> Unfollow(const std::string& user_id);
  StatusOr<Fetched<model::ImageUploadUrl>> ImageUploadUrl(const std::string& user_id);

  // ---- Workouts ----
  StatusOr<Fetched<model::Workout>> Workout(const std::string& workout_id,
                                            const std::string& joins = kWorkoutJoins);
  StatusOr<Fetched<model::PerformanceGraph>> PerformanceGraph(const std::string& workout_id,
                                                              int every_n);
  StatusOr<Done> DeleteWorkout(const std::string& workout_id);
  StatusOr<Fetched<model::WorkoutSummary>> WorkoutSummary(const std::string& workout_id);
  StatusOr<Fetched<std::vector<model::Achievement>>> WorkoutAchievements(
      const std::string& workout_id);
  // GET /api/workout/{id}/sample (2018): the body as received.
  StatusOr<Fetched<std::string>> WorkoutSamples(const std::string& workout_id, int every_n = 5,
                                                int limit = 14400);

  // ---- Rides / classes ----
  StatusOr<Fetched<model::MetadataMappings>> MetadataMappings();
  StatusOr<Fetched<model::ClassPage>> ArchivedClasses(const model::ClassQuery& query);
  // Every class matching `query` (its page is the first page; limit the page size).
  Paged<model::Ride> AllArchivedClasses(model::ClassQuery query);
  StatusOr<Fetched<std::vector<model::LiveSession>>> LiveClasses(const model::LiveQuery& query);
  StatusOr<Fetched<model::Ride>> Ride(const std::string& ride_id);
  // GET /api/ride/{id}/details[?stream_source=].
  StatusOr<Fetched<model::RideDetails>> RideDetails(const std::string& ride_id,
                                                    const std::string& stream_source = "");
  StatusOr<Fetched<model::RideFilters>> RideFilters(const std::string& browse_category);
  StatusOr<Fetched<model::Page<model::FollowingWorkout>>> RecentFollowingWorkouts(
      const std::string& ride_id, int page = 0, int limit = 200);
  StatusOr<Fetched<std::vector<model::BrowseCategory>>> BrowseCategories();
  StatusOr<Fetched<model::LiveSession>> LiveSession(const std::string& peloton_id);
  StatusOr<Done> Favorite(const std::string& ride_id);
  StatusOr<Done> Unfavorite(const std::string& ride_id);
  StatusOr<Fetched<model::Reservation>> Reserve(const std::string& peloton_id,
                                                const std::string& user_id);
  StatusOr<Done> Unreserve(const std::string& id);
  StatusOr<Done> StartedClientSession();
  // POST /api/subscription/stream {}: the body holds a stream token; never log it.
  StatusOr<Done> SubscriptionStream();

  // ---- Instructors ----
  StatusOr<Fetched<std::vector<model::Instructor>>> Instructors(int page, int limit);
  Paged<model::Instructor> AllInstructors(int limit = 100);
  StatusOr<Fetched<model::Instructor>> Instructor(const std::string& instructor_id);

  // ---- eCommerce ----
  StatusOr<Fetched<std::vector<model::Plan>>> Plans();
  StatusOr<Fetched<std::vector<model::Store>>> Stores();
  StatusOr<Fetched<model::Page<model::Review>>> BikeReviews(int page = 0);
  StatusOr<Fetched<std::vector<model::Order>>> Orders();
  StatusOr<Fetched<std::vector<model::PaymentCard>>> PaymentCards();

  // ---- GraphQL (tags) ----
  StatusOr<Fetched<model::MyTags>> MyTags();
  // PrimaryTag: the member's primary tag name, "" when none.
  StatusOr<Fetched<std::string>> PrimaryTag(const std::string& user_id);
  StatusOr<Fetched<model::TagSearch>> SearchTags(const std::string& text,
                                                 const std::string& after = "");
  Paged<model::Tag> AllSearchTags(const std::string& text);
  StatusOr<Fetched<model::CursorPage<model::Tag>>> BrowseTags(model::TagCategory category,
                                                              const std::string& after = "");
  Paged<model::Tag> AllBrowseTags(model::TagCategory category);
  StatusOr<Fetched<std::vector<model::TagCategoryName>>> TagCategoryNames();
  StatusOr<Fetched<model::TagDetail>> TagDetail(const std::string& tag_name,
                                                const std::string& after = "");
  Paged<model::TagUser> AllTagUsers(const std::string& tag_name);
  StatusOr<Fetched<model::Tag>> AddTag(const std::string& tag_name);
  StatusOr<Fetched<model::Tag>> RemoveTag(const std::string& tag_name);
  StatusOr<Fetched<model::Tag>> SetPrimaryTag(const std::string& tag_name);

  // ---- Raw ----
  // Any request to the API host: adds auth and standard headers, refreshes once on 401, maps
  // non-2xx to a Status naming the request.
  StatusOr<http::Response> Call(const std::string& method, const std::string& path,
                                const http::QueryParams& query = {}, const std::string& body = {});
  // POST {"operationName","query","variables"} to the GraphQL endpoint. `variables_json` is a
  // JSON object ("" = none); `operation` may be "" (taken from the query text then). The body as
  // received; kApi when it is not JSON or its `errors[]` is not empty.
  StatusOr<http::Response> Graphql(const std::string& query, const std::string& variables_json,
                                   const std::string& operation = "");

 private:
  template <typename T>
  using Parser = StatusOr<T> (*)(std::string_view body);

  // The 2xx answer to `request`, sent with the standard headers and auth.
  StatusOr<http::Response> Exchange(const internal::RestRequest& request);
  // Exchange, then `parse` the body (defined in src/peloton/api/client_internal.h).
  template <typename T>
  StatusOr<Fetched<T>> Fetch(const internal::RestRequest& request, Parser<T> parse);
  // Exchange, for answers with nothing to parse.
  StatusOr<Done> Do(const internal::RestRequest& request);
  StatusOr<http::Response> Send(http::Request request, const std::string& step);

  http::Transport& transport_;
  auth::Endpoints endpoints_;
  auth::Session* session_;
  std::string user_agent_;
  int max_attempts_ = 0;  // Request::max_attempts of every request: 0 = the transport's
};

// The GraphQL operation text pelo sends for catalogue operation `name` (§7.3 of the API
// notes, verbatim), or "" for an operation pelo does not know.
std::string_view GraphqlQuery(std::string_view name);

// True for the error of an HTML page answering a request for JSON with a 2xx or 403 status
// (Cloudflare's challenge or block page in front of the API, after the transport's retries):
// kApi with the page's status. Nothing the user's login can fix, and most likely what every
// other request gets too.
bool IsHtmlPageError(const Status& status);

// "FEATURED", "FRIENDS", "POPULAR", "TRENDING".
const char* TagCategorySlug(model::TagCategory category);
std::optional<model::TagCategory> ParseTagCategory(std::string_view text);  // any case

}  // namespace pelo::api
