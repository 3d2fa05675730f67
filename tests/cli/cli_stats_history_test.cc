// `pelo stats fitness | ftp | zones | drivers` as processes, on a database synced from pelo-sim:
// each agrees with the per-ride rows of `pelo stats rides`, and bad input exits 2.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "cli_env.h"

namespace pelo::testing {
namespace {

using Rows = std::vector<std::vector<std::string>>;

size_t Column(const Rows& csv, const std::string& name) {
  const auto& header = csv.front();
  const auto it = std::find(header.begin(), header.end(), name);
  EXPECT_NE(it, header.end()) << name;
  return static_cast<size_t>(it - header.begin());
}

double Sum(const Rows& csv, const std::string& column, const std::string& discipline = "") {
  const size_t c = Column(csv, column);
  const size_t d = discipline.empty() ? 0 : Column(csv, "discipline");
  double sum = 0;
  for (size_t i = 1; i < csv.size(); ++i) {
    if (!discipline.empty() && csv[i][d] != discipline) continue;
    if (!csv[i][c].empty()) sum += std::stod(csv[i][c]);
  }
  return sum;
}

class CliStatsHistory : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sim_ = new SimProcess({"--workouts", "80", "--password", "demo"});
    env_ = new CliEnv(sim_->url());
    ASSERT_EQ(env_->Login().exit_code, 0);
    auto sync = env_->Pelo({"sync", "--every-n", "5", "--quiet"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
    auto rides = env_->Pelo({"stats", "rides", "--csv"});
    ASSERT_EQ(rides.exit_code, 0) << rides.err;
    rides_ = new Rows(ParseCsv(rides.out));
    ASSERT_EQ(rides_->size(), 81u);
  }
  static void TearDownTestSuite() {
    delete rides_;
    delete env_;
    delete sim_;
  }

  static Rows Csv(std::vector<std::string> args) {
    args.insert(args.begin(), "stats");
    args.push_back("--csv");
    auto r = env_->Pelo(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return ParseCsv(r.out);
  }

  static nlohmann::json Json(std::vector<std::string> args) {
    args.insert(args.begin(), "stats");
    args.push_back("--json");
    auto r = env_->Pelo(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }

  static SimProcess* sim_;
  static CliEnv* env_;
  static Rows* rides_;
};

SimProcess* CliStatsHistory::sim_ = nullptr;
CliEnv* CliStatsHistory::env_ = nullptr;
Rows* CliStatsHistory::rides_ = nullptr;

TEST_F(CliStatsHistory, FitnessIsEveryDayWithTheRidesTssAsLoad) {
  const Rows days = Csv({"fitness"});
  ASSERT_GT(days.size(), 600u);  // two years of days, rest days included
  EXPECT_EQ(days.front(), (std::vector<std::string>{"date", "load", "ctl", "atl", "tsb", "ramp"}));
  EXPECT_NEAR(Sum(days, "load"), Sum(*rides_, "tss", "cycling"), 1e-6 * Sum(days, "load"));
  // Consecutive dates, to today.
  for (size_t i = 2; i < days.size(); ++i) EXPECT_LT(days[i - 1][0], days[i][0]);

  const Rows june = Csv({"fitness", "--since", "2026-06-01", "--until", "2026-06-30"});
  ASSERT_EQ(june.size(), 31u);
  EXPECT_EQ(june[1][0], "2026-06-01");
  EXPECT_EQ(june[30][0], "2026-06-30");
  // The same CTL as the full series on those days: the PMC still starts at the first ride.
  for (size_t i = 1; i < days.size(); ++i) {
    if (days[i][0] == "2026-06-15") {
      EXPECT_EQ(days[i][2], june[15][2]);
    }
  }

  auto table = env_->Pelo({"stats", "fitness"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out.rfind("Form on ", 0), 0u) << table.out;
  EXPECT_NE(table.out.find("TSB"), std::string::npos);
}

TEST_F(CliStatsHistory, FtpListsChangesAndTodaysEstimate) {
  const nlohmann::json j = Json({"ftp"});
  ASSERT_TRUE(j["changes"].is_array());
  ASSERT_FALSE(j["changes"].empty());
  for (const auto& c : j["changes"]) {
    EXPECT_TRUE(c["date"].is_string());
    EXPECT_TRUE(c["ftp"].is_number());
    const std::string kind = c["kind"];
    EXPECT_TRUE(kind == "manual" || kind == "test" || kind == "estimated") << kind;
  }
  const Rows csv = Csv({"ftp"});
  EXPECT_EQ(csv.size(), j["changes"].size() + 1);
  EXPECT_EQ(csv.front(),
            (std::vector<std::string>{"date", "kind", "ftp", "previous", "workout_id", "title"}));
  auto table = env_->Pelo({"stats", "ftp"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("kind"), std::string::npos) << table.out;
}

TEST_F(CliStatsHistory, ZonesAddUpToThePerRideSeconds) {
  for (const std::string by : {"week", "month"}) {
    const Rows periods = Csv({"zones", "--by", by});
    ASSERT_GT(periods.size(), 1u);
    EXPECT_EQ(periods.front()[0], by);
    EXPECT_EQ(Sum(periods, "workouts"), 80);
    for (const std::string zone : {"pz1_s", "pz4_s", "pz7_s", "hrz1_s", "hrz5_s"}) {
      EXPECT_NEAR(Sum(periods, zone), Sum(*rides_, zone), 1e-6 * (1 + Sum(*rides_, zone)))
          << by << " " << zone;
    }
  }
  const nlohmann::json weeks = Json({"zones"});
  ASSERT_TRUE(weeks.is_array());
  EXPECT_TRUE(weeks[0].contains("week"));
}

TEST_F(CliStatsHistory, DriversRankEveryFeatureAndStateTheCaveats) {
  const nlohmann::json j = Json({"drivers"});
  EXPECT_EQ(j["outcome"], "eFTP42");
  EXPECT_GE(j["factors"].size(), 15u);
  for (const auto& f : j["factors"]) {
    EXPECT_TRUE(f["sentence"].is_string());
    EXPECT_TRUE(f["insufficient"].is_boolean());
  }
  EXPECT_TRUE(j["partial_effects"]["effects"].is_array());
  EXPECT_TRUE(j["impulse_response"].contains("tests"));
  EXPECT_TRUE(j["pitfalls"].is_array());

  const Rows factors = Csv({"drivers"});
  EXPECT_EQ(factors.size(), j["factors"].size() + 1);
  EXPECT_EQ(factors.front()[1], "feature");

  const Rows weeks = Csv({"drivers", "--weeks"});
  EXPECT_EQ(weeks.front()[0], "week");
  EXPECT_GT(weeks.size(), 90u);  // every ISO week of two years

  auto text = env_->Pelo({"stats", "drivers"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("not proof of cause"), std::string::npos) << text.out;
}

TEST_F(CliStatsHistory, BadInputExitsTwoNamingTheFlag) {
  auto bad_date = env_->Pelo({"stats", "fitness", "--since", "2026-13-01"});
  EXPECT_EQ(bad_date.exit_code, 2);
  EXPECT_NE(bad_date.err.find("--since"), std::string::npos) << bad_date.err;
  auto feb30 = env_->Pelo({"stats", "fitness", "--until", "2026-02-30"});
  EXPECT_EQ(feb30.exit_code, 2);
  EXPECT_NE(feb30.err.find("--until"), std::string::npos) << feb30.err;
  auto reversed =
      env_->Pelo({"stats", "fitness", "--since", "2026-06-02", "--until", "2026-06-01"});
  EXPECT_EQ(reversed.exit_code, 2);
  EXPECT_EQ(env_->Pelo({"stats", "zones", "--by", "year"}).exit_code, 2);
  EXPECT_EQ(env_->Pelo({"stats", "drivers", "--block-weeks", "1"}).exit_code, 2);
  EXPECT_EQ(env_->Pelo({"stats", "ftp", "--csv", "--json"}).exit_code, 2);
}

}  // namespace
}  // namespace pelo::testing
