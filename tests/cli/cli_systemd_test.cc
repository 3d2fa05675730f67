// The systemd user units as installed (ADR 0028): `cmake --install --component runtime` into a
// temporary prefix, `systemd-analyze verify` of both units (no running systemd needed), then the
// service's ExecStart= line run as systemd would run it, against pelo-sim with a logged-in
// temporary config. Release-only (ADR 0014: it drives an installer).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_env.h"
#include "process.h"
#include "support/screen_text.h"

namespace pelo::testing {
namespace {

namespace fs = std::filesystem;

// The prefix the runtime component was installed into, once for the binary's tests.
class SystemdUnitsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    prefix_ = new TempDir();
    install_ =
        new ProcessResult(RunProcess({PELO_CMAKE_COMMAND, "--install", PELO_BINARY_DIR, "--prefix",
                                      prefix_->path(), "--component", "runtime"}));
  }
  static void TearDownTestSuite() {
    delete install_;
    delete prefix_;
  }
  void SetUp() override { ASSERT_EQ(install_->exit_code, 0) << install_->out << install_->err; }

  static std::string UnitPath(const std::string& name) {
    return prefix_->path() + "/lib/systemd/user/" + name;
  }

  // The service's ExecStart= command line, split at its spaces (it has no quotes).
  static std::vector<std::string> ExecStart() {
    std::ifstream in(UnitPath("pelo-sync.service"));
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("ExecStart=", 0) != 0) continue;
      std::istringstream words(line.substr(10));
      std::vector<std::string> argv;
      for (std::string word; words >> word;) argv.push_back(word);
      return argv;
    }
    return {};
  }

  // What `systemd-analyze verify --user` says of `units` that mentions them; it exits 0 on
  // warnings such as an unknown key, so what it prints is the check.
  static ProcessResult Verify(const std::vector<std::string>& units) {
    std::vector<std::string> argv = {PELO_SYSTEMD_ANALYZE, "verify", "--user", "--man=no"};
    argv.insert(argv.end(), units.begin(), units.end());
    TempDir runtime;  // a user manager's runtime directory, which --user needs
    chmod(runtime.path().c_str(), 0700);
    return RunProcess(argv, {{"XDG_RUNTIME_DIR", runtime.path()}, {"SYSTEMD_LOG_LEVEL", "info"}});
  }

  static std::vector<std::string> Complaints(const ProcessResult& r) {
    std::vector<std::string> lines;
    for (const std::string& line : Lines(r.out + r.err)) {
      if (line.find("pelo-sync") != std::string::npos) lines.push_back(line);
    }
    return lines;
  }

  static TempDir* prefix_;
  static ProcessResult* install_;
};

TempDir* SystemdUnitsTest::prefix_ = nullptr;
ProcessResult* SystemdUnitsTest::install_ = nullptr;

TEST_F(SystemdUnitsTest, BothUnitsAreInstalledAndSystemdFindsNothingToSayAboutThem) {
  ASSERT_STRNE(PELO_SYSTEMD_ANALYZE, "")
      << "systemd-analyze is missing: apt-get install systemd (scripts/install-deps.sh --tests)";
  const std::string service = UnitPath("pelo-sync.service");
  const std::string timer = UnitPath("pelo-sync.timer");
  ASSERT_TRUE(fs::is_regular_file(service));
  ASSERT_TRUE(fs::is_regular_file(timer));
  const ProcessResult r = Verify({service, timer});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(Complaints(r), std::vector<std::string>{}) << r.out << r.err;

  // The check can fail: a key systemd does not know is reported, naming the unit.
  TempDir broken;
  std::ifstream in(service);
  std::stringstream text;
  text << in.rdbuf() << "NotAKeySystemdKnows=1\n";
  std::ofstream(broken.path() + "/pelo-sync.service") << text.str();
  EXPECT_NE(Complaints(Verify({broken.path() + "/pelo-sync.service"})), std::vector<std::string>{});
}

TEST_F(SystemdUnitsTest, ExecStartNamesTheInstalledPeloAndBusyIsNoFailure) {
  const std::vector<std::string> argv = ExecStart();
  ASSERT_FALSE(argv.empty());
  // Written at install time: the prefix of this install, not the build tree's or configure's.
  EXPECT_EQ(argv[0], prefix_->path() + "/bin/pelo");
  EXPECT_TRUE(fs::is_regular_file(argv[0]));
  const std::string unit = ReadFile(UnitPath("pelo-sync.service"));
  EXPECT_NE(unit.find("\nSuccessExitStatus=7 130\n"), std::string::npos) << unit;
  EXPECT_NE(unit.find("\nType=oneshot\n"), std::string::npos) << unit;
}

TEST_F(SystemdUnitsTest, TheServicesCommandSyncsAsTheTimerWouldRunIt) {
  const std::vector<std::string> argv = ExecStart();
  ASSERT_FALSE(argv.empty());
  SimProcess sim({"--workouts", "6"});

  CliEnv logged_out(sim.url());
  const ProcessResult refused = RunProcess(argv, logged_out.Env());
  EXPECT_EQ(refused.exit_code, 3) << "a failed run shows as failed: " << refused.err;
  EXPECT_NE(refused.err.find("not logged in"), std::string::npos) << refused.err;

  CliEnv env(sim.url());
  ASSERT_EQ(env.Login().exit_code, 0);
  const ProcessResult run = RunProcess(argv, env.Env());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  // --quiet: no progress lines; the journal gets the one-line summary.
  EXPECT_EQ(Lines(run.out).size(), 1u) << run.out;
  EXPECT_EQ(run.out.rfind("Synced 6 new workouts", 0), 0u) << run.out;
  EXPECT_EQ(run.err, "");
  EXPECT_EQ(env.StoredWorkouts(), 6);

  // A sync already running (held here as one would hold it): this run exits 7 at once, which
  // the unit's SuccessExitStatus counts as no failure.
  const int fd = open((env.DbPath() + ".lock").c_str(), O_RDWR | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(flock(fd, LOCK_EX | LOCK_NB), 0);
  const ProcessResult busy = RunProcess(argv, env.Env());
  close(fd);
  EXPECT_EQ(busy.exit_code, 7) << busy.err;
  EXPECT_NE(busy.err.find("pelo: busy: " + env.DbPath()), std::string::npos) << busy.err;
}

}  // namespace
}  // namespace pelo::testing
