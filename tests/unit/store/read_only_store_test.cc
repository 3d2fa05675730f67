// The read-only store the dashboard reads through: it never creates, migrates or writes.
#include <gtest/gtest.h>

#include <filesystem>

#include "pelo/store/store.h"
#include "unit/store/store_fixtures.h"

namespace pelo::store {
namespace {

using testing::BundleFromEnvelope;
using testing::ExecSql;
using testing::QueryInt;
using testing::TempDir;

TEST(ReadOnlyStore, NoDatabaseIsAStorageErrorAndNothingIsCreated) {
  TempDir dir;
  const std::string path = (dir.path() / "none.db").string();
  auto store = OpenSqliteStoreReadOnly(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kStorage);
  EXPECT_NE(store.status().message().find("none.db"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(ReadOnlyStore, ReadsWhatAWriterStoredAndRefusesToWrite) {
  TempDir dir;
  const std::string path = (dir.path() / "pelo.db").string();
  {
    auto writer = OpenSqliteStore(path);
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->SaveWorkout(BundleFromEnvelope("SyncMyWorkout01.json")).ok());
  }
  auto reader = OpenSqliteStoreReadOnly(path);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(*(*reader)->CountWorkouts(), 1);
  const Status write = (*reader)->SetState("key", "value");
  EXPECT_EQ(write.code(), ErrorCode::kStorage) << write.ToString();
  EXPECT_EQ(QueryInt(path, "SELECT COUNT(*) FROM sync_state WHERE key = 'key'"), 0);
}

TEST(ReadOnlyStore, AnOlderSchemaIsNotMigratedButNamed) {
  TempDir dir;
  const std::string path = (dir.path() / "old.db").string();
  ASSERT_TRUE(OpenSqliteStore(path).ok());
  ExecSql(path, "PRAGMA user_version=1");
  auto store = OpenSqliteStoreReadOnly(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("pelo sync"), std::string::npos)
      << store.status().ToString();
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), 1);
}

}  // namespace
}  // namespace pelo::store
