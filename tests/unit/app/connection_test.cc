// Connecting through the app layer against the in-process simulator over real HTTP.
#include "pelo/app/connection.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "unit/app/app_fixture.h"

namespace pelo::app {
namespace {

using testing::TempDir;

class ConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = testing::StartSimulator(5);
    ASSERT_NE(server_, nullptr);
    workspace_ =
        std::make_unique<Workspace>(testing::OptionsFor(dir_.path() + "/config", *server_));
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }

  TempDir dir_;
  std::unique_ptr<sim::Server> server_;
  std::unique_ptr<Workspace> workspace_;
};

TEST_F(ConnectionTest, NotLoggedInIsAnAuthenticationError) {
  auto conn = Connect(*workspace_);
  EXPECT_EQ(conn.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(conn.status().message(), "not logged in: run `pelo login` first");
}

TEST_F(ConnectionTest, LogInSavesCredentialsAndHostsThatConnectUses) {
  auto who = LogIn(*workspace_, testing::PkceInput());
  ASSERT_TRUE(who.ok()) << who.status().ToString();
  EXPECT_FALSE(who->user_id.empty());
  EXPECT_FALSE(who->username.empty());
  EXPECT_EQ(who->credentials_path, workspace_->TokenStore()->path());
  EXPECT_TRUE(std::filesystem::exists(who->credentials_path));
  EXPECT_TRUE(std::filesystem::exists(workspace_->ConfigDir() + "/hosts.json"));
  auto saved = workspace_->TokenStore()->Load();
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->user_id, who->user_id);

  // A workspace with no host options reaches the same simulator through the saved hosts.
  WorkspaceOptions bare;
  bare.config_dir = workspace_->ConfigDir();
  auto conn = Connect(Workspace(bare));
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  EXPECT_EQ(conn->endpoints.api_url, server_->url());
  EXPECT_NE(conn->token_store, nullptr);
  auto me = conn->client->Me();
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  EXPECT_EQ(me->value.id, who->user_id);
}

TEST_F(ConnectionTest, AWrongPasswordSavesNothing) {
  auth::LoginInput input = testing::PkceInput();
  input.password = "Not-The-Pa55word-9q7";
  auto who = LogIn(*workspace_, input);
  EXPECT_EQ(who.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(who.status().message().find("Pa55word-9q7"), std::string::npos);  // no secret in errors
  EXPECT_FALSE(std::filesystem::exists(workspace_->ConfigDir()));
}

TEST_F(ConnectionTest, SignInConnectsWithoutSavingAnything) {
  auto conn = SignIn(*workspace_, testing::EndpointsOf(*server_), testing::PkceInput());
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  EXPECT_EQ(conn->token_store, nullptr);
  ASSERT_TRUE(conn->client->Me().ok());
  EXPECT_FALSE(std::filesystem::exists(workspace_->ConfigDir()));

  // The same credentials, wired again, reach the account too (a session being ended).
  Connection again = ConnectWith(*workspace_, conn->endpoints, conn->session->credentials());
  EXPECT_EQ(again.token_store, nullptr);
  EXPECT_TRUE(again.client->Me().ok());
}

}  // namespace
}  // namespace pelo::app
