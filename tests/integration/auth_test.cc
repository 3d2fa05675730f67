// Every login method end to end against the simulator's Auth0 and legacy emulation.
#include <gtest/gtest.h>

#include <thread>

#include "integration/sim_fixture.h"
#include "pelo/peloton/api/client.h"
#include "pelo/peloton/auth/login.h"
#include "pelo/peloton/auth/session.h"

namespace pelo::auth {
namespace {

class AuthTest : public pelo::testing::SimTest {
 protected:
  StatusOr<Credentials> LoginAs(Method method, const std::string& password) {
    return Login(*transport_, endpoints_, LoginInput{method, kEmail, password, ""});
  }
  // GET /api/me with `c`: proves the credentials are accepted by the API.
  Status VerifyWithMe(const Credentials& c) {
    Session session(*transport_, endpoints_, c, nullptr);
    api::Client client(*transport_, endpoints_, &session, "pelo-integration-test");
    auto me = client.Me();
    if (!me.ok()) return me.status();
    EXPECT_FALSE(me->value.id.empty());
    return OkStatus();
  }
};

TEST_F(AuthTest, Pkce_LogsInAndTokenWorksOnTheApi) {
  StartSim();
  auto c = LoginAs(Method::kPkce, kPassword);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->method, Method::kPkce);
  EXPECT_EQ(c->client_id, kWebClientId);
  EXPECT_FALSE(c->access_token.empty());
  EXPECT_FALSE(c->refresh_token.empty());
  EXPECT_GT(c->expires_at, 0);
  EXPECT_TRUE(VerifyWithMe(*c).ok());
}

TEST_F(AuthTest, PasswordGrant_LogsInWithMobileClient) {
  StartSim();
  auto c = LoginAs(Method::kPasswordGrant, kPassword);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->client_id, kMobileClientId);
  EXPECT_TRUE(VerifyWithMe(*c).ok());
}

TEST_F(AuthTest, Token_PastedBearerIsAccepted) {
  StartSim();
  auto issued = LoginAs(Method::kPasswordGrant, kPassword);
  ASSERT_TRUE(issued.ok()) << issued.status().ToString();
  auto c = Login(*transport_, endpoints_,
                 LoginInput{Method::kToken, "", "", " Bearer " + issued->access_token + " "});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->access_token, issued->access_token);
  EXPECT_TRUE(VerifyWithMe(*c).ok());
  auto bogus = Login(*transport_, endpoints_, LoginInput{Method::kToken, "", "", "not-a-token"});
  ASSERT_TRUE(bogus.ok());  // only the API can tell
  EXPECT_EQ(VerifyWithMe(*bogus).code(), ErrorCode::kUnauthenticated);
}

TEST_F(AuthTest, Legacy_RetiredByDefault) {
  StartSim();
  auto c = LoginAs(Method::kLegacy, kPassword);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(c.status().message().find("--method pkce"), std::string::npos);
}

TEST_F(AuthTest, Legacy_WorksWhenTheSimulatorServesIt) {
  sim::Options options;
  options.legacy_auth = true;
  StartSim(options);
  auto c = LoginAs(Method::kLegacy, kPassword);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_FALSE(c->session_id.empty());
  EXPECT_TRUE(VerifyWithMe(*c).ok());
}

TEST_F(AuthTest, WrongPassword_EveryMethodIsUnauthenticatedAndNeverEchoed) {
  sim::Options options;
  options.legacy_auth = true;
  StartSim(options);
  const std::string wrong = "Wr0ng-p4ssw0rd-XYZ";
  for (Method m : {Method::kPkce, Method::kPasswordGrant, Method::kLegacy}) {
    auto c = LoginAs(m, wrong);
    ASSERT_FALSE(c.ok()) << MethodName(m);
    EXPECT_EQ(c.status().code(), ErrorCode::kUnauthenticated) << c.status().ToString();
    EXPECT_EQ(c.status().ToString().find(wrong), std::string::npos) << MethodName(m);
    EXPECT_EQ(c.status().ToString().find(kPassword), std::string::npos) << MethodName(m);
  }
}

TEST_F(AuthTest, Refresh_ExchangesRefreshTokenForBothClients) {
  StartSim();
  for (Method m : {Method::kPkce, Method::kPasswordGrant}) {
    auto c = LoginAs(m, kPassword);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    auto next = Refresh(*transport_, endpoints_, *c);
    ASSERT_TRUE(next.ok()) << MethodName(m) << ": " << next.status().ToString();
    EXPECT_NE(next->access_token, c->access_token);
    EXPECT_EQ(next->client_id, c->client_id);
    EXPECT_TRUE(VerifyWithMe(*next).ok());
  }
  Credentials revoked;
  revoked.access_token = "x";
  revoked.refresh_token = "v1.not-issued";
  EXPECT_EQ(Refresh(*transport_, endpoints_, revoked).status().code(), ErrorCode::kUnauthenticated);
}

// Logout's revocation against the simulator's Auth0: for both clients the refresh token is
// dead afterwards (a refresh is "session expired"), and the sim saw the call with the token
// redacted from its log.
TEST_F(AuthTest, Revoke_RefreshTokenNoLongerRefreshesForBothClients) {
  StartSim();
  for (Method m : {Method::kPkce, Method::kPasswordGrant}) {
    auto c = LoginAs(m, kPassword);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    server_->ClearRequests();
    const Status revoked = RevokeRefreshToken(*transport_, endpoints_, *c);
    ASSERT_TRUE(revoked.ok()) << MethodName(m) << ": " << revoked.ToString();
    const auto requests = server_->Requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "POST");
    EXPECT_EQ(requests[0].path, "/oauth/revoke");
    EXPECT_EQ(requests[0].status, 200);
    EXPECT_EQ(requests[0].body.find(c->refresh_token), std::string::npos);
    auto refreshed = Refresh(*transport_, endpoints_, *c);
    EXPECT_EQ(refreshed.status().code(), ErrorCode::kUnauthenticated) << MethodName(m);
    EXPECT_TRUE(VerifyWithMe(*c).ok()) << "issued access tokens live until they expire";
  }
}

TEST_F(AuthTest, Expiry_NextCallRefreshesAndSucceeds) {
  sim::Options options;
  options.token_ttl_s = 2;
  StartSim(options);
  auto c = LoginAs(Method::kPkce, kPassword);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Session session(*transport_, endpoints_, *c, nullptr);
  api::Client client(*transport_, endpoints_, &session, "pelo-integration-test");
  ASSERT_TRUE(client.Me().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  auto me = client.Me();
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  EXPECT_NE(session.credentials().access_token, c->access_token);
}

TEST_F(AuthTest, Expiry_StaleTokenGets401ThenOneRefresh) {
  StartSim();
  auto c = LoginAs(Method::kPasswordGrant, kPassword);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  Credentials stale = *c;
  stale.access_token = "expired-or-revoked";
  stale.expires_at = 0;  // unknown: no proactive refresh, so the API's 401 drives it
  Session session(*transport_, endpoints_, stale, nullptr);
  api::Client client(*transport_, endpoints_, &session, "pelo-integration-test");
  auto me = client.Me();
  ASSERT_TRUE(me.ok()) << me.status().ToString();
  EXPECT_NE(session.credentials().access_token, "expired-or-revoked");
}

}  // namespace
}  // namespace pelo::auth
