// The one redactor (common/redact.h) every sink uses: the list of secret-looking keys, the quick
// scan that must never miss one, JSON walked after parsing, forms pair by pair.
#include "pelo/common/redact.h"

#include <gtest/gtest.h>

#include <string>

namespace pelo {
namespace {

constexpr const char* kSecretKeys[] = {"password",
                                       "new_password",
                                       "PasswordHint",
                                       "access_token",
                                       "refreshToken",
                                       "id_token",
                                       "token",
                                       "_csrf",
                                       "csrfToken",
                                       "session_id",
                                       "sessionId",
                                       "peloton_session_id",
                                       "api_key",
                                       "X-Api-Key",
                                       "client_secret",
                                       "cookie",
                                       "Set-Cookie",
                                       "Authorization",
                                       "Proxy-Authorization",
                                       "code",
                                       "Code",
                                       "code_verifier",
                                       "facebook_access_token"};
constexpr const char* kPlainKeys[] = {
    "token_type", "join_tokens", "expires_in", "is_session", "username", "state",
    "client_id",  "coupon_code", "codes",      "title",      ""};

TEST(SecretKeys, OneListInEverySpelling) {
  for (const char* key : kSecretKeys) EXPECT_TRUE(IsSecretKey(key)) << key;
  for (const char* key : kPlainKeys) EXPECT_FALSE(IsSecretKey(key)) << key;
}

// The quick scan a sink may skip the parse on: no secret key can hide from it, in any case or
// spelling, at any depth or spacing; escapes in a key (which could spell one) make it give up.
TEST(SecretKeys, TheQuickScanSeesEveryKeyOfTheList) {
  for (const char* key : kSecretKeys) {
    EXPECT_TRUE(MayHoldSecretKey(std::string(R"({"a":1,")") + key + R"(":"x"})")) << key;
    EXPECT_TRUE(MayHoldSecretKey(std::string(R"([{"a":{")") + key + "\"\n\t :1}}]")) << key;
  }
  EXPECT_FALSE(MayHoldSecretKey(R"({"duration":2,"metrics":[{"slug":"output"}]})"));
  EXPECT_TRUE(MayHoldSecretKey(R"({"p\u0061ss":1})"));
  EXPECT_TRUE(MayHoldSecretKey(R"({"x\"password":1})"));
  EXPECT_TRUE(MayHoldSecretKey(R"({"REFRESH-TOKEN":1})"));
  EXPECT_TRUE(MayHoldSecretKey(R"({"title":"unterminated)"));
}

// Only keys count: the words in values, and a value that looks like a key inside its quotes, are
// text, so bodies that merely mention a password are kept byte for byte.
TEST(SecretKeys, TheQuickScanIgnoresTheWordsInValues) {
  EXPECT_FALSE(MayHoldSecretKey(R"({"title":"password","tags":["token","code"]})"));
  EXPECT_FALSE(MayHoldSecretKey(R"({"note":"a \"password\": here","b":"\\"})"));
  EXPECT_FALSE(MayHoldSecretKey(R"(["access_token", "code"])"));
  EXPECT_FALSE(MayHoldSecretKey(""));
}

TEST(RedactJson, EachSinkItsPlaceholderAnyDepthAnyTypeKeyOrderKept) {
  const std::string body =
      R"({"z":1,"note":"a \"b","pass\u0077ord":"hunter2","list":[[{"Session_Id":{"v":2}}]],)"
      R"("api_key":123,"a":null})";
  EXPECT_EQ(RedactJson(body, ""),
            R"({"z":1,"note":"a \"b","password":"","list":[[{"Session_Id":""}]],"api_key":"",)"
            R"("a":null})");
  EXPECT_EQ(
      RedactJson(body, kRedactedValue),
      R"({"z":1,"note":"a \"b","password":"<redacted>","list":[[{"Session_Id":"<redacted>"}]],)"
      R"("api_key":"<redacted>","a":null})");
  // A duplicated key is one member once parsed: neither value survives.
  EXPECT_EQ(RedactJson(R"({"token":"t1","token":"t2"})", "-"), R"({"token":"-"})");
  // A bare value has no key to tell what it is.
  EXPECT_EQ(RedactJson(R"("just text")", "-"), R"("just text")");
  for (const char* broken :
       {"", "{", R"({"password":"x")", R"({"a":"\")", "[1,]", "pass=1", "{\"a\":\"\xff\"}"}) {
    EXPECT_FALSE(RedactJson(broken, "-").has_value()) << broken;
  }
}

TEST(RedactJson, DeeperThanTheLimitIsThePlaceholderWhole) {
  const std::string at_limit = std::string(kMaxRedactDepth - 1, '[') + R"({"token":"t"})" +
                               std::string(kMaxRedactDepth - 1, ']');
  const auto kept = RedactJson(at_limit, "-");
  ASSERT_TRUE(kept.has_value());
  EXPECT_NE(kept->find(R"({"token":"-"})"), std::string::npos);
  EXPECT_EQ(RedactJson("[" + at_limit + "]", "-"), R"("-")");
}

TEST(RedactPairs, KeysPercentDecodedValuesReplaced) {
  EXPECT_EQ(RedactPairs("grant_type=refresh_token&refresh_token=v1.abc&client_id=x", "<r>"),
            "grant_type=refresh_token&refresh_token=<r>&client_id=x");
  EXPECT_EQ(RedactPairs("pass%77ord=a&Pass%5Fword=b&code&=c&&code=&a+b=c", "<r>"),
            "pass%77ord=<r>&Pass%5Fword=<r>&code&=c&&code=<r>&a+b=c");
  EXPECT_EQ(RedactPairs("", "<r>"), "");
}

TEST(RedactBodyForLog, JsonFormsOrADescription) {
  EXPECT_EQ(RedactBodyForLog(R"({"password":"x"})"), R"({"password":"<redacted>"})");
  EXPECT_EQ(RedactBodyForLog("code=abc&state=s"), "code=<redacted>&state=s");
  EXPECT_TRUE(LooksLikeForm("a=1&b=%20c+d"));
  EXPECT_FALSE(LooksLikeForm("hunter2"));
  EXPECT_FALSE(LooksLikeForm("a = 1"));
  EXPECT_EQ(RedactBodyForLog("password hunter2"), "<16 bytes of non-JSON body>");
  EXPECT_EQ(RedactBodyForLog("<html>_csrf=1</html>"), "<20 bytes of non-JSON body>");
  EXPECT_EQ(RedactBodyForLog(""), "");
}

}  // namespace
}  // namespace pelo
