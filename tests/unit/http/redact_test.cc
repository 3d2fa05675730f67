#include "pelo/http/redact.h"

#include <gtest/gtest.h>

#include "pelo/http/transport.h"

namespace pelo::http {
namespace {

TEST(Redact, SecretHeadersAreMasked) {
  std::vector<Header> headers = {{"Authorization", "Bearer eyJsecret"},
                                 {"cookie", "peloton_session_id=abc"},
                                 {"Set-Cookie", "_csrf=zzz; Path=/"},
                                 {"Accept", "application/json"}};
  auto out = RedactHeaders(headers);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(out[i].second, kRedacted);
  EXPECT_EQ(out[3].second, "application/json");
}

TEST(Redact, JsonSecretFieldsAreMasked) {
  const std::string body =
      R"({"username":"me@x.com","password":"hunter\"2","access_token" : "eyJabc",)"
      R"("nested":{"refresh_token":"v1.r"},"code":"c0de","count":3,"_csrf":"tok"})";
  const std::string out = RedactBody(body);
  EXPECT_EQ(out.find("hunter"), std::string::npos);
  EXPECT_EQ(out.find("eyJabc"), std::string::npos);
  EXPECT_EQ(out.find("v1.r"), std::string::npos);
  EXPECT_EQ(out.find("c0de"), std::string::npos);
  EXPECT_EQ(out.find("\"tok\""), std::string::npos);
  EXPECT_NE(out.find("me@x.com"), std::string::npos);
  EXPECT_NE(out.find("\"count\":3"), std::string::npos);
}

TEST(Redact, CredentialsAreMaskedInAnySpelling) {
  for (const char* field : {"refreshToken", "accessToken", "facebook_access_token", "sessionId",
                            "X-Api-Key", "api_key", "csrfToken", "new_password", "PasswordHint",
                            "client_secret", "Set-Cookie", "proxy_authorization"}) {
    EXPECT_TRUE(IsSecretField(field)) << field;
  }
  for (const char* field : {"token_type", "join_tokens", "expires_in", "is_session", "username",
                            "state", "client_id"}) {
    EXPECT_FALSE(IsSecretField(field)) << field;
  }
  const std::string out = RedactBody(R"({"data":{"streamToken":"s3cr3t","tokenType":"Bearer"}})");
  EXPECT_EQ(out.find("s3cr3t"), std::string::npos) << out;
  EXPECT_NE(out.find("Bearer"), std::string::npos) << out;
}

TEST(Redact, FormAndUrlSecretFieldsAreMasked) {
  EXPECT_EQ(RedactBody("grant_type=refresh_token&refresh_token=v1.abc&client_id=x"),
            "grant_type=refresh_token&refresh_token=<redacted>&client_id=x");
  EXPECT_EQ(RedactUrl("https://m/callback?code=abc&state=s#f"),
            "https://m/callback?code=<redacted>&state=s#f");
  EXPECT_EQ(RedactUrl("https://m/plain"), "https://m/plain");
}

}  // namespace
}  // namespace pelo::http
