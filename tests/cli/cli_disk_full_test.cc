// Storage that refuses writes. The disk fills up mid-sync (a file-size limit, RLIMIT_FSIZE, on the
// real process: writes past it fail with EFBIG, as on a full disk): pelo stops with a storage error
// naming the database, what it had committed is intact, and a sync with room again ends with
// exactly the database of an uninterrupted sync. A database file that is read-only (mode 0444):
// sync stops with a storage error saying so and changes nothing, the commands that only read still
// work.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

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

// Root writes through any file mode, so when the tests run as root (CI does) pelo runs as
// `nobody` (setpriv, util-linux), owning the sandbox as the user would.
constexpr uid_t kNobody = 65534;

void GiveToNobody(const std::string& dir) {
  if (geteuid() != 0) return;
  ASSERT_EQ(::lchown(dir.c_str(), kNobody, kNobody), 0);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    ASSERT_EQ(::lchown(entry.path().c_str(), kNobody, kNobody), 0) << entry.path();
  }
}

ProcessResult PeloUnprivileged(const CliEnv& env, const std::vector<std::string>& args) {
  std::vector<std::string> argv;
  if (geteuid() == 0) {
    argv = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  }
  argv.push_back(PELO_BIN);
  argv.insert(argv.end(), args.begin(), args.end());
  return RunProcess(argv, env.Env());
}

TEST(CliReadOnlyDatabase, SyncStopsWithAStorageErrorAndChangesNothing) {
  SimProcess sim({"--workouts", "20"});
  const std::vector<std::string> sync = {"sync", "--quiet"};
  CliEnv reference(sim.url());
  ASSERT_EQ(reference.Login().exit_code, 0);
  ASSERT_EQ(reference.Pelo(sync).exit_code, 0);
  const auto expected = DigestTables(reference.DbPath(), {.include_bookkeeping = true});

  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  ASSERT_EQ(env.Pelo({"sync", "--quiet", "--last", "5"}).exit_code, 0);
  const auto before = DigestTables(env.DbPath(), {.include_bookkeeping = true});
  ASSERT_EQ(before.at("workouts").rows, 5);
  GiveToNobody(env.dir().path());
  ASSERT_EQ(::chmod(env.DbPath().c_str(), 0444), 0);

  auto refused = PeloUnprivileged(env, sync);
  EXPECT_EQ(refused.exit_code, 6) << refused.err;
  EXPECT_NE(refused.err.find(env.DbPath()), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("read-only"), std::string::npos) << refused.err;
  EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
  EXPECT_EQ(DigestTables(env.DbPath(), {.include_bookkeeping = true}), before);
  // Reading needs no write.
  auto listed = PeloUnprivileged(env, {"workouts", "--csv"});
  EXPECT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(ParseCsv(listed.out).size(), 6u);

  // SQLite gave the -wal and -shm files the database's mode: the user makes all three writable.
  for (const std::string suffix : {"", "-wal", "-shm"}) {
    const std::string path = env.DbPath() + suffix;
    if (std::filesystem::exists(path)) {
      ASSERT_EQ(::chmod(path.c_str(), 0644), 0) << path;
    }
  }
  auto writable = PeloUnprivileged(env, sync);
  ASSERT_EQ(writable.exit_code, 0) << writable.err;
  EXPECT_EQ(DigestTables(env.DbPath(), {.include_bookkeeping = true}), expected);
}

}  // namespace
}  // namespace pelo::testing
