// Every catalogue row end to end: the typed client method sends exactly the row's request
// (method, path, query, headers, body) to the simulator over real HTTP, and the answer parses.
// A row without a case here fails the test, so a new row needs a client method, a simulator
// handler (the call must succeed) and this case before the suite is green again.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "integration/sim_fixture.h"
#include "pelo/peloton/api/catalogue.h"
#include "pelo/peloton/api/client.h"
#include "pelo/peloton/auth/login.h"
#include "pelo/peloton/auth/session.h"

namespace pelo::api {
namespace {

using nlohmann::json;
using Vars = std::map<std::string, std::string>;  // placeholder -> value, e.g. user_id -> id

// What a case expects besides the row's method and path.
struct Sent {
  http::QueryParams query;  // exactly these parameters, in any order
  std::string body;         // JSON; "" = no body
};

struct CaseContext {
  Client& client;
  Vars& vars;      // a case may point a placeholder at an id it made (a reservation it created)
  Client& legacy;  // signed in with the legacy session cookie
};

struct Case {
  std::function<Status(CaseContext&)> call;
  Sent sent;
};

// `status` of a StatusOr, for one-line cases.
template <typename T>
Status Of(const StatusOr<T>& result) {
  return result.status();
}

// "/api/user/{user_id}/workouts" with `vars` filled in.
std::string FillPath(std::string_view pattern, const Vars& vars) {
  std::string path(pattern);
  for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open)) {
    const size_t close = path.find('}', open);
    const std::string name = path.substr(open + 1, close - open - 1);
    const auto it = vars.find(name);
    if (it == vars.end()) {
      ADD_FAILURE() << "no value for {" << name << "} in " << pattern;
      return path;
    }
    path.replace(open, close - open + 1, it->second);
    open += it->second.size();
  }
  return path;
}

std::multiset<std::pair<std::string, std::string>> AsSet(const http::QueryParams& query) {
  return {query.begin(), query.end()};
}

class CatalogueCoverageTest : public pelo::testing::SimTest {
 protected:
  void SetUp() override {
    sim::Options options;
    options.legacy_auth = true;  // the legacy /auth/* rows are part of the catalogue
    StartSignedIn(options);
    if (HasFatalFailure()) return;
    ResolveIds();
  }

  void TearDown() override {
    legacy_client_.reset();
    legacy_session_.reset();
    SimTest::TearDown();
  }

  // Real ids from the simulator's athlete for every placeholder of the catalogue.
  void ResolveIds() {
    auto me = client_->Me();
    ASSERT_TRUE(me.ok()) << me.status().ToString();
    vars_["user_id"] = me->value.id;
    vars_["username"] = me->value.username;
    auto workouts = client_->Workouts(me->value.id, 0, 2);
    ASSERT_TRUE(workouts.ok()) << workouts.status().ToString();
    ASSERT_EQ(workouts->value.data.size(), 2u);
    vars_["workout_id"] = workouts->value.data[0].id;
    doomed_workout_ = workouts->value.data[1].id;
    ASSERT_TRUE(workouts->value.data[0].ride.has_value());
    vars_["ride_id"] = workouts->value.data[0].ride->id;
    auto instructors = client_->Instructors(0, 1);
    ASSERT_TRUE(instructors.ok() && !instructors->value.empty());
    vars_["instructor_id"] = instructors->value[0].id;
    auto live = client_->LiveClasses(model::LiveQuery{});
    ASSERT_TRUE(live.ok()) << live.status().ToString();
    ASSERT_FALSE(live->value.empty());
    vars_["peloton_id"] = live->value[0].id;
    auto subscriptions = client_->Subscriptions();
    ASSERT_TRUE(subscriptions.ok()) << subscriptions.status().ToString();
    ASSERT_FALSE(subscriptions->value.empty());
    vars_["subscription_id"] = subscriptions->value[0].id;
    auto challenges = client_->Challenges(me->value.id, model::ChallengeStatus::kCurrent);
    ASSERT_TRUE(challenges.ok()) << challenges.status().ToString();
    ASSERT_FALSE(challenges->value.empty());
    vars_["challenge_id"] = challenges->value[0].id;
    auto search = client_->SearchUsers("a", 5);
    ASSERT_TRUE(search.ok()) << search.status().ToString();
    for (const auto& profile : search->value.data) {
      if (profile.id != me->value.id) member_ = profile.id;
    }
    ASSERT_FALSE(member_.empty());
    auto legacy = auth::Login(*transport_, endpoints_,
                              auth::LoginInput{auth::Method::kLegacy, kEmail, kPassword, ""});
    ASSERT_TRUE(legacy.ok()) << legacy.status().ToString();
    legacy_session_ = std::make_unique<auth::Session>(*transport_, endpoints_, *legacy, nullptr);
    legacy_client_ =
        std::make_unique<Client>(*transport_, endpoints_, legacy_session_.get(), "pelo-test");
  }

  std::map<std::string_view, Case> Cases();

  // Checks the last request the simulator answered for `row` against the row and `sent`.
  void ExpectSent(const Endpoint& row, const Vars& vars, const Sent& sent) {
    const std::vector<sim::RecordedRequest> log = server_->Requests();
    const std::string path = row.operation.empty() ? FillPath(row.path, vars) : "/graphql";
    auto it = std::find_if(log.rbegin(), log.rend(), [&](const sim::RecordedRequest& r) {
      return r.method == row.method && r.path == path;
    });
    ASSERT_NE(it, log.rend()) << "no " << row.method << " " << path << " reached the simulator";
    EXPECT_EQ(it->status / 100, 2) << "the simulator answered " << it->status;
    if (row.name != "Login") {  // the login request is the auth layer's, not the client's
      EXPECT_EQ(it->Header("Peloton-Platform"), "web");
    }
    if (row.auth && row.path.rfind("/auth/", 0) != 0) {
      EXPECT_EQ(it->Header("Authorization"), "Bearer <redacted>");
    }
    EXPECT_EQ(AsSet(http::ParseQuery(it->query)), AsSet(sent.query)) << "query: " << it->query;
    if (!row.operation.empty()) {
      const json body = json::parse(it->body, nullptr, false);
      ASSERT_TRUE(body.is_object()) << it->body;
      EXPECT_EQ(body.value("operationName", ""), row.operation);
      EXPECT_EQ(body.value("query", ""), GraphqlQuery(row.operation));
      const json variables = sent.body.empty() ? json::object() : json::parse(sent.body);
      EXPECT_EQ(body.value("variables", json::object()), variables);
      return;
    }
    if (sent.body.empty()) {
      EXPECT_EQ(it->body, "");
    } else {
      EXPECT_EQ(json::parse(it->body, nullptr, false), json::parse(sent.body)) << it->body;
      EXPECT_EQ(it->Header("Content-Type"), "application/json");
    }
  }

  Vars vars_;
  std::string doomed_workout_;
  std::string member_;
  std::unique_ptr<auth::Session> legacy_session_;
  std::unique_ptr<Client> legacy_client_;
};

std::map<std::string_view, Case> CatalogueCoverageTest::Cases() {
  const std::string& me = vars_.at("user_id");
  const std::string& workout = vars_.at("workout_id");
  const std::string& ride = vars_.at("ride_id");
  const std::string& challenge = vars_.at("challenge_id");
  const std::string member = member_;
  const std::string doomed = doomed_workout_;
  const std::string email = kEmail;
  http::Transport& transport = *transport_;
  const auth::Endpoints endpoints = endpoints_;
  std::map<std::string_view, Case> cases;

  // ---- auth (legacy) ----
  cases["Login"] = {
      [&transport, endpoints, email](CaseContext&) {
        return Of(auth::Login(transport, endpoints, {auth::Method::kLegacy, email, kPassword, ""}));
      },
      {{},
       json{{"username_or_email", email}, {"password", "<redacted>"}, {"with_pubsub", false}}
           .dump()}};
  cases["Check Session"] = {[](CaseContext& c) { return Of(c.legacy.CheckSession()); }, {}};
  // Logs out a session of its own: the shared legacy session stays for Check Session.
  cases["Logout"] = {[&transport, endpoints, email](CaseContext& c) {
                       auto fresh = auth::Login(transport, endpoints,
                                                {auth::Method::kLegacy, email, kPassword, ""});
                       if (!fresh.ok()) return fresh.status();
                       return Of(c.legacy.LegacyLogout(fresh->session_id));
                     },
                     {{}, R"({"session_id":"<redacted>"})"}};

  // ---- eCommerce ----
  cases["Peloton Plans"] = {[](CaseContext& c) { return Of(c.client.Plans()); }, {}};
  cases["Peloton Stores"] = {[](CaseContext& c) { return Of(c.client.Stores()); }, {}};
  cases["Peloton Bike Reviews"] = {[](CaseContext& c) { return Of(c.client.BikeReviews(0)); },
                                   {{{"page", "0"}, {"sort_by", "-submittedAt"}}, ""}};
  cases["Peloton Account Order History"] = {[](CaseContext& c) { return Of(c.client.Orders()); },
                                            {}};
  cases["Peloton Account Payment Info"] = {
      [](CaseContext& c) { return Of(c.client.PaymentCards()); }, {}};

  // ---- instructors ----
  cases["All Instructors"] = {[](CaseContext& c) { return Of(c.client.Instructors(1, 3)); },
                              {{{"page", "1"}, {"limit", "3"}}, ""}};
  cases["Instructor by Id"] = {
      [](CaseContext& c) { return Of(c.client.Instructor(c.vars.at("instructor_id"))); }, {}};

  // ---- rides / classes ----
  cases["Ride Metadata Mappings"] = {[](CaseContext& c) { return Of(c.client.MetadataMappings()); },
                                     {}};
  model::ClassQuery classes;
  classes.browse_category = "strength";
  classes.content_format = "audio,video";
  classes.sort_by = "original_air_time";
  classes.desc = true;
  cases["List Archived Rides"] = {
      [classes](CaseContext& c) { return Of(c.client.ArchivedClasses(classes)); },
      {{{"browse_category", "strength"},
        {"content_format", "audio,video"},
        {"limit", "18"},
        {"page", "0"},
        {"sort_by", "original_air_time"},
        {"desc", "true"}},
       ""}};
  model::LiveQuery live;
  live.browse_category = "cycling";
  live.start = 1603944000;
  live.end = 1605157199;
  cases["List Live Rides"] = {[live](CaseContext& c) { return Of(c.client.LiveClasses(live)); },
                              {{{"exclude_complete", "true"},
                                {"content_provider", "studio"},
                                {"exclude_live_in_studio_only", "true"},
                                {"browse_category", "cycling"},
                                {"start", "1603944000"},
                                {"end", "1605157199"}},
                               ""}};
  cases["Ride by Id"] = {[ride](CaseContext& c) { return Of(c.client.Ride(ride)); }, {}};
  cases["Ride Details"] = {
      [ride](CaseContext& c) { return Of(c.client.RideDetails(ride, "multichannel")); },
      {{{"stream_source", "multichannel"}}, ""}};
  cases["Ride Filters"] = {[](CaseContext& c) { return Of(c.client.RideFilters("cycling")); },
                           {{{"include_icon_images", "true"},
                             {"library_type", "on_demand"},
                             {"browse_category", "cycling"}},
                            ""}};
  cases["Ride Recent Following Workouts"] = {
      [ride](CaseContext& c) { return Of(c.client.RecentFollowingWorkouts(ride, 0, 200)); },
      {{{"joins", "user"}, {"limit", "200"}, {"page", "0"}, {"sort_by", "-created"}}, ""}};
  cases["Class Categories"] = {[](CaseContext& c) { return Of(c.client.BrowseCategories()); },
                               {{{"library_type", "on_demand"}}, ""}};
  cases["Favorite Class"] = {[ride](CaseContext& c) { return Of(c.client.Favorite(ride)); },
                             {{}, json{{"ride_id", ride}}.dump()}};
  cases["Unfavorite Class"] = {[ride](CaseContext& c) {
                                 PELO_RETURN_IF_ERROR(Of(c.client.Favorite(ride)));
                                 return Of(c.client.Unfavorite(ride));
                               },
                               {{}, json{{"ride_id", ride}}.dump()}};
  cases["Create Reservation"] = {
      [me](CaseContext& c) { return Of(c.client.Reserve(c.vars.at("peloton_id"), me)); },
      {{},
       json{{"location", "remote"}, {"peloton_id", vars_.at("peloton_id")}, {"user_id", me}}
           .dump()}};
  cases["Remove Reservation"] = {[me](CaseContext& c) {
                                   auto made = c.client.Reserve(c.vars.at("peloton_id"), me);
                                   if (!made.ok()) return made.status();
                                   // The path names the reservation (§5.F notes the conflict).
                                   c.vars["peloton_id"] = made->value.id;
                                   return Of(c.client.Unreserve(made->value.id));
                                 },
                                 {}};

  // ---- users ----
  cases["Me (Logged in User)"] = {[](CaseContext& c) { return Of(c.client.Me()); }, {}};
  cases["User by Id"] = {[me](CaseContext& c) { return Of(c.client.User(me)); }, {}};
  cases["User by Username"] = {
      [](CaseContext& c) { return Of(c.client.User(c.vars.at("username"))); }, {}};
  cases["User Workouts"] = {
      [me](CaseContext& c) { return Of(c.client.Workouts(me, 0, 10)); },
      {{{"joins", "ride,ride.instructor"}, {"limit", "10"}, {"page", "0"}, {"sort_by", "-created"}},
       ""}};
  cases["User Workout History CSV"] = {
      [me](CaseContext& c) { return Of(c.client.WorkoutHistoryCsv(me, "America/New_York")); },
      {{{"timezone", "America/New_York"}}, ""}};
  cases["User Overview"] = {[me](CaseContext& c) { return Of(c.client.Overview(me)); },
                            {{{"version", "1"}}, ""}};
  cases["User Subscriptions"] = {[](CaseContext& c) { return Of(c.client.Subscriptions()); }, {}};
  cases["User Subscription Transactions"] = {
      [me](CaseContext& c) {
        return Of(c.client.SubscriptionTransactions(me, c.vars.at("subscription_id"), 12));
      },
      {{{"joins", "transaction"}, {"limit", "12"}}, ""}};
  cases["User Achievements"] = {[me](CaseContext& c) { return Of(c.client.Achievements(me)); }, {}};
  cases["User Challenges (Current)"] = {
      [me](CaseContext& c) {
        return Of(c.client.Challenges(me, model::ChallengeStatus::kCurrent, true));
      },
      {{{"has_joined", "true"}}, ""}};
  cases["User Challenges (Upcoming)"] = {
      [me](CaseContext& c) {
        return Of(c.client.Challenges(me, model::ChallengeStatus::kUpcoming, false));
      },
      {{{"has_joined", "false"}}, ""}};
  cases["User Challenges (Past)"] = {
      [me](CaseContext& c) {
        return Of(c.client.Challenges(me, model::ChallengeStatus::kPast, true));
      },
      {{{"has_joined", "true"}}, ""}};
  cases["User Followers"] = {[me](CaseContext& c) { return Of(c.client.Followers(me, 0, 20)); },
                             {{{"page", "0"}, {"limit", "20"}}, ""}};
  cases["User Following"] = {[me](CaseContext& c) { return Of(c.client.Following(me, 0, 20)); },
                             {{{"page", "0"}, {"limit", "20"}}, ""}};
  cases["User Search"] = {[](CaseContext& c) { return Of(c.client.SearchUsers("demo", 40)); },
                          {{{"user_query", "demo"}, {"limit", "40"}}, ""}};
  cases["User Settings"] = {[me](CaseContext& c) { return Of(c.client.Settings(me)); }, {}};
  cases["User Referral History"] = {
      [me](CaseContext& c) { return Of(c.client.ReferralHistory(me)); }, {}};
  cases["User Calendar Activity"] = {[me](CaseContext& c) { return Of(c.client.Calendar(me)); },
                                     {}};
  cases["Follow or Unfollow User"] = {
      [member](CaseContext& c) {
        PELO_RETURN_IF_ERROR(Of(c.client.Follow(member)));
        return Of(c.client.Unfollow(member));
      },
      {{}, json{{"action", "unfollow"}, {"user_id", member}}.dump()}};
  const std::string profile = R"({"location":"Vienna, VA"})";
  cases["Update User"] = {
      [me, profile](CaseContext& c) { return Of(c.client.UpdateUser(me, profile)); },
      {{}, profile}};
  const std::string settings =
      R"({"distance_unit":"metric","privacy":{"is_profile_private":true}})";
  cases["Update User Settings"] = {
      [me, settings](CaseContext& c) { return Of(c.client.UpdateSettings(me, settings)); },
      {{}, settings}};

  // ---- workouts ----
  cases["Workout by Id"] = {[workout](CaseContext& c) { return Of(c.client.Workout(workout)); },
                            {{{"joins", "ride,ride.instructor"}}, ""}};
  cases["Workout by Id - Performance Graph"] = {
      [workout](CaseContext& c) { return Of(c.client.PerformanceGraph(workout, 5)); },
      {{{"every_n", "5"}}, ""}};
  cases["Delete Workout by Id"] = {[doomed](CaseContext& c) {
                                     c.vars["workout_id"] = doomed;
                                     return Of(c.client.DeleteWorkout(doomed));
                                   },
                                   {}};

  // ---- GraphQL ----
  const std::string tag = R"({"input":{"tagName":"PelotonDevs"}})";
  cases["AddTagToUser"] = {[](CaseContext& c) { return Of(c.client.AddTag("PelotonDevs")); },
                           {{}, tag}};
  cases["MyTags"] = {[](CaseContext& c) { return Of(c.client.MyTags()); }, {}};
  cases["PrimaryTag"] = {[me](CaseContext& c) { return Of(c.client.PrimaryTag(me)); },
                         {{}, json{{"userId", me}}.dump()}};
  cases["RemoveTagFromUser"] = {[](CaseContext& c) {
                                  (void)c.client.AddTag("PelotonDevs");  // may be there already
                                  return Of(c.client.RemoveTag("PelotonDevs"));
                                },
                                {{}, tag}};
  cases["SearchTag"] = {[](CaseContext& c) { return Of(c.client.SearchTags("PelotonDads")); },
                        {{}, R"({"query":"PelotonDads","tagName":"PelotonDads"})"}};
  cases["SetTagAsPrimary"] = {[](CaseContext& c) {
                                (void)c.client.AddTag("PelotonDevs");  // may be there already
                                return Of(c.client.SetPrimaryTag("PelotonDevs"));
                              },
                              {{}, tag}};
  cases["TagBrowseCategory"] = {
      [](CaseContext& c) { return Of(c.client.BrowseTags(model::TagCategory::kTrending)); },
      {{}, R"({"categorySlug":"TRENDING"})"}};
  cases["TagBrowseCategoryDisplayNames"] = {
      [](CaseContext& c) { return Of(c.client.TagCategoryNames()); }, {}};
  cases["TagDetail"] = {[](CaseContext& c) { return Of(c.client.TagDetail("PelotonDads")); },
                        {{}, R"({"tagName":"PelotonDads"})"}};

  // ---- §5 only ----
  cases["User Facebook Friends"] = {
      [me](CaseContext& c) { return Of(c.client.FacebookFriends(me)); }, {}};
  cases["User Image Upload URL"] = {
      [me](CaseContext& c) { return Of(c.client.ImageUploadUrl(me)); }, {}};
  cases["User Challenge"] = {
      [me, challenge](CaseContext& c) { return Of(c.client.Challenge(me, challenge)); }, {}};
  cases["User Challenge Friends"] = {
      [me, challenge](CaseContext& c) { return Of(c.client.ChallengeFriends(me, challenge)); }, {}};
  cases["Join Challenge"] = {
      [me, challenge](CaseContext& c) { return Of(c.client.JoinChallenge(me, challenge)); }, {}};
  cases["Leave Challenge"] = {
      [me, challenge](CaseContext& c) { return Of(c.client.LeaveChallenge(me, challenge)); }, {}};
  cases["Workout Summary (legacy)"] = {
      [workout](CaseContext& c) { return Of(c.client.WorkoutSummary(workout)); }, {}};
  cases["Workout Achievements (legacy)"] = {
      [workout](CaseContext& c) { return Of(c.client.WorkoutAchievements(workout)); }, {}};
  cases["Workout Samples (legacy)"] = {
      [workout](CaseContext& c) { return Of(c.client.WorkoutSamples(workout, 5, 14400)); },
      {{{"every_n", "5"},
        {"fields", "seconds_since_pedaling_start,power,cadence,speed,heart_rate,distance"},
        {"limit", "14400"}},
       ""}};
  cases["Peloton Session"] = {
      [](CaseContext& c) { return Of(c.client.LiveSession(c.vars.at("peloton_id"))); }, {}};
  cases["Started Client Session"] = {
      [](CaseContext& c) { return Of(c.client.StartedClientSession()); }, {}};
  cases["Stream Token"] = {[](CaseContext& c) { return Of(c.client.SubscriptionStream()); },
                           {{}, "{}"}};
  return cases;
}

TEST_F(CatalogueCoverageTest, EveryRowIsSentAsCataloguedAndItsAnswerParses) {
  auto cases = Cases();
  for (const Endpoint& row : Catalogue()) {
    SCOPED_TRACE(std::string(row.name));
    const auto it = cases.find(row.name);
    if (it == cases.end()) {
      ADD_FAILURE() << "catalogue row '" << row.name << "' has no client case";
      continue;
    }
    Vars vars = vars_;
    CaseContext context{*client_, vars, *legacy_client_};
    server_->ClearRequests();
    const Status status = it->second.call(context);
    ASSERT_TRUE(status.ok()) << status.ToString();
    ExpectSent(row, vars, it->second.sent);
    cases.erase(it);
  }
  for (const auto& [name, unused] : cases) ADD_FAILURE() << "case for no catalogue row: " << name;
}

// The simulator answers every row's request itself (not its 404 for unknown routes), with the
// row's own auth: a signed-out request to a row that needs a login is refused.
TEST_F(CatalogueCoverageTest, SimulatorServesEveryRowAndGuardsTheSignedInOnes) {
  Client anonymous(*transport_, endpoints_, nullptr, "pelo-test");
  for (const Endpoint& row : Catalogue()) {
    SCOPED_TRACE(std::string(row.name));
    if (!row.operation.empty() || row.path.rfind("/auth/", 0) == 0) continue;
    const std::string path = FillPath(row.path, vars_);
    const std::string body = row.method == "GET" || row.method == "DELETE" ? "" : "{}";
    auto answer = anonymous.Call(std::string(row.method), path, {}, body);
    if (row.auth) {
      ASSERT_FALSE(answer.ok());
      EXPECT_EQ(answer.status().http_status(), 401) << answer.status().ToString();
    } else {
      EXPECT_TRUE(answer.ok()) << answer.status().ToString();
    }
  }
}

}  // namespace
}  // namespace pelo::api
