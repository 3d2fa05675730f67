// What the app-layer tests share: temporary directories, a simulator on 127.0.0.1, and one
// database synced from it through the app layer (built once per test binary, read by many).
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "pelo/analytics/ride_day.h"
#include "pelo/app/workspace.h"
#include "pelo/peloton/auth/login.h"
#include "pelo/peloton/sim/server.h"

namespace pelo::app::testing {

inline constexpr const char* kEmail = "rider@example.com";
inline constexpr const char* kPassword = "s3cret-Pa55word";

// The day a YYYY-MM-DD literal names (the tests' literals are valid).
inline analytics::DayNumber Day(const char* text) { return *analytics::ParseDay(text); }

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// A started simulator (ephemeral port) with `workouts` workouts for kEmail / kPassword.
std::unique_ptr<sim::Server> StartSimulator(int workouts = 40);

// The simulator's hosts as a workspace's options would name them.
auth::Endpoints EndpointsOf(const sim::Server& server);

// Options of a workspace whose config dir is `config_dir` and whose hosts are the simulator's.
WorkspaceOptions OptionsFor(const std::string& config_dir, const sim::Server& server);

// PKCE with kEmail / kPassword.
auth::LoginInput PkceInput();

// A database of 30 workouts synced from the simulator (seed 1, New York time) with
// app::SignIn and sync::Run; the same file for every test of the binary. Tests only read it.
const std::string& SyncedDbPath();

// A database synced the same way from the simulator serving every captured workout of
// ../shared/fixtures/peloton (its {Workout, WorkoutSamples} envelopes, and the detail and graph
// files of tests/data paired into envelopes): real rides, runs, walks, rows, strength and
// meditation as Peloton sent them. The same file for every test of the binary; read only.
const std::string& FixtureDbPath();

}  // namespace pelo::app::testing
