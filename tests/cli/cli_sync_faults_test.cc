// `pelo sync` against a pelo-sim that fails every request after the login's: each way stops
// with its documented exit code and one clear line on stderr, and leaves a consistent database.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_env.h"
#include "process.h"
#include "support/sql_exec.h"

namespace pelo::testing {
namespace {

// pelo-sim flags that let the login's GET /api/me (request 0) through and give `kind` to every
// /api request after it: under seed 4 the fault draw at 0.5 misses request 0 and hits request
// 1, and a burst longer than any sync repeats it from there on.
std::vector<std::string> FromTheSyncOn(const std::string& kind) {
  return {"--workouts", "10", "--seed", "4", "--faults", kind + ":0.5", "--fault-burst", "100000"};
}

// The lines of `text` that are not empty.
std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The database is whole, and holds `workouts` workouts.
void ExpectConsistent(const CliEnv& env, int workouts) {
  EXPECT_EQ(QueryText(env.DbPath(), "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(QueryText(env.DbPath(), "SELECT COUNT(*) FROM workouts"), std::to_string(workouts));
}

TEST(CliSyncFaults, CloudflareBlockPagesExitFiveWithOneLineNotALoginProblem) {
  SimProcess sim(FromTheSyncOn("html-403"));
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto r = env.Pelo({"sync", "--quiet"});
  EXPECT_EQ(r.exit_code, 5) << r.err;
  const std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  const std::string& line = lines[0];
  EXPECT_EQ(line.rfind("pelo: api: GET /api/me: ", 0), 0u) << line;
  EXPECT_NE(line.find("returned an HTML page with HTTP 403 instead of JSON, 4 times"),
            std::string::npos)
      << line;
  EXPECT_NE(line.find("Attention Required! | Cloudflare"), std::string::npos) << line;
  EXPECT_NE(line.find("not a login problem"), std::string::npos) << line;
  EXPECT_EQ(line.find("<"), std::string::npos) << "never the page itself: " << line;
  EXPECT_EQ(line.find("pelo login"), std::string::npos) << line;
  ExpectConsistent(env, 0);
}

TEST(CliSyncFaults, EveryAnswerTooLateExitsFourWithOneLine) {
  std::vector<std::string> args = FromTheSyncOn("stall");
  args.insert(args.end(), {"--stall-ms", "5000"});
  SimProcess sim(args);
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto r = env.Pelo({"sync", "--quiet", "--timeout", "0.2"});
  EXPECT_EQ(r.exit_code, 4) << r.err;
  const std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_EQ(lines[0].rfind("pelo: network: GET ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("timed out"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("(after 4 attempts)"), std::string::npos) << lines[0];
  ExpectConsistent(env, 0);
}

TEST(CliSyncFaults, TimeoutMustBePositive) {
  CliEnv env("http://127.0.0.1:9");
  for (const char* bad : {"0", "-1", "soon"}) {
    auto r = env.Pelo({"sync", "--timeout", bad});
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_NE(r.err.find("--timeout"), std::string::npos) << r.err;
  }
}

TEST(CliSyncFaults, ARevokedRefreshTokenMidSyncExitsThreeSayingLogInAgain) {
  // Tokens last 2 s and each refresh token works twice. A session refreshes a token this short
  // before its first request: the login's check of /api/me uses one refresh, the sync's first
  // request the other, and the sync (~3 s) outlives the token that refresh gave it.
  SimProcess sim({"--workouts", "60", "--token-ttl", "2", "--revoke-refresh-after", "2",
                  "--latency-ms", "100"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto r = env.Pelo({"sync", "--quiet", "--jobs", "2", "--every-n", "30"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::vector<std::string> lines = Lines(r.err);
  ASSERT_EQ(lines.size(), 1u) << r.err;
  EXPECT_EQ(lines[0].rfind("pelo: authentication: ", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("run `pelo login` again"), std::string::npos) << lines[0];
  // What it stored is kept, and says so.
  const int stored = env.StoredWorkouts();
  EXPECT_GT(stored, 0);
  EXPECT_LT(stored, 60);
  EXPECT_NE(r.out.find("holds " + std::to_string(stored) + " workouts"), std::string::npos)
      << r.out;
  ExpectConsistent(env, stored);
}

}  // namespace
}  // namespace pelo::testing
