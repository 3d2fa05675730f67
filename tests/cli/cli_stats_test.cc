// `pelo stats rides` as a process, on a database synced from pelo-sim.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "cli_env.h"

namespace pelo::testing {
namespace {

const std::vector<std::string> kColumns = {
    "workout_id",   "date",      "discipline", "title",   "ftp",        "duration_s",
    "avg_power",    "kj",        "np",         "vi",      "if",         "tss",
    "tss_per_hour", "mmp_1s",    "mmp_5s",     "mmp_30s", "mmp_60s",    "mmp_300s",
    "mmp_1200s",    "mmp_3600s", "avg_hr",     "ef",      "decoupling", "trimp",
    "pz1_s",        "pz2_s",     "pz3_s",      "pz4_s",   "pz5_s",      "pz6_s",
    "pz7_s",        "hrz1_s",    "hrz2_s",     "hrz3_s",  "hrz4_s",     "hrz5_s"};

size_t Column(const std::string& name) {
  return static_cast<size_t>(std::find(kColumns.begin(), kColumns.end(), name) - kColumns.begin());
}

class CliStats : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(env_.Login().exit_code, 0);
    auto sync = env_.Pelo({"sync", "--every-n", "10", "--quiet"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
    workouts_ = env_.StoredWorkouts();
    ASSERT_EQ(workouts_, 12);
  }

  SimProcess sim_{{"--workouts", "12", "--password", "demo"}};
  CliEnv env_{sim_.url()};
  int workouts_ = 0;
};

TEST_F(CliStats, RidesCsvHasOneRowPerWorkoutWithTheNamedColumns) {
  auto r = env_.Pelo({"stats", "rides", "--csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto rows = ParseCsv(r.out);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front(), kColumns);
  ASSERT_EQ(static_cast<int>(rows.size()) - 1, workouts_);
  std::set<std::string> ids;
  int rides = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), kColumns.size());
    ids.insert(row[0]);
    EXPECT_EQ(row[Column("date")].size(), 19u) << row[Column("date")];  // YYYY-MM-DD HH:MM:SS
    EXPECT_FALSE(row[Column("duration_s")].empty());
    if (row[Column("discipline")] == "cycling") {
      ++rides;
      for (const char* name : {"ftp", "np", "if", "tss", "pz1_s"}) {
        EXPECT_FALSE(row[Column(name)].empty()) << name << " of " << row[0];
      }
    } else if (row[Column("avg_power")].empty()) {
      for (const char* name : {"ftp", "np", "if", "tss", "kj", "mmp_1s", "pz1_s"}) {
        EXPECT_TRUE(row[Column(name)].empty()) << name << " of " << row[0];
      }
    }
  }
  EXPECT_EQ(static_cast<int>(ids.size()), workouts_);
  EXPECT_GT(rides, 0);
  // The same rows from --db.
  EXPECT_EQ(env_.Pelo({"stats", "rides", "--csv", "--db", env_.DbPath()}).out, r.out);
}

TEST_F(CliStats, RidesJsonIsAnArrayOfObjectsKeyedByTheColumns) {
  auto r = env_.Pelo({"stats", "rides", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::ordered_json rows = nlohmann::ordered_json::parse(r.out);
  ASSERT_TRUE(rows.is_array());
  ASSERT_EQ(static_cast<int>(rows.size()), workouts_);
  for (const auto& row : rows) {
    std::vector<std::string> keys;
    for (const auto& item : row.items()) keys.push_back(item.key());
    EXPECT_EQ(keys, kColumns);  // in column order
    EXPECT_TRUE(row["duration_s"].is_number());
    if (row["discipline"] == "cycling") {
      EXPECT_TRUE(row["tss"].is_number()) << row.dump();
    }
  }
}

TEST_F(CliStats, RidesTableAndUsage) {
  auto table = env_.Pelo({"stats", "rides"});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_EQ(table.out.rfind("date (UTC)", 0), 0u) << table.out;
  EXPECT_EQ(std::count(table.out.begin(), table.out.end(), '\n'), workouts_ + 1);
  EXPECT_EQ(env_.Pelo({"stats"}).exit_code, 2);  // a subcommand is required
  EXPECT_EQ(env_.Pelo({"stats", "rides", "--csv", "--json"}).exit_code, 2);
}

}  // namespace
}  // namespace pelo::testing
