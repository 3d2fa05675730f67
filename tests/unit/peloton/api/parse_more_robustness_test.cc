// Tolerance of every parse_more.h parser: empty objects, nulls, wrong types, unknown fields and
// bare arrays parse; only non-JSON or a wrong top-level type is an error.
#include <gtest/gtest.h>

#include <functional>

#include "pelo/peloton/api/parse_more.h"
#include "unit/peloton/api/fixture_files.h"

namespace pelo::api::testing {
namespace {

struct ParserCase {
  std::string name;
  std::function<Status(std::string_view)> parse;
  bool list = false;  // the body is a list, so a bare top-level array is accepted
};

template <typename T>
std::function<Status(std::string_view)> Probe(StatusOr<T> (*parse)(std::string_view)) {
  return [parse](std::string_view body) {
    StatusOr<T> result = parse(body);
    return result.ok() ? OkStatus() : result.status();
  };
}

const std::vector<ParserCase>& AllParsers() {
  static const std::vector<ParserCase> parsers = {
      {"UserProfile", Probe(&ParseUserProfile)},
      {"ProfilePage", Probe(&ParseProfilePage), true},
      {"UserOverview", Probe(&ParseUserOverview)},
      {"AchievementCategories", Probe(&ParseAchievementCategories), true},
      {"Calendar", Probe(&ParseCalendar), true},
      {"Relationship", Probe(&ParseRelationship)},
      {"UserSettings", Probe(&ParseUserSettings)},
      {"Subscriptions", Probe(&ParseSubscriptions), true},
      {"SubscriptionTransactions", Probe(&ParseSubscriptionTransactions), true},
      {"ReferralHistory", Probe(&ParseReferralHistory)},
      {"ImageUploadUrl", Probe(&ParseImageUploadUrl)},
      {"SessionCheck", Probe(&ParseSessionCheck)},
      {"Challenges", Probe(&ParseChallenges), true},
      {"ChallengeDetail", Probe(&ParseChallengeDetail)},
      {"ChallengeFriends", Probe(&ParseChallengeFriends), true},
      {"MetadataMappings", Probe(&ParseMetadataMappings)},
      {"ClassPage", Probe(&ParseClassPage), true},
      {"LiveSessions", Probe(&ParseLiveSessions), true},
      {"LiveSession", Probe(&ParseLiveSession)},
      {"Ride", Probe(&ParseRide)},
      {"RideFilters", Probe(&ParseRideFilters), true},
      {"FollowingWorkouts", Probe(&ParseFollowingWorkouts), true},
      {"BrowseCategories", Probe(&ParseBrowseCategories), true},
      {"Reservation", Probe(&ParseReservation)},
      {"InstructorPage", Probe(&ParseInstructorPage), true},
      {"Plans", Probe(&ParsePlans), true},
      {"Stores", Probe(&ParseStores), true},
      {"ReviewPage", Probe(&ParseReviewPage), true},
      {"Orders", Probe(&ParseOrders), true},
      {"PaymentCards", Probe(&ParsePaymentCards), true},
      {"WorkoutSummary", Probe(&ParseWorkoutSummary)},
      {"WorkoutAchievements", Probe(&ParseWorkoutAchievements), true},
  };
  return parsers;
}

// The keys the parsers descend into, by the type they expect there.
const char* const kObjectKeys[] = {"relationship",
                                   "workout_counts",
                                   "streaks",
                                   "achievement_counts",
                                   "template",
                                   "privacy",
                                   "challenge_summary",
                                   "participants",
                                   "progress",
                                   "challenge_detail",
                                   "user",
                                   "ride",
                                   "value",
                                   "album",
                                   "instructor",
                                   "playlist",
                                   "segments"};
const char* const kArrayKeys[] = {"workouts",
                                  "personal_records",
                                  "records",
                                  "categories",
                                  "achievements",
                                  "months",
                                  "active_days",
                                  "subscriptions",
                                  "data",
                                  "challenges",
                                  "tiers",
                                  "friends",
                                  "class_types",
                                  "fitness_disciplines",
                                  "equipment",
                                  "instructors",
                                  "rides",
                                  "filters",
                                  "values",
                                  "sorts",
                                  "browse_categories",
                                  "plans",
                                  "stores",
                                  "orders",
                                  "cards",
                                  "achievement_templates",
                                  "songs",
                                  "artists"};
const char* const kScalarKeys[] = {"id",
                                   "username",
                                   "show_next",
                                   "page",
                                   "page_count",
                                   "total",
                                   "price",
                                   "rating",
                                   "amount",
                                   "is_valid",
                                   "is_live",
                                   "start_time",
                                   "last4",
                                   "coupon_code",
                                   "year",
                                   "metric_value",
                                   "metric_display_value",
                                   "sort",
                                   "desc",
                                   "name",
                                   "title",
                                   "count",
                                   "submittedAt"};

// An object of every key above, `depth` levels deep, with `value` in every leaf: at the last
// level, in every key whatever its expected type.
std::string EveryKey(const std::string& value, int depth) {
  const std::string nested = depth == 0 ? value : EveryKey(value, depth - 1);
  std::string out;
  auto add = [&](const char* key, const std::string& member) {
    out += std::string(out.empty() ? "{" : ",") + "\"" + key + "\":" + member;
  };
  for (const char* key : kScalarKeys) add(key, value);
  for (const char* key : kObjectKeys) add(key, nested);
  for (const char* key : kArrayKeys) add(key, depth == 0 ? value : "[" + nested + "]");
  return out + "}";
}

TEST(ParseMoreRobustness, EmptyObjectsParse) {
  for (const ParserCase& parser : AllParsers()) {
    EXPECT_TRUE(parser.parse("{}").ok()) << parser.name;
  }
}

TEST(ParseMoreRobustness, NullsAndWrongTypesParse) {
  // Every leaf value one level down; nulls and null-filled objects two levels down too (deeper
  // bodies grow 46-fold per level, and these two cover the nested readers).
  std::vector<std::string> bodies;
  for (const char* value : {"null", "42", "\"text\"", "true", "[1,null,\"x\"]", "{}",
                            "[{\"id\":null}]", "{\"id\":[]}"}) {
    bodies.push_back(EveryKey(value, 1));
  }
  bodies.push_back(EveryKey("null", 2));
  bodies.push_back(EveryKey("[{\"id\":null}]", 2));
  for (const std::string& body : bodies) {
    for (const ParserCase& parser : AllParsers()) {
      Status status = parser.parse(body);
      EXPECT_TRUE(status.ok()) << parser.name << ": " << status.ToString() << "\n" << body;
    }
  }
}

TEST(ParseMoreRobustness, NullsLeaveFieldsEmpty) {
  model::UserProfile p = Ok(ParseUserProfile(EveryKey("null", 0)));
  EXPECT_EQ(p.id, "");
  EXPECT_FALSE(p.relationship.has_value());
  EXPECT_FALSE(p.total_workouts.has_value());
  EXPECT_TRUE(p.workout_counts.empty());
  model::UserSettings s = Ok(ParseUserSettings(R"({"privacy":{"is_profile_private":null}})"));
  EXPECT_FALSE(s.is_profile_private.has_value());
  auto page = Ok(ParseProfilePage(R"({"data":null,"show_next":null,"page":null})"));
  EXPECT_TRUE(page.data.empty());
  EXPECT_FALSE(page.show_next);
  auto plans = Ok(ParsePlans(R"({"plans":[null,{"id":null,"price":null}]})"));
  ASSERT_EQ(plans.size(), 1u);
  EXPECT_FALSE(plans[0].price.has_value());
}

TEST(ParseMoreRobustness, WrongTypesReadAsEmpty) {
  model::Challenge c = Ok(ParseChallenges(
      R"({"challenges":[{"challenge_summary":"c1","participants":[3],"progress":{"has_joined":"yes"}}]})"))
      [0];
  EXPECT_EQ(c.id, "");
  EXPECT_FALSE(c.participants.has_value());
  EXPECT_FALSE(c.progress.has_joined);
  auto months =
      Ok(ParseCalendar(R"({"months":[{"year":"2020","month":4.0,"active_days":[1,"x",3]}]})"));
  ASSERT_EQ(months.size(), 1u);
  EXPECT_EQ(months[0].year, 2020);  // numeric strings are numbers
  EXPECT_EQ(months[0].month, 4);
  EXPECT_EQ(months[0].active_days, (std::vector<int>{1, 3}));
  auto stores = Ok(ParseStores(R"({"stores":{"slug":"us"}})"));
  EXPECT_TRUE(stores.empty());
}

TEST(ParseMoreRobustness, UnknownFieldsAreIgnoredAndKept) {
  auto orders =
      Ok(ParseOrders(R"({"orders":[{"id":"o1","brand_new":{"deep":[1,{"x":null}]}}],"zz":1})"));
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(orders[0].id, "o1");
  EXPECT_EQ(orders[0].json, R"({"id":"o1","brand_new":{"deep":[1,{"x":null}]}})");
}

TEST(ParseMoreRobustness, BareArraysAreListsOnly) {
  for (const ParserCase& parser : AllParsers()) {
    Status status = parser.parse(R"([{"id":"x"}])");
    if (parser.list) {
      EXPECT_TRUE(status.ok()) << parser.name << ": " << status.ToString();
    } else {
      EXPECT_EQ(status.code(), ErrorCode::kApi) << parser.name;
      EXPECT_EQ(status.message(), "expected a JSON object") << parser.name;
    }
  }
  auto plans = Ok(ParsePlans(R"([{"id":"p1"},{"id":"p2"}])"));
  ASSERT_EQ(plans.size(), 2u);
  EXPECT_EQ(plans[1].id, "p2");
  auto page = Ok(ParseProfilePage(R"([{"id":"u1"}])"));
  ASSERT_EQ(page.data.size(), 1u);
  EXPECT_EQ(page.count, 1);
  EXPECT_FALSE(page.show_next);
}

TEST(ParseMoreRobustness, NotJsonOrScalarIsAnApiError) {
  for (const ParserCase& parser : AllParsers()) {
    for (const char* body : {"", "<html>502</html>", R"({"id":)", "{} x"}) {
      Status status = parser.parse(body);
      EXPECT_EQ(status.code(), ErrorCode::kApi) << parser.name << " with " << body;
      EXPECT_EQ(status.message().rfind("invalid JSON at byte", 0), 0u) << status.message();
    }
    for (const char* body : {"42", "\"text\"", "null", "true"}) {
      Status status = parser.parse(body);
      EXPECT_EQ(status.code(), ErrorCode::kApi) << parser.name << " with " << body;
      EXPECT_EQ(status.message(),
                parser.list ? "expected a JSON object or array" : "expected a JSON object");
    }
  }
}

}  // namespace
}  // namespace pelo::api::testing
