// One file per service: `<dir>/<service>.json`, 0600 in a 0700 directory, replaced atomically,
// refused when others can read it.
#include "pelo/oauth2/token_store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

namespace pelo::oauth2 {
namespace {

class OAuth2TokenStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("pelo-oauth2-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static StoredTokens Sample(const std::string& access) {
    StoredTokens s;
    s.tokens.access_token = access;
    s.tokens.refresh_token = "refresh-" + access;
    s.tokens.scope = "read,activity:write";
    s.tokens.expires_at = 1893456000;
    s.fields = {{"athlete_id", "123"}, {"access_token", "ignored: a token member"}};
    return s;
  }

  std::filesystem::path dir_;
};

TEST_F(OAuth2TokenStoreTest, EachServiceHasItsOwn0600FileIn0700Dir) {
  TokenStore strava((dir_ / "cfg").string(), "strava");
  TokenStore icu((dir_ / "cfg").string(), "intervals_icu");
  EXPECT_EQ(strava.path(), (dir_ / "cfg" / "strava.json").string());
  EXPECT_EQ(strava.Load().status().code(), ErrorCode::kNotFound);
  ASSERT_TRUE(strava.Save(Sample("s1")).ok());
  ASSERT_TRUE(icu.Save(Sample("i1")).ok());
  struct stat st {};
  ASSERT_EQ(stat(strava.path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(stat((dir_ / "cfg").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  auto loaded = strava.Load();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->tokens.access_token, "s1");
  EXPECT_EQ(loaded->tokens.refresh_token, "refresh-s1");
  EXPECT_EQ(loaded->tokens.scope, "read,activity:write");
  EXPECT_EQ(loaded->tokens.expires_at, 1893456000);
  EXPECT_EQ(loaded->fields, (std::map<std::string, std::string>{{"athlete_id", "123"}}));
  EXPECT_EQ(icu.Load()->tokens.access_token, "i1");
  ASSERT_TRUE(strava.Remove().ok());
  EXPECT_TRUE(strava.Remove().ok());
  EXPECT_EQ(strava.Load().status().code(), ErrorCode::kNotFound);
  EXPECT_TRUE(icu.Load().ok()) << "another service's logout leaves this one logged in";
}

TEST_F(OAuth2TokenStoreTest, SaveReplacesAtomicallyAndLeavesNoTempFiles) {
  TokenStore store(dir_.string(), "strava");
  ASSERT_TRUE(store.Save(Sample("a")).ok());
  ASSERT_TRUE(store.Save(Sample("b")).ok());
  EXPECT_EQ(store.Load()->tokens.access_token, "b");
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    names.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(names, (std::vector<std::string>{"strava.json"}));
}

TEST_F(OAuth2TokenStoreTest, AnExposedFileIsRefusedWithTheServicesHintButReadToRevoke) {
  TokenStore store(dir_.string(), "strava", "`pelo logout strava` and log in again");
  ASSERT_TRUE(store.Save(Sample("a")).ok());
  std::filesystem::permissions(store.path(), std::filesystem::perms::group_read,
                               std::filesystem::perm_options::add);
  auto refused = store.Load();
  ASSERT_EQ(refused.status().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(refused.status().message(),
            store.path() + " is readable by others (mode 0640): run `chmod 600 " + store.path() +
                "`, or `pelo logout strava` and log in again");
  auto exposed = store.LoadToRevoke();
  ASSERT_TRUE(exposed.ok()) << exposed.status().ToString();
  EXPECT_EQ(exposed->tokens.refresh_token, "refresh-a");
}

TEST_F(OAuth2TokenStoreTest, ACorruptFileIsAStorageErrorThatQuotesNothing) {
  TokenStore store(dir_.string(), "strava");
  std::filesystem::create_directories(dir_);
  std::ofstream(store.path()) << R"(["access_token", "secret-Value-1"])";
  std::filesystem::permissions(
      store.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
      std::filesystem::perm_options::replace);
  auto loaded = store.Load();
  ASSERT_EQ(loaded.status().code(), ErrorCode::kStorage);
  EXPECT_EQ(loaded.status().message(), store.path() + ": corrupt credentials file");
}

// What is on disk: the token members and the service's fields, side by side.
TEST_F(OAuth2TokenStoreTest, TheFileIsOneJsonObject) {
  TokenStore store(dir_.string(), "strava");
  StoredTokens s = Sample("a");
  s.tokens.scope.clear();
  ASSERT_TRUE(store.Save(s).ok());
  std::ifstream in(store.path());
  const auto json = nlohmann::json::parse(in);
  EXPECT_EQ(json, (nlohmann::json{{"access_token", "a"},
                                  {"refresh_token", "refresh-a"},
                                  {"id_token", ""},
                                  {"expires_at", 1893456000},
                                  {"athlete_id", "123"}}));
}

}  // namespace
}  // namespace pelo::oauth2
