// A sync killed (SIGKILL: no handler, no cleanup) at many different points and run again ends
// with exactly the database of an uninterrupted sync: same rows, same content, no duplicates.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "cli_env.h"
#include "process.h"
#include "support/db_digest.h"

namespace pelo::testing {
namespace {

// Lines in the simulator's request log: requests it has answered so far.
size_t LineCount(const std::string& path) {
  std::ifstream in(path);
  size_t lines = 0;
  std::string line;
  while (std::getline(in, line)) ++lines;
  return lines;
}

TEST(CliResume, SyncKilledAtAnyPointThenRerunEqualsAnUninterruptedSync) {
  TempDir logs;
  const std::string log = logs / "requests.jsonl";
  SimProcess sim({"--workouts", "40", "--latency-ms", "3", "--request-log", log});
  const std::vector<std::string> sync = {"sync", "--every-n", "30", "--jobs", "4", "--quiet"};

  CliEnv reference(sim.url());
  ASSERT_EQ(reference.Login().exit_code, 0);
  const size_t before = LineCount(log);
  auto uninterrupted = reference.Pelo(sync);
  ASSERT_EQ(uninterrupted.exit_code, 0) << uninterrupted.err;
  const size_t full_sync_requests = LineCount(log) - before;
  ASSERT_GT(full_sync_requests, 60u);
  const auto expected = DigestTables(reference.DbPath(), {.include_bookkeeping = true});
  ASSERT_EQ(expected.at("workouts").rows, 40);

  // From the first requests (user, first page) to the last graphs: listing, the first graphs,
  // the middle, the end (each point costs three runs of pelo; under the sanitizers, seconds).
  for (size_t kill_after : {1u, 2u, 5u, 12u, 25u, 40u, 55u, 68u}) {
    ASSERT_LT(kill_after, full_sync_requests);
    CliEnv env(sim.url());
    ASSERT_EQ(env.Login().exit_code, 0);
    const size_t base = LineCount(log);
    std::vector<std::string> argv = sync;
    argv.insert(argv.begin(), PELO_BIN);
    auto killed =
        RunProcessKilledWhen(argv, env.Env(), [&] { return LineCount(log) >= base + kill_after; });
    EXPECT_EQ(killed.exit_code, 137) << "killed after " << kill_after << " requests";
    auto rerun = env.Pelo(sync);
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_EQ(DigestTables(env.DbPath(), {.include_bookkeeping = true}), expected)
        << "killed after " << kill_after << " requests";
  }
}

}  // namespace
}  // namespace pelo::testing
