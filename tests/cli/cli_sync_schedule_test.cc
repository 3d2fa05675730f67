// A sync that runs by itself (ADR 0028): two real `pelo sync` processes on one database (the
// second waits, or with --wait 0 is busy, exit 7; nothing is stored twice), and `pelo sync
// --interval` running again, backing off after failures and stopping on SIGTERM. No thread in
// the test process: the processes write to files, and a stopped simulator makes them overlap.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "cli_env.h"
#include "process.h"
#include "support/screen_text.h"
#include "support/sql_exec.h"

namespace pelo::testing {
namespace {

// Ample for what each process here does in a second or two; a hang shows as exit 137.
constexpr std::chrono::seconds kScheduleTestLimit(60);

// Sends SIGCONT to a stopped simulator when it goes out of scope, so that a failed assertion
// cannot leave it stopped (its destructor would wait for it forever).
class StoppedSim {
 public:
  explicit StoppedSim(const SimProcess& sim) : pid_(sim.pid()) { kill(pid_, SIGSTOP); }
  ~StoppedSim() { Resume(); }
  StoppedSim(const StoppedSim&) = delete;
  StoppedSim& operator=(const StoppedSim&) = delete;
  void Resume() {
    if (pid_ > 0) kill(pid_, SIGCONT);
    pid_ = -1;
  }

 private:
  pid_t pid_;
};

// Whether some process holds the flock of `path` (tried, and let go at once, from here).
bool LockHeld(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = flock(fd, LOCK_EX | LOCK_NB) != 0;
  close(fd);
  return held;
}

std::vector<std::string> PeloArgs(std::vector<std::string> args) {
  args.insert(args.begin(), PELO_BIN);
  return args;
}

TEST(CliSyncLock, ASecondSyncWaitsForTheFirstOrIsBusyAndNothingIsStoredTwice) {
  SimProcess sim({"--workouts", "40"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  const std::string lock_file = env.DbPath() + ".lock";

  // The first sync takes the lock, then waits for the simulator's answers, which cannot come
  // while it is stopped: it holds the database for as long as the test needs.
  StoppedSim stopped(sim);
  BackgroundProcess first(PeloArgs({"sync", "--every-n", "30", "--json", "--quiet"}), env.Env());
  const std::string holder = std::to_string(first.pid()) + " sync ";
  // Its lock taken and the database made (the first thing it does with the lock).
  ASSERT_TRUE(first.WaitUntil([&] {
    return ReadFile(lock_file).rfind(holder, 0) == 0 && std::filesystem::exists(env.DbPath());
  })) << first.Err();
  ASSERT_TRUE(LockHeld(lock_file));

  // Not waiting: busy, exit 7, one line naming the database and the holder.
  auto busy = env.Pelo({"sync", "--wait", "0"});
  EXPECT_EQ(busy.exit_code, 7) << busy.err;
  EXPECT_EQ(busy.err.rfind("pelo: busy: " + env.DbPath() + ": pelo sync (pid " +
                               std::to_string(first.pid()) + ", since ",
                           0),
            0u)
      << busy.err;
  EXPECT_EQ(Lines(busy.err).size(), 1u) << busy.err;
  EXPECT_EQ(busy.out, "");
  auto rebuild = env.Pelo({"rebuild", "--wait", "0"});
  EXPECT_EQ(rebuild.exit_code, 7) << rebuild.err;

  // Waiting: it says so once, for whom, and syncs when the first is done.
  BackgroundProcess second(
      PeloArgs({"sync", "--every-n", "30", "--json", "--quiet", "--wait", "2m"}), env.Env());
  const std::string waiting = "pelo: " + env.DbPath() +
                              " is busy: waiting up to 2m for pelo sync (pid " +
                              std::to_string(first.pid()) + ", since ";
  ASSERT_TRUE(second.WaitUntil([&] { return second.Err().find(waiting) != std::string::npos; }))
      << second.Err();
  stopped.Resume();

  const ProcessResult one = first.Wait(kScheduleTestLimit);
  const ProcessResult two = second.Wait(kScheduleTestLimit);
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  const auto first_report = nlohmann::json::parse(one.out);
  const auto second_report = nlohmann::json::parse(two.out);
  EXPECT_EQ(first_report["new"], 40);
  // The second found everything stored: /api/me and the first page, nothing fetched again.
  EXPECT_EQ(second_report["new"], 0) << two.out;
  EXPECT_EQ(second_report["updated"], 0) << two.out;
  EXPECT_EQ(second_report["requests"], 2) << two.out;
  EXPECT_EQ(Lines(two.err).size(), 1u) << "one line about the wait: " << two.err;

  const std::string db = env.DbPath();
  EXPECT_EQ(QueryText(db, "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(QueryText(db, "SELECT count(*) FROM workouts"), "40");
  EXPECT_EQ(QueryText(db, "SELECT count(DISTINCT workout_id) FROM raw_responses"), "40");
  EXPECT_FALSE(LockHeld(lock_file));
}

TEST(CliSyncInterval, RunsAgainAtTheIntervalOneLineEachAndStopsOnSigterm) {
  SimProcess sim({"--workouts", "10"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  BackgroundProcess loop(PeloArgs({"sync", "--interval", "1s", "--every-n", "60"}), env.Env());
  ASSERT_TRUE(loop.WaitUntil([&] { return Lines(loop.Out()).size() >= 2; })) << loop.Err();
  loop.Signal(SIGTERM);
  const ProcessResult r = loop.Wait(kScheduleTestLimit);
  EXPECT_EQ(r.exit_code, 0) << "a requested stop is the loop's normal end: " << r.err;
  EXPECT_EQ(r.err, "");

  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_GE(lines.size(), 3u) << r.out;
  const std::string at = R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)";
  const std::regex first(at + " ok: 10 new, 0 updated, 0 failed in [0-9.]+ s; 10 stored; next at " +
                         at + R"( \(in (\d+ms|1s)\))");
  const std::regex again(at + " ok: 0 new, 0 updated, 0 failed in [0-9.]+ s; 10 stored; next at " +
                         at + R"( \(in (\d+ms|1s)\))");
  EXPECT_TRUE(std::regex_match(lines[0], first)) << lines[0];
  EXPECT_TRUE(std::regex_match(lines[1], again)) << lines[1];
  // The last line: stopped while waiting, or a run cut short at its safe point.
  const std::regex stopped(at + " (stopped|interrupted: .*; stopping)");
  EXPECT_TRUE(std::regex_match(lines.back(), stopped)) << lines.back();

  EXPECT_EQ(QueryText(env.DbPath(), "PRAGMA integrity_check"), "ok");
  EXPECT_EQ(QueryText(env.DbPath(), "SELECT count(*) FROM workouts"), "10");
}

TEST(CliSyncInterval, FailedRunsAreTriedAgainSoonerEachTimeLater) {
  SimProcess sim({"--workouts", "3"});  // the login's
  // Every /api/* request gets a 429 that may be retried at once: each run fails in
  // milliseconds, after the transport's retries.
  SimProcess failing({"--workouts", "3", "--faults", "429:1", "--retry-after", "0"});
  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  BackgroundProcess loop(PeloArgs({"sync", "--interval", "1s", "--json"}),
                         env.Env({{"PELOTON_API_URL", failing.url()}}));
  ASSERT_TRUE(loop.WaitUntil([&] { return Lines(loop.Out()).size() >= 4; })) << loop.Err();
  loop.Signal(SIGTERM);
  const ProcessResult r = loop.Wait(kScheduleTestLimit);
  EXPECT_EQ(r.exit_code, 0) << r.err;

  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_GE(lines.size(), 5u) << r.out;
  double previous = 0;
  for (size_t i = 0; i < 4; ++i) {
    const auto line = nlohmann::json::parse(lines[i]);
    EXPECT_EQ(line["outcome"], "failed") << lines[i];
    EXPECT_EQ(line["failures_in_a_row"], i + 1) << lines[i];
    EXPECT_TRUE(line.contains("error")) << lines[i];
    // 1s / 16, doubling (62.5 ms, 125, 250, 500), each within its 10 % jitter: growing, and
    // sooner than the interval.
    const double delay = line["next_in_s"].get<double>();
    EXPECT_GT(delay, previous) << lines[i];
    EXPECT_LT(delay, 1.0) << lines[i];
    previous = delay;
  }
  EXPECT_EQ(nlohmann::json::parse(lines.back())["outcome"], "stopped") << lines.back();
}

TEST(CliSyncInterval, WhatNeedsAPersonEndsTheLoopAndBadValuesAreUsageErrors) {
  CliEnv env("http://127.0.0.1:9");  // nothing listens there; not logged in either
  auto r = env.Pelo({"sync", "--interval", "1s"});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::vector<std::string> lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u) << r.out;
  EXPECT_NE(lines[0].find(" failed: authentication: not logged in"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("; stopping: this needs you"), std::string::npos) << lines[0];
  EXPECT_NE(r.err.find("pelo: authentication: not logged in"), std::string::npos) << r.err;

  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"sync", "--interval", "0"},
                                             {"sync", "--interval", "15"},
                                             {"sync", "--interval", "8d"},
                                             {"sync", "--interval", "-1h"},
                                             {"sync", "--interval", "1h", "--full"},
                                             {"sync", "--interval", "1h", "--last", "3"},
                                             {"sync", "--wait", "soon"},
                                             {"rebuild", "--wait", "2d"}}) {
    auto bad = env.Pelo(args);
    EXPECT_EQ(bad.exit_code, 2) << args[1] << " " << args[2] << ": " << bad.err;
    EXPECT_NE(bad.err.find(args[1]), std::string::npos) << bad.err;
  }
  // Shorter than 5 minutes only against a server on this machine.
  auto remote =
      env.Pelo({"sync", "--interval", "1m"}, {{"PELOTON_API_URL", "https://api.example.com"}});
  EXPECT_EQ(remote.exit_code, 2) << remote.err;
  EXPECT_NE(remote.err.find("--interval: must be at least 5m against https://api.example.com"),
            std::string::npos)
      << remote.err;
}

}  // namespace
}  // namespace pelo::testing
