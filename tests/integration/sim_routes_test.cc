// Every REST request of the catalogue against the simulator over real HTTP: each answers, the
// guarded ones refuse anonymous callers, the mutations stick, and paged lists page correctly.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "integration/sim_fixture.h"
#include "pelo/peloton/api/catalogue.h"
#include "pelo/peloton/auth/login.h"

namespace pelo::sim {
namespace {

using nlohmann::json;

class SimRoutesTest : public pelo::testing::SimTest {
 protected:
  void SetUp() override {
    StartSignedIn();
    if (HasFatalFailure()) return;
    me_ = Get("/api/me");
    user_ = me_["id"].get<std::string>();
    const json workouts = Get("/api/user/" + user_ + "/workouts?joins=ride&limit=100");
    ASSERT_GE(workouts["data"].size(), 3u);
    workout_ = workouts["data"][0]["id"];
    ride_ = workouts["data"][0]["ride"]["id"];
    spare_workout_ = workouts["data"].back()["id"];
  }

  http::Response Send(const std::string& method, const std::string& path,
                      const json& body = nullptr, bool signed_in = true) {
    http::Request request;
    request.method = method;
    request.url = server_->url() + path;
    if (signed_in) request.headers = auth::AuthHeaders(credentials_);
    if (!body.is_null()) {
      request.headers.emplace_back("Content-Type", "application/json");
      request.body = body.dump();
    }
    auto response = transport_->Send(request);
    EXPECT_TRUE(response.ok()) << response.status().ToString();
    return response.ok() ? *response : http::Response{};
  }

  // Sends the request, expects `status`, and parses the body (null when empty).
  json Call(const std::string& method, const std::string& path, const json& body = nullptr,
            int status = 200) {
    const http::Response r = Send(method, path, body);
    EXPECT_EQ(r.status, status) << method << " " << path << ": " << r.body.substr(0, 300);
    return r.body.empty() ? json() : json::parse(r.body, nullptr, false);
  }
  json Get(const std::string& path) { return Call("GET", path); }
  // The `key` member of the body, by value (safe as a range-for's range).
  json Items(const std::string& path, const char* key) { return Get(path)[key]; }

  // Every item of a paged list, page by page ("?" or "&" already in `path`).
  std::vector<json> AllPages(const std::string& path, int limit) {
    std::vector<json> items;
    for (int page = 0; page < 100; ++page) {
      const json body =
          Get(path + "limit=" + std::to_string(limit) + "&page=" + std::to_string(page));
      for (const json& item : body["data"]) items.push_back(item);
      if (!body.value("show_next", false)) break;
    }
    return items;
  }

  // Page 0 and 1 with `limit` are the first 2*limit items of one big page, none twice.
  void ExpectPagesMatchOneBigPage(const std::string& path, int limit) {
    const json big = Get(path + "limit=100&page=0");
    ASSERT_GT(big["data"].size(), static_cast<size_t>(limit)) << path << " is too short to page";
    const json first = Get(path + "limit=" + std::to_string(limit) + "&page=0");
    const json second = Get(path + "limit=" + std::to_string(limit) + "&page=1");
    std::vector<json> paged(first["data"].begin(), first["data"].end());
    paged.insert(paged.end(), second["data"].begin(), second["data"].end());
    const size_t expected = std::min(big["data"].size(), static_cast<size_t>(2 * limit));
    ASSERT_EQ(paged.size(), expected) << path;
    std::set<std::string> ids;
    for (size_t i = 0; i < paged.size(); ++i) {
      EXPECT_EQ(paged[i], big["data"][i]) << path << " item " << i;
      ids.insert(paged[i]["id"].get<std::string>());
    }
    EXPECT_EQ(ids.size(), paged.size()) << path;
    EXPECT_EQ(first["total"], big["total"]);
    EXPECT_EQ(AllPages(path, limit).size(), big["total"].get<size_t>()) << path;
  }

  json LiveSessions(bool upcoming_only) {
    return Get(std::string("/api/v3/ride/live") + (upcoming_only ? "?exclude_complete=true" : ""));
  }

  std::string ChallengeId(const std::string& list) {
    const json body = Get("/api/user/" + user_ + "/challenges/" + list);
    EXPECT_FALSE(body["challenges"].empty()) << list;
    return body["challenges"].empty() ? "" : body["challenges"][0]["challenge_summary"]["id"];
  }

  // The catalogue path with its placeholders filled with ids that exist.
  std::string Fill(std::string path) {
    if (placeholders_.empty()) {
      placeholders_ = {
          {"{user_id}", user_},
          {"{username}", me_["username"]},
          {"{workout_id}", workout_},
          {"{ride_id}", ride_},
          {"{instructor_id}", Get("/api/instructor")["data"][0]["id"]},
          {"{subscription_id}", Get("/api/v2/user/subscriptions")["subscriptions"][0]["id"]},
          {"{challenge_id}", ChallengeId("current")},
          {"{peloton_id}", LiveSessions(false)["data"][0]["id"]}};
    }
    for (const auto& [placeholder, value] : placeholders_) {
      const size_t at = path.find(placeholder);
      if (at != std::string::npos) path.replace(at, placeholder.size(), value);
    }
    return path;
  }

  json me_;
  std::string user_, workout_, ride_, spare_workout_;
  std::map<std::string, std::string> placeholders_;
};

std::vector<const api::Endpoint*> RestRows() {
  std::vector<const api::Endpoint*> rows;
  for (const api::Endpoint& e : api::Catalogue()) {
    // The legacy login is 403 unless --legacy-auth (covered by the auth tests).
    if (e.operation.empty() && e.path != "/auth/login") rows.push_back(&e);
  }
  return rows;
}

TEST_F(SimRoutesTest, EveryCatalogueRestRequestAnswers) {
  const std::string reservation =
      Call("POST", "/api/reservation",
           {{"location", "remote"}, {"peloton_id", LiveSessions(true)["data"][0]["id"]}})["id"];
  // What the mutating requests send, by catalogue name.
  const std::map<std::string_view, json> bodies = {
      {"Logout", json::object()},
      {"Favorite Class", {{"ride_id", ride_}}},
      {"Unfavorite Class", {{"ride_id", ride_}}},
      {"Create Reservation",
       {{"location", "remote"},
        {"peloton_id", LiveSessions(true)["data"].back()["id"]},
        {"user_id", user_}}},
      {"Follow or Unfollow User",
       {{"action", "follow"},
        {"user_id", Get("/api/user/" + user_ + "/followers")["data"][0]["id"]}}},
      {"Update User", {{"location", "Brooklyn, NY"}}},
      {"Update User Settings", {{"block_explicit", true}}},
      {"Stream Token", json::object()}};
  for (const api::Endpoint* e : RestRows()) {
    std::string path = Fill(std::string(e->path));
    if (e->name == "Remove Reservation") path = "/api/reservation/" + reservation;
    if (e->name == "Delete Workout by Id") path = "/api/workout/" + spare_workout_;
    if (e->name == "User Search") path += "?user_query=rider";
    const auto body = bodies.find(e->name);
    const http::Response r =
        Send(std::string(e->method), path, body == bodies.end() ? json(nullptr) : body->second);
    EXPECT_TRUE(r.ok()) << e->name << ": " << e->method << " " << path << " -> " << r.status << " "
                        << r.body.substr(0, 200);
  }
}

TEST_F(SimRoutesTest, GuardedRequestsAre401WithoutAToken) {
  for (const api::Endpoint* e : RestRows()) {
    if (!e->auth) continue;
    const http::Response r = Send(std::string(e->method), Fill(std::string(e->path)),
                                  e->method == "GET" ? json(nullptr) : json::object(), false);
    EXPECT_EQ(r.status, 401) << e->name;
    EXPECT_NE(r.body.find("Not logged in"), std::string::npos) << e->name;
  }
}

TEST_F(SimRoutesTest, PublicRequestsAnswerWithoutAToken) {
  int public_rows = 0;
  for (const api::Endpoint* e : RestRows()) {
    if (e->auth) continue;
    ++public_rows;
    const http::Response r = Send(std::string(e->method), Fill(std::string(e->path)), nullptr,
                                  /*signed_in=*/false);
    EXPECT_EQ(r.status, 200) << e->name;
  }
  EXPECT_EQ(public_rows, 6);  // plans, stores, reviews, instructors, instructor, categories
}

TEST_F(SimRoutesTest, FollowAndUnfollowChangeFollowingAndTheTargetsFollowers) {
  const std::string path = "/api/user/" + user_;
  std::string target;
  for (const json& p : AllPages(path + "/followers?", 20)) {
    if (!p["authed_user_follows"].get<bool>()) target = p["id"];
  }
  ASSERT_FALSE(target.empty()) << "every follower is followed back";
  const json before = Get("/api/user/" + target);
  const size_t following = AllPages(path + "/following?", 20).size();

  EXPECT_EQ(
      Call("POST", "/api/user/change_relationship", {{"action", "follow"}, {"user_id", target}}),
      json({{"me_to_user", "following"}, {"user_to_me", "following"}}));
  const json after = Get("/api/user/" + target);
  EXPECT_EQ(after["total_followers"], before["total_followers"].get<int>() + 1);
  EXPECT_TRUE(after["authed_user_follows"].get<bool>());
  EXPECT_EQ(AllPages(path + "/following?", 20).size(), following + 1);
  EXPECT_EQ(Get("/api/me")["total_following"], following + 1);
  bool listed = false;
  for (const json& p : AllPages("/api/user/" + target + "/followers?", 5))
    listed |= p["id"] == user_;
  EXPECT_TRUE(listed);

  Call("POST", "/api/user/change_relationship", {{"action", "unfollow"}, {"user_id", target}});
  EXPECT_EQ(Get("/api/user/" + target)["total_followers"], before["total_followers"]);
  EXPECT_EQ(AllPages(path + "/following?", 20).size(), following);

  Call("POST", "/api/user/change_relationship", {{"action", "poke"}, {"user_id", target}}, 400);
  Call("POST", "/api/user/change_relationship", {{"action", "follow"}, {"user_id", "nobody"}}, 404);
}

TEST_F(SimRoutesTest, DeletedWorkoutIsGoneEverywhere) {
  const std::string list = "/api/user/" + user_ + "/workouts?";
  const int total = Get(list + "limit=5")["total"];
  const size_t csv_size = Send("GET", "/api/user/" + user_ + "/workout_history_csv").body.size();

  Call("DELETE", "/api/workout/" + workout_);
  Call("GET", "/api/workout/" + workout_, nullptr, 404);
  Call("GET", "/api/workout/" + workout_ + "/performance_graph", nullptr, 404);
  Call("GET", "/api/workout/" + workout_ + "/summary", nullptr, 404);
  Call("DELETE", "/api/workout/" + workout_, nullptr, 404);
  EXPECT_EQ(Get(list + "limit=5")["total"], total - 1);
  EXPECT_EQ(Get("/api/me")["total_workouts"], total - 1);
  EXPECT_EQ(Get("/api/user/" + user_ + "/overview")["workout_counts"]["total_workouts"], total - 1);
  const std::vector<json> all = AllPages(list, 7);
  EXPECT_EQ(all.size(), static_cast<size_t>(total - 1));
  for (const json& w : all) EXPECT_NE(w["id"], workout_);
  EXPECT_LT(Send("GET", "/api/user/" + user_ + "/workout_history_csv").body.size(), csv_size);
}

TEST_F(SimRoutesTest, FavoritesFilterTheLibrary) {
  const std::string favorites = "/api/v2/ride/archived?is_favorite_ride=true";
  EXPECT_EQ(Get(favorites)["total"], 0);
  EXPECT_TRUE(Send("POST", "/api/favorites/create", {{"ride_id", ride_}}).body.empty());
  const json listed = Get(favorites);
  ASSERT_EQ(listed["total"], 1);
  EXPECT_EQ(listed["data"][0]["id"], ride_);
  EXPECT_TRUE(listed["data"][0]["is_favorite"].get<bool>());
  EXPECT_TRUE(Get("/api/ride/" + ride_)["is_favorite"].get<bool>());
  Call("POST", "/api/favorites/delete", {{"ride_id", ride_}});
  EXPECT_EQ(Get(favorites)["total"], 0);
  Call("POST", "/api/favorites/create", {{"ride_id", "no-such-ride"}}, 404);
  Call("POST", "/api/favorites/create", json::object(), 400);
}

TEST_F(SimRoutesTest, ReservationsCanBeMadeAndRemoved) {
  const json session = LiveSessions(true)["data"][0];
  const std::string peloton = session["id"];
  const json reservation =
      Call("POST", "/api/reservation",
           {{"location", "remote"}, {"peloton_id", peloton}, {"user_id", user_}});
  EXPECT_EQ(reservation["peloton_id"], peloton);
  EXPECT_EQ(reservation["user_id"], user_);
  EXPECT_FALSE(reservation["join_token"].get<std::string>().empty());
  EXPECT_EQ(Get("/api/peloton/" + peloton)["total_home_reservations"],
            session["total_home_reservations"].get<int>() + 1);
  EXPECT_EQ(Call("DELETE", "/api/reservation/" + reservation["id"].get<std::string>()),
            json({{"deleted", true}}));
  EXPECT_EQ(Get("/api/peloton/" + peloton)["total_home_reservations"],
            session["total_home_reservations"]);
  Call("DELETE", "/api/reservation/" + reservation["id"].get<std::string>(), nullptr, 404);
  Call("POST", "/api/reservation", {{"peloton_id", "unknown"}}, 404);
}

TEST_F(SimRoutesTest, SettingsAndProfileEditsPersist) {
  const std::string settings = "/api/user/" + user_ + "/settings";
  const json updated = Call(
      "PUT", settings, {{"distance_unit", "metric"}, {"privacy", {{"is_profile_private", true}}}});
  EXPECT_EQ(updated["distance_unit"], "metric");
  EXPECT_EQ(Get(settings), updated);
  EXPECT_FALSE(updated["privacy"]["age"].get<bool>());  // merged, not replaced
  EXPECT_TRUE(Get("/api/me")["is_profile_private"].get<bool>());
  const std::string csv = Send("GET", "/api/user/" + user_ + "/workout_history_csv").body;
  EXPECT_NE(csv.find("Distance (km)"), std::string::npos);
  Call("PUT", settings, {{"distance_unit", "furlongs"}}, 400);

  const json user =
      Call("PUT", "/api/user/" + user_,
           {{"username", "Renamed_Rider"}, {"first_name", "Ada"}, {"location", "Oslo"}});
  EXPECT_EQ(user["username"], "Renamed_Rider");
  EXPECT_EQ(Get("/api/me")["name"], "Ada Rider");
  EXPECT_EQ(Get("/api/user/renamed_rider")["id"], user_);
  EXPECT_EQ(Get("/api/user/" + user_)["location"], "Oslo");
  Call("PUT", "/api/user/" + user_, {{"total_workouts", 1}}, 400);
}

TEST_F(SimRoutesTest, PagesOfEveryPagedListJoinUp) {
  const std::string user = "/api/user/" + user_;
  ExpectPagesMatchOneBigPage(user + "/followers?", 4);
  ExpectPagesMatchOneBigPage(user + "/following?", 3);
  ExpectPagesMatchOneBigPage("/api/user/search?user_query=e&", 5);
  ExpectPagesMatchOneBigPage(user + "/facebook_friends?", 2);
  ExpectPagesMatchOneBigPage("/api/v2/ride/archived?", 18);
  ExpectPagesMatchOneBigPage("/api/v2/ride/archived?browse_category=cycling&sort_by=popularity&",
                             7);
  ExpectPagesMatchOneBigPage("/api/v2/ride/archived?sort_by=difficulty&desc=false&", 10);
  ExpectPagesMatchOneBigPage("/ecomm/product/bike/reviews?", 10);
  const std::string subscription = Get("/api/v2/user/subscriptions")["subscriptions"][1]["id"];
  ExpectPagesMatchOneBigPage(user + "/subscription/" + subscription + "/subscription_transactions?",
                             6);
}

TEST_F(SimRoutesTest, ArchivedClassesFilterAndSort) {
  const json all = Get("/api/v2/ride/archived?limit=100");
  for (const json& ride :
       Items("/api/v2/ride/archived?browse_category=running&limit=100", "data")) {
    EXPECT_EQ(ride["fitness_discipline"], "running");
  }
  EXPECT_EQ(Get("/api/v2/ride/archived?browse_category=bootcamp")["total"], 0);
  const json short_ones = Get("/api/v2/ride/archived?duration=600,1200&limit=100");
  ASSERT_FALSE(short_ones["data"].empty());
  for (const json& ride : short_ones["data"]) {
    EXPECT_TRUE(ride["duration"] == 600 || ride["duration"] == 1200);
  }
  const json popular = Get("/api/v2/ride/archived?sort_by=popularity&limit=100")["data"];
  for (size_t i = 1; i < popular.size(); ++i) {
    EXPECT_GE(popular[i - 1]["total_workouts"], popular[i]["total_workouts"]);
  }
  // The class of every workout is in the library.
  for (const json& w : Items("/api/user/" + user_ + "/workouts?joins=ride&limit=100", "data")) {
    Get("/api/ride/" + w["ride"]["id"].get<std::string>());
  }
  EXPECT_GT(all["total"], 90);
  Call("GET", "/api/v2/ride/archived?sort_by=loudest", nullptr, 400);
  Call("GET", "/api/v2/ride/archived?duration=ten", nullptr, 400);
  Call("GET", "/api/v2/ride/archived?browse_category=juggling", nullptr, 400);
}

TEST_F(SimRoutesTest, ChallengesCanBeJoinedAndLeft) {
  const std::string base = "/api/user/" + user_ + "/challenges/";
  const std::string id = ChallengeId("upcoming");
  const json detail = Get(base + id);
  EXPECT_FALSE(detail["challenge_detail"]["tiers"].empty());
  EXPECT_FALSE(detail["progress"]["has_joined"].get<bool>());
  Call("POST", base + id + "/join");
  EXPECT_TRUE(Get(base + id)["progress"]["has_joined"].get<bool>());
  bool listed = false;
  for (const json& c : Items(base + "upcoming?has_joined=true", "challenges")) {
    listed |= c["challenge_summary"]["id"] == id;
  }
  EXPECT_TRUE(listed);
  Call("POST", base + id + "/leave");
  for (const json& c : Items(base + "upcoming?has_joined=true", "challenges")) {
    EXPECT_NE(c["challenge_summary"]["id"], id);
  }
  Call("POST", base + ChallengeId("past") + "/join", nullptr, 400);
  Call("GET", base + "nope", nullptr, 404);
}

TEST_F(SimRoutesTest, LiveSessionsAreLibraryClassesAndUnknownIdsAre404) {
  const json live = LiveSessions(false);
  ASSERT_FALSE(live["data"].empty());
  for (const json& session : live["data"]) {
    Get("/api/ride/" + session["ride_id"].get<std::string>());
  }
  EXPECT_FALSE(live["rides"].empty());
  Call("GET", "/api/peloton/unknown", nullptr, 404);
  Call("GET", "/api/v3/ride/live?start=yesterday", nullptr, 400);
}

TEST_F(SimRoutesTest, UsersResolveByIdOrUsername) {
  const json member = Get("/api/user/search?user_query=a&limit=100")["data"].back();
  const json by_id = Get("/api/user/" + member["id"].get<std::string>());
  EXPECT_EQ(Get("/api/user/" + member["username"].get<std::string>()), by_id);
  EXPECT_FALSE(by_id["workout_counts"].empty());
  EXPECT_EQ(Get("/api/user/" + me_["username"].get<std::string>())["id"], user_);
  Call("GET", "/api/user/no-such-member", nullptr, 404);
  Call("GET", "/api/user/" + member["id"].get<std::string>() + "/settings", nullptr, 403);
}

TEST_F(SimRoutesTest, HistoryCsvHasARowPerWorkoutInTheRequestedZone) {
  const http::Response r =
      Send("GET", "/api/user/" + user_ + "/workout_history_csv?timezone=Europe%2FLondon");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.HeaderValue("Content-Type").find("text/csv"), std::string::npos);
  size_t lines = 0;
  for (char c : r.body) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, 1 + me_["total_workouts"].get<size_t>());
  EXPECT_TRUE(r.body.find(" (GMT),") != std::string::npos ||
              r.body.find(" (BST),") != std::string::npos);
  const http::Response bad =
      Send("GET", "/api/user/" + user_ + "/workout_history_csv?timezone=Nowhere%2FLand");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("timezone"), std::string::npos);
}

// §4.3: the live workout detail embeds its ride with no joins at all (pylotoncycle reads
// workout["ride"] straight after a plain GET); joins=ride.instructor adds the instructor in it.
TEST_F(SimRoutesTest, PlainWorkoutDetailCarriesItsRide) {
  const json plain = Get("/api/workout/" + workout_);
  ASSERT_TRUE(plain.contains("ride") && plain["ride"].is_object()) << plain.dump().substr(0, 300);
  EXPECT_EQ(plain["ride"]["id"], ride_);
  EXPECT_FALSE(plain["ride"].contains("instructor"));
  const json joined = Get("/api/workout/" + workout_ + "?joins=ride,ride.instructor");
  EXPECT_EQ(joined["ride"]["instructor"]["id"], joined["ride"]["instructor_id"]);
  json without_instructor = joined;
  without_instructor["ride"].erase("instructor");
  EXPECT_EQ(without_instructor, plain);

  // pelo's own client, asking for no joins, reads the class too.
  const auto fetched = client_->Workout(workout_, "");
  ASSERT_TRUE(fetched.ok()) << fetched.status().ToString();
  EXPECT_EQ(fetched->path, "/api/workout/" + workout_);
  ASSERT_TRUE(fetched->value.ride.has_value());
  EXPECT_EQ(fetched->value.ride->id, ride_);
  EXPECT_FALSE(fetched->value.ride->instructor.has_value());
}

// Lists expand a relation only when `joins` names it (§4.3: a captured workouts page fetched
// without joins has no `ride`).
TEST_F(SimRoutesTest, WorkoutListEmbedsTheRideOnlyWhenJoined) {
  const std::string workouts = "/api/user/" + user_ + "/workouts?limit=100";
  for (const json& w : Items(workouts, "data")) EXPECT_FALSE(w.contains("ride")) << w["id"];
  for (const json& w : Items(workouts + "&joins=ride", "data")) {
    EXPECT_TRUE(w["ride"].is_object() && !w["ride"].contains("instructor")) << w["id"];
  }
}

// Every source asks for these with joins=user (§4.3); without it the member is not expanded.
TEST_F(SimRoutesTest, RecentFollowingWorkoutsEmbedTheMemberOnlyWhenJoined) {
  std::string ride;
  for (const json& r : Items("/api/v2/ride/archived?limit=100", "data")) {
    if (r["total_following_workouts"] > 0) ride = r["id"];
  }
  ASSERT_FALSE(ride.empty()) << "no class a followed member took";
  const std::string path = "/api/ride/" + ride + "/recent_following_workouts";
  const json plain = Items(path, "data");
  ASSERT_FALSE(plain.empty());
  for (const json& w : plain) EXPECT_FALSE(w.contains("user")) << w["id"];
  for (const json& w : Items(path + "?joins=user", "data")) {
    EXPECT_EQ(w["user"]["id"], w["user_id"]);
  }
}

// Postman asks for these with joins=transaction (§4.3); without it the charge is not expanded.
TEST_F(SimRoutesTest, SubscriptionTransactionsEmbedTheChargeOnlyWhenJoined) {
  const std::string subscription = Get("/api/v2/user/subscriptions")["subscriptions"][0]["id"];
  const std::string path =
      "/api/user/" + user_ + "/subscription/" + subscription + "/subscription_transactions";
  const json plain = Items(path, "data");
  ASSERT_FALSE(plain.empty());
  for (const json& t : plain) EXPECT_FALSE(t.contains("transaction")) << t["id"];
  for (const json& t : Items(path + "?joins=transaction", "data")) {
    EXPECT_TRUE(t["transaction"].is_object()) << t["id"];
  }
}

// The legacy session cookie: check_session sees it, logout ends it.
class LegacySessionTest : public pelo::testing::SimTest {};

TEST_F(LegacySessionTest, CheckSessionAndLogoutFollowTheCookie) {
  sim::Options options;
  options.legacy_auth = true;
  StartSim(options);
  auto send = [this](const std::string& method, const std::string& path, const std::string& cookie,
                     const json& body) {
    http::Request request;
    request.method = method;
    request.url = server_->url() + path;
    if (!cookie.empty()) request.headers.emplace_back("Cookie", "peloton_session_id=" + cookie);
    if (!body.is_null()) {
      request.headers.emplace_back("Content-Type", "application/json");
      request.body = body.dump();
    }
    auto response = transport_->Send(request);
    EXPECT_TRUE(response.ok());
    return response.ok() ? *response : http::Response{};
  };
  const http::Response login =
      send("POST", "/auth/login", "", {{"username_or_email", kEmail}, {"password", kPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  const json session = json::parse(login.body);
  const std::string id = session["session_id"];

  const http::Response check = send("GET", "/auth/check_session", id, nullptr);
  ASSERT_EQ(check.status, 200);
  EXPECT_EQ(json::parse(check.body), json({{"is_valid", true}, {"user_id", session["user_id"]}}));
  EXPECT_EQ(send("POST", "/auth/logout", id, {{"session_id", id}}).status, 200);
  EXPECT_EQ(send("GET", "/auth/check_session", id, nullptr).status, 401);
  EXPECT_EQ(send("GET", "/api/me", id, nullptr).status, 401);
}

}  // namespace
}  // namespace pelo::sim
