// Login and Refresh request shapes against a scripted transport (the simulator covers the
// same flows end to end in tests/integration/auth_test.cc).
#include "pelo/peloton/auth/login.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pelo/common/base64.h"
#include "pelo/http/url.h"
#include "pelo/oauth2/pkce.h"
#include "unit/peloton/auth/fake_transport.h"

namespace pelo::auth {
namespace {

using pelo::testing::FakeTransport;
using pelo::testing::JsonResponse;

constexpr const char* kPassword = "correct-horse-battery";

Endpoints TestEndpoints() {
  Endpoints e;
  e.api_url = "http://127.0.0.1:9";
  e.auth_url = "http://127.0.0.1:9";
  return e;
}

std::string Header(const http::Request& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

const char* kTokens = R"({"access_token":"eyJA","refresh_token":"v1.R","id_token":"eyJI",
                          "token_type":"Bearer","expires_in":172800})";

TEST(Login, MethodNamesRoundTrip) {
  for (Method m : {Method::kPkce, Method::kPasswordGrant, Method::kToken, Method::kLegacy}) {
    EXPECT_EQ(ParseMethod(MethodName(m)).value(), m);
  }
  EXPECT_EQ(ParseMethod("oauth").status().code(), ErrorCode::kInvalidArgument);
}

TEST(Login, AuthHeadersBearerOrLegacyCookie) {
  Credentials c;
  c.access_token = "eyJx";
  EXPECT_EQ(AuthHeaders(c), (std::vector<http::Header>{{"Authorization", "Bearer eyJx"}}));
  Credentials legacy;
  legacy.method = Method::kLegacy;
  legacy.session_id = "s1";
  EXPECT_EQ(AuthHeaders(legacy), (std::vector<http::Header>{{"Cookie", "peloton_session_id=s1"}}));
}

TEST(Login, TokenMethodTrimsAndReadsJwtExpiry) {
  FakeTransport transport([](const http::Request&) -> StatusOr<http::Response> {
    ADD_FAILURE() << "the token method makes no request";
    return Status(ErrorCode::kNetwork, "no");
  });
  const std::string jwt =
      pelo::Base64UrlEncode("{}") + "." + pelo::Base64UrlEncode(R"({"exp":1900000000})") + ".sig";
  LoginInput input{Method::kToken, "", "", "  Bearer " + jwt + "\n"};
  auto c = Login(transport, TestEndpoints(), input);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->access_token, jwt);
  EXPECT_EQ(c->expires_at, 1900000000);
  EXPECT_EQ(c->method, Method::kToken);
  for (const char* bad : {"", "   \t", "abc def"}) {
    auto r = Login(transport, TestEndpoints(), LoginInput{Method::kToken, "", "", bad});
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidArgument) << bad;
  }
}

TEST(Login, PasswordGrantSendsMobileClientAndMapsWrongPassword) {
  bool wrong = false;
  FakeTransport transport([&](const http::Request&) -> StatusOr<http::Response> {
    if (wrong) return JsonResponse(403, R"({"error":"invalid_grant"})");
    return JsonResponse(200, kTokens);
  });
  auto c = Login(transport, TestEndpoints(),
                 LoginInput{Method::kPasswordGrant, "me@example.com", kPassword, ""});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->access_token, "eyJA");
  EXPECT_EQ(c->client_id, kMobileClientId);
  EXPECT_GT(c->expires_at, 0);
  const http::Request sent = transport.requests().at(0);
  EXPECT_EQ(sent.url, "http://127.0.0.1:9/oauth/token");
  EXPECT_TRUE(sent.sensitive);
  const auto body = nlohmann::json::parse(sent.body);
  EXPECT_EQ(body["grant_type"], "password");
  EXPECT_EQ(body["client_id"], kMobileClientId);
  EXPECT_EQ(body["scope"], "offline_access openid");
  EXPECT_EQ(body["username"], "me@example.com");
  EXPECT_EQ(body["password"], kPassword);
  wrong = true;
  auto bad = Login(transport, TestEndpoints(),
                   LoginInput{Method::kPasswordGrant, "me@example.com", kPassword, ""});
  EXPECT_EQ(bad.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(bad.status().message().find(kPassword), std::string::npos);
}

TEST(Login, LegacyRetiredEndpointSaysUsePkce) {
  FakeTransport transport([](const http::Request&) -> StatusOr<http::Response> {
    return JsonResponse(
        403,
        R"({"status":403,"message":"Access forbidden. Endpoint no longer accepting requests."})");
  });
  auto r =
      Login(transport, TestEndpoints(), LoginInput{Method::kLegacy, "me@x.com", kPassword, ""});
  ASSERT_EQ(r.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(r.status().message().find("--method pkce"), std::string::npos);
  const auto body = nlohmann::json::parse(transport.requests().at(0).body);
  EXPECT_EQ(body["username_or_email"], "me@x.com");
  EXPECT_EQ(body["with_pubsub"], false);
}

TEST(Login, LegacySessionFromBodyOrCookie) {
  FakeTransport transport([](const http::Request&) -> StatusOr<http::Response> {
    http::Response r = JsonResponse(200, R"({"user_id":"u9","pubsub_session":{}})");
    r.headers.emplace_back("Set-Cookie", "peloton_session_id=abc123; Path=/; HttpOnly");
    return r;
  });
  auto c =
      Login(transport, TestEndpoints(), LoginInput{Method::kLegacy, "me@x.com", kPassword, ""});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->session_id, "abc123");
  EXPECT_EQ(c->user_id, "u9");
}

TEST(Refresh, WebClientUsesFormAndMobileUsesJson) {
  FakeTransport transport([](const http::Request&) -> StatusOr<http::Response> {
    return JsonResponse(200, R"({"access_token":"eyJnew","expires_in":60})");
  });
  Credentials web;
  web.method = Method::kPkce;
  web.access_token = "eyJold";
  web.refresh_token = "v1.web";
  web.client_id = kWebClientId;
  web.user_id = "u1";
  auto next = Refresh(transport, TestEndpoints(), web);
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->access_token, "eyJnew");
  EXPECT_EQ(next->refresh_token, "v1.web");  // kept when not rotated
  EXPECT_EQ(next->user_id, "u1");
  const http::Request form = transport.requests().at(0);
  EXPECT_EQ(Header(form, "Content-Type"), "application/x-www-form-urlencoded; charset=utf-8");
  EXPECT_EQ(http::ParseQuery(form.body), (http::QueryParams{{"grant_type", "refresh_token"},
                                                            {"client_id", kWebClientId},
                                                            {"refresh_token", "v1.web"}}));
  Credentials mobile = web;
  mobile.method = Method::kPasswordGrant;
  mobile.client_id = kMobileClientId;
  ASSERT_TRUE(Refresh(transport, TestEndpoints(), mobile).ok());
  const auto body = nlohmann::json::parse(transport.requests().at(1).body);
  EXPECT_EQ(body["grant_type"], "refresh_token");
  EXPECT_EQ(body["client_id"], kMobileClientId);
  EXPECT_EQ(body["redirect_uri"], kRedirectUri);
}

TEST(Refresh, RefusedOrMissingTokenIsSessionExpired) {
  FakeTransport transport([](const http::Request&) -> StatusOr<http::Response> {
    return JsonResponse(403, R"({"error":"invalid_grant"})");
  });
  Credentials c;
  c.access_token = "eyJ";
  EXPECT_EQ(Refresh(transport, TestEndpoints(), c).status().code(), ErrorCode::kUnauthenticated);
  c.refresh_token = "v1.secret-refresh";
  auto r = Refresh(transport, TestEndpoints(), c);
  EXPECT_EQ(r.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(r.status().message().find("pelo login"), std::string::npos);
  EXPECT_EQ(r.status().message().find("secret-refresh"), std::string::npos);
}

// The whole §2.2 dance against scripted responses: checks every hop's request.
TEST(Login, PkceWalksRedirectsCookiesFormAndCode) {
  std::string challenge;
  FakeTransport transport([&](const http::Request& r) -> StatusOr<http::Response> {
    const std::string path = http::PathAndQuery(r.url);
    http::Response res;
    if (path.rfind("/authorize?", 0) == 0) {
      challenge = http::QueryValue(r.url, "code_challenge");
      res.status = 302;
      res.headers = {{"Location", "/login?state=server-state&client=x"},
                     {"Set-Cookie", "_csrf=csrf-token; Path=/usernamepassword/login"},
                     {"Set-Cookie", "did=d1; Path=/"}};
    } else if (path.rfind("/login?", 0) == 0) {
      res.status = 200;
      res.body = "<html>login page</html>";
    } else if (path == "/usernamepassword/login") {
      res.status = 200;
      res.body = R"(<form method="post" action="https://auth.onepeloton.com/login/callback">
        <input type="hidden" name="wresult" value="&#34;r&#34;"><input name="wctx" value="c"></form>)";
    } else if (path == "/login/callback") {
      res.status = 302;
      res.headers = {{"Location", "/authorize/resume?state=server-state"}};
    } else if (path.rfind("/authorize/resume", 0) == 0) {
      res.status = 302;
      res.headers = {
          {"Location", "https://members.onepeloton.com/callback?code=the-code&state=server-state"}};
    } else if (path == "/oauth/token") {
      return JsonResponse(200, kTokens);
    } else {
      res.status = 404;
    }
    return res;
  });
  auto c =
      Login(transport, TestEndpoints(), LoginInput{Method::kPkce, "me@example.com", kPassword, ""});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->method, Method::kPkce);
  EXPECT_EQ(c->client_id, kWebClientId);
  EXPECT_EQ(c->refresh_token, "v1.R");

  const auto reqs = transport.requests();
  ASSERT_EQ(reqs.size(), 6u);
  const http::Request& authorize = reqs[0];
  EXPECT_EQ(http::QueryValue(authorize.url, "client_id"), kWebClientId);
  EXPECT_EQ(http::QueryValue(authorize.url, "scope"), kWebScope);
  EXPECT_EQ(http::QueryValue(authorize.url, "code_challenge_method"), "S256");
  EXPECT_FALSE(authorize.follow_redirects);
  const http::Request& login = reqs[2];
  EXPECT_EQ(Header(login, "Cookie"), "_csrf=csrf-token; did=d1");
  EXPECT_EQ(Header(login, "Origin"), "http://127.0.0.1:9");
  EXPECT_EQ(Header(login, "Referer"), "http://127.0.0.1:9/login?state=server-state&client=x");
  EXPECT_FALSE(Header(login, "Auth0-Client").empty());
  const auto body = nlohmann::json::parse(login.body);
  EXPECT_EQ(body["_csrf"], "csrf-token");
  EXPECT_EQ(body["state"], "server-state");
  EXPECT_EQ(body["username"], "me@example.com");
  EXPECT_EQ(body["connection"], "pelo-user-password");
  EXPECT_EQ(body["tenant"], "peloton-prod");
  const http::Request& form = reqs[3];
  EXPECT_EQ(form.url, "http://127.0.0.1:9/login/callback");  // rebased onto the auth url
  EXPECT_EQ(http::ParseQuery(form.body), (http::QueryParams{{"wresult", "\"r\""}, {"wctx", "c"}}));
  const auto token = nlohmann::json::parse(reqs[5].body);
  EXPECT_EQ(token["grant_type"], "authorization_code");
  EXPECT_EQ(token["code"], "the-code");
  EXPECT_EQ(oauth2::CodeChallenge(token["code_verifier"].get<std::string>()), challenge);
  for (const auto& r : reqs) EXPECT_TRUE(r.sensitive);
}

TEST(Login, PkceWrongPasswordIsUnauthenticatedWithoutSecrets) {
  FakeTransport transport([](const http::Request& r) -> StatusOr<http::Response> {
    http::Response res;
    if (http::PathAndQuery(r.url).rfind("/authorize", 0) == 0) {
      res.status = 200;
      res.headers = {{"Set-Cookie", "_csrf=c; Path=/usernamepassword/login"}};
      return res;
    }
    return JsonResponse(401, R"({"name":"ValidationError","code":"invalid_user_password"})");
  });
  auto r = Login(transport, TestEndpoints(), LoginInput{Method::kPkce, "me@x.com", kPassword, ""});
  ASSERT_EQ(r.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(r.status().message().find("wrong email or password"), std::string::npos);
  EXPECT_EQ(r.status().message().find(kPassword), std::string::npos);
}

TEST(Login, PkceWithoutCsrfCookieIsApiError) {
  FakeTransport transport([](const http::Request&) -> StatusOr<http::Response> {
    http::Response res;
    res.status = 200;
    return res;
  });
  auto r = Login(transport, TestEndpoints(), LoginInput{Method::kPkce, "me@x.com", kPassword, ""});
  EXPECT_EQ(r.status().code(), ErrorCode::kApi);
  EXPECT_EQ(r.status().message(), "no _csrf cookie from /authorize");
}

}  // namespace
}  // namespace pelo::auth
