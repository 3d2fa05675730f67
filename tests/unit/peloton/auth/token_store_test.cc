#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "pelo/peloton/auth/credentials.h"

namespace pelo::auth {
namespace {

class TokenStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("pelo-token-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static Credentials Sample() {
    Credentials c;
    c.method = Method::kPasswordGrant;
    c.access_token = "eyJaccess";
    c.refresh_token = "v1.refresh";
    c.id_token = "eyJid";
    c.expires_at = 1893456000;
    c.user_id = "u1";
    c.client_id = kMobileClientIdForTest;
    return c;
  }
  static constexpr const char* kMobileClientIdForTest = "mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS";

  std::filesystem::path dir_;
};

TEST_F(TokenStoreTest, MissingFileIsNotFound) {
  TokenStore store(dir_.string());
  auto loaded = store.Load();
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), ErrorCode::kNotFound);
}

TEST_F(TokenStoreTest, SaveCreates0600FileIn0700DirAndLoadsBack) {
  TokenStore store((dir_ / "nested").string());
  ASSERT_TRUE(store.Save(Sample()).ok());
  struct stat st {};
  ASSERT_EQ(stat(store.path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(stat((dir_ / "nested").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  auto loaded = store.Load();
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->method, Method::kPasswordGrant);
  EXPECT_EQ(loaded->access_token, "eyJaccess");
  EXPECT_EQ(loaded->refresh_token, "v1.refresh");
  EXPECT_EQ(loaded->expires_at, 1893456000);
  EXPECT_EQ(loaded->user_id, "u1");
  EXPECT_EQ(loaded->client_id, kMobileClientIdForTest);
}

TEST_F(TokenStoreTest, SaveReplacesAtomicallyAndLeavesNoTempFiles) {
  TokenStore store(dir_.string());
  ASSERT_TRUE(store.Save(Sample()).ok());
  Credentials next = Sample();
  next.access_token = "eyJsecond";
  ASSERT_TRUE(store.Save(next).ok());
  EXPECT_EQ(store.Load()->access_token, "eyJsecond");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename(), "credentials.json");
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST_F(TokenStoreTest, CorruptFileIsStorageErrorWithoutContent) {
  TokenStore store(dir_.string());
  std::filesystem::create_directories(dir_);
  std::ofstream(store.path()) << "{\"access_token\": \"eyJsecret-value\", truncated";
  std::filesystem::permissions(
      store.path(), std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto loaded = store.Load();
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), ErrorCode::kStorage);
  EXPECT_NE(loaded.status().message().find(store.path()), std::string::npos);
  EXPECT_EQ(loaded.status().message().find("secret-value"), std::string::npos);
}

TEST_F(TokenStoreTest, AFileOthersCanReadIsRefused) {
  TokenStore store(dir_.string());
  ASSERT_TRUE(store.Save(Sample()).ok());
  ASSERT_TRUE(store.Load().ok());
  for (auto extra : {std::filesystem::perms::group_read, std::filesystem::perms::others_read}) {
    std::filesystem::permissions(store.path(), extra, std::filesystem::perm_options::add);
    auto loaded = store.Load();
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.status().code(), ErrorCode::kUnauthenticated);
    EXPECT_NE(loaded.status().message().find("readable by others"), std::string::npos);
    std::filesystem::permissions(store.path(), extra, std::filesystem::perm_options::remove);
  }
  EXPECT_TRUE(store.Load().ok());
}

// Logout reads exposed tokens, to revoke them before it deletes them; nothing else does.
TEST_F(TokenStoreTest, LoadToRevokeAlsoReadsAFileOthersCanRead) {
  TokenStore store(dir_.string());
  EXPECT_EQ(store.LoadToRevoke().status().code(), ErrorCode::kNotFound);
  ASSERT_TRUE(store.Save(Sample()).ok());
  std::filesystem::permissions(store.path(), std::filesystem::perms::others_read,
                               std::filesystem::perm_options::add);
  EXPECT_EQ(store.Load().status().code(), ErrorCode::kUnauthenticated);
  auto exposed = store.LoadToRevoke();
  ASSERT_TRUE(exposed.ok()) << exposed.status().ToString();
  EXPECT_EQ(exposed->refresh_token, "v1.refresh");
}

TEST_F(TokenStoreTest, RemoveIsIdempotent) {
  TokenStore store(dir_.string());
  ASSERT_TRUE(store.Save(Sample()).ok());
  EXPECT_TRUE(store.Remove().ok());
  EXPECT_TRUE(store.Remove().ok());
  EXPECT_EQ(store.Load().status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace pelo::auth
