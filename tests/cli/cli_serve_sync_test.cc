// `pelo serve` while `pelo sync` writes the database it reads: every request is answered, and
// what it lists only grows until it is the whole history (ADR 0022). In the threads binary:
// RunProcessKilledWhen polls from a thread of the test process.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "cli_env.h"

namespace pelo::testing {
namespace {

TEST(CliServeDuringSync, EveryRequestIsAnsweredWhileASyncWrites) {
  SimProcess sim({"--workouts", "40", "--password", "demo", "--latency-ms", "15"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  const std::vector<std::string> sync_argv = {PELO_BIN, "sync", "--quiet", "--every-n", "10"};
  // A first sync stopped early makes a database with part of the history; the dashboard
  // starts on it (in this thread: a child outlives only the thread that started it).
  auto first =
      RunProcessKilledWhen(sync_argv, env.Env(), [&] { return env.StoredWorkouts() >= 3; });
  ASSERT_TRUE(first.exit_code == 137 || first.exit_code == 0) << first.err;
  ServeProcess serve({"--db", env.DbPath()}, env.Env());

  std::vector<std::string> failures;
  size_t answered = 0;
  size_t listed = 0;
  auto next = std::chrono::steady_clock::now();
  auto sync = RunProcessKilledWhen(sync_argv, env.Env(), [&] {
    if (std::chrono::steady_clock::now() < next) return false;
    next = std::chrono::steady_clock::now() + std::chrono::milliseconds(40);
    httplib::Client client(serve.url());
    auto res = client.Get("/api/workouts");
    if (!res || res->status != 200) {
      failures.push_back(res ? std::to_string(res->status) + " " + res->body : "no answer");
      return false;
    }
    const size_t now = nlohmann::json::parse(res->body).size();
    if (now < listed) failures.push_back("fewer workouts than before");
    listed = now;
    ++answered;
    return false;
  });
  ASSERT_EQ(sync.exit_code, 0) << sync.err;
  EXPECT_EQ(failures, std::vector<std::string>{});
  EXPECT_GE(answered, 1u) << "requests answered during the sync";
  httplib::Client client(serve.url());
  auto after = client.Get("/api/workouts");
  ASSERT_TRUE(after);
  EXPECT_EQ(nlohmann::json::parse(after->body).size(), 40u);
}

}  // namespace
}  // namespace pelo::testing
