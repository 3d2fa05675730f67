// pelo config: the athlete settings file through the real binary, in an isolated HOME/XDG.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli_env.h"

namespace pelo::testing {
namespace {

// Nothing here talks to a server: the discard port makes any request fail loudly.
class CliConfig : public ::testing::Test {
 protected:
  std::string SettingsPath() const { return env_.dir() / "config/pelo/config"; }
  void WriteSettings(const std::string& text) const {
    std::filesystem::create_directories(env_.dir() / "config/pelo");
    std::ofstream(SettingsPath()) << text;
  }
  static bool OneLine(const std::string& err) {
    return std::count(err.begin(), err.end(), '\n') == 1;
  }

  CliEnv env_{"http://127.0.0.1:9"};
};

TEST_F(CliConfig, SetGetUnsetAndList) {
  auto set = env_.Pelo({"config", "set", "max_hr", "185"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(set.out, "max_hr = 185\n");
  ASSERT_EQ(env_.Pelo({"config", "set", "sex", "female"}).exit_code, 0);
  EXPECT_NE(ReadFile(SettingsPath()).find("\nmax_hr = 185\n"), std::string::npos);

  auto get = env_.Pelo({"config", "get", "max_hr"});
  EXPECT_EQ(get.exit_code, 0) << get.err;
  EXPECT_EQ(get.out, "185\n");

  auto list = env_.Pelo({"config"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  // Values aligned after the longest key (fit_device.strength, 19 characters).
  EXPECT_NE(list.out.find("max_hr               185\n"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("resting_hr           (unset; default 50)\n"), std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("lthr                 (unset; default 170)\n"), std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("sex                  female\n"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("fit_device.cycling   (unset; default tacx-training-app)\n"),
            std::string::npos)
      << list.out;
  EXPECT_EQ(env_.Pelo({"config", "list"}).out, list.out);

  // A FIT device by name or by FIT's numbers; anything else is refused and names the choices.
  auto device = env_.Pelo({"config", "set", "fit_device.cycling", "forerunner-945"});
  ASSERT_EQ(device.exit_code, 0) << device.err;
  EXPECT_EQ(device.out, "fit_device.cycling = forerunner-945\n");
  auto bad = env_.Pelo({"config", "set", "fit_device.rowing", "my watch"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("epix-gen2"), std::string::npos) << bad.err;
  ASSERT_EQ(env_.Pelo({"config", "unset", "fit_device.cycling"}).exit_code, 0);

  auto json = env_.Pelo({"config", "list", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["file"], SettingsPath());
  EXPECT_EQ(j["settings"]["max_hr"]["value"], 185);
  EXPECT_EQ(j["settings"]["max_hr"]["default"], 190);
  EXPECT_EQ(j["settings"]["max_hr"]["default_source"], "pelo_default");
  EXPECT_TRUE(j["settings"]["lthr"]["value"].is_null());
  EXPECT_EQ(j["settings"]["lthr"]["default"], 170);
  EXPECT_EQ(j["settings"]["sex"]["value"], "female");
  EXPECT_EQ(j["settings"]["sex"]["default"], "male");

  ASSERT_EQ(env_.Pelo({"config", "unset", "max_hr"}).exit_code, 0);
  ASSERT_EQ(env_.Pelo({"config", "unset", "max_hr"}).exit_code, 0);  // already unset: fine
  auto unset = env_.Pelo({"config", "get", "max_hr"});
  EXPECT_EQ(unset.exit_code, 1);
  EXPECT_EQ(unset.out, "");
  EXPECT_NE(unset.err.find("max_hr is not set (default 190)"), std::string::npos) << unset.err;
  EXPECT_EQ(ReadFile(SettingsPath()).find("max_hr ="), std::string::npos);
}

TEST_F(CliConfig, NoFileListsTheDefaultsAndCreatesNothing) {
  auto list = env_.Pelo({"config", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto j = nlohmann::json::parse(list.out);
  for (const char* key : {"max_hr", "resting_hr", "lthr", "sex"}) {
    EXPECT_TRUE(j["settings"][key]["value"].is_null()) << key;
  }
  EXPECT_FALSE(std::filesystem::exists(SettingsPath()));
  EXPECT_FALSE(std::filesystem::exists(env_.DbPath()));
}

TEST_F(CliConfig, BadKeysAndValuesAreUsageErrors) {
  ASSERT_EQ(env_.Pelo({"config", "set", "lthr", "170"}).exit_code, 0);
  const std::string before = ReadFile(SettingsPath());
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  for (const Case& c : {
           Case{{"set", "max_hr", "300"}, "max_hr must be a whole number of bpm from 30 to 250"},
           Case{{"set", "max_hr", "abc"}, "max_hr must be a whole number of bpm from 30 to 250"},
           Case{{"set", "resting_hr", "29"}, "resting_hr must be a whole number of bpm from 30"},
           Case{{"set", "max_hr", "160"}, "lthr (170) must be below max_hr (160)"},
           Case{{"set", "sex", "other"}, "sex must be male or female, got \"other\""},
           Case{{"set", "ftp", "250"}, "unknown setting \"ftp\""},
           Case{{"get", "ftp"}, "unknown setting \"ftp\""},
           Case{{"unset", "weight"}, "unknown setting \"weight\""},
       }) {
    std::vector<std::string> args = {"config"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    auto r = env_.Pelo(args);
    EXPECT_EQ(r.exit_code, 2) << c.message << ": " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_TRUE(OneLine(r.err)) << r.err;
  }
  auto missing = env_.Pelo({"config", "set", "max_hr"});  // CLI11's own message and hint
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("value is required"), std::string::npos) << missing.err;
  EXPECT_EQ(ReadFile(SettingsPath()), before) << "a failed set changes nothing";
}

TEST_F(CliConfig, ACorruptedFileIsNamedWithItsLine) {
  WriteSettings("# mine\nmax_hr = 185\nmax heart rate 185\n");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"config"},
                                               {"config", "get", "max_hr"},
                                               {"config", "set", "lthr", "160"},
                                               {"config", "unset", "max_hr"}}) {
    auto r = env_.Pelo(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_NE(r.err.find(SettingsPath() + ":3: expected KEY = VALUE"), std::string::npos) << r.err;
    EXPECT_TRUE(OneLine(r.err)) << r.err;
  }
  EXPECT_EQ(ReadFile(SettingsPath()), "# mine\nmax_hr = 185\nmax heart rate 185\n");

  WriteSettings("max_hr = 185\nresting_hr = 190\n");
  auto conflict = env_.Pelo({"config"});
  EXPECT_EQ(conflict.exit_code, 2);
  EXPECT_NE(conflict.err.find(SettingsPath() + ": resting_hr (190) must be below max_hr (185)"),
            std::string::npos)
      << conflict.err;
}

TEST_F(CliConfig, ConfigOptionChoosesTheFile) {
  const std::string path = env_.dir() / "elsewhere/settings.txt";
  ASSERT_EQ(env_.Pelo({"--config", path, "config", "set", "resting_hr", "45"}).exit_code, 0);
  EXPECT_NE(ReadFile(path).find("resting_hr = 45\n"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(SettingsPath()));
  EXPECT_EQ(env_.Pelo({"--config", path, "config", "get", "resting_hr"}).out, "45\n");
  EXPECT_EQ(env_.Pelo({"config", "get", "resting_hr"}).exit_code, 1);
  // --config-dir moves the default file with the credentials.
  const std::string dir = env_.dir() / "cfgdir";
  ASSERT_EQ(env_.Pelo({"--config-dir", dir, "config", "set", "sex", "male"}).exit_code, 0);
  EXPECT_NE(ReadFile(dir + "/config").find("sex = male\n"), std::string::npos);
}

// Once synced, the default max HR is the Peloton profile's.
TEST(CliConfigProfile, DefaultMaxHrComesFromTheSyncedProfile) {
  SimProcess sim({"--workouts", "2"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  auto sync = env.Pelo({"sync", "--quiet"});
  ASSERT_EQ(sync.exit_code, 0) << sync.err;
  auto json = env.Pelo({"config", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  auto max_hr = nlohmann::json::parse(json.out)["settings"]["max_hr"];
  EXPECT_EQ(max_hr["default_source"], "peloton_profile");
  EXPECT_GT(max_hr["default"].get<double>(), 100);
  auto list = env.Pelo({"config", "list"});
  EXPECT_NE(list.out.find(" from your Peloton profile)"), std::string::npos) << list.out;
}

}  // namespace
}  // namespace pelo::testing

namespace pelo::testing {
namespace {

double SumColumn(const std::string& csv, const std::string& column) {
  const auto rows = ParseCsv(csv);
  const auto& header = rows.front();
  const auto c =
      static_cast<size_t>(std::find(header.begin(), header.end(), column) - header.begin());
  double sum = 0;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (c < rows[i].size() && !rows[i][c].empty()) sum += std::stod(rows[i][c]);
  }
  return sum;
}

// The settings reach the metrics: a new resting HR changes every stored TRIMP at the next sync
// (nothing new to fetch), and `pelo rebuild` keeps them.
TEST(CliConfigSync, ANewRestingHeartRateRecomputesTrimp) {
  SimProcess sim({"--workouts", "12", "--password", "demo"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  ASSERT_EQ(env.Pelo({"sync", "--every-n", "5", "--quiet"}).exit_code, 0);
  const double before = SumColumn(env.Pelo({"stats", "rides", "--csv"}).out, "trimp");
  ASSERT_GT(before, 0);

  ASSERT_EQ(env.Pelo({"config", "set", "resting_hr", "75"}).exit_code, 0);
  auto sync = env.Pelo({"sync", "--every-n", "5"});
  ASSERT_EQ(sync.exit_code, 0) << sync.err;
  EXPECT_NE(sync.out.find("Recomputed the metrics of"), std::string::npos) << sync.out;
  const double after = SumColumn(env.Pelo({"stats", "rides", "--csv"}).out, "trimp");
  EXPECT_LT(after, before);  // a higher resting HR: less of each beat counts as effort

  ASSERT_EQ(env.Pelo({"rebuild", "--quiet"}).exit_code, 0);
  EXPECT_EQ(SumColumn(env.Pelo({"stats", "rides", "--csv"}).out, "trimp"), after);
}

}  // namespace
}  // namespace pelo::testing
