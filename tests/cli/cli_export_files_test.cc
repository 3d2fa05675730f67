// `pelo export fit|tcx|gpx` as a process, on a database synced from pelo-sim: what it writes and
// names, what it skips and why, its JSON, its usage errors, byte-identical re-exports, and a
// killed export that leaves only whole files. In the threads binary: RunProcessKilledWhen polls
// from a thread of the test process.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "cli_env.h"

namespace pelo::testing {
namespace {

namespace fs = std::filesystem;

std::map<std::string, std::string> ExportedFiles(const std::string& dir) {
  std::map<std::string, std::string> files;  // name -> bytes
  if (!fs::exists(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    files[entry.path().filename().string()] = {std::istreambuf_iterator<char>(in),
                                               std::istreambuf_iterator<char>()};
  }
  return files;
}

class CliExportFiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Every 5th second (every_n 5): the files keep that resolution, and the sanitizer runs of
    // these tests stay short.
    sim_ = new SimProcess({"--workouts", "12", "--password", "demo"});
    env_ = new CliEnv(sim_->url());
    ASSERT_EQ(env_->Login().exit_code, 0);
    auto sync = env_->Pelo({"sync", "--quiet", "--every-n", "5"});
    ASSERT_EQ(sync.exit_code, 0) << sync.err;
  }
  static void TearDownTestSuite() {
    delete env_;
    delete sim_;
  }

  static SimProcess* sim_;
  static CliEnv* env_;
};

SimProcess* CliExportFiles::sim_ = nullptr;
CliEnv* CliExportFiles::env_ = nullptr;

TEST_F(CliExportFiles, WritesAFilePerWorkoutAndSaysWhatItDid) {
  const std::string dir = env_->dir() / "fit";
  auto r = env_->Pelo({"export", "fit", "--dir", dir, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["format"], "fit");
  EXPECT_EQ(j["written"].get<int>() + j["skipped"].get<int>(), env_->StoredWorkouts());
  ASSERT_EQ(j["files"].size(), j["written"].get<size_t>());
  const auto files = ExportedFiles(dir);
  EXPECT_EQ(files.size(), j["files"].size());
  // DATE_TITLE_ID.fit, the title made safe (exporter::WorkoutFileName): no slash, no control.
  const std::regex name(R"(\d{4}-\d{2}-\d{2}_[^/\x00-\x1f]+_[0-9a-f]{8}(-\d+)?\.fit)");
  for (const nlohmann::json& f : j["files"]) {
    const std::string file = fs::path(f["path"].get<std::string>()).filename().string();
    EXPECT_TRUE(std::regex_match(file, name)) << file;
    ASSERT_TRUE(files.contains(file));
    EXPECT_EQ(files.at(file).size(), f["bytes"].get<size_t>());
    EXPECT_EQ(files.at(file).substr(8, 4), ".FIT");  // the header's data type
  }
  for (const nlohmann::json& s : j["skipped_workouts"]) EXPECT_EQ(s["reason"], "no samples");

  // Again, as text: the same bytes, and a summary line.
  const std::string again = env_->dir() / "again";
  auto text = env_->Pelo({"export", "fit", "--dir", again});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(ExportedFiles(again), files);
  EXPECT_NE(text.err.find("Wrote " + std::to_string(files.size()) + " FIT file"), std::string::npos)
      << text.err;
}

TEST_F(CliExportFiles, GpxSkipsIndoorWorkoutsWithTheirReason) {
  const std::string dir = env_->dir() / "gpx";
  auto r = env_->Pelo({"export", "gpx", "--dir", dir});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(": no GPS track"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("; skipped "), std::string::npos) << r.err;
}

TEST_F(CliExportFiles, OneFileTakesOneWorkout) {
  const std::string file = env_->dir() / "one.tcx";
  auto many = env_->Pelo({"export", "tcx", "-o", file});
  EXPECT_EQ(many.exit_code, 2);
  EXPECT_NE(many.err.find("-o takes exactly one workout"), std::string::npos) << many.err;
  EXPECT_FALSE(fs::exists(file));

  auto one = env_->Pelo({"export", "tcx", "-o", file, "--last", "1", "--discipline", "cycling"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_GT(fs::file_size(file), 1000u);
}

TEST_F(CliExportFiles, BadInputIsRefusedBeforeAnythingIsWritten) {
  const std::string dir = env_->dir() / "bad";
  const std::vector<std::vector<std::string>> usage = {
      {"export", "fit"},                                          // no --dir or -o
      {"export", "fit", "--dir", dir, "--workout", "not-an-id"},  // not hex
      {"export", "fit", "--dir", dir, "--laps", "every-mile"},    // unknown lap source
      {"export", "fit", "--dir", dir, "--laps", "distance", "--lap-distance", "far"},
      {"export", "fit", "--dir", dir, "--since", "2024-02-30"},  // not a date
      {"export", "fit", "--dir", dir, "--stack-gap", "3"},       // without --stack
      {"export", "workouts", "--last", "2"},                     // tables take none
  };
  for (const auto& args : usage) {
    auto r = env_->Pelo(args);
    EXPECT_EQ(r.exit_code, 2) << args.back() << ": " << r.err;
  }
  auto unknown =
      env_->Pelo({"export", "fit", "--dir", dir, "--workout", "0123456789abcdef0123456789abcdef"});
  EXPECT_EQ(unknown.exit_code, 1) << unknown.err;
  EXPECT_NE(unknown.err.find("0123456789abcdef0123456789abcdef is not stored"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir));
}

TEST_F(CliExportFiles, AKilledExportLeavesOnlyWholeFiles) {
  const std::string whole = env_->dir() / "whole";
  ASSERT_EQ(env_->Pelo({"export", "tcx", "--dir", whole}).exit_code, 0);
  const auto expected = ExportedFiles(whole);
  ASSERT_GE(expected.size(), 4u);

  // Killed as soon as its first file is being written: files appear a batch at a time, each
  // whole (written to a temporary, synced, renamed), so what a kill leaves is whole files and
  // temporaries, which the next export removes.
  const std::string dir = env_->dir() / "killed";
  auto killed = RunProcessKilledWhen({PELO_BIN, "export", "tcx", "--dir", dir}, env_->Env(),
                                     [&] { return !ExportedFiles(dir).empty(); });
  ASSERT_TRUE(killed.exit_code == 137 || killed.exit_code == 0) << killed.err;
  for (const auto& [name, bytes] : ExportedFiles(dir)) {
    if (name.front() == '.') continue;  // a temporary file, removed by the next export
    ASSERT_TRUE(expected.contains(name)) << name;
    EXPECT_EQ(bytes, expected.at(name)) << name << " is not whole";
  }
  ASSERT_EQ(env_->Pelo({"export", "tcx", "--dir", dir}).exit_code, 0);
  EXPECT_EQ(ExportedFiles(dir), expected);
}

}  // namespace
}  // namespace pelo::testing
