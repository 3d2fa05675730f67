// The disk fills up mid-sync (a file-size limit, RLIMIT_FSIZE, on the real process: writes past
// it fail with EFBIG, as on a full disk): pelo stops with a storage error naming the database,
// what it had committed is intact, and a sync with room again ends with exactly the database of
// an uninterrupted sync.
#include <gtest/gtest.h>

#include <string>

#include "cli_env.h"
#include "process.h"
#include "support/db_digest.h"
#include "support/sql_exec.h"

namespace pelo::testing {
namespace {

// `pelo ARGS` under a file-size limit of `kib` KiB. SIGXFSZ is ignored (the disposition
// survives exec), so the write fails with EFBIG instead of killing the process.
ProcessResult PeloWithFileLimit(const CliEnv& env, int kib, const std::vector<std::string>& args) {
  std::string script = "trap '' XFSZ; ulimit -f " + std::to_string(kib) + "; exec \"$@\"";
  std::vector<std::string> argv = {"/bin/bash", "-c", script, "bash", PELO_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, env.Env());
}

TEST(CliDiskFull, SyncStopsWithAStorageErrorAndTheNextOneCompletes) {
  SimProcess sim({"--workouts", "30"});
  const std::vector<std::string> sync = {"sync", "--every-n", "1", "--jobs", "2", "--quiet"};
  CliEnv reference(sim.url());
  ASSERT_EQ(reference.Login().exit_code, 0);
  ASSERT_EQ(reference.Pelo(sync).exit_code, 0);
  const auto expected = DigestTables(reference.DbPath(), {.include_bookkeeping = true});
  ASSERT_EQ(expected.at("workouts").rows, 30);

  for (int kib : {64, 512, 1536}) {
    CliEnv env(sim.url());
    ASSERT_EQ(env.Login().exit_code, 0);
    auto full = PeloWithFileLimit(env, kib, sync);
    EXPECT_EQ(full.exit_code, 6) << kib << " KiB: " << full.err;
    EXPECT_NE(full.err.find(env.DbPath()), std::string::npos) << full.err;
    EXPECT_NE(full.err.find("is the disk full?"), std::string::npos) << full.err;
    EXPECT_EQ(std::count(full.err.begin(), full.err.end(), '\n'), 1) << "one line: " << full.err;
    // What was committed reads back whole.
    EXPECT_EQ(QueryText(env.DbPath(), "PRAGMA integrity_check"), "ok") << kib << " KiB";
    auto rerun = env.Pelo(sync);
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_EQ(DigestTables(env.DbPath(), {.include_bookkeeping = true}), expected) << kib << " KiB";
  }
}

}  // namespace
}  // namespace pelo::testing
