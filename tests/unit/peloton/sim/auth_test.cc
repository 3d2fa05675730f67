// Auth emulation over real HTTP: Auth0 PKCE by hand, password and refresh grants, expiry, legacy.
#include <openssl/sha.h>

#include <chrono>
#include <thread>

#include "peloton/sim/state/crypto.h"
#include "sim_test_util.h"

namespace pelo::sim {
namespace {

using nlohmann::json;
using testing::Bearer;
using testing::GetJson;
using testing::kMobileClient;
using testing::kWebClient;

constexpr const char* kRedirect = "https://members.onepeloton.com/callback";
constexpr const char* kNotLoggedIn =
    R"({"details":null,"error_code":3020,"message":"Not logged in","status":401,"subcode":null})";

std::string Challenge(const std::string& verifier) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(verifier.data()), verifier.size(), digest);
  return Base64UrlEncode(std::string(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

// The value of `name=` in a query string or URL.
std::string QueryValue(const std::string& url, const std::string& name) {
  const size_t pos = url.find(name + "=");
  if (pos == std::string::npos) return "";
  const size_t start = pos + name.size() + 1;
  return url.substr(start, url.find('&', start) - start);
}

std::string HiddenInput(const std::string& html, const std::string& name) {
  const std::string marker = "name=\"" + name + "\" value=\"";
  const size_t pos = html.find(marker);
  if (pos == std::string::npos) return "";
  const size_t start = pos + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

std::string Unescape(std::string s) {
  for (size_t pos; (pos = s.find("&#34;")) != std::string::npos;) s.replace(pos, 5, "\"");
  return s;
}

class AuthTest : public ::testing::Test {
 protected:
  void Start(Options options) {
    server_ = testing::StartServer(options);
    ASSERT_NE(server_, nullptr);
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
  }
  void SetUp() override { Start(testing::SmallOptions(5)); }

  // Runs authorize -> login -> callback -> resume; returns the final Location (with the code).
  std::string BrowserLogin(const std::string& password, const std::string& challenge,
                           int* login_status = nullptr);

  json TokenRequest(const json& body, int expected_status) {
    auto res = client_->Post("/oauth/token", body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return nullptr;
    EXPECT_EQ(res->status, expected_status) << res->body;
    return json::parse(res->body, nullptr, false);
  }

  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
};

std::string AuthTest::BrowserLogin(const std::string& password, const std::string& challenge,
                                   int* login_status) {
  const std::string authorize =
      std::string("/authorize?client_id=") + kWebClient +
      "&audience=https%3A%2F%2Fapi.onepeloton.com%2F&scope=offline_access%20openid"
      "&response_type=code&response_mode=query&redirect_uri=" +
      kRedirect + "&state=client-state-1&nonce=n0nce&code_challenge=" + challenge +
      "&code_challenge_method=S256&auth0Client=eyJ9";
  auto res = client_->Get(authorize.c_str());
  EXPECT_EQ(res->status, 302);
  const std::string login_url = res->get_header_value("Location");
  EXPECT_EQ(login_url.rfind("/login?state=", 0), 0u) << "relative, as Auth0 answers";
  std::string csrf;
  for (size_t i = 0; i < res->get_header_value_count("Set-Cookie"); ++i) {
    const std::string cookie = res->get_header_value("Set-Cookie", i);
    if (cookie.rfind("_csrf=", 0) != 0) continue;
    csrf = cookie.substr(6, cookie.find(';') - 6);
    EXPECT_NE(cookie.find("Path=/usernamepassword/login"), std::string::npos);
    EXPECT_EQ(cookie.find("Domain"), std::string::npos);
  }
  EXPECT_FALSE(csrf.empty());
  const std::string state = QueryValue(login_url, "state");
  EXPECT_EQ(client_->Get(login_url.c_str())->status, 200);
  const json body = {{"client_id", kWebClient},
                     {"redirect_uri", kRedirect},
                     {"tenant", "peloton-prod"},
                     {"response_type", "code"},
                     {"_csrf", csrf},
                     {"state", state},
                     {"nonce", "n0nce"},
                     {"username", "Demo@Example.com"},
                     {"password", password},
                     {"connection", "pelo-user-password"},
                     {"code_challenge", challenge},
                     {"code_challenge_method", "S256"}};
  res = client_->Post("/usernamepassword/login", {{"Cookie", "_csrf=" + csrf}}, body.dump(),
                      "application/json");
  if (login_status) *login_status = res->status;
  if (res->status != 200) return res->body;
  EXPECT_NE(res->body.find("name=\"hiddenform\""), std::string::npos);
  EXPECT_EQ(HiddenInput(res->body, "wa"), "wsignin1.0");
  const std::string wresult = HiddenInput(res->body, "wresult");
  EXPECT_NE(wresult.find("&#34;"), std::string::npos) << "entity-encoded JSON";
  const httplib::Params form = {{"wa", "wsignin1.0"},
                                {"wresult", Unescape(wresult)},
                                {"wctx", Unescape(HiddenInput(res->body, "wctx"))}};
  res = client_->Post("/login/callback", form);
  EXPECT_EQ(res->status, 302);
  const std::string resume = res->get_header_value("Location");
  EXPECT_EQ(resume.rfind("/authorize/resume?state=", 0), 0u);
  res = client_->Get(resume.c_str());
  EXPECT_EQ(res->status, 302);
  return res->get_header_value("Location");
}

TEST_F(AuthTest, ApiWithoutValidTokenIs401NotLoggedIn) {
  for (const httplib::Headers& headers : {httplib::Headers{}, Bearer("garbage"), Bearer("a.b.c"),
                                          httplib::Headers{{"Cookie", "peloton_session_id=abc"}}}) {
    auto res = client_->Get("/api/me", headers);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    EXPECT_EQ(json::parse(res->body), json::parse(kNotLoggedIn));
  }
}

TEST_F(AuthTest, PkceChallengeMatchesRfc7636Example) {
  EXPECT_EQ(Challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
}

TEST_F(AuthTest, FullPkceFlowByHand) {
  const std::string verifier(64, 'v');
  const std::string final_url = BrowserLogin("demo", Challenge(verifier));
  EXPECT_EQ(final_url.rfind(std::string(kRedirect) + "?code=", 0), 0u) << final_url;
  EXPECT_EQ(QueryValue(final_url, "state"), "client-state-1");
  const std::string code = QueryValue(final_url, "code");
  const json exchange = {{"grant_type", "authorization_code"},
                         {"client_id", kWebClient},
                         {"code_verifier", verifier},
                         {"code", code},
                         {"redirect_uri", kRedirect}};
  const json tokens = TokenRequest(exchange, 200);
  EXPECT_EQ(tokens["token_type"], "Bearer");
  EXPECT_EQ(tokens["expires_in"], 172800);
  EXPECT_FALSE(tokens["refresh_token"].get<std::string>().empty());
  const json me = GetJson(*client_, "/api/me", tokens["access_token"].get<std::string>());
  EXPECT_EQ(me["email"], "demo@example.com");
  EXPECT_EQ(TokenRequest(exchange, 403)["error"], "invalid_grant") << "codes are single-use";
  EXPECT_EQ(client_->Get("/callback?code=x")->status, 200);
}

TEST_F(AuthTest, PkceWithWrongVerifierIsInvalidGrant) {
  const std::string final_url = BrowserLogin("demo", Challenge(std::string(64, 'a')));
  const json exchange = {{"grant_type", "authorization_code"},
                         {"client_id", kWebClient},
                         {"code_verifier", std::string(64, 'b')},
                         {"code", QueryValue(final_url, "code")},
                         {"redirect_uri", kRedirect}};
  EXPECT_EQ(TokenRequest(exchange, 403)["error"], "invalid_grant");
}

TEST_F(AuthTest, WrongPasswordOnHostedLogin) {
  int status = 0;
  const json body = json::parse(BrowserLogin("nope", Challenge("x"), &status));
  EXPECT_EQ(status, 401);
  EXPECT_EQ(body["code"], "invalid_user_password");
  EXPECT_EQ(body["description"], "Wrong email or password.");
}

TEST_F(AuthTest, PasswordGrantNeedsTheMobileClientAndTheRightPassword) {
  json grant = {{"grant_type", "password"},
                {"client_id", kWebClient},
                {"username", "demo@example.com"},
                {"password", "demo"},
                {"scope", "openid"}};
  const json refused = TokenRequest(grant, 400);
  EXPECT_EQ(refused["error"], "unauthorized_client");
  EXPECT_EQ(refused["error_description"], "Grant type 'password' not allowed for the client.");
  grant["client_id"] = kMobileClient;
  grant["password"] = "wrong";
  EXPECT_EQ(TokenRequest(grant, 403)["error_description"], "Wrong email or password.");
  // Form-encoded works too.
  auto res = client_->Post("/oauth/token", httplib::Params{{"grant_type", "password"},
                                                           {"client_id", kMobileClient},
                                                           {"username", "demo@example.com"},
                                                           {"password", "demo"}});
  ASSERT_EQ(res->status, 200);
  GetJson(*client_, "/api/me", json::parse(res->body)["access_token"].get<std::string>());
}

TEST_F(AuthTest, RefreshGivesAWorkingTokenAndUnknownRefreshIsRejected) {
  const json grant = {{"grant_type", "password"},
                      {"client_id", kMobileClient},
                      {"username", "demo@example.com"},
                      {"password", "demo"}};
  const json tokens = TokenRequest(grant, 200);
  auto res = client_->Post("/oauth/token",
                           "grant_type=refresh_token&client_id=" + std::string(kMobileClient) +
                               "&refresh_token=" + tokens["refresh_token"].get<std::string>(),
                           "application/x-www-form-urlencoded; charset=utf-8");
  ASSERT_EQ(res->status, 200) << res->body;
  const json refreshed = json::parse(res->body);
  EXPECT_NE(refreshed["access_token"], tokens["access_token"]);
  GetJson(*client_, "/api/me", refreshed["access_token"].get<std::string>());
  const json bogus = {{"grant_type", "refresh_token"},
                      {"client_id", kMobileClient},
                      {"refresh_token", "v1.unknown"}};
  EXPECT_EQ(TokenRequest(bogus, 403)["error"], "invalid_grant");
}

// POST /oauth/revoke as Auth0 serves it (RFC 7009): a revoked refresh token fails exactly as one
// --revoke-refresh-after retired; the access tokens already issued keep working until they
// expire (they are self-contained JWTs).
TEST_F(AuthTest, RevokedRefreshTokenIsInvalidGrantFromThenOn) {
  const json grant = {{"grant_type", "password"},
                      {"client_id", kMobileClient},
                      {"username", "demo@example.com"},
                      {"password", "demo"}};
  const json tokens = TokenRequest(grant, 200);
  const std::string refresh_token = tokens["refresh_token"];
  const json refresh = {{"grant_type", "refresh_token"},
                        {"client_id", kMobileClient},
                        {"refresh_token", refresh_token}};
  TokenRequest(refresh, 200);
  const json revoke = {{"client_id", kMobileClient}, {"token", refresh_token}};
  auto res = client_->Post("/oauth/revoke", revoke.dump(), "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "");
  const json refused = TokenRequest(refresh, 403);
  EXPECT_EQ(refused["error"], "invalid_grant");
  EXPECT_EQ(refused["error_description"], "Unknown or invalid refresh token.");
  GetJson(*client_, "/api/me", tokens["access_token"].get<std::string>());
  // Revoking again, or a token never issued, is still 200 (nothing is revealed); form-encoded too.
  res = client_->Post("/oauth/revoke",
                      httplib::Params{{"client_id", kMobileClient}, {"token", refresh_token}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  res =
      client_->Post("/oauth/revoke", json{{"client_id", kWebClient}, {"token", "v1.never"}}.dump(),
                    "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

// The client id is checked: an unknown client is refused, and another client's token is left
// alone (200 all the same, as Auth0 answers).
TEST_F(AuthTest, RevokeChecksTheClientId) {
  const json tokens = TokenRequest({{"grant_type", "password"},
                                    {"client_id", kMobileClient},
                                    {"username", "demo@example.com"},
                                    {"password", "demo"}},
                                   200);
  const std::string refresh_token = tokens["refresh_token"];
  auto revoke = [this, &refresh_token](const std::string& client_id, int status) {
    json body = {{"token", refresh_token}};
    if (!client_id.empty()) body["client_id"] = client_id;
    auto res = client_->Post("/oauth/revoke", body.dump(), "application/json");
    EXPECT_TRUE(res);
    if (!res) return json();
    EXPECT_EQ(res->status, status) << res->body;
    return json::parse(res->body, nullptr, false);
  };
  EXPECT_EQ(revoke("", 400)["error"], "invalid_request");
  EXPECT_EQ(revoke("not-a-client", 401)["error"], "invalid_client");
  revoke(kWebClient, 200);
  const json refresh = {{"grant_type", "refresh_token"},
                        {"client_id", kMobileClient},
                        {"refresh_token", refresh_token}};
  TokenRequest(refresh, 200);  // still valid: the web client cannot revoke the mobile's token
  auto no_token =
      client_->Post("/oauth/revoke", json{{"client_id", kMobileClient}}.dump(), "application/json");
  ASSERT_TRUE(no_token);
  EXPECT_EQ(no_token->status, 400);
}

// Faults are for /api/*: logout's revocation always gets a real answer.
TEST_F(AuthTest, RevokeIsNeverFaulted) {
  Options options = testing::SmallOptions(5);
  options.faults = "500:1";
  Start(options);
  const std::string refresh_token = TokenRequest({{"grant_type", "password"},
                                                  {"client_id", kMobileClient},
                                                  {"username", "demo@example.com"},
                                                  {"password", "demo"}},
                                                 200)["refresh_token"];
  EXPECT_EQ(client_->Get("/api/me")->status, 500) << "every /api request is faulted";
  for (int i = 0; i < 10; ++i) {
    auto res = client_->Post("/oauth/revoke",
                             json{{"client_id", kMobileClient}, {"token", refresh_token}}.dump(),
                             "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
  }
  for (const RecordedRequest& r : server_->Requests()) {
    if (r.path == "/oauth/revoke") {
      EXPECT_EQ(r.fault, "");
    }
  }
}

TEST_F(AuthTest, AccessTokensExpireAfterTheTtl) {
  // `exp` is whole seconds (issue second + TTL, refused from that second on), as Auth0's: a
  // token lives between TTL - 1 and TTL seconds. With a TTL of 1 s one issued late in a second
  // could expire before the first request reached the server; with 2 it lives at least 1 s.
  Options options = testing::SmallOptions(5);
  options.token_ttl_s = 2;
  Start(options);
  const std::string token = testing::PasswordToken(*client_);
  EXPECT_EQ(client_->Get("/api/me", Bearer(token))->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_EQ(client_->Get("/api/me", Bearer(token))->status, 401);
}

TEST_F(AuthTest, LegacyLoginIsForbiddenByDefault) {
  const json body = {{"username_or_email", "demo@example.com"}, {"password", "demo"}};
  for (const char* path : {"/auth/login", "/auth/login?="}) {
    auto res = client_->Post(path, body.dump(), "application/json");
    EXPECT_EQ(res->status, 403);
    EXPECT_EQ(json::parse(res->body)["message"],
              "Access forbidden. Endpoint no longer accepting requests.");
  }
}

TEST_F(AuthTest, LegacyLoginWithTheFlagGivesASessionCookie) {
  Options options = testing::SmallOptions(5);
  options.legacy_auth = true;
  Start(options);
  json body = {{"username_or_email", "demo@example.com"}, {"password", "bad"}};
  auto res = client_->Post("/auth/login", body.dump(), "application/json");
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(json::parse(res->body)["error_code"], 3010);
  body["password"] = "demo";
  res = client_->Post("/auth/login?=", body.dump(), "application/json");
  ASSERT_EQ(res->status, 200);
  const json login = json::parse(res->body);
  EXPECT_EQ(res->get_header_value("Set-Cookie"),
            "peloton_session_id=" + login["session_id"].get<std::string>() + "; Path=/");
  res = client_->Get("/api/me",
                     {{"Cookie", "peloton_session_id=" + login["session_id"].get<std::string>()}});
  ASSERT_EQ(res->status, 200);
  EXPECT_EQ(json::parse(res->body)["id"], login["user_id"]);
}

}  // namespace
}  // namespace pelo::sim
