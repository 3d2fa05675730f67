// The whole authorization-code grant, refresh and revocation against a Strava-shaped server of
// our own on 127.0.0.1 (unit/oauth2/test_oauth_server.h): a provider that is not Auth0.
#include <gtest/gtest.h>

#include "pelo/common/time.h"
#include "pelo/oauth2/authorize.h"
#include "pelo/oauth2/session.h"
#include "pelo/oauth2/token_endpoint.h"
#include "unit/oauth2/test_oauth_server.h"

namespace pelo::oauth2 {
namespace {

using pelo::testing::TestOAuthServer;

class FlowTest : public ::testing::Test {
 protected:
  // The browser's part: opens the authorization URL, is sent back to the redirect URI.
  StatusOr<AuthorizationResponse> Consent(const Provider& provider, const PkceMaterial& pkce) {
    http::Request request;
    request.url = AuthorizationUrl(provider, pkce);
    PELO_ASSIGN_OR_RETURN(http::Response response, transport_->Send(request));
    EXPECT_EQ(response.status, 302);
    return ReadAuthorizationRedirect(response.HeaderValue("Location"), pkce.state);
  }
  StatusOr<Tokens> LogIn(const Provider& provider) {
    const PkceMaterial pkce = MakePkceMaterial();
    PELO_ASSIGN_OR_RETURN(AuthorizationResponse granted, Consent(provider, pkce));
    return ExchangeCode(*transport_, provider, granted.code, pkce.verifier);
  }
  int MeStatus(const Tokens& tokens, const TestOAuthServer& server) {
    http::Request request;
    request.url = server.url() + "/api/me";
    request.headers = BearerHeaders(tokens);
    auto response = transport_->Send(request);
    return response.ok() ? response->status : -1;
  }

  std::unique_ptr<http::Transport> transport_ = pelo::testing::LoopbackTransport();
};

TEST_F(FlowTest, CodeExchangeWithAClientSecretGivesTokensTheApiAccepts) {
  TestOAuthServer server;
  const Provider provider = server.Provider();
  const int64_t before = NowEpochSeconds();
  auto tokens = LogIn(provider);
  ASSERT_TRUE(tokens.ok()) << tokens.status().ToString();
  EXPECT_FALSE(tokens->access_token.empty());
  EXPECT_FALSE(tokens->refresh_token.empty());
  EXPECT_GE(tokens->expires_at, before + 21600);
  EXPECT_LE(tokens->expires_at, NowEpochSeconds() + 21600);
  EXPECT_EQ(MeStatus(*tokens, server), 200);
  EXPECT_EQ(server.ContentTypes().at(0), "application/x-www-form-urlencoded; charset=utf-8");
}

// PKCE on top of the secret: the server checks the verifier against the challenge it was shown.
TEST_F(FlowTest, ACodeIsExchangedOnlyWithItsOwnVerifier) {
  TestOAuthServer server;
  Provider provider = server.Provider();
  provider.pkce = true;
  ASSERT_TRUE(LogIn(provider).ok());
  const PkceMaterial pkce = MakePkceMaterial();
  auto granted = Consent(provider, pkce);
  ASSERT_TRUE(granted.ok()) << granted.status().ToString();
  auto stolen = ExchangeCode(*transport_, provider, granted->code, MakePkceMaterial().verifier);
  EXPECT_EQ(stolen.status().code(), ErrorCode::kUnauthenticated);
}

TEST_F(FlowTest, TheScopesTheUserUntickedAreMissingFromTheRedirect) {
  TestOAuthServer::Options options;
  options.declined = {"activity:write"};
  TestOAuthServer server(options);
  auto granted = Consent(server.Provider(), MakePkceMaterial());
  ASSERT_TRUE(granted.ok()) << granted.status().ToString();
  EXPECT_EQ(SplitScope(granted->scope), (std::vector<std::string>{"read", "activity:read_all"}));
}

TEST_F(FlowTest, AWrongClientSecretIsRefusedAndNeverQuoted) {
  TestOAuthServer server;
  const PkceMaterial pkce = MakePkceMaterial();
  auto granted = Consent(server.Provider(), pkce);
  ASSERT_TRUE(granted.ok());
  Provider wrong = server.Provider();
  wrong.client_secret = "not-the-Secret-987";
  auto tokens = ExchangeCode(*transport_, wrong, granted->code, pkce.verifier);
  ASSERT_EQ(tokens.status().code(), ErrorCode::kUnauthenticated);
  // A Strava Fault has no OAuth `error`: the status alone is named.
  EXPECT_EQ(tokens.status().message(), "POST /oauth/token: HTTP 401 Unauthorized");
  EXPECT_EQ(tokens.status().ToString().find(granted->code), std::string::npos);
}

TEST_F(FlowTest, BasicClientAuthentication) {
  TestOAuthServer server;
  Provider provider = server.Provider();
  provider.client_auth = ClientAuth::kBasic;
  auto tokens = LogIn(provider);
  ASSERT_TRUE(tokens.ok()) << tokens.status().ToString();
  EXPECT_EQ(server.Bodies().at(0).find("client_secret"), std::string::npos);
  EXPECT_EQ(server.Bodies().at(0).find(provider.client_secret), std::string::npos);
}

// Strava rotates: the newest refresh token is the only one that works, so it is the one kept.
TEST_F(FlowTest, ARotatedRefreshTokenReplacesTheOldOneWhichStopsWorking) {
  TestOAuthServer server;
  auto first = LogIn(server.Provider());
  ASSERT_TRUE(first.ok());
  auto second = RefreshTokens(*transport_, server.Provider(), *first);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_NE(second->refresh_token, first->refresh_token);
  EXPECT_NE(second->access_token, first->access_token);
  EXPECT_EQ(MeStatus(*second, server), 200);
  auto stale = RefreshTokens(*transport_, server.Provider(), *first);
  EXPECT_EQ(stale.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(stale.status().message(), "POST /oauth/token (refresh): HTTP 400 Bad Request");
  EXPECT_TRUE(RefreshTokens(*transport_, server.Provider(), *second).ok());
}

// RFC 6749 §6: a server may answer a refresh without a refresh token; the old one stays.
TEST_F(FlowTest, ARefreshWithoutANewRefreshTokenKeepsTheOldOne) {
  TestOAuthServer::Options options;
  options.rotate_refresh_tokens = false;
  TestOAuthServer server(options);
  auto first = LogIn(server.Provider());
  ASSERT_TRUE(first.ok());
  auto second = RefreshTokens(*transport_, server.Provider(), *first);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->refresh_token, first->refresh_token);
  EXPECT_TRUE(RefreshTokens(*transport_, server.Provider(), *second).ok());
  EXPECT_EQ(server.refreshes(), 2);
  Tokens none = *first;
  none.refresh_token.clear();
  EXPECT_EQ(RefreshTokens(*transport_, server.Provider(), none).status().code(),
            ErrorCode::kUnauthenticated);
  EXPECT_EQ(server.refreshes(), 2) << "nothing sent without a refresh token";
}

TEST_F(FlowTest, ARevokedRefreshTokenNoLongerRefreshes) {
  TestOAuthServer server;
  auto tokens = LogIn(server.Provider());
  ASSERT_TRUE(tokens.ok());
  ASSERT_TRUE(
      RevokeToken(*transport_, server.Provider(), tokens->refresh_token, "refresh_token").ok());
  EXPECT_EQ(http::ParseQuery(server.Bodies().back()),
            (http::QueryParams{{"token", tokens->refresh_token},
                               {"client_id", "4242"},
                               {"client_secret", server.Provider().client_secret},
                               {"token_type_hint", "refresh_token"}}));
  EXPECT_EQ(RefreshTokens(*transport_, server.Provider(), *tokens).status().code(),
            ErrorCode::kUnauthenticated);
  // RFC 7009 §2.2: a token the server does not know is revoked as far as it is concerned.
  EXPECT_TRUE(RevokeToken(*transport_, server.Provider(), "never-issued").ok());
}

TEST_F(FlowTest, RevocationFailuresAreNamedWithoutSecrets) {
  TestOAuthServer server;
  Provider wrong = server.Provider();
  wrong.client_secret = "not-the-Secret-987";
  const Status refused = RevokeToken(*transport_, wrong, "refresh-Token-xyz");
  EXPECT_EQ(refused.code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(refused.message(), "POST /oauth/revoke: HTTP 401 Unauthorized (invalid_client)");
  EXPECT_EQ(refused.ToString().find("refresh-Token-xyz"), std::string::npos);
  Provider none = server.Provider();
  none.revoke_url.clear();
  EXPECT_EQ(RevokeToken(*transport_, none, "t").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(RevokeToken(*transport_, server.Provider(), "").code(), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace pelo::oauth2
