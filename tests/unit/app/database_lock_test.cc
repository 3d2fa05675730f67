// The one-writer lock of a database, on real files: flock(2) conflicts between two open file
// descriptions even in one process, so a second lock taken here is what a second pelo meets.
#include "pelo/app/database_lock.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "pelo/app/workspace.h"
#include "pelo/common/cancel.h"

namespace pelo::app {
namespace {

namespace fs = std::filesystem;

// A fresh directory for one test, removed after it.
class DatabaseLockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "pelo-lock-test-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = fs::canonical(pattern).string();  // the lock file's path has its links resolved
    db_ = dir_ + "/pelo.db";
  }
  void TearDown() override {
    ResetCancel();
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  static LockOptions Options(std::chrono::milliseconds wait, std::string command = "sync") {
    LockOptions options;
    options.command = std::move(command);
    options.wait = wait;
    return options;
  }

  std::string dir_;
  std::string db_;
};

const std::string kThisPid = std::to_string(getpid());

TEST_F(DatabaseLockTest, ASecondLockIsBusyAtOnceAndNamesTheDatabaseAndTheHolder) {
  auto first = LockDatabase(db_, Options(std::chrono::milliseconds(0)));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->held());
  EXPECT_FALSE(first->waited());
  EXPECT_EQ(first->path(), db_ + ".lock");

  int told = 0;
  LockOptions second_options = Options(std::chrono::milliseconds(0), "rebuild");
  second_options.on_wait = [&](const LockHolder&) { ++told; };
  auto second = LockDatabase(db_, second_options);
  ASSERT_EQ(second.status().code(), ErrorCode::kBusy) << second.status().ToString();
  const std::string& message = second.status().message();
  EXPECT_EQ(message.rfind(db_ + ": pelo sync (pid " + kThisPid + ", since ", 0), 0) << message;
  EXPECT_NE(message.find(") is writing it"), std::string::npos) << message;
  EXPECT_EQ(told, 0) << "no wait, nothing to say";
}

TEST_F(DatabaseLockTest, TheHolderIsWrittenInAFileNextToTheDatabaseWhichStays) {
  {
    auto lock = LockDatabase(db_, Options(std::chrono::milliseconds(0)));
    ASSERT_TRUE(lock.ok()) << lock.status().ToString();
    std::ifstream in(db_ + ".lock");
    std::string pid, command;
    int64_t since = 0;
    ASSERT_TRUE(in >> pid >> command >> since);
    EXPECT_EQ(pid, kThisPid);
    EXPECT_EQ(command, "sync");
    EXPECT_GT(since, 1600000000);
  }
  // Released with its holder, the file kept (removing it could split one lock in two) and
  // emptied, so that it names no one.
  EXPECT_TRUE(fs::exists(db_ + ".lock"));
  EXPECT_EQ(fs::file_size(db_ + ".lock"), 0u);
  auto again = LockDatabase(db_, Options(std::chrono::milliseconds(0)));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->waited());
}

TEST_F(DatabaseLockTest, AWaitSaysSoOnceThenGivesUpAsBusy) {
  auto first = LockDatabase(db_, Options(std::chrono::milliseconds(0)));
  ASSERT_TRUE(first.ok());
  std::vector<LockHolder> told;
  LockOptions options = Options(std::chrono::milliseconds(250));
  options.on_wait = [&](const LockHolder& holder) { told.push_back(holder); };
  auto second = LockDatabase(db_, options);
  ASSERT_EQ(second.status().code(), ErrorCode::kBusy) << second.status().ToString();
  EXPECT_NE(second.status().message().find("; waited 250ms"), std::string::npos)
      << second.status().message();
  ASSERT_EQ(told.size(), 1u);
  EXPECT_EQ(told[0].pid, getpid());
  EXPECT_EQ(told[0].command, "sync");
  EXPECT_EQ(DescribeHolder(told[0]).rfind("pelo sync (pid " + kThisPid + ", since ", 0), 0);
}

TEST_F(DatabaseLockTest, TheWaitEndsWhenTheHolderLetsGo) {
  std::optional<StatusOr<DatabaseLock>> first = LockDatabase(db_, Options({}));
  ASSERT_TRUE(first->ok());
  LockOptions options = Options(std::chrono::minutes(1));
  // Called once the second found the lock held: the holder ends while the second waits.
  options.on_wait = [&](const LockHolder&) { first.reset(); };
  auto second = LockDatabase(db_, options);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(second->waited());
  EXPECT_EQ(LockDatabase(db_, Options({})).status().code(), ErrorCode::kBusy);
}

TEST_F(DatabaseLockTest, AFileRemovedWhileWaitingIsNotTheLockTaken) {
  std::optional<StatusOr<DatabaseLock>> first = LockDatabase(db_, Options({}));
  ASSERT_TRUE(first->ok());
  LockOptions options = Options(std::chrono::minutes(1));
  // Someone removes the file the second is waiting on, then the holder ends: the second must
  // lock the file that is there now, or a third would find no one holding it.
  options.on_wait = [&](const LockHolder&) {
    fs::remove(db_ + ".lock");
    first.reset();
  };
  auto second = LockDatabase(db_, options);
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_TRUE(fs::exists(db_ + ".lock"));
  EXPECT_EQ(LockDatabase(db_, Options({})).status().code(), ErrorCode::kBusy);
}

TEST_F(DatabaseLockTest, ACancelEndsTheWait) {
  auto first = LockDatabase(db_, Options({}));
  ASSERT_TRUE(first.ok());
  RequestCancel();  // as Ctrl-C while waiting
  auto second = LockDatabase(db_, Options(std::chrono::hours(1)));
  EXPECT_EQ(second.status().code(), ErrorCode::kCancelled) << second.status().ToString();
  EXPECT_NE(second.status().message().find(db_), std::string::npos);
}

TEST_F(DatabaseLockTest, TwoNamesOfOneDatabaseShareALock) {
  std::ofstream(db_).put('x');
  fs::create_directory(dir_ + "/other");
  fs::create_symlink(db_, dir_ + "/other/link.db");
  EXPECT_EQ(LockFilePath(dir_ + "/other/link.db"), db_ + ".lock");
  EXPECT_EQ(LockFilePath(dir_ + "/other/../pelo.db"), db_ + ".lock");
  auto first = LockDatabase(dir_ + "/other/link.db", Options({}));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(LockDatabase(db_, Options({})).status().code(), ErrorCode::kBusy);
}

TEST_F(DatabaseLockTest, SQLitesPrivateTemporaryDatabaseIsNotLocked) {
  auto lock = LockDatabase("", Options({}));
  ASSERT_TRUE(lock.ok());
  EXPECT_FALSE(lock->held());
}

TEST_F(DatabaseLockTest, AMissingDirectoryIsAStorageError) {
  auto lock = LockDatabase(dir_ + "/none/pelo.db", Options({}));
  EXPECT_EQ(lock.status().code(), ErrorCode::kStorage);
  EXPECT_NE(lock.status().message().find(dir_ + "/none/pelo.db.lock"), std::string::npos);
}

TEST_F(DatabaseLockTest, TheWorkspaceLocksWhatItOpensToWrite) {
  const Workspace workspace{WorkspaceOptions{}};
  const std::string db = dir_ + "/data/pelo.db";  // its directory is made, as a sync makes it
  {
    auto sync = workspace.OpenStoreForSync(db, Options({}));
    ASSERT_TRUE(sync.ok()) << sync.status().ToString();
    EXPECT_EQ(*sync->store->CountWorkouts(), 0);
    EXPECT_EQ(workspace.OpenStoreForSync(db, Options({})).status().code(), ErrorCode::kBusy);
    EXPECT_EQ(workspace.OpenStoreToRebuild(db, Options({})).status().code(), ErrorCode::kBusy);
    // Readers take no lock.
    EXPECT_TRUE(workspace.OpenExistingStore(db).ok());
  }
  auto rebuild = workspace.OpenStoreToRebuild(db, Options({}, "rebuild"));
  ASSERT_TRUE(rebuild.ok()) << rebuild.status().ToString();

  // A rebuild needs a database: none is made, nor its lock file.
  const std::string missing = dir_ + "/missing.db";
  auto none = workspace.OpenStoreToRebuild(missing, Options({}));
  EXPECT_EQ(none.status().code(), ErrorCode::kStorage);
  EXPECT_EQ(none.status().message(),
            missing + ": no such database (`pelo sync` makes one; `pelo demo` a sample)");
  EXPECT_FALSE(fs::exists(missing));
  EXPECT_FALSE(fs::exists(missing + ".lock"));
}

}  // namespace
}  // namespace pelo::app
