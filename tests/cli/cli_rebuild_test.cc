// `pelo rebuild` as a process: a synced database rebuilt from its archive, and a missing one.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_env.h"
#include "support/db_digest.h"

namespace pelo::testing {
namespace {

TEST(CliRebuild, RebuildsASyncedDatabaseAndReportsAsJson) {
  SimProcess sim({"--workouts", "15", "--password", "demo"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto sync = env.Pelo({"sync", "--every-n", "10"});
  ASSERT_EQ(sync.exit_code, 0) << sync.err;
  const auto synced = DigestTables(env.DbPath());
  const std::string listed = env.Pelo({"workouts", "--csv"}).out;

  auto r = env.Pelo({"rebuild", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json report = nlohmann::json::parse(r.out);
  for (const char* key :
       {"workouts", "samples", "json_bytes", "skipped", "recomputed", "ftp_changed", "seconds"}) {
    EXPECT_TRUE(report.contains(key)) << key;
  }
  EXPECT_EQ(report.size(), 7u);
  EXPECT_EQ(report["ftp_changed"], 0);  // every ride of the simulator has its ftp_info
  EXPECT_EQ(report["workouts"], 15);
  EXPECT_EQ(report["skipped"], 0);
  EXPECT_EQ(report["samples"], synced.at("samples").rows);
  EXPECT_GT(report["json_bytes"].get<int64_t>(), 0);
  EXPECT_EQ(DigestTables(env.DbPath()), synced);
  EXPECT_EQ(env.Pelo({"workouts", "--csv"}).out, listed);

  auto text = env.Pelo({"rebuild", "--db", env.DbPath()});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out.rfind("Rebuilt 15 workouts (", 0), 0u) << text.out;
  EXPECT_NE(text.out.find(" MB of archived JSON in "), std::string::npos) << text.out;
  auto quiet = env.Pelo({"rebuild", "--quiet"});
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.out, "");
}

TEST(CliRebuild, AMissingDatabaseIsAStorageErrorAndIsNotCreated) {
  CliEnv env("http://127.0.0.1:9");  // never contacted
  const std::string db = env.dir() / "nowhere/pelo.db";
  auto r = env.Pelo({"rebuild", "--db", db});
  EXPECT_EQ(r.exit_code, 6);
  EXPECT_NE(r.err.find(db), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no such database"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db));
  EXPECT_FALSE(std::filesystem::exists(env.dir() / "nowhere"));
  EXPECT_EQ(env.Pelo({"rebuild"}).exit_code, 6);  // the default database does not exist either
  EXPECT_FALSE(std::filesystem::exists(env.DbPath()));
}

}  // namespace
}  // namespace pelo::testing
