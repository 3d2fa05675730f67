// The raw archive: secrets blanked at any depth, compressed, readable back.
#include "store/raw_archive.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pelo/store/store.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

TEST(BlankSecrets, BlanksSecretLookingKeysAnywhere) {
  nlohmann::json out = nlohmann::json::parse(BlankSecrets(R"({
      "user_id": "u1", "session_id": "s3cr3t", "password": "x",
      "user_data": {"facebook_access_token": "abc", "name": "Rider",
                    "devices": [{"refresh_token": "r", "Access_Token": "a", "serial": "7"}]},
      "token": {"nested": true}, "id_token": 5, "client_secret": "cs", "cookie": "c=1",
      "total_workouts": 420})"));
  EXPECT_EQ(out["user_id"], "u1");
  EXPECT_EQ(out["session_id"], "");
  EXPECT_EQ(out["password"], "");
  EXPECT_EQ(out["user_data"]["facebook_access_token"], "");
  EXPECT_EQ(out["user_data"]["name"], "Rider");
  EXPECT_EQ(out["user_data"]["devices"][0]["refresh_token"], "");
  EXPECT_EQ(out["user_data"]["devices"][0]["Access_Token"], "");
  EXPECT_EQ(out["user_data"]["devices"][0]["serial"], "7");
  EXPECT_EQ(out["token"], "");
  EXPECT_EQ(out["id_token"], "");
  EXPECT_EQ(out["client_secret"], "");
  EXPECT_EQ(out["cookie"], "");
  EXPECT_EQ(out["total_workouts"], 420);
}

// However a key is spelled (snake, camel, kebab case) and wherever it is: in arrays of arrays,
// at the top of an array, with an object or array for value.
TEST(BlankSecrets, EverySpellingAtAnyDepthIncludingArrays) {
  nlohmann::json out = nlohmann::json::parse(BlankSecrets(R"([
      {"accessToken": "a1", "refreshToken": "r1", "sessionId": "s1", "apiKey": "k1",
       "X-Api-Key": "k2", "_csrf": "c1", "Proxy-Authorization": "Basic x", "newPassword": "p1"},
      [[{"facebook_access_token": "f1", "ride": {"title": "Climb"}}]],
      {"cookie": ["a=1", "b=2"], "secrets": {"facebook_access_token": "f2"},
       "stream_token": {"value": "v1"}, "token_type": "Bearer", "join_tokens": {"on_demand": "j"},
       "expires_in": 60, "is_session": true}])"));
  const nlohmann::json& first = out[0];
  for (const char* key : {"accessToken", "refreshToken", "sessionId", "apiKey", "X-Api-Key",
                          "_csrf", "Proxy-Authorization", "newPassword"}) {
    EXPECT_EQ(first[key], "") << key;
  }
  EXPECT_EQ(out[1][0][0]["facebook_access_token"], "");
  EXPECT_EQ(out[1][0][0]["ride"]["title"], "Climb");
  const nlohmann::json& last = out[2];
  EXPECT_EQ(last["cookie"], "");
  EXPECT_EQ(last["secrets"]["facebook_access_token"], "") << "inside a non-secret key";
  EXPECT_EQ(last["stream_token"], "");
  // Not credentials: kept.
  EXPECT_EQ(last["token_type"], "Bearer");
  EXPECT_EQ(last["join_tokens"]["on_demand"], "j");
  EXPECT_EQ(last["expires_in"], 60);
  EXPECT_EQ(last["is_session"], true);
}

// A key spelled with \u escapes is the same key once parsed: the quick scan must not miss it.
TEST(BlankSecrets, EscapedKeysAreSeen) {
  const std::string out = BlankSecrets(R"({"pass\u0077ord": "hunter2", "name": "R\u00e9my"})");
  EXPECT_EQ(out.find("hunter2"), std::string::npos) << out;
  EXPECT_EQ(nlohmann::json::parse(out)["name"], "R\u00e9my");
}

TEST(BlankSecrets, ResponsesWithoutSecretsAreKeptByteForByte) {
  const std::string graph =
      R"({"duration": 2,  "metrics": [{"slug": "output", "values": [1, 2]}]})";
  EXPECT_EQ(BlankSecrets(graph), graph);
}

TEST(BlankSecrets, TheQuickScanIgnoresCase) {
  auto out = nlohmann::json::parse(BlankSecrets(R"({"PASSWORD": "x", "Session_Token": "t"})"));
  EXPECT_EQ(out["PASSWORD"], "");
  EXPECT_EQ(out["Session_Token"], "");
}

TEST(BlankSecrets, NonJsonIsKeptAsIs) {
  EXPECT_EQ(BlankSecrets("<html>502</html>"), "<html>502</html>");
  EXPECT_EQ(BlankSecrets(""), "");
}

// The one list the logs use too: OAuth's code and code_verifier are secrets wherever they are.
// The body the issue logged (an escaped quote before the password) is blanked as well, and the
// members keep their order.
TEST(BlankSecrets, TheLogsListAndEscapedQuotes) {
  const std::string out = BlankSecrets(
      R"({"note":"a \"b", "password":"hunter2", "oauth":{"code":"c0de","Code_Verifier":"v3r"},)"
      R"("ride":{"title":"Climb","coupon_code":"SPRING"}})");
  EXPECT_EQ(out, R"({"note":"a \"b","password":"","oauth":{"code":"","Code_Verifier":""},)"
                 R"("ride":{"title":"Climb","coupon_code":"SPRING"}})");
}

// Too deep to walk and re-serialise safely (the API parsers refuse it too, so it holds no rows):
// blanked whole, whatever it holds.
TEST(BlankSecrets, JsonDeeperThanTheLimitIsBlankedWhole) {
  const std::string deep = std::string(2000, '[') + R"({"token":"t"})" + std::string(2000, ']');
  EXPECT_EQ(BlankSecrets(deep), R"("")");
  const std::string shallow = std::string(1000, '[') + R"({"token":"t"})" + std::string(1000, ']');
  const std::string blanked = BlankSecrets(shallow);
  EXPECT_TRUE(blanked == std::string(1000, '[') + R"({"token":""})" + std::string(1000, ']'))
      << blanked.substr(995, 30);
}

TEST(Compression, RoundTripsAndDetectsCorruption) {
  std::string body(10000, 'a');
  std::string packed = Compress(body);
  EXPECT_LT(packed.size(), body.size() / 10);
  EXPECT_EQ(Decompress(packed, body.size()).value(), body);
  EXPECT_EQ(Decompress("garbage", 5).status().code(), ErrorCode::kStorage);
}

TEST(RawArchive, StoredBlankedAndReadBack) {
  testing::TempDir dir;
  std::string path = (dir.path() / "pelo.db").string();
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok());
  model::User user;
  user.id = "u1";
  ASSERT_TRUE((*store)
                  ->SaveUser(user, {"/api/me", R"({"id":"u1","facebook_access_token":"abc",
                                                   "password":"x","name":"Rider"})"})
                  .ok());
  ASSERT_TRUE((*store)->SaveUser(user, {"/auth/login", R"({"session_id":"s"})"}).ok());
  ASSERT_TRUE((*store)->SaveInstructors({}, {"/api/instructor", "<html>oops</html>"}).ok());
  auto reopened = OpenSqliteStore(path);
  ASSERT_TRUE(reopened.ok());
  auto me = (*reopened)->ArchivedResponse("/api/me");
  ASSERT_TRUE(me.ok() && me->has_value());
  nlohmann::json body = nlohmann::json::parse(**me);
  EXPECT_EQ(body["facebook_access_token"], "");
  EXPECT_EQ(body["password"], "");
  EXPECT_EQ(body["name"], "Rider");
  EXPECT_EQ((**me).find("abc"), std::string::npos);
  auto login = (*reopened)->ArchivedResponse("/auth/login");  // auth is never archived
  ASSERT_TRUE(login.ok());
  EXPECT_FALSE(login->has_value());
  for (const char* auth_path : {"/oauth/token", "/oauth/revoke", "/auth/check_session"}) {
    ASSERT_TRUE(
        (*store)->SaveUser(user, {auth_path, R"({"id":"u1","note":"no secret key"})"}).ok());
    EXPECT_FALSE((*reopened)->ArchivedResponse(auth_path)->has_value()) << auth_path;
  }
  EXPECT_EQ((*reopened)->ArchivedResponse("/api/instructor")->value_or(""), "<html>oops</html>");
  EXPECT_EQ(testing::QueryInt(path,
                              "SELECT raw_size FROM raw_responses WHERE path = "
                              "'/api/instructor'"),
            17);
}

}  // namespace
}  // namespace pelo::store
