// `pelo report` as a process, on a database synced from pelo-sim: the page's data are the
// same JSON as `pelo stats ... --json` prints for the same database (ADR 0022).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli_env.h"

namespace pelo::testing {
namespace {

class CliReport : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    sim_ = new SimProcess({"--workouts", "40", "--password", "demo"});
    env_ = new CliEnv(sim_->url());
    ASSERT_EQ(env_->Login().exit_code, 0);
    auto sync = env_->Pelo({"sync", "--every-n", "10", "--quiet"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
  }
  static void TearDownTestSuite() {
    delete env_;
    delete sim_;
  }

  static nlohmann::json Stats(std::vector<std::string> args) {
    return StatsJson(*env_, std::move(args));
  }

  // The data document of the page at `path`.
  static nlohmann::json PageData(const std::string& path) {
    const std::string page = ReadFile(path);
    const std::string open = R"(<script type="application/json" id="pelo-data">)";
    const size_t from = page.find(open);
    EXPECT_NE(from, std::string::npos);
    const size_t begin = from + open.size();
    return nlohmann::json::parse(page.substr(begin, page.find("</script>", begin) - begin));
  }

  static SimProcess* sim_;
  static CliEnv* env_;
};

SimProcess* CliReport::sim_ = nullptr;
CliEnv* CliReport::env_ = nullptr;

TEST_F(CliReport, ThePageHoldsTheSameJsonAsTheStatsCommands) {
  const std::string path = env_->dir() / "report.html";
  auto r = env_->Pelo({"report", "-o", path});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("Wrote "), std::string::npos) << r.err;
  const nlohmann::json data = PageData(path);
  EXPECT_EQ(data["schema"], 1);
  EXPECT_EQ(data["rides"], Stats({"rides"}));
  EXPECT_EQ(data["curve"]["all_time"], Stats({"curve"}));
  EXPECT_TRUE(data["curve"]["range"].is_null());
  EXPECT_EQ(data["fitness"], Stats({"fitness"}));
  EXPECT_EQ(data["ftp"], Stats({"ftp"}));
  EXPECT_EQ(data["zones"]["week"], Stats({"zones", "--by", "week"}));
  EXPECT_EQ(data["zones"]["month"], Stats({"zones", "--by", "month"}));
  EXPECT_EQ(data["drivers"], Stats({"drivers"}));
  // Today is the fitness series' last day; the recent curve is its 90 days.
  ASSERT_FALSE(data["fitness"].empty());
  EXPECT_EQ(data["today"], data["fitness"].back()["date"]);
  const nlohmann::json& days = data["fitness"];
  ASSERT_GE(days.size(), 90u);
  const std::string first_recent_day = days[days.size() - 90]["date"];
  EXPECT_EQ(data["curve"]["last_90_days"], Stats({"curve", "--since", first_recent_day}));
  EXPECT_TRUE(data["athlete"]["weight_kg"].is_number());
}

TEST_F(CliReport, SinceAndUntilChooseTheRidesAndTheCurvesRange) {
  const nlohmann::json rides = Stats({"rides"});
  ASSERT_GT(rides.size(), 4u);
  // The days of the third and second newest rides.
  const std::string since = rides[2]["date"].get<std::string>().substr(0, 10);
  const std::string until = rides[1]["date"].get<std::string>().substr(0, 10);
  const std::string path = env_->dir() / "range.html";
  auto r = env_->Pelo({"report", "-o", path, "--since", since, "--until", until});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json data = PageData(path);
  EXPECT_EQ(data["range"]["since"], since);
  EXPECT_EQ(data["range"]["until"], until);
  EXPECT_EQ(data["rides"], Stats({"rides", "--since", since, "--until", until}));
  EXPECT_EQ(data["curve"]["range"], Stats({"curve", "--since", since, "--until", until}));
  EXPECT_EQ(data["fitness"], Stats({"fitness"}));  // the whole history, as without flags
}

TEST_F(CliReport, BadInputIsAUsageErrorAndWritesNothing) {
  const std::string path = env_->dir() / "bad.html";
  auto r = env_->Pelo({"report", "-o", path, "--since", "2024-02-30"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("2024-02-30"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(path));

  const std::string missing = env_->dir() / "missing.db";
  r = env_->Pelo({"report", "-o", path, "--db", missing});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("missing.db"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(missing)) << "a report must not create a database";
}

TEST_F(CliReport, AnOutputThatCannotBeWrittenIsAStorageError) {
  const std::string path = env_->dir() / "no-such-dir/report.html";
  auto r = env_->Pelo({"report", "-o", path});
  EXPECT_EQ(r.exit_code, 6) << r.err;
  EXPECT_NE(r.err.find("no-such-dir"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(env_->dir() / "no-such-dir"));
}

}  // namespace
}  // namespace pelo::testing
