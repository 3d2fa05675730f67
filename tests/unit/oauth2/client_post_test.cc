// How token and revocation requests are spelled for each kind of provider (no server needed:
// the requests are values).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pelo/http/url.h"
#include "pelo/oauth2/token_endpoint.h"

namespace pelo::oauth2 {
namespace {

std::string Header(const http::Request& r, const std::string& name) {
  for (const auto& [key, value] : r.headers) {
    if (key == name) return value;
  }
  return "";
}

Provider Confidential() {
  Provider p;
  p.token_url = "https://www.strava.com/oauth/token";
  p.client_id = "4242";
  p.client_secret = "s3cret";
  p.redirect_uri = "http://127.0.0.1:8765/cb";
  p.pkce = false;
  return p;
}

TEST(ClientPost, ASecretInTheBodyAsAFormAfterTheGrantType) {
  const http::Request r = CodeExchangeRequest(Confidential(), "c0de", "");
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "https://www.strava.com/oauth/token");
  EXPECT_TRUE(r.sensitive);
  EXPECT_EQ(Header(r, "Content-Type"), "application/x-www-form-urlencoded; charset=utf-8");
  EXPECT_EQ(Header(r, "Accept"), "application/json");
  EXPECT_EQ(Header(r, "Authorization"), "");
  EXPECT_EQ(http::ParseQuery(r.body),
            (http::QueryParams{{"grant_type", "authorization_code"},
                               {"client_id", "4242"},
                               {"client_secret", "s3cret"},
                               {"code", "c0de"},
                               {"redirect_uri", "http://127.0.0.1:8765/cb"}}));
}

// RFC 6749 §2.3.1: the id and secret are form-encoded, then base64 (standard, padded).
TEST(ClientPost, BasicAuthenticationKeepsTheClientOutOfTheBody) {
  Provider p = Confidential();
  p.client_auth = ClientAuth::kBasic;
  p.client_secret = "a:b?";
  const http::Request r = RefreshRequest(p, "r1");
  // base64("4242:a%3Ab%3F")
  EXPECT_EQ(Header(r, "Authorization"), "Basic NDI0MjphJTNBYiUzRg==");
  EXPECT_EQ(http::ParseQuery(r.body),
            (http::QueryParams{{"grant_type", "refresh_token"}, {"refresh_token", "r1"}}));
}

TEST(ClientPost, JsonBodiesAndExtraTokenParameters) {
  Provider p = Confidential();
  p.client_secret.clear();
  p.pkce = true;
  p.encoding = BodyEncoding::kJson;
  p.token_params = {{"audience", "https://api.example.com/"}};
  const http::Request r = CodeExchangeRequest(p, "c0de", "verifier-1");
  EXPECT_EQ(Header(r, "Content-Type"), "application/json");
  EXPECT_EQ(nlohmann::json::parse(r.body),
            (nlohmann::json{{"grant_type", "authorization_code"},
                            {"client_id", "4242"},
                            {"code", "c0de"},
                            {"redirect_uri", "http://127.0.0.1:8765/cb"},
                            {"code_verifier", "verifier-1"},
                            {"audience", "https://api.example.com/"}}));
}

TEST(ReadTokenResponse, RefusalsAreUnauthenticatedOtherFailuresApiErrors) {
  http::Response refused;
  refused.status = 400;
  refused.body = R"({"error":"invalid_grant","error_description":"token r1 is revoked"})";
  auto r = ReadTokenResponse(refused, "POST /oauth/token", 0);
  EXPECT_EQ(r.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(r.status().message(), "POST /oauth/token: HTTP 400 Bad Request (invalid_grant)");
  EXPECT_EQ(r.status().http_status(), 400);
  http::Response down;
  down.status = 502;
  down.body = "<html>bad gateway</html>";
  EXPECT_EQ(ReadTokenResponse(down, "POST /oauth/token", 0).status().message(),
            "POST /oauth/token: HTTP 502 Bad Gateway");
  EXPECT_EQ(ReadTokenResponse(down, "POST /oauth/token", 0).status().code(), ErrorCode::kApi);
}

}  // namespace
}  // namespace pelo::oauth2
