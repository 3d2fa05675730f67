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

// The issue's body: an escaped quote before the secret lost the old hand-written scanner its
// place, and the password was logged.
TEST(Redact, AnEscapedQuoteBeforeASecretDoesNotHideIt) {
  const std::string out = RedactBody(R"({"note":"a \"b", "password":"hunter2"})");
  EXPECT_EQ(out.find("hunter2"), std::string::npos) << out;
  EXPECT_EQ(out, R"({"note":"a \"b","password":"<redacted>"})");
  const std::string quoted_key = RedactBody(R"({"say \"password\"":"x","token":"t0k3n"})");
  EXPECT_EQ(quoted_key.find("t0k3n"), std::string::npos) << quoted_key;
}

// Keys are compared as the JSON parser decodes them: "pass\u0077ord" is password.
TEST(Redact, KeysSpelledWithUnicodeEscapesAreSeen) {
  const std::string out = RedactBody(
      R"({"pass\u0077ord":"hunter2","\u0061ccess_token":"eyJx","refresh\u005ftoken":"v1.r",)"
      R"("name":"R\u00e9my"})");
  for (const char* secret : {"hunter2", "eyJx", "v1.r"}) {
    EXPECT_EQ(out.find(secret), std::string::npos) << secret << " in " << out;
  }
  EXPECT_NE(out.find("R\u00e9my"), std::string::npos) << out;
}

// At any depth, inside arrays of arrays, whatever the secret's value is (objects, numbers).
TEST(Redact, SecretsInNestedArraysAndObjectsOfAnyType) {
  const std::string out = RedactBody(
      R"([{"a":[{"refresh_token":"r1-secret"}]},[[{"session":{"sessionId":"s1-secret"}}]],)"
      R"({"password":{"old":"p1-secret","new":["p2-secret"]}},{"api_key":987654321},)"
      R"({"title":"Climb"}])");
  for (const char* secret : {"r1-secret", "s1-secret", "p1-secret", "p2-secret", "987654321"}) {
    EXPECT_EQ(out.find(secret), std::string::npos) << secret << " in " << out;
  }
  EXPECT_NE(out.find(R"({"title":"Climb"})"), std::string::npos) << out;
}

// What is neither JSON nor a form cannot be told apart: only its size is logged.
TEST(Redact, BodiesThatAreNotJsonAreDescribedNotLogged) {
  EXPECT_EQ(RedactBody("password hunter2"), "<16 bytes of non-JSON body>");
  EXPECT_EQ(RedactBody(R"({"password":"hunter2")"), "<21 bytes of non-JSON body>");
  EXPECT_EQ(RedactBody(R"({"note":"a \"b", "password":hunter2})"), "<36 bytes of non-JSON body>");
  EXPECT_EQ(RedactBody("<html><input name=_csrf value=c5rf></html>"),
            "<42 bytes of non-JSON body>");
  EXPECT_EQ(RedactBody(""), "");
}

// A form key is compared percent-decoded, as the server reads it; a URL's fragment (where an
// implicit grant puts its token) is redacted as its query is.
TEST(Redact, FormAndQueryKeysArePercentDecoded) {
  EXPECT_EQ(RedactBody("pass%77ord=hunter2&Client_Secret=cs&x=1"),
            "pass%77ord=<redacted>&Client_Secret=<redacted>&x=1");
  EXPECT_EQ(RedactUrl("https://m/cb?access%5Ftoken=t&state=s#id_token=j&x=1"),
            "https://m/cb?access%5Ftoken=<redacted>&state=s#id_token=<redacted>&x=1");
}

}  // namespace
}  // namespace pelo::http
