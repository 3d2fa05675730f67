#include "pelo/common/base64.h"

#include <gtest/gtest.h>

namespace pelo {
namespace {

TEST(Base64, IsPaddedWithTheStandardAlphabet) {
  // RFC 4648 §10's vectors, and the two characters where the alphabets differ.
  EXPECT_EQ(Base64Encode(""), "");
  EXPECT_EQ(Base64Encode("f"), "Zg==");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("foo"), "Zm9v");
  EXPECT_EQ(Base64Encode("foob"), "Zm9vYg==");
  EXPECT_EQ(Base64Encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode("\xfb\xff"), "+/8=");
}

TEST(Base64Url, RoundTripsWithoutPadding) {
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  EXPECT_EQ(Base64UrlDecode("-_8"), std::string("\xfb\xff"));
  EXPECT_EQ(Base64UrlDecode("Zm8="), std::string("fo"));
  EXPECT_FALSE(Base64UrlDecode("a!b").has_value());
}

// Four characters carry three bytes, so a final group of one character (6 bits) cannot hold a
// byte: such a text was cut or is not base64 at all, and decoding it must fail rather than drop
// the character silently.
TEST(Base64Url, LengthOneMoreThanAMultipleOfFourIsInvalid) {
  EXPECT_FALSE(Base64UrlDecode("A").has_value());
  EXPECT_FALSE(Base64UrlDecode("A=").has_value());
  EXPECT_FALSE(Base64UrlDecode("A===").has_value());
  EXPECT_FALSE(Base64UrlDecode("Zm9vA").has_value());
  EXPECT_EQ(Base64UrlDecode(""), std::string());
  EXPECT_EQ(Base64UrlDecode("QQ"), std::string("A"));
  EXPECT_EQ(Base64UrlDecode("QUI"), std::string("AB"));
  EXPECT_EQ(Base64UrlDecode("Zm9vYg"), std::string("foob"));
  // Peloton's documented GraphQL cursor carries one '=' too many; the padding stays optional.
  EXPECT_EQ(Base64UrlDecode("MTk=="), std::string("19"));
}

}  // namespace
}  // namespace pelo
