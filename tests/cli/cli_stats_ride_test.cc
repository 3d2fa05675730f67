// `pelo stats ride ID` as a process, on a database synced from pelo-sim: its JSON holds the
// `stats rides --json` element of the workout, its text the headline and metrics.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli_env.h"

namespace pelo::testing {
namespace {

class CliStatsRide : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(env_.Login().exit_code, 0);
    auto sync = env_.Pelo({"sync", "--every-n", "10", "--quiet"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
    rides_ = StatsJson(env_, {"rides"});
    ASSERT_EQ(rides_.size(), 8u);
  }

  SimProcess sim_{{"--workouts", "8", "--password", "demo"}};
  CliEnv env_{sim_.url()};
  nlohmann::json rides_;  // `stats rides --json`
};

TEST_F(CliStatsRide, JsonHoldsTheStatsRidesElementOfTheWorkout) {
  for (const nlohmann::json& listed : rides_) {
    const std::string id = listed["workout_id"];
    SCOPED_TRACE(id);
    auto r = env_.Pelo({"stats", "ride", id, "--json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto ordered = nlohmann::ordered_json::parse(r.out);
    std::vector<std::string> keys;  // in the order written
    for (const auto& item : ordered.items()) keys.push_back(item.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"workout_id", "date", "day", "discipline", "title",
                                              "instructor", "is_outdoor", "duration_s", "ftp",
                                              "ride", "power_zones", "heart_rate_zones", "segments",
                                              "samples", "curve", "gps"}));
    const auto doc = nlohmann::json::parse(r.out);
    EXPECT_EQ(doc["ride"], listed);
    EXPECT_EQ(doc["workout_id"], id);
    EXPECT_EQ(doc["date"], listed["date"]);
    EXPECT_EQ(doc["title"], listed["title"]);
    EXPECT_EQ(doc["day"].get<std::string>().size(), 10u);
    const auto& samples = doc["samples"];
    ASSERT_FALSE(samples["t_s"].empty());
    for (const auto& [channel, values] : samples.items()) {
      EXPECT_EQ(values.size(), samples["t_s"].size()) << channel;
    }
    if (listed["ftp"].is_number()) {
      EXPECT_EQ(doc["power_zones"].size(), 7u);
      EXPECT_EQ(doc["power_zones"][3]["seconds"], listed["pz4_s"]);
    }
    if (listed["mmp_1s"].is_number()) {
      ASSERT_FALSE(doc["curve"].empty());
      EXPECT_EQ(doc["curve"][0]["duration_s"], 1);
    }
  }
}

TEST_F(CliStatsRide, TextNamesTheRideAndItsMetrics) {
  const nlohmann::json* ride = nullptr;
  for (const nlohmann::json& listed : rides_) {
    if (listed["np"].is_number()) ride = &listed;
  }
  ASSERT_NE(ride, nullptr) << "no ride with power in the simulated history";
  const std::string id = (*ride)["workout_id"];
  auto r = env_.Pelo({"stats", "ride", id});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("title ", 0), 0u) << r.out;
  EXPECT_NE(r.out.find((*ride)["title"].get<std::string>()), std::string::npos) << r.out;
  // NP as `stats rides` shows it: whole watts.
  char np[32];
  std::snprintf(np, sizeof np, "%.0f", (*ride)["np"].get<double>());
  const size_t at = r.out.find("\nNP  ");
  ASSERT_NE(at, std::string::npos) << r.out;
  const std::string line = r.out.substr(at + 1, r.out.find('\n', at + 1) - at - 1);
  EXPECT_EQ(line.substr(line.find_last_of(' ') + 1), np) << line;
  EXPECT_NE(r.out.find("Time in power zones"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nworkout     " + id + "\n"), std::string::npos) << r.out;
}

TEST_F(CliStatsRide, AnUnknownIdIsNotFoundAndABadOneUsage) {
  const std::string unknown = "0123456789abcdef0123456789abcdef";
  auto missing = env_.Pelo({"stats", "ride", unknown});
  EXPECT_EQ(missing.exit_code, 1);  // README "Exit codes": nothing found
  EXPECT_NE(missing.err.find("no stored workout " + unknown), std::string::npos) << missing.err;
  EXPECT_TRUE(missing.out.empty());
  EXPECT_EQ(env_.Pelo({"stats", "ride", unknown, "--json"}).exit_code, 1);
  auto bad = env_.Pelo({"stats", "ride", "../etc"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("not a Peloton id"), std::string::npos) << bad.err;
  EXPECT_EQ(env_.Pelo({"stats", "ride"}).exit_code, 2);  // the id is required
  auto no_db = env_.Pelo({"stats", "ride", unknown, "--db", env_.dir().path() + "/none.db"});
  EXPECT_EQ(no_db.exit_code, 6);
}

}  // namespace
}  // namespace pelo::testing
