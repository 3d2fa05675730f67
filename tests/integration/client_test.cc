// api::Client round trips against the simulator.
#include "pelo/peloton/api/client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <vector>

#include "integration/sim_fixture.h"
#include "pelo/peloton/auth/login.h"
#include "pelo/peloton/auth/session.h"

namespace pelo::api {
namespace {

class ClientTest : public pelo::testing::SimTest {
 protected:
  void SetUp() override { StartSignedIn(); }
};

TEST_F(ClientTest, Me_ReturnsUserAndRawBody) {
  auto me = client_->Me();
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  EXPECT_FALSE(me->value.id.empty());
  EXPECT_EQ(me->path, "/api/me");
  EXPECT_NE(me->raw.find(me->value.id), std::string::npos);
}

TEST_F(ClientTest, WorkoutsWorkoutGraphAndRide_RoundTrip) {
  auto me = client_->Me();
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  auto page = client_->Workouts(me->value.id, 0, 5);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_FALSE(page->value.data.empty());
  EXPECT_LE(page->value.data.size(), 5u);
  EXPECT_EQ(page->path,
            "/api/user/" + me->value.id +
                "/workouts?sort_by=-created&page=0&limit=5&joins=ride%2Cride.instructor");
  const std::string workout_id = page->value.data.front().id;

  auto workout = client_->Workout(workout_id);
  ASSERT_TRUE(workout.ok()) << workout.status().ToString();
  EXPECT_EQ(workout->value.id, workout_id);
  ASSERT_TRUE(workout->value.ride.has_value());

  auto graph = client_->PerformanceGraph(workout_id, 5);
  ASSERT_TRUE(graph.ok()) << graph.status().ToString();
  EXPECT_EQ(graph->path, "/api/workout/" + workout_id + "/performance_graph?every_n=5");
  EXPECT_FALSE(graph->value.seconds_since_pedaling_start.empty());

  auto ride = client_->RideDetails(workout->value.ride->id);
  ASSERT_TRUE(ride.ok()) << ride.status().ToString();
}

TEST_F(ClientTest, Instructors_ListAndOne) {
  auto list = client_->Instructors(0, 10);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_FALSE(list->value.empty());
  auto one = client_->Instructor(list->value.front().id);
  ASSERT_TRUE(one.ok()) << one.status().ToString();
  EXPECT_EQ(one->value.id, list->value.front().id);
}

TEST_F(ClientTest, Errors_NotFoundIsApiErrorNamingTheRequest) {
  auto missing = client_->Workout("does-not-exist");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kApi);
  EXPECT_EQ(missing.status().http_status(), 404);
  EXPECT_EQ(missing.status().message().rfind("GET /api/workout/does-not-exist: HTTP 404", 0), 0u)
      << missing.status().message();
}

TEST_F(ClientTest, Errors_NoCredentialsIsUnauthenticated) {
  Client anonymous(*transport_, endpoints_, nullptr, "pelo-test");
  auto me = anonymous.Me();
  ASSERT_FALSE(me.ok());
  EXPECT_EQ(me.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(me.status().message().find("GET /api/me: HTTP 401"), std::string::npos)
      << me.status().message();
  EXPECT_NE(me.status().message().find("Not logged in"), std::string::npos);
}

TEST_F(ClientTest, Call_RawRequestGetsStandardHeadersAndAuth) {
  auto res = client_->Call("GET", "/api/me");
  ASSERT_TRUE(res.ok()) << res.status().ToString();
  EXPECT_EQ(res->status, 200);
}

// Error bodies the simulator's fault injection also produces, scripted here for exact checks.
class ScriptedTransport : public http::Transport {
 public:
  explicit ScriptedTransport(std::vector<http::Response> responses)
      : responses_(std::move(responses)) {}
  StatusOr<http::Response> Send(const http::Request& request) override {
    seen_.push_back(request);
    return responses_.at(std::min(seen_.size(), responses_.size()) - 1);
  }
  std::vector<http::Request> seen_;

 private:
  std::vector<http::Response> responses_;
};

http::Response Reply(int status, std::string body, int attempts = 1) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.attempts = attempts;
  return r;
}

TEST(ClientErrors, HtmlErrorPageAfterRetriesNamesRequestAndAttempts) {
  ScriptedTransport transport({Reply(503, "<html><body>Service down</body></html>", 4)});
  Client client(transport, auth::Endpoints{}, nullptr, "ua");
  auto me = client.Me();
  ASSERT_FALSE(me.ok());
  EXPECT_EQ(me.status().code(), ErrorCode::kApi);
  EXPECT_EQ(me.status().message(),
            "GET /api/me: HTTP 503 Service Unavailable after 4 attempts (HTML error page)");
  const http::Request& sent = transport.seen_.at(0);
  EXPECT_EQ(sent.url, "https://api.onepeloton.com/api/me");
  EXPECT_NE(
      std::find(sent.headers.begin(), sent.headers.end(), http::Header{"Peloton-Platform", "web"}),
      sent.headers.end());
  EXPECT_NE(std::find(sent.headers.begin(), sent.headers.end(), http::Header{"User-Agent", "ua"}),
            sent.headers.end());
}

TEST(ClientErrors, TruncatedJsonIsApiError) {
  ScriptedTransport transport({Reply(200, R"({"id":"abc","username":"x)")});
  Client client(transport, auth::Endpoints{}, nullptr, "ua");
  auto me = client.Me();
  ASSERT_FALSE(me.ok());
  EXPECT_EQ(me.status().code(), ErrorCode::kApi);
  EXPECT_EQ(me.status().message().rfind("GET /api/me: invalid JSON", 0), 0u)
      << me.status().message();
}

TEST(ClientErrors, ForbiddenIsUnauthenticatedWithPelotonMessage) {
  ScriptedTransport transport({Reply(403, R"({"status":403,"message":"Access forbidden."})")});
  Client client(transport, auth::Endpoints{}, nullptr, "ua");
  auto res = client.Call("GET", "/api/user/u1/overview");
  ASSERT_FALSE(res.ok());
  EXPECT_EQ(res.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(res.status().message(),
            "GET /api/user/u1/overview: HTTP 403 Forbidden (Access forbidden.)");
}

TEST(ClientErrors, UnauthorizedWithoutRefreshTokenAsksToLogInAgain) {
  ScriptedTransport transport({Reply(401, R"({"message":"Not logged in"})")});
  auth::Credentials c;
  c.access_token = "eyJrevoked";
  auth::Session session(transport, auth::Endpoints{}, c, nullptr);
  Client client(transport, auth::Endpoints{}, &session, "ua");
  auto me = client.Me();
  ASSERT_FALSE(me.ok());
  EXPECT_EQ(me.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(me.status().message(), "GET /api/me: session expired; run `pelo login` again");
  EXPECT_EQ(me.status().message().find("eyJrevoked"), std::string::npos);
  EXPECT_EQ(transport.seen_.size(), 1u);
}

}  // namespace
}  // namespace pelo::api

namespace pelo::api {
namespace {

std::vector<std::string> Ids(const std::vector<model::UserProfile>& profiles) {
  std::vector<std::string> ids;
  for (const auto& p : profiles) ids.push_back(p.id);
  return ids;
}

// REST paging over real HTTP: the ranges cross page boundaries, fetch lazily, and list exactly
// what one big page lists.
TEST_F(ClientTest, Paging_RestRangesCrossPagesLazilyAndMissNothing) {
  auto me = client_->Me();
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  const std::string& user = me->value.id;

  auto lazy = client_->AllWorkouts(user, 7);
  auto first = lazy.begin();
  ASSERT_NE(first, lazy.end());
  EXPECT_EQ(lazy.pages_fetched(), 1);

  auto workouts = client_->AllWorkouts(user, 7);
  std::set<std::string> ids;
  for (const model::Workout& w : workouts) ids.insert(w.id);
  ASSERT_TRUE(workouts.status().ok()) << workouts.status().ToString();
  EXPECT_EQ(ids.size(), 40u);              // the fixture's athlete, each workout once
  EXPECT_EQ(workouts.pages_fetched(), 6);  // 5 pages of 7 and one of 5

  auto one_page = client_->Followers(user, 0, 100);
  ASSERT_TRUE(one_page.ok()) << one_page.status().ToString();
  ASSERT_GT(one_page->value.data.size(), 3u);
  auto followers = client_->AllFollowers(user, 3);
  auto all = followers.Collect();
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  EXPECT_EQ(Ids(*all), Ids(one_page->value.data));
  EXPECT_GT(followers.pages_fetched(), 1);
}

}  // namespace
}  // namespace pelo::api
