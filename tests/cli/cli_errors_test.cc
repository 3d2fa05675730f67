// Bad responses from the API: a clear one-line error, the documented exit code, and nothing
// half-written in the database.
#include <gtest/gtest.h>

#include "cli_env.h"
#include "fake_api.h"

namespace pelo::testing {
namespace {

// A syntactically valid, unexpiring-looking bearer token for --method token.
constexpr const char* kToken = "fake-bearer-token-0123456789";

ProcessResult LoginWithToken(const CliEnv& env) {
  return env.Pelo({"login", "--method", "token", "--token-stdin"}, {}, std::string(kToken) + "\n");
}

TEST(CliErrors, ServerErrorsAreRetriedThenExitFive) {
  FakeApi api([](const httplib::Request& req, httplib::Response& res) {
    if (req.path != "/api/me") return false;
    FakeApi::Json(res, R"({"status":503,"message":"Service Unavailable"})", 503);
    return true;
  });
  CliEnv env(api.url());
  auto r = LoginWithToken(env);
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("/api/me"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(kToken), std::string::npos);
  EXPECT_GT(api.requests(), 1) << "503 should be retried";
}

TEST(CliErrors, RateLimitIsHonouredAndSucceeds) {
  std::atomic<int> calls{0};
  FakeApi api([&calls](const httplib::Request& req, httplib::Response& res) {
    if (req.path != "/api/me" || calls++ > 0) return false;
    res.set_header("Retry-After", "1");
    FakeApi::Json(res, R"({"status":429,"message":"Too Many Requests"})", 429);
    return true;
  });
  CliEnv env(api.url());
  auto r = LoginWithToken(env);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(calls.load(), 2);
}

TEST(CliErrors, RejectedTokenIsAnAuthenticationError) {
  FakeApi api([](const httplib::Request&, httplib::Response& res) {
    FakeApi::Json(res, R"({"status":401,"error_code":3020,"message":"Not logged in"})", 401);
    return true;
  });
  CliEnv env(api.url());
  auto r = LoginWithToken(env);
  EXPECT_EQ(r.exit_code, 3) << r.err;
}

// The graph of the second workout is cut off mid-body: the first workout is kept, the second
// is not half-stored, and the next sync completes the job.
TEST(CliErrors, TruncatedJsonMidSyncKeepsWhatWasStoredAndResumes) {
  std::atomic<bool> broken{true};
  FakeApi api([&broken](const httplib::Request& req, httplib::Response& res) {
    if (!broken || req.path != "/api/workout/w2/performance_graph") return false;
    FakeApi::Json(res, R"({"duration":2,"seconds_since_pedaling_start":[1,2],"metr)");
    return true;
  });
  CliEnv env(api.url());
  ASSERT_EQ(LoginWithToken(env).exit_code, 0);
  auto r = env.Pelo({"sync", "--quiet"});  // no progress lines: just the error
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_NE(r.err.find("w2"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_LE(env.StoredWorkouts(), 1);
  broken = false;
  auto again = env.Pelo({"sync"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(env.StoredWorkouts(), 2);
}

TEST(CliErrors, HtmlErrorPageIsAnApiError) {
  FakeApi api([](const httplib::Request& req, httplib::Response& res) {
    if (req.path != "/api/user/u1/workouts") return false;
    res.status = 200;
    res.set_content("<html><body>Bad gateway</body></html>", "text/html");
    return true;
  });
  CliEnv env(api.url());
  ASSERT_EQ(LoginWithToken(env).exit_code, 0);
  auto r = env.Pelo({"sync"});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  EXPECT_EQ(env.StoredWorkouts(), 0);
}

TEST(CliErrors, UnwritableDatabaseIsAStorageError) {
  FakeApi api(nullptr);
  CliEnv env(api.url());
  ASSERT_EQ(LoginWithToken(env).exit_code, 0);
  auto r = env.Pelo({"sync", "--db", "/proc/pelo-cannot-be-here/pelo.db"});
  EXPECT_EQ(r.exit_code, 6) << r.err;
}

}  // namespace
}  // namespace pelo::testing
