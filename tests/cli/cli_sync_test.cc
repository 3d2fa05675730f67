// `pelo sync` as a user runs it: its JSON summary, progress lines, selections and errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_env.h"
#include "process.h"

namespace pelo::testing {
namespace {

nlohmann::json LastJsonLine(const std::string& out) {
  const size_t end = out.find_last_not_of('\n');
  const size_t start = out.rfind('\n', end);
  return nlohmann::json::parse(out.substr(start == std::string::npos ? 0 : start + 1));
}

TEST(CliSync, JsonSummaryThenANoOpResyncOfTwoRequests) {
  SimProcess sim({"--workouts", "30"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto first = env.Pelo({"sync", "--every-n", "60", "--jobs", "8", "--json"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const nlohmann::json report = LastJsonLine(first.out);
  std::set<std::string> keys;
  for (const auto& [key, value] : report.items()) keys.insert(key);
  for (const char* key : {"requests", "bytes", "new", "updated", "skipped", "failed", "seconds"}) {
    EXPECT_TRUE(keys.count(key)) << key << " in " << report.dump();
  }
  EXPECT_EQ(report["new"], 30);
  EXPECT_EQ(report["failed"], 0);
  EXPECT_GT(report["requests"].get<int>(), 30);
  EXPECT_GT(report["bytes"].get<int64_t>(), 0);
  // Not a terminal: progress comes as plain lines on stderr, never on stdout.
  EXPECT_NE(first.err.find("sync: "), std::string::npos) << first.err;
  EXPECT_EQ(first.out.find("sync: "), std::string::npos) << first.out;

  auto again = env.Pelo({"sync", "--every-n", "60", "--json", "--quiet"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.err, "");
  const nlohmann::json noop = LastJsonLine(again.out);
  EXPECT_EQ(noop["requests"], 2) << noop.dump();
  EXPECT_EQ(noop["new"], 0);
  EXPECT_EQ(noop["total"], 30);
}

// `--discipline rowing` is the rower, which the API calls "caesar" (as `pelo export` reads it).
TEST(CliSync, DisciplineRowingSelectsTheRowersWorkouts) {
  SimProcess sim({"--workouts", "60"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto rowing = env.Pelo({"sync", "--every-n", "60", "--discipline", "rowing", "--json"});
  ASSERT_EQ(rowing.exit_code, 0) << rowing.err;
  const int rows = LastJsonLine(rowing.out)["new"].get<int>();
  EXPECT_GT(rows, 0) << "the simulator's 60 workouts have some on the rower";
  auto listed = env.Pelo({"workouts", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  const nlohmann::json stored = nlohmann::json::parse(listed.out);
  ASSERT_EQ(static_cast<int>(stored.size()), rows);
  for (const nlohmann::json& w : stored) EXPECT_EQ(w["discipline"], "caesar") << w.dump();
  // The API's own name selects the same workouts: nothing is new the second time.
  auto caesar = env.Pelo({"sync", "--every-n", "60", "--discipline", "caesar", "--json"});
  ASSERT_EQ(caesar.exit_code, 0) << caesar.err;
  EXPECT_EQ(LastJsonLine(caesar.out)["new"], 0);
}

TEST(CliSync, OnATerminalProgressIsABarRedrawnInPlace) {
  SimProcess sim({"--workouts", "40", "--latency-ms", "60"});  // about a second of sync
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto r = RunProcessWithTerminalStderr({PELO_BIN, "sync", "--every-n", "60"}, env.Env());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("\r\x1b[2K["), std::string::npos) << r.err;  // redrawn, with a bar
  EXPECT_NE(r.err.find("/40 workouts"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/s"), std::string::npos) << r.err;   // rate
  EXPECT_NE(r.err.find("ETA"), std::string::npos) << r.err;  // time left
  EXPECT_EQ(r.err.find("sync: "), std::string::npos) << "no plain lines on a terminal";
  EXPECT_NE(r.out.find("Synced 40 new workouts"), std::string::npos) << r.out;
}

TEST(CliSync, ReconcileFlagsDeletedWorkoutsInTheListing) {
  SimProcess sim({"--workouts", "12"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  ASSERT_EQ(env.Pelo({"sync", "--every-n", "60", "--quiet"}).exit_code, 0);
  auto listed = env.Pelo({"workouts", "--json"});
  ASSERT_EQ(listed.exit_code, 0);
  const std::string gone = nlohmann::json::parse(listed.out)[2]["workout_id"];
  ASSERT_EQ(env.Pelo({"workout", "delete", gone, "--yes"}).exit_code, 0);

  auto r = env.Pelo({"sync", "--reconcile", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(LastJsonLine(r.out)["deleted"], 1) << r.out;
  auto after = env.Pelo({"workouts", "--json"});
  ASSERT_EQ(after.exit_code, 0);
  int flagged = 0;
  for (const auto& row : nlohmann::json::parse(after.out)) {
    if (row["deleted"] == true) {
      ++flagged;
      EXPECT_EQ(row["workout_id"], gone);
    }
  }
  EXPECT_EQ(flagged, 1);
}

TEST(CliSync, ContradictoryOrBadSelectionsAreUsageErrors) {
  SimProcess sim({"--workouts", "3"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto both = env.Pelo({"sync", "--reconcile", "--full"});
  EXPECT_EQ(both.exit_code, 2) << both.err;
  EXPECT_NE(both.err.find("--reconcile"), std::string::npos) << both.err;
  auto date = env.Pelo({"sync", "--since", "last tuesday"});
  EXPECT_EQ(date.exit_code, 2) << date.err;
  EXPECT_NE(date.err.find("--since"), std::string::npos) << date.err;
  EXPECT_EQ(env.Pelo({"sync", "--jobs", "0"}).exit_code, 2);
  EXPECT_EQ(env.StoredWorkouts(), 0);
}

}  // namespace
}  // namespace pelo::testing
