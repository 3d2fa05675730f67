// The front channel: the authorization URL and reading the redirect back.
#include "pelo/oauth2/authorize.h"

#include <gtest/gtest.h>

#include "pelo/http/url.h"

namespace pelo::oauth2 {
namespace {

Provider StravaLike() {
  Provider p;
  p.authorize_url = "https://www.strava.com/oauth/authorize";
  p.client_id = "4242";
  p.redirect_uri = "http://127.0.0.1:8765/exchange_token";
  p.scopes = {"read", "activity:write"};
  p.scope_separator = ',';
  p.pkce = false;
  p.authorize_params = {{"approval_prompt", "auto"}};
  return p;
}

TEST(AuthorizationUrl, CarriesTheClientScopesStateAndExtraParameters) {
  const PkceMaterial pkce = MakePkceMaterial();
  const std::string url = AuthorizationUrl(StravaLike(), pkce);
  EXPECT_EQ(url.rfind("https://www.strava.com/oauth/authorize?", 0), 0u) << url;
  EXPECT_EQ(http::QueryValue(url, "response_type"), "code");
  EXPECT_EQ(http::QueryValue(url, "client_id"), "4242");
  EXPECT_EQ(http::QueryValue(url, "redirect_uri"), "http://127.0.0.1:8765/exchange_token");
  EXPECT_EQ(http::QueryValue(url, "scope"), "read,activity:write");
  EXPECT_EQ(http::QueryValue(url, "state"), pkce.state);
  EXPECT_EQ(http::QueryValue(url, "approval_prompt"), "auto");
  EXPECT_EQ(http::QueryValue(url, "code_challenge"), "") << "no PKCE for this provider";
}

TEST(AuthorizationUrl, WithPkceSendsTheS256Challenge) {
  Provider p = StravaLike();
  p.pkce = true;
  p.scope_separator = ' ';
  p.authorize_url = "https://auth.example.com/authorize?tenant=t1";
  const PkceMaterial pkce = MakePkceMaterial();
  const std::string url = AuthorizationUrl(p, pkce);
  EXPECT_EQ(http::QueryValue(url, "tenant"), "t1");
  EXPECT_EQ(http::QueryValue(url, "scope"), "read activity:write");
  EXPECT_EQ(http::QueryValue(url, "code_challenge"), CodeChallenge(pkce.verifier));
  EXPECT_EQ(http::QueryValue(url, "code_challenge_method"), "S256");
}

TEST(AuthorizationRedirect, GivesTheCodeAndTheScopesTheUserAccepted) {
  auto r = ReadAuthorizationRedirect(
      "http://127.0.0.1:8765/exchange_token?state=st-1&code=c0de&scope=read,activity:read", "st-1");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->code, "c0de");
  EXPECT_EQ(r->scope, "read,activity:read");
  EXPECT_EQ(SplitScope(r->scope), (std::vector<std::string>{"read", "activity:read"}));
}

TEST(AuthorizationRedirect, AnotherFlowsStateIsRefusedBeforeTheCodeIsUsed) {
  for (const char* url : {"http://x/cb?state=other&code=c0de", "http://x/cb?code=c0de"}) {
    auto r = ReadAuthorizationRedirect(url, "st-1");
    EXPECT_EQ(r.status().code(), ErrorCode::kUnauthenticated) << url;
    EXPECT_EQ(r.status().message().find("c0de"), std::string::npos);
  }
}

TEST(AuthorizationRedirect, ARefusalNamesTheSanitisedErrorAndNothingElseIsACode) {
  auto denied = ReadAuthorizationRedirect(
      "http://x/cb?state=st-1&error=access_denied%3Cscript%3E&error_description=nope", "st-1");
  EXPECT_EQ(denied.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(denied.status().message(), "authorization refused (access_deniedscript)");
  EXPECT_EQ(ReadAuthorizationRedirect("http://x/cb?state=st-1", "st-1").status().code(),
            ErrorCode::kInvalidArgument);
}

TEST(Scope, SplitsOnSpacesOrCommas) {
  EXPECT_EQ(SplitScope("a b,c  d"), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_TRUE(SplitScope("").empty());
}

}  // namespace
}  // namespace pelo::oauth2
