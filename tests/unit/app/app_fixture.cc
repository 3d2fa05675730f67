#include "unit/app/app_fixture.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "pelo/app/connection.h"
#include "pelo/http/transport.h"
#include "pelo/sync/sync.h"

namespace pelo::app::testing {

TempDir::TempDir() {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          ("pelo-app-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::unique_ptr<sim::Server> StartSimulator(int workouts) {
  sim::Options options;
  options.email = kEmail;
  options.password = kPassword;
  options.workouts = workouts;
  auto server = sim::Server::Create(options);
  EXPECT_TRUE(server.ok()) << server.status().ToString();
  if (!server.ok()) return nullptr;
  EXPECT_TRUE((*server)->Start().ok());
  http::GlobalInit();
  return std::move(*server);
}

auth::Endpoints EndpointsOf(const sim::Server& server) {
  return auth::EndpointsOnOneHost(server.url());
}

WorkspaceOptions OptionsFor(const std::string& config_dir, const sim::Server& server) {
  WorkspaceOptions options;
  const auth::Endpoints endpoints = EndpointsOf(server);
  options.api_url = endpoints.api_url;
  options.auth_url = endpoints.auth_url;
  options.graphql_url = endpoints.graphql_url;
  options.config_dir = config_dir;
  options.user_agent = "pelo-app-test";
  return options;
}

auth::LoginInput PkceInput() { return {auth::Method::kPkce, kEmail, kPassword, ""}; }

namespace {

// Syncs `server`'s workouts into `dir`/pelo.db through the app layer; expects `workouts` of them.
std::string SyncInto(const TempDir& dir, std::unique_ptr<sim::Server> server, int workouts) {
  const std::string db = dir.path() + "/pelo.db";
  if (!server) return db;
  const Workspace workspace(OptionsFor(dir.path() + "/config", *server));
  {
    auto conn = SignIn(workspace, EndpointsOf(*server), PkceInput());
    EXPECT_TRUE(conn.ok()) << conn.status().ToString();
    auto store = workspace.OpenStoreForSync(db, LockOptions{});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (conn.ok() && store.ok()) {
      const sync::SyncResult result = sync::Run(*conn->client, *store->store, sync::Options{});
      EXPECT_TRUE(result.status.ok()) << result.status.ToString();
      EXPECT_EQ(result.stored_total, workouts);
    }
  }
  server->Stop();
  return db;
}

nlohmann::json ReadFixture(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  return nlohmann::json::parse(text);
}

}  // namespace

const std::string& FixtureDbPath() {
  static TempDir dir;
  static const std::string path = [] {
    namespace fs = std::filesystem;
    const fs::path p2g = fs::path(PELO_SHARED_DIR) / "fixtures/peloton/peloton-to-garmin";
    const fs::path served = fs::path(dir.path()) / "served";
    fs::create_directories(served);
    int files = 0;
    for (const fs::path& envelope : {p2g / "src/UnitTests/Data/SyncMyWorkout01.json",
                                     p2g / "src/UnitTests/Data/lanebreaker.json"}) {
      fs::copy_file(envelope, served / envelope.filename());
      ++files;
    }
    for (const auto& entry : fs::directory_iterator(p2g / "src/UnitTests/Data/p2g_workouts")) {
      fs::copy_file(entry.path(), served / entry.path().filename());
      ++files;
    }
    for (const char* kind :
         {"cycling", "cycling_freestyle", "cycling_km", "running", "running_outdoor", "strength"}) {
      const fs::path data = p2g / "tests/data";
      const nlohmann::json envelope = {
          {"Workout", ReadFixture(data / ("peloton_workout_" + std::string(kind) + ".json"))},
          {"WorkoutSamples",
           ReadFixture(data / ("peloton_workoutsamples_" + std::string(kind) + ".json"))}};
      std::ofstream(served / ("tests_data_" + std::string(kind) + ".json")) << envelope.dump();
      ++files;
    }
    sim::Options options;
    options.email = kEmail;
    options.password = kPassword;
    options.workouts_from = served.string();
    auto server = sim::Server::Create(options);
    EXPECT_TRUE(server.ok()) << server.status().ToString();
    if (!server.ok()) return dir.path() + "/pelo.db";
    EXPECT_TRUE((*server)->Start().ok());
    http::GlobalInit();
    return SyncInto(dir, std::move(*server), files);
  }();
  return path;
}

const std::string& SyncedDbPath() {
  static TempDir dir;
  static const std::string path = [] { return SyncInto(dir, StartSimulator(30), 30); }();
  return path;
}

}  // namespace pelo::app::testing
