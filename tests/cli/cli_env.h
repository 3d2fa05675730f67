// A sandbox for one CLI test: its own config and data directories, pointed at one server.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "process.h"

namespace pelo::testing {

class CliEnv {
 public:
  explicit CliEnv(std::string url) : url_(std::move(url)) {}

  // Environment for `pelo`: hosts, XDG dirs in the temp dir, no inherited Peloton secrets.
  std::map<std::string, std::string> Env(std::map<std::string, std::string> extra = {}) const {
    std::map<std::string, std::string> env = {{"PELOTON_API_URL", url_},
                                              {"PELOTON_AUTH_URL", url_},
                                              {"PELOTON_GRAPHQL_URL", url_ + "/graphql"},
                                              {"XDG_CONFIG_HOME", dir_ / "config"},
                                              {"XDG_DATA_HOME", dir_ / "data"},
                                              {"HOME", dir_.path()},
                                              {"PELOTON_EMAIL", ""},
                                              {"PELOTON_PASSWORD", ""},
                                              {"PELOTON_TOKEN", ""}};
    for (auto& [k, v] : extra) env[k] = v;
    return env;
  }

  ProcessResult Pelo(std::vector<std::string> args, std::map<std::string, std::string> extra = {},
                     const std::string& input = "") const {
    args.insert(args.begin(), PELO_BIN);
    return RunProcess(args, Env(std::move(extra)), input);
  }

  // Runs pelo and sends it SIGINT (Ctrl-C) after `after`.
  ProcessResult PeloInterrupted(std::vector<std::string> args,
                                std::chrono::milliseconds after) const {
    args.insert(args.begin(), PELO_BIN);
    return RunProcess(args, Env(), "", after);
  }

  // Logs in with the simulator's demo account through `method`.
  ProcessResult Login(const std::string& method = "pkce") const {
    return Pelo({"login", "--method", method, "--email", "demo@example.com", "--password-stdin"},
                {}, "demo\n");
  }

  // How many workouts `pelo workouts` lists from the default database; -1 if it fails.
  int StoredWorkouts() const {
    auto r = Pelo({"workouts", "--csv"});
    return r.exit_code == 0 ? static_cast<int>(ParseCsv(r.out).size()) - 1 : -1;
  }

  std::string DbPath() const { return dir_ / "data/pelo/pelo.db"; }
  std::string CredentialsPath() const { return dir_ / "config/pelo/credentials.json"; }
  const TempDir& dir() const { return dir_; }

 private:
  std::string url_;
  TempDir dir_;
};

// `pelo stats ARGS... --json` of `env`'s default database, parsed; a non-zero exit fails the
// test. What the report and dashboard tests compare their JSON with.
inline nlohmann::json StatsJson(const CliEnv& env, std::vector<std::string> args) {
  args.insert(args.begin(), "stats");
  args.push_back("--json");
  auto r = env.Pelo(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

}  // namespace pelo::testing
