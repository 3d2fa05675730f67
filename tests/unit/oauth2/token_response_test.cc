// The OAuth token answer -> Tokens (oauth2/tokens.h), where the server picks the number types.
#include <gtest/gtest.h>

#include "pelo/oauth2/tokens.h"

namespace pelo::oauth2 {
namespace {

constexpr int64_t kNow = 1'700'000'000;
// A JWT whose `exp` claim is 1893456000.
constexpr const char* kJwt = "eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE4OTM0NTYwMDB9.c2ln";

int64_t ExpiresAt(const std::string& expires_in) {
  auto credentials = ParseTokenResponse(
      std::string(R"({"access_token":")") + kJwt + R"(","expires_in":)" + expires_in + "}", kNow,
      "POST /oauth/token");
  EXPECT_TRUE(credentials.ok()) << credentials.status().ToString();
  return credentials.ok() ? credentials->expires_at : -1;
}

TEST(TokenResponse, ExpiresInCountsFromNow) {
  EXPECT_EQ(ExpiresAt("86400"), kNow + 86400);
  EXPECT_EQ(ExpiresAt("60.5"), kNow + 60);
}

// A float out of int64 range, or a lifetime that overflows the epoch, was undefined behaviour
// (clang's UBSan on fuzz/corpus/token_response/odd_error.json). The JWT's own claim is used.
TEST(TokenResponse, UnusableExpiresInFallsBackToTheJwt) {
  EXPECT_EQ(ExpiresAt("1e300"), 1893456000);
  EXPECT_EQ(ExpiresAt("9223372036854775807"), 1893456000);
  EXPECT_EQ(ExpiresAt("\"3600\""), 1893456000);
}

// Strava sends an absolute `expires_at` beside `expires_in`; alone, it is used as it is.
TEST(TokenResponse, AnAbsoluteExpiresAtWhenThereIsNoLifetime) {
  auto tokens = ParseTokenResponse(
      R"({"access_token":"opaque","refresh_token":"r2","expires_at":1700021600,"scope":"read"})",
      kNow, "POST /oauth/token");
  ASSERT_TRUE(tokens.ok()) << tokens.status().ToString();
  EXPECT_EQ(tokens->expires_at, 1700021600);
  EXPECT_EQ(tokens->refresh_token, "r2");
  EXPECT_EQ(tokens->scope, "read");
  EXPECT_EQ(ExpiresAt("60"), kNow + 60) << "expires_in first";
}

TEST(TokenResponse, NoAccessTokenIsAnApiError) {
  auto credentials = ParseTokenResponse(R"({"expires_in":1})", kNow, "POST /oauth/token");
  ASSERT_FALSE(credentials.ok());
  EXPECT_EQ(credentials.status().code(), ErrorCode::kApi);
}

}  // namespace
}  // namespace pelo::oauth2
