// The bearer session against the Strava-shaped test server, whose refresh tokens rotate: a
// second refresh with the same token would fail, so a stampede of refreshes would show.
#include "pelo/oauth2/session.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "pelo/oauth2/authorize.h"
#include "pelo/oauth2/token_endpoint.h"
#include "unit/oauth2/test_oauth_server.h"

namespace pelo::oauth2 {
namespace {

using pelo::testing::TestOAuthServer;

class OAuth2SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("pelo-oauth2-session-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    const PkceMaterial pkce = MakePkceMaterial();
    http::Request consent;
    consent.url = AuthorizationUrl(server_.Provider(), pkce);
    auto redirect = transport_->Send(consent);
    ASSERT_TRUE(redirect.ok()) << redirect.status().ToString();
    auto granted = ReadAuthorizationRedirect(redirect->HeaderValue("Location"), pkce.state);
    ASSERT_TRUE(granted.ok()) << granted.status().ToString();
    auto tokens = ExchangeCode(*transport_, server_.Provider(), granted->code, pkce.verifier);
    ASSERT_TRUE(tokens.ok()) << tokens.status().ToString();
    login_ = *tokens;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  int Me(const std::vector<http::Header>& headers) {
    http::Request request;
    request.url = server_.url() + "/api/me";
    request.headers = headers;
    auto response = transport_->Send(request);
    return response.ok() ? response->status : -1;
  }
  std::function<int64_t()> Clock() {
    return [this] { return now_.load(); };
  }

  TestOAuthServer server_;
  std::unique_ptr<http::Transport> transport_ = pelo::testing::LoopbackTransport();
  Tokens login_;
  std::atomic<int64_t> now_{1'000};
  std::filesystem::path dir_;
};

TEST_F(OAuth2SessionTest, RefreshesWithinFiveMinutesOfExpiryAndSavesBesideTheFields) {
  TokenStore store(dir_.string(), "strava");
  Tokens expiring = login_;
  expiring.expires_at = 1'000 + 299;
  Session session(*transport_, server_.Provider(), StoredTokens{expiring, {{"athlete_id", "7"}}},
                  &store, Clock());
  auto headers = session.Headers();
  ASSERT_TRUE(headers.ok()) << headers.status().ToString();
  EXPECT_EQ(server_.refreshes(), 1);
  const Tokens now = session.tokens();
  EXPECT_NE(now.access_token, login_.access_token);
  EXPECT_NE(now.refresh_token, login_.refresh_token);
  EXPECT_EQ(*headers, BearerHeaders(now));
  EXPECT_EQ(Me(*headers), 200);
  auto saved = store.Load();
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->tokens.refresh_token, now.refresh_token) << "the rotated token is kept";
  EXPECT_EQ(saved->fields.at("athlete_id"), "7");
  EXPECT_TRUE(session.Headers().ok());
  EXPECT_EQ(server_.refreshes(), 1) << "the new tokens have hours left";
}

TEST_F(OAuth2SessionTest, ManyThreadsGetting401RefreshOnce) {
  Session session(*transport_, server_.Provider(), StoredTokens{login_, {}}, nullptr, Clock());
  const auto rejected = session.Headers().value();
  server_.ExpireAccessTokens();
  ASSERT_EQ(Me(rejected), 401);
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (!session.OnUnauthorized(rejected).ok()) return;
      auto headers = session.Headers();
      if (headers.ok() && Me(*headers) == 200) ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(server_.refreshes(), 1);
}

TEST_F(OAuth2SessionTest, ARevokedGrantIsUnauthenticated) {
  ASSERT_TRUE(RevokeToken(*transport_, server_.Provider(), login_.refresh_token).ok());
  Session session(*transport_, server_.Provider(), StoredTokens{login_, {}}, nullptr, Clock());
  const auto rejected = session.Headers().value();
  server_.ExpireAccessTokens();
  const Status s = session.OnUnauthorized(rejected);
  EXPECT_EQ(s.code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(s.ToString().find(login_.refresh_token), std::string::npos);
}

// A token with time left is still used when the token endpoint cannot be reached; once it has
// expired, the network error is the answer.
TEST_F(OAuth2SessionTest, ANetworkBlipIsToleratedWhileTheTokenLasts) {
  std::string gone_url;
  {
    TestOAuthServer gone;
    gone_url = gone.url();
  }
  Provider unreachable = server_.Provider();
  unreachable.token_url = gone_url + "/oauth/token";
  Tokens expiring = login_;
  expiring.expires_at = 1'000 + 60;
  Session session(*transport_, unreachable, StoredTokens{expiring, {}}, nullptr, Clock());
  auto headers = session.Headers();
  ASSERT_TRUE(headers.ok()) << headers.status().ToString();
  EXPECT_EQ(*headers, BearerHeaders(login_));
  now_ = 1'000 + 61;
  EXPECT_EQ(session.Headers().status().code(), ErrorCode::kNetwork);
}

}  // namespace
}  // namespace pelo::oauth2
