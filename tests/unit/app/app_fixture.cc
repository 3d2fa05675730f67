#include "unit/app/app_fixture.h"

#include <gtest/gtest.h>

#include <unistd.h>
#include <atomic>

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

const std::string& SyncedDbPath() {
  static TempDir dir;
  static const std::string path = [] {
    const std::string db = dir.path() + "/pelo.db";
    std::unique_ptr<sim::Server> server = StartSimulator(30);
    if (!server) return db;
    const Workspace workspace(OptionsFor(dir.path() + "/config", *server));
    {
      auto conn = SignIn(workspace, EndpointsOf(*server), PkceInput());
      EXPECT_TRUE(conn.ok()) << conn.status().ToString();
      auto store = workspace.OpenStoreForSync(db);
      EXPECT_TRUE(store.ok()) << store.status().ToString();
      if (conn.ok() && store.ok()) {
        const sync::SyncResult result = sync::Run(*conn->client, **store, sync::Options{});
        EXPECT_TRUE(result.status.ok()) << result.status.ToString();
        EXPECT_EQ(result.stored_total, 30);
      }
    }
    server->Stop();
    return db;
  }();
  return path;
}

}  // namespace pelo::app::testing
