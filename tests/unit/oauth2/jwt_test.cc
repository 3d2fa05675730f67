#include "pelo/oauth2/jwt.h"

#include <gtest/gtest.h>

#include "pelo/common/base64.h"

namespace pelo::oauth2 {
namespace {

std::string MakeJwt(const std::string& payload) {
  return Base64UrlEncode(R"({"alg":"RS256","typ":"JWT"})") + "." + Base64UrlEncode(payload) +
         ".c2lnbmF0dXJl";
}

TEST(Jwt, ReadsExpClaim) {
  EXPECT_EQ(JwtExpiry(MakeJwt(R"({"sub":"u","exp":1893456000,"iat":1})")), 1893456000);
}

TEST(Jwt, NotAJwtOrNoExpIsNullopt) {
  EXPECT_FALSE(JwtExpiry("opaque-token").has_value());
  EXPECT_FALSE(JwtExpiry("a.b").has_value());
  EXPECT_FALSE(JwtExpiry(MakeJwt(R"({"sub":"u"})")).has_value());
  EXPECT_FALSE(JwtExpiry(MakeJwt("not json")).has_value());
  EXPECT_FALSE(JwtExpiry("x.!!!.y").has_value());
}

// get<int64_t>() of 1.5e300 was undefined behaviour (clang's UBSan on the jwt fuzz target's
// fuzz/corpus/jwt/float_exp.txt). A number that fits is truncated; one that does not is no expiry.
TEST(Jwt, ExpThatIsAFloatOrOutOfRange) {
  EXPECT_EQ(JwtExpiry(MakeJwt(R"({"exp":1893456000.9})")), 1893456000);
  EXPECT_FALSE(JwtExpiry(MakeJwt(R"({"exp":1.5e300})")).has_value());
  EXPECT_FALSE(JwtExpiry(MakeJwt(R"({"exp":9223372036854775808})")).has_value());
  EXPECT_FALSE(JwtExpiry(MakeJwt(R"({"exp":-9223372036854775809})")).has_value());
  EXPECT_FALSE(JwtExpiry(MakeJwt(R"({"exp":"1893456000"})")).has_value());
}

}  // namespace
}  // namespace pelo::oauth2
