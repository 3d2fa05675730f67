// Every typed Client method sends the request of its catalogue row (method, path and query,
// JSON body, headers) and parses the answer; checked against a recording fake transport.
#include <gtest/gtest.h>

#include <functional>
#include <ostream>

#include "pelo/peloton/api/client.h"
#include "unit/peloton/api/fixture_files.h"
#include "unit/peloton/api/shape_samples.h"
#include "unit/peloton/auth/fake_transport.h"

namespace pelo::api::testing {
namespace {

using pelo::testing::FakeTransport;
using pelo::testing::JsonResponse;

constexpr const char* kApiUrl = "https://api.test";

// What a call answered: `pick(value)` of the parsed value, or the error.
template <typename T, typename Pick>
std::string Said(const StatusOr<Fetched<T>>& result, Pick pick) {
  if (!result.ok()) return "error: " + result.status().ToString();
  return pick(result->value);
}
std::string Said(const StatusOr<Done>& result) {
  if (!result.ok()) return "error: " + result.status().ToString();
  return "HTTP " + std::to_string(result->status);
}

struct RequestCase {
  std::string name;
  std::function<std::string(Client&)> call;
  std::string method;
  std::string path;  // path and query as sent
  std::string body;  // "" = no body
  std::string answer;
  std::string said;  // what `call` returns for `answer`
  std::string accept = "application/json";
  bool sensitive = false;
};

// Test names and failure messages show the case's name, not its bytes.
void PrintTo(const RequestCase& c, std::ostream* out) { *out << c.name; }

model::ClassQuery FullClassQuery() {
  model::ClassQuery query;
  query.browse_category = "cycling";
  query.content_format = "audio,video";
  query.instructor_id = "i1";
  query.durations = {20, 30};
  query.sort_by = "original_air_time";
  query.desc = true;
  query.is_favorite_ride = false;
  query.page = 1;
  return query;
}

model::LiveQuery CyclingLiveQuery() {
  model::LiveQuery query;
  query.browse_category = "cycling";
  query.start = 1603944000;
  query.end = 1605157199;
  return query;
}

std::vector<RequestCase> UserCases() {
  return {
      {"LegacyLogout", [](Client& c) { return Said(c.LegacyLogout("sess1")); }, "POST",
       "/auth/logout", R"({"session_id":"sess1"})", "{}", "HTTP 200", "application/json", true},
      {"CheckSession",
       [](Client& c) { return Said(c.CheckSession(), [](auto& v) { return v.user_id; }); }, "GET",
       "/auth/check_session", "", kSessionCheckBody, "u1"},
      {"Me", [](Client& c) { return Said(c.Me(), [](auto& v) { return v.id; }); }, "GET", "/api/me",
       "", R"({"id":"u1"})", "u1"},
      {"UserByName",
       [](Client& c) { return Said(c.User("jane doe"), [](auto& v) { return v.username; }); },
       "GET", "/api/user/jane%20doe", "", kUserProfileBody, "jane"},
      {"Workouts",
       [](Client& c) {
         return Said(c.Workouts("u1", 2, 10), [](auto& v) { return v.data.at(0).id; });
       },
       "GET", "/api/user/u1/workouts?sort_by=-created&page=2&limit=10&joins=ride%2Cride.instructor",
       "", R"({"data":[{"id":"w1"}]})", "w1"},
      {"WorkoutHistoryCsv",
       [](Client& c) {
         return Said(c.WorkoutHistoryCsv("u1", "Europe/Berlin"), [](auto& v) { return v; });
       },
       "GET", "/api/user/u1/workout_history_csv?timezone=Europe%2FBerlin", "",
       "Workout Timestamp,Live/On-Demand\n", "Workout Timestamp,Live/On-Demand\n", "text/csv"},
      {"Overview",
       [](Client& c) {
         return Said(c.Overview("u1"), [](auto& v) { return std::to_string(v.total_workouts); });
       },
       "GET", "/api/user/u1/overview?version=1", "", kOverviewBody, "250"},
      {"Subscriptions",
       [](Client& c) { return Said(c.Subscriptions(), [](auto& v) { return v.at(0).type; }); },
       "GET", "/api/v2/user/subscriptions", "", kSubscriptionsBody, "digital"},
      {"SubscriptionTransactions",
       [](Client& c) {
         return Said(c.SubscriptionTransactions("u1", "s1"),
                     [](auto& v) { return v.data.at(0).currency; });
       },
       "GET", "/api/user/u1/subscription/s1/subscription_transactions?joins=transaction&limit=12",
       "", kTransactionsBody, "EUR"},
      {"Achievements",
       [](Client& c) {
         return Said(c.Achievements("u1"), [](auto& v) { return v.at(0).achievements.at(0).id; });
       },
       "GET", "/api/user/u1/achievements", "", kAchievementsBody, "a1"},
      {"ChallengesCurrentJoined",
       [](Client& c) {
         return Said(c.Challenges("u1", model::ChallengeStatus::kCurrent, true),
                     [](auto& v) { return v.at(0).title; });
       },
       "GET", "/api/user/u1/challenges/current?has_joined=true", "", kChallengesBody,
       "May Mileage"},
      {"ChallengesUpcomingNotJoined",
       [](Client& c) {
         return Said(c.Challenges("u1", model::ChallengeStatus::kUpcoming, false),
                     [](auto& v) { return std::to_string(v.size()); });
       },
       "GET", "/api/user/u1/challenges/upcoming?has_joined=false", "", kChallengesBody, "1"},
      {"ChallengesPast",
       [](Client& c) {
         return Said(c.Challenges("u1", model::ChallengeStatus::kPast),
                     [](auto& v) { return std::to_string(v.size()); });
       },
       "GET", "/api/user/u1/challenges/past", "", R"({"challenges":[]})", "0"},
      {"Challenge",
       [](Client& c) {
         return Said(c.Challenge("u1", "c1"), [](auto& v) { return v.tiers.at(1).title; });
       },
       "GET", "/api/user/u1/challenges/c1", "", kChallengeDetailBody, "Silver"},
      {"ChallengeFriends",
       [](Client& c) {
         return Said(c.ChallengeFriends("u1", "c1"), [](auto& v) { return v.at(0).username; });
       },
       "GET", "/api/user/u1/challenges/c1/friends", "", kChallengeFriendsBody, "joe"},
      {"JoinChallenge", [](Client& c) { return Said(c.JoinChallenge("u1", "c1")); }, "POST",
       "/api/user/u1/challenges/c1/join", "", "", "HTTP 200"},
      {"LeaveChallenge", [](Client& c) { return Said(c.LeaveChallenge("u1", "c1")); }, "POST",
       "/api/user/u1/challenges/c1/leave", "", "", "HTTP 200"},
      {"Followers",
       [](Client& c) {
         return Said(c.Followers("u1", 1), [](auto& v) { return v.data.at(1).username; });
       },
       "GET", "/api/user/u1/followers?page=1&limit=20", "", kProfilePageBody, "joe"},
      {"Following",
       [](Client& c) {
         return Said(c.Following("u1", 0, 50), [](auto& v) { return v.data.at(0).username; });
       },
       "GET", "/api/user/u1/following?page=0&limit=50", "", kProfilePageBody, "jane"},
      {"FacebookFriends",
       [](Client& c) {
         return Said(c.FacebookFriends("u1"), [](auto& v) { return std::to_string(v.total); });
       },
       "GET", "/api/user/u1/facebook_friends", "", kProfilePageBody, "3"},
      {"SearchUsers",
       [](Client& c) {
         return Said(c.SearchUsers("jane d"), [](auto& v) { return v.data.at(0).id; });
       },
       "GET", "/api/user/search?user_query=jane%20d&limit=40", "", kProfilePageBody, "u1"},
      {"Settings",
       [](Client& c) { return Said(c.Settings("u1"), [](auto& v) { return v.timezone; }); }, "GET",
       "/api/user/u1/settings", "", kSettingsBody, "Europe/Berlin"},
      {"UpdateSettings",
       [](Client& c) {
         return Said(c.UpdateSettings("u1", R"({"distance_unit":"metric"})"),
                     [](auto& v) { return v.distance_unit; });
       },
       "PUT", "/api/user/u1/settings", R"({"distance_unit":"metric"})", kSettingsBody, "metric"},
      {"UpdateUser",
       [](Client& c) {
         return Said(c.UpdateUser("u1", R"({"location":"Berlin"})"),
                     [](auto& v) { return v.location; });
       },
       "PUT", "/api/user/u1", R"({"location":"Berlin"})", kUserProfileBody, "Berlin"},
      {"ReferralHistory",
       [](Client& c) {
         return Said(c.ReferralHistory("u1"), [](auto& v) { return v.coupon_code; });
       },
       "GET", "/api/user/u1/referral_history", "", kReferralBody, "JANE10"},
      {"Calendar",
       [](Client& c) {
         return Said(c.Calendar("u1"), [](auto& v) { return std::to_string(v.at(0).month); });
       },
       "GET", "/api/user/u1/calendar", "",
       ReadFixture("dovops-spec-examples/GET_api_user_userId_calendar.200.json"), "4"},
      {"Follow",
       [](Client& c) { return Said(c.Follow("u2"), [](auto& v) { return v.me_to_user; }); }, "POST",
       "/api/user/change_relationship", R"({"action":"follow","user_id":"u2"})", kRelationshipBody,
       "following"},
      {"Unfollow",
       [](Client& c) { return Said(c.Unfollow("u2"), [](auto& v) { return v.user_to_me; }); },
       "POST", "/api/user/change_relationship", R"({"action":"unfollow","user_id":"u2"})",
       kRelationshipBody, "none"},
      {"ImageUploadUrl",
       [](Client& c) { return Said(c.ImageUploadUrl("u1"), [](auto& v) { return v.upload_url; }); },
       "GET", "/api/user/u1/image_upload_url", "", kImageUploadBody, "https://up/x"},
  };
}

std::vector<RequestCase> WorkoutCases() {
  return {
      {"Workout", [](Client& c) { return Said(c.Workout("w1"), [](auto& v) { return v.id; }); },
       "GET", "/api/workout/w1?joins=ride%2Cride.instructor", "", R"({"id":"w1"})", "w1"},
      {"WorkoutNoJoins",
       [](Client& c) { return Said(c.Workout("w1", ""), [](auto& v) { return v.id; }); }, "GET",
       "/api/workout/w1", "", R"({"id":"w1"})", "w1"},
      {"PerformanceGraph",
       [](Client& c) {
         return Said(c.PerformanceGraph("w1", 5),
                     [](auto& v) { return std::to_string(v.duration.value_or(0)); });
       },
       "GET", "/api/workout/w1/performance_graph?every_n=5", "", R"({"duration":1800})", "1800"},
      {"DeleteWorkout", [](Client& c) { return Said(c.DeleteWorkout("w1")); }, "DELETE",
       "/api/workout/w1", "", "", "HTTP 200"},
      {"WorkoutSummary",
       [](Client& c) { return Said(c.WorkoutSummary("w1"), [](auto& v) { return v.workout_id; }); },
       "GET", "/api/workout/w1/summary", "",
       ReadFixture("peloton-to-garmin/tests/data/peloton_workoutsummary_cycling.json"),
       "d49cc8314b4e4f7ca1726394a90f6757"},
      {"WorkoutAchievements",
       [](Client& c) {
         return Said(c.WorkoutAchievements("w1"), [](auto& v) { return v.at(0).name; });
       },
       "GET", "/api/workout/w1/achievements", "", kWorkoutAchievementsBody, "Best Output"},
      {"WorkoutSamples",
       [](Client& c) { return Said(c.WorkoutSamples("w1"), [](auto& v) { return v; }); }, "GET",
       "/api/workout/w1/sample?every_n=5&fields=seconds_since_pedaling_start%2Cpower%2Ccadence"
       "%2Cspeed%2Cheart_rate%2Cdistance&limit=14400",
       "", kSamplesBody, kSamplesBody},
  };
}

std::vector<RequestCase> LibraryCases() {
  return {
      {"MetadataMappings",
       [](Client& c) {
         return Said(c.MetadataMappings(), [](auto& v) { return v.class_types.at(0).name; });
       },
       "GET", "/api/ride/metadata_mappings", "", kMetadataMappingsBody, "Power Zone"},
      {"ArchivedClassesFullQuery",
       [](Client& c) {
         return Said(c.ArchivedClasses(FullClassQuery()),
                     [](auto& v) { return v.rides.data.at(0).instructor->name; });
       },
       "GET",
       "/api/v2/ride/archived?browse_category=cycling&content_format=audio%2Cvideo"
       "&instructor_id=i1&duration=1200%2C1800&sort_by=original_air_time&desc=true"
       "&is_favorite_ride=false&limit=18&page=1",
       "", ReadFixture("peloton-pal/peloton_classes.json"), "Kirsten Ferguson"},
      {"ArchivedClassesDefaultQuery",
       [](Client& c) {
         return Said(c.ArchivedClasses({}), [](auto& v) { return std::to_string(v.rides.count); });
       },
       "GET", "/api/v2/ride/archived?limit=18&page=0", "", R"({"data":[],"count":0})", "0"},
      {"LiveClasses",
       [](Client& c) {
         return Said(c.LiveClasses(CyclingLiveQuery()),
                     [](auto& v) { return v.at(0).ride->instructor->name; });
       },
       "GET",
       "/api/v3/ride/live?exclude_complete=true&content_provider=studio"
       "&exclude_live_in_studio_only=true&browse_category=cycling&start=1603944000"
       "&end=1605157199",
       "", kLiveClassesBody, "Jane Doe"},
      {"Ride", [](Client& c) { return Said(c.Ride("r1"), [](auto& v) { return v.title; }); }, "GET",
       "/api/ride/r1", "", kRideBody, "30 min Pop Ride"},
      {"RideDetails",
       [](Client& c) {
         return Said(c.RideDetails("r1", "multichannel"),
                     [](auto& v) { return v.playlist.at(0).title; });
       },
       "GET", "/api/ride/r1/details?stream_source=multichannel", "",
       ReadFixture(
           "peloton-tableau-connector/service/peloservice/requests_test.go.L392.ride_details"
           ".json"),
       "Lodge"},
      {"RideFilters",
       [](Client& c) {
         return Said(c.RideFilters("cycling"), [](auto& v) { return v.sorts.at(0).sort; });
       },
       "GET",
       "/api/ride/filters?include_icon_images=true&library_type=on_demand"
       "&browse_category=cycling",
       "", kRideFiltersBody, "original_air_time"},
      {"RecentFollowingWorkouts",
       [](Client& c) {
         return Said(c.RecentFollowingWorkouts("r1"),
                     [](auto& v) { return v.data.at(0).user.username; });
       },
       "GET", "/api/ride/r1/recent_following_workouts?joins=user&limit=200&page=0&sort_by=-created",
       "", kFollowingWorkoutsBody, "joe"},
      {"BrowseCategories",
       [](Client& c) { return Said(c.BrowseCategories(), [](auto& v) { return v.at(0).slug; }); },
       "GET", "/api/browse_categories?library_type=on_demand", "", kBrowseCategoriesBody,
       "cycling"},
      {"LiveSession",
       [](Client& c) { return Said(c.LiveSession("p1"), [](auto& v) { return v.status; }); }, "GET",
       "/api/peloton/p1", "",
       ReadFixture("dovops-spec-examples/GET_api_peloton_reservationId.200.json"), "COMPLETE"},
      {"Favorite", [](Client& c) { return Said(c.Favorite("r1")); }, "POST",
       "/api/favorites/create", R"({"ride_id":"r1"})", "", "HTTP 200"},
      {"Unfavorite", [](Client& c) { return Said(c.Unfavorite("r1")); }, "POST",
       "/api/favorites/delete", R"({"ride_id":"r1"})", "", "HTTP 200"},
      {"Reserve",
       [](Client& c) { return Said(c.Reserve("p1", "u1"), [](auto& v) { return v.id; }); }, "POST",
       "/api/reservation", R"({"location":"remote","peloton_id":"p1","user_id":"u1"})",
       kReservationBody, "res1"},
      {"Unreserve", [](Client& c) { return Said(c.Unreserve("res1")); }, "DELETE",
       "/api/reservation/res1", "",
       ReadFixture("dovops-spec-examples/DELETE_api_reservation_reservationId.200.json"),
       "HTTP 200"},
      {"StartedClientSession", [](Client& c) { return Said(c.StartedClientSession()); }, "GET",
       "/api/started_client_session", "", "{}", "HTTP 200"},
      {"SubscriptionStream", [](Client& c) { return Said(c.SubscriptionStream()); }, "POST",
       "/api/subscription/stream", "{}", R"({"token":"secret","expires_at":1})", "HTTP 200",
       "application/json", true},
      {"Instructors",
       [](Client& c) { return Said(c.Instructors(0, 10), [](auto& v) { return v.at(1).name; }); },
       "GET", "/api/instructor?page=0&limit=10", "", kInstructorsBody, "John Roe"},
      {"Instructor",
       [](Client& c) { return Said(c.Instructor("i1"), [](auto& v) { return v.username; }); },
       "GET", "/api/instructor/i1", "",
       ReadFixture("dovops-spec-examples/GET_api_instructor_instructorId.200.json"), "agreenberg"},
  };
}

std::vector<RequestCase> CommerceCases() {
  return {
      {"Plans", [](Client& c) { return Said(c.Plans(), [](auto& v) { return v.at(0).name; }); },
       "GET", "/ecomm/store/dotcom/digital_subscriptions/plans", "", kPlansBody, "App One"},
      {"Stores", [](Client& c) { return Said(c.Stores(), [](auto& v) { return v.at(0).slug; }); },
       "GET", "/ecomm/store", "", kStoresBody, "us"},
      {"BikeReviews",
       [](Client& c) { return Said(c.BikeReviews(), [](auto& v) { return v.data.at(0).title; }); },
       "GET", "/ecomm/product/bike/reviews?page=0&sort_by=-submittedAt", "", kReviewsBody, "Great"},
      {"Orders", [](Client& c) { return Said(c.Orders(), [](auto& v) { return v.at(0).id; }); },
       "GET", "/ecomm/orders", "", kOrdersBody, "o1"},
      {"PaymentCards",
       [](Client& c) { return Said(c.PaymentCards(), [](auto& v) { return v.at(0).last4; }); },
       "GET", "/ecomm/card", "", kCardsBody, "4242"},
  };
}

std::vector<RequestCase> AllCases() {
  std::vector<RequestCase> cases;
  for (auto group : {UserCases, WorkoutCases, LibraryCases, CommerceCases}) {
    for (RequestCase& c : group()) cases.push_back(std::move(c));
  }
  return cases;
}

// The values of every header named `name` (exact case, as Client sends them).
std::vector<std::string> HeaderValues(const http::Request& request, const std::string& name) {
  std::vector<std::string> values;
  for (const auto& [key, value] : request.headers) {
    if (key == name) values.push_back(value);
  }
  return values;
}

// A client with a bearer session over a fake transport that answers `answer` with 200.
class ClientRequestTest : public ::testing::TestWithParam<RequestCase> {
 protected:
  ClientRequestTest()
      : transport_([](const http::Request&) { return JsonResponse(200, GetParam().answer); }),
        session_(transport_, Endpoints(), Credentials(), nullptr),
        client_(transport_, Endpoints(), &session_, "pelo-test") {}

  static auth::Endpoints Endpoints() {
    auth::Endpoints endpoints;
    endpoints.api_url = kApiUrl;
    return endpoints;
  }
  static auth::Credentials Credentials() {
    auth::Credentials credentials;
    credentials.access_token = "token1";
    return credentials;
  }

  FakeTransport transport_;
  auth::Session session_;
  Client client_;
};

TEST_P(ClientRequestTest, SendsItsCatalogueRequestAndParsesTheAnswer) {
  const RequestCase& c = GetParam();
  EXPECT_EQ(c.call(client_), c.said);
  std::vector<http::Request> requests = transport_.requests();
  ASSERT_EQ(requests.size(), 1u);
  const http::Request& request = requests[0];
  EXPECT_EQ(request.method, c.method);
  EXPECT_EQ(request.url, kApiUrl + c.path);
  EXPECT_EQ(request.body, c.body);
  EXPECT_EQ(request.sensitive, c.sensitive);
  EXPECT_EQ(HeaderValues(request, "Peloton-Platform"), std::vector<std::string>{"web"});
  EXPECT_EQ(HeaderValues(request, "Accept"), std::vector<std::string>{c.accept});
  EXPECT_EQ(HeaderValues(request, "Authorization"), std::vector<std::string>{"Bearer token1"});
  EXPECT_EQ(HeaderValues(request, "User-Agent"), std::vector<std::string>{"pelo-test"});
  EXPECT_EQ(
      HeaderValues(request, "Content-Type"),
      c.body.empty() ? std::vector<std::string>{} : std::vector<std::string>{"application/json"});
}

INSTANTIATE_TEST_SUITE_P(EveryMethod, ClientRequestTest, ::testing::ValuesIn(AllCases()),
                         [](const ::testing::TestParamInfo<RequestCase>& param_info) {
                           return param_info.param.name;
                         });

}  // namespace
}  // namespace pelo::api::testing
