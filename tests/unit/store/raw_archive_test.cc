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
  EXPECT_EQ((*reopened)->ArchivedResponse("/api/instructor")->value_or(""), "<html>oops</html>");
  EXPECT_EQ(testing::QueryInt(path,
                              "SELECT raw_size FROM raw_responses WHERE path = "
                              "'/api/instructor'"),
            17);
}

}  // namespace
}  // namespace pelo::store
